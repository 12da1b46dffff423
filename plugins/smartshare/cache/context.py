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

import contextlib
import datetime as dt
import io
import os
import pickle
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from mkdocs.config.base import Config
from mkdocs.plugins import PluginCollection
from mkdocs.structure.files import File
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents
from mkdocs.theme import Theme

from .store import new_digest

TEMPLATE_SUFFIXES = (".html", ".xml", ".j2", ".jinja", ".txt", ".json", ".js", ".css", ".svg")


#: methods of a page that the cache routes through itself (an attribute of the page then, not of its class): what
#: a template would get from them is the method's work, the same with or without the cache
ROUTED = ("render", "read_source")


class Uncacheable(Exception):
    """The context holds a value this module cannot describe completely: the page is rendered, not cached."""


class Templates:
    """The theme's template files, read once per build: their digest (part of every key) and their text (to know
    which context keys a template can read at all)."""

    def __init__(self, dirs: list[str], skip: tuple[str, ...] = (".icons",)) -> None:
        digest = new_digest()
        words: set[str] = set()
        for folder in dirs:
            root = Path(folder)
            digest.update(b"\0dir\0" + str(root).encode())
            for relative in _template_files(root, skip):
                data = (root / relative).read_bytes()
                digest.update(relative.encode() + b"\0" + new_digest(data).digest())
                # file by file (a list of all the words at once is 10 MB); ASCII words only, as context keys are
                words.update(data.translate(_SPACES).decode("ascii").split())
        self.digest = digest.hexdigest()
        self._named: dict[str, bool] = {}
        # every word of the templates, found in one pass: searching all their text (a megabyte with the theme's,
        # 4 MB in memory) for each new key cost a tenth of a warm build's keys
        self._words = frozenset(words)

    def names(self, key: str) -> bool:
        """Whether any template file holds `key` as a word (a template reads a variable only by naming it)."""
        if key not in self._named:
            # a word: one of the templates' words or nowhere in them; any other key is taken as named (described)
            self._named[key] = key in self._words if key.isascii() and _WORD.fullmatch(key) else True
        return self._named[key]


_WORD = re.compile(r"\w+")
#: each byte that is not an ASCII letter, digit or underscore made a space: the file's ASCII words are then its bytes
#: split at spaces (about a fifth of the time `_WORD` took over the decoded text, 0.1 s for the theme's 1.4 MB). They
#: hold every ASCII word `_WORD` finds, and the ASCII runs of words with other letters too, which can only make
#: `names` answer yes to more keys: more of a context described, never less
_SPACES = bytes(
    byte if chr(byte).isascii() and (chr(byte).isalnum() or chr(byte) == "_") else 0x20 for byte in range(256)
)


def _template_files(root: Path, skip: tuple[str, ...]) -> list[str]:
    """The template files under `root` (their paths relative to it, sorted), not looking into the folders of `skip`
    at all (Material's `.icons` holds some 14,000 files, which its version in the fingerprint covers)."""
    found = []
    for folder, subfolders, names in os.walk(root):
        subfolders[:] = [name for name in subfolders if name not in skip]
        base = Path(folder).relative_to(root)
        found += [(base / n).as_posix() for n in names if n not in skip and os.path.splitext(n)[1] in TEMPLATE_SUFFIXES]
    return sorted(found, key=lambda path: path.split("/"))


def content_digest(content: str, markers: list[str]) -> tuple[str, list[str]]:
    """What a key holds of a page's `content`, cut at its `markers` (`LateHtml` markers, found in it in this order,
    whose nonce changes every build): a digest of the pieces between them, each with its length, and where each
    marker stood (`at:index`, `at` in bytes of the content's UTF-8).

    The content was written out with `repr` into the key's text and hashed with it: `repr` of a 14 KB module page
    took about 0.35 ms, SHA-256 of the key's text as long again; its bytes, made once, are hashed with BLAKE2b
    (`new_digest`) without being copied piece by piece. A marker starts with `<`, and in UTF-8 an ASCII byte is
    never part of another character: a marker's bytes are found where the marker is in the text."""
    data = content.encode("utf-8", "surrogatepass")
    digest = new_digest()
    view = memoryview(data)
    positions = []
    rest = 0
    for index, marker in enumerate(markers):
        at = data.index(marker.encode("utf-8"), rest)
        positions.append(f"{at}:{index}")
        digest.update(b"%d\0" % (at - rest))
        digest.update(view[rest:at])
        rest = at + len(marker)
    digest.update(b"%d\0" % (len(data) - rest))
    digest.update(view[rest:])
    return digest.hexdigest(), positions


class Metas:
    """The text of each page's front matter (`page.meta`), written once per build and reused as long as it is the
    same: the navigation of each page shows a dozen other pages, each with its front matter, and writing them out
    again for every page was most of the cost of a page's key.

    "The same" is checked, never assumed: each use pickles the value again (C code, about 50 times cheaper than
    writing it out) and compares the bytes with those of the first description. Equal pickles are equal values of
    the same types, so they have the same text. Values a pickle could not vouch for (any object but plain data,
    dates and strings of a `str` subclass such as `Markup`) are written out on every use, as before.

    The first pickle is made by `_PlainPickler`, which refuses anything but plain data; a later one by the pickle
    module's own `dumps` (a third quicker, without the Python hook): bytes equal to the first's hold the same plain
    data, as a pickle names the class of every object that is not a plain value (anything else ends in other
    bytes, or in an error: written out again). Within one page's key (`checking`) a value is pickled once: a
    key's description calls no plugin, so nothing changes a front matter while it is written."""

    def __init__(self) -> None:
        self._known: dict[int, tuple[Any, bytes, str]] = {}  # id → (the value, kept alive; its pickle; its digest)
        self._checked: dict[int, tuple[Any, str]] | None = None  # within one key's description: id → (value, text)

    def text(self, meta: Any) -> str:
        checked = self._checked
        if checked is not None and id(meta) in checked:
            return checked[id(meta)][1]
        known = self._known.get(id(meta))
        if known is not None and known[0] is meta and _same_pickle(meta, known[1]):
            text = known[2]
        else:
            snapshot = _snapshot(meta)
            text = "M" + new_digest(_text(meta, lenient=False).encode("utf-8", "surrogatepass")).hexdigest()
            if snapshot is not None:
                self._known[id(meta)] = (meta, snapshot, text)
        if checked is not None:
            checked[id(meta)] = (meta, text)  # kept alive, so its id is no other value's
        return text

    @contextlib.contextmanager
    def checking(self) -> Iterator[None]:
        """One key's description: each front matter checked once within it."""
        self._checked = {}
        try:
            yield
        finally:
            self._checked = None


def _same_pickle(value: Any, snapshot: bytes) -> bool:
    try:
        return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL) == snapshot
    except Exception:  # a value that is no longer plain data, whatever its pickling raises: written out again
        return False


class _PlainPickler(pickle.Pickler):
    """Pickles plain data only: anything else (a page, an object of a plugin) ends it (`_NotPlain`)."""

    def reducer_override(self, value: Any) -> Any:  # not called for exact str, int, float, list, dict, …
        if isinstance(value, (str, dt.date, dt.time, type)):
            return NotImplemented  # pickled as usual: a date or a `Markup` with its class, a class by its name
        raise _NotPlain


class _NotPlain(Exception):
    pass


def _snapshot(value: Any) -> bytes | None:
    buffer = io.BytesIO()
    try:
        _PlainPickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(value)
    except (_NotPlain, pickle.PicklingError, TypeError, AttributeError, RecursionError):
        return None
    return buffer.getvalue()


class PageContext:
    """Describes page contexts of one build; the configuration (the same object for every page) once."""

    def __init__(self, templates: Templates, metas: Metas | None = None) -> None:
        self.templates = templates
        self.metas = metas if metas is not None else Metas()
        self._names: dict[tuple[str, ...], list[str]] = {}  # a page's attributes → those a template names
        self._once: dict[int, tuple[Any, str]] = {}  # id → (the object, kept alive; its description)
        self._lists: dict[tuple[int, ...], tuple[list, str]] = {}
        self._same: dict[int, tuple[list, list, str]] = {}  # id → (a list of files, what it held, its digest)

    def describe(self, context: Mapping[str, Any], content: str) -> str:
        """The text of `context` for the page it renders; `content` stands for `page.content` (the caller's
        `content_digest` of it, without the per-build markers)."""
        page = context["page"]
        out: list[str] = []
        with self.metas.checking():
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
                    _value(value, out, False, self.metas)
        return "".join(out)

    def _files(self, files: Any) -> str:
        """Written once per build for each distinct list of files (compared by the files' identities: a list of
        thousands of files written out for each of thousands of pages would make the build quadratic)."""
        if not isinstance(files, list):
            return _text(files, lenient=False)
        # MkDocs hands every page the same list: that list, holding the same files, is known without listing every
        # file's identity again (about 0.8 ms a page for 4,000 files, quadratic over a build). A list compares its
        # items by identity first, and files of a type without an `__eq__` of its own (MkDocs' `File`) by identity
        # only: equal is identical for them.
        same = self._same.get(id(files))
        if same is not None and same[0] is files and same[1] == files:
            return same[2]
        identity = tuple(map(id, files))
        known = self._lists.get(identity)
        if known is None:
            text = _text(files, lenient=False).encode("utf-8", "surrogatepass")
            known = self._lists[identity] = (list(files), new_digest(text).hexdigest())  # the files kept alive
            if all(type(file).__eq__ is object.__eq__ for file in files):
                self._same[id(files)] = (files, known[0], known[1])  # the list itself kept alive, and what it held
        return known[1]

    def config_digest(self, config: Config) -> str:
        """The configuration's keys that a template names (not `site_dir`, for one), written once per build."""
        return self._memo(config, lambda v: _text({k: v[k] for k in v if self.templates.names(k)}, lenient=True))

    def _memo(self, value: Any, describe) -> str:
        known = self._once.get(id(value))
        if known is None or known[0] is not value:
            known = self._once[id(value)] = (
                value,
                new_digest(describe(value).encode("utf-8", "surrogatepass")).hexdigest(),
            )
        return known[1]

    def _page(self, page: Page, content: str, out: list[str]) -> None:
        out.append("page{")
        attributes = tuple(vars(page))
        named = self._names.get(attributes)
        if named is None:  # MkDocs' own bookkeeping (`links_to_anchors`, `present_anchor_ids`): no template reads it
            named = self._names[attributes] = [
                n for n in sorted(attributes) if n not in ROUTED and self.templates.names(n)
            ]
        for name in named:
            value = getattr(page, name)
            out.append(f"\0{name}:")
            if name == "content":  # `content_digest` of it
                out.append(content)
            elif name == "parent":  # the sections above it, by title (their other pages are not shown from here)
                out.append(repr([(s.title, s.active) for s in page.ancestors]))
            elif name in ("previous_page", "next_page"):
                _reference(value, out, self.metas)
            elif name == "meta":
                out.append(self.metas.text(value))
            else:
                _value(value, out, False, self.metas)
        for name in ("title", "url", "is_homepage", "is_index", "active"):  # properties, not in vars()
            out.append(f"\0{name}:{getattr(page, name)!r}")
        out.append("}")


def _text(value: Any, lenient: bool, metas: Metas | None = None) -> str:
    out: list[str] = []
    _value(value, out, lenient, metas)
    return "".join(out)


def _reference(page: Any, out: list[str], metas: Metas | None = None) -> None:
    """Another page as a template shows it from this one: title, URL, state and front matter."""
    if page is None:
        out.append("None")
        return
    if not isinstance(page, Page):
        raise Uncacheable(type(page).__qualname__)
    out.append(f"P({page.title!r},{page.url!r},{page.active!r},{page.is_index!r},{page.is_homepage!r},")
    if metas is not None:
        out.append(metas.text(page.meta))
    else:
        _value(page.meta, out, lenient=False)
    out.append(")")


def _value(value: Any, out: list[str], lenient: bool, metas: Metas | None = None) -> None:
    kind = type(value)  # the commonest exact types first: `isinstance` against `Mapping` is slow for the others
    if kind is str:
        out.append(repr(value))
    elif kind is Page:
        _reference(value, out, metas)
    elif kind is list or kind is tuple:
        _sequence(value, out, lenient, metas)
    elif kind is dict:
        _mapping(value, out, lenient, metas)
    else:
        _other(value, out, lenient, metas)


def _other(value: Any, out: list[str], lenient: bool, metas: Metas | None) -> None:
    if value is None or isinstance(value, (bool, int, float)):
        out.append(repr(value))
    elif isinstance(value, str):  # Markup and str render differently (escaping): the type is part of the text
        out.append(repr(value) if type(value) is str else f"{type(value).__name__}{str(value)!r}")
    elif isinstance(value, Page):
        _reference(value, out, metas)
    elif isinstance(value, Section):
        out.append(f"S({value.title!r},{value.active!r},[")
        for child in value.children:
            _value(child, out, lenient, metas)
            out.append(",")
        out.append("])")
    elif isinstance(value, Link):
        out.append(f"L({value.title!r},{value.url!r})")
    elif isinstance(value, Navigation):
        out.append("N([")
        for item in value.items:
            _value(item, out, lenient, metas)
            out.append(",")
        out.append("],")
        _reference(value.homepage, out, metas)
        out.append(")")
    elif isinstance(value, File):
        out.append(f"F({value.src_uri!r},{value.url!r},{value.dest_uri!r})")
    elif isinstance(value, TableOfContents):
        _value(list(value), out, lenient, metas)
    elif isinstance(value, AnchorLink):
        out.append(f"A({value.title!r},{value.id!r},{value.url!r},{value.level!r},")
        _value(value.children, out, lenient, metas)
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
        _mapping(value, out, lenient, metas)
    elif isinstance(value, (list, tuple)):
        _sequence(value, out, lenient, metas)
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


def _mapping(value: Any, out: list[str], lenient: bool, metas: Metas | None) -> None:
    out.append("{")
    for key in sorted(value, key=lambda k: k if isinstance(k, str) else _text(k, lenient)):
        if isinstance(key, str) and key.startswith("_"):
            continue  # MkDocs' own state (`_current_page`), not configuration
        out.append(f"{key!r}:" if isinstance(key, str) else f"{_text(key, lenient)}:")
        _value(value[key], out, lenient, metas)
        out.append(",")
    out.append("}")


def _sequence(value: Any, out: list[str], lenient: bool, metas: Metas | None) -> None:
    out.append("[")
    for item in value:
        _value(item, out, lenient, metas)
        out.append(",")
    out.append("]")
