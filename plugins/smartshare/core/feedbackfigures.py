"""What the feedback records say, per module, question, track, mentor and for the whole programme.

Plain Python, no MkDocs: the feedback plugin draws these figures in the mentor area, nowhere else. A figure
drawn from fewer than MIN_RESPONSES responses is not shown (a mean of three ratings says little, and a comment
among three responses may say who wrote it); the figures say how many there are so far instead.
"""

from __future__ import annotations

import datetime as dt
import os
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .feedbackrecords import FEEDBACK_FOLDER, RECORDS_SUFFIX, FeedbackRecord, merged, read_file
from .model import Curriculum, Module
from .problems import Problem, Severity

MIN_RESPONSES = 5
TOO_HARD = 0.30  # fewer first answers right than this: the question (or the module) needs rewriting
TOO_EASY = 0.95  # more than this: the question teaches nothing
LOW_RATING = 2.0  # a mean rating below this puts the module on the "needs attention" list
LATEST_COMMENTS = 5
RATINGS = (3, 2, 1)  # shown from the best: the site's faces

#: a quiz question of a module: (module id, quiz id) → (question text, [(option text, is right)…]), None if unknown
QuestionText = Callable[[str, str], "tuple[str, list[tuple[str, bool]]] | None"]


@dataclass
class Ratings:
    counts: dict[int, int] = field(default_factory=lambda: dict.fromkeys(RATINGS, 0))

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def enough(self) -> bool:
        return self.total >= MIN_RESPONSES

    @property
    def mean(self) -> float | None:
        return round(sum(r * n for r, n in self.counts.items()) / self.total, 2) if self.total else None

    def add(self, rating: int) -> None:
        if rating in self.counts:
            self.counts[rating] += 1

    def share(self, rating: int) -> int:
        """Per cent of the responses, rounded."""
        return round(100 * self.counts[rating] / self.total) if self.total else 0


@dataclass
class SessionPoint:
    session: str  # "" for responses that name no session
    date: str  # ISO date: the session's start, or the first response's
    ratings: Ratings


@dataclass
class Question:
    module: str
    question: str
    text: str  # the question as written (Markdown source), for its label
    first_answers: int
    right: int
    wrong_choices: Counter = field(default_factory=Counter)  # option text → times chosen in a wrong first answer

    @property
    def enough(self) -> bool:
        return self.first_answers >= MIN_RESPONSES

    @property
    def share_right(self) -> float:
        return self.right / self.first_answers if self.first_answers else 0.0

    @property
    def flag(self) -> str:
        """`too-hard`, `too-easy` or "" (only with enough answers to say)."""
        if not self.enough:
            return ""
        if self.share_right < TOO_HARD:
            return "too-hard"
        return "too-easy" if self.share_right > TOO_EASY else ""

    @property
    def most_chosen_wrong(self) -> tuple[str, int] | None:
        if not self.wrong_choices:
            return None
        text, count = min(self.wrong_choices.items(), key=lambda item: (-item[1], item[0]))
        return text, count


@dataclass
class Comment:
    time: str
    session: str
    text: str


@dataclass
class ModuleFigures:
    module: Module
    ratings: Ratings = field(default_factory=Ratings)
    sessions: list[SessionPoint] = field(default_factory=list)  # in date order
    comments: list[Comment] = field(default_factory=list)  # latest first, LATEST_COMMENTS at most
    comment_count: int = 0
    questions: list[Question] = field(default_factory=list)  # in the module's order of quizzes
    stale_review: bool = False
    responses: int = 0  # records that rate the module or comment on it: enough of them make comments safe to show

    @property
    def low_rating(self) -> bool:
        return self.ratings.enough and (self.ratings.mean or 0) < LOW_RATING

    @property
    def hard_questions(self) -> list[Question]:
        return [q for q in self.questions if q.flag == "too-hard"]

    @property
    def needs_attention(self) -> list[str]:
        """Why the module needs a mentor's look: `low-rating`, `hard-questions`, `stale-review`."""
        reasons = []
        if self.low_rating:
            reasons.append("low-rating")
        if self.hard_questions:
            reasons.append("hard-questions")
        if self.stale_review:
            reasons.append("stale-review")
        return reasons


@dataclass
class GroupFigures:
    """A track's, a mentor's or the whole programme's modules, summed up."""

    modules: list[ModuleFigures]

    @property
    def ratings(self) -> Ratings:
        total = Ratings()
        for figures in self.modules:
            for rating, count in figures.ratings.counts.items():
                total.counts[rating] += count
        return total

    @property
    def with_enough(self) -> int:
        return sum(1 for m in self.modules if m.ratings.enough)

    @property
    def answers(self) -> int:
        return sum(q.first_answers for m in self.modules for q in m.questions)

    @property
    def attention(self) -> list[ModuleFigures]:
        return [m for m in self.modules if m.needs_attention]


@dataclass
class Figures:
    modules: dict[str, ModuleFigures]
    records: int

    def of_modules(self, modules: Iterable[Module]) -> GroupFigures:
        return GroupFigures([self.modules[m.id] for m in modules if m.id in self.modules])


def compute(
    curriculum: Curriculum,
    records: Iterable[FeedbackRecord],
    question_text: QuestionText,
    quiz_ids: Callable[[str], list[str]],
    today: dt.date,
    review_max_age: int,
) -> Figures:
    """`quiz_ids(module_id)` lists a module's quizzes in page order (so questions nobody answered show too)."""
    records = [r for r in records if r.module in curriculum.modules]
    by_module: dict[str, list[FeedbackRecord]] = {}
    for record in records:
        by_module.setdefault(record.module, []).append(record)
    session_dates = {s.id: s.start_utc.date().isoformat() for s in curriculum.sessions}
    figures = {}
    for module in curriculum.ordered_modules():
        found = by_module.get(module.id, [])
        # a module's quizzes are read only when it has answers: 2,000 modules without any cost nothing here
        ids = quiz_ids(module.id) if any(r.kind == "answer" for r in found) else []
        figures[module.id] = _module_figures(module, found, session_dates, question_text, ids)
        figures[module.id].stale_review = module.is_stale(today, review_max_age)  # the model's one rule
    return Figures(figures, len(records))


def _module_figures(
    module: Module,
    records: list[FeedbackRecord],
    session_dates: dict[str, str],
    question_text: QuestionText,
    quiz_ids: list[str],
) -> ModuleFigures:
    figures = ModuleFigures(module)
    per_session: dict[str, Ratings] = {}
    first_seen: dict[str, str] = {}
    comments = []
    for record in sorted(records):
        if record.rating is not None or record.comment.strip():
            figures.responses += 1
        if record.rating is not None:
            figures.ratings.add(record.rating)
            per_session.setdefault(record.session, Ratings()).add(record.rating)
            if record.time and (record.session not in first_seen or record.time < first_seen[record.session]):
                first_seen[record.session] = record.time
        if record.comment.strip():
            comments.append(Comment(record.time, record.session, record.comment.strip()))
    for session, ratings in per_session.items():
        date = session_dates.get(session) or first_seen.get(session, "")[:10]
        figures.sessions.append(SessionPoint(session, date, ratings))
    figures.sessions.sort(key=lambda point: (point.date or "9999", point.session))
    comments.sort(key=lambda c: (c.time, c.session, c.text), reverse=True)
    figures.comment_count = len(comments)
    figures.comments = comments[:LATEST_COMMENTS]
    figures.questions = _questions(module, records, question_text, quiz_ids)
    return figures


def _questions(
    module: Module, records: list[FeedbackRecord], question_text: QuestionText, quiz_ids: list[str]
) -> list[Question]:
    answers: dict[str, list[FeedbackRecord]] = {}
    for record in records:
        if record.kind == "answer" and record.question and record.first_try is not False:
            answers.setdefault(record.question, []).append(record)
    order = list(dict.fromkeys([*quiz_ids, *sorted(answers)]))
    questions = []
    for quiz_id in order:
        known = question_text(module.id, quiz_id)
        if known is None:
            continue  # answers to a question since removed from the module: nothing to rewrite any more
        text, options = known
        given = answers.get(quiz_id, [])
        question = Question(module.id, quiz_id, text, len(given), sum(1 for r in given if r.correct))
        for record in given:
            if not record.correct:
                _count_wrong_options(question, record.choice, options)
        questions.append(question)
    return questions


def _count_wrong_options(question: Question, choice: str, options: list[tuple[str, bool]]) -> None:
    """The wrong options of a wrong answer: of several ticked boxes, the right ones ticked too are no wrong option
    (the question "Select all that apply" is answered wrongly by ticking a distractor or by missing a right one)."""
    for number in filter(None, (part.strip() for part in choice.split(","))):
        if number.isdigit() and int(number) < len(options):
            text, right = options[int(number)]
            if not right:
                question.wrong_choices[text] += 1


# -- the records of a curriculum, checked -----------------------------------------------------------------


def read_curriculum_records(root: str) -> tuple[list[FeedbackRecord], list[Problem]]:
    """The records under `root/feedback/`, problems named from `root` (as `smartshare check` shows paths)."""
    folder = os.path.join(root, FEEDBACK_FOLDER)
    records: list[FeedbackRecord] = []
    problems: list[Problem] = []
    if not os.path.isdir(folder):
        return records, problems
    for name in sorted(os.listdir(folder)):
        if name.endswith(RECORDS_SUFFIX):
            found, trouble = read_file(os.path.join(folder, name), f"{FEEDBACK_FOLDER}/{name}")
            records.extend(found)
            problems.extend(trouble)
    return merged([], records), problems


def check_records(root: str, curriculum: Curriculum) -> list[Problem]:
    """Unreadable lines (errors), and records of modules the curriculum no longer has (a warning at the first
    such line of each file: renamed or removed modules lose their figures)."""
    _, problems = read_curriculum_records(root)
    folder = os.path.join(root, FEEDBACK_FOLDER)
    for name in sorted(os.listdir(folder)) if os.path.isdir(folder) else []:
        if not name.endswith(RECORDS_SUFFIX):
            continue
        first: dict[str, int] = {}
        counts: Counter = Counter()
        try:
            with open(os.path.join(folder, name), encoding="utf-8") as handle:
                lines = handle.read().split("\n")
        except (OSError, UnicodeDecodeError):
            continue  # reported by read_curriculum_records
        for number, line in enumerate(lines, 1):
            try:
                module_id = FeedbackRecord.from_line(line).module if line.strip() else None
            except (ValueError, TypeError):
                continue
            if module_id is not None and module_id not in curriculum.modules:
                first.setdefault(module_id, number)
                counts[module_id] += 1
        for module_id, line_number in first.items():
            count = counts[module_id]
            problems.append(
                Problem(
                    f"{FEEDBACK_FOLDER}/{name}",
                    line_number,
                    1,
                    Severity.WARNING,
                    "feedback-module",
                    f"{count} record{'s' if count > 1 else ''} of module '{module_id}', which is not in the curriculum",
                    "was it renamed or removed? replace its id in this file, or keep the lines for history",
                )
            )
    return problems
