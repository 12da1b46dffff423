"""A module sheet's own Markdown is its title alone (the body is the module's, rendered once with the course page,
see `MentorPlugin._sheet_body`). MkDocs renders every page through a Markdown instance of its own, made with every
configured extension (about 2 ms each, half a curriculum's pages are sheets), and smartshare/cache then stores the
result: for one heading, one instance serves every sheet of the build, reset between sheets.

`render` does what MkDocs 1.6's `Page.render` does (mkdocs/structure/pages.py), with that one instance: the same
extensions and MkDocs' own processors, registered afresh for each page; the cache's wrapper of `convert` is passed
by (a title costs less to render than its cache entry). Where MkDocs' processors are not found (another MkDocs
version), `SheetTitles.available` is False and sheets render as every page does.
"""

from __future__ import annotations

import logging
from typing import Any

import markdown
from mkdocs.structure.toc import get_toc

from ..curriculum.release import SHARED

try:
    from mkdocs.structure import pages as mkdocs_pages
    from mkdocs.structure.pages import (
        _ExtractAnchorsTreeprocessor,
        _ExtractTitleTreeprocessor,
        _RawHTMLPreprocessor,
        _RelativePathTreeprocessor,
    )
except ImportError:  # pragma: no cover - another MkDocs than 1.6
    mkdocs_pages = None


class SheetTitles:
    available = mkdocs_pages is not None

    def __init__(self) -> None:
        self.md: markdown.Markdown | None = None

    def render(self, page: Any, config: Any, files: Any) -> None:
        """`page.render(config, files)` for a sheet: sets what MkDocs' own sets (content, toc, title, anchors)."""
        if page.markdown is None:
            raise RuntimeError("`markdown` field hasn't been set (via `read_source`)")
        md = self.md
        if md is None:
            md = self.md = markdown.Markdown(
                extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"] or {}
            )
            setattr(md, SHARED, True)  # not taken apart after its first page (curriculum/release.py)
        md.reset()
        raw_html = _RawHTMLPreprocessor()
        raw_html._register(md)
        anchors = _ExtractAnchorsTreeprocessor(page.file, files, config)
        anchors._register(md)
        relative = _RelativePathTreeprocessor(page.file, files, config)
        relative._register(md)
        title = _ExtractTitleTreeprocessor()
        title._register(md)
        page.content = markdown.Markdown.convert(md, page.markdown)  # the class's: not the cache's wrapper
        page.toc = get_toc(getattr(md, "toc_tokens", []))
        page._title_from_render = title.title
        page.present_anchor_ids = anchors.present_anchor_ids | raw_html.present_anchor_ids
        if mkdocs_pages.log.getEffectiveLevel() > logging.DEBUG:
            page.links_to_anchors = relative.links_to_anchors
