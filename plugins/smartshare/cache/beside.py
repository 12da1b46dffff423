"""`smartshare.cache.beside`: parts of the theme pass made by another process while the build reads its pages.

During the Markdown pass the build runs on one core: the theme pass's workers (`elsewhere.py`) start only at
`on_env`, and the static files' helper (`static.py`) has little to do. Some of what the theme pass renders depends
only on what the plugins know once the navigation is made, not on any page's Markdown: the session entries the
agenda's lists are made of (`curriculum.agenda.AgendaRenderer.entry`), thousands on a large curriculum, each
rendered by each process of the theme pass that needs it. A plugin names such a job (`CachePlugin.beside`); at the
cache's `on_nav` hook, the last, one helper is forked that runs every job and hands back their results, and the
plugin takes its job's result at `on_env`, before the theme pass's workers are forked, so they have it too.

Why the site and the messages are the same as a one-process build's: the helper is a copy of the build at `on_nav`
and a job reads only what is final by then (the job's owner says so by naming it); a job that logged a message or
raised gives None, and so does a helper that failed or was killed: the plugin then does the work itself, as before,
with its messages in their place.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from typing import Any

from .parallel import _fork, hand_back, kill_all, waited_for
from .render import _Recording

Job = Callable[[], Any]


class Beside:
    """The jobs of one build (`add`), run by a forked helper from `start` on; `result` gives each one's result."""

    def __init__(self) -> None:
        self.jobs: dict[str, Job] = {}
        self.pid: int | None = None
        self.parent = os.getpid()  # the build: the helper is its child, to wait for
        self.folder: str | None = None
        self.results: dict[str, Any] | None = None  # what the helper handed back, once waited for
        self.taken: list[str] = []  # the jobs whose results the build took

    def add(self, name: str, make: Job) -> Callable[[], Any]:
        """`make` run by the helper; the function returned gives its result, or None (see the module's text)."""
        self.jobs[name] = make
        return lambda: self.result(name)

    def start(self) -> bool:
        """Fork the helper; False when there is no job (nothing is forked)."""
        if not self.jobs:
            return False
        jobs = dict(self.jobs)
        self.parent = os.getpid()
        self.folder = tempfile.mkdtemp(prefix="smartshare-beside-")

        def run(_worker: int) -> None:
            results = {}
            for name, make in jobs.items():
                try:
                    with _Recording(("", "mkdocs")) as logs:
                        result = make()
                except Exception:
                    continue
                if not logs.records:  # a message is the build's to give, in its place: the build does the job
                    results[name] = result
            hand_back(os.path.join(self.folder, "result"), results)

        (self.pid,) = _fork(1, run)
        return True

    def result(self, name: str) -> Any:
        """The result of job `name`, waiting for the helper; None: the job's owner does the work itself."""
        if os.getpid() != self.parent:
            return None  # a process forked later (a worker of the theme pass) has what the build took before
        if self.results is None:
            self.results = self._wait()
        result = self.results.pop(name, None)
        if result is not None:
            self.taken.append(name)
        return result

    def _wait(self) -> dict[str, Any]:
        if self.pid is None:
            return {}
        pid, self.pid = self.pid, None
        try:
            results = waited_for(pid, os.path.join(self.folder, "result")) if self.folder else None
            return results if isinstance(results, dict) else {}
        finally:
            self._close()

    def finish(self) -> None:
        """The build is done: a helper whose results were not asked for is ended."""
        self.abandon()

    def abandon(self) -> None:
        """The build failed: end the helper now."""
        if self.pid is not None:
            kill_all([self.pid])
            self.pid = None
        self._close()

    def _close(self) -> None:
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = None
