"""`smartshare.cache.page`: a page's HTML as the theme renders it, kept across builds, keyed by its whole context.

MkDocs renders each page with `template.render(context)` (`_build_page`), between the plugins' `on_page_context`
and `on_post_page`, which both still run on every page. `TemplateCache.wrap` replaces `render` on the page
templates the build uses (only direct calls go through it: `{% include %}` and `{% extends %}` call Jinja's
internals). Its key hashes the build's fingerprint (package versions, Smartshare's code), the digest of every
template file (`context.Templates`) and the text of the page's whole context (`context.PageContext`), the page's
content by its digest (`context.content_digest`); a context that cannot be written out completely is rendered every
time (`Uncacheable`).

`LateHtml` markers (plugin_support) carry a nonce that changes every build: the key holds their positions in the
page's content instead, and a stored page holds them under a random token of its own, put back as this build's
markers when the page is used, so `on_post_page` releases the held HTML into a cached page as into a fresh one.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

from jinja2 import TemplateNotFound

from ..core.frames import replace_frames
from ..plugin_support import LateHtml
from .blocks import BlockStencils, template_folder
from .context import Metas, PageContext, Templates, Uncacheable, content_digest
from .navleaves import TEMPLATE, NavLeaves
from .render import _Recording, portable_token, replay
from .store import CacheStore, key_of

FRAME = "<!--smartshare-cache-late-{token}-{index}-->"
#: how every `LateHtml.MARKER` starts and ends (the first `-->` after its start is its end)
MARKER_OPENING, MARKER_CLOSING = "<!--smartshare-late-", "-->"


class TemplateCache:
    """The rendered pages of one build: which came from the cache, which were rendered, which cannot be cached."""

    def __init__(self, store: CacheStore, fingerprint: str, templates: Templates, metas: Metas | None = None) -> None:
        self.store = store
        self.fingerprint = fingerprint
        self.context = PageContext(templates, metas)
        self.templates = templates
        self.blocks = BlockStencils()
        self.leaves = NavLeaves(self.blocks)
        self.hits: list[str] = []
        self.rendered: list[str] = []
        self.uncacheable: list[tuple[str, str]] = []  # (page, the value that could not be described)

    def wrap(self, template: Any) -> None:
        """Route `template.render` through this cache (once per template object), and the theme's blocks that are
        the same on pages of one shape through `blocks`: those of `base.html`, which Material's pages extend (a block
        of a template that extends another may call its parent's as `super()`, which finds it by identity); and the
        navigation's plain items, the same from every page of a folder, through `leaves`."""
        if "render" in vars(template):
            return
        with contextlib.suppress(TemplateNotFound):
            base = template.environment.get_template("base.html")
            self.blocks.wrap(base)
            self.leaves.wrap(template.environment.get_template(TEMPLATE), template_folder(base))
        original = template.render

        def render(*args: Any, **kwargs: Any) -> str:
            return self.render(template, original, *args, **kwargs)

        template.render = render

    def render(self, template: Any, original: Callable[..., str], *args: Any, **kwargs: Any) -> str:
        context = args[0] if len(args) == 1 and not kwargs and isinstance(args[0], dict) else None
        page = context.get("page") if context is not None else None
        if context is None or page is None or not isinstance(page.content, str):
            return original(*args, **kwargs)  # a theme template (404.html, sitemap.xml): not a page
        markers = LateHtml.MARKER.findall(page.content)
        try:
            key = self.key(template.name, context, page.content, markers)
        except Uncacheable as reason:
            self.uncacheable.append((page.file.src_uri, str(reason)))
            return original(context)
        entry = self.store.load(key)
        if entry is not None and entry.get("markers") == len(markers) and isinstance(entry.get("html"), str):
            self.hits.append(page.file.src_uri)
            replay(entry.get("logs") or [])
            return _restore(entry["html"], entry["token"], markers)
        with _Recording() as logs:  # a template's warnings, given again when the page comes from the cache
            html = original(context)
        self.rendered.append(page.file.src_uri)
        token = portable_token()
        portable = _portable(html, token, markers)
        self.store.save(key, {"html": portable, "token": token, "markers": len(markers), "logs": logs.records})
        return html

    def config_digest(self, config: Any) -> str:
        """The digest of the configuration as every key holds it (the manifest compares it between builds)."""
        return self.context.config_digest(config)

    def key(self, name: str, context: dict, content: str, markers: list[str]) -> str:
        """Hash of the fingerprint, the templates, the template's name, and the context with the content given by
        its digest cut at its markers, and where each stood (so no author text can stand for one)."""
        digest, positions = content_digest(content, markers)
        text = self.context.describe(context, digest)
        return key_of(self.fingerprint, self.templates.digest, name or "", ",".join(positions), text)


def _portable(html: str, token: str, markers: list[str]) -> str:
    """`html` with each of `markers`, wherever it stands, replaced by its frame (the first index of a marker listed
    twice), in one pass over the page (`replace` copied the whole page once per marker). Every marker starts with
    MARKER_OPENING and ends at the first MARKER_CLOSING after it, so the frames `replace_frames` finds between them
    are where each marker stands."""
    if not markers:
        return html
    frames: dict[str, str] = {}
    for index, marker in enumerate(markers):
        frames.setdefault(marker[len(MARKER_OPENING) : -len(MARKER_CLOSING)], FRAME.format(token=token, index=index))
    return replace_frames(html, MARKER_OPENING, MARKER_CLOSING, frames.get)


def _restore(html: str, token: str, markers: list[str]) -> str:
    """`html` with each frame of `token` given back its marker, in one pass over the page (a `replace` per marker
    copied the whole page for each). A frame whose index is not one of the markers' stays as it is; putting back a
    marker cannot make a frame (a marker starts and ends unlike one)."""
    if not markers:
        return html
    start, end = FRAME.split("{index}")

    def marker(index: str) -> str | None:
        if index.isascii() and index.isdigit() and str(int(index)) == index and int(index) < len(markers):
            return markers[int(index)]
        return None

    return replace_frames(html, start.format(token=token), end, marker)
