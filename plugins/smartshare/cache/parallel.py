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

import contextlib
import logging
import mmap
import os
import signal
import sys
from collections.abc import Callable, Sequence
from typing import Any

BUILD, WORKER = 1, 2  # who claimed a page in the shared table


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def can_fork() -> bool:
    return hasattr(os, "fork") and sys.platform != "darwin"  # macOS: fork after threads of system libraries


class Ahead:
    """Workers preparing a pass's pages from the end while the build goes from the start."""

    def __init__(
        self, pages: Sequence[Any], workers: int, work: Callable[[Any], None], key: Callable[[Any], Any]
    ) -> None:
        self.index = {key(page): i for i, page in enumerate(pages)}  # what the build claims a page by
        self.claims = mmap.mmap(-1, max(len(pages), 1))  # anonymous and shared: every forked process sees it
        self.children: list[int] = []
        self.prepared = 0  # pages the workers claimed (known once they are done)
        for worker in range(workers):
            sys.stdout.flush()
            sys.stderr.flush()
            pid = os.fork()
            if pid == 0:  # the worker
                status = 1
                try:
                    _silence()
                    for i in range(len(pages) - 1 - worker, -1, -workers):
                        if self.claims[i] == BUILD:
                            break  # the build has come this far: the rest is its own
                        if self.claims[i] == 0:
                            self.claims[i] = WORKER
                            work(pages[i])
                    status = 0
                except BaseException:  # the build prepares what a worker did not
                    status = 1
                finally:
                    os._exit(status)  # no atexit handlers, no flush of the build's buffers
            self.children.append(pid)

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
        for pid in self.children:
            try:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass
        self.children = []


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
