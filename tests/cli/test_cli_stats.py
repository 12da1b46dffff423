"""`smartshare stats`: the state of the curriculum per track and in total, as a table and as JSON."""

from __future__ import annotations

import json

from clitree import quizzed

from sitebuilder import module, write_tree

TWO_QUIZZES = quizzed("Machine learning", mentors=["leo-martin"], prerequisites=["chatbots"], duration="1h30")
TWO_QUIZZES += TWO_QUIZZES[TWO_QUIZZES.index("/// quiz") :]


def needs_attention(site) -> None:
    write_tree(
        site / "curricula",
        {
            "ai/chatbots.md": quizzed("Chatbots", reviewed="2025-01-01"),  # 628 days before 2026-09-21: stale
            "ai/machine-learning.md": TWO_QUIZZES,
            "data/spreadsheets.md": module(
                "Spreadsheets", mentors=["leo-martin"], duration=45, reviewed=None
            ),  # no quiz
            "data/pivot-tables.md": quizzed("Pivot tables", status="draft"),
        },
    )


EXPECTED_TABLE = """\
3 modules in 2 tracks, 3.2 hours of content (reviews older than 400 days, or none, are stale on 2026-09-21)

Track  Modules  Drafts  Hours  Questions/module  No quiz  Never reviewed  Stale review
-----  -------  ------  -----  ----------------  -------  --------------  ------------
ai           2       0    2.5               1.5        0               0             1
data         1       1    0.8               0.0        1               1             1
-----  -------  ------  -----  ----------------  -------  --------------  ------------
Total        3       1    3.2               1.0        1               1             2

Mentor        Modules  Hours  Tracks
------------  -------  -----  --------
Léo Martin          2    2.2  ai, data
Amina Diallo        1    1.0  ai

Needs attention:
  ai/chatbots: last reviewed 628 days ago
  data/spreadsheets: no quiz, never reviewed
"""


def test_the_table_shows_tracks_totals_mentors_and_what_needs_attention(site, run):
    needs_attention(site)
    result = run("stats")
    assert (result.code, result.err) == (0, "")
    assert result.out == EXPECTED_TABLE


def test_a_healthy_curriculum_says_so(site, run):
    assert run("stats").out.endswith("\n\nEvery module has a quiz and a recent review.\n")


def test_json_has_the_same_numbers_and_every_module(site, run):
    needs_attention(site)
    data = json.loads(run("stats", "--format", "json").out)
    assert data["today"] == "2026-09-21" and data["review_max_age_days"] == 400 and data["errors"] == 0
    assert data["total"] == {
        "id": "total",
        "title": "Total",
        "modules": 3,
        "drafts": 1,
        "minutes": 195,
        "hours": 3.2,
        "questions": 3,
        "questions_per_module": 1.0,
        "without_quiz": ["data/spreadsheets"],
        "never_reviewed": ["data/spreadsheets"],
        "stale_review": ["ai/chatbots", "data/spreadsheets"],
    }
    assert [(t["id"], t["modules"], t["minutes"]) for t in data["tracks"]] == [("ai", 2, 150), ("data", 1, 45)]
    assert data["mentors"][0] == {
        "id": "leo-martin",
        "name": "Léo Martin",
        "modules": ["ai/machine-learning", "data/spreadsheets"],
        "module_count": 2,
        "minutes": 135,
        "hours": 2.2,
        "tracks": ["ai", "data"],
    }
    assert data["modules"][0] == {
        "id": "ai/chatbots",
        "track": "ai",
        "title": "Chatbots",
        "status": "published",
        "minutes": 60,
        "questions": 1,
        "mentors": ["amina-diallo"],
        "reviewed": "2025-01-01",
        "review_age_days": 628,
        "stale_review": True,
    }


def test_modules_in_no_track_and_idle_mentors_are_shown(site, run):
    write_tree(site / "curricula", {"data/stray.md": quizzed("Stray")})
    (site / "curricula/mentors.yml").write_text(
        (site / "curricula/mentors.yml").read_text(encoding="utf-8")
        + "zoe-petit:\n  name: Zoé Petit\n  role: Trainer\n",
        encoding="utf-8",
    )
    out = run("stats").out
    assert "\n(no track)        1       0    1.0               1.0        0               0             0\n" in out
    assert "\nZoé Petit           0    0.0  -\n" in out


def test_errors_in_the_curriculum_are_pointed_out_on_stderr(site, run):
    (site / "curricula/ai/chatbots.md").write_text(quizzed("Chatbots", mentors=["nobody"]), encoding="utf-8")
    result = run("stats")
    assert result.code == 0
    assert result.err == "smartshare stats: the curriculum has 1 error; run 'smartshare check' to see them\n"
    assert result.out.startswith("3 modules in 2 tracks")


def test_a_missing_folder_is_one_line(project, run):
    result = run("stats", "courses")
    assert (result.code, result.out, result.err) == (2, "", "smartshare stats: error: no curriculum folder 'courses'\n")
