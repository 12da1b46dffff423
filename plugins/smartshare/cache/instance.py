"""`smartshare.cache.instance`: one Markdown instance for every page a build renders, reset between pages.

MkDocs 1.6's `Page.render` makes a `Markdown` instance for each page, with an instance of every configured extension
(about 1.5 ms a page, most of it registering processors and compiling their patterns), uses it once and drops it.
Python-Markdown's own way to convert many documents is one instance and `reset()` between them: every extension
keeps its per-document state where `reset` clears it (or builds it afresh in each run). `SharedMarkdown.render` does
what `Page.render` does (mkdocs/structure/pages.py), with one instance for the build: reset, MkDocs' own processors
(links, anchors, title) registered afresh for the page, then `convert` (the cache's wrapper included).

Only where that is known to give the same bytes: every configured extension is one whose state `reset` clears
(`RESETS`: Python-Markdown's and pymdown-extensions' that a curriculum uses, and Smartshare's own), footnotes without
`UNIQUE_IDS` (which numbers each document apart on purpose); with any other extension, or another MkDocs, every page
gets its own instance as MkDocs gives it. A change of the configured extensions or their settings during the build
makes a new instance.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import markdown
from mkdocs.structure.toc import get_toc

from ..curriculum.release import SHARED
from .inline import use_screened_inline

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

#: the extensions whose code was read for what Smartshare assumes of them (by name as a configuration gives them, or
#: by class for objects; Python-Markdown 3.11, pymdown-extensions 10-13 and Smartshare's own): `RESETS` here,
#: `mentor/titles.py`'s `INERT`
READ_EXTENSIONS = frozenset(
    [
        *(
            name
            for short in (
                "abbr",
                "admonition",
                "attr_list",
                "def_list",
                "fenced_code",
                "footnotes",
                "md_in_html",
                "tables",
                "toc",
            )
            for name in (short, f"markdown.extensions.{short}")
        ),
        *(
            f"pymdownx.{short}"
            for short in (
                "arithmatex",
                "blocks.caption",
                "details",
                "emoji",
                "highlight",
                "inlinehilite",
                "keys",
                "mark",
                "superfences",
                "tabbed",
                "tasklist",
            )
        ),
        "smartshare.quiz.extension.QuizExtension",
        "smartshare.feedback.mentorblock.MentorExtension",
        "smartshare.rich.markup.RichMarkupExtension",
        "smartshare.curriculum.release.MarkdownRelease",
        "smartshare.cache.render.CacheExtension",
    ]
)
#: of those, the ones whose per-document state `reset` clears or each run makes afresh (Smartshare's own set theirs
#: at the start of each run: markdownblocks.py): all of them
RESETS = READ_EXTENSIONS


def extension_key(extension: Any) -> str:
    """An extension as `READ_EXTENSIONS` names it: its name as configured, or its class's for an object."""
    if isinstance(extension, str):
        return extension
    kind = type(extension)
    return f"{kind.__module__}.{kind.__qualname__}"


#: set (True) on a page's `render` that another plugin replaced with one doing what `Page.render` does, with the same
#: configured extensions (`render_with`, as `mentor/titles.py` does for a sheet's title): smartshare/cache then
#: serves that page from its entry as it serves any other (cache/render.py), where it leaves other replaced renders
#: alone
SAME_RENDER = "smartshare_same_render"


def _known(extension: Any, configs: dict) -> bool:
    if isinstance(extension, str) and extension in ("footnotes", "markdown.extensions.footnotes"):
        return not (configs.get(extension) or {}).get("UNIQUE_IDS")
    return extension_key(extension) in RESETS


class SharedMarkdown:
    """The build's one Markdown instance for page renders (None until the first page)."""

    def __init__(self) -> None:
        self.md: markdown.Markdown | None = None
        self._made_from: tuple[list, dict] | None = None  # the extensions and settings it was made with

    @staticmethod
    def usable(config: Any) -> bool:
        """Whether pages of this configuration can share one instance (MkDocs 1.6, only extensions of RESETS)."""
        configs = config["mdx_configs"] or {}
        return mkdocs_pages is not None and all(_known(e, configs) for e in config["markdown_extensions"])

    def render(self, page: Any, config: Any, files: Any) -> None:
        """`page.render(config, files)`: sets what MkDocs' own sets (content, toc, title, anchors, links)."""
        md = self._instance(config)
        render_with(md, md.convert, page, config, files)

    def _instance(self, config: Any) -> markdown.Markdown:
        extensions = config["markdown_extensions"]
        configs = config["mdx_configs"] or {}
        made = self._made_from
        if self.md is None or made is None or made[0] != extensions or made[1] != _settings(configs):
            self.md = markdown.Markdown(extensions=extensions, extension_configs=configs)
            use_screened_inline(self.md)  # each inline pattern tried only on texts it can match in (inline.py)
            setattr(self.md, SHARED, True)  # not taken apart after its first page (curriculum/release.py)
            self._made_from = (list(extensions), _settings(configs))
        return self.md


def _settings(configs: dict) -> dict:
    """A copy of the extensions' settings, one level deep (each extension's own dictionary)."""
    return {name: dict(value) if isinstance(value, dict) else value for name, value in configs.items()}


def render_with(md: markdown.Markdown, convert: Callable[[str], str], page: Any, config: Any, files: Any) -> None:
    """What MkDocs 1.6's `Page.render` does, with the instance `md` (reset here) and `convert` (`md.convert`, which
    goes through the cache's wrapper, or the class's own): MkDocs' processors registered afresh for the page, then
    content, toc, title, anchors and links set as MkDocs sets them."""
    if page.markdown is None:
        raise RuntimeError("`markdown` field hasn't been set (via `read_source`)")
    md.reset()
    raw_html = _RawHTMLPreprocessor()
    raw_html._register(md)
    anchors = _ExtractAnchorsTreeprocessor(page.file, files, config)
    anchors._register(md)
    relative = _RelativePathTreeprocessor(page.file, files, config)
    relative._register(md)
    title = _ExtractTitleTreeprocessor()
    title._register(md)
    page.content = convert(page.markdown)
    page.toc = get_toc(getattr(md, "toc_tokens", []))
    page._title_from_render = title.title
    page.present_anchor_ids = anchors.present_anchor_ids | raw_html.present_anchor_ids
    if mkdocs_pages.log.getEffectiveLevel() > logging.DEBUG:
        page.links_to_anchors = relative.links_to_anchors
