"""`smartshare.cache.blocks`: the theme's header, configuration and scripts blocks rendered once a shape, not per page.

Material's `header` (about 1.1 ms a page), `config` and `scripts` blocks (0.6 ms together) write the same HTML on
every page but for the page's title and the links made relative to the page by the `url` filter. They are rendered
once for each shape (the page's depth, as `base_url` tells it, and the simple values of its context) in a context
where the page and the navigation are stand-ins: the page's URL is a made-up one of the same depth, its title a token;
the navigation holds only its homepage. Every other value the block could read that is not the same on every page
(the table of contents, the list of files, an object of a plugin) is a stand-in that ends the render if read at all:
the block is then rendered for each page, as without this module.

A link made relative to a page is `../` for each of its folders and the target, unless the target starts with the
page's first folder (`mkdocs.utils.get_relative_url`): rendered from a made-up first folder, the block holds every
target whole, so a page may use it when its own first folder is nowhere in it. A title's token ends with `&<`: the
block shows whether it wrote the title as it is or escaped (`&amp;&lt;`), and the page's title is filled in so.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterator
from typing import Any

from jinja2.environment import TemplateModule
from markupsafe import escape

#: the blocks of the theme's `base.html` rendered once a shape
BLOCKS = ("header", "config", "scripts")
#: context values of these types (and lists of strings) are part of the shape; the rest are stand-ins
PLAIN = (str, int, float, bool, type(None))


class Unknown(Exception):
    """A stand-in was read in a way the shape does not cover: the block is rendered for each page."""


class Opaque:
    """A context value the shape does not hold: any use of it ends the stand-in render."""

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)  # `hasattr(value, "__html__")` and the like: as for a plain object
        raise Unknown(name)

    def _refuse(self, *args: Any) -> Any:
        raise Unknown(type(self).__name__)

    __iter__ = __len__ = __bool__ = __str__ = __eq__ = __hash__ = __contains__ = __getitem__ = __call__ = _refuse


class _Title(Opaque):
    """The page's title: written as its token; true or false as the page's title is."""

    def __init__(self, token: str, truth: bool) -> None:
        self._token, self._truth = token, truth

    def __str__(self) -> str:
        return self._token

    def __bool__(self) -> bool:
        return self._truth


class _Meta(Opaque):
    """The page's front matter: its title only (missing as in the page's), true or false as the page's is."""

    def __init__(self, title: _Title | None, truth: bool) -> None:
        self._title, self._truth = title, truth

    def __bool__(self) -> bool:
        return self._truth

    def __getattr__(self, name: str) -> Any:
        if name == "title":
            if self._title is None:
                raise AttributeError(name)  # Jinja then tries the key, then gives its undefined value
            return self._title
        return super().__getattr__(name)

    def __getitem__(self, name: Any) -> Any:
        if name == "title" and self._title is not None:
            return self._title
        if name == "title":
            raise KeyError(name)
        raise Unknown(f"meta[{name!r}]")


class _Page(Opaque):
    def __init__(self, url: str, title: _Title, meta: _Meta) -> None:
        self.url, self.title, self.meta = url, title, meta


class _Nav(Opaque):
    def __init__(self, homepage: Any) -> None:
        self.homepage = homepage


class _Homepage(Opaque):
    def __init__(self, url: str) -> None:
        self.url = url


class BlockStencils:
    """The stencils of one build: (block, shape) → the block's text cut at the titles' tokens, or None (rendered)."""

    def __init__(self) -> None:
        self.nonce = secrets.token_hex(8)
        self._stencils: dict[tuple, list[tuple[str, str, bool]] | None] = {}
        self._alive: dict[int, Any] = {}  # objects whose identity a shape holds, kept alive
        self._last: tuple[Any, tuple | None] = (None, None)  # the last context and its shape (three blocks ask)
        self.filled = 0  # blocks given from a stencil

    def wrap(self, template: Any) -> None:
        """Route the `BLOCKS` that `template` defines through the stencils (once per template object)."""
        for name in BLOCKS:
            block = template.blocks.get(name)
            if block is not None and not getattr(block, "smartshare_stencil", False):
                template.blocks[name] = self._wrapped(name, block, template)

    def _wrapped(self, name: str, block: Callable[..., Iterator[str]], template: Any) -> Callable[..., Iterator[str]]:
        folder = template_folder(template)

        def stenciled(context: Any) -> Iterator[str]:
            html = self._fill(name, block, stenciled, context, folder)
            if html is None:
                yield from block(context)
            else:
                yield html

        stenciled.smartshare_stencil = True  # type: ignore[attr-defined]
        return stenciled

    def _fill(self, name: str, block: Any, stenciled: Any, context: Any, folder: str | None) -> str | None:
        """The block's HTML for this page from its shape's stencil; None: render it."""
        if context.blocks.get(name, [None])[0] is not stenciled or context.environment.finalize is not None:
            return None  # a template of the site's own overrides the block (it may call this one as `super()`)
        if self._last[0] is not context:
            self._last = (context, self.shape(context, folder))
        shape = self._last[1]
        if shape is None:
            return None
        key = (name, *shape)
        if key not in self._stencils:
            self._stencils[key] = self._render(block, context, shape)
        pieces = self._stencils[key]
        page = context["page"]
        head = _first_folder(page.url)
        if pieces is None or (head and any(head in text for text, _, _ in pieces)):
            return None  # a link of the block may start with the page's first folder: relative to it, not whole
        self.filled += 1
        values = {"t": page.title, "m": page.meta.get("title")}
        out = [pieces[0][0]]
        for text, slot, escaped in pieces[1:]:
            value = str(values[slot])  # as `{{ value }}` writes it (`finalize` is not set)
            out += (str(escape(value)) if escaped else value, text)
        return "".join(out)

    def shape(self, context: Any, folder: str | None) -> tuple | None:
        """What the blocks of this page are rendered from but for the page's URL and titles (None: not a page's)."""
        page, nav, base = context.get("page"), context.get("nav"), context.get("base_url")
        meta = getattr(page, "meta", None)
        if not isinstance(base, str) or not isinstance(meta, dict) or not isinstance(getattr(page, "url", None), str):
            return None
        homepage = getattr(nav, "homepage", None)
        shape: list[Any] = [base, getattr(homepage, "url", None), bool(meta), "title" in meta]
        shape += [bool(meta.get("title")), bool(page.title)]
        globals_ = context.environment.globals
        for key, value in sorted(context.get_all().items()):
            if key in ("page", "nav") or globals_.get(key, Opaque) is value:
                continue  # the stand-ins, and Jinja's and MkDocs' functions
            if isinstance(value, PLAIN) or (isinstance(value, (list, tuple)) and all(type(v) is str for v in value)):
                shape.append((key, type(value).__name__, repr(value)))
            elif key == "config":  # the same object on every page of the build
                self._alive[id(value)] = value
                shape.append((key, id(value)))
            elif isinstance(value, TemplateModule) and _within(value, context, folder):
                # imported anew for each page (`with context`): Material's translations, by their template's name
                shape.append((key, "module", value.__name__))
            else:
                shape.append((key, OPAQUE))
        return tuple(shape)

    def _render(self, block: Any, context: Any, shape: tuple) -> list[tuple[str, str, bool]] | None:
        """The block rendered with stand-ins, cut at the titles' tokens; None if a stand-in was read otherwise."""
        page, nav, base = context["page"], context.get("nav"), shape[0]
        depth = 0 if base == "." else base.count("..")
        url = "/".join([f"smartshareurl{self.nonce}"] + ["x"] * (depth - 1)) + "/" if depth else ""
        meta = page.meta
        meta_title = _Title(f"smartshare{self.nonce}m&<", bool(meta.get("title"))) if "title" in meta else None
        title = _Title(f"smartshare{self.nonce}t&<", bool(page.title))
        stand_ins: dict[str, Any] = {"page": _Page(url, title, _Meta(meta_title, bool(meta)))}
        if nav is not None:
            homepage = getattr(nav, "homepage", None)
            stand_ins["nav"] = _Nav(_Homepage(homepage.url) if homepage is not None else None)
        stand_ins.update(opaque_stand_ins(shape))
        try:
            text = "".join(block(context.derived(stand_ins)))
        except Unknown:
            return None
        return _cut(text, self.nonce)


def opaque_stand_ins(shape: tuple) -> dict[str, Opaque]:
    """A stand-in for each context value `BlockStencils.shape` left out of the shape (after its six leading fields)."""
    return {entry[0]: Opaque() for entry in shape[6:] if entry[1] == OPAQUE}


def template_folder(template: Any) -> str | None:
    """The folder of `template`'s file (the theme's own templates, for Material's `base.html`)."""
    return template.filename.rpartition("/")[0] if template.filename else None


#: how a title's token ends, written as it is or escaped: either is told from the other and from the template's text
RAW, ESCAPED = "&<", "&amp;&lt;"
#: a context value the shape does not hold (a stand-in that ends the render if read)
OPAQUE = "opaque"


def _cut(text: str, nonce: str) -> list[tuple[str, str, bool]] | None:
    """`text` cut at each title's token: (the text after it, which title, whether written escaped); None if the
    nonce shows anywhere else (the made-up URL written out, a token changed by a filter)."""
    token = f"smartshare{nonce}"
    if text.lower().count(nonce) != text.count(token) or f"smartshareurl{nonce}" in text:
        return None
    first, *rest = text.split(token)
    pieces = [(first, "", False)]
    for piece in rest:
        slot, escaped = piece[:1], piece[1:].startswith(ESCAPED)
        if slot not in ("t", "m") or not (escaped or piece[1:].startswith(RAW)):
            return None
        pieces.append((piece[1 + len(ESCAPED if escaped else RAW) :], slot, escaped))
    return pieces


def _within(module: TemplateModule, context: Any, folder: str | None) -> bool:
    """An imported template (Material's translations) from the theme's own folder, not a site's override."""
    try:
        filename = context.environment.get_template(module.__name__).filename
    except Exception:
        return False
    return folder is not None and filename is not None and filename.rpartition("/")[0].startswith(folder)


def _first_folder(url: str) -> str:
    """The first folder of the page's URL as `get_relative_url` reads it (a last part with a dot is a file)."""
    folder, _, last = url.rpartition("/")
    return (folder if "." in last else url).strip("/").split("/")[0]
