"""`smartshare.quiz.extension`: the `/// quiz` block as a Python-Markdown extension, usable without MkDocs.

    markdown.markdown(text, extensions=["smartshare.quiz.extension"])

Quizzes are found by the shared line-based parser (`parse.find_quizzes`, the one `smartshare check` reports
problems with) and rendered through Smartshare's block mechanism (`markdownblocks`, shared with `/// mentor`),
each text snippet parsed by the page's own Markdown so every extension applies.

Nothing is kept on the `Markdown` instance or changed in the extension's configuration per page: the MkDocs
plugin hands in a `ParseCache` (the parse its check already made) and adds the page's summary itself, from the
page it is given.
"""

from __future__ import annotations

import copy
import xml.etree.ElementTree as etree
from urllib.parse import urlsplit

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

from ..core.fieldtypes import SAFE_SCHEMES
from ..core.i18n import Translator
from ..markdownblocks import QUIZ_PRIORITY, FoundBlock, PageBlocks, ParseInto, preprocessors_named, register_blocks
from .parse import NAME, ParseCache, Quiz
from .render import DEFAULT_TRIES, QuizRenderer

#: modules whose inline patterns make the same markup of a text each time they read it (Python-Markdown 3.11,
#: pymdown-extensions 10-13, read for this): on a page whose patterns all come from these, an option's finished text
#: is copied into its answer key. Footnotes number each reference to a note (`fnref:1`, then `fnref2:1`): a text
#: that may hold one (`[^`) is processed twice, as it is on a page with a pattern of another module.
STATELESS_INLINE = frozenset(
    [
        "markdown.inlinepatterns",
        "markdown.extensions.footnotes",
        "pymdownx.arithmatex",
        "pymdownx.delimiterprocessor",
        "pymdownx.emoji",
        "pymdownx.inlinehilite",
        "pymdownx.keys",
    ]
)

# Preprocessors a quiz's text snippets still need (line endings, fenced code); not html_block: no raw HTML.
SNIPPET_PREPROCESSORS = ("normalize_whitespace", "fenced_code_block", "fenced_raw_block")


class QuizExtension(Extension):
    def __init__(self, parsed: ParseCache | None = None, **kwargs) -> None:
        self.config = {
            "language": ["en", "Language of the quiz buttons and messages (any key of the translation table)."],
            "summary": [True, "Add the self-check summary (score, retry, reset) after the page's content."],
            "page_url": ["", "With 'summary': the page's site-root-relative URL, which names its saved answers."],
            "tries": [DEFAULT_TRIES, "With 'summary': wrong tries after which a question's key shows unasked."],
        }
        super().__init__(**kwargs)
        self.parsed = parsed if parsed is not None else ParseCache()

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        t = Translator(self.getConfig("language"))
        copies = _InlineCopies(md)
        # right after inline processing (20), before pymdown-extensions' blocks finish (19.99) and every other
        # tree processor: each copy then goes through them as a second rendering of the text would
        md.treeprocessors.register(copies, "smartshare_quiz_copies", 19.995)
        blocks = register_blocks(
            md, _QuizBlocks(self.parsed, t, copies), QUIZ_PRIORITY, preprocessors_named(*SNIPPET_PREPROCESSORS)
        )
        summary_url = self.getConfig("page_url") if self.getConfig("summary") else None
        # 4: after inline processing (20) and the table of contents (5), on the finished tree
        finish = _FinishPage(md, blocks, t, summary_url, self.getConfig("tries"))
        md.treeprocessors.register(finish, "smartshare_quiz", 4)


class _QuizBlocks:
    name = NAME

    def __init__(self, parsed: ParseCache, t: Translator, copies: _InlineCopies) -> None:
        self.parsed = parsed
        self.t = t
        self.copies = copies

    def find(self, lines: list[str]) -> list[FoundBlock]:
        return [FoundBlock(quiz.line, quiz.end_line, quiz) for quiz in self.parsed.take("\n".join(lines))]

    def render(self, quiz: Quiz, parse_into: ParseInto) -> etree.Element:
        return QuizRenderer(parse_into, self.t, self.copies).quiz(quiz)


class _InlineCopies(Treeprocessor):
    """Fills each answer key's option with a copy of the option's content as the inline patterns left it
    (`render.InlineCopies`): the same markup as processing the text again (see STATELESS_INLINE), for less."""

    def __init__(self, md: Markdown) -> None:
        super().__init__(md)
        self.pending: list[tuple[etree.Element, etree.Element]] = []  # of the page being converted

    def accepts(self, text: str) -> bool:
        return "[^" not in text and all(type(p).__module__ in STATELESS_INLINE for p in self.md.inlinePatterns)

    def add(self, source: etree.Element, target: etree.Element) -> None:
        self.pending.append((source, target))

    def run(self, root: etree.Element) -> None:
        pending, self.pending = self.pending, []
        for source, target in pending:
            target.text = source.text
            target.extend(copy.deepcopy(child) for child in source)


class _FinishPage(Treeprocessor):
    def __init__(self, md: Markdown, blocks: PageBlocks, t: Translator, summary_url: str | None, tries: int) -> None:
        super().__init__(md)
        self.blocks = blocks
        self.t = t
        self.summary_url = summary_url
        self.tries = tries

    def run(self, root: etree.Element) -> None:
        for element in self.blocks.elements:
            _drop_unsafe_links(element)
        if self.blocks.elements and self.summary_url is not None:
            root.append(QuizRenderer(lambda parent, text: None, self.t).summary(self.summary_url, self.tries))


def _drop_unsafe_links(element: etree.Element) -> None:
    """A `javascript:` link in a quiz would run on click: keep only the site's own and safe-scheme links.

    A dropped link keeps its text as a `<span>` (an image, its alt text): MkDocs expects every `<a>` to have an
    `href` and every `<img>` a `src`. A link too malformed to read (`http://[`) is dropped too; the link check
    reports it at its line.
    """
    for node in element.iter():
        for attribute in ("href", "src"):
            value = node.get(attribute)
            if value is not None and not _is_safe_link(value):
                del node.attrib[attribute]
                if node.tag in ("a", "img"):
                    if node.tag == "img" and node.get("alt"):
                        node.text = node.get("alt")
                    node.tag = "span"
                    node.attrib.clear()


def _is_safe_link(value: str) -> bool:
    try:
        scheme = urlsplit(value.strip()).scheme
    except ValueError:  # "Invalid IPv6 URL"
        return False
    return scheme.lower() in ("", *SAFE_SCHEMES)


def makeExtension(**kwargs) -> QuizExtension:
    return QuizExtension(**kwargs)
