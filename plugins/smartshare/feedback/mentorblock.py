"""`/// mentor` blocks: notes for the mentor, never part of a learner page.

On a learner page the block renders to nothing: its text is in no HTML, search index or asset of the learner
site. The mentor area (`smartshare/mentor`) renders a module a second time as its mentor sheet, whose Markdown
starts with this build's marker line (`MentorExtension.area_marker`); there the notes are shown in place.
pymdownx-extensions silently prints a block it cannot parse (an argument, options, a misspelt name) as plain
text, which would show the notes to every learner: `check_mentor_blocks` finds those cases in the Markdown
source and reports them with their line.
"""

from __future__ import annotations

import re
import secrets
import xml.etree.ElementTree as etree
from collections.abc import Iterator

from markdown.preprocessors import Preprocessor
from pymdownx.blocks import BlocksExtension
from pymdownx.blocks.block import Block

from ..core.problems import Problem, Severity

NAME = "mentor"
NOTE_ATTRIBUTE = "data-smartshare-mentor-note"  # marks each note shown on a mentor sheet

_START = re.compile(r"^ {0,3}(/{3,})[ ]*([\w-]+)[ ]*(.*?)\s*$")
_END = re.compile(r"^ {0,3}/{3,}\s*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_NEAR_MISS = re.compile(r"^mentors?(?:[-_]?notes?)?$", re.I)


_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


class MentorBlock(Block):
    """`/// mentor` … `///`: no argument, no options."""

    NAME = NAME
    ARGUMENT = False
    OPTIONS: dict = {}

    def on_markdown(self) -> str:
        return "block"  # the notes are Markdown

    def on_create(self, parent: etree.Element) -> etree.Element:
        self._parent = parent
        note = etree.SubElement(parent, "div", {"class": "smartshare-mentor-note", NOTE_ATTRIBUTE: ""})
        label = etree.SubElement(note, "p", {"class": "smartshare-mentor-note__label"})
        label.text = self.config["label"]
        return note

    def on_end(self, block: etree.Element) -> None:
        if not getattr(self.md, _SHOW_NOTES, False):
            # A learner page: the note leaves the document before anything (toc, search, templates) sees it.
            block.clear()
            if block in self._parent:
                self._parent.remove(block)
            return
        # Headings in a note would join the sheet's table of contents beside the module's own headings.
        # They become paragraphs that assistive technology still reads as headings.
        for element in block.iter():
            if element.tag in _HEADINGS:
                element.set("role", "heading")
                element.set("aria-level", element.tag[1])
                element.set("class", (element.get("class", "") + " smartshare-mentor-note__heading").strip())
                element.tag = "p"


class MentorExtension(BlocksExtension):
    def __init__(self, *args, **kwargs) -> None:
        self.config = {"label": ["Mentor note", "Heading shown above each note on the mentor sheet"]}
        super().__init__(*args, **kwargs)
        # A fresh random marker per build: an author cannot write it, so no learner page can show its notes.
        self.area_marker = f"<!-- smartshare mentor sheet {secrets.token_hex(16)} -->"

    def extendMarkdownBlocks(self, md, block_mgr) -> None:
        block_mgr.register(MentorBlock, self.getConfigs())
        # first of all preprocessors: the marker must be the page's first line as the author never wrote it
        md.preprocessors.register(_SheetMarker(md, self.area_marker), "smartshare_mentor_sheet", 200)


_SHOW_NOTES = "smartshare_show_mentor_notes"  # set on the Markdown instance MkDocs makes for each page


class _SheetMarker(Preprocessor):
    """Notes are shown only on a page whose Markdown starts with the build's marker (a mentor sheet)."""

    def __init__(self, md, marker: str) -> None:
        super().__init__(md)
        self.marker = marker

    def run(self, lines: list[str]) -> list[str]:
        shown = bool(lines) and lines[0] == self.marker
        setattr(self.md, _SHOW_NOTES, shown)
        return lines[1:] if shown else lines


def area_marker(markdown_extensions: list) -> str:
    """The marker line that makes a page a mentor sheet; the `/// mentor` extension must be registered."""
    for extension in markdown_extensions:
        if isinstance(extension, MentorExtension):
            return extension.area_marker
    raise LookupError("the /// mentor Markdown extension is not registered")


def check_mentor_blocks(body: str, body_line: int, path: str) -> Iterator[Problem]:
    """Problems of the `/// mentor` blocks of a Markdown body whose first line is line `body_line` of `path`."""
    lines = body.splitlines()
    fence = None
    index = 0
    while index < len(lines):
        line = lines[index]
        fence = _fence_state(line, fence)
        match = None if fence else _START.match(line)
        index += 1
        if not match:
            continue
        name, rest = match[2], match[3]
        where = (path, body_line + index - 1, line.index(name) + 1)
        if name != NAME:
            if _NEAR_MISS.match(name):
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
        if index < len(lines) and lines[index].startswith("    ") and lines[index].strip():
            yield _error(
                (path, body_line + index, 1),
                "mentor-block",
                "a mentor block takes no options; indented lines right after '/// mentor' are read as options",
                "remove the indentation or add an empty line first",
            )
        closed, content = _block_end(lines, index)
        if closed is None:
            yield _error(
                where,
                "mentor-block",
                "mentor block is not closed: everything after it would be mentor-only",
                "end the notes with a line '///'",
            )
            return
        if not content:
            yield Problem(
                *where, Severity.WARNING, "mentor-block", "mentor block is empty", "write the notes or remove the block"
            )
        index = closed + 1


def _block_end(lines: list[str], start: int) -> tuple[int | None, bool]:
    """Index of the line closing a block opened just before `start` (nested blocks counted) and whether it has text."""
    depth, fence, content = 1, None, False
    for index in range(start, len(lines)):
        line = lines[index]
        fence = _fence_state(line, fence)
        if not fence and _END.match(line):
            depth -= 1
            if depth == 0:
                return index, content
        elif not fence and _START.match(line):
            depth += 1
        content = content or bool(line.strip())
    return None, content


def _fence_state(line: str, fence: str | None) -> str | None:
    """The code fence we are in after `line` (None outside code), so `///` inside code is not a block."""
    match = _FENCE.match(line)
    if not match:
        return fence
    marker = match[1]
    if fence is None:
        return marker
    return (
        None
        if marker[0] == fence[0] and len(marker) >= len(fence) and not line.strip()[len(marker) :].strip()
        else fence
    )


def _error(where: tuple, code: str, message: str, hint: str) -> Problem:
    return Problem(*where, Severity.ERROR, code, message, hint)


# -- Where the notes are, for checks of what they say (personal data) ------------------------------------------


def mentor_notes(body: str) -> Iterator[tuple[int, list[str]]]:
    """Each closed `/// mentor` block of a body: the 0-based index of its first inner line, and its inner lines."""
    lines = body.splitlines()
    fence = None
    index = 0
    while index < len(lines):
        line = lines[index]
        fence = _fence_state(line, fence)
        match = None if fence else _START.match(line)
        index += 1
        if not match or match[2] != NAME:
            continue
        closed, _ = _block_end(lines, index)
        if closed is None:
            return
        yield index, lines[index:closed]
        index = closed + 1
