"""`smartshare.cache.navleaves`: the navigation's plain links rendered once a folder, not once a page.

Material's navigation (`partials/nav.html`) renders each of its items with the `render` macro of
`partials/nav-item.html`, once per item and page: about 3 ms of a learner page's theme pass, most of it for items that
are a plain link (a page or a link without children, not the page itself). Such an item writes the same HTML from
every page of one folder but for links into the page's own folder: a link made relative to a page
(`mkdocs.utils.get_relative_url`) is `../` for each of the page's folders that the target does not share, then the rest
of the target. So the item is rendered once for each folder holding pages (and shape of page, as `blocks` tells it),
from a made-up page of that folder: the stand-in page has only a URL, every other value the item could read that
differs between pages (the path, level and parent the macro is given, the navigation, the table of contents) is a
stand-in that ends the render if read. A page uses that HTML unless it shows a link into the page's own folder (`../`
and the folder's name, written from the made-up page); otherwise, and when any stand-in was read, the item is
rendered for the page as before. The open track, its current page and their tables of contents are always rendered.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from jinja2.runtime import Macro
from markupsafe import escape

from .blocks import BlockStencils, Opaque, Unknown, opaque_stand_ins

#: the macro's arguments, as Material's `partials/nav-item.html` declares them
ARGUMENTS = ("nav_item", "path", "level", "parent")
TEMPLATE = "partials/nav-item.html"


class _Page(Opaque):
    """The made-up page of a folder: its URL only."""

    def __init__(self, url: str) -> None:
        self.url = url


class NavLeaves:
    """The plain items of one build's navigation: (shape, folder, item, active) → their HTML, or None (rendered)."""

    def __init__(self, blocks: BlockStencils) -> None:
        self.blocks = blocks
        self.nonce = blocks.nonce
        self._html: dict[tuple, str | None] = {}
        self._alive: dict[int, Any] = {}  # the items whose identity a key holds, kept alive
        self._stand_ins: dict[tuple, Callable[..., str]] = {}  # (shape's number, folder) → the stand-in module's macro
        self._numbers: dict[tuple, int] = {}  # shape → its number
        self._last: tuple[Any, tuple | None] = (None, None)  # the last import's context and its place
        self.filled = 0  # items given from a stored HTML

    def wrap(self, template: Any, folder: str | None) -> None:
        """Route the `render` macro of each import of `template` (Material's `nav-item.html`, from the theme's own
        `folder`) through the stored items (once per template object)."""
        root = template.root_render_func
        if getattr(root, "smartshare_leaves", False) or folder is None or template.filename is None:
            return
        if template.filename.rpartition("/")[0] != f"{folder}/partials":
            return  # a site's own `nav-item.html`: rendered as before

        def wrapped(context: Any) -> Iterator[str]:
            yield from root(context)
            macro = context.vars.get("render")
            if isinstance(macro, Macro) and tuple(macro.arguments) == ARGUMENTS:
                macro._func = self._routed(macro._func, template, root, context, folder)

        wrapped.smartshare_leaves = True  # type: ignore[attr-defined]
        template.root_render_func = wrapped

    def _routed(self, func: Callable[..., str], template: Any, root: Any, context: Any, folder: str) -> Callable:
        def render(*args: Any) -> str:
            html = self._fill(template, root, context, folder, args) if len(args) == len(ARGUMENTS) else None
            return func(*args) if html is None else html

        return render

    def _fill(self, template: Any, root: Any, context: Any, folder: str, args: tuple) -> str | None:
        """The item's HTML for this page from its folder's render; None: render it."""
        item, page = args[0], context.get("page")
        if getattr(item, "children", True) or item == page:
            return None  # not a plain item, or the page itself
        if self._last[0] is not context:
            self._last = (context, self._place(context, folder))
        place = self._last[1]
        if place is None:
            return None
        number, parent, link, shape = place
        key = (number, parent, id(item), bool(getattr(item, "active", False)))
        if key not in self._html:
            self._alive[id(item)] = item
            self._html[key] = self._render(template, root, context, (number, shape), parent, item)
        html = self._html[key]
        if html is None or link in html:
            return None  # a link into the page's own folder: relative to it, not to the made-up page
        self.filled += 1
        return html

    def _place(self, context: Any, folder: str) -> tuple[int, str, str, tuple] | None:
        """The page's shape (by its number), the folder that holds the page's own and how a link into it is written
        from the made-up page; None for a page that is no folder (`index.html`, the homepage) or of no shape."""
        url = getattr(context.get("page"), "url", None)
        if not isinstance(url, str) or not url.endswith("/"):
            return None
        parent, _, own = url[:-1].rpartition("/")
        shape = self.blocks.shape(context, folder)
        if str(escape(own)) != own or shape is None:
            return None  # the folder's name would be written escaped: not found as it is
        # the key holds the shape's number: a long tuple is hashed anew on each lookup
        return self._numbers.setdefault(shape, len(self._numbers)), parent, f"../{own}", shape

    def _render(self, template: Any, root: Any, context: Any, shaped: tuple, parent: str, item: Any) -> str | None:
        """The item rendered from the made-up page of `parent`; None if a stand-in was read or its URL written."""
        number, shape = shaped
        macro = self._stand_ins.get((number, parent))
        if macro is None:
            values = dict(context.get_all())
            values.update(opaque_stand_ins(shape))
            values["page"] = _Page(f"{parent}/smartshareurl{self.nonce}/".lstrip("/"))
            values["nav"] = Opaque()
            stand_in = template.new_context(values, True)
            list(root(stand_in))
            macro = self._stand_ins[(number, parent)] = stand_in.vars["render"]._func
        try:
            html = macro(item, Opaque(), Opaque(), Opaque())
        except Unknown:
            return None
        return None if self.nonce in html.lower() else html
