"""Build the HTML of one parsed quiz as an ElementTree, letting Markdown parse every snippet of text.

The markup works without JavaScript: the question and options are readable and the answer key sits in a
`<details class="smartshare-quiz__answer">` ("Show answer"). quiz.js adds checking, scores and storage.
"""

from __future__ import annotations

import html
import json
import re
import secrets
import xml.etree.ElementTree as etree
from collections.abc import Callable
from typing import Protocol

from markdown.serializers import to_html_string
from markdown.util import AtomicString

from ..core.frames import replace_frames
from ..core.i18n import Translator
from ..core.mdscan import code_spans, scan
from .parse import Quiz

# Quiz text is Markdown without raw HTML: a tag typed in a question is shown, never run.
_TAG_START = re.compile(r"<(?=[A-Za-z/!?])")
_AUTOLINK = re.compile(r"<(?:https?|ftp|mailto):[^<>\s]*>|<[^<>\s@]+@[^<>\s@]+>")

ParseInto = Callable[[etree.Element, str], None]


class InlineCopies(Protocol):
    """Where the page's Markdown can fill an element with a copy of another's content once the inline patterns have
    run (`quiz.extension`): `accepts` says whether a text gives the same markup however often it is processed."""

    def accepts(self, text: str) -> bool: ...

    def add(self, source: etree.Element, target: etree.Element) -> None: ...


# A line that Markdown could read as a block (heading, list, quote, code, table, admonition, reference, HTML…).
_BLOCK_START = re.compile(r"^(?: {4}|\s*(?:[#>*+|:=~`!?/<-]|\d+[.)]|\[[^\]]*\]:))")


def escape_raw_html(text: str) -> str:
    """Turn `<tag` into `&lt;tag` outside code (blocks and spans) and autolinks.

    A text without `<` (most options and explanations) has nothing to escape, and one without a carriage return
    too loses none (`scan` drops each line's last one): it is given back as it is, without a scan of its lines."""
    if "<" not in text and "\r" not in text:
        return text
    return _escape_lines(text)


def _escape_lines(text: str) -> str:
    out = []
    for line, is_code in scan(text.split("\n")):
        if is_code:
            out.append(line)
            continue
        kept = sorted(code_spans(line) + [match.span() for match in _AUTOLINK.finditer(line)])
        pieces, position = [], 0
        for start, end in kept:
            if start < position:
                continue  # an autolink inside a code span
            pieces += [_TAG_START.sub("&lt;", line[position:start]), line[start:end]]
            position = end
        out.append("".join(pieces) + _TAG_START.sub("&lt;", line[position:]))
    return "\n".join(out)


DEFAULT_TRIES = 3  # wrong tries after which a question's answer key shows unasked (the quiz plugin's `tries`)


class QuizRenderer:
    def __init__(self, parse_into: ParseInto, t: Translator, copies: InlineCopies | None = None) -> None:
        self.parse_into = parse_into
        self.t = t
        self.copies = copies
        self._option_spans: dict[int, etree.Element] = {}  # the quiz's options as shown, by index (`_options`)

    def quiz(self, quiz: Quiz) -> etree.Element:
        root = etree.Element("div", {"class": "smartshare-quiz", "id": quiz.id, "data-smartshare-quiz": quiz.id})
        root.set("data-version", quiz.version)
        root.set("data-kind", quiz.kind)
        root.set("data-key", json.dumps(self._key(quiz), ensure_ascii=False))
        fieldset = etree.SubElement(root, "fieldset", {"class": "smartshare-quiz__fieldset"})
        self._question(fieldset, quiz)
        if quiz.kind == "text":
            self._text_input(fieldset, quiz)
        else:
            self._options(fieldset, quiz)
        if quiz.hint:
            hint = etree.SubElement(root, "details", {"class": "smartshare-quiz__hint"})
            etree.SubElement(hint, "summary").text = self._label("quiz.hint")
            self._markdown(hint, quiz.hint)
        self._actions(root)
        # focus moves here after "Check" (the button disappears), so it can hold focus without being a tab stop
        etree.SubElement(root, "p", {"class": "smartshare-quiz__result", "role": "status", "tabindex": "-1"})
        self._answer(root, quiz)
        return root

    def summary(self, page_url: str, tries: int = DEFAULT_TRIES) -> etree.Element:
        """The page's score line and its controls; hidden until quiz.js fills it in.

        `page_url` (site-root-relative) names the learner's saved answers; after `tries` wrong tries quiz.js shows
        a question's answer key unasked.
        """
        summary = etree.Element(
            "div", {"class": "smartshare-quiz-summary", "data-smartshare-page": page_url, "hidden": "hidden"}
        )
        etree.SubElement(summary, "p", {"class": "smartshare-quiz-summary__score", "role": "status"})
        actions = etree.SubElement(summary, "p", {"class": "smartshare-quiz__actions"})
        self._button(actions, "missed", "quiz.retry_missed", hidden=True)
        self._button(actions, "reset", "quiz.reset")
        summary.append(strings_element(strings_json(self.t, tries)))
        return summary

    # -- parts -------------------------------------------------------------------------------------------

    def _markdown(self, parent: etree.Element, text: str) -> None:
        text = escape_raw_html(text)
        if "\n" not in text.strip() and not _BLOCK_START.match(text):
            # most options and explanations are one plain line: a paragraph, as the block parser would make it
            # (inline Markdown is still applied to it with the rest of the page), without its cost
            etree.SubElement(parent, "p").text = text.strip()
            return
        self.parse_into(parent, text)

    def _inline(self, parent: etree.Element, text: str) -> None:
        """Parse `text` and, when it is one paragraph, keep only its inline content (for labels and legends)."""
        holder = etree.Element("div")
        self._markdown(holder, text)
        children = list(holder)
        if len(children) == 1 and children[0].tag == "p":
            _move_content(children[0], parent)
        else:
            _move_content(holder, parent)

    def _question(self, fieldset: etree.Element, quiz: Quiz) -> None:
        legend = etree.SubElement(fieldset, "legend", {"class": "smartshare-quiz__question"})
        holder = etree.Element("div")
        self._markdown(holder, quiz.question)
        blocks = list(holder)
        if blocks and blocks[0].tag == "p":
            _move_content(blocks.pop(0), legend)  # a legend holds phrasing content: the first paragraph
        else:
            legend.text = self._label("quiz.question", number=quiz.index)
        if blocks:
            rest = etree.SubElement(fieldset, "div", {"class": "smartshare-quiz__details"})
            rest.extend(blocks)
        if quiz.kind == "multiple" and not says_select_all(quiz.question, self.t("quiz.select_all")):
            instruction = etree.SubElement(fieldset, "p", {"class": "smartshare-quiz__instruction"})
            instruction.text = self._label("quiz.select_all")

    def _options(self, fieldset: etree.Element, quiz: Quiz) -> None:
        kind = "checkbox" if quiz.kind == "multiple" else "radio"
        options = etree.SubElement(fieldset, "ul", {"class": "smartshare-quiz__options"})
        for index, option in quiz.ordered_options():
            item = etree.SubElement(options, "li", {"class": "smartshare-quiz__option"})
            label = etree.SubElement(item, "label")
            etree.SubElement(label, "input", {"type": kind, "name": f"smartshare-{quiz.id}", "value": str(index)})
            span = self._option_spans[index] = etree.SubElement(label, "span")
            self._inline(span, option.text)

    def _text_input(self, fieldset: etree.Element, quiz: Quiz) -> None:
        label = etree.SubElement(fieldset, "label", {"class": "smartshare-quiz__label"})
        etree.SubElement(label, "span").text = self._label("quiz.your_answer")
        attributes = {"type": "text", "name": f"smartshare-{quiz.id}", "autocomplete": "off", "spellcheck": "false"}
        etree.SubElement(label, "input", attributes)

    def _actions(self, root: etree.Element) -> None:
        actions = etree.SubElement(root, "p", {"class": "smartshare-quiz__actions", "hidden": "hidden"})
        self._button(actions, "check", "quiz.check")
        self._button(actions, "retry", "quiz.try_again", hidden=True)
        self._button(actions, "reveal", "quiz.reveal", hidden=True)

    def _button(self, parent: etree.Element, action: str, key: str, hidden: bool = False) -> None:
        attributes = {"type": "button", "class": "md-button", "data-action": action}
        if hidden:
            attributes["hidden"] = "hidden"
        etree.SubElement(parent, "button", attributes).text = self._label(key)

    def _label(self, key: str, **values: object) -> AtomicString:
        """A string of the translation table, shown as written: the page's inline Markdown (emphasis, emoji,
        abbreviations…) never rewrites a button or a label, and skipping it saves the inline patterns' work on a
        dozen strings per quiz (each option's own text is still parsed)."""
        return AtomicString(self.t(key, **values))

    def _answer(self, root: etree.Element, quiz: Quiz) -> None:
        answer = etree.SubElement(root, "details", {"class": "smartshare-quiz__answer"})
        etree.SubElement(answer, "summary").text = self._label("quiz.show_answer")
        if quiz.kind == "text":
            line = etree.SubElement(answer, "p")
            etree.SubElement(line, "strong").text = self._label("quiz.accepted_answers")
            etree.SubElement(line, "span").text = " " + ", ".join(a.text for a in quiz.accepted if a.text)
        else:
            key = etree.SubElement(answer, "ul", {"class": "smartshare-quiz__key"})
            for index, option in quiz.ordered_options():
                item = etree.SubElement(
                    key, "li", {"class": "is-correct" if option.correct else "is-incorrect", "data-index": str(index)}
                )
                mark = etree.SubElement(item, "strong")
                mark.text = self._label("quiz.correct_option" if option.correct else "quiz.incorrect_option")
                mark.tail = AtomicString(" ")  # no inline pattern reads a lone space: not handed to them all
                self._key_option(etree.SubElement(item, "span"), index, option.text)
                if option.explanation:
                    self._markdown(etree.SubElement(item, "div", {"class": "smartshare-quiz__why"}), option.explanation)
        if quiz.explanation.strip():
            self._markdown(etree.SubElement(answer, "div", {"class": "smartshare-quiz__explanation"}), quiz.explanation)

    def _key_option(self, span: etree.Element, index: int, text: str) -> None:
        """The answer key repeats each option: where the page's inline patterns would make the same markup of its
        text a second time, the option's finished content is copied instead of processed again."""
        shown = self._option_spans.get(index)
        if shown is not None and self.copies is not None and self.copies.accepts(text):
            self.copies.add(shown, span)
        else:
            self._inline(span, text)

    def _key(self, quiz: Quiz) -> list:
        if quiz.kind == "text":
            return [[a.normalized, a.number, a.tolerance] for a in quiz.accepted if a.text]
        return [index for index, option in enumerate(quiz.options) if option.correct]


STRING_KEYS = ("right", "wrong", "choose_first", "type_first", "score", "progress", "to_retry", "your_choice")


def strings_json(t: Translator, tries: int = DEFAULT_TRIES) -> str:
    """The few strings quiz.js writes itself, and after how many wrong tries it shows the key, as JSON.

    Not a `<script type="application/json">`: the theme's instant navigation re-runs every script of the content.
    """
    strings = {key: t(f"quiz.{key}") for key in STRING_KEYS}
    return json.dumps({**strings, "tries": tries}, ensure_ascii=False)


#: a page address the serializer writes as it is (it escapes `&`, `<`, `>` and `"` in an attribute)
_PLAIN_URL = re.compile(r'[^&<>"]*')


class SummaryHtml:
    """The page's summary as `to_html_string(QuizRenderer(...).summary(page_url, tries))` writes it, serialised once a
    build: the score line, the buttons and the strings are the same on every page, only the page's address differs.
    """

    def __init__(self, t: Translator, tries: int) -> None:
        self.t, self.tries = t, tries
        self._around: list[str] | None = None  # the summary before and after its page address

    def html(self, page_url: str) -> str:
        if self._around is None:
            # a nonce no string of the translation table holds stands for the address
            token = f"smartshare-page-{secrets.token_hex(8)}"
            self._around = self._serialised(token).split(token)
        if len(self._around) != 2 or not _PLAIN_URL.fullmatch(page_url):  # escaped: written as the serializer would
            return self._serialised(page_url)
        return page_url.join(self._around)

    def _serialised(self, page_url: str) -> str:
        return to_html_string(QuizRenderer(lambda parent, text: None, self.t).summary(page_url, self.tries))


def says_select_all(question: str, instruction: str) -> bool:
    """Whether the author already wrote the instruction ("Select all that apply.") in the question."""
    words = instruction.strip().rstrip(".!。！").casefold()  # Chinese and Japanese end with full-width stops
    return bool(words) and words in " ".join(question.split()).casefold()


def strings_element(text: str) -> etree.Element:
    return etree.Element("div", {"hidden": "hidden", "data-smartshare-quiz-strings": text})


def strings_html(t: Translator) -> str:
    return f'<div hidden data-smartshare-quiz-strings="{html.escape(strings_json(t), quote=True)}"></div>'


_ANSWER_KEY = re.compile(r'<details class="smartshare-quiz__answer">|</?details\b')


def shows_quiz(html: str) -> bool:
    """Whether a page's HTML holds a quiz rendered elsewhere (a module's mentor sheet shows the module's HTML)."""
    return '<div class="smartshare-quiz" ' in html


def hold_answer_keys(html: str, hold: Callable[[str], str]) -> str:
    """Replace each answer key by what `hold` returns: keys repeat the options, search has no use for them.

    Explanations may hold a `<details>` of their own, so the key ends at the `</details>` that balances it.
    """
    parts, position = [], 0
    while (start := html.find('<details class="smartshare-quiz__answer">', position)) >= 0:
        depth, end = 0, start
        for tag in _ANSWER_KEY.finditer(html, start):
            depth += -1 if tag.group(0) == "</details" else 1
            if depth == 0:
                end = html.index(">", tag.end()) + 1
                break
        else:
            break  # unbalanced: leave the rest as it is
        parts += [html[position:start], hold(html[start:end])]
        position = end
    return "".join(parts) + html[position:]


# What search leaves out of a quiz, as `QuizRenderer` writes it (README, "What search finds in a quiz"). Each is a
# frame of fixed markup (`core.frames`); author text cannot write one (quiz text is Markdown without raw HTML).
#: the instruction a multiple choice adds ("Select all that apply."), in the fieldset between question and options
_INSTRUCTION = ('<p class="smartshare-quiz__instruction">', "</p>")
#: a short answer's label ("Your answer") and its field
_ANSWER_FIELD = ('<label class="smartshare-quiz__label">', "</label>")
#: after the question and options: the hint, the buttons and the live region, up to the answer key (held already)
_CONTROLS = ("</fieldset>", '<p class="smartshare-quiz__result" role="status" tabindex="-1"></p>')
_CONTROLS_START = ('\n<details class="smartshare-quiz__hint">', '\n<p class="smartshare-quiz__actions" ')
#: the page's score line, its buttons and the strings quiz.js writes (`QuizRenderer.summary`, `strings_element`)
_SUMMARY = ('<div class="smartshare-quiz-summary" ', "</div></div>")  # the strings' div closes it


def hold_unsearched(html: str, hold: Callable[[str], str]) -> str:
    """`html` with what search has no use for in its quizzes replaced by what `hold` returns: the interface's
    strings (instruction, labels, buttons, live regions, the page's summary) and the hint. The question and the
    options stay, as a learner reads them before answering; the answer keys are held already (`hold_answer_keys`).
    """
    if '<div class="smartshare-quiz' not in html:
        return html

    def framed(opening: str, closing: str, starts: tuple[str, ...] = ("",)) -> Callable[[str], str | None]:
        def held(inside: str) -> str | None:
            # a comment is no quiz's (its text has no raw HTML): another plugin's held HTML (`LateHtml`), left whole
            if "<!--" in inside or not inside.startswith(starts):
                return None
            return hold(opening + inside + closing)

        return held

    for opening, closing in (_INSTRUCTION, _ANSWER_FIELD, _SUMMARY):
        html = replace_frames(html, opening, closing, framed(opening, closing))
    opening, closing = _CONTROLS
    held_controls = framed("", closing, _CONTROLS_START)

    def controls(inside: str) -> str | None:  # the fieldset's end stays: it closes the question
        text = held_controls(inside)
        return None if text is None else opening + text

    return replace_frames(html, opening, closing, controls)


def _move_content(source: etree.Element, target: etree.Element) -> None:
    """Move the text and children of `source` to the end of `target`."""
    if source.text:
        last = target[-1] if len(target) else None
        if last is not None:
            last.tail = (last.tail or "") + source.text
        else:
            target.text = (target.text or "") + source.text
    for child in list(source):
        target.append(child)
