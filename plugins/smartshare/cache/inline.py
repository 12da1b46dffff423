"""`smartshare.cache.inline`: Python-Markdown's inline processing, each pattern tried only on a text that can hold it.

Python-Markdown tries every inline pattern of the page (20 on a Material site) on every text of the tree: each try
searches the text with the pattern's regular expression. Most texts hold none of the characters most patterns start
with (`[`, `<`, `&`, `$`, `+`, a backtick …), and most searches are cheap, but not all: arithmatex's, inlinehilite's
and keys' expressions start with a look-behind, which Python's `re` cannot search for by a first character, so each
try steps through the whole text (about 2 ms of a module page's 11 ms of Markdown).

`ScreenedInlineProcessor` tries a pattern only on a text holding one of the characters its matches can start with
(`first_chars`, read from the pattern's own expression): on any other text the search finds nothing, and Python-
Markdown's loop moves on to the next pattern with the text unchanged, as it does here. A pattern whose first
characters cannot be told (one that can match nothing, a class such as `\\w` or `.`, a case-insensitive one) is tried
on every text as before. Everything else is Python-Markdown's own code.
"""

from __future__ import annotations

import functools
import re
import xml.etree.ElementTree as etree
from collections.abc import Callable, Iterable
from typing import Any

from markdown import Markdown, util
from markdown.treeprocessors import InlineProcessor

try:  # the parser `re` compiles with (Python 3.11+); the same module under its old name before
    from re import _constants as sre  # type: ignore[attr-defined]
    from re import _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as sre  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

#: a character class wider than this is not worth a screen (and `first_chars` gives up on it)
WIDEST_CLASS = 256
ZERO_WIDTH = {sre.AT, sre.ASSERT, sre.ASSERT_NOT}  # anchors and look-arounds: a match starts at the next item
REPEATS = {sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", sre.MAX_REPEAT)}
ATOMIC_GROUP = getattr(sre, "ATOMIC_GROUP", None)  # Python 3.11+


class _Unknown(Exception):
    """An item whose first characters are not told (a class such as `\\w`, `.`, a back-reference …)."""


def use_screened_inline(md: Markdown) -> None:
    """Makes `md`'s inline processing a `ScreenedInlineProcessor`, registered as Python-Markdown's own (`inline`)."""
    md.treeprocessors.register(ScreenedInlineProcessor(md), "inline", 20)


class ScreenedInlineProcessor(InlineProcessor):
    """Python-Markdown's `InlineProcessor`, with a pattern passed over on a text none of its matches can start in."""

    def run(self, tree: etree.Element, ancestors: list[str] | None = None) -> etree.Element:
        # the page's patterns in their order, each with its screen (read once a pattern: `_screen` is cached)
        self._screened = [(pattern, _screen(pattern.getCompiledRegExp())) for pattern in self.inlinePatterns]
        return super().run(tree, ancestors)

    def _InlineProcessor__handleInline(self, data: str, patternIndex: int = 0) -> str:
        """`InlineProcessor.__handleInline` (which every call within the class reaches by this name), with the
        screen: a pattern passed over leaves the text as a search that finds nothing does, and the next pattern
        starts at the text's beginning."""
        if isinstance(data, util.AtomicString):
            return data
        screened = self._screened
        startIndex = 0
        count = len(screened)
        while patternIndex < count:
            pattern, can_hold = screened[patternIndex]
            if can_hold is not None and can_hold(data) is None:
                patternIndex += 1
                startIndex = 0
                continue
            data, matched, startIndex = self._InlineProcessor__applyPattern(  # type: ignore[attr-defined]
                pattern, data, patternIndex, startIndex
            )
            if not matched:
                patternIndex += 1
        return data


@functools.lru_cache(maxsize=256)
def _screen(expression: re.Pattern[str]) -> Callable[[str], Any] | None:
    """A search for any of `expression`'s first characters (None: try the pattern on every text)."""
    chars = first_chars(expression)
    if chars is None:
        return None
    return re.compile("[" + "".join(map(_in_class, sorted(chars))) + "]").search


def first_chars(expression: re.Pattern[str]) -> frozenset[str] | None:
    """Every character a match of `expression` can start with, or None when that cannot be told: the expression
    can match nothing (and so anywhere), ignores case, or starts with a class not spelt out character by character."""
    if expression.flags & re.IGNORECASE or not isinstance(expression.pattern, str):
        return None
    try:
        parsed = sre_parse.parse(expression.pattern, expression.flags)
        if parsed.state.flags & re.IGNORECASE:
            return None
        chars, can_be_empty = _first(parsed)
    except (_Unknown, re.error):
        return None
    return None if can_be_empty else frozenset(chars)


def _first(items: Iterable[tuple[Any, Any]]) -> tuple[set[str], bool]:
    """The first characters of a sequence of items, and whether it can match nothing."""
    chars: set[str] = set()
    for op, av in items:
        if op in ZERO_WIDTH:
            continue
        more, can_be_empty = _first_of(op, av)
        chars |= more
        if not can_be_empty:
            return chars, False
    return chars, True


def _first_of(op: Any, av: Any) -> tuple[set[str], bool]:
    if op is sre.LITERAL:
        return {chr(av)}, False
    if op is sre.IN:
        return _class(av), False
    if op is sre.SUBPATTERN:
        _group, add_flags, _del_flags, items = av
        if add_flags & re.IGNORECASE:
            raise _Unknown
        return _first(items)
    if op is sre.BRANCH:
        found = [_first(items) for items in av[1]]
        return set().union(*(chars for chars, _ in found)), any(empty for _, empty in found)
    if op in REPEATS:
        least, _most, items = av
        chars, can_be_empty = _first(items)
        return chars, can_be_empty or least == 0
    if ATOMIC_GROUP is not None and op is ATOMIC_GROUP:
        return _first(av)
    raise _Unknown  # ANY, NOT_LITERAL, GROUPREF, GROUPREF_EXISTS, …


def _class(items: Iterable[tuple[Any, Any]]) -> set[str]:
    chars: set[str] = set()
    for op, av in items:
        if op is sre.LITERAL:
            chars.add(chr(av))
        elif op is sre.RANGE and av[1] - av[0] < WIDEST_CLASS:
            chars.update(map(chr, range(av[0], av[1] + 1)))
        else:  # NEGATE, CATEGORY (`\w`, `\s`), a wide range
            raise _Unknown
    return chars


def _in_class(char: str) -> str:
    return "\\" + char if char in "\\]^-[" else char
