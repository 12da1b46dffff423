"""A module sheet's own Markdown is its title alone (the body is the module's, rendered once with the course page,
see `MentorPlugin._sheet_body`). MkDocs renders every page through a Markdown instance of its own, made with every
configured extension (about 2 ms each, half a curriculum's pages are sheets), and smartshare/cache then stores the
result: for one heading, one instance serves every sheet of the build, reset between sheets.

`render` does what MkDocs 1.6's `Page.render` does (`cache.instance.render_with`), with that one instance (a
`SharedMarkdown` of its own, as the cache has for the pages it renders): the same
extensions and MkDocs' own processors, registered afresh for each page; the cache's wrapper of `convert` is passed
by. `render_of` marks the page's render as one like MkDocs' own (`SAME_RENDER`), so that smartshare/cache, when
on, serves the title from its entry as it serves any page: reading it (about 0.05 ms) costs a twentieth of even
this instance's render of one heading (every configured extension's processors run on it: about 1 ms). Where
MkDocs' processors are not found (another MkDocs version), `SheetTitles.available` is False and sheets render as
every page does.
"""

from __future__ import annotations

import functools
from typing import Any

import markdown

from ..cache.instance import SAME_RENDER, SharedMarkdown, mkdocs_pages, render_with


class SheetTitles(SharedMarkdown):
    available = mkdocs_pages is not None

    def render_of(self, page: Any) -> functools.partial:
        """What replaces `page.render` for a sheet: `render`, marked as doing what MkDocs' own does."""
        render = functools.partial(self.render, page)
        setattr(render, SAME_RENDER, True)
        return render

    def render(self, page: Any, config: Any, files: Any) -> None:
        """`page.render(config, files)` for a sheet: sets what MkDocs' own sets (content, toc, title, anchors)."""
        md = self._instance(config)
        render_with(md, functools.partial(markdown.Markdown.convert, md), page, config, files)  # not the cache's
