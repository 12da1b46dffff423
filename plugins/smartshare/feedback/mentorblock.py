"""`/// mentor` blocks: notes for the mentor, kept out of what learners see and out of the search index.

The block renders as an inert `<template>`: a browser shows none of its content, copy-paste and screen readers
never meet it, and mkdocs-material's search skips it (`data-search-exclude`). The mentor view copies its
content into the page. pymdown-extensions silently prints a block it cannot parse (an argument, options, a
misspelt name) as plain text, which would show the notes to every learner: `check_mentor_blocks` finds those
cases in the Markdown source and reports them with their line.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Iterator
from typing import ClassVar

from pymdownx.blocks import BlocksExtension
from pymdownx.blocks.block import Block

from ..core.mdscan import CodeTracker, block_end, block_header
from ..core.problems import Problem, Severity

NAME = "mentor"
MENTOR_ONLY = "data-smartshare-mentor-only"  # marks every element the mentor view reveals

_NEAR_MISS = re.compile(r"^mentors?(?:[-_]?notes?)?$", re.I)


_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


class MentorBlock(Block):
    """`/// mentor` … `///`: no argument, no options."""

    NAME = NAME
    ARGUMENT = False
    OPTIONS: ClassVar[dict] = {}

    def on_markdown(self) -> str:
        return "block"  # `<template>` counts as raw HTML for Markdown; the notes are Markdown

    def on_create(self, parent: etree.Element) -> etree.Element:
        attributes = {"class": "smartshare-mentor-note", MENTOR_ONLY: "note", "data-search-exclude": ""}
        template = etree.SubElement(parent, "template", attributes)
        label = etree.SubElement(template, "p", {"class": "smartshare-mentor-note__label"})
        label.text = self.config["label"]
        return template

    def on_end(self, block: etree.Element) -> None:
        # Headings in a note would join the page's table of contents, linking learners to text they cannot see.
        # They become paragraphs that assistive technology still reads as headings in the mentor view.
        for element in block.iter():
            if element.tag in _HEADINGS:
                element.set("role", "heading")
                element.set("aria-level", element.tag[1])
                element.set("class", (element.get("class", "") + " smartshare-mentor-note__heading").strip())
                element.tag = "p"


class MentorExtension(BlocksExtension):
    def __init__(self, *args, **kwargs) -> None:
        self.config = {"label": ["Mentor note", "Heading shown above each note in the mentor view"]}
        super().__init__(*args, **kwargs)

    def extendMarkdownBlocks(self, md, block_mgr) -> None:
        block_mgr.register(MentorBlock, self.getConfigs())


def check_mentor_blocks(body: str, body_line: int, path: str) -> Iterator[Problem]:
    """Problems of the `/// mentor` blocks of a Markdown body whose first line is line `body_line` of `path`."""
    lines = body.split("\n")
    tracker = CodeTracker()
    index = 0
    while index < len(lines):
        line = lines[index]
        header = None if tracker.feed(line) else block_header(line)
        index += 1
        if not header:
            continue
        name, rest = header.name, header.rest
        where = (path, body_line + index - 1, header.name_column)
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
        tracker = CodeTracker()  # after a block, as after a blank line


def _block_end(lines: list[str], start: int) -> tuple[int | None, bool]:
    """Index of the line closing a block opened just before `start` (nested blocks counted) and whether it has text."""
    depth, content = 1, False
    tracker = CodeTracker()
    for index in range(start, len(lines)):
        line = lines[index]
        if not tracker.feed(line):
            if block_end(line) is not None:
                depth -= 1
                if depth == 0:
                    return index, content
            elif block_header(line) is not None:
                depth += 1
        content = content or bool(line.strip())
    return None, content


def _error(where: tuple, code: str, message: str, hint: str) -> Problem:
    return Problem(*where, Severity.ERROR, code, message, hint)
