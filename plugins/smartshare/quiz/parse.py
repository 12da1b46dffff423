"""The one line-based reader of `/// quiz` blocks, shared by the Markdown extension and `smartshare check`.

It never imports Markdown or MkDocs: it cuts the quiz into Markdown snippets (question, options, explanations,
hint) with the line each comes from, and records every author mistake as an `Issue` on the line it is on.
Lines are 1-based and relative to the text given; callers add the offset of that text in its file.
"""

from __future__ import annotations

import hashlib
import random
import re
import textwrap
import unicodedata
from dataclasses import dataclass, field

import yaml

from ..core.suggest import did_you_mean

# Same shapes as pymdown-extensions' blocks: `/// quiz` (3+ slashes), options indented 4+ spaces, `///` to close.
HEADER = re.compile(r"^[ ]{0,3}(/{3,})[ ]*quiz[ ]*(?:\|[ ]*(.*?)[ ]*)?$")
END = re.compile(r"^[ ]{0,3}(/{3,})[ ]*$")
OPTION_LINE = re.compile(r"^[ ]{4,}\S")
FENCE = re.compile(r"^[ ]{0,3}(`{3,}|~{3,})")
ITEM = re.compile(r"^([-*+])[ \t]+(.*)$|^([-*+])$")
CHOICE = re.compile(r"^\[([ xX])\](?:[ \t]+(.*))?$")
ACCEPTED = re.compile(r"^=(?:[ \t]+(.*))?$")
NUMBER = re.compile(r"^(-?\d+(?:[.,]\d+)?)(?:\s*(?:±|\+/-)\s*(\d+(?:[.,]\d+)?))?$")
ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")
OPTIONS = {"id": str, "multiple": bool, "shuffle": bool, "hint": str}


@dataclass(frozen=True)
class Issue:
    line: int
    column: int
    code: str
    message: str
    hint: str = ""


@dataclass
class Choice:
    text: str
    correct: bool
    explanation: str
    line: int


@dataclass
class Accepted:
    text: str
    line: int
    number: float | None = None
    tolerance: float = 0.0

    @property
    def normalized(self) -> str:
        return normalize_answer(self.text)


@dataclass
class Quiz:
    line: int  # the `/// quiz` line
    end_line: int  # the closing `///` line (the last line when unclosed)
    index: int  # 1-based place on the page
    options: dict = field(default_factory=dict)
    option_lines: dict = field(default_factory=dict)  # option name -> line
    question: str = ""
    question_line: int = 0
    choices: list[Choice] = field(default_factory=list)
    accepted: list[Accepted] = field(default_factory=list)
    explanation: str = ""
    issues: list[Issue] = field(default_factory=list)

    @property
    def id(self) -> str:
        return str(self.options.get("id") or f"quiz-{self.index}")

    @property
    def kind(self) -> str:
        if self.accepted and not self.choices:
            return "text"
        if self.options.get("multiple") or sum(c.correct for c in self.choices) > 1:
            return "multiple"
        return "single"

    @property
    def hint(self) -> str:
        return str(self.options.get("hint") or "")

    @property
    def version(self) -> str:
        """Changes when the question, its options or its answers change: stored answers to the old one are dropped."""
        parts = [self.kind, self.question.strip()]
        parts += [f"{c.correct}:{c.text.strip()}" for c in self.choices]
        parts += [a.text.strip() for a in self.accepted]
        return hashlib.sha1("\n".join(parts).encode("utf-8")).hexdigest()[:10]

    def ordered_choices(self, seed: str) -> list[tuple[int, Choice]]:
        """Options in display order: shuffled with a seed from page and id, so every visit sees the same order."""
        pairs = list(enumerate(self.choices))
        if self.options.get("shuffle"):
            random.Random(f"{seed}#{self.id}#{self.version}").shuffle(pairs)
        return pairs


def normalize_answer(text: str) -> str:
    """Case, accents and surrounding or repeated spaces do not count (quiz.js applies the same rule)."""
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return " ".join(stripped.lower().split())


def find_quizzes(text: str) -> list[Quiz]:
    """Every quiz of a Markdown text, outside fenced code, with its issues (duplicate ids included)."""
    lines = text.split("\n")
    quizzes: list[Quiz] = []
    fence: str | None = None
    number = 0
    while number < len(lines):
        line = lines[number].rstrip("\r")
        fence = _next_fence_state(fence, line)
        header = HEADER.match(line) if fence is None else None
        if header:
            quiz = _read_quiz(lines, number, header, len(quizzes) + 1)
            quizzes.append(quiz)
            number = quiz.end_line  # continue after the closing line (end_line is 1-based)
            continue
        number += 1
    _check_duplicate_ids(quizzes)
    return quizzes


def count_quizzes(markdown: str) -> int:
    return len(find_quizzes(markdown))


def _next_fence_state(fence: str | None, line: str) -> str | None:
    match = FENCE.match(line)
    if not match:
        return fence
    marker = match.group(1)
    if fence is None:
        return marker
    closes = marker[0] == fence[0] and len(marker) >= len(fence) and not line.strip()[len(marker) :].strip()
    return None if closes else fence


def _read_quiz(lines: list[str], start: int, header: re.Match, index: int) -> Quiz:
    slashes = header.group(1)
    end = None
    fence: str | None = None
    for number in range(start + 1, len(lines)):
        line = lines[number].rstrip("\r")
        fence = _next_fence_state(fence, line)
        match = END.match(line) if fence is None else None
        if match and match.group(1) == slashes:
            end = number
            break
    quiz = Quiz(line=start + 1, end_line=(end if end is not None else len(lines) - 1) + 1, index=index)
    if end is None:
        quiz.issues.append(
            Issue(
                start + 1,
                1,
                "quiz-unclosed",
                "this quiz has no closing line",
                f"add a line '{slashes}' after its last line",
            )
        )
    if header.group(2):
        quiz.issues.append(
            Issue(
                start + 1,
                header.start(2) + 1,
                "quiz-argument",
                f"a quiz takes no argument after '|': '{header.group(2)}'",
                "put settings on indented lines under '/// quiz', e.g. '    id: my-question'",
            )
        )
    body_start = _read_options(quiz, lines, start + 1, quiz.end_line - 1 if end is not None else len(lines))
    _read_body(
        quiz, [line.rstrip("\r") for line in lines], body_start, quiz.end_line - 1 if end is not None else len(lines)
    )
    _validate(quiz)
    return quiz


def _read_options(quiz: Quiz, lines: list[str], first: int, stop: int) -> int:
    """Options are the indented lines right under the header, as in pymdown-extensions' blocks."""
    number = first
    while number < stop and OPTION_LINE.match(lines[number]):
        number += 1
    if number == first:
        return first
    text = textwrap.dedent("\n".join(lines[first:number]))
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = first + 1 + (mark.line if mark else 0)
        problem = getattr(error, "problem", None) or "not valid YAML"
        quiz.issues.append(
            Issue(
                line,
                5,
                "quiz-option-syntax",
                f"malformed quiz option: {problem}",
                "write one 'name: value' per line, indented by four spaces",
            )
        )
        return number
    if not isinstance(data, dict):
        quiz.issues.append(
            Issue(
                first + 1,
                5,
                "quiz-option-syntax",
                "malformed quiz option: expected 'name: value'",
                "write one 'name: value' per line, indented by four spaces",
            )
        )
        return number
    key_lines = {}
    for offset, raw in enumerate(lines[first:number]):
        key = raw.strip().split(":", 1)[0].strip()
        key_lines.setdefault(key, first + 1 + offset)
    for key, value in data.items():
        line = key_lines.get(str(key), first + 1)
        expected = OPTIONS.get(str(key))
        if expected is None:
            hint = did_you_mean(str(key), OPTIONS, "known options: " + ", ".join(OPTIONS))
            quiz.issues.append(Issue(line, 5, "quiz-unknown-option", f"unknown quiz option '{key}'", hint))
        elif expected is bool and not isinstance(value, bool):
            quiz.issues.append(
                Issue(line, 5, "quiz-option-type", f"quiz option '{key}' must be true or false, not '{value}'")
            )
        elif expected is str and (value is None or isinstance(value, (dict, list, bool))):
            quiz.issues.append(Issue(line, 5, "quiz-option-type", f"quiz option '{key}' must be text"))
        elif key == "id" and not ID.match(str(value)):
            quiz.issues.append(
                Issue(
                    line,
                    5,
                    "quiz-bad-id",
                    f"quiz id '{value}' may only use letters, digits, '-' and '_'",
                    "ids name the learner's saved answers: keep them short and stable",
                )
            )
        else:
            quiz.options[str(key)] = str(value) if expected is str else value
            quiz.option_lines[str(key)] = line
    return number


def _read_body(quiz: Quiz, lines: list[str], first: int, stop: int) -> None:
    """Question (before the list), options or accepted answers (the list), explanation (after it)."""
    question: list[str] = []
    explanation: list[str] = []
    items: list[tuple[int, str, list[str]]] = []  # (line, text after the bullet, continuation lines)
    state, fence = "question", None
    pending_blank = 0
    for number in range(first, stop):
        line = lines[number]
        was_fenced = fence is not None
        fence = _next_fence_state(fence, line)
        item = None if was_fenced or fence is not None else ITEM.match(line)  # a fenced "- x" is code, not an option
        if state == "question":
            if item:
                state = "list"
            else:
                question.append(line)
                continue
        if state == "list":
            if item:
                items.append((number + 1, (item.group(2) or "").strip(), []))
                pending_blank = 0
                continue
            if not line.strip():
                pending_blank += 1
                continue
            if line[:1] in (" ", "\t"):
                items[-1][2].extend([""] * pending_blank + [line])
                pending_blank = 0
                continue
            state = "explanation"
        explanation.append(line)
    quiz.question = "\n".join(question).strip("\n")
    quiz.explanation = "\n".join(explanation).strip("\n")
    quiz.question_line = first + 1
    for line, text, more in items:
        _read_item(quiz, line, text, textwrap.dedent("\n".join(more)).strip("\n"))


def _read_item(quiz: Quiz, line: int, text: str, more: str) -> None:
    choice = CHOICE.match(text)
    if choice:
        quiz.choices.append(Choice((choice.group(2) or "").strip(), choice.group(1) in "xX", more, line))
        return
    accepted = ACCEPTED.match(text)
    if accepted:
        answer = (accepted.group(1) or "").strip()
        quiz.accepted.append(Accepted(answer, line))
        number = NUMBER.match(answer.replace(" ", "")) if answer else None
        if number:
            quiz.accepted[-1].number = float(number.group(1).replace(",", "."))
            quiz.accepted[-1].tolerance = float((number.group(2) or "0").replace(",", "."))
        elif "±" in answer or "+/-" in answer:
            quiz.issues.append(
                Issue(
                    line,
                    3,
                    "quiz-bad-number",
                    f"'{answer}' is not a number with a tolerance",
                    "write it like '- = 90 ± 5' or '- = 90 +/- 5'",
                )
            )
        return
    quiz.issues.append(
        Issue(
            line,
            3,
            "quiz-bad-item",
            "a quiz list item must be an option or an accepted answer",
            "write '- [x] right option', '- [ ] wrong option' or '- = accepted answer'",
        )
    )


def _validate(quiz: Quiz) -> None:
    add = quiz.issues.append
    if not quiz.question.strip():
        add(
            Issue(
                quiz.line,
                1,
                "quiz-no-question",
                "this quiz has no question",
                "write the question on the lines before the options",
            )
        )
    if quiz.choices and quiz.accepted:
        add(
            Issue(
                quiz.accepted[0].line,
                3,
                "quiz-mixed",
                "a quiz has either options ('- [x]') or accepted answers ('- = …'), not both",
            )
        )
        return
    if not quiz.choices and not quiz.accepted:
        if not any(i.code == "quiz-bad-item" for i in quiz.issues):
            add(
                Issue(
                    quiz.line,
                    1,
                    "quiz-no-answers",
                    "this quiz has no options and no accepted answers",
                    "list options as '- [x] right' / '- [ ] wrong', or short answers as '- = answer'",
                )
            )
        return
    if quiz.accepted:
        _validate_short_answer(quiz)
    else:
        _validate_choices(quiz)


def _validate_short_answer(quiz: Quiz) -> None:
    for answer in quiz.accepted:
        if not answer.text:
            quiz.issues.append(
                Issue(answer.line, 3, "quiz-empty-answer", "empty accepted answer", "write the answer after '- = '")
            )
    if not any(a.text for a in quiz.accepted) and len(quiz.accepted) > 1:
        quiz.issues.append(
            Issue(
                quiz.line,
                1,
                "quiz-no-accepted-answer",
                "this short-answer quiz has no accepted answer",
                "write at least one '- = answer'",
            )
        )
    for name in ("multiple", "shuffle"):
        if name in quiz.options:
            quiz.issues.append(
                Issue(
                    quiz.option_lines[name],
                    5,
                    "quiz-option-unused",
                    f"'{name}' only applies to questions with options",
                    f"remove '{name}'",
                )
            )


def _validate_choices(quiz: Quiz) -> None:
    for choice in quiz.choices:
        if not choice.text:
            quiz.issues.append(
                Issue(
                    choice.line,
                    3,
                    "quiz-empty-option",
                    "empty option",
                    "write the option's text after '[ ]' or '[x]', or remove the line",
                )
            )
    correct = sum(c.correct for c in quiz.choices)
    if len(quiz.choices) < 2 and not any(i.code == "quiz-bad-item" for i in quiz.issues):
        quiz.issues.append(
            Issue(
                quiz.choices[0].line,
                3,
                "quiz-one-option",
                "a question needs at least two options",
                "add a plausible wrong option",
            )
        )
    if correct == 0:
        quiz.issues.append(
            Issue(
                quiz.line, 1, "quiz-no-correct", "no option is marked correct", "mark the right option(s) with '- [x]'"
            )
        )
    elif correct > 1 and quiz.options.get("multiple") is False:
        quiz.issues.append(
            Issue(
                quiz.option_lines["multiple"],
                5,
                "quiz-several-correct",
                f"a single-choice question has {correct} correct options",
                "mark one option '[x]', or remove 'multiple: false' to allow several answers",
            )
        )


def _check_duplicate_ids(quizzes: list[Quiz]) -> None:
    seen: dict[str, Quiz] = {}
    for quiz in quizzes:
        if quiz.id in seen:
            line = quiz.option_lines.get("id", quiz.line)
            quiz.issues.append(
                Issue(
                    line,
                    1,
                    "quiz-duplicate-id",
                    f"another quiz on this page (line {seen[quiz.id].line}) has the id '{quiz.id}'",
                    "give each quiz of a page its own id",
                )
            )
        else:
            seen[quiz.id] = quiz
