"""YAML loading that remembers where every key and value sits, so problems point at the right line.

PyYAML's composer gives nodes with start marks; we build plain Python values from them ourselves and keep a
map from each value's path (``("mentors", 1)``) to its 1-based line and column in the *file* (front matter
starts below the opening ``---``, hence ``line_offset``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

# The C loader is several times faster; 2,000 modules must check in well under two seconds.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

Path = tuple  # a path into the document: keys and list indexes
_STR_TAG = "tag:yaml.org,2002:str"


@dataclass(frozen=True)
class Position:
    line: int
    column: int


@dataclass
class YamlDocument:
    """Plain data from a YAML text, plus the position of each value and each mapping key."""

    data: Any
    values: dict[Path, Position] = field(default_factory=dict)
    keys: dict[Path, Position] = field(default_factory=dict)
    duplicate_keys: list[tuple[Path, Position]] = field(default_factory=list)
    start: Position = Position(1, 1)

    def value_at(self, *path: Any) -> Position:
        """Where the value at `path` is, or its nearest located ancestor."""
        while path:
            if path in self.values:
                return self.values[path]
            path = path[:-1]
        return self.values.get((), self.start)

    def key_at(self, *path: Any) -> Position:
        """Where the key of the mapping entry at `path` is written."""
        return self.keys.get(path) or self.value_at(*path)


class YamlSyntaxError(Exception):
    """Malformed YAML, located by the parser's own mark."""

    def __init__(self, message: str, position: Position, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.position = position
        self.hint = hint


def load_yaml(text: str, line_offset: int = 0) -> YamlDocument:
    """Parse one YAML document; raise `YamlSyntaxError` with the file position on malformed input."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        doc = YamlDocument(data=None, start=Position(line_offset + 1, 1))
        if node is not None:
            doc.data = _build(loader, node, (), doc, line_offset)
        return doc
    except yaml.MarkedYAMLError as error:
        raise _syntax_error(error, line_offset) from None
    except yaml.YAMLError as error:  # unmarked: rare, e.g. a reader error on control characters
        raise YamlSyntaxError(str(error).splitlines()[0], Position(line_offset + 1, 1)) from None
    finally:
        loader.dispose()


def _syntax_error(error: yaml.MarkedYAMLError, line_offset: int) -> YamlSyntaxError:
    mark = error.problem_mark or error.context_mark
    position = Position(mark.line + 1 + line_offset, mark.column + 1) if mark else Position(line_offset + 1, 1)
    problem = error.problem or "invalid YAML"
    message = f"invalid YAML: {problem}" + (f" ({error.context})" if error.context else "")
    hint = ""
    if "tab" in problem:
        hint = "indent with spaces, not tabs"
    elif "mapping values are not allowed" in problem:
        hint = "put quotes around a value that contains ': '"
    elif "found character '@'" in problem or "found character '`'" in problem:
        hint = "put quotes around a value that starts with @ or `"
    return YamlSyntaxError(message, position, hint)


def _position(node: yaml.Node, line_offset: int) -> Position:
    return Position(node.start_mark.line + 1 + line_offset, node.start_mark.column + 1)


def _build(loader: Any, node: yaml.Node, path: Path, doc: YamlDocument, line_offset: int) -> Any:
    doc.values[path] = _position(node, line_offset)
    if isinstance(node, yaml.MappingNode):
        loader.flatten_mapping(node)  # resolves `<<` merge keys
        result: dict = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, (str, int, float, bool)) and key is not None:
                key = str(key)
            child = (*path, key)
            if key in result:
                doc.duplicate_keys.append((child, _position(key_node, line_offset)))
            doc.keys[child] = _position(key_node, line_offset)
            result[key] = _build(loader, value_node, child, doc, line_offset)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(loader, item, (*path, i), doc, line_offset) for i, item in enumerate(node.value)]
    if node.tag == _STR_TAG:
        return node.value  # most values are plain text: skip the constructor's dispatch (2,000 files to check)
    try:
        return loader.construct_object(node, deep=True)
    except ValueError:
        # a scalar that looks like a timestamp but is not a real date (2026-13-01): keep the text, so the
        # schema reports it as a bad date at this position instead of the parser crashing
        return node.value


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
