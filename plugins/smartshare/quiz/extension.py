"""`smartshare.quiz.extension`: the `/// quiz` block as a Python-Markdown extension, usable without MkDocs.

    markdown.markdown(text, extensions=["smartshare.quiz.extension"])

A preprocessor finds quizzes with the shared line-based parser (`parse.find_quizzes`, also used by
`smartshare check`), stores them and leaves a placeholder paragraph; a block processor renders each
placeholder, parsing its text snippets with the page's own Markdown so every extension applies. Problems
found while rendering are kept on `md.smartshare_quiz_issues`; the MkDocs plugin reports them with paths.
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
from ..core.i18n import Translator
from .parse import Quiz, find_quizzes
from .render import QuizRenderer, strings_json

# Preprocessors a quiz's text snippets still need (line endings, fenced code); not html_block: no raw HTML.
SNIPPET_PREPROCESSORS = ("normalize_whitespace", "fenced_code_block", "fenced_raw_block")


class QuizExtension(Extension):
    def __init__(self, **kwargs) -> None:
        self.config = {
            "language": ["en", "Language of the quiz buttons and messages (any key of the translation table)."],
            "page_url": ["", "Site-root-relative URL of the page: names the learner's saved answers."],
            "summary": [True, "Add the self-check summary (score, retry, reset) after the page's content."],
            "tries": [3, "Wrong tries after which the answer key is shown without being asked for."],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        state = _PageState(md)
        md.smartshare_quiz_state = state
        # 35: before normalize_whitespace (30) and every stash, so line numbers are those of the source
        md.preprocessors.register(_FindQuizzes(md, state), "smartshare_quiz", 35)
        md.parser.blockprocessors.register(_RenderQuiz(md.parser, state, self), "smartshare_quiz", 105)
        # 4: after inline processing (20) and the table of contents (5), on the finished tree
        md.treeprocessors.register(_FinishPage(md, state, self), "smartshare_quiz", 4)

    def reset(self) -> None:
        pass  # state lives on each Markdown instance and is reset by the preprocessor


class _PageState:
    def __init__(self, md: Markdown) -> None:
        self.md = md
        self.quizzes: list[Quiz] = []
        self.marker = f"smartshare-quiz-{secrets.token_hex(6)}-"
        self.elements: list[etree.Element] = []

    def placeholder(self, index: int) -> str:
        return f"{self.marker}{index}"


class _FindQuizzes(Preprocessor):
    def __init__(self, md: Markdown, state: _PageState) -> None:
        super().__init__(md)
        self.state = state

    def run(self, lines: list[str]) -> list[str]:
        quizzes = find_quizzes("\n".join(lines))
        self.state.quizzes, self.state.elements = quizzes, []
        self.md.smartshare_quiz_issues = [issue for quiz in quizzes for issue in quiz.issues]
        for number, quiz in reversed(list(enumerate(quizzes))):
            lines[quiz.line - 1 : quiz.end_line] = ["", self.state.placeholder(number), ""]
        return lines


class _RenderQuiz(BlockProcessor):
    def __init__(self, parser, state: _PageState, extension: QuizExtension) -> None:
        super().__init__(parser)
        self.state = state
        self.extension = extension

    def test(self, parent: etree.Element, block: str) -> bool:
        return block.strip().startswith(self.state.marker)

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        block = blocks.pop(0).strip()
        index = int(block[len(self.state.marker) :].split()[0])
        renderer = QuizRenderer(
            self._parse_into, Translator(self.extension.getConfig("language")), self.extension.getConfig("page_url")
        )
        element = renderer.quiz(self.state.quizzes[index])
        parent.append(element)
        self.state.elements.append(element)

    def _parse_into(self, parent: etree.Element, text: str) -> None:
        lines = text.split("\n")
        for name in SNIPPET_PREPROCESSORS:
            if name in self.parser.md.preprocessors:
                lines = self.parser.md.preprocessors[name].run(lines)
        self.parser.parseChunk(parent, "\n".join(lines))


class _FinishPage(Treeprocessor):
    def __init__(self, md: Markdown, state: _PageState, extension: QuizExtension) -> None:
        super().__init__(md)
        self.state = state
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        for element in self.state.elements:
            _drop_unsafe_links(element)
        if self.state.elements and self.extension.getConfig("summary"):
            t = Translator(self.extension.getConfig("language"))
            renderer = QuizRenderer(lambda parent, text: None, t, self.extension.getConfig("page_url"))
            root.append(renderer.summary(strings_json(t, self.extension.getConfig("tries"))))


def _drop_unsafe_links(element: etree.Element) -> None:
    """A `javascript:` link in a quiz would run on click: keep only the site's own and safe-scheme links."""
    for node in element.iter():
        for attribute in ("href", "src"):
            value = node.get(attribute)
            if value is not None and urlsplit(value.strip()).scheme.lower() not in ("", *SAFE_SCHEMES):
                del node.attrib[attribute]


def makeExtension(**kwargs) -> QuizExtension:
    return QuizExtension(**kwargs)
