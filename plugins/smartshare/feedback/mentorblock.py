"""`/// mentor` blocks: notes for the mentor, kept out of what learners see and out of the search index.

The block renders as an inert `<template>`: a browser shows none of its content, copy-paste and screen readers
never meet it, and mkdocs-material's search skips it (`data-search-exclude`). The mentor view copies its
content into the page. Blocks are found by `mentor_blocks`, which both the rendering (through Smartshare's
block mechanism, `markdownblocks`, shared with `/// quiz`) and `check_mentor_blocks` use: a block with a
mistake (a title, options) is reported and still rendered as a note, never printed for learners.
"""

from __future__ import annotations

import bisect
import re
import xml.etree.ElementTree as etree
from collections.abc import Iterator
from dataclasses import dataclass

from markdown import Extension, Markdown

from ..core.mdscan import BlockHeader, block_end, block_header, code_lines, slash_lines
from ..core.problems import Problem, Severity
from ..markdownblocks import MENTOR_PRIORITY, FoundBlock, ParseInto, preprocessors_after, register_blocks

NAME = "mentor"
MENTOR_ONLY = "data-smartshare-mentor-only"  # marks every element the mentor view reveals

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

    def find(self, lines: list[str]) -> list[FoundBlock]:
        found = []
        for block in mentor_blocks(lines):
            if block.header.name == NAME:
                end = block.closed if block.closed is not None else len(lines)  # unclosed: the rest is the note
                text = "\n".join(lines[block.index + 1 : end])
                found.append(FoundBlock(block.index + 1, end + 1 if block.closed is not None else len(lines), text))
        return found

    def render(self, text: str, parse_into: ParseInto) -> etree.Element:
        attributes = {"class": "smartshare-mentor-note", MENTOR_ONLY: "note", "data-search-exclude": ""}
        template = etree.Element("template", attributes)
        label = etree.SubElement(template, "p", {"class": "smartshare-mentor-note__label"})
        label.text = self.label
        parse_into(template, text)
        # Headings in a note would join the page's table of contents, linking learners to text they cannot see.
        # They become paragraphs that assistive technology still reads as headings in the mentor view.
        for element in template.iter():
            if element.tag in _HEADINGS:
                element.set("role", "heading")
                element.set("aria-level", element.tag[1])
                element.set("class", (element.get("class", "") + " smartshare-mentor-note__heading").strip())
                element.tag = "p"
        return template


class MentorExtension(Extension):
    def __init__(self, *args, **kwargs) -> None:
        self.config = {"label": ["Mentor note", "Heading shown above each note in the mentor view"]}
        super().__init__(*args, **kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        # a note is Markdown like the rest of the page: its text runs the preprocessors the page runs after ours
        register_blocks(
            md, MentorBlocks(self.getConfig("label")), MENTOR_PRIORITY, preprocessors_after(f"smartshare_{NAME}")
        )


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
