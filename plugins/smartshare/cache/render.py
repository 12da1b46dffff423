"""`smartshare.cache.render`: a page's Markdown → HTML conversion, served from the cache when nothing it depends
on has changed.

Where: `CacheExtension`, registered last, wraps the `convert` of each Markdown instance. MkDocs 1.6 makes one
instance per page in `Page.render` and registers its own processors on it (`relpath` for links, the title, the
anchors); only instances that have them are page renders, so other Markdown instances (quiz snippets, exports)
are left alone. Everything `Page.render` reads back from the instance after `convert` is restored on a hit: the
HTML, the table of contents, the title, the anchors, the links to anchors. Every plugin hook (`on_page_markdown`
before, `on_page_content` after) still runs on every page, cached or not.

What an entry depends on, and how it is checked:
- the key hashes the build's fingerprint (package versions, Smartshare's code, the Markdown extensions and their
  settings, MkDocs' link settings) with the page's path, its URL and its Markdown (after `on_page_markdown`);
- the links: the page's HTML holds the URL of each page it links to. The files MkDocs looked up while rendering
  are recorded with what it found (URL or nothing); the entry is used only if every lookup finds the same today,
  so renaming or adding a page re-renders exactly the pages that link to it;
- the log: messages emitted while rendering (a link MkDocs cannot resolve) are recorded and emitted again;
- side data of extensions: an extension that keeps something per page (the mentor notes, `NoteStash`) defines
  `cache_export(html) -> (html, data)` and `cache_import(html, data) -> html`, and `cache_fingerprint()` for the
  state that changes its output.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Callable
from typing import Any

from markdown import Extension, Markdown
from mkdocs.structure import pages as mkdocs_pages
from mkdocs.structure.toc import get_toc

from .instance import SharedMarkdown
from .store import CacheStore, new_digest

# Markdown extensions whose output depends on other files than the page: their pages are never cached
UNCACHEABLE = ("pymdownx.snippets", "markdown_include", "mkdocs_macros")


class PageRenderCache:
    """The cache of one build: counts hits and renders, in page order."""

    def __init__(
        self, store: CacheStore, fingerprint: str, extensions: list | None = None, shared: bool = True
    ) -> None:
        self.store = store
        self.fingerprint = fingerprint
        self.hits: list[str] = []
        self.rendered: list[str] = []
        # the configured Markdown extensions (names or objects), for `render_page`: None when one of them reads
        # other files than the page, and every page goes through a Markdown instance
        self.extensions = extensions if extensions is not None and not any(map(_reads_files, extensions)) else None
        #: what `render_page` just looked up in vain (its source, path and URL, and their key): not keyed or loaded a
        #: second time by `convert`
        self._missed: tuple[str, str, str, str] | None = None
        self.shared: SharedMarkdown | None = SharedMarkdown() if shared else None  # renders the pages not found

    def render_page(self, page: Any, config: Any, files: Any, render: Callable[[Any, Any], None]) -> None:
        """MkDocs' `Page.render` (`render`), or, when the page's entry is found, what it leaves on the page taken
        from the entry, without making a Markdown instance at all: MkDocs makes one per page, with an instance
        of every extension, which costs a cached page more than reading its entry. On a miss, `render` goes
        through `convert` as usual; the checks are the same (the key, then every link lookup)."""
        if self.extensions is None or not isinstance(page.markdown, str):
            return render(config, files)
        file = page.file
        key = self.key(file.src_uri, file.url, page.markdown)
        entry = self.store.load(key)
        if entry is None or not _same_lookups(entry["lookups"], files):
            self._missed = (page.markdown, file.src_uri, file.url, key)
            try:
                if self.shared is not None and SharedMarkdown.usable(config):
                    return self.shared.render(page, config, files)  # one instance for the build (instance.py)
                return render(config, files)
            finally:
                self._missed = None
        self.hits.append(file.src_uri)
        html = entry["html"]
        for extension in self.extensions:  # the objects in the configuration are the instances each page uses
            name = type(extension).__qualname__
            if hasattr(extension, "cache_import") and name in entry["side"]:
                html = extension.cache_import(html, entry["side"][name])
        replay(entry["logs"])
        # what Page.render sets after `convert` (mkdocs/structure/pages.py), from what `_restore` would give back
        page.content = html
        page.toc = get_toc(entry["toc_tokens"] or [])
        page._title_from_render = entry["title"]
        page.present_anchor_ids = set(entry["anchors"]) | set(entry["raw_html_anchors"])
        if mkdocs_pages.log.getEffectiveLevel() > logging.DEBUG:
            page.links_to_anchors = {files.get_file_from_path(uri): links for uri, links in entry["links_to_anchors"]}
        return None

    def key(self, src_uri: str, url: str, source: str) -> str:
        text = "\0".join((self.fingerprint, src_uri, url, source))
        return new_digest(text.encode("utf-8", "surrogatepass")).hexdigest()

    def convert(self, md: Markdown, convert: Callable[[str], str], source: str) -> str:
        relpath = md.treeprocessors["relpath"] if "relpath" in md.treeprocessors else None  # noqa: SIM401 (a Registry)
        if relpath is None or any(_named(e) in UNCACHEABLE for e in md.registeredExtensions):
            return convert(source)  # not a page render of MkDocs, or an output that reads other files
        file, files = relpath.file, relpath.files
        missed = self._missed
        if missed is not None and missed[0] is source and missed[1:3] == (file.src_uri, file.url):
            key, entry = missed[3], None  # the same text as `render_page`'s look-up (not only equal): the same key
        else:
            key = self.key(file.src_uri, file.url, source)
            entry = self.store.load(key) if missed is None or key != missed[3] else None
        if entry is not None and _same_lookups(entry["lookups"], files):
            self.hits.append(file.src_uri)
            return _restore(md, entry, files)
        self.rendered.append(file.src_uri)
        recorder = _RecordingFiles(files)
        relpath.files = recorder
        try:
            with _Recording() as logs:
                html = convert(source)
        finally:
            relpath.files = files
        self.store.save(key, _entry(md, html, recorder.lookups, logs.records))
        return html


class CacheExtension(Extension):
    """Wraps each Markdown instance's `convert` so that page renders go through `cache` (see the module's text)."""

    def __init__(self, cache: Callable[[], PageRenderCache | None]) -> None:
        super().__init__()
        self.cache = cache  # the current build's cache, or None (off)

    def extendMarkdown(self, md: Markdown) -> None:
        cache = self.cache()
        if cache is None:
            return
        convert = md.convert
        md.convert = lambda source: cache.convert(md, convert, source)  # type: ignore[method-assign]


def _named(extension: Extension) -> str:
    return type(extension).__module__


def _reads_files(extension: Any) -> bool:
    """Whether a configured extension (a name such as `pymdownx.snippets`, or an object) may be one of UNCACHEABLE
    (by the root of its module's name: the configuration may name a module or a class within it)."""
    name = extension if isinstance(extension, str) else _named(extension)
    return any(name == root or name.startswith((root + ".", root + ":")) for root in UNCACHEABLE)


class _RecordingFiles:
    """MkDocs' `Files` as the link processor sees it, noting each lookup and its answer."""

    def __init__(self, files: Any) -> None:
        self.files = files
        self.lookups: list[list[Any]] = []

    def get_file_from_path(self, path: str) -> Any:
        found = self.files.get_file_from_path(path)
        self.lookups.append([path, *_answer(found)])
        return found

    def __getattr__(self, name: str) -> Any:
        return getattr(self.files, name)


def _answer(found: Any) -> tuple[str | None, bool]:
    if found is None:
        return None, False
    return found.url, bool(found.inclusion.is_excluded())


def _same_lookups(lookups: list[list[Any]], files: Any) -> bool:
    return all([url, excluded] == list(_answer(files.get_file_from_path(path))) for path, url, excluded in lookups)


class _Recording(logging.Handler):
    """Messages of MkDocs and its plugins emitted while a page renders, to emit again when it comes from cache."""

    def __init__(self, loggers: tuple[str, ...] = ("mkdocs",)) -> None:
        super().__init__(logging.DEBUG)
        self.loggers = loggers
        self.records: list[list[Any]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append([record.name, record.levelno, record.getMessage()])

    def __enter__(self) -> _Recording:
        for name in self.loggers:
            logging.getLogger(name).addHandler(self)
        return self

    def __exit__(self, *exc: object) -> None:
        for name in self.loggers:
            logging.getLogger(name).removeHandler(self)


def _entry(md: Markdown, html: str, lookups: list, logs: list) -> dict[str, Any]:
    relpath = md.treeprocessors["relpath"]
    side = {}
    for extension in md.registeredExtensions:
        if hasattr(extension, "cache_export"):
            html, side[type(extension).__qualname__] = extension.cache_export(html)
    return {
        "html": html,
        "side": side,
        "toc_tokens": getattr(md, "toc_tokens", None),
        "title": md.treeprocessors["mkdocs_extract_title"].title,
        "anchors": sorted(md.treeprocessors["mkdocs_extract_anchors"].present_anchor_ids),
        "raw_html_anchors": sorted(md.preprocessors["mkdocs_raw_html"].present_anchor_ids),
        "links_to_anchors": [[f.src_uri, links] for f, links in relpath.links_to_anchors.items()],
        "lookups": lookups,
        "logs": logs,
    }


def _restore(md: Markdown, entry: dict[str, Any], files: Any) -> str:
    html = entry["html"]
    for extension in md.registeredExtensions:
        name = type(extension).__qualname__
        if hasattr(extension, "cache_import") and name in entry["side"]:
            html = extension.cache_import(html, entry["side"][name])
    if entry["toc_tokens"] is not None:
        md.toc_tokens = entry["toc_tokens"]  # type: ignore[attr-defined]
    md.treeprocessors["mkdocs_extract_title"].title = entry["title"]
    md.treeprocessors["mkdocs_extract_anchors"].present_anchor_ids = set(entry["anchors"])
    md.preprocessors["mkdocs_raw_html"].present_anchor_ids = set(entry["raw_html_anchors"])
    md.treeprocessors["relpath"].links_to_anchors = {
        files.get_file_from_path(src_uri): links for src_uri, links in entry["links_to_anchors"]
    }
    replay(entry["logs"])
    return html


def replay(records: list[list[Any]]) -> None:
    """Messages recorded while rendering (`_Recording`), emitted again by this build."""
    for name, level, message in records:
        logging.getLogger(name).log(level, message)


def portable_token() -> str:
    """A token for placeholders in a cached entry: random, so no author text can pass for one."""
    return secrets.token_hex(12)
