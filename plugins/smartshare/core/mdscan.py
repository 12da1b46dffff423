"""The one reader of Markdown structure that our checks share: code (fenced and indented), `///` blocks, code spans.

Plain Python, no Markdown or MkDocs: the quiz parser, the mentor-block check and the link finder all ask this
module which lines are code and where blocks start and end, so they cannot disagree. The rules follow what
the site's Markdown does (Python-Markdown with pymdownx.superfences and pymdownx.blocks):

- Tabs in the indentation count to the next multiple of 4 columns, as Python-Markdown expands them.
- A fence is 3 or more backticks or tildes indented by up to 3 columns (deeper inside a list item, where
  superfences nests them), followed by an optional info string; a backtick fence's info string holds no
  backtick (otherwise the line is inline code). The fence is closed by a line with the same indentation and
  exactly the same run of characters, followed by nothing but blanks (superfences: a longer run, or a run
  followed by text, is content of the code block).
- A line indented by 4 or more columns after a blank line, outside a list, is an indented code block.
- `/// name` opens a block (`| argument` may follow), `///` alone closes one.

Every regular expression here runs in linear time on any line: no two quantifiers can match the same
characters, so long runs of blanks, tabs, backticks or slashes cannot make them backtrack.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

TAB = 4

_FENCE = re.compile(r"(`{3,}|~{3,})(.*)$")  # applied after the indentation
_BLOCK_START = re.compile(r" {0,3}(/{3,}) *([\w-]+)(.*)$")
_BLOCK_END = re.compile(r" {0,3}(/{3,}) *$")
_NOT_PLAIN = frozenset(" \t\r`~-*+0123456789")  # first characters that need a closer look
_LIST_ITEM = re.compile(r"(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)")  # applied after the indentation


def indentation(line: str) -> tuple[int, int]:
    """Width of the leading blanks in columns (tabs to the next multiple of 4) and how many characters they are."""
    width = 0
    for count, char in enumerate(line):
        if char == " ":
            width += 1
        elif char == "\t":
            width += TAB - width % TAB
        else:
            return width, count
    return width, len(line)


@dataclass(frozen=True)
class Fence:
    marker: str  # the exact run of backticks or tildes that opened it
    indent: int  # its indentation in columns

    def closed_by(self, line: str) -> bool:
        width, start = indentation(line)
        return width == self.indent and line[start:].rstrip(" \t") == self.marker


def fence_opening(line: str, max_indent: int | None = 3) -> Fence | None:
    """The fence `line` opens, if it is one (`max_indent=None`: any indentation, as inside list items)."""
    width, start = indentation(line)
    if max_indent is not None and width > max_indent:
        return None
    match = _FENCE.match(line, start)
    if not match or (match.group(1)[0] == "`" and "`" in match.group(2)):
        return None
    return Fence(match.group(1), width)


def is_blank(line: str) -> bool:
    return not line.strip(" \t\r")


def is_list_item(line: str) -> bool:
    width, start = indentation(line)
    return width <= 3 and _LIST_ITEM.match(line, start) is not None


class CodeTracker:
    """Fed line after line, tells whether each line is code (fence lines included).

    `indented_code=False` for text whose indented lines belong to something else (the options of a quiz):
    only fences count there.
    """

    def __init__(self, indented_code: bool = True) -> None:
        self.indented_code = indented_code
        self.fence: Fence | None = None
        self._after_blank = True  # the start of a text counts as after a blank line
        self._in_list = False
        self._in_indented = False

    @property
    def in_fence(self) -> bool:
        return self.fence is not None

    def flags(self, lines: Iterable[str]) -> tuple[bool, ...]:
        """`feed` of each line. Blank lines and plain text outside a fence (most lines) are decided here as `feed`
        decides them, without a call each: `smartshare check` and every build scan 400,000 lines of 2,000 pages."""
        found: list[bool] = []
        append, feed = found.append, self.feed
        for line in lines:
            if self.fence is None:
                if not line:
                    self._after_blank = True
                    append(self._in_indented)
                    continue
                if line[0] not in _NOT_PLAIN:
                    if self._after_blank:
                        self._in_list = False
                    self._in_indented = self._after_blank = False
                    append(False)
                    continue
            append(feed(line))
        return tuple(found)

    def feed(self, line: str) -> bool:
        line = line.rstrip("\r")
        if self.fence is not None:
            if self.fence.marker[0] in line and self.fence.closed_by(line):
                self.fence = None
            return True
        first = line[:1]
        if first and first not in _NOT_PLAIN:
            # most lines: text starting at the margin, neither blank, code, a fence nor a list item
            if self._after_blank:
                self._in_list = False  # a paragraph after a blank line ends the list
            self._in_indented = self._after_blank = False
            return False
        if not first or (first in " \t" and not line.strip(" \t")):
            self._after_blank = True
            return self._in_indented  # a blank line inside indented code belongs to it
        width = indentation(line)[0] if first in " \t" else 0
        starts_or_continues = self._in_indented or (self._after_blank and not self._in_list)
        if width >= 4 and self.indented_code and starts_or_continues:
            self._in_indented = True
            self._after_blank = False
            return True
        self._in_indented = False
        if width > 0 or first in "`~":
            fence = fence_opening(line, None if self._in_list else 3)
            if fence is not None:
                self.fence = fence
                self._after_blank = False
                return True
        if is_list_item(line):
            self._in_list = True
        elif width < 4 and self._after_blank:
            self._in_list = False  # a paragraph after a blank line ends the list
        self._after_blank = False
        return False


def scan(lines: Iterable[str], indented_code: bool = True) -> Iterator[tuple[str, bool]]:
    """Each line (without a trailing carriage return) with whether it is code."""
    tracker = CodeTracker(indented_code)
    for line in lines:
        line = line.rstrip("\r")
        yield line, tracker.feed(line)


@lru_cache(maxsize=8)
def code_lines(text: str) -> tuple[bool, ...]:
    """Whether each line of `text` (split at `\\n`) is code. Cached: the checks of one page (quizzes, mentor
    notes, links, anchors) all ask about the same text, which is then scanned once."""
    return CodeTracker().flags(text.split("\n"))


# -- `///` blocks --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BlockHeader:
    slashes: str
    name: str
    name_column: int  # 1-based column of the name
    rest: str  # what follows the name, stripped
    rest_column: int  # 1-based column where `rest` starts

    @property
    def argument(self) -> str | None:
        """The text after `|`, or None when there is no `|` (pymdownx: `/// name | argument`)."""
        if not self.rest.startswith("|"):
            return None
        return self.rest[1:].strip(" \t")

    @property
    def argument_column(self) -> int:
        after_bar = self.rest[1:]
        return self.rest_column + 1 + len(after_bar) - len(after_bar.lstrip(" \t"))


def block_header(line: str) -> BlockHeader | None:
    """`/// name …` opening a pymdownx block (what follows the name is kept for the caller to judge)."""
    match = _BLOCK_START.match(line.rstrip("\r"))
    if not match:
        return None
    raw_rest = match.group(3)
    if raw_rest and raw_rest[0] not in " \t|":
        return None  # `///name.` — not a name followed by a separator
    rest = raw_rest.strip(" \t")
    rest_column = match.start(3) + len(raw_rest) - len(raw_rest.lstrip(" \t")) + 1
    return BlockHeader(match.group(1), match.group(2), match.start(2) + 1, rest, rest_column)


@lru_cache(maxsize=8)
def slash_lines(text: str) -> tuple[int, ...]:
    """0-based numbers of the lines of `text` that may open or close a block (`///` after up to 3 spaces), code
    included: checks look at these lines only instead of every line of the page."""
    numbers: list[int] = []
    line, counted = 0, 0  # line number of the position `counted`
    position = text.find("///")
    while position >= 0:
        start = text.rfind("\n", 0, position) + 1
        if position - start <= 3 and not text[start:position].strip(" "):
            line += text.count("\n", counted, start)
            counted = start
            numbers.append(line)
        end = text.find("\n", position)
        if end < 0:
            break
        position = text.find("///", end)
    return tuple(numbers)


def block_end(line: str) -> str | None:
    """The slashes of a line that closes a block (`///` alone), else None."""
    match = _BLOCK_END.match(line.rstrip("\r"))
    return match.group(1) if match else None


# -- code spans ------------------------------------------------------------------------------------------------


def code_spans(line: str) -> list[tuple[int, int]]:
    """(start, end) of each code span of a line, as Python-Markdown finds them, in one pass.

    A span opens with a run of backticks not preceded by a backslash and closes at the next run of the same
    length; a run with no partner is plain text. Runs are listed once, then each is paired with the next run
    of its length, found through a table built from the right: linear however many backticks a line holds.
    """
    runs: list[tuple[int, int]] = []  # (start, length)
    position = line.find("`")
    while position >= 0:
        end = position
        while end < len(line) and line[end] == "`":
            end += 1
        start = position
        backslashes = 0
        while start - backslashes > 0 and line[start - backslashes - 1] == "\\":
            backslashes += 1
        if backslashes % 2 and end - start > 1:
            runs.append((start + 1, end - start - 1))  # the escaped backtick is text, the rest still counts
        elif not backslashes % 2:
            runs.append((start, end - start))
        position = line.find("`", end)
    following: list[int | None] = [None] * len(runs)
    last: dict[int, int] = {}
    for index in range(len(runs) - 1, -1, -1):
        following[index] = last.get(runs[index][1])
        last[runs[index][1]] = index
    spans = []
    index = 0
    while index < len(runs):
        partner = following[index]
        start, length = runs[index]
        if partner is not None and runs[partner][0] > start + length:  # a span holds at least one character
            spans.append((start, runs[partner][0] + length))
            index = partner + 1
        else:
            index += 1
    return spans


def blank_code_spans(line: str) -> str:
    """`line` with its code spans replaced by spaces, so columns stay where they were."""
    spans = code_spans(line)
    if not spans:
        return line
    pieces, position = [], 0
    for start, end in spans:
        pieces += [line[position:start], " " * (end - start)]
        position = end
    return "".join(pieces) + line[position:]


# Python-Markdown's own escapes (`ESCAPED_CHARS`, with `|` from tables) stay backslashes; `(` and `)` need none once
# brackets are escaped, and a backslash before them is a formula to pymdownx.arithmatex (`\(x\)`), as are dollars
# (`$x$`), which no backslash escapes: they become character references, with `<`, `>` and `&` (a backslash before
# `<` is shown, not taken as an escape).
_HEADING_ESCAPES = re.compile(r"[\\`*_{}\[\]#+!|]")
_HEADING_REFERENCES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "$": "&#36;"}
_HEADING_REFERENCED = re.compile("[&<>$]")


def heading_markdown(text: str) -> str:
    """The Markdown of a first-level heading that shows `text` (a title from YAML) as it is, whatever it holds."""
    escaped = _HEADING_ESCAPES.sub(lambda m: "\\" + m.group(), text)
    return "# " + _HEADING_REFERENCED.sub(lambda m: _HEADING_REFERENCES[m.group()], escaped) + "\n"
