"""`smartshare.quiz.extension`: the `/// quiz` block as a Python-Markdown extension, usable without MkDocs.

    markdown.markdown(text, extensions=["smartshare.quiz.extension"])

A preprocessor finds the quizzes with the shared line-based parser (`parse.find_quizzes`, the same one
`smartshare check` reports problems with) and leaves a placeholder paragraph; a block processor renders each
placeholder, parsing its text snippets with the page's own Markdown so every extension applies.

Why our own preprocessor and not a pymdownx `Block`: a quiz is not Markdown to be parsed as a whole but lines
with a structure of their own (settings, a question, options marked `[x]`, explanations), and every author
mistake must be reported on its line. The parser that reports problems is therefore the one that cuts the
quiz for rendering, so the check and the page can never disagree about what a quiz is. The `/// mentor` block
reaches the same guarantee the other way round (see `feedback.mentorblock`): its content is plain Markdown,
which pymdownx parses, and the shared scanner `core.mdscan` checks beforehand every case where pymdownx
would fall back to printing it.

Nothing is kept on the `Markdown` instance or changed in the extension's configuration per page: the MkDocs
plugin hands in a `ParseCache` (the parse its check already made) and adds the page's summary itself, from
the page it is given.
"""

from __future__ import annotations

import secrets
import xml.etree.ElementTree as etree
from urllib.parse import urlsplit

from markdown import Extension, Markdown
from markdown.blockprocessors import BlockProcessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from ..core.fieldtypes import SAFE_SCHEMES
from ..core.i18n import Translator, translator
from .parse import ParseCache, Quiz
from .render import QuizRenderer

# Preprocessors a quiz's text snippets still need (line endings, fenced code); not html_block: no raw HTML.
SNIPPET_PREPROCESSORS = ("normalize_whitespace", "fenced_code_block", "fenced_raw_block")


class QuizExtension(Extension):
    def __init__(self, parsed: ParseCache | None = None, **kwargs) -> None:
        self.config = {
            "language": ["en", "Language of the quiz buttons and messages (any key of the translation table)."],
            "summary": [True, "Add the self-check summary (score, retry, reset) after the page's content."],
            "page_url": ["", "With 'summary': the page's site-root-relative URL, which names its saved answers."],
        }
        super().__init__(**kwargs)
        self.parsed = parsed if parsed is not None else ParseCache()

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        t = translator(self.getConfig("language"))
        page = _Page()
        # 35: before normalize_whitespace (30) and every stash, so line numbers are those of the source
        md.preprocessors.register(_FindQuizzes(md, page, self.parsed), "smartshare_quiz", 35)
        md.parser.blockprocessors.register(_RenderQuiz(md.parser, page, t), "smartshare_quiz", 105)
        summary_url = self.getConfig("page_url") if self.getConfig("summary") else None
        # 4: after inline processing (20) and the table of contents (5), on the finished tree
        md.treeprocessors.register(_FinishPage(md, page, t, summary_url), "smartshare_quiz", 4)


class _Page:
    """The quizzes of the page one `Markdown` instance is converting (MkDocs makes an instance per page)."""

    def __init__(self) -> None:
        self.quizzes: list[Quiz] = []
        self.marker = f"smartshare-quiz-{secrets.token_hex(6)}-"
        self.elements: list[etree.Element] = []

    def placeholder(self, index: int) -> str:
        return f"{self.marker}{index}"


class _FindQuizzes(Preprocessor):
    def __init__(self, md: Markdown, page: _Page, parsed: ParseCache) -> None:
        super().__init__(md)
        self.page = page
        self.parsed = parsed

    def run(self, lines: list[str]) -> list[str]:
        quizzes = self.parsed.take("\n".join(lines))
        self.page.quizzes, self.page.elements = quizzes, []
        for number, quiz in reversed(list(enumerate(quizzes))):
            lines[quiz.line - 1 : quiz.end_line] = ["", self.page.placeholder(number), ""]
        return lines


class _RenderQuiz(BlockProcessor):
    def __init__(self, parser, page: _Page, t: Translator) -> None:
        super().__init__(parser)
        self.page = page
        self.renderer = QuizRenderer(self._parse_into, t)

    def test(self, parent: etree.Element, block: str) -> bool:
        return block.strip().startswith(self.page.marker)

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        block = blocks.pop(0).strip()
        index = int(block[len(self.page.marker) :].split()[0])
        element = self.renderer.quiz(self.page.quizzes[index])
        parent.append(element)
        self.page.elements.append(element)

    def _parse_into(self, parent: etree.Element, text: str) -> None:
        lines = text.split("\n")
        for name in SNIPPET_PREPROCESSORS:
            if name in self.parser.md.preprocessors:
                lines = self.parser.md.preprocessors[name].run(lines)
        self.parser.parseChunk(parent, "\n".join(lines))


class _FinishPage(Treeprocessor):
    def __init__(self, md: Markdown, page: _Page, t: Translator, summary_url: str | None) -> None:
        super().__init__(md)
        self.page = page
        self.t = t
        self.summary_url = summary_url

    def run(self, root: etree.Element) -> None:
        for element in self.page.elements:
            _drop_unsafe_links(element)
        if self.page.elements and self.summary_url is not None:
            root.append(QuizRenderer(lambda parent, text: None, self.t).summary(self.summary_url))


def _drop_unsafe_links(element: etree.Element) -> None:
    """A `javascript:` link in a quiz would run on click: keep only the site's own and safe-scheme links."""
    for node in element.iter():
        for attribute in ("href", "src"):
            value = node.get(attribute)
            if value is not None and urlsplit(value.strip()).scheme.lower() not in ("", *SAFE_SCHEMES):
                del node.attrib[attribute]


def makeExtension(**kwargs) -> QuizExtension:
    return QuizExtension(**kwargs)
