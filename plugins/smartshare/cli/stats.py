"""`smartshare stats`: the state of the whole curriculum, per track and in total, for a maintainer."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from dataclasses import dataclass, field
from typing import TextIO

from ..core.builddate import build_date
from ..core.model import Curriculum, Module
from ..quiz.checks import count_quizzes
from .settings import read_settings
from .workspace import curriculum_root, inventory, read

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
        return [m.id for m in self.modules if m.stale_review]

    def as_dict(self) -> dict:
        return {
            "id": self.id,
            "title": self.title,
            "modules": len(self.modules),
            "drafts": self.drafts,
            "minutes": self.minutes,
            "hours": _hours(self.minutes),
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
            "hours": _hours(self.minutes),
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
                mentor: {"sessions": count, "minutes": minutes, "hours": _hours(minutes)}
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

    def as_dict(self) -> dict:
        return {
            "sessions": self.sessions.as_dict(),
            "today": self.today.isoformat(),
            "review_max_age_days": self.review_max_age,
            "errors": self.errors,
            "tracks": [t.as_dict() for t in self.tracks],
            "total": self.total.as_dict(),
            "mentors": [m.as_dict() for m in self.mentors],
            "modules": [m.as_dict() for m in self.total.modules],
        }


def run(args: argparse.Namespace, out: TextIO) -> int:
    settings = read_settings(args.config_file)
    root = curriculum_root(args.path, settings)
    inventory(root, require_tracks=True)
    curriculum, problems = read(root, settings)
    stats = compute(curriculum, build_date(), settings.review_max_age)
    stats.errors = len(problems.errors)
    if stats.errors:
        noun = "error" if stats.errors == 1 else "errors"
        print(
            f"smartshare stats: the curriculum has {stats.errors} {noun}; run 'smartshare check' to see them",
            file=sys.stderr,
        )
    out.write(
        json.dumps(stats.as_dict(), indent=2, ensure_ascii=False) + "\n" if args.format == "json" else render(stats)
    )
    return 0


def compute(curriculum: Curriculum, today: dt.date, review_max_age: int) -> Stats:
    facts = {m.id: _facts(m, today, review_max_age) for m in curriculum.ordered_modules()}
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
    return Stats(today, review_max_age, tracks, total, mentors, sessions=count_sessions(curriculum))


def _facts(module: Module, today: dt.date, review_max_age: int) -> ModuleFacts:
    age = (today - module.reviewed).days if module.reviewed else None
    return ModuleFacts(
        id=module.id,
        track=module.track_id,
        title=module.title,
        status=module.status,
        minutes=module.duration or 0,
        questions=count_quizzes(module.body),
        mentors=list(module.mentors),
        reviewed=module.reviewed,
        review_age_days=age,
        stale_review=age is not None and age > review_max_age,
    )


def _drafts_in(curriculum: Curriculum, track_id: str) -> int:
    return sum(1 for uri in curriculum.left_out if uri.rsplit("/", 1)[0] == track_id)


def _hours(minutes: int) -> float:
    return round(minutes / 60, 1)


# -- text ------------------------------------------------------------------------------------------------


def render(stats: Stats) -> str:
    total = stats.total
    heading = (
        f"{len(total.modules)} modules in {len(stats.tracks)} tracks, {_hours(total.minutes)} hours of content "
        f"(reviews older than {stats.review_max_age} days are stale on {stats.today.isoformat()})"
    )
    track_rows = [_track_row(g) for g in stats.tracks]
    track_table = table(
        ["Track", "Modules", "Drafts", "Hours", "Questions/module", "No quiz", "Never reviewed", "Stale review"],
        track_rows + [_track_row(total)],
        footer=True,
    )
    mentor_table = (
        table(
            ["Mentor", "Modules", "Hours", "Tracks"],
            [[m.name, str(len(m.modules)), str(_hours(m.minutes)), ", ".join(m.tracks) or "-"] for m in stats.mentors],
            align_last_left=True,
        )
        if stats.mentors
        else "No mentors in mentors.yml."
    )
    parts = [heading, track_table, mentor_table]
    if stats.sessions.total or stats.sessions.cancelled:  # only curricula with a sessions.yml
        parts.append(_sessions_text(stats))
    return "\n\n".join([*parts, _attention(stats)]) + "\n"


def _sessions_text(stats: Stats) -> str:
    counts = stats.sessions
    names = {m.id: m.name for m in stats.mentors}
    heading = f"{counts.total} sessions ({counts.cancelled} cancelled, not counted)"
    months = table(["Month", "Sessions"], [[m, str(n)] for m, n in counts.per_month.items()])
    tracks = table(["Track", "Sessions"], [[t, str(n)] for t, n in counts.per_track.items()])
    mentors = table(
        ["Mentor", "Sessions", "Hours"],
        [[names.get(m, m), str(n), str(_hours(minutes))] for m, (n, minutes) in counts.per_mentor.items()],
    )
    return "\n\n".join([heading, months, tracks, mentors])


def _track_row(group: Group) -> list[str]:
    per_module = group.questions_per_module
    return [
        group.id if group.id != "total" else "Total",
        str(len(group.modules)),
        str(group.drafts),
        str(_hours(group.minutes)),
        "-" if per_module is None else f"{per_module:.1f}",
        str(len(group.without_quiz)),
        str(len(group.never_reviewed)),
        str(len(group.stale_review)),
    ]


def _attention(stats: Stats) -> str:
    lines = []
    for module in stats.total.modules:
        reasons = []
        if not module.questions:
            reasons.append("no quiz")
        if module.reviewed is None:
            reasons.append("never reviewed")
        elif module.stale_review:
            reasons.append(f"last reviewed {module.review_age_days} days ago")
        if reasons:
            lines.append(f"  {module.id}: {', '.join(reasons)}")
    if not lines:
        return "Every module has a quiz and a recent review."
    return "Needs attention:\n" + "\n".join(lines)


def table(headers: list[str], rows: list[list[str]], footer: bool = False, align_last_left: bool = False) -> str:
    """Columns padded to their widest cell: the first (and optionally the last) left-aligned, numbers right."""
    widths = [max(len(str(row[i])) for row in [headers, *rows]) for i in range(len(headers))]
    left = {0, len(headers) - 1} if align_last_left else {0}

    def line(cells: list[str]) -> str:
        padded = [c.ljust(w) if i in left else c.rjust(w) for i, (c, w) in enumerate(zip(cells, widths))]
        return "  ".join(padded).rstrip()

    rule = line(["-" * w for w in widths])
    lines = [line(headers), rule] + [line(row) for row in (rows[:-1] if footer else rows)]
    if footer:
        lines += [rule, line(rows[-1])]
    return "\n".join(lines)
