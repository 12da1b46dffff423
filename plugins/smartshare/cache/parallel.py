"""`smartshare.cache.parallel`: the other cores fill the cache with the pages the build will reach last.

MkDocs 1.6 builds pages one after the other in one process, in two passes: `_populate_page` (`on_page_markdown`,
the Markdown render, `on_page_content`) for every page, then `_build_page` (`on_page_context`, the theme's
render, `on_post_page`, the write) for every page. Neither lets a plugin hand it work done elsewhere; the cache
does. At the start of each pass (`on_nav`, `on_env`) the build forks `Ahead` workers: each starts as a copy of
the build at that moment and takes pages from the END of the pass's list, going backwards, through the same steps
as MkDocs up to the cached one (pass 1: up to the Markdown render; pass 2: up to the theme's render, the search
entries on the way), which leave their results in the cache. Meanwhile the build goes on from the START, as
usual; each page it reaches is claimed in a shared table, and a worker stops at the first page the build has
claimed. So each page is prepared once, by whichever process reaches it first, and the build finds the pages
near the end already in the cache; the passes meet in the middle (at most a page or two done twice).

Why this is safe: a worker changes nothing the build keeps (its plugin state, pages and messages go with it);
only cache entries remain, and an entry is used only when its key, computed by the build itself from its own
state, matches. A worker that fails or lags costs speed, never a wrong page. Where `fork` is missing, in the
preview server (threads) and for `--dirty` builds, everything runs in one process as before.
"""

from __future__ import annotations

import atexit
import contextlib
import logging
import mmap
import os
import pickle
import shutil
import signal
import struct
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from typing import Any

try:
    import fcntl
except ImportError:  # not on a system with `fork` either (`can_fork`)
    fcntl = None  # type: ignore[assignment]

BUILD, WORKER = 1, 2  # who claimed a page in the shared table


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def can_fork() -> bool:
    # macOS: fork after threads of system libraries; `fcntl` (the claims' lock, `Elsewhere`) is there wherever fork is
    return hasattr(os, "fork") and fcntl is not None and sys.platform != "darwin"


class Ahead:
    """Workers preparing a pass's pages from the end while the build goes from the start."""

    def __init__(
        self, pages: Sequence[Any], workers: int, work: Callable[[Any], None], key: Callable[[Any], Any]
    ) -> None:
        self.index = {key(page): i for i, page in enumerate(pages)}  # what the build claims a page by
        self.claims = mmap.mmap(-1, max(len(pages), 1))  # anonymous and shared: every forked process sees it
        self.children: list[int] = []
        self.prepared = 0  # pages the workers claimed (known once they are done)

        def prepare(worker: int) -> None:
            for i in range(len(pages) - 1 - worker, -1, -workers):
                if self.claims[i] == BUILD:
                    break  # the build has come this far: the rest is its own
                if self.claims[i] == 0:
                    self.claims[i] = WORKER
                    work(pages[i])

        self.children = _fork(workers, prepare)  # the build prepares what a worker did not

    def claim(self, key: Any) -> None:
        """The build has reached the page of `key`: workers leave it and every page before it."""
        i = self.index.get(key)
        if i is not None and self.claims[i] == 0:
            self.claims[i] = BUILD

    def finish(self) -> int:
        """Stop the workers at their next page and wait for them; returns how many pages they prepared."""
        for i in range(len(self.claims)):
            if self.claims[i] == 0:
                self.claims[i] = BUILD
        for pid in self.children:
            with contextlib.suppress(ChildProcessError):
                os.waitpid(pid, 0)  # also counts their CPU time in the build's (wait4 in benchmarks/run.py)
        self.children = []
        self.prepared = sum(1 for i in range(len(self.claims)) if self.claims[i] == WORKER)
        self.claims.close()
        return self.prepared

    def abandon(self) -> None:
        """The build failed: end the workers now."""
        kill_all(self.children)
        self.children = []


def _fork(workers: int, body: Callable[[int], None]) -> list[int]:
    """Fork `workers` processes, each running `body(its number)` silenced (`_silence`), then leaving at once with
    status 0, or 1 if it raised; the build's pids of them."""
    children = []
    for worker in range(workers):
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:  # the worker
            status = 1
            try:
                _silence()
                body(worker)
                status = 0
            except BaseException:
                status = 1
            finally:
                os._exit(status)  # no atexit handlers, no flush of the build's buffers
        children.append(pid)
    return children


def kill_all(pids: Sequence[int]) -> None:
    """End these workers now, and wait for each (one already gone is no error)."""
    for pid in pids:
        with contextlib.suppress(ProcessLookupError, ChildProcessError):
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)


def hand_back(path: str, result: Any) -> None:
    """In a worker: `result` pickled to `path`, whole or not at all (written aside, then renamed)."""
    with open(path + ".part", "wb") as out:
        pickle.dump(result, out, pickle.HIGHEST_PROTOCOL)
    os.rename(path + ".part", path)


def handed_back(path: str) -> Any:
    """In the build: what a worker handed back at `path`, or None if the build cannot read it (the work is then
    the build's own)."""
    try:
        with open(path, "rb") as stored:
            return pickle.load(stored)
    except Exception:
        return None


def waited_for(pid: int, path: str) -> Any:
    """In the build: wait for helper `pid` (its CPU time is then counted in the build's) and give what it handed back
    at `path`; None if it failed or the build cannot read it (the work is then the build's own)."""
    try:
        _, status = os.waitpid(pid, 0)
    except ChildProcessError:
        return None
    return handed_back(path) if status == 0 else None


def _silence() -> None:
    """A worker's messages are the build's to give (replayed from the cache, render.py): none printed or counted
    here. Handlers are removed from every logger, so what a worker logs reaches only the cache's recorder."""
    for logger in [logging.getLogger(), *logging.Logger.manager.loggerDict.values()]:
        if isinstance(logger, logging.Logger):
            for handler in list(logger.handlers):
                logger.removeHandler(handler)
    for name in ("", "mkdocs"):  # a logger without any handler would print warnings through logging.lastResort
        logging.getLogger(name).addHandler(logging.NullHandler())
    logging.getLogger("mkdocs").propagate = False


DONE = 3  # a worker has finished the page and left what the build keeps of it in its results (`Elsewhere`)
PLACE = struct.Struct("<QQ")  # where a done page's result stands in its worker's file: offset, length


def _write_all(fd: int, data: bytes) -> None:
    """`data` appended whole (`os.write` may write part of it)."""
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


class Elsewhere:
    """Workers doing a pass's whole work for pages from the end, each page's results handed back to the build.

    Unlike `Ahead`, a worker's page is not done again by the build: `take` gives the build what the worker left of
    it (`work`'s return value, pickled), or None when the build must do the page itself (the page is not the
    workers', or its worker failed or was killed before finishing it). A page is claimed under a lock (`flock`,
    which the kernel lets go when its holder dies), so that exactly one process does it.

    Each worker appends its pages' results to one file of its own (`_results`) and notes where each stands in a
    shared table (`places`): a file per page cost the build, at 2,000 modules, the deletion of some 2,300 files
    after its last page (`rmtree`, seconds of a warm build on a busy disk) and the worker a create and a rename per
    page. A result starts with its page's number, so a place read wrong can only be refused, never taken for
    another page's.
    """

    def __init__(self, pages: Sequence[Any], workers: int, work: Callable[[Any], Any]) -> None:
        self.index = {id(page): i for i, page in enumerate(pages)}
        self.claims = mmap.mmap(-1, max(len(pages), 1))
        self.places = mmap.mmap(-1, PLACE.size * max(len(pages), 1))  # each done page's (offset, length)
        self.readers: dict[int, int] = {}  # worker → the build's descriptor of its results
        self.folder = tempfile.mkdtemp(prefix="smartshare-pages-")
        atexit.register(self._close)  # a build interrupted (Ctrl-C) leaves no folder behind
        self.lock = os.open(os.path.join(self.folder, "lock"), os.O_RDWR | os.O_CREAT, 0o600)
        self.workers = workers
        self.children: list[int] = []
        self.ended: set[int] = set()  # workers that have exited (waited for)
        self.handed = 0  # pages whose results the build took

        def do(worker: int) -> None:
            os.close(self.lock)
            self.lock = os.open(os.path.join(self.folder, "lock"), os.O_RDWR)  # a lock of its own
            results = os.open(self._results(worker), os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            end = 0
            for i in range(len(pages) - 1 - worker, -1, -workers):
                if not self._claim(i, WORKER):
                    break  # the build has come this far: the rest is its own
                data = pickle.dumps((i, work(pages[i])), pickle.HIGHEST_PROTOCOL)
                _write_all(results, data)
                PLACE.pack_into(self.places, PLACE.size * i, end, len(data))
                end += len(data)
                self.claims[i] = DONE  # after its place: the build reads the place only once the page is done

        self.children = _fork(workers, do)  # the build does what a worker did not finish

    def _results(self, worker: int) -> str:
        return os.path.join(self.folder, f"worker-{worker}")

    def _read(self, i: int, worker: int) -> Any:
        """The result page `i`'s worker left, or None if the build cannot read it as that page's."""
        try:
            if worker not in self.readers:
                self.readers[worker] = os.open(self._results(worker), os.O_RDONLY)
            offset, length = PLACE.unpack_from(self.places, PLACE.size * i)
            number, result = pickle.loads(os.pread(self.readers[worker], length, offset))
        except Exception:
            return None
        return result if number == i else None

    def _claim(self, i: int, who: int) -> bool:
        """Claim page `i` for `who` if no process has; a worker also stops at a page the build has claimed."""
        fcntl.flock(self.lock, fcntl.LOCK_EX)
        try:
            if self.claims[i] != 0:
                return False
            self.claims[i] = who
            return True
        finally:
            fcntl.flock(self.lock, fcntl.LOCK_UN)

    def take(self, page: Any) -> Any:
        """What a worker left of `page`, or None: the build does the page itself (and workers leave it)."""
        i = self.index.get(id(page))
        if i is None or self._claim(i, BUILD):
            return None
        number = (len(self.claims) - 1 - i) % self.workers  # the worker whose pages `i` is among
        worker = self.children[number]
        while self.claims[i] == WORKER and worker not in self.ended:
            if os.waitpid(worker, os.WNOHANG)[0]:
                self.ended.add(worker)
            else:
                time.sleep(0.001)
        if self.claims[i] != DONE:
            return None  # its worker ended before finishing it
        result = self._read(i, number)  # None: a result the build cannot read is a page it does itself
        if result is not None:
            self.handed += 1
        return result

    def finish(self) -> int:
        """Stop the workers at their next page and wait for them; returns how many pages' results the build took."""
        for i in range(len(self.claims)):
            self._claim(i, BUILD)
        for pid in self.children:
            if pid not in self.ended:
                with contextlib.suppress(ChildProcessError):
                    os.waitpid(pid, 0)  # also counts their CPU time in the build's
                self.ended.add(pid)
        self._close()
        return self.handed

    def abandon(self) -> None:
        """The build failed: end the workers now."""
        self._close()

    def _close(self) -> None:
        # Workers still running (a failed build, or Ctrl-C: atexit) end first: one that went on would create its
        # results file in the folder while it is removed, and leave the folder behind.
        atexit.unregister(self._close)
        kill_all([pid for pid in self.children if pid not in self.ended])
        self.children = []
        for reader in self.readers.values():
            with contextlib.suppress(OSError):
                os.close(reader)
        self.readers = {}
        for shared in (self.claims, self.places):
            if not shared.closed:
                shared.close()
        with contextlib.suppress(OSError):
            os.close(self.lock)
        shutil.rmtree(self.folder, ignore_errors=True)
