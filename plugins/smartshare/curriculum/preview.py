"""`mkdocs serve --dirty`, the preview `make serve` runs, without MkDocs' warning about its own flag.

With `--dirty`, MkDocs rebuilds only the pages whose source changed, and warns on every rebuild that this "will
likely lead to inaccurate navigation". For a curriculum the generated pages (catalogue, tracks, mentors, tags)
are always rebuilt, so the preview stays right except previous/next titles on neighbouring modules (the README
says so once). Repeating the warning on each edit teaches authors to ignore warnings, so it is dropped — only for
`serve`: a `mkdocs build --dirty` publishes what it builds, and keeps the warning.

Ctrl-C ends the preview whenever it is pressed (`end_with_ctrl_c`).
"""

from __future__ import annotations

import logging
import threading

# The logger and the start of the message MkDocs 1.6 (and ProperDocs) use in commands/build.py; a test serves
# the example site as `make serve` does and fails if the warning comes back.
BUILD_LOGGERS = ("mkdocs.commands.build", "properdocs.commands.build")
DIRTY_WARNING = "A 'dirty' build is being performed"


class _DirtyServeWarning(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.levelno == logging.WARNING and str(record.msg).startswith(DIRTY_WARNING))


def quiet_dirty_serve_warning() -> None:
    """Drop MkDocs' `--dirty` warning for the rest of this `serve` process (calling twice adds nothing)."""
    for name in BUILD_LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(f, _DirtyServeWarning) for f in logger.filters):
            logger.addFilter(_DirtyServeWarning())


def end_with_ctrl_c(server):
    """`server`, MkDocs' preview server, with its serving thread made a daemon, before it starts: Ctrl-C then ends
    `mkdocs serve` whenever it comes.

    MkDocs logs "Serving on" before it starts the thread that serves, and its `shutdown` stops that thread only if
    it is already running. A Ctrl-C in between (an author quick on the keys, a script that stops the preview once it
    reads the line, a loaded machine that is slow to start the thread) leaves the thread serving a closed socket: it
    spins on one core, and Python waits for it at exit, so `mkdocs serve` never ends. A daemon thread does not keep
    the process; the socket is closed, so nothing is served after Ctrl-C either way."""
    thread = getattr(server, "serve_thread", None)
    if isinstance(thread, threading.Thread) and thread.ident is None:  # not started: a daemon may still be set
        thread.daemon = True
    return server
