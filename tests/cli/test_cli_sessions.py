"""`smartshare new session`, and sessions in `smartshare check` and `smartshare stats`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from smartshare.cli import new

EXISTING = """\
# Our sessions (this comment and the layout below must survive an append)
- id: chatbots-paris
  modules: [ai/chatbots]
  start: 2026-10-01 09:30
  timezone: Europe/Paris
  signup: "https://forms.example.com/signup?session={session}"
  capacity: 12
"""


def sessions_file(site: Path) -> Path:
    return site / "curricula" / "sessions.yml"


def test_new_session_appends_and_keeps_the_file_as_it_was(site, run):
    sessions_file(site).write_text(EXISTING, encoding="utf-8")
    result = run("new", "session", "--module", "ai/machine-learning", "--start", "2026-10-08 14:00", "--no-input")
    assert (result.code, result.err) == (0, "")
    assert result.out == (
        "Added session 'machine-learning-2026-10-08' to curricula/sessions.yml\nNext: run 'smartshare check'.\n"
    )
    # the time zone and the sign-up link default to those the other sessions use
    assert sessions_file(site).read_text(encoding="utf-8") == EXISTING + (
        "\n- id: machine-learning-2026-10-08\n"
        "  modules: [ai/machine-learning]\n"
        "  start: 2026-10-08 14:00\n"
        "  timezone: Europe/Paris\n"
        "  signup: https://forms.example.com/signup?session={session}\n"
    )
    check = run("check", "--strict")
    assert (check.code, check.out) == (0, "No problems in 3 modules, 2 tracks, 2 sessions.\n")


def test_new_session_creates_the_file_with_every_flag(site, run):
    result = run(
        "new", "session", "--id", "ml-sg", "--module", "ai/machine-learning", "--start", "2026-10-08 14:00",
        "--timezone", "Asia/Singapore", "--place", "Singapore: Marina room", "--mentor", "leo-martin",
        "--language", "en", "--capacity", "10", "--duration", "2h", "--status", "full", "--no-input",
    )  # fmt: skip
    assert result.code == 0, result.err
    text = sessions_file(site).read_text(encoding="utf-8")
    assert text == new.SESSIONS_HEADER + (
        "\n- id: ml-sg\n"
        "  modules: [ai/machine-learning]\n"
        "  start: 2026-10-08 14:00\n"
        "  timezone: Asia/Singapore\n"
        "  duration: 2h\n"
        "  place: 'Singapore: Marina room'\n"
        "  mentors: [leo-martin]\n"
        "  language: en\n"
        "  capacity: 10\n"
        "  status: full\n"
    )
    assert run("check", "--strict").code == 0


def test_questions_are_asked_for_what_the_flags_leave_out(site, run, monkeypatch):
    answers = iter(["ai/chatbots", "2026-11-03 10:00", "", "Paris HQ", "8"])
    asked = []

    def ask(question, default):
        asked.append((question, default))
        return next(answers) or default

    monkeypatch.setattr(new, "_ask_terminal", ask)
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    assert run("new", "session").code == 0
    assert [q for q, _ in asked] == [
        "Module (track/slug)",
        "Start, local time (YYYY-MM-DD HH:MM)",
        "Time zone",
        "Place (room, site; empty when online)",
        "Seats (empty: no limit)",
    ]
    assert asked[2] == ("Time zone", "UTC")
    assert "- id: chatbots-2026-11-03\n  modules: [ai/chatbots]\n" in sessions_file(site).read_text(encoding="utf-8")
    assert "  timezone: UTC\n  place: Paris HQ\n  capacity: 8\n" in sessions_file(site).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--module", "ai/chatbot", "--start", "2026-10-08 14:00"],
            "no module 'ai/chatbot' in curricula/ — did you mean 'ai/chatbots'?",
        ),
        (
            ["--module", "ai/chatbots", "--start", "2026-10-08"],
            "--start: '2026-10-08' has no time of day — write the local date and time as YYYY-MM-DD HH:MM,"
            " e.g. 2027-03-02 09:30",
        ),
        (
            ["--module", "ai/chatbots", "--start", "2026-10-08 09:00", "--timezone", "Europe/Pari"],
            "--timezone: unknown time zone 'Europe/Pari' — did you mean 'Europe/Paris' or 'Europe/Madrid' or 'Europe/Zurich'?",
        ),
        (
            ["--module", "ai/chatbots", "--start", "2026-10-08 09:00", "--mentor", "amina-dialo"],
            "no mentor 'amina-dialo' in curricula/mentors.yml — did you mean 'amina-diallo'?",
        ),
        (
            ["--id", "chatbots-paris", "--module", "ai/chatbots", "--start", "2026-10-08 09:00"],
            "session 'chatbots-paris' already exists in curricula/sessions.yml — nothing was written",
        ),
    ],
)
def test_refusals_are_one_line_and_write_nothing(site, run, args, message):
    sessions_file(site).write_text(EXISTING, encoding="utf-8")
    result = run("new", "session", *args, "--no-input")
    assert (result.code, result.out, result.err) == (2, "", f"smartshare new session: error: {message}\n")
    assert sessions_file(site).read_text(encoding="utf-8") == EXISTING


def test_check_reports_sessions_problems_like_the_build(site, run):
    sessions_file(site).write_text(EXISTING.replace("Europe/Paris", "Europe/Pariss"), encoding="utf-8")
    result = run("check")
    assert result.code == 1
    assert result.out.splitlines()[0] == (
        "curricula/sessions.yml:5:13: error [unknown-timezone] unknown time zone 'Europe/Pariss'"
        " — did you mean 'Europe/Paris' or 'Europe/Warsaw' or 'Europe/Madrid'?"
    )


STATS_SESSIONS = """\
- id: a
  modules: [ai/chatbots]
  start: 2026-10-01 09:30
  timezone: Europe/Paris
- id: b
  modules: [ai/machine-learning]
  start: 2026-10-20 23:30
  timezone: Asia/Singapore
- id: c
  modules: [data/spreadsheets]
  start: 2026-11-03 10:00
  timezone: Europe/Paris
- id: d
  modules: [ai/chatbots]
  start: 2026-11-04 10:00
  timezone: Europe/Paris
  status: cancelled
  replaced_by: none
"""


def test_stats_count_sessions_per_month_track_and_mentor_with_mentors_hours(site, run):
    sessions_file(site).write_text(STATS_SESSIONS, encoding="utf-8")
    data = json.loads(run("stats", "--format", "json").out)
    assert data["sessions"] == {
        "total": 3,
        "cancelled": 1,
        "per_month": {"2026-10": 2, "2026-11": 1},
        "per_track": {"ai": 2, "data": 1},
        "per_mentor": {
            "leo-martin": {"sessions": 2, "minutes": 135, "hours": 2.2},
            "amina-diallo": {"sessions": 1, "minutes": 60, "hours": 1.0},
        },
    }
    text = run("stats").out
    assert (
        "3 sessions (1 cancelled, not counted)\n\n"
        "Month    Sessions\n-------  --------\n2026-10         2\n2026-11         1\n\n"
        "Track  Sessions\n-----  --------\nai            2\ndata          1\n\n"
        "Mentor        Sessions  Hours\n------------  --------  -----\nLéo Martin           2    2.2\n"
        "Amina Diallo         1    1.0\n"
    ) in text
