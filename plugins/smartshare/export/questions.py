"""The curriculum's quizzes as LMS questions: one neutral model that every question-bank writer reads.

This is the only module that reads the quiz parser's objects (`quiz.parse`), so a change there is met here
once. It never imports Markdown or MkDocs: texts stay Markdown, each writer converts or escapes them.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from ..core.model import Curriculum, Module
from ..core.problems import Problems, display_path
from ..quiz.parse import find_quizzes

# Moodle accepts only these grades (percent) for an answer; partial credit is rounded to the nearest one.
MOODLE_GRADES = (
    100.0, 90.0, 83.33333, 80.0, 75.0, 70.0, 66.66667, 60.0, 50.0, 40.0, 33.33333, 30.0, 25.0, 20.0,
    16.66667, 14.28571, 12.5, 11.11111, 10.0, 5.0, 0.0,
)  # fmt: skip
TRUE_FALSE = {"true": True, "false": False, "vrai": True, "faux": False}


@dataclass
class Answer:
    text: str  # Markdown
    fraction: float  # percent of the question's mark, -100 … 100
    feedback: str = ""  # Markdown
    tolerance: float | None = None  # numerical answers only


@dataclass
class Question:
    name: str  # stable: module id and quiz id
    category: list[str]  # track title, module title
    kind: str  # multichoice, truefalse, shortanswer, numerical
    text: str  # Markdown
    answers: list[Answer]
    general_feedback: str = ""
    hint: str = ""
    single: bool = True  # multichoice: radio buttons (True) or checkboxes
    shuffle: bool = False
    path: str = ""  # the module's file, for warnings
    line: int = 0  # the quiz's line in it
    base_dir: str = ""  # the folder images are relative to

    @property
    def where(self) -> tuple[str, int]:
        return self.path, self.line


@dataclass
class Bank:
    questions: list[Question] = field(default_factory=list)
    problems: Problems = field(default_factory=Problems)


def collect(curriculum: Curriculum, root: str) -> Bank:
    """Every quiz of every published module, in catalogue order, grouped by track and module."""
    bank = Bank()
    for module in curriculum.ordered_modules():
        track = curriculum.track(module.track_id)
        category = [track.title if track else module.track_id, module.title]
        path = display_path(os.path.join(root, module.src_uri))
        for quiz in find_quizzes(module.body):
            if quiz.issues:  # `smartshare check` reports them; a broken quiz is not exported
                continue
            question = _question(quiz, module, category, path, root)
            question.line = quiz.line + module.body_line - 1
            _check(question, quiz, bank.problems)
            bank.questions.append(question)
    return bank


def _question(quiz, module: Module, category: list[str], path: str, root: str) -> Question:
    common = dict(
        name=f"{module.id}/{quiz.id}",
        category=category,
        text=quiz.question,
        general_feedback=quiz.explanation,
        hint=quiz.hint,
        shuffle=bool(quiz.settings.get("shuffle")),
        path=path,
        base_dir=os.path.dirname(os.path.join(root, module.src_uri)),
    )
    choices = list(quiz.options)
    if quiz.kind == "text":
        accepted = list(quiz.accepted)
        if all(a.number is not None for a in accepted):
            answers = [Answer(a.text, 100.0, tolerance=a.tolerance) for a in accepted]
            for answer, source in zip(answers, accepted, strict=True):
                answer.text = _number_text(source.number)
            return Question(kind="numerical", answers=answers, **common)
        return Question(kind="shortanswer", answers=[Answer(a.text, 100.0) for a in accepted], **common)
    truth = _true_false(choices)
    if truth is not None and quiz.kind == "single":
        answers = [Answer("true", 100.0 if truth else 0.0), Answer("false", 0.0 if truth else 100.0)]
        for choice in choices:
            answers[0 if TRUE_FALSE[choice.text.strip().lower()] else 1].feedback = choice.explanation
        return Question(kind="truefalse", answers=answers, **common)
    correct = sum(1 for c in choices if c.correct)
    wrong = len(choices) - correct
    single = quiz.kind == "single"
    answers = []
    for choice in choices:
        if single:
            fraction = 100.0 if choice.correct else 0.0
        else:  # partial credit: the right options share 100 %, the wrong ones take it back
            fraction = nearest_grade(100.0 / correct) if choice.correct else -nearest_grade(100.0 / max(wrong, 1))
        answers.append(Answer(choice.text, fraction, choice.explanation))
    return Question(kind="multichoice", answers=answers, single=single, **common)


def _check(question: Question, quiz, problems: Problems) -> None:
    """What Moodle cannot take exactly as the site has it, said at the quiz's line."""
    if question.kind == "multichoice" and not question.single:
        correct = [a for a in question.answers if a.fraction > 0]
        if abs(sum(a.fraction for a in correct) - 100.0) > 0.01:
            problems.warning(
                question.path,
                question.line,
                1,
                "export-grade",
                f"{len(correct)} right options cannot share 100 % in grades Moodle accepts; "
                f"each gets {correct[0].fraction:g} %",
                "split the question or keep at most 10 right options",
            )
    if question.kind == "shortanswer":
        numbers = [a for a in quiz.accepted if a.number is not None and a.tolerance]
        for answer in numbers:
            problems.warning(
                question.path,
                answer.line + question.line - quiz.line,
                3,
                "export-tolerance",
                f"'{answer.text}': a short answer that also accepts words cannot keep a tolerance; "
                "the LMS accepts the exact text only",
                "make every accepted answer a number, or drop the tolerance",
            )


def _true_false(choices) -> bool | None:
    """The right answer of a true/false question (options 'True' and 'False'), or None for other questions."""
    texts = [c.text.strip().lower() for c in choices]
    if len(choices) != 2 or any(t not in TRUE_FALSE for t in texts) or TRUE_FALSE[texts[0]] == TRUE_FALSE[texts[1]]:
        return None
    right = next(c for c in choices if c.correct)
    return TRUE_FALSE[right.text.strip().lower()]


def nearest_grade(percent: float) -> float:
    return min(MOODLE_GRADES, key=lambda grade: abs(grade - percent))


def _number_text(number: float) -> str:
    return f"{number:g}" if abs(number) < 1e15 else repr(number)


def format_fraction(percent: float) -> str:
    """`100`, `33.33333`, `-50`: as Moodle writes grades."""
    text = f"{percent:.5f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text
