"""`smartshare.cache.static`: the site's static files written by another process while the build reads its pages.

MkDocs 1.6 copies the static files (the theme's and plugins' assets, the docs folder's images, generated files such
as the calendars) after `on_env`, once every page's Markdown is rendered, in the build's own process. Nothing of a
static file depends on the pages, and during the Markdown pass the other cores are idle (the theme pass's workers,
`elsewhere.py`, start only at `on_env`). So at the cache's `on_nav` hook, the last, a helper is forked that copies
every static file it may (`Early.candidates`) into the site, while the build goes on with its pages; when MkDocs
then calls `Files.copy_static_files`, the build waits for the helper, takes what it hands back (its messages, and
the items of the cache's memos it used: the calendars' components, which the next build must find again), and
copies only what the helper did not: the files it left to the build, and any that changed since the fork.

Why the site is the same as a one-process build's:
- a file is the helper's only if its bytes cannot depend on what happens after `on_nav`: a plain MkDocs `File` (its
  source file, or the content it was given, which `copy_static_files` checks is still the same object), or a class
  that says so (`ready_at_nav = True`: the calendars, `curriculum.agenda.LazyFile`, made from the curriculum and
  the site's URLs, both set in `on_files`);
- at copy time the build compares each file with what the helper was given (the same `File` object, source,
  destination, inclusion and content); a file that changed, was removed, or now shares its destination with
  another is deleted from the site (with the folders the helper made for it, when they are empty) and, if still
  there, copied by the build, in MkDocs' order; a file whose destination two static files share is never the
  helper's (MkDocs' order decides which one wins);
- a helper that fails or is killed leaves the files to the build: everything it wrote is deleted and copied again.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Callable, Sequence
from typing import Any

from mkdocs.structure.files import File, InclusionLevel

from .parallel import _fork, hand_back, kill_all, waited_for
from .render import _Recording, replay


def _snapshot(file: File) -> tuple:
    """What a static file's bytes and place come from (its content and maker compared by identity)."""
    state = vars(file)
    return (
        type(file),
        file.src_uri,
        file.abs_src_path,
        file.abs_dest_path,
        file.inclusion,
        state.get("_content"),
        state.get("make"),
    )


def _same(one: tuple, other: tuple) -> bool:
    """The same object, or equal text or bytes (a content given again as it was)."""
    return all(a is b or (type(a) in (str, bytes) and a == b) for a, b in zip(one, other, strict=True))


class Early:
    """The static files of one build copied by a forked helper from `on_nav` on (`start`), and the rest by the
    build when MkDocs asks (`copy_static_files`, put in place of the `Files` object's own method)."""

    def __init__(self, files: Any, site_dir: str, memos: Sequence[Any]) -> None:
        self.files = files
        self.site_dir = os.path.abspath(site_dir)
        self.memos = list(memos)  # the cache's memos (memo.py): what the helper used of them is handed back
        self.given: dict[int, tuple[File, tuple]] = {}  # id → the file and its snapshot, for the helper
        self.pid: int | None = None
        self.folder: str | None = None
        self.taken = 0  # files the build found written by the helper
        self.original: Callable[..., None] | None = None

    @staticmethod
    def candidates(files: Any) -> list[File]:
        """The static files a helper may copy before the pages: of a known class, each alone at its destination."""
        return [
            file
            for file in _alone(files, InclusionLevel.is_included)
            if type(file) is File or getattr(type(file), "ready_at_nav", False)
        ]

    def start(self) -> bool:
        """Fork the helper; False when there is nothing for it to do (MkDocs copies every file as usual)."""
        chosen = self.candidates(self.files)
        if not chosen:
            return False
        self.given = {id(file): (file, _snapshot(file)) for file in chosen}
        self.folder = tempfile.mkdtemp(prefix="smartshare-static-")
        counts = [(memo, len(memo.kept.used), memo.kept.hits, memo.kept.made, memo.made) for memo in self.memos]

        def copy(_worker: int) -> None:
            written: list[str] = []
            made: list[str] = []  # folders the helper created, parents first
            known: set[str] = set()
            with _Recording(("", "mkdocs")) as logs:
                for file in chosen:
                    folder = os.path.dirname(file.abs_dest_path)
                    if folder not in known:
                        made.extend(_missing(folder, self.site_dir))
                        known.add(folder)
                    written.append(file.abs_dest_path)  # before: a file half written is deleted too
                    file.copy_file(False)
            memos = [
                (dict(list(m.kept.used.items())[used:]), m.kept.hits - hits, m.kept.made - kmade, m.made - made)
                for m, used, hits, kmade, made in counts
            ]
            hand_back(
                os.path.join(self.folder, "result"),
                {"logs": logs.records, "written": written, "made": made, "memos": memos},
            )

        (self.pid,) = _fork(1, copy)
        self.original = self.files.copy_static_files
        self.files.copy_static_files = self.copy_static_files  # this `Files` object only, for this build
        return True

    def copy_static_files(self, dirty: bool = False, *, inclusion=InclusionLevel.is_included) -> None:
        """MkDocs' `Files.copy_static_files`: the helper's files taken as they are, the others copied here."""
        self._restore()
        result = self._wait()
        # a helper that did not finish may have written any of its files: each is deleted unless copied again
        written: list[str] = result["written"] if result else [snapshot[3] for _, snapshot in self.given.values()]
        kept: set[int] = set()
        if result is not None and not dirty and inclusion is InclusionLevel.is_included:
            for file in _alone(self.files, inclusion):
                given = self.given.get(id(file))
                if given and given[0] is file and _same(given[1], _snapshot(file)):
                    kept.add(id(file))
            replay(result["logs"])
            for memo, (used, hits, kmade, mmade) in zip(self.memos, result["memos"], strict=True):
                memo.kept.used.update(used)
                memo.kept.hits += hits
                memo.kept.made += kmade
                memo.made += mmade
        keep = {self.given[i][0].abs_dest_path for i in kept}  # unchanged since the fork (`_same`)
        for path in written:
            if path not in keep:
                with contextlib.suppress(OSError):
                    os.remove(path)
        made = result["made"] if result else sorted({os.path.dirname(p) for p in written if p not in keep})
        for folder in reversed(made):
            with contextlib.suppress(OSError):
                os.rmdir(folder)  # only if empty: a folder the helper made for a file taken back
        self.taken = len(kept)
        for file in self.files:
            if not file.is_documentation_page() and inclusion(file.inclusion) and id(file) not in kept:
                file.copy_file(dirty)

    def _wait(self) -> dict[str, Any] | None:
        """Wait for the helper; what it handed back, or None if it failed (every file is then the build's)."""
        if self.pid is None:
            return None
        pid, self.pid = self.pid, None
        try:
            # None (a failed helper, or a result the build cannot read): the helper's files are the build's to copy
            return waited_for(pid, os.path.join(self.folder, "result"))
        finally:
            self._close()

    def abandon(self) -> None:
        """The build failed: end the helper now."""
        self._restore()
        if self.pid is not None:
            kill_all([self.pid])
            self.pid = None
        self._close()

    def _restore(self) -> None:
        if self.original is not None and vars(self.files).get("copy_static_files") == self.copy_static_files:
            del self.files.copy_static_files
        self.original = None

    def _close(self) -> None:
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = None


def _alone(files: Any, inclusion: Callable[[InclusionLevel], bool]) -> list[File]:
    """The static files `inclusion` keeps that are alone at their destination (where two meet, MkDocs' order decides
    which one the site keeps: the build's to copy)."""
    static = [f for f in files if not f.is_documentation_page() and inclusion(f.inclusion)]
    places: dict[str, int] = {}
    for file in static:
        places[file.abs_dest_path] = places.get(file.abs_dest_path, 0) + 1
    return [file for file in static if places[file.abs_dest_path] == 1]


def _missing(folder: str, root: str) -> list[str]:
    """The folders from `root` down to `folder` that do not exist yet, parents first."""
    missing = []
    while folder != root and folder.startswith(root + os.sep) and not os.path.isdir(folder):
        missing.append(folder)
        folder = os.path.dirname(folder)
    return missing[::-1]
