"""`/// mentor` blocks: notes for the mentor, never part of a learner page.

On a learner page the block renders to nothing: its text is in no HTML, search index or asset of the learner
site. With the mentor area (`smartshare/mentor`), a note is rendered with the page (same Markdown, so links,
images and abbreviations work as in the text around it), then lifted out of the page's HTML into a `NoteStash`
before any plugin sees it; the mentor area puts it back in place on the module's mentor sheet.
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
from markdown.postprocessors import Postprocessor

from ..core.frames import replace_frames
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


def mentor_blocks(lines: list[str], text: str | None = None) -> Iterator[_Found]:
    """Every `///` block header outside code that names a mentor block or nearly does, with where it ends.

    Blocks nested in a mentor block belong to it; other blocks (`/// details`) are looked into. `text`: the lines
    joined, when the caller has it.
    """
    if text is None:
        text = "\n".join(lines)
    candidates = slash_lines(text)
    if not candidates:
        return  # no `///` line: no block, and no need to know which lines are code
    code = code_lines(text)
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

    def __init__(self, label: str, stash: NoteStash) -> None:
        self.label = label
        self.stash = stash

    def find(self, lines: list[str]) -> list[FoundBlock]:
        found = []
        for block in mentor_blocks(lines):
            if block.header.name == NAME:
                end = block.closed if block.closed is not None else len(lines)  # unclosed: the rest is the note
                text = "\n".join(lines[block.index + 1 : end])
                found.append(FoundBlock(block.index + 1, end + 1 if block.closed is not None else len(lines), text))
        return found

    def render(self, text: str, parse_into: ParseInto) -> etree.Element | None:
        if not self.stash.capture:
            return None  # no mentor area: the note leaves before anything (toc, search, templates) sees it
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
        return self.stash.wrap(note)


class MentorExtension(Extension):
    def __init__(self, *args, **kwargs) -> None:
        self.config = {"label": ["Mentor note", "Heading shown above each note on the mentor sheet"]}
        super().__init__(*args, **kwargs)
        self.stash = NoteStash()

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        blocks = MentorBlocks(self.getConfig("label"), self.stash)
        # last of all postprocessors: the note's HTML is final (raw HTML and entities restored) when it leaves
        md.postprocessors.register(_TakeNotes(md, self.stash), "smartshare_mentor_notes", 1)
        # a note is Markdown like the rest of the page: its text runs the preprocessors the page runs after ours
        register_blocks(md, blocks, MENTOR_PRIORITY, preprocessors_after(f"smartshare_{NAME}"))

    # smartshare/cache (cache/render.py): a page's notes are kept with its cached HTML, and come back into this
    # build's stash under fresh placeholders when the HTML comes from the cache
    def cache_fingerprint(self) -> str:
        return f"capture={self.stash.capture}"

    def cache_export(self, html: str) -> tuple[str, dict]:
        return self.stash.export(html)

    def cache_import(self, html: str, data: dict) -> str:
        return self.stash.restore(html, data)


class NoteStash:
    """Where a page's notes wait for the mentor area, out of the page's HTML.

    While the mentor area captures notes (`capture`), each note is rendered in place, then `_TakeNotes` lifts
    it out of the page's HTML and leaves a placeholder that names it (`slot`). Placeholders carry a fresh random
    nonce per build: an author cannot write one, so no text of a page can pass for a note or hide one.
    """

    def __init__(self) -> None:
        self.capture = False  # set by the mentor area (`note_stash`); without it notes render to nothing
        self.nonce = secrets.token_hex(16)
        self.notes: dict[str, str] = {}  # placeholder id → the note's HTML
        self._count = 0
        self.placeholder = re.compile(f"<!-- smartshare-mentor-note {self.nonce}-(\\d+) -->(\n?)")

    def wrap(self, note: etree.Element) -> etree.Element:
        self._count += 1
        key = f"{self.nonce}-{self._count}"
        wrapper = etree.Element("div", {"data-smartshare-mentor-slot": key})
        wrapper.append(note)
        etree.SubElement(wrapper, "span", {"data-smartshare-mentor-slot-end": key})
        return wrapper

    def take(self, html: str) -> str:
        """`html` with each note replaced by its placeholder, the note kept in `notes`."""
        opening = f'<div data-smartshare-mentor-slot="{self.nonce}-'
        start = html.find(opening)
        while start >= 0:
            key_end = html.find('"', start + len(opening))
            key = html[start + len(opening) - len(self.nonce) - 1 : key_end]
            body = html.find(">", key_end) + 1
            end = html.find(f'<span data-smartshare-mentor-slot-end="{key}"></span>', body)
            if end < 0:  # never happens with Markdown's serializer; if it did, nothing after it may be shown
                return html[:start]
            close = html.find("</div>", end)
            close = len(html) if close < 0 else close + len("</div>")
            self.notes[key] = html[body:end].strip("\n")
            placeholder = f"<!-- smartshare-mentor-note {key} -->"
            html = html[:start] + placeholder + html[close:]
            start = html.find(opening, start + len(placeholder))
        return html

    def split(self, html: str) -> tuple[str, str]:
        """A page's HTML with its notes in place (for its mentor sheet) and without them (for learners)."""
        found = self.placeholder.search(html)
        if not found:
            return html, html
        keys: list[str] = []

        def note(match: re.Match) -> str:
            keys.append(f"{self.nonce}-{match.group(1)}")
            return self.notes.get(keys[-1], "") + match.group(2)

        with_notes = self.placeholder.sub(note, html)
        for key in keys:
            self.notes.pop(key, None)
        return with_notes, self.placeholder.sub("", html)

    def export(self, html: str) -> tuple[str, dict]:
        """`html` with this build's placeholders replaced by ones of a new random token, and the notes they name:
        a copy for the build cache (this build's stash keeps its notes)."""
        token = secrets.token_hex(12)
        notes: list[str] = []

        def portable(match: re.Match) -> str:
            notes.append(self.notes.get(f"{self.nonce}-{match.group(1)}", ""))
            return f"<!-- smartshare-mentor-note {token}-{len(notes)} -->{match.group(2)}"

        return self.placeholder.sub(portable, html), {"token": token, "notes": notes}

    def restore(self, html: str, data: dict) -> str:
        """The reverse of `export`, in this build: each note gets a fresh placeholder and joins the stash."""
        if not data.get("notes"):
            return html
        keys = []
        for note in data["notes"]:
            self._count += 1
            keys.append(f"{self.nonce}-{self._count}")
            self.notes[keys[-1]] = note

        # what `re.sub` of `<!-- smartshare-mentor-note TOKEN-(\\d+) -->` gives, without a pattern compiled for each
        # page (each entry has its own token: about 0.1 ms a page): the placeholder's start cannot overlap itself
        def note(number: str) -> str | None:  # `\d+`: decimal digits, of any script, as `int` reads them
            return f"<!-- smartshare-mentor-note {keys[int(number) - 1]} -->" if number.isdecimal() else None

        return replace_frames(html, f"<!-- smartshare-mentor-note {data['token']}-", " -->", note)


class _TakeNotes(Postprocessor):
    def __init__(self, md: Markdown, stash: NoteStash) -> None:
        super().__init__(md)
        self.stash = stash

    def run(self, text: str) -> str:
        return self.stash.take(text) if self.stash.capture else text


def note_stash(markdown_extensions: list) -> NoteStash:
    """Turn on the capture of notes (see `NoteStash`); the `/// mentor` extension must be registered."""
    for extension in markdown_extensions:
        if isinstance(extension, MentorExtension):
            extension.stash.capture = True
            return extension.stash
    raise LookupError("the /// mentor Markdown extension is not registered")


def check_mentor_blocks(
    body: str, body_line: int, path: str, blocks: list[_Found] | None = None, lines: list[str] | None = None
) -> Iterator[Problem]:
    """Problems of the `/// mentor` blocks of a Markdown body whose first line is line `body_line` of `path`
    (`blocks`: its `mentor_blocks`, `lines`: its lines, when the caller has them already)."""
    lines = body.split("\n") if lines is None else lines
    for block in mentor_blocks(lines) if blocks is None else blocks:
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


def mentor_notes(
    body: str, blocks: list[_Found] | None = None, lines: list[str] | None = None
) -> Iterator[tuple[int, list[str]]]:
    """Each closed `/// mentor` block of a body: the 0-based index of its first inner line, and its inner lines
    (`blocks`: the body's `mentor_blocks`, `lines`: its lines, when the caller has them already)."""
    lines = body.split("\n") if lines is None else lines
    for block in mentor_blocks(lines) if blocks is None else blocks:
        if block.header.name == NAME and block.closed is not None:
            yield block.index + 1, lines[block.index + 1 : block.closed]
