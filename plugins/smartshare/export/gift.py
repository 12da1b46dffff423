"""GIFT question banks: Moodle's plain-text format, Markdown kept as Markdown (`[markdown]`).

Every text is escaped as Moodle's GIFT reader unescapes it: a backslash before `~ = # { } :` and before a
backslash, and line breaks as `\\n`, so code blocks survive and a blank line never ends a question early.
"""

from __future__ import annotations

import re

from .moodlexml import category_path
from .questions import Bank, Question, format_fraction

_SPECIAL = re.compile(r"([\\~=#{}:])")
_IMAGE = re.compile(r"!\[[^\]]*\]\(([^)\s]+)")


def escape(text: str) -> str:
    return _SPECIAL.sub(r"\\\1", text.replace("\r\n", "\n")).replace("\n", "\\n")


def write(bank: Bank) -> str:
    parts: list[str] = []
    category: list[str] | None = None
    for question in bank.questions:
        if question.category != category:
            category = question.category
            parts.append(f"$CATEGORY: {category_path(category)}\n")
        _check(question, bank)
        parts.append(_question(question))
    return "\n".join(parts)


def _question(question: Question) -> str:
    head = f"::{escape(question.name)}::[markdown]{escape(question.text)}"
    lines = [head + " {"]
    if question.kind == "truefalse":
        right = question.answers[0].fraction > 0
        wrong_feedback = question.answers[1 if right else 0].feedback
        right_feedback = question.answers[0 if right else 1].feedback
        # `{T#feedback if answered wrongly#feedback if answered rightly}`
        lines[0] = head + " {" + ("TRUE" if right else "FALSE")
        lines[0] += f"#{escape(wrong_feedback)}#{escape(right_feedback)}"
    elif question.kind == "numerical":
        lines[0] = head + " {#"
        for answer in question.answers:
            lines.append(f"\t={answer.text}:{answer.tolerance or 0:g}")
    else:
        for answer in question.answers:
            lines.append("\t" + _answer(question, answer))
    if question.general_feedback:
        lines.append(f"\t####{escape(question.general_feedback)}")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _answer(question: Question, answer) -> str:
    if question.kind == "shortanswer" or (question.single and answer.fraction in (0, 100)):
        sign = "=" if answer.fraction > 0 else "~"
    else:
        sign = f"~%{format_fraction(answer.fraction)}%"
    text = sign + escape(answer.text)
    return text + (f" #{escape(answer.feedback)}" if answer.feedback else "")


def _check(question: Question, bank: Bank) -> None:
    """What GIFT cannot carry, said at the quiz's line."""
    if question.hint:
        bank.problems.warning(
            question.path,
            question.line,
            1,
            "export-gift-hint",
            "GIFT has no hints: this quiz's hint is left out of the GIFT export",
            "use 'smartshare export moodle-xml', which keeps hints",
        )
    texts = [question.text, question.general_feedback] + [a.text + "\n" + a.feedback for a in question.answers]
    for src in (m.group(1) for t in texts for m in _IMAGE.finditer(t)):
        bank.problems.warning(
            question.path,
            question.line,
            1,
            "export-gift-image",
            f"GIFT cannot carry image files: '{src}' will not show in the LMS",
            "use 'smartshare export moodle-xml', which embeds images",
        )
