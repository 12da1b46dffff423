"""The state of the whole curriculum, per track and in total: what `smartshare stats` prints and the mentor
area's statistics page shows. Computed once here, displayed by each."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from .model import Curriculum, Module

NO_TRACK = "(no track)"


@dataclass
class ModuleFacts:
    id: str
    track: str
    title: str
    status: str
    minutes: int
    questions: int
    mentors: list[str]
    reviewed: dt.date | None
    review_age_days: int | None
    stale_review: bool

    def as_dict(self) -> dict:
        return {**self.__dict__, "reviewed": self.reviewed.isoformat() if self.reviewed else None}


@dataclass
class Group:
    """Totals over a set of modules: one track, or the whole curriculum."""

    id: str
    title: str
    modules: list[ModuleFacts] = field(default_factory=list)
    drafts: int = 0  # left out of the site, so not in `modules`

    @property
    def minutes(self) -> int:
        return sum(m.minutes for m in self.modules)

    @property
    def questions(self) -> int:
        return sum(m.questions for m in self.modules)

    @property
    def questions_per_module(self) -> float | None:
        return round(self.questions / len(self.modules), 1) if self.modules else None

    @property
    def without_quiz(self) -> list[str]:
        return [m.id for m in self.modules if not m.questions]

    @property
    def never_reviewed(self) -> list[str]:
        return [m.id for m in self.modules if m.reviewed is None]

    @property
    def stale_review(self) -> list[str]:
        """Modules due for a review: reviewed too long ago, or never (those are also in `never_reviewed`)."""
        return [m.id for m in self.modules if m.stale_review]

    def as_dict(self) -> dict:
        return {
            "id": self.id,
            "title": self.title,
            "modules": len(self.modules),
            "drafts": self.drafts,
            "minutes": self.minutes,
            "hours": hours(self.minutes),
            "questions": self.questions,
            "questions_per_module": self.questions_per_module,
            "without_quiz": self.without_quiz,
            "never_reviewed": self.never_reviewed,
            "stale_review": self.stale_review,
        }


@dataclass
class MentorLoad:
    id: str
    name: str
    modules: list[ModuleFacts]

    @property
    def minutes(self) -> int:
        return sum(m.minutes for m in self.modules)

    @property
    def tracks(self) -> list[str]:
        return list(dict.fromkeys(m.track for m in self.modules))

    def as_dict(self) -> dict:
        return {
            "id": self.id,
            "name": self.name,
            "modules": [m.id for m in self.modules],
            "module_count": len(self.modules),
            "minutes": self.minutes,
            "hours": hours(self.minutes),
            "tracks": self.tracks,
        }


@dataclass
class SessionCounts:
    """Sessions of sessions.yml that take place (cancelled ones left out): per month, track and mentor."""

    per_month: dict[str, int] = field(default_factory=dict)  # YYYY-MM in each session's own time zone
    per_track: dict[str, int] = field(default_factory=dict)
    per_mentor: dict[str, tuple[int, int]] = field(default_factory=dict)  # mentor id → (sessions, minutes)
    cancelled: int = 0

    @property
    def total(self) -> int:
        return sum(self.per_month.values())

    def as_dict(self) -> dict:
        return {
            "total": self.total,
            "cancelled": self.cancelled,
            "per_month": self.per_month,
            "per_track": self.per_track,
            "per_mentor": {
                mentor: {"sessions": count, "minutes": minutes, "hours": hours(minutes)}
                for mentor, (count, minutes) in self.per_mentor.items()
            },
        }


def count_sessions(curriculum: Curriculum) -> SessionCounts:
    counts = SessionCounts()
    for session in sorted(curriculum.sessions, key=lambda s: (s.start_utc, s.id)):
        if session.is_cancelled:
            counts.cancelled += 1
            continue
        month = session.start.strftime("%Y-%m")
        counts.per_month[month] = counts.per_month.get(month, 0) + 1
        track = session.track_id or NO_TRACK
        counts.per_track[track] = counts.per_track.get(track, 0) + 1
        for mentor in session.mentors:
            number, minutes = counts.per_mentor.get(mentor, (0, 0))
            counts.per_mentor[mentor] = (number + 1, minutes + session.duration)
    counts.per_month = dict(sorted(counts.per_month.items()))
    counts.per_mentor = dict(sorted(counts.per_mentor.items(), key=lambda item: (-item[1][1], item[0])))
    return counts


@dataclass
class Stats:
    today: dt.date
    review_max_age: int
    tracks: list[Group]
    total: Group
    mentors: list[MentorLoad]
    errors: int = 0
    sessions: SessionCounts = field(default_factory=SessionCounts)
    #: per language other than the sources': (modules translated, published modules, stale translations)
    translations: dict[str, tuple[int, int, int]] = field(default_factory=dict)

    def as_dict(self) -> dict:
        return {
            "translations": {
                lang: {"translated": done, "total": total, "stale": stale}
                for lang, (done, total, stale) in self.translations.items()
            },
            "sessions": self.sessions.as_dict(),
            "today": self.today.isoformat(),
            "review_max_age_days": self.review_max_age,
            "errors": self.errors,
            "tracks": [t.as_dict() for t in self.tracks],
            "total": self.total.as_dict(),
            "mentors": [m.as_dict() for m in self.mentors],
            "modules": [m.as_dict() for m in self.total.modules],
        }


def compute(
    curriculum: Curriculum, today: dt.date, review_max_age: int, count_questions: Callable[[str], int]
) -> Stats:
    """`count_questions` counts the quiz questions of a module body (the quiz package knows how)."""
    facts = {m.id: _facts(m, today, review_max_age, count_questions) for m in curriculum.ordered_modules()}
    tracks = [
        Group(t.id, t.title, [facts[mid] for mid in t.module_ids], _drafts_in(curriculum, t.id))
        for t in curriculum.tracks
    ]
    placed = {m.id for t in tracks for m in t.modules}
    unplaced = [f for mid, f in facts.items() if mid not in placed]
    if unplaced:
        tracks.append(Group(NO_TRACK, "Modules listed in no track.yml", unplaced))
    total = Group("total", "Total", list(facts.values()), len(curriculum.left_out))
    mentors = [
        MentorLoad(mentor.id, mentor.name, [f for f in facts.values() if mentor.id in f.mentors])
        for mentor in curriculum.mentors.values()
    ]
    mentors.sort(key=lambda m: (-len(m.modules), m.name.casefold()))
    stats = Stats(today, review_max_age, tracks, total, mentors, sessions=count_sessions(curriculum))
    translations = curriculum.translations
    if translations is not None:
        ids = [m.id for m in curriculum.ordered_modules()]
        stats.translations = {lang: translations.coverage(lang, ids) for lang in translations.others}
    return stats


def _facts(module: Module, today: dt.date, review_max_age: int, count_questions: Callable[[str], int]) -> ModuleFacts:
    return ModuleFacts(
        id=module.id,
        track=module.track_id,
        title=module.title,
        status=module.status,
        minutes=module.duration or 0,
        questions=count_questions(module.body),
        mentors=list(module.mentors),
        reviewed=module.reviewed,
        review_age_days=module.review_age(today),
        stale_review=module.is_stale(today, review_max_age),  # never reviewed counts as stale (see Module.is_stale)
    )


def _drafts_in(curriculum: Curriculum, track_id: str) -> int:
    return sum(1 for uri in curriculum.left_out if uri.rsplit("/", 1)[0] == track_id)


def hours(minutes: int) -> float:
    return round(minutes / 60, 1)
