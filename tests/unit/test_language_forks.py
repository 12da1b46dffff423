"""The other languages' builds are forked before the default language's pages, and each waits for its turn: it builds
only when the default build is done, one language after the other, and leaves unbuilt when the default build fails."""

import logging
import os
import sys
import time
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from smartshare import priorities as p
from smartshare.curriculum import languages
from smartshare.curriculum.languages import LANGUAGE_VARIABLE, LanguageSites

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the other languages are forked where fork exists")


@pytest.fixture
def builds(tmp_path, monkeypatch):
    """`_build` replaced by one that notes, in `built.txt`, each language built and the process that built it."""
    journal = tmp_path / "built.txt"

    def build(config_file, site_dir, strict):
        code = os.environ[LANGUAGE_VARIABLE]
        if code == os.environ.get("FAILING_LANGUAGE"):
            raise RuntimeError(f"no site for {code}")
        with open(journal, "a", encoding="utf-8") as handle:
            handle.write(f"{code} {os.getpid()} {os.path.basename(site_dir)} {strict}\n")
        os.write(2, f"WARNING -  a warning of {code}\n".encode())  # as MkDocs' log writes to the fork's stderr
        return 0

    monkeypatch.setattr(languages, "_build", build)
    # a test process may run other threads (pytest-xdist's), where the sites fall back to a process per language
    # (the fallback has its own test below); what is tested here is the fork
    monkeypatch.setattr(languages.threading, "active_count", lambda: 1)
    return journal


def sites(tmp_path) -> LanguageSites:
    return LanguageSites(("en", "fr", "de"), "en", root_dir=str(tmp_path), root_url="", may_fork=True)


CONFIG = SimpleNamespace(config_file_path="mkdocs.yml", strict=True, site_name="Site", use_directory_urls=True)


def test_the_forks_wait_for_the_default_build_then_build_one_language_after_the_other(tmp_path, builds, caplog):
    forks = sites(tmp_path)
    forks.fork_others(CONFIG)
    assert list(forks.waiting) == ["fr", "de"]
    time.sleep(0.3)  # a fork that did not wait would have built by now
    assert not builds.exists()
    (tmp_path / "en").mkdir()
    with caplog.at_level(logging.DEBUG):
        forks.build_others(CONFIG, logging.getLogger("test"))
    built = [line.split() for line in builds.read_text(encoding="utf-8").splitlines()]
    assert [(code, site, strict) for code, _, site, strict in built] == [("fr", "fr", "True"), ("de", "de", "True")]
    assert len({pid for _, pid, _, _ in built} | {str(os.getpid())}) == 3  # each in a process of its own
    assert [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING] == [
        "[fr] a warning of fr",
        "[de] a warning of de",
    ]
    assert forks.waiting == {}
    assert (tmp_path / "index.html").is_file()


def test_a_language_that_fails_is_reported_and_the_languages_after_it_leave_unbuilt(tmp_path, builds, monkeypatch):
    monkeypatch.setenv("FAILING_LANGUAGE", "fr")
    # the traceback goes to file 2, as in `mkdocs build` (pytest's capture stands in for sys.stderr during a test)
    monkeypatch.setattr(sys, "stderr", sys.__stderr__)
    forks = sites(tmp_path)
    forks.fork_others(CONFIG)
    with pytest.raises(PluginError) as error:
        forks.build_others(CONFIG, logging.getLogger("test"))
    assert "the 'fr' site did not build" in str(error.value)
    assert "RuntimeError: no site for fr" in str(error.value)  # the traceback's last line
    assert forks.waiting == {}  # de was told to leave, and waited for
    assert not builds.exists()
    assert not (tmp_path / "index.html").exists()


def test_when_the_default_build_fails_the_forks_leave_without_building(tmp_path, builds):
    forks = sites(tmp_path)
    forks.fork_others(CONFIG)
    pids = [waiting.pid for waiting in forks.waiting.values()]
    forks.cancel_others()
    assert forks.waiting == {}
    for pid in pids:  # already waited for: no such child any more
        with pytest.raises(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)
    assert not builds.exists()


def test_only_the_default_build_of_mkdocs_build_forks(tmp_path, builds):
    for other in (
        LanguageSites(("en", "fr"), "fr", root_url="", may_fork=True),  # a language's own build
        LanguageSites(("en", "fr"), "en", root_dir=str(tmp_path), may_fork=False),  # `mkdocs serve`
    ):
        other.fork_others(CONFIG)
        assert other.waiting == {}


def test_a_process_running_other_threads_does_not_fork(tmp_path, builds, monkeypatch):
    monkeypatch.setattr(languages.threading, "active_count", lambda: 2)
    forks = sites(tmp_path)
    forks.fork_others(CONFIG)
    assert forks.waiting == {}


def test_the_forks_are_made_once_the_curriculum_is_checked_before_the_build_cache_opens():
    # the forks start from the check's results, not from this language's pages, nor with its cache or sweep open
    assert p.LOAD_CURRICULUM > p.LANGUAGE_FORKS > max(p.CACHE_OPEN, p.CACHE_SWEEP, p.HANDOUTS_SETUP, p.FEEDBACK_SETUP)
