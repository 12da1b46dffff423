"""smartshare/cache: parts of the theme pass made by a forked helper during the Markdown pass (cache/beside.py): a
job's result comes from the helper, and a job that logged, raised or lost its helper gives None, so that the build
does the work itself, with its messages in their place."""

from __future__ import annotations

import logging
import os
import signal

import pytest

from smartshare.cache.beside import Beside
from smartshare.cache.parallel import _fork, can_fork

pytestmark = pytest.mark.skipif(not can_fork(), reason="the helper is forked")


def test_each_jobs_result_is_made_by_the_helper_and_taken_once():
    beside = Beside()
    pid = beside.add("pid", os.getpid)
    entries = beside.add("entries", lambda: {f"s{n}": f"<li>{n}</li>" for n in range(3000)})
    assert beside.start()
    assert entries() == {f"s{n}": f"<li>{n}</li>" for n in range(3000)}
    made_by = pid()
    assert isinstance(made_by, int) and made_by != os.getpid()
    assert pid() is None  # taken: the build holds it now
    assert beside.taken == ["entries", "pid"]
    assert beside.folder is None  # the hand-off's folder is gone once the helper is waited for


def test_a_job_that_logs_or_raises_gives_none_and_the_others_still_count():
    beside = Beside()

    def logs() -> str:
        logging.getLogger("mkdocs.plugins.smartshare.curriculum").warning("a message of the build's")
        return "made"

    def raises() -> str:
        raise ValueError("the build does it and says why")

    logged, raised, fine = beside.add("logs", logs), beside.add("raises", raises), beside.add("fine", lambda: "ok")
    beside.start()
    assert (logged(), raised(), fine()) == (None, None, "ok")
    assert beside.taken == ["fine"]


def test_a_helper_killed_before_handing_back_gives_none():
    beside = Beside()
    told, tell = os.pipe()

    def stuck() -> str:
        os.write(tell, b"!")
        signal.pause()
        return "never"

    result = beside.add("stuck", stuck)
    beside.start()
    assert os.read(told, 1) == b"!"
    os.kill(beside.pid, signal.SIGKILL)
    assert result() is None
    os.close(told)
    os.close(tell)


def test_no_job_no_helper_and_a_process_forked_later_leaves_the_helper_to_the_build():
    assert Beside().start() is False
    beside = Beside()
    result = beside.add("value", lambda: 42)
    beside.start()
    read, write = os.pipe()

    def child(_worker: int) -> None:  # a worker of the theme pass: not the helper's parent, never waits for it
        os.write(write, b"none" if result() is None else b"some")

    [pid] = _fork(1, child)
    os.waitpid(pid, 0)
    assert os.read(read, 4) == b"none"
    os.close(read)
    os.close(write)
    assert result() == 42


def test_an_unasked_result_ends_the_helper_with_the_build():
    beside = Beside()
    beside.add("slow", lambda: signal.pause())
    beside.start()
    pid = beside.pid
    beside.finish()
    assert beside.pid is None and beside.folder is None
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)
