"""The one mechanism of Smartshare's `///` blocks (`/// quiz`, `/// mentor`) in Python-Markdown.

A preprocessor finds the blocks with the same code that reports their mistakes (`core.mdscan`, through each
block's `find`), and puts a placeholder paragraph in place of each; a block processor renders each
placeholder, parsing the block's Markdown snippets with the page's own parser so every extension applies.

Why not pymdownx.blocks `Block` classes: pymdownx finds blocks with its own patterns and silently prints a
block it cannot parse (an argument, an option, a misspelt name, a fence it reads differently) as a plain
paragraph. For mentor notes that shows them to learners, for a quiz it shows the answers. With one finder
for the check and the rendering, a block the check accepts is always rendered as a block, and both agree on
where every block starts and ends. It also lets a quiz be parsed once per build (the check's parse is reused).

Nothing is kept on the `Markdown` instance: each registration owns its per-page state.
"""

from __future__ import annotations

import secrets
import xml.etree.ElementTree as etree
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from markdown import Markdown
from markdown.blockprocessors import BlockProcessor
from markdown.preprocessors import Preprocessor

ParseInto = Callable[[etree.Element, str], None]

# 35 and 34: before normalize_whitespace (30) and every stash, so line numbers are those of the source and
# fences are found by our scanner; quizzes first, so a quiz inside a mentor note is rendered as a quiz.
QUIZ_PRIORITY, MENTOR_PRIORITY = 35, 34


@dataclass(frozen=True)
class FoundBlock:
    line: int  # 1-based line of the `///` header
    end_line: int  # 1-based closing line (the text's last line when the block is not closed)
    payload: Any  # what `render` needs (a parsed quiz, a note's text)


class BlockType(Protocol):
    name: str

    def find(self, lines: list[str]) -> Sequence[FoundBlock]: ...

    def render(self, payload: Any, parse_into: ParseInto) -> etree.Element | None: ...


class PageBlocks:
    """The blocks of one type on the page a `Markdown` instance is converting, and what they rendered to."""

    def __init__(self, kind: BlockType, snippet_preprocessors: Callable[[Markdown], list[Preprocessor]]) -> None:
        self.kind = kind
        self.snippet_preprocessors = snippet_preprocessors
        self.marker = f"smartshare-{kind.name}-{secrets.token_hex(6)}-"  # random: author text cannot forge it
        self.found: Sequence[FoundBlock] = ()
        self.elements: list[etree.Element] = []


def register_blocks(
    md: Markdown,
    kind: BlockType,
    priority: int,
    snippet_preprocessors: Callable[[Markdown], list[Preprocessor]],
) -> PageBlocks:
    """Find and render `kind`'s blocks on every page `md` converts; the returned state lists what was rendered."""
    page = PageBlocks(kind, snippet_preprocessors)
    md.preprocessors.register(_Find(md, page), f"smartshare_{kind.name}", priority)
    md.parser.blockprocessors.register(_Render(md.parser, page), f"smartshare_{kind.name}", 105)
    return page


def preprocessors_named(*names: str) -> Callable[[Markdown], list[Preprocessor]]:
    """Snippets run only these of the page's preprocessors (a quiz: line endings and fences, no raw HTML)."""
    return lambda md: [md.preprocessors[name] for name in names if name in md.preprocessors]


def preprocessors_after(name: str) -> Callable[[Markdown], list[Preprocessor]]:
    """Snippets run every preprocessor the page runs after the one named (a mentor note is Markdown like the page)."""

    def pick(md: Markdown) -> list[Preprocessor]:
        return list(md.preprocessors)[md.preprocessors.get_index_for_name(name) + 1 :]

    return pick


class _Find(Preprocessor):
    def __init__(self, md: Markdown, page: PageBlocks) -> None:
        super().__init__(md)
        self.page = page

    def run(self, lines: list[str]) -> list[str]:
        found = self.page.kind.find(lines)
        self.page.found, self.page.elements = found, []
        for number, block in reversed(list(enumerate(found))):
            lines[block.line - 1 : block.end_line] = ["", f"{self.page.marker}{number}", ""]
        return lines


class _Render(BlockProcessor):
    def __init__(self, parser, page: PageBlocks) -> None:
        super().__init__(parser)
        self.page = page

    def test(self, parent: etree.Element, block: str) -> bool:
        return block.lstrip().startswith(self.page.marker)

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        block = blocks.pop(0).strip()
        index = int(block[len(self.page.marker) :].split()[0])
        element = self.page.kind.render(self.page.found[index].payload, self._parse_into)
        if element is None:
            return  # the block renders to nothing here (a mentor note on a learner page)
        parent.append(element)
        self.page.elements.append(element)

    def _parse_into(self, parent: etree.Element, text: str) -> None:
        lines = text.split("\n")
        for preprocessor in self.page.snippet_preprocessors(self.parser.md):
            lines = preprocessor.run(lines)
        self.parser.parseChunk(parent, "\n".join(lines))
