"""`smartshare.cache.elsewhere`: the theme pass of the pages near the end done whole by another process.

MkDocs 1.6 themes pages one after the other (`build` calls `_build_page` for each: `on_page_context`, the theme's
render, `on_post_page`, the write). `ThemePass` routes that call for one build. At the first page it forks
workers (`parallel.Elsewhere`) that run MkDocs' own `_build_page` on pages from the end, going backwards, each
writing its page's file, while the build goes on from the start. When the build reaches a page a worker has done,
it takes what the page left behind instead of doing it: the messages logged while it was built (given again, in
the page's turn, so the log reads as a one-process build's), the search index's entries of the page, and the
cache's counts. The passes meet in the middle.

Why the site is the same as a one-process build's: each worker starts as a copy of the build right before its first
page, and a page's theme pass reads that state and the page, never what the pass did to another page, for every
plugin taking part; what the pass leaves behind for later (the search index's entries, the log) is handed back in
page order. That is known of the plugins named in PER_PAGE only: when any other plugin (or hook) has a hook in the
pass, `ThemePass.possible` says no and the build themes every page itself. A worker that fails, or is killed,
leaves its page to the build: it costs time, never a page.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import mkdocs.commands.build as mkdocs_build

from .parallel import Elsewhere
from .render import _Recording, replay

if TYPE_CHECKING:
    from .store import CacheStore

#: The modules of the plugins whose hooks of the theme pass (`on_page_context`, `on_post_page`) read only the page
#: and what was set up before the pass, and keep nothing for later but what `ThemePass` hands back: ours (held
#: HTML put back, the navigation for the page, the cache's own lookups) and Material's search (the page's entries),
#: its hook as Material's module has it or as the cache does it (`search.quicker_hook`).
PER_PAGE = (
    "smartshare.cache.plugin",
    "smartshare.cache.search",
    "smartshare.curriculum.plugin",
    "smartshare.mentor.plugin",
    "smartshare.quiz.plugin",
    "smartshare.feedback.plugin",
    "smartshare.certificate.plugin",
    "material.plugins.search.plugin",
)
INDEXER = "material.plugins.search.plugin"
EVENTS = ("page_context", "post_page")


class ThemePass:
    """MkDocs' page loop of one build, shared with `workers` other processes."""

    def __init__(self, config: Any, workers: int, counts: Callable[[], list[list]], store: CacheStore) -> None:
        self.workers = workers
        self.store = store  # the entries a worker uses are the build's too: kept by the next compaction
        self.counts = counts  # the lists the cache appends to per page (hits, renders): read in each process
        self.indexes = {
            name: plugin.search_index
            for name, plugin in config.plugins.items()
            if type(plugin).__module__ == INDEXER and getattr(plugin, "search_index", None) is not None
        }
        self.build_pid = os.getpid()
        self.original = mkdocs_build._build_page
        self.elsewhere: Elsewhere | None = None
        self.forked_for: tuple | None = None  # the pages, navigation and theme of an early fork, until checked
        self.off = False  # the build does every page itself
        self.done = 0  # pages the build took from the workers
        mkdocs_build._build_page = self._build_page

    @staticmethod
    def possible(config: Any) -> bool:
        """Whether every hook of the theme pass is known to work page by page (PER_PAGE)."""
        for event in EVENTS:
            for method in config.plugins.events.get(event, []):
                if getattr(method, "__module__", None) not in PER_PAGE:
                    return False
        return mkdocs_build._build_page.__module__ == mkdocs_build.__name__  # not routed by anything else

    def start(self, config, doc_files, nav, env) -> None:
        """Fork the workers now, before MkDocs copies the static files and renders the theme's own templates (which
        change nothing a page's theme pass reads): called by the last hook of `on_env`, so `env` is the one every
        page is rendered with. The build checks at its first page that it themes the same pages."""
        self._fork(config, doc_files, nav, env, False)

    def _fork(self, config, doc_files, nav, env, dirty) -> None:
        def work(page: Any) -> dict[str, Any]:
            return self._work(page, config, doc_files, nav, env, dirty)

        pages = [file.page for file in doc_files]
        self.forked_for = (pages, nav, env)
        self.elsewhere = Elsewhere(pages, self.workers, work)

    def _build_page(self, page, config, doc_files, nav, env, dirty=False, excluded=False) -> None:
        if os.getpid() != self.build_pid or self.off:  # another build forked from this one, or workers given up
            return self.original(page, config, doc_files, nav, env, dirty, excluded)
        if self.elsewhere is None:
            self._fork(config, doc_files, nav, env, dirty)
        elif self.forked_for is not None:  # forked early (`start`): for these pages, this navigation and theme?
            pages, forked_nav, forked_env = self.forked_for
            if forked_nav is not nav or forked_env is not env or pages != [file.page for file in doc_files]:
                self.elsewhere.abandon()  # never seen: another plugin changed them after the cache's hooks
                self.elsewhere, self.off = None, True
                return self.original(page, config, doc_files, nav, env, dirty, excluded)
        self.forked_for = None  # checked once
        handed = self.elsewhere.take(page)
        if handed is None:
            return self.original(page, config, doc_files, nav, env, dirty, excluded)
        replay(handed["logs"])
        for name, entries in handed["entries"].items():
            self.indexes[name].entries.extend(entries)
        for kept, added in zip(self.counts(), handed["counts"], strict=True):
            kept.extend(added)
        self.store.mark_used(handed["used"])
        self.done += 1
        return None

    def _work(self, page, config, doc_files, nav, env, dirty) -> dict[str, Any]:
        """In a worker: MkDocs' `_build_page`, and what the build keeps of it (let go here: the worker's memory)."""
        counts = [(kept, len(kept)) for kept in self.counts()]
        indexes = [(name, index.entries, len(index.entries)) for name, index in self.indexes.items()]
        mark = self.store.touched()
        # every message of the page (the worker prints none: `parallel._silence`); `mkdocs` does not pass its
        # messages on to the root in a worker
        with _Recording(("", "mkdocs")) as logs:
            self.original(page, config, doc_files, nav, env, dirty, page.file.inclusion.is_excluded())
        used = self.store.used_since(mark)
        handed: dict[str, Any] = {"logs": logs.records, "entries": {}, "counts": [], "used": used}
        for name, entries, before in indexes:
            handed["entries"][name] = entries[before:]
            del entries[before:]
        for kept, before in counts:
            handed["counts"].append(kept[before:])
            del kept[before:]
        return handed

    def finish(self) -> int:
        """After the last page: wait for the workers, give MkDocs its loop back; how many pages the workers did."""
        self._restore()
        if self.elsewhere is not None:
            self.elsewhere.finish()
        return self.done

    def abandon(self) -> None:
        self._restore()
        if self.elsewhere is not None:
            self.elsewhere.abandon()

    def _restore(self) -> None:
        if self.original is not None and mkdocs_build._build_page == self._build_page:
            mkdocs_build._build_page = self.original
