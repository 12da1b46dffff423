"""smartshare/cache: pages done whole by forked workers (parallel.Elsewhere), each exactly once, and a worker that
dies costs the build only the pages it had not finished (the build does them itself)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap

import pytest

from smartshare.cache.parallel import PLACE, Elsewhere, can_fork

pytestmark = pytest.mark.skipif(not can_fork(), reason="workers are forked")


class Page:
    def __init__(self, number: int) -> None:
        self.number = number


def build(pages: list[Page], work, ready: int) -> tuple[dict[int, str], list[int], int]:
    """The build's loop: each page taken from a worker or done by the build; returns what each page gave, the pages
    the build did itself, and how many the workers did. The loop starts once the worker has done page `ready`."""
    told, tell = os.pipe()

    def working(page: Page) -> str:
        result = work(page)
        if page.number == ready:
            os.write(tell, b"!")
        return result

    elsewhere = Elsewhere(pages, 1, working)
    assert os.read(told, 1) == b"!"
    os.close(told)
    os.close(tell)
    results, own = {}, []
    for page in pages:
        handed = elsewhere.take(page)
        if handed is None:
            own.append(page.number)
            handed = f"page {page.number} by the build"
        results[page.number] = handed
    return results, own, elsewhere.finish()


def test_every_page_is_done_once_by_one_process_and_handed_back_in_the_builds_order():
    pages = [Page(n) for n in range(200)]
    results, own, handed = build(pages, lambda page: f"page {page.number} by pid {os.getpid()}", ready=150)
    # the worker went from the end: what it did is one block at the end, the build's the rest
    assert handed == len(pages) - len(own) > 0
    assert own == list(range(len(own)))
    worker = {results[n].rsplit(" ", 1)[1] for n in range(len(own), len(pages))}
    assert len(worker) == 1 and worker != {str(os.getpid())}
    assert all(results[n] == f"page {n} by the build" for n in own)


def test_a_workers_results_are_kept_in_one_file_of_its_own_not_a_file_per_page():
    """Deleting a file per page cost the build seconds after its last page: the folder holds the lock and one file
    for each worker, whatever the number of pages done."""
    pages = [Page(n) for n in range(300)]
    told, tell = os.pipe()

    def work(page: Page) -> str:
        if page.number in (100, 101):  # one page of each worker
            os.write(tell, b"!")
        return f"page {page.number}"

    elsewhere = Elsewhere(pages, 2, work)
    assert os.read(told, 1) + os.read(told, 1) == b"!!"
    os.close(told)
    os.close(tell)
    assert sorted(os.listdir(elsewhere.folder)) == ["lock", "worker-0", "worker-1"]
    taken = [page.number for page in pages if elsewhere.take(page) == f"page {page.number}"]
    assert len(taken) == elsewhere.finish() > 100


def test_a_result_read_at_another_pages_place_is_refused_and_the_build_does_the_page():
    """A result holds its page's number: a place that points at another page's result gives nothing, not that
    page's result."""
    pages = [Page(n) for n in range(40)]
    told, tell = os.pipe()

    def work(page: Page) -> str:
        if page.number == 0:
            os.write(tell, b"!")
        return f"page {page.number} by a worker"

    elsewhere = Elsewhere(pages, 1, work)
    assert os.read(told, 1) == b"!"
    os.close(told)
    os.close(tell)  # the worker has done every page, from the last to the first
    elsewhere.places[PLACE.size * 10 : PLACE.size * 11] = elsewhere.places[PLACE.size * 11 : PLACE.size * 12]
    assert elsewhere.take(pages[10]) is None
    assert elsewhere.take(pages[11]) == "page 11 by a worker"
    elsewhere.finish()


def test_a_worker_killed_halfway_leaves_its_page_and_the_rest_to_the_build():
    pages = [Page(n) for n in range(60)]

    def work(page: Page) -> str:
        if page.number == 50:
            os.kill(os.getpid(), signal.SIGKILL)  # killed on this page: nothing of it is handed back
        return f"page {page.number} by a worker"

    results, own, handed = build(pages, work, ready=51)
    assert set(own) == set(range(51)) and handed == 9
    assert all(results[n] == f"page {n} by a worker" for n in range(51, 60))
    assert all(results[n] == f"page {n} by the build" for n in range(51))


def test_a_worker_failing_on_a_page_leaves_it_to_the_build():
    pages = [Page(n) for n in range(30)]

    def work(page: Page) -> str:
        if page.number == 25:
            raise ValueError("a page the worker cannot do")
        return f"page {page.number} by a worker"

    results, own, handed = build(pages, work, ready=26)
    assert set(own) == set(range(26)) and handed == 4
    assert results[25] == "page 25 by the build"


def test_the_theme_pass_is_shared_only_when_every_hook_in_it_is_known_to_work_page_by_page():
    from types import SimpleNamespace

    from mkdocs.plugins import BasePlugin, PluginCollection

    from smartshare.cache.elsewhere import ThemePass
    from smartshare.curriculum.plugin import CurriculumPlugin
    from smartshare.mentor.plugin import MentorPlugin

    plugins = PluginCollection()  # registers each plugin's hooks by event, as MkDocs does
    plugins["smartshare/curriculum"] = CurriculumPlugin()
    plugins["smartshare/mentor"] = MentorPlugin()
    assert ThemePass.possible(SimpleNamespace(plugins=plugins))

    class Other(BasePlugin):  # another plugin (or a hook of mkdocs.yml's `hooks:`) in the theme pass
        def on_post_page(self, output, page, config):
            return output

    plugins["other"] = Other()
    assert not ThemePass.possible(SimpleNamespace(plugins=plugins))


def test_a_build_interrupted_by_ctrl_c_leaves_no_folder_of_its_workers_behind(tmp_path):
    """The build stops between pages (KeyboardInterrupt, as Ctrl-C gives it): its workers end with it (they do not
    go on with pages nobody will take) and the folder where they leave their pages goes with the process, as when the
    build finishes."""
    script = textwrap.dedent(
        """
        import sys, time
        from smartshare.cache.parallel import Elsewhere

        elsewhere = Elsewhere(list(range(50)), 1, lambda page: time.sleep(0.1) or page)
        print(elsewhere.folder, *elsewhere.children, flush=True)
        elsewhere.take(0)
        raise KeyboardInterrupt
        """
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert "KeyboardInterrupt" in run.stderr
    folder, *workers = run.stdout.split()
    assert folder.startswith(os.path.join(os.path.dirname(folder), "smartshare-pages-"))
    assert not os.path.exists(folder)
    assert len(workers) == 1
    with pytest.raises(ProcessLookupError):  # 5 s of pages left: a worker that went on would still be there
        os.kill(int(workers[0]), 0)
