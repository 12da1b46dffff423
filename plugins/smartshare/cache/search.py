r"""`smartshare.cache.search`: a page's entries in the search index, kept across builds.

Material's search plugin indexes each page in `on_page_context` (`SearchIndex.add_entry_from_context(page)`): it
parses `page.content` and appends one entry per section, built from the content, the table of contents, the
page's URL and title and three front-matter keys (`title`, `tags`, `search`). `SearchIndexCache.wrap` replaces
that method on the build's index: the key hashes the fingerprint, the plugin's settings and all of those inputs
(the front matter whole); on a hit the stored entries are appended as the plugin would have appended them.
`LateHtml` markers are taken out of the content for the key: they are HTML comments, which the index never reads.

After indexing, the same hook of Material's takes every `data-search-*` attribute with a value out of the page's
content, with a pattern that starts with `\s?`: Python's regular expressions then try a match at every character of
the page (about 0.35 ms for a module page of 17 KB, on every page of every build), to find nothing on most pages.
`quicker_hook` gives the build a hook that does exactly what Material's does (its source is compared with the one
read here, `MATERIAL_HOOK`), but first looks for the attributes with the same pattern less its optional `\s?`,
which starts with fixed text and is found about twenty times faster: where it finds none, the substitution would
have changed nothing.
"""

from __future__ import annotations

import inspect
import re
import textwrap
from collections.abc import Callable
from typing import Any

from ..plugin_support import LateHtml, search_excludes
from .context import Metas, Uncacheable, _text
from .store import CacheStore, key_of

INDEXER = "material.plugins.search.plugin"  # the index whose inputs this module knows

#: Material's search hook as `quicker_hook` does it (mkdocs-material 9.7–9.8, `SearchPlugin.on_page_context`)
MATERIAL_HOOK = """def on_page_context(self, context, *, page, config, nav):
    if not self.config.enabled:
        return

    # Index page
    self.search_index.add_entry_from_context(page)
    page.content = re.sub(
        r"\\s?data-search-\\w+=\\"[^\\"]+\\"",
        "",
        page.content
    )
"""
ATTRIBUTES = r"\s?data-search-\w+=\"[^\"]+\""  # the hook's pattern
#: the same less its optional start: it matches wherever ATTRIBUTES does (at the same place or one character on)
ANY_ATTRIBUTE = re.compile(ATTRIBUTES.removeprefix(r"\s?"))


class SearchIndexCache:
    def __init__(self, store: CacheStore, fingerprint: str, metas: Metas | None = None) -> None:
        self.store = store
        self.fingerprint = fingerprint
        self.metas = metas if metas is not None else Metas()
        self.hits: list[str] = []
        self.rendered: list[str] = []

    def wrap(self, index: Any, settings: Any) -> bool:
        """Route `index.add_entry_from_context` through this cache; False (left alone) for another indexer."""
        if type(index).__module__ != INDEXER or "add_entry_from_context" in vars(index):
            return False
        original: Callable[[Any], None] = index.add_entry_from_context
        try:
            configured = _text(dict(settings), lenient=True)
        except Uncacheable:
            return False

        def add_entry_from_context(page: Any) -> None:
            self.add(index, original, configured, page)

        index.add_entry_from_context = add_entry_from_context
        return True

    def add(self, index: Any, original: Callable[[Any], None], configured: str, page: Any) -> None:
        if search_excludes(page):  # the indexer leaves the page out before reading it: nothing to key, look up or keep
            original(page)
            return
        try:
            key = self.key(configured, page)
        except Uncacheable:
            original(page)
            return
        entry = self.store.load(key)
        if entry is not None and isinstance(entry.get("entries"), list):
            index.entries.extend(entry["entries"])
            self.hits.append(page.file.src_uri)
            return
        before = len(index.entries)
        original(page)
        self.rendered.append(page.file.src_uri)
        self.store.save(key, {"entries": index.entries[before:]})

    def key(self, configured: str, page: Any) -> str:
        content = LateHtml.MARKER.sub("", page.content or "")
        parts = (
            self.fingerprint,
            configured,
            page.url,
            repr(page.title),
            self.metas.text(page.meta),
            _text(page.toc, lenient=False),
            content,
        )
        return key_of(*parts, head=b"search\0")


def quicker_hook(plugin: Any) -> Callable[..., None] | None:
    """For Material's search plugin, a hook for `on_page_context` that does what its own does, with the content
    searched first (see the module's text); None for another indexer or another version of the hook."""
    if type(plugin).__module__ != INDEXER:
        return None
    try:
        source = textwrap.dedent(inspect.getsource(type(plugin).on_page_context))
    except (AttributeError, OSError, TypeError):
        return None
    if source != MATERIAL_HOOK:
        return None

    def on_page_context(context: Any, *, page: Any, config: Any, nav: Any) -> None:
        if not plugin.config.enabled:
            return
        plugin.search_index.add_entry_from_context(page)
        content = page.content
        # `re.sub` gives a `str` subclass back as `str` even when it changes nothing: such content takes its way
        if type(content) is not str or ANY_ATTRIBUTE.search(content) is not None:
            page.content = re.sub(ATTRIBUTES, "", content)

    return on_page_context
