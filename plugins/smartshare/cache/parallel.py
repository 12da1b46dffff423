"""`smartshare.cache.parallel`: pages' Markdown rendered on every core, into the cache, before MkDocs reads them.

MkDocs 1.6 renders pages one after the other in one process (`_populate_page`: `on_page_markdown`, `render`,
`on_page_content` for each page), with no way for a plugin to hand it a render made elsewhere. So the other cores
fill the cache instead: once the navigation is known (`on_nav`), the build forks one worker per core; each takes
its share of the pages through the same steps MkDocs takes up to the render (`read_source`, every plugin's
`on_page_markdown`, `render`) and leaves, its results in the cache. MkDocs' own loop then finds every render in
the cache, with its side data and log lines (render.py), and runs every other hook as usual.

Why this is safe: a worker starts as a copy of the build at that moment (fork) and changes nothing the build
keeps: its plugin state, messages and pages are thrown away with it; only cache entries remain, and an entry is
used only when its key (the exact Markdown after `on_page_markdown`) and its links match what the build itself
computes. A worker that fails or is slower than expected costs speed, never a wrong page: the build renders
what it does not find. Where `fork` is missing (Windows), in the preview server (threads) and for `--dirty`
builds, pages are rendered on one core as before.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from typing import Any


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def can_fork() -> bool:
    return hasattr(os, "fork") and sys.platform != "darwin"  # macOS: fork after threads of system libraries


def prefill(pages: list[Any], workers: int, render: Callable[[Any], None]) -> int:
    """Fork `workers` processes, each calling `render` on every `workers`-th page; wait for all of them.

    Returns how many workers ended normally."""
    children = []
    for index in range(workers):
        share = pages[index::workers]
        if not share:
            continue
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:  # the worker
            status = 1
            try:
                _silence()
                for page in share:
                    render(page)
                status = 0
            except BaseException:  # the build renders what a worker did not
                status = 1
            finally:
                os._exit(status)  # no atexit handlers, no flush of the build's buffers
        children.append(pid)
    done = 0
    for pid in children:
        _, status = os.waitpid(pid, 0)
        done += os.waitstatus_to_exitcode(status) == 0
    return done


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
