"""YAML loading that remembers where every key and value sits, so problems point at the right line.

PyYAML's composer gives nodes with start marks; we build plain Python values from them ourselves and keep a
map from each value's path (``("mentors", 1)``) to its 1-based line and column in the *file* (front matter
starts below the opening ``---``, hence ``line_offset``).
"""

from __future__ import annotations

import functools
import re
from typing import Any, NamedTuple

import yaml

from .problems import quoted

# The C loader is several times faster; 2,000 modules must check in well under two seconds.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

Path = tuple  # a path into the document: keys and list indexes
_STR_TAG = "tag:yaml.org,2002:str"
_INT_TAG = "tag:yaml.org,2002:int"
_DIGITS = re.compile(r"[-+]?[0-9_]+")
#: what PyYAML reads as a decimal integer (a leading 0 is octal), far below 64 bits: minutes, capacities
_SMALL_DECIMAL = re.compile(r"[1-9][0-9]{0,17}|0")

# YAML also breaks lines at \r, NEL (U+0085) and the Unicode line and paragraph separators; editors count \n only.
# Texts holding one are parsed by the pure-Python loader, whose marks carry a character index we can recount.
_OTHER_BREAKS = re.compile("\r(?!\n)|[\x85\u2028\u2029]")
_SURROGATE = re.compile("[\ud800-\udfff]")

#: values built from one document, aliases expanded: far below a "billion laughs". A document longer than this many
#: characters may hold as many values as it has characters (every value takes at least one), so a long file without
#: aliases (5,000 sessions are 60,000 values) is never refused, while expansion stays linear in the file's size.
MAX_VALUES = 50_000
#: integers past 64 bits are no count, duration or date an author means, and past 4,300 digits not even printable
MAX_INT_BITS = 64


class Position(NamedTuple):
    """A 1-based line and column. A named tuple, not a frozen dataclass: a document of 5,000 sessions has 115,000
    of them, and a frozen dataclass takes four times as long to make."""

    line: int
    column: int


class YamlDocument:
    """Plain data from a YAML text, plus the position of each value and each mapping key.

    Positions are found when first asked for (`values`, `keys`, `value_at`, `key_at`) unless the document was read
    with them: most files have no problem to locate, and recording 100,000 positions costs as much as reading the
    values (`smartshare check` of 2,000 modules reads every front matter at the start of every build)."""

    def __init__(
        self,
        data: Any = None,
        values: dict[Path, Position] | None = None,
        keys: dict[Path, Position] | None = None,
        duplicate_keys: list[tuple[Path, Position]] | None = None,
        start: Position = Position(1, 1),  # noqa: B008 - a named tuple: immutable
        locate: _Locator | None = None,
    ) -> None:
        self.data = data
        self.duplicate_keys = duplicate_keys if duplicate_keys is not None else []
        self.start = start
        self._values = values if values is not None or locate is not None else {}
        self._keys = keys if keys is not None or locate is not None else {}
        self._locate = locate  # the text and its line offset, to find the positions later
        #: the values are exactly those PyYAML's `load` makes of the text with the same loader, type for type (the
        #: fast path kept every key as it is and read every scalar with the loader's constructor): see `exact_values`
        self.exact = False

    @property
    def values(self) -> dict[Path, Position]:
        if self._values is None:
            self._find_positions()
        return self._values  # type: ignore[return-value]

    @property
    def keys(self) -> dict[Path, Position]:
        if self._keys is None:
            self._find_positions()
        return self._keys  # type: ignore[return-value]

    def _find_positions(self) -> None:
        """Reads the text again, recording positions: the same values, as the same fast path read them."""
        assert self._locate is not None
        try:
            located = _load_plain(self._locate.text, self._locate)
        except Exception:  # the first reading succeeded: never expected, but the full path knows every document
            located = _load_full(self._locate.text, self._locate)
        self._values, self._keys = located.values, located.keys

    def value_at(self, *path: Any) -> Position:
        """Where the value at `path` is, or its nearest located ancestor."""
        values = self.values
        while path:
            if path in values:
                return values[path]
            path = path[:-1]
        return values.get((), self.start)

    def key_at(self, *path: Any) -> Position:
        """Where the key of the mapping entry at `path` is written."""
        return self.keys.get(path) or self.value_at(*path)

    @property
    def located_later(self) -> bool:
        """Read by the fast path (plain YAML, no duplicate key): its values alone say everything about it, and
        `document_of` makes the same document from them and its text (`core.checkcache` keeps them)."""
        return self._locate is not None and not self.duplicate_keys


_UNREAD = object()


class _LazyDocument(YamlDocument):
    """A document of the fast path whose values are read from its text only when asked for."""

    def __init__(self, text: str, line_offset: int, data: Any = _UNREAD) -> None:
        super().__init__(start=doc_start(line_offset), locate=_Locator(text, line_offset))
        self._data = data

    @property  # type: ignore[override]
    def data(self) -> Any:
        if self._data is _UNREAD:
            assert self._locate is not None
            self._data = load_yaml(self._locate.text, self._locate.line_offset).data
        return self._data

    @data.setter
    def data(self, value: Any) -> None:
        self._data = value


def document_of(text: str, line_offset: int = 0, data: Any = _UNREAD) -> YamlDocument:
    """The document `load_yaml(text, line_offset)` gives when it is `located_later`, from its values as read
    before (or read again from `text` when first asked for, without `data`)."""
    return _LazyDocument(text, line_offset, data)


class YamlSyntaxError(Exception):
    """Malformed YAML, located by the parser's own mark."""

    def __init__(self, message: str, position: Position, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.position = position
        self.hint = hint


class _Locator:
    """File positions of parser marks, counting `\\n` as the only line break, as editors do."""

    def __init__(self, text: str, line_offset: int) -> None:
        self.text = text
        self.line_offset = line_offset

    @functools.cached_property
    def by_index(self) -> bool:
        """Whether the text holds a line break editors do not count (found when first needed: a kept document
        may never be located). Each is looked for as text, much faster than the pattern: nearly no text has one."""
        text = self.text
        return (
            ("\r" in text and _OTHER_BREAKS.search(text) is not None)
            or "\x85" in text
            or "\u2028" in text
            or "\u2029" in text
        )

    def __call__(self, mark: Any) -> Position:
        if not self.by_index:
            return Position(mark.line + 1 + self.line_offset, mark.column + 1)
        return self.at_index(mark.index)

    def at_index(self, index: int) -> Position:
        index = min(index, len(self.text))
        line_start = self.text.rfind("\n", 0, index) + 1
        return Position(self.text.count("\n", 0, index) + 1 + self.line_offset, index - line_start + 1)


def load_yaml(text: str, line_offset: int = 0) -> YamlDocument:
    """Parse one YAML document; raise `YamlSyntaxError` with the file position on malformed input.

    Plain YAML (nearly every file) is read without positions, found when first asked for (`YamlDocument`)."""
    locate = _Locator(text, line_offset)
    if not locate.by_index and _Loader is not yaml.SafeLoader:
        try:
            return _load_data(text, locate)
        except Exception:  # anything unusual or wrong is left to the full path, which says what
            pass
    return _load_full(text, locate)


def _load_full(text: str, locate: _Locator) -> YamlDocument:
    line_offset = locate.line_offset
    loader = (yaml.SafeLoader if locate.by_index else _Loader)(text)
    try:
        node = loader.get_single_node()
        doc = YamlDocument(data=None, start=Position(line_offset + 1, 1))
        if node is not None:
            doc.data = _Builder(loader, doc, locate).build(node, ())
        return doc
    except yaml.MarkedYAMLError as error:
        raise _syntax_error(error, locate) from None
    except yaml.reader.ReaderError as error:  # a character YAML does not allow (NUL, other control characters)
        character = error.character if isinstance(error.character, int) else ord(error.character)
        message = f"invalid YAML: character U+{character:04X} is not allowed"
        hint = "remove it (it may come from copying text out of another program)"
        raise YamlSyntaxError(message, locate.at_index(error.position), hint) from None
    except yaml.YAMLError as error:  # unmarked: rare
        raise YamlSyntaxError(str(error).splitlines()[0], Position(line_offset + 1, 1)) from None
    except RecursionError:  # the pure-Python composer on thousands of nested levels (the C one stops at 1,000)
        hint = "write nested values on fewer levels"
        raise YamlSyntaxError("invalid YAML: values are nested too deeply", doc_start(line_offset), hint) from None
    finally:
        loader.dispose()


class _NotPlain(Exception):
    """The fast path met YAML it leaves to the full one (anchors, aliases, tags, merge keys, deep nesting)."""


_SCALAR, _SEQUENCE, _MAPPING = yaml.ScalarEvent, yaml.SequenceStartEvent, yaml.MappingStartEvent
_ENDS = (yaml.SequenceEndEvent, yaml.MappingEndEvent)
_IMPLICIT = _Loader.yaml_implicit_resolvers  # first character → [(tag, regexp)], as PyYAML's resolver reads them
_NULL_TAG = "tag:yaml.org,2002:null"
_KEY_TAGS_LEFT = {"tag:yaml.org,2002:merge", "tag:yaml.org,2002:value"}  # `<<` and `=`: the full path knows them
_MAX_FAST_DEPTH = 64  # deeper documents take the full path, which reports what nests too deeply
_NO_KEY = object()
_IN_LIST = object()  # the place of a mapping's waiting key, in a list's frame
#: plain key text → key, resolved once per process: field names (`id`, `start`, `title` …) are few and come back
#: in every module and in each of 5,000 sessions; bounded, as mentor ids and other keys written as data are not
_KNOWN_KEYS: dict[str, Any] = {}
_MAX_KNOWN_KEYS = 4096


def _plain_tag(value: str) -> str:
    """The tag PyYAML's resolver gives an untagged plain scalar (no path resolvers: SafeLoader has none)."""
    for tag, regexp in _IMPLICIT.get(value[:1], ()):
        if regexp.match(value):
            return tag
    return _STR_TAG


def _load_plain(text: str, locate: _Locator) -> YamlDocument:
    """The common case, about twice as fast as composing nodes: values and positions straight from the C parser's
    events. 2,000 module front matters and a `sessions.yml` of 5,000 sessions are read by `smartshare check` and by
    every build. Plain YAML only: anything else raises, and `load_yaml` reads the text again the full way, so
    results and problems (their order included) are the same whichever path reads a document."""
    loader = _Loader(text)
    try:
        offset = locate.line_offset + 1
        doc = YamlDocument(data=None, start=Position(offset, 1))
        builder = _Builder(loader, doc, locate)
        values, keys, limit = doc.values, doc.keys, builder.limit
        get = loader.get_event
        new_position = tuple.__new__  # what Position(line, column) does, without its Python frame
        get()  # stream start
        event = get()
        if isinstance(event, yaml.StreamEndEvent):
            return doc
        # each open collection: [its value, its path, the key waiting for its value and that value's path (mappings)]
        stack: list[list] = []
        count = 0
        while True:
            event = get()
            kind = type(event)
            if kind is _SCALAR or kind is _SEQUENCE or kind is _MAPPING:
                if event.anchor is not None or event.tag is not None:
                    raise _NotPlain
                mark = event.start_mark
                position = new_position(Position, (mark.line + offset, mark.column + 1))
                if stack:
                    frame = stack[-1]
                    container = frame[0]
                    if type(container) is dict:
                        if frame[2] is _NO_KEY:  # this scalar is a key
                            if kind is not _SCALAR:
                                raise _NotPlain
                            key = _KNOWN_KEYS.get(event.value, _NO_KEY) if event.implicit[0] else event.value
                            if key is _NO_KEY:
                                key = _key(builder, event)
                                if len(_KNOWN_KEYS) < _MAX_KNOWN_KEYS and builder.exact:
                                    _KNOWN_KEYS[event.value] = key
                            child = (*frame[1], key)
                            if key in container:
                                doc.duplicate_keys.append((child, position))
                            keys[child] = position
                            frame[2], frame[3] = key, child
                            continue
                        path = frame[3]
                    else:
                        path = (*frame[1], len(container))
                else:
                    path = ()
                count += 1
                if count > limit:
                    raise _NotPlain
                values[path] = position
                if kind is _SCALAR:
                    value = event.value
                    # else text, as most values are; a letter starts only true/false/null, none longer than 5
                    if event.implicit[0] and _IMPLICIT.get(value[:1]) and (len(value) <= 5 or not value[0].isalpha()):
                        value = int(value) if _SMALL_DECIMAL.fullmatch(value) else _value(builder, event)
                else:
                    if len(stack) >= _MAX_FAST_DEPTH:
                        raise _NotPlain
                    stack.append([{} if kind is _MAPPING else [], path, _NO_KEY, None])
                    continue
            elif kind in _ENDS:
                value = stack.pop()[0]
            elif kind is yaml.DocumentEndEvent:
                break
            else:  # an alias
                raise _NotPlain
            if not stack:
                doc.data = value
                continue
            frame = stack[-1]
            if type(frame[0]) is dict:
                frame[0][frame[2]] = value
                frame[2] = _NO_KEY
            else:
                frame[0].append(value)
        if not isinstance(get(), yaml.StreamEndEvent):
            raise _NotPlain  # a second document: the full path says so
        return doc
    finally:
        loader.dispose()


def _load_data(text: str, locate: _Locator) -> YamlDocument:
    """`_load_plain` without positions, about twice as fast again: the values only, positions found later if a
    problem needs one. A duplicate key (a problem, with a position) leaves the document to `_load_plain`."""
    loader = _Loader(text)
    try:
        doc = YamlDocument(start=Position(locate.line_offset + 1, 1), locate=locate)
        builder = _Builder(loader, doc, locate)
        limit = builder.limit
        get = loader.get_event
        get()  # stream start
        event = get()
        if isinstance(event, yaml.StreamEndEvent):
            return doc
        stack: list[list] = []  # each open collection: [its value, the key waiting for its value (mappings)]
        count = 0
        marked = "&" in text or "!" in text  # else no event has an anchor or a tag: two tests fewer per value
        while True:
            event = get()
            kind = type(event)
            if kind is _SCALAR or kind is _SEQUENCE or kind is _MAPPING:
                if marked and (event.anchor is not None or event.tag is not None):
                    raise _NotPlain
                if stack:
                    frame = stack[-1]
                    if frame[1] is _NO_KEY:  # this scalar is a key
                        if kind is not _SCALAR:
                            raise _NotPlain
                        key = _KNOWN_KEYS.get(event.value, _NO_KEY) if event.implicit[0] else event.value
                        if key is _NO_KEY:
                            key = _key(builder, event)
                            if len(_KNOWN_KEYS) < _MAX_KNOWN_KEYS and builder.exact:  # a key made text is not
                                _KNOWN_KEYS[event.value] = key
                        if key in frame[0]:
                            raise _NotPlain  # a duplicate key: reported with its position
                        frame[1] = key
                        continue
                count += 1
                if count > limit:
                    raise _NotPlain
                if kind is _SCALAR:
                    value = event.value
                    # else text, as most values are; a letter starts only true/false/null, none longer than 5
                    if event.implicit[0] and _IMPLICIT.get(value[:1]) and (len(value) <= 5 or not value[0].isalpha()):
                        value = int(value) if _SMALL_DECIMAL.fullmatch(value) else _value(builder, event)
                else:
                    if len(stack) >= _MAX_FAST_DEPTH:
                        raise _NotPlain
                    stack.append([{}, _NO_KEY] if kind is _MAPPING else [[], _IN_LIST])
                    continue
            elif kind in _ENDS:
                value = stack.pop()[0]
            elif kind is yaml.DocumentEndEvent:
                break
            else:  # an alias
                raise _NotPlain
            if not stack:
                doc.data = value
                continue
            frame = stack[-1]
            if frame[1] is _IN_LIST:
                frame[0].append(value)
            else:
                frame[0][frame[1]] = value
                frame[1] = _NO_KEY
        if not isinstance(get(), yaml.StreamEndEvent):
            raise _NotPlain  # a second document: the full path says so
        doc.exact = builder.exact
        return doc
    finally:
        loader.dispose()


def _value(builder: _Builder, event: Any) -> Any:
    value = event.value
    if not event.implicit[0]:
        return value  # quoted, or a block scalar: text
    tag = _plain_tag(value)
    if tag == _STR_TAG:
        return value
    if tag == _NULL_TAG:
        return None
    return builder.scalar(yaml.ScalarNode(tag, value, event.start_mark, event.end_mark, event.style))


def _key(builder: _Builder, event: Any) -> Any:
    key = event.value
    if event.implicit[0]:
        tag = _plain_tag(key)
        if tag in _KEY_TAGS_LEFT:
            raise _NotPlain
        key = _value(builder, event)
    if not isinstance(key, (str, int, float, bool)) and key is not None:
        key = str(key)
        builder.exact = False  # `load` keeps a date as a key
    return key


def exact_values(doc: YamlDocument) -> Any:
    """A copy of `doc`'s values when they are exactly what `yaml.load(text, Loader)` makes of its text (the fast
    path's reading with the same `Loader`, `CSafeLoader`: see `reads_like`), else None. Another reader of the same
    text (the build's front matter) may take them instead of reading it again; a copy, so that neither changes the
    other's values. The values of the fast path are dicts, lists and immutable scalars only."""
    return _copied(doc.data) if doc.exact else None


def reads_like(loader_class: Any) -> bool:
    """Whether `yaml.load(text, loader_class)` reads as the fast path reads: the same loader, resolving plain
    scalars by the table the fast path took when it was imported."""
    return loader_class is _Loader and loader_class.yaml_implicit_resolvers is _IMPLICIT


def _copied(value: Any) -> Any:
    kind = type(value)
    if kind is dict:
        return {key: _copied(item) for key, item in value.items()}
    if kind is list:
        return [_copied(item) for item in value]
    return value


def doc_start(line_offset: int) -> Position:
    return Position(line_offset + 1, 1)


def _syntax_error(error: yaml.MarkedYAMLError, locate: _Locator) -> YamlSyntaxError:
    mark = error.problem_mark or error.context_mark
    position = locate(mark) if mark else doc_start(locate.line_offset)
    problem = error.problem or "invalid YAML"
    message = f"invalid YAML: {problem}" + (f" ({error.context})" if error.context else "")
    hint = ""
    if mark and locate.text[mark.index : mark.index + 1] == "\t":
        # PyYAML's words ("found character that cannot start any token") do not say which character, nor why
        message = "invalid YAML: a tab cannot indent YAML"
        hint = "indent with spaces, not tabs"
    elif "tab" in problem:
        hint = "indent with spaces, not tabs"
    elif "mapping values are not allowed" in problem:
        hint = "put quotes around a value that contains ': '"
    elif "found character '@'" in problem or "found character '`'" in problem:
        hint = "put quotes around a value that starts with @ or `"
    return YamlSyntaxError(message, position, hint)


class _Builder:
    """Plain values from composed nodes, with the position of each; aliases are expanded, never followed forever."""

    def __init__(self, loader: Any, doc: YamlDocument, locate: _Locator) -> None:
        self.loader = loader
        self.doc = doc
        self.locate = locate
        self.open: set[int] = set()  # ids of the collections being built: an alias back to one is a loop
        self.count = 0
        self.limit = max(MAX_VALUES, len(locate.text))
        self.exact = True  # no value read otherwise than the loader's constructor reads it (`YamlDocument.exact`)

    def position(self, node: yaml.Node) -> Position:
        return self.locate(node.start_mark)

    def error(self, node: yaml.Node, message: str, hint: str = "") -> YamlSyntaxError:
        return YamlSyntaxError(message, self.position(node), hint)

    def build(self, node: yaml.Node, path: Path) -> Any:
        self.count += 1
        if self.count > self.limit:
            raise self.error(
                node,
                f"invalid YAML: more than {self.limit:,} values once aliases are expanded",
                "use fewer aliases (*name)",
            )
        self.doc.values[path] = self.position(node)
        if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)):
            if id(node) in self.open:
                raise self.error(
                    node,
                    "invalid YAML: an alias refers to the anchor that contains it",
                    "an anchor (&name) cannot be used (*name) inside its own value",
                )
            self.open.add(id(node))
            try:
                if isinstance(node, yaml.MappingNode):
                    return self.mapping(node, path)
                return [self.build(item, (*path, i)) for i, item in enumerate(node.value)]
            except RecursionError:
                raise self.error(
                    node, "invalid YAML: values are nested too deeply", "write nested values on fewer levels"
                ) from None
            finally:
                self.open.discard(id(node))
        return self.scalar(node)

    def mapping(self, node: yaml.MappingNode, path: Path) -> dict:
        self.loader.flatten_mapping(node)  # resolves `<<` merge keys
        result: dict = {}
        for key_node, value_node in node.value:
            key = self.scalar(key_node) if isinstance(key_node, yaml.ScalarNode) else self.complex_key(key_node)
            if not isinstance(key, (str, int, float, bool)) and key is not None:
                key = str(key)
            child = (*path, key)
            if key in result:
                self.doc.duplicate_keys.append((child, self.position(key_node)))
            self.doc.keys[child] = self.position(key_node)
            result[key] = self.build(value_node, child)
        return result

    def complex_key(self, node: yaml.Node) -> str:
        """A list or mapping used as a key (`? [a, b]`): no field name, kept as its text for the message."""
        hint = "a field name is plain text"
        if isinstance(node, yaml.MappingNode) or any(not isinstance(n, yaml.ScalarNode) for n in node.value):
            raise self.error(node, "invalid YAML: a list or mapping cannot be a field name", hint)
        return str([item.value for item in node.value])

    def scalar(self, node: yaml.Node) -> Any:
        if node.tag == _STR_TAG:
            value = node.value  # most values are plain text: skip the constructor's dispatch (2,000 files to check)
            if self.locate.by_index and _SURROGATE.search(value):  # the C loader refuses these escapes itself
                raise self.error(
                    node,
                    "invalid YAML: an escape makes half of a character (a lone surrogate)",
                    "write the character itself, or its \\U escape",
                )
            return value
        try:
            value = self.loader.construct_object(node, deep=True)
        except ValueError:
            if node.tag == _INT_TAG and _DIGITS.fullmatch(node.value.strip()):
                raise self.too_large(node) from None
            # a scalar that looks like a timestamp but is not a real date (2026-13-01): keep the text, so the
            # schema reports it as a bad date at this position instead of the parser crashing
            self.exact = False
            return node.value
        except (KeyError, AttributeError, TypeError, OverflowError):
            # PyYAML's constructors assume the implicit resolver matched: `!!bool maybe`, `!!timestamp nope`
            tag = node.tag.replace("tag:yaml.org,2002:", "!!")
            raise self.error(
                node,
                f"invalid YAML: {quoted(node.value)} is not a valid {tag} value",
                f"remove '{tag}' or write a value of that type",
            ) from None
        if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > MAX_INT_BITS:
            raise self.too_large(node)
        return value

    def too_large(self, node: yaml.Node) -> YamlSyntaxError:
        return self.error(
            node,
            f"invalid YAML: the number is too large ({len(node.value):,} characters)",
            "put quotes around it if it is text",
        )


def kind_of(value: Any) -> str:
    """How an author would name the YAML type they wrote."""
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if value is None:
        return "nothing"
    if hasattr(value, "isoformat"):
        return "a date"
    return "text"
