"""A module sheet's own Markdown is its title alone (the body is the module's, rendered once with the course page,
see `MentorPlugin._sheet_body`). MkDocs renders every page through a Markdown instance of its own, made with every
configured extension (about 2 ms each, half a curriculum's pages are sheets), and smartshare/cache then stores the
result: for one heading, one instance serves every sheet of the build, reset between sheets.

`render` does what MkDocs 1.6's `Page.render` does (`cache.instance.render_with`), with that one instance (a
`SharedMarkdown` of its own, as the cache has for the pages it renders): the same
extensions and MkDocs' own processors, registered afresh for each page; the cache's wrapper of `convert` is passed
by. `render_of` marks the page's render as one like MkDocs' own (`SAME_RENDER`), so that smartshare/cache, when
on, serves the title from its entry as it serves any page. Where MkDocs' processors are not found (another MkDocs
version), `SheetTitles.available` is False and sheets render as every page does.

A plain title (`PLAIN`: letters, digits, spaces and punctuation that no pattern of the `INERT` extensions reads) is
not rendered at all: even the one instance runs every configured extension's processors on it (about 1 ms a sheet,
a third of a sheet's Markdown pass). For such a heading the whole render is a function of the text and its slug
only, so one heading of letters (`PROBE`) is rendered per build, its output cut where its text and slug came out
(`TitleFill`), and each plain title is filled in with the slug the configured `toc` makes of it. Anything the probe's
output holds that the cut does not explain (its text changed, a message logged) means no fill: every sheet renders.
"""

from __future__ import annotations

import copy
import functools
import html
import logging
import re
from typing import Any

import markdown
from markdown.extensions.toc import unique

from ..cache.instance import READ_EXTENSIONS, SAME_RENDER, SharedMarkdown, extension_key, mkdocs_pages, render_with
from .shell import Logged

#: the Markdown of a plain title: `# ` and letters, digits, spaces (one at a time, none at the ends) and punctuation
#: that reads nothing in the `INERT` extensions; a colon only before a space (pymdownx.emoji's `:name:` needs a word
#: right after it). Escaped characters (`heading_markdown`) hold a backslash or `&`: never plain.
PLAIN = re.compile(r"# (?! )(?:[^\W_]|[,.;?'()-]|:(?= )| (?! ))+(?<! )\n")
#: the extensions whose patterns all start with a character outside `PLAIN` or at the start of a line, which a
#: heading's text is not: every one of `READ_EXTENSIONS` (cache/instance.py, read for this too); `abbr` only
#: without a glossary (`GLOSSARY`), which matches plain words (a curriculum's glossary terms come as definitions
#: appended to the page's Markdown: not plain then)
INERT = READ_EXTENSIONS
GLOSSARY = ("abbr", "markdown.extensions.abbr")
#: the probe's title: letters only, its slug apart from its text; `TOKEN` marks it wherever it comes out
TOKEN = "qzxjv"
PROBE = f"Sheettitle Probe {TOKEN.capitalize()}"


class SheetTitles(SharedMarkdown):
    available = mkdocs_pages is not None

    def __init__(self) -> None:
        super().__init__()
        self.fills: dict[int, TitleFill | None] = {}  # by the configuration's identity: made once a build
        self.filled = 0  # sheets whose title was filled in, not rendered

    def render_of(self, page: Any, markdown_text: str, config: Any) -> functools.partial:
        """What replaces `page.render` for a sheet: a plain title filled in (`fill`, which smartshare/cache leaves
        alone: nothing to store), else `render`, marked as doing what MkDocs' own does."""
        if PLAIN.fullmatch(markdown_text) and self._fill(page, config) is not None:
            return functools.partial(self.fill, page)
        render = functools.partial(self.render, page)
        setattr(render, SAME_RENDER, True)
        return render

    def render(self, page: Any, config: Any, files: Any) -> None:
        """`page.render(config, files)` for a sheet: sets what MkDocs' own sets (content, toc, title, anchors)."""
        md = self._instance(config)
        render_with(md, functools.partial(markdown.Markdown.convert, md), page, config, files)  # not the cache's

    def fill(self, page: Any, config: Any, files: Any) -> None:
        """`render` for a plain title: its text and slug put into the probe's output (rendered if it is not plain
        after all, such as changed by a later `on_page_markdown`)."""
        fill = self.fills.get(id(config))
        plain = isinstance(page.markdown, str) and PLAIN.fullmatch(page.markdown)
        if fill is None or not plain or (fill.links is None and _links_wanted()):
            return self.render(page, config, files)
        self.filled += 1
        return fill.apply(page, page.markdown[2:-1])

    def _fill(self, page: Any, config: Any) -> TitleFill | None:
        if id(config) not in self.fills:
            configs = config["mdx_configs"] or {}
            inert = all(_inert(e, configs) for e in config["markdown_extensions"])
            self.fills[id(config)] = TitleFill.probe(self, page, config) if inert and self.usable(config) else None
        return self.fills[id(config)]


def _inert(extension: Any, configs: dict) -> bool:
    if isinstance(extension, str) and extension in GLOSSARY:
        return not (configs.get(extension) or {}).get("glossary")
    return extension_key(extension) in INERT


class TitleFill:
    """The probe's render cut at its text and slug: a plain title's render is the pieces with its own put in."""

    def __init__(self, content: list, tokens: Any, title: list, anchors: list, slug: Any, links: Any) -> None:
        self.content, self.tokens, self.title, self.anchors, self.slug = content, tokens, title, anchors, slug
        #: the links to anchors of the page itself, cut, and whether there are any (None: the probe set none)
        self.links = links

    @classmethod
    def probe(cls, titles: SheetTitles, page: Any, config: Any) -> TitleFill | None:
        """Render `PROBE` as a sheet's title (a copy of `page`), with no logged message: None where its output holds
        the probe's text or slug in another form than as given."""
        md = titles._instance(config)
        toc = md.treeprocessors["toc"] if "toc" in md.treeprocessors else None  # noqa: SIM401 (a Registry)
        slug = functools.partial(_slug, toc) if toc is not None else None
        probe = copy.copy(page)
        probe.markdown = f"# {PROBE}\n"
        with Logged() as logged:  # a plain title's render would log them each time: no fill
            titles.render(probe, config, _NoFiles())
        wanted = (PROBE, slug(PROBE) if slug else None)
        parts = [_cut(x, *wanted) for x in (probe.content, probe._title_from_render, *probe.present_anchor_ids)]
        tokens = _cut(copy.deepcopy(getattr(md, "toc_tokens", [])), *wanted)
        # the permalink is a link to an anchor of the page itself; set only where MkDocs validates anchors
        links = probe.links_to_anchors
        if links is not None:
            own = _cut(links.get(page.file, {}), *wanted)
            links = None if set(links) - {page.file} or own is None else (own, bool(links))
        unexplained = any(part is None for part in parts) or tokens is None
        if logged.records or unexplained or (links is None and _links_wanted()):
            return None
        if wanted[1] is not None and (wanted[1] in PROBE or PROBE in wanted[1]):
            return None
        return cls(parts[0], tokens, parts[1], parts[2:], slug, links)

    def apply(self, page: Any, text: str) -> None:
        """What `Page.render` sets for the title `text` (mkdocs/structure/pages.py)."""
        values = {"text": text, "slug": self.slug(text) if self.slug else None}
        page.content = _put(self.content, values)
        page.toc = mkdocs_pages.get_toc(_put(self.tokens, values))
        page._title_from_render = _put(self.title, values)
        page.present_anchor_ids = {_put(anchor, values) for anchor in self.anchors}
        if _links_wanted():
            own, present = self.links
            page.links_to_anchors = {page.file: _put(own, values)} if present else {}


def _links_wanted() -> bool:
    """Whether `Page.render` sets the page's links to anchors (it does unless MkDocs logs at debug level)."""
    return mkdocs_pages.log.getEffectiveLevel() > logging.DEBUG


def _slug(toc: Any, text: str) -> str:
    """The id the `toc` extension gives the only heading of a page (markdown/extensions/toc.py, `TocTreeprocessor.run`:
    a plain title's inner HTML is its text, and no other id is taken)."""
    return unique(toc.slugify(html.unescape(text), toc.sep), set(), {})


class _NoFiles:
    """The probe links nowhere: a lookup finds nothing (MkDocs then logs it, and a logged probe means no fill)."""

    def get_file_from_path(self, path: str) -> None:
        return None


class _Pieces(list):
    """A string of the probe's output cut at its text and slug: strings, and the holes `("text",)`, `("slug",)`."""


class _Items(list):
    """A dictionary of the probe's output, cut: its keys and values."""


def _cut(value: Any, text: str, slug: str | None) -> Any:
    """`value` with the probe's text and slug as holes in its strings, through lists and dictionaries; None where
    the probe's mark is left in another form, or a value of a kind the fill does not copy."""
    if isinstance(value, str):
        pieces = _Pieces()
        for i, outer in enumerate(value.split(text)):
            if i:
                pieces.append(("text",))
            for j, piece in enumerate(outer.split(slug) if slug else [outer]):
                if j:
                    pieces.append(("slug",))
                if TOKEN in piece.lower():
                    return None
                pieces.append(piece)
        return pieces
    if isinstance(value, list):
        items = [_cut(item, text, slug) for item in value]
        return None if any(item is None for item in items) else items
    if isinstance(value, dict):  # keys are cut too: the links to anchors are by anchor
        items = _Items((_cut(key, text, slug), _cut(item, text, slug)) for key, item in value.items())
        return None if any(key is None or item is None for key, item in items) else items
    if isinstance(value, int):  # a heading's level (bool too)
        return ("value", value)
    return None


def _put(cut: Any, values: dict[str, Any]) -> Any:
    """The probe's output with a title's text and slug in its holes."""
    if isinstance(cut, _Pieces):
        return "".join(piece if isinstance(piece, str) else values[piece[0]] for piece in cut)
    if isinstance(cut, _Items):
        return {_put(key, values): _put(item, values) for key, item in cut}
    if isinstance(cut, tuple):
        return cut[1]
    return [_put(item, values) for item in cut]
