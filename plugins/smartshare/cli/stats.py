"""`smartshare stats`: the state of the whole curriculum, per track and in total, for a maintainer."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TextIO

from ..core.builddate import build_date
from ..core.stats import NO_TRACK, Group, ModuleFacts, Stats, compute, hours  # noqa: F401  (re-exported)
from ..quiz.checks import count_quizzes
from .settings import read_settings
from .workspace import curriculum_root, inventory, read


def run(args: argparse.Namespace, out: TextIO) -> int:
    settings = read_settings(args.config_file)
    root = curriculum_root(args.path, settings)
    inventory(root, require_tracks=True)
    curriculum, problems = read(root, settings)
    stats = compute(curriculum, build_date(), settings.review_max_age, count_quizzes)
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


# -- text ------------------------------------------------------------------------------------------------


def render(stats: Stats) -> str:
    total = stats.total
    heading = (
        f"{len(total.modules)} modules in {len(stats.tracks)} tracks, {hours(total.minutes)} hours of content "
        f"(reviews older than {stats.review_max_age} days, or none, are stale on {stats.today.isoformat()})"
    )
    track_rows = [_track_row(g) for g in stats.tracks]
    track_table = table(
        ["Track", "Modules", "Drafts", "Hours", "Questions/module", "No quiz", "Never reviewed", "Stale review"],
        [*track_rows, _track_row(total)],
        footer=True,
    )
    mentor_table = (
        table(
            ["Mentor", "Modules", "Hours", "Tracks"],
            [[m.name, str(len(m.modules)), str(hours(m.minutes)), ", ".join(m.tracks) or "-"] for m in stats.mentors],
            align_last_left=True,
        )
        if stats.mentors
        else "No mentors in mentors.yml."
    )
    parts = [heading, track_table, mentor_table]
    if stats.sessions.total or stats.sessions.cancelled:  # only curricula with a sessions.yml
        parts.append(_sessions_text(stats))
    if stats.translations:  # only sites with `languages`
        parts.append(_translations_text(stats))
    return "\n\n".join([*parts, _attention(stats)]) + "\n"


def _sessions_text(stats: Stats) -> str:
    counts = stats.sessions
    names = {m.id: m.name for m in stats.mentors}
    heading = f"{counts.total} sessions ({counts.cancelled} cancelled, not counted)"
    months = table(["Month", "Sessions"], [[m, str(n)] for m, n in counts.per_month.items()])
    tracks = table(["Track", "Sessions"], [[t, str(n)] for t, n in counts.per_track.items()])
    mentors = table(
        ["Mentor", "Sessions", "Hours"],
        [[names.get(m, m), str(n), str(hours(minutes))] for m, (n, minutes) in counts.per_mentor.items()],
    )
    return "\n\n".join([heading, months, tracks, mentors])


def _translations_text(stats: Stats) -> str:
    rows = [
        [lang, f"{done}/{total}", f"{round(100 * done / total) if total else 100}%", str(stale)]
        for lang, (done, total, stale) in stats.translations.items()
    ]
    return table(["Language", "Translated", "Coverage", "Stale"], rows)


def _track_row(group: Group) -> list[str]:
    per_module = group.questions_per_module
    return [
        group.id if group.id != "total" else "Total",
        str(len(group.modules)),
        str(group.drafts),
        str(hours(group.minutes)),
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
        padded = [c.ljust(w) if i in left else c.rjust(w) for i, (c, w) in enumerate(zip(cells, widths, strict=True))]
        return "  ".join(padded).rstrip()

    rule = line(["-" * w for w in widths])
    lines = [line(headers), rule] + [line(row) for row in (rows[:-1] if footer else rows)]
    if footer:
        lines += [rule, line(rows[-1])]
    return "\n".join(lines)
