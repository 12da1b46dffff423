"""The one line-based reader of `/// quiz` blocks, shared by the Markdown extension and `smartshare check`.

It never imports Markdown or MkDocs: it cuts the quiz into Markdown snippets (question, options, explanations,
hint) with the line each comes from, and records every author mistake as an `QuizIssue` on the line it is on.
Lines are 1-based and relative to the text given; callers add the offset of that text in its file.
"""

from __future__ import annotations

import bisect
import hashlib
import random
import re
import textwrap
import unicodedata
from dataclasses import dataclass, field

import yaml

from ..core.mdscan import BlockHeader, block_end, block_header, code_lines, is_blank, slash_lines
from ..core.suggest import did_you_mean

NAME = "quiz"
# Settings are indented 4+ spaces under `/// quiz`, as the options of pymdown-extensions' blocks.
SETTING_LINE = re.compile(r"^[ ]{4,}\S")
SETTINGS = {"id": str, "multiple": bool, "shuffle": bool, "hint": str}
FLUSH_LEFT_SETTING = re.compile(r"^(id|hint|multiple|shuffle)[ \t]*:(?:[ \t]|$)")
ITEM = re.compile(r"^([-*+])(?:[ \t]+(.*))?$")  # a bullet at the start of the line
ANY_ITEM = re.compile(r"^(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)")  # bullets and numbered items
OPTION = re.compile(r"^\[([ xX])\](?:[ \t]+(.*))?$")
ACCEPTED = re.compile(r"^=(?:[ \t]+(.*))?$")
NUMBER = re.compile(r"^(-?\d+(?:[.,]\d+)?)(?:\s*(?:±|\+/-)\s*(\d+(?:[.,]\d+)?))?$")
ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")


@dataclass(frozen=True)
class QuizIssue:
    line: int
    column: int
    code: str
    message: str
    hint: str = ""


@dataclass
class Option:
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
    settings: dict = field(default_factory=dict)  # `id`, `hint`, `multiple`, `shuffle`
    setting_lines: dict = field(default_factory=dict)  # setting name -> line
    question: str = ""
    question_line: int = 0
    options: list[Option] = field(default_factory=list)
    accepted: list[Accepted] = field(default_factory=list)
    explanation: str = ""
    issues: list[QuizIssue] = field(default_factory=list)

    @property
    def id(self) -> str:
        return str(self.settings.get("id") or f"quiz-{self.index}")

    @property
    def kind(self) -> str:
        if self.accepted and not self.options:
            return "text"
        if self.settings.get("multiple") or sum(o.correct for o in self.options) > 1:
            return "multiple"
        return "single"

    @property
    def hint(self) -> str:
        return str(self.settings.get("hint") or "")

    @property
    def version(self) -> str:
        """Changes when the question, its options or its answers change: stored answers to the old one are dropped."""
        parts = [self.kind, self.question.strip()]
        parts += [f"{o.correct}:{o.text.strip()}" for o in self.options]
        parts += [a.text.strip() for a in self.accepted]
        return hashlib.sha1("\n".join(parts).encode("utf-8")).hexdigest()[:10]

    def ordered_options(self) -> list[tuple[int, Option]]:
        """Options in display order, shuffled with a seed made of the quiz's id and version: every build and every
        visit shows the same order, and rendering needs nothing but the quiz."""
        pairs = list(enumerate(self.options))
        if self.settings.get("shuffle"):
            random.Random(f"{self.id}#{self.version}").shuffle(pairs)
        return pairs


def normalize_answer(text: str) -> str:
    """Case, accents and surrounding or repeated spaces do not count (quiz.js applies the same rule)."""
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return " ".join(stripped.lower().split())


def find_quizzes(text: str, first_line: int = 1) -> list[Quiz]:
    """Every quiz of a Markdown text, outside code, with its issues (duplicate ids included).

    `first_line` is the file line `text` starts on; it only serves messages that name another line.
    """
    quizzes: list[Quiz] = []
    if "///" not in text:  # before the text is split: most pages of a site (sheets, generated pages) hold no quiz
        return quizzes
    lines = [line.rstrip("\r") for line in text.split("\n")]
    code = code_lines(text)
    candidates = slash_lines(text)
    after = 0  # lines before this one belong to a quiz already read
    for number in candidates:
        header = None if number < after or code[number] else block_header(lines[number])
        if header and header.name == NAME:
            quiz = _read_quiz(lines, number, header, len(quizzes) + 1, code, candidates)
            quizzes.append(quiz)
            after = quiz.end_line  # continue after the closing line (end_line is 1-based)
    _check_duplicate_ids(quizzes, first_line - 1)
    return quizzes


def count_quizzes(markdown: str) -> int:
    """How many quizzes `markdown` holds, read once per text: the certificate and the statistics count every module's
    quizzes, after the check has read them all (see `ParseCache`)."""
    if "///" not in markdown:
        return 0
    key = _count_key(markdown)
    count = _COUNTS.get(key)
    if count is None:
        count = _remember_count(key, len(find_quizzes(markdown)))
    return count


# Quiz counts by content hash, for the whole process (`mkdocs serve` rebuilds count only what changed): a few
# dozen bytes a text, forgotten all at once past a bound no curriculum comes near.
_COUNTS: dict[bytes, int] = {}
_COUNTS_LIMIT = 100_000


def _content_key(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def _count_key(text: str) -> bytes:
    """The key of a text's quiz count, the same with or without blank lines at its start: the check parses a page's
    body without them (`sitecheck.read_page`, as MkDocs drops them), while the statistics and the certificate
    count a module's body as the loader split it, with them; every module was parsed a second time. Empty lines
    at the start change no line's reading (`CodeTracker` starts as after a blank line, a quiz is read forward
    from its header), so the count is the same."""
    return _content_key(text.lstrip("\n"))


def _remember_count(key: bytes, count: int) -> int:
    if len(_COUNTS) >= _COUNTS_LIMIT:
        _COUNTS.clear()
    _COUNTS[key] = count
    return count


def _read_quiz(
    lines: list[str], start: int, header: BlockHeader, index: int, code: tuple[bool, ...], candidates: tuple[int, ...]
) -> Quiz:
    """The quiz whose header is on line `start` (0-based); `code` tells which lines of the text are code, and
    `candidates` which ones may close a block."""
    slashes = header.slashes
    end = None
    for number in candidates[bisect.bisect_right(candidates, start) :]:
        if not code[number] and block_end(lines[number]) == slashes:
            end = number
            break
    quiz = Quiz(line=start + 1, end_line=(end if end is not None else len(lines) - 1) + 1, index=index)
    stop = end if end is not None else len(lines)
    if end is None:
        quiz.issues.append(
            QuizIssue(
                start + 1,
                1,
                "quiz-unclosed",
                "this quiz has no closing line",
                f"add a line '{slashes}' after its last line",
            )
        )
    if header.argument:
        quiz.issues.append(
            QuizIssue(
                start + 1,
                header.argument_column,
                "quiz-argument",
                f"a quiz takes no argument after '|': '{header.argument}'",
                "put settings on indented lines under '/// quiz', e.g. '    id: my-question'",
            )
        )
    elif header.rest and header.argument is None:
        quiz.issues.append(
            QuizIssue(
                start + 1,
                header.rest_column,
                "quiz-argument",
                f"unexpected text after '/// quiz': '{header.rest}'",
                "write the question on the line below '/// quiz'",
            )
        )
    body_start = _read_settings(quiz, lines, start + 1, stop)
    body_start = _check_flush_left_settings(quiz, lines, body_start, stop)
    _read_body(quiz, lines, body_start, stop, code)
    _validate(quiz)
    return quiz


def _read_settings(quiz: Quiz, lines: list[str], first: int, stop: int) -> int:
    """Settings are the indented lines right under the header, as the options of pymdown-extensions' blocks."""
    number = first
    while number < stop and SETTING_LINE.match(lines[number]):
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
            QuizIssue(
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
            QuizIssue(
                first + 1,
                5,
                "quiz-option-syntax",
                "malformed quiz option: expected 'name: value'",
                "write one 'name: value' per line, indented by four spaces",
            )
        )
        return number
    key_lines: dict[str, int] = {}
    for offset, raw in enumerate(lines[first:number]):
        key = raw.strip().split(":", 1)[0].strip()
        key_lines.setdefault(key, first + 1 + offset)
    for key, value in data.items():
        line = key_lines.get(str(key), first + 1)
        expected = SETTINGS.get(str(key))
        if expected is None:
            hint = did_you_mean(str(key), SETTINGS, "known options: " + ", ".join(SETTINGS))
            quiz.issues.append(QuizIssue(line, 5, "quiz-unknown-option", f"unknown quiz option '{key}'", hint))
        elif expected is bool and not isinstance(value, bool):
            quiz.issues.append(
                QuizIssue(line, 5, "quiz-option-type", f"quiz option '{key}' must be true or false, not '{value}'")
            )
        elif expected is str and (value is None or isinstance(value, (dict, list, bool))):
            quiz.issues.append(QuizIssue(line, 5, "quiz-option-type", f"quiz option '{key}' must be text"))
        elif key == "id" and not ID.match(str(value)):
            quiz.issues.append(
                QuizIssue(
                    line,
                    5,
                    "quiz-bad-id",
                    f"quiz id '{value}' may only use letters, digits, '-' and '_'",
                    "ids name the learner's saved answers: keep them short and stable",
                )
            )
        else:
            quiz.settings[str(key)] = str(value) if expected is str else value
            quiz.setting_lines[str(key)] = line
    return number


def _check_flush_left_settings(quiz: Quiz, lines: list[str], first: int, stop: int) -> int:
    """`id: …` written flush-left under the header would be shown to learners as question text: an error.

    Only the first lines of the quiz, up to a blank line, and only the names of quiz options count: a question
    that starts with "Note: …" is a question.
    """
    number = first
    while number < stop and (match := FLUSH_LEFT_SETTING.match(lines[number])):
        name = match.group(1)
        quiz.issues.append(
            QuizIssue(
                number + 1,
                1,
                "quiz-option-indent",
                f"quiz option '{name}' is not indented: learners would see it as question text",
                f"indent it by four spaces, right under '/// quiz': '    {lines[number].strip()}'",
            )
        )
        number += 1
    return number


def _read_body(quiz: Quiz, lines: list[str], first: int, stop: int, code: tuple[bool, ...]) -> None:
    """Question (any Markdown), the list of options or accepted answers, explanation (after that list).

    Only list items that start with `[x]`, `[ ]` or `=` are options: the first one starts the option list, so a
    question may hold lists of its own. Lines in code never count as list items.
    """
    question: list[str] = []
    explanation: list[str] = []
    items: list[tuple[int, str, list[str]]] = []  # (line, text after the bullet, continuation lines)
    state = "question"
    pending_blank = 0
    previous_in_list = False  # the line before belongs to a list of the question (an item or its continuation)
    for number in range(first, stop):
        line = lines[number]
        is_code = code[number]
        item = None if is_code or line[:1] not in "-*+" else ITEM.match(line)
        if state == "question":
            if item and _is_option(item):
                state = "list"
                if previous_in_list:
                    quiz.issues.append(
                        QuizIssue(
                            number + 1,
                            1,
                            "quiz-ambiguous-list",
                            "the question's list runs straight into the options: they would read as one list",
                            "leave an empty line between the question's list and the first option",
                        )
                    )
            else:
                question.append(line)
                if is_blank(line):
                    previous_in_list = False
                elif item or ANY_ITEM.match(line) or (previous_in_list and line[:1] in (" ", "\t")):
                    previous_in_list = True
                else:
                    previous_in_list = previous_in_list and not is_code and line[:1] not in (" ", "\t")
                continue
        if state == "list":
            if item or (not is_code and ANY_ITEM.match(line)):
                # a numbered item has no option syntax: its text is kept empty so it is reported as a bad item
                items.append((number + 1, (item.group(2) or "").strip() if item else "", []))
                pending_blank = 0
                continue
            if is_blank(line):
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
    for item_line, text, more in items:
        _read_item(quiz, item_line, text, textwrap.dedent("\n".join(more)).strip("\n"))


def _is_option(item: re.Match) -> bool:
    text = (item.group(2) or "").strip()
    return bool(OPTION.match(text) or ACCEPTED.match(text))


def _bad_item(quiz: Quiz, line: int) -> None:
    quiz.issues.append(
        QuizIssue(
            line,
            3,
            "quiz-bad-item",
            "a quiz list item must be an option or an accepted answer",
            "write '- [x] right option', '- [ ] wrong option' or '- = accepted answer'; "
            "a list of the question goes before the options, with an empty line between",
        )
    )


def _read_item(quiz: Quiz, line: int, text: str, more: str) -> None:
    option = OPTION.match(text)
    if option:
        quiz.options.append(Option((option.group(2) or "").strip(), option.group(1) in "xX", more, line))
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
                QuizIssue(
                    line,
                    3,
                    "quiz-bad-number",
                    f"'{answer}' is not a number with a tolerance",
                    "write it like '- = 90 ± 5' or '- = 90 +/- 5'",
                )
            )
        return
    _bad_item(quiz, line)


def _validate(quiz: Quiz) -> None:
    add = quiz.issues.append
    if not quiz.question.strip():
        add(
            QuizIssue(
                quiz.line,
                1,
                "quiz-no-question",
                "this quiz has no question",
                "write the question on the lines before the options",
            )
        )
    if quiz.options and quiz.accepted:
        add(
            QuizIssue(
                quiz.accepted[0].line,
                3,
                "quiz-mixed",
                "a quiz has either options ('- [x]') or accepted answers ('- = …'), not both",
            )
        )
        return
    if not quiz.options and not quiz.accepted:
        if not any(i.code == "quiz-bad-item" for i in quiz.issues):
            add(
                QuizIssue(
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
        _validate_options(quiz)


def _validate_short_answer(quiz: Quiz) -> None:
    for answer in quiz.accepted:
        if not answer.text:
            quiz.issues.append(
                QuizIssue(answer.line, 3, "quiz-empty-answer", "empty accepted answer", "write the answer after '- = '")
            )
    if not any(a.text for a in quiz.accepted) and len(quiz.accepted) > 1:
        quiz.issues.append(
            QuizIssue(
                quiz.line,
                1,
                "quiz-no-accepted-answer",
                "this short-answer quiz has no accepted answer",
                "write at least one '- = answer'",
            )
        )
    for name in ("multiple", "shuffle"):
        if name in quiz.settings:
            quiz.issues.append(
                QuizIssue(
                    quiz.setting_lines[name],
                    5,
                    "quiz-option-unused",
                    f"'{name}' only applies to questions with options",
                    f"remove '{name}'",
                )
            )


def _validate_options(quiz: Quiz) -> None:
    for option in quiz.options:
        if not option.text:
            quiz.issues.append(
                QuizIssue(
                    option.line,
                    3,
                    "quiz-empty-option",
                    "empty option",
                    "write the option's text after '[ ]' or '[x]', or remove the line",
                )
            )
    correct = sum(o.correct for o in quiz.options)
    if len(quiz.options) < 2 and not any(i.code == "quiz-bad-item" for i in quiz.issues):
        quiz.issues.append(
            QuizIssue(
                quiz.options[0].line,
                3,
                "quiz-one-option",
                "a question needs at least two options",
                "add a plausible wrong option",
            )
        )
    if correct == 0:
        quiz.issues.append(
            QuizIssue(
                quiz.line, 1, "quiz-no-correct", "no option is marked correct", "mark the right option(s) with '- [x]'"
            )
        )
    elif correct > 1 and quiz.settings.get("multiple") is False:
        quiz.issues.append(
            QuizIssue(
                quiz.setting_lines["multiple"],
                5,
                "quiz-several-correct",
                f"a single-choice question has {correct} correct options",
                "mark one option '[x]', or remove 'multiple: false' to allow several answers",
            )
        )


def _check_duplicate_ids(quizzes: list[Quiz], line_offset: int) -> None:
    seen: dict[str, Quiz] = {}
    for quiz in quizzes:
        if quiz.id in seen:
            line = quiz.setting_lines.get("id", quiz.line)
            quiz.issues.append(
                QuizIssue(
                    line,
                    5 if "id" in quiz.setting_lines else 1,  # on the `    id:` setting
                    "quiz-duplicate-id",
                    f"another quiz on this page (line {seen[quiz.id].line + line_offset}) has the id '{quiz.id}'",
                    "give each quiz of a page its own id",
                )
            )
        else:
            seen[quiz.id] = quiz


class ParseCache:
    """Each page's quizzes parsed once per build: the check reads them, then the rendering takes them.

    Keyed by the Markdown text itself, so a page whose text another plugin changed in between is parsed again
    rather than rendered from a stale parse.
    """

    def __init__(self) -> None:
        self._by_text: dict[str, list[Quiz]] = {}

    def parse(self, text: str, first_line: int = 1) -> list[Quiz]:
        quizzes = self._by_text.get(text)
        if quizzes is None:
            quizzes = self._by_text[text] = find_quizzes(text, first_line)
            if "///" in text:
                _remember_count(_count_key(text), len(quizzes))  # `count_quizzes` of the same text reads nothing
        return quizzes

    def take(self, text: str) -> list[Quiz]:
        """The quizzes of `text` for rendering, forgetting them: each page is rendered once per build."""
        quizzes = self._by_text.pop(text, None)
        return find_quizzes(text) if quizzes is None else quizzes
