"""`smartshare.cache.context`: a stable text for everything a page's template can read, to key its rendered HTML.

The theme renders a page from its context (MkDocs' `get_context` plus what plugins' `on_page_context` changed) and
the template files. `PageContext.describe` writes that context out as text, value by value, the same in every
process: the page itself (content, table of contents, front matter, title, URLs, previous and next pages, its
ancestors), the navigation the theme shows on it (each item's title, URL, state and front matter), the site's
configuration (once per build), and any other value a plugin put in the context.

Complete or nothing: a value of a type this module does not know raises `Uncacheable`, and the page is rendered
as if there were no cache. Two values are left out, each for a reason checked here: a context key that no template
file names (MkDocs passes `build_date_utc`, which Material never prints; the check reads every template file), and
`LateHtml` markers' per-build nonces (`page.py` keys and stores their positions instead). And the settings of a
plugin that declares `output_neutral = True` (the cache's own: where it lives, how many processes build) are not
written out: they change how a site is built, never a page, and a cold build on one core must key its pages as a
warm build on two cores does.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from mkdocs.config.base import Config
from mkdocs.plugins import PluginCollection
from mkdocs.structure.files import File
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents
from mkdocs.theme import Theme

TEMPLATE_SUFFIXES = (".html", ".xml", ".j2", ".jinja", ".txt", ".json", ".js", ".css", ".svg")


class Uncacheable(Exception):
    """The context holds a value this module cannot describe completely: the page is rendered, not cached."""


class Templates:
    """The theme's template files, read once per build: their digest (part of every key) and their text (to know
    which context keys a template can read at all)."""

    def __init__(self, dirs: list[str], skip: tuple[str, ...] = (".icons",)) -> None:
        digest = hashlib.sha256()
        texts = []
        for folder in dirs:
            root = Path(folder)
            digest.update(b"\0dir\0" + str(root).encode())
            for path in sorted(root.rglob("*")) if root.is_dir() else []:
                relative = path.relative_to(root)
                if not path.is_file() or any(part in skip for part in relative.parts):
                    continue  # Material's icons: covered by its version in the fingerprint
                if path.suffix not in TEMPLATE_SUFFIXES:
                    continue
                data = path.read_bytes()
                digest.update(relative.as_posix().encode() + b"\0" + hashlib.sha256(data).digest())
                texts.append(data.decode("utf-8", "replace"))
        self.digest = digest.hexdigest()
        self._text = "\n".join(texts)
        self._named: dict[str, bool] = {}

    def names(self, key: str) -> bool:
        """Whether any template file holds `key` as a word (a template reads a variable only by naming it)."""
        if key not in self._named:
            self._named[key] = re.search(rf"(?<!\w){re.escape(key)}(?!\w)", self._text) is not None
        return self._named[key]


class PageContext:
    """Describes page contexts of one build; the configuration (the same object for every page) once."""

    def __init__(self, templates: Templates) -> None:
        self.templates = templates
        self._once: dict[int, tuple[Any, str]] = {}  # id → (the object, kept alive; its description)
        self._lists: dict[tuple[int, ...], tuple[list, str]] = {}

    def describe(self, context: Mapping[str, Any], content: str) -> str:
        """The text of `context` for the page it renders; `content` stands for `page.content` (the caller has
        taken the per-build markers out of it)."""
        page = context["page"]
        out: list[str] = []
        for key in sorted(context):
            if not self.templates.names(key):
                continue
            out.append(f"\0{key}=")
            value = context[key]
            if key == "page":
                self._page(page, content, out)
            elif key == "pages":  # the documentation pages: a new list for each page, of the same files
                out.append(self._files(value))
            elif isinstance(value, Config):
                out.append(self.config_digest(value))
            else:
                _value(value, out, lenient=False)
        return "".join(out)

    def _files(self, files: Any) -> str:
        """Written once per build for each distinct list of files (compared by the files' identities: a list of
        thousands of files written out for each of thousands of pages would make the build quadratic)."""
        if not isinstance(files, list):
            return _text(files, lenient=False)
        identity = tuple(map(id, files))
        known = self._lists.get(identity)
        if known is None:
            text = _text(files, lenient=False).encode("utf-8", "surrogatepass")
            known = self._lists[identity] = (list(files), hashlib.sha256(text).hexdigest())  # the files kept alive
        return known[1]

    def config_digest(self, config: Config) -> str:
        """The configuration's keys that a template names (not `site_dir`, for one), written once per build."""
        return self._memo(config, lambda v: _text({k: v[k] for k in v if self.templates.names(k)}, lenient=True))

    def _memo(self, value: Any, describe) -> str:
        known = self._once.get(id(value))
        if known is None or known[0] is not value:
            known = self._once[id(value)] = (
                value,
                hashlib.sha256(describe(value).encode("utf-8", "surrogatepass")).hexdigest(),
            )
        return known[1]

    def _page(self, page: Page, content: str, out: list[str]) -> None:
        out.append("page{")
        for name in sorted(vars(page)):
            if not self.templates.names(name):
                continue  # MkDocs' own bookkeeping (`links_to_anchors`, `present_anchor_ids`): no template reads it
            value = getattr(page, name)
            out.append(f"\0{name}:")
            if name == "content":
                out.append(repr(content))
            elif name == "parent":  # the sections above it, by title (their other pages are not shown from here)
                out.append(repr([(s.title, s.active) for s in page.ancestors]))
            elif name in ("previous_page", "next_page"):
                _reference(value, out)
            else:
                _value(value, out, lenient=False)
        for name in ("title", "url", "is_homepage", "is_index", "active"):  # properties, not in vars()
            out.append(f"\0{name}:{getattr(page, name)!r}")
        out.append("}")


def _text(value: Any, lenient: bool) -> str:
    out: list[str] = []
    _value(value, out, lenient)
    return "".join(out)


def _reference(page: Any, out: list[str]) -> None:
    """Another page as a template shows it from this one: title, URL, state and front matter."""
    if page is None:
        out.append("None")
        return
    if not isinstance(page, Page):
        raise Uncacheable(type(page).__qualname__)
    out.append(f"P({page.title!r},{page.url!r},{page.active!r},{page.is_index!r},{page.is_homepage!r},")
    _value(page.meta, out, lenient=False)
    out.append(")")


def _value(value: Any, out: list[str], lenient: bool) -> None:
    if value is None or isinstance(value, (bool, int, float)):
        out.append(repr(value))
    elif isinstance(value, str):  # Markup and str render differently (escaping): the type is part of the text
        out.append(repr(value) if type(value) is str else f"{type(value).__name__}{str(value)!r}")
    elif isinstance(value, Page):
        _reference(value, out)
    elif isinstance(value, Section):
        out.append(f"S({value.title!r},{value.active!r},[")
        for child in value.children:
            _value(child, out, lenient)
            out.append(",")
        out.append("])")
    elif isinstance(value, Link):
        out.append(f"L({value.title!r},{value.url!r})")
    elif isinstance(value, Navigation):
        out.append("N([")
        for item in value.items:
            _value(item, out, lenient)
            out.append(",")
        out.append("],")
        _reference(value.homepage, out)
        out.append(")")
    elif isinstance(value, File):
        out.append(f"F({value.src_uri!r},{value.url!r},{value.dest_uri!r})")
    elif isinstance(value, TableOfContents):
        _value(list(value), out, lenient)
    elif isinstance(value, AnchorLink):
        out.append(f"A({value.title!r},{value.id!r},{value.url!r},{value.level!r},")
        _value(value.children, out, lenient)
        out.append(")")
    elif isinstance(value, Theme):
        out.append(f"T({value.name!r},{value.dirs!r},{sorted(value.static_templates)!r},{str(value.locale)!r},")
        _value(dict(value.items()), out, lenient)
        out.append(")")
    elif isinstance(value, PluginCollection):  # a plugin whose settings never change a page is named, not described
        configs = {
            name: None if getattr(plugin, "output_neutral", False) else getattr(plugin, "config", None)
            for name, plugin in value.items()
        }
        _value(configs, out, lenient=True)
    elif isinstance(value, (Mapping, Config)):
        out.append("{")
        for key in sorted(value, key=lambda k: k if isinstance(k, str) else _text(k, lenient)):
            if isinstance(key, str) and key.startswith("_"):
                continue  # MkDocs' own state (`_current_page`), not configuration
            out.append(f"{key!r}:" if isinstance(key, str) else f"{_text(key, lenient)}:")
            _value(value[key], out, lenient)
            out.append(",")
        out.append("}")
    elif isinstance(value, (list, tuple)):
        out.append("[")
        for item in value:
            _value(item, out, lenient)
            out.append(",")
        out.append("]")
    elif isinstance(value, (set, frozenset)):
        out.append("{" + ",".join(sorted(_text(v, lenient) for v in value)) + "}")
    elif isinstance(value, (dt.datetime, dt.date, dt.time)):
        out.append(f"{type(value).__name__}({value.isoformat()})")
    elif lenient:  # in the configuration: a plugin's helper object, a function, an extension given as an object
        kind = type(value)
        out.append(f"<{kind.__module__}.{getattr(value, '__qualname__', kind.__qualname__)}")
        if hasattr(value, "getConfigs"):
            _value(value.getConfigs(), out, lenient)
        out.append(str(value) if hasattr(kind, "__fspath__") or kind.__str__ is not object.__str__ else "")
        out.append(">")
    else:
        raise Uncacheable(f"{type(value).__module__}.{type(value).__qualname__}")
