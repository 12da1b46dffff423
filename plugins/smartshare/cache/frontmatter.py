"""`smartshare.cache.frontmatter`: each page's front matter taken from the cache instead of parsed again.

MkDocs 1.6 reads every page's source in the Markdown pass (`Page.read_source`) and splits it with
`mkdocs.utils.meta.get_data`: PyYAML's C parser, then its constructors in Python, about a millisecond for a
module's front matter (dates, lists, the session kit); at 2,000 modules that was a twentieth of a warm build's own
process, for front matter that had not changed. `FrontMatter.read_source` does what `Page.read_source` does, but
asks `get_data` only for a source it has not seen: the cache keeps, for each source text, where its Markdown starts
and the front matter's values, in an entry of its own (`<key>.front`, read when the page is: no build holds them all
in memory at once).

Why the page is the same: `get_data` is a function of the source text alone, and the item's key hashes that whole
text with the build's fingerprint (Smartshare's code, the versions of MkDocs and the other packages) and PyYAML's
version and parser; the values are pickled (a date stays a date, a key that is a number stays a number) and each
use unpickles them afresh, so a plugin that changes `page.meta` changes only its page's copy. Only values PyYAML's
safe loader makes are ever read back (`_Values` refuses every other class), and a source without front matter is
left to `get_data` (nothing to gain). An item that cannot be read is parsed again.

A source the cache has not seen (every page of a cold build) is split by `get_data`'s own rule, its YAML read by
`plain_values` from the parser's events: PyYAML's `load` composes a tree of nodes, then its constructors walk it in
Python (generators, a table of the objects made, a check of each key): about 0.6 ms of a module's front matter, where
building the values straight from the same parser's events takes about 0.35 ms. Only YAML whose values `load` makes
in one obvious way is read so (no tag, anchor, alias or merge key, no list or mapping as a key, one document, not
deeply nested); the rest, and anything the events' reading does not expect, is left to `get_data`.

A module's front matter was read already, in the same build, by the start-up check (`core.loader`), with the same
parser: when the check says its values are exactly what `load` makes of that YAML text with the loader `get_data`
uses (`core.yamlsource.exact_values`, `reads_like`), the page takes them (`known`, by the YAML text `get_data`
cuts out) instead of reading the text a second time.
"""

from __future__ import annotations

import base64
import binascii
import functools
import io
import pickle
from collections.abc import Callable
from typing import Any

import mkdocs
import yaml
from mkdocs.utils import meta as mkdocs_meta

from ..core.yamlsource import reads_like
from .store import CacheStore, fingerprint, new_digest

#: MkDocs' own `read_source` that `FrontMatter.read_source` does (mkdocs/structure/pages.py)
KNOWN = mkdocs.__version__.startswith("1.6.")

#: the classes PyYAML's safe loader makes that a pickle names (lists, dicts, sets, text and numbers need none)
SAFE_CLASSES = frozenset(("datetime", name) for name in ("date", "datetime", "time", "timedelta", "timezone"))


class _Values(pickle.Unpickler):
    """Unpickles plain values only: an entry naming any other class is not read (the page is parsed again)."""

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) in SAFE_CLASSES:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name}")


class FrontMatter:
    """The front matter of one build's pages, each source's in an entry of `store` (None: every source is parsed)."""

    def __init__(self, store: CacheStore | None, known: Callable[[str], dict | None] | None = None) -> None:
        """`known`: a YAML text's values read already this build (each given once), or None."""
        self.known = None if known is None else functools.partial(_taken, self, known)
        self.taken = 0  # sources of those this build split whose values `known` gave
        parser = "libyaml" if getattr(yaml, "__with_libyaml__", False) else "python"
        self.base = fingerprint(f"pyyaml={yaml.__version__} {parser}").encode()
        self.store = store
        self.hits = 0  # sources this build took from the cache
        self.parsed = 0  # sources this build split with `get_data`

    @staticmethod
    def usable() -> bool:
        """Whether MkDocs' `Page.read_source` is the one `read_source` does (another MkDocs: pages read as it does)."""
        return KNOWN

    def read_source(self, page: Any, config: Any) -> None:
        """MkDocs 1.6's `Page.read_source` for `page`, its source split by `split`."""
        from mkdocs.structure.pages import log  # MkDocs' messages, from its own logger

        source = config.plugins.on_page_read_source(page=page, config=config)
        if source is None:
            try:
                source = page.file.content_string
            except OSError:
                log.error(f"File not found: {page.file.src_path}")
                raise
            except ValueError:
                log.error(f"Encoding error reading file: {page.file.src_path}")
                raise
        page.markdown, page.meta = self.split(source)

    def split(self, source: str) -> tuple[str, dict[str, Any]]:
        """What `mkdocs.utils.meta.get_data(source)` gives: the Markdown and the front matter's values."""
        key = self.key(source)
        known = _read(self.store.load(key), len(source)) if self.store is not None else None
        if known is not None:
            self.hits += 1
            start, values = known
            return source[start:], values
        markdown, values = get_data(source, self.known)
        self.parsed += 1
        start = len(source) - len(markdown)
        if self.store is not None and values and isinstance(values, dict) and source[start:] == markdown:
            data = base64.b64encode(pickle.dumps(values, pickle.HIGHEST_PROTOCOL)).decode()
            self.store.save(key, {"start": start, "values": data})
        return markdown, values

    def key(self, source: str) -> str:
        """The entry of `source`: its whole text, with the fingerprint and PyYAML's version and parser."""
        digest = new_digest(self.base + b"\0")
        digest.update(source.encode("utf-8", "surrogatepass"))  # not joined to the base first: a copy less
        return digest.hexdigest()


def _taken(front: FrontMatter, known: Callable[[str], dict | None], yaml_text: str) -> dict | None:
    values = known(yaml_text)
    front.taken += values is not None
    return values


def _read(entry: Any, length: int) -> tuple[int, dict[str, Any]] | None:
    """An entry as `split` writes it (where the Markdown starts, the pickled values), or None if it is not one."""
    if not isinstance(entry, dict):
        return None
    start, data = entry.get("start"), entry.get("values")
    if type(start) is not int or not isinstance(data, str) or not 0 <= start <= length:
        return None
    try:
        values = _Values(io.BytesIO(base64.b64decode(data, validate=True))).load()
    except (binascii.Error, pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError, IndexError):
        return None
    return (start, values) if isinstance(values, dict) else None


def get_data(source: str, known: Callable[[str], dict | None] | None = None) -> tuple[str, dict[str, Any]]:
    """`mkdocs.utils.meta.get_data(source)`: its YAML's values as `known` gives them (read already with `get_data`'s
    own loader), else read by `plain_values` when that can, else by `get_data`."""
    found = mkdocs_meta.YAML_RE.match(source)
    if found is not None:
        values = None
        if known is not None and reads_like(mkdocs_meta.SafeLoader) and _standard(mkdocs_meta.SafeLoader):
            values = known(found.group(1))
        if values is None:
            values = plain_values(found.group(1))
        if values is not None:
            return source[found.end() :].lstrip("\n"), values
    return mkdocs_meta.get_data(source)


_STR = "tag:yaml.org,2002:str"
_KEY_TAGS_LEFT = ("tag:yaml.org,2002:merge", "tag:yaml.org,2002:value")  # `<<` and `=`: `flatten_mapping` reads them
_MAX_DEPTH = 64  # deeper YAML is left to `load` (its constructors recurse: it may fail where events would not)
_NO_KEY = object()  # a mapping's frame waiting for its next key
_IN_LIST = object()  # a list's frame


def plain_values(text: str) -> dict[str, Any] | None:
    """What `yaml.load(text, Loader)` gives (`Loader`: the one `get_data` uses), when it is a mapping and plain YAML
    (see the module's docstring); None when `load` is left to read it, or when what it gives is no mapping."""
    loader_class = mkdocs_meta.SafeLoader
    if not _standard(loader_class):
        return None
    try:
        return _events_to_values(loader_class, text)
    except Exception:  # anything unexpected (a syntax error too) is `load`'s to read, and `get_data`'s to report
        return None


def _standard(loader_class: Any) -> bool:
    """Whether the loader resolves and constructs as PyYAML's safe loader does, to the letter `plain_values` follows
    (a plugin may add resolvers or constructors to it)."""
    constructors = loader_class.yaml_constructors
    return (
        not loader_class.yaml_path_resolvers
        and None not in loader_class.yaml_implicit_resolvers
        and constructors.get(_STR) is yaml.SafeLoader.construct_yaml_str
        and constructors.get("tag:yaml.org,2002:map") is yaml.SafeLoader.construct_yaml_map
        and constructors.get("tag:yaml.org,2002:seq") is yaml.SafeLoader.construct_yaml_seq
    )


class _NotPlain(Exception):
    """YAML `plain_values` leaves to `load`."""


def _events_to_values(loader_class: Any, text: str) -> dict[str, Any] | None:
    """The values of `text`'s one document, built from the parser's events as `load`'s constructors build them: a
    scalar's tag by the loader's own implicit resolvers, text as it is, any other scalar by the loader's constructor;
    each mapping entry set in order (a repeated key: its last value, at its first place)."""
    resolvers = loader_class.yaml_implicit_resolvers
    scalar_event, mapping_event, sequence_event = yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent
    loader = loader_class(text)
    try:
        get = loader.get_event
        if type(get()) is not yaml.StreamStartEvent or type(get()) is not yaml.DocumentStartEvent:
            raise _NotPlain
        stack: list[list] = []  # each open collection: [its value, the key waiting for its value, or _IN_LIST]
        data: Any = None
        while True:
            event = get()
            kind = type(event)
            if kind is scalar_event or kind is mapping_event or kind is sequence_event:
                if event.anchor is not None or event.tag is not None:
                    raise _NotPlain
                if kind is scalar_event:
                    value = event.value
                    if event.implicit[0]:  # plain: resolved as `Resolver.resolve` does
                        tag = _STR
                        for candidate, pattern in resolvers.get(value[:1], ()):
                            if pattern.match(value):
                                tag = candidate
                                break
                        if tag != _STR:
                            if tag in _KEY_TAGS_LEFT:
                                raise _NotPlain
                            node = yaml.ScalarNode(tag, value, event.start_mark, event.end_mark, event.style)
                            value = loader.construct_object(node, deep=True)
                    if stack and stack[-1][1] is _NO_KEY:  # a key
                        stack[-1][1] = value
                        continue
                else:
                    if (stack and stack[-1][1] is _NO_KEY) or len(stack) >= _MAX_DEPTH:  # a collection as a key
                        raise _NotPlain
                    stack.append([{}, _NO_KEY] if kind is mapping_event else [[], _IN_LIST])
                    continue
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                value = stack.pop()[0]
            elif kind is yaml.DocumentEndEvent and not stack:
                break
            else:  # an alias, a second document
                raise _NotPlain
            if not stack:
                data = value
                continue
            frame = stack[-1]
            if frame[1] is _IN_LIST:
                frame[0].append(value)
            else:
                frame[0][frame[1]] = value
                frame[1] = _NO_KEY
        if type(get()) is not yaml.StreamEndEvent:
            raise _NotPlain  # a second document: `load` refuses it
    finally:
        loader.dispose()
    return data if type(data) is dict else None
