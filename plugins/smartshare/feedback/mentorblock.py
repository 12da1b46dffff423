"""`/// mentor` blocks: notes for the mentor, never part of a learner page.

On a learner page the block renders to nothing: its text is in no HTML, search index or asset of the learner
site. The mentor area (`smartshare/mentor`) renders a module a second time as its mentor sheet, whose Markdown
starts with this build's marker line (`MentorExtension.area_marker`); there the notes are shown in place.
Blocks are found by `mentor_blocks`, which both the rendering (through Smartshare's block mechanism,
`markdownblocks`, shared with `/// quiz`) and `check_mentor_blocks` use: a block with a mistake (a title,
options) is reported, and its text still never reaches a learner page.
"""

from __future__ import annotations

import bisect
import re
import secrets
import xml.etree.ElementTree as etree
from collections.abc import Iterator
from dataclasses import dataclass

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

from ..core.mdscan import BlockHeader, block_end, block_header, code_lines, slash_lines
from ..core.problems import Problem, Severity
from ..markdownblocks import MENTOR_PRIORITY, FoundBlock, ParseInto, preprocessors_after, register_blocks

NAME = "mentor"
NOTE_ATTRIBUTE = "data-smartshare-mentor-note"  # marks each note shown on a mentor sheet

_NEAR_MISS = re.compile(r"^mentors?(?:[-_]?notes?)?$", re.I)
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


@dataclass(frozen=True)
class _Found:
    index: int  # 0-based line of the header
    header: BlockHeader
    closed: int | None  # 0-based closing line, None when the block is not closed
    has_text: bool


def mentor_blocks(lines: list[str]) -> Iterator[_Found]:
    """Every `///` block header outside code that names a mentor block or nearly does, with where it ends.

    Blocks nested in a mentor block belong to it; other blocks (`/// details`) are looked into.
    """
    text = "\n".join(lines)
    code = code_lines(text)
    candidates = slash_lines(text)
    after = 0  # lines before this one belong to a mentor block already read
    for index in candidates:
        header = None if index < after or code[index] else block_header(lines[index])
        if not header:
            continue
        if header.name != NAME:
            if _NEAR_MISS.match(header.name):
                yield _Found(index, header, None, False)
            continue
        closed, has_text = _block_end(lines, index + 1, code, candidates)
        yield _Found(index, header, closed, has_text)
        if closed is None:
            return
        after = closed + 1


class MentorBlocks:
    """`/// mentor` … `///` for `markdownblocks`: no argument, no options."""

    name = NAME

    def __init__(self, label: str) -> None:
        self.label = label
        self.show = False  # set per page by `_SheetMarker`: True on a mentor sheet only

    def find(self, lines: list[str]) -> list[FoundBlock]:
        found = []
        for block in mentor_blocks(lines):
            if block.header.name == NAME:
                end = block.closed if block.closed is not None else len(lines)  # unclosed: the rest is the note
                text = "\n".join(lines[block.index + 1 : end])
                found.append(FoundBlock(block.index + 1, end + 1 if block.closed is not None else len(lines), text))
        return found

    def render(self, text: str, parse_into: ParseInto) -> etree.Element | None:
        if not self.show:
            return None  # a learner page: the note leaves before anything (toc, search, templates) sees it
        note = etree.Element("div", {"class": "smartshare-mentor-note", NOTE_ATTRIBUTE: ""})
        label = etree.SubElement(note, "p", {"class": "smartshare-mentor-note__label"})
        label.text = self.label
        parse_into(note, text)
        # Headings in a note would join the sheet's table of contents beside the module's own headings.
        # They become paragraphs that assistive technology still reads as headings.
        for element in note.iter():
            if element.tag in _HEADINGS:
                element.set("role", "heading")
                element.set("aria-level", element.tag[1])
                element.set("class", (element.get("class", "") + " smartshare-mentor-note__heading").strip())
                element.tag = "p"
        return note


class MentorExtension(Extension):
    def __init__(self, *args, **kwargs) -> None:
        self.config = {"label": ["Mentor note", "Heading shown above each note on the mentor sheet"]}
        super().__init__(*args, **kwargs)
        # A fresh random marker per build: an author cannot write it, so no learner page can show its notes.
        self.area_marker = f"<!-- smartshare mentor sheet {secrets.token_hex(16)} -->"

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        blocks = MentorBlocks(self.getConfig("label"))
        # first of all preprocessors: the marker must be the page's first line as the author never wrote it
        md.preprocessors.register(_SheetMarker(md, self.area_marker, blocks), "smartshare_mentor_sheet", 200)
        # a note is Markdown like the rest of the page: its text runs the preprocessors the page runs after ours
        register_blocks(md, blocks, MENTOR_PRIORITY, preprocessors_after(f"smartshare_{NAME}"))


class _SheetMarker(Preprocessor):
    """Notes are shown only on a page whose Markdown starts with the build's marker (a mentor sheet)."""

    def __init__(self, md: Markdown, marker: str, blocks: MentorBlocks) -> None:
        super().__init__(md)
        self.marker = marker
        self.blocks = blocks

    def run(self, lines: list[str]) -> list[str]:
        self.blocks.show = bool(lines) and lines[0] == self.marker
        return lines[1:] if self.blocks.show else lines


def area_marker(markdown_extensions: list) -> str:
    """The marker line that makes a page a mentor sheet; the `/// mentor` extension must be registered."""
    for extension in markdown_extensions:
        if isinstance(extension, MentorExtension):
            return extension.area_marker
    raise LookupError("the /// mentor Markdown extension is not registered")


def check_mentor_blocks(body: str, body_line: int, path: str) -> Iterator[Problem]:
    """Problems of the `/// mentor` blocks of a Markdown body whose first line is line `body_line` of `path`."""
    lines = body.split("\n")
    for block in mentor_blocks(lines):
        name, rest = block.header.name, block.header.rest
        where = (path, body_line + block.index, block.header.name_column)
        if name != NAME:
            yield _error(
                where,
                "mentor-block",
                f"'/// {name}' is not a mentor block: its notes would be shown to learners",
                "write '/// mentor'",
            )
            continue
        if rest:
            yield _error(
                where,
                "mentor-block",
                f"a mentor block takes no title or options, found '{rest}'",
                "put the text on the lines below '/// mentor'",
            )
        after = block.index + 1
        if after < len(lines) and lines[after].startswith("    ") and lines[after].strip():
            yield _error(
                (path, body_line + after, 1),
                "mentor-block",
                "a mentor block takes no options; indented lines right after '/// mentor' are read as options",
                "remove the indentation or add an empty line first",
            )
        if block.closed is None:
            yield _error(
                where,
                "mentor-block",
                "mentor block is not closed: everything after it would be mentor-only",
                "end the notes with a line '///'",
            )
            return
        if not block.has_text:
            yield Problem(
                *where, Severity.WARNING, "mentor-block", "mentor block is empty", "write the notes or remove the block"
            )


def _block_end(
    lines: list[str], start: int, code: tuple[bool, ...], candidates: tuple[int, ...]
) -> tuple[int | None, bool]:
    """Index of the line closing a block opened just before `start` (nested blocks counted) and whether it has text."""
    depth = 1
    for index in candidates[bisect.bisect_left(candidates, start) :]:
        if code[index]:
            continue
        if block_end(lines[index]) is not None:
            depth -= 1
            if depth == 0:
                return index, any(line.strip() for line in lines[start:index])
        elif block_header(lines[index]) is not None:
            depth += 1
    return None, any(line.strip() for line in lines[start:])


def _error(where: tuple[str, int, int], code: str, message: str, hint: str) -> Problem:
    return Problem(*where, Severity.ERROR, code, message, hint)


# -- Where the notes are, for checks of what they say (personal data) ------------------------------------------


def mentor_notes(body: str) -> Iterator[tuple[int, list[str]]]:
    """Each closed `/// mentor` block of a body: the 0-based index of its first inner line, and its inner lines."""
    lines = body.split("\n")
    for block in mentor_blocks(lines):
        if block.header.name == NAME and block.closed is not None:
            yield block.index + 1, lines[block.index + 1 : block.closed]
