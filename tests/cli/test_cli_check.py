"""`smartshare check`: every problem of the curriculum, located, in three formats, with the right exit code."""

from __future__ import annotations

import json

from clitree import quizzed

from sitebuilder import write_tree


def test_a_valid_curriculum_has_no_problems_and_exits_0(site, run):
    result = run("check")
    assert (result.code, result.out, result.err) == (0, "No problems in 3 modules, 2 tracks.\n", "")


def test_the_folder_can_be_given_instead_of_mkdocs_yml(site, run):
    (site / "mkdocs.yml").unlink()
    (site / "curricula").rename(site / "courses")
    result = run("check", "courses")
    assert (result.code, result.out) == (0, "No problems in 3 modules, 2 tracks.\n")


BROKEN = {
    "mentors.yml": "amina-diallo:\n  name: Amina Diallo\n  role: Designer\n  contact: javascript:alert(1)\n",
    "ai/track.yml": "title: AI\nsummary: AI.\nmodules:\n  - chatbots\n  - vision\n  - quizzes\n",
    "ai/chatbots.md": quizzed("Chatbots", mentors=["amina-dialo"], prerequisites=["ai/deep-learning"], duraton=30),
    "ai/vision.md": "---\ntitle: Vision\nsummary: [unclosed\n---\n",
    "ai/quizzes.md": quizzed("Quizzes").replace("- [x]", "- [ ]"),
    "ai/stray.md": quizzed("Stray"),
}

EXPECTED_TEXT = """\
curricula/ai/chatbots.md:5:3: error [unknown-mentor] unknown mentor 'amina-dialo' — did you mean 'amina-diallo'?
curricula/ai/chatbots.md:14:3: error [unknown-module] prerequisite 'ai/deep-learning' is not a module — write it as track/module
curricula/ai/chatbots.md:15:1: warning [unknown-key] unknown field 'duraton' — did you mean 'duration'?
curricula/ai/quizzes.md:19:1: error [quiz-no-correct] no option is marked correct — mark the right option(s) with '- [x]'
curricula/ai/stray.md:1:1: warning [not-in-track] module is in no track — add 'stray' to the modules of ai/track.yml
curricula/ai/vision.md:4:1: error [yaml-syntax] invalid YAML: did not find expected ',' or ']' (while parsing a flow sequence)
curricula/mentors.yml:4:12: error [unsafe-url] 'javascript:alert(1)' is not an allowed link — links must start with http:, https:, mailto:
5 errors, 2 warnings in 6 files
"""


def test_every_problem_is_printed_with_its_position_then_a_summary(project, run):
    write_tree(project / "curricula", BROKEN)
    result = run("check")
    assert result.out == EXPECTED_TEXT
    assert result.code == 1
    assert result.err == ""


def test_github_format_prints_annotations(project, run):
    write_tree(project / "curricula", BROKEN)
    result = run("check", "--format", "github")
    lines = result.out.splitlines()
    assert lines[0] == (
        "::error file=curricula/ai/chatbots.md,line=5,col=3::[unknown-mentor] unknown mentor 'amina-dialo'"
        " — did you mean 'amina-diallo'?"
    )
    assert lines[2] == (
        "::warning file=curricula/ai/chatbots.md,line=15,col=1::[unknown-key] unknown field 'duraton'"
        " — did you mean 'duration'?"
    )
    assert len(lines) == 8 and lines[-1] == "5 errors, 2 warnings in 6 files"
    assert result.code == 1


def test_json_format_is_a_machine_readable_list(project, run):
    write_tree(project / "curricula", BROKEN)
    result = run("check", "--format", "json")
    problems = json.loads(result.out)
    assert result.code == 1
    assert len(problems) == 7
    assert problems[0] == {
        "path": "curricula/ai/chatbots.md",
        "line": 5,
        "column": 3,
        "severity": "error",
        "code": "unknown-mentor",
        "message": "unknown mentor 'amina-dialo'",
        "hint": "did you mean 'amina-diallo'?",
    }
    assert [p["code"] for p in problems if p["severity"] == "warning"] == ["unknown-key", "not-in-track"]


def test_mentor_blocks_and_feedback_templates_are_checked_like_in_a_build(site, run):
    text = quizzed("Chatbots", feedback="mailto:a@example.com?subject={titel}") + "\n/// mentor | Timing\nnotes\n///\n"
    (site / "curricula/ai/chatbots.md").write_text(text, encoding="utf-8")
    result = run("check")
    assert result.code == 1
    lines = result.out.splitlines()
    assert lines[0].startswith("curricula/ai/chatbots.md:13:11: error [feedback-template] unknown placeholder {titel}")
    assert (
        lines[1].startswith("curricula/ai/chatbots.md:")
        and "error [mentor-block] a mentor block takes no title" in lines[1]
    )


def test_warnings_alone_pass_unless_strict(site, run):
    (site / "curricula/ai/chatbots.md").write_text(quizzed("Chatbots", colour="blue"), encoding="utf-8")
    expected = (
        "curricula/ai/chatbots.md:13:1: warning [unknown-key] unknown field 'colour' — known fields: "
        "title, summary, mentors, audience, level, duration, objectives, prerequisites, tags, reviewed, status, "
        "lang, feedback, session\n"
        "0 errors, 1 warning in 6 files\n"
    )
    relaxed, strict = run("check"), run("check", "--strict")
    assert (relaxed.code, relaxed.out) == (0, expected)
    assert (strict.code, strict.out) == (1, expected)


def test_review_age_and_drafts_come_from_the_plugin_settings_in_mkdocs_yml(site, run):
    write_tree(
        site / "curricula",
        {
            "ai/chatbots.md": quizzed("Chatbots", reviewed="2025-08-01"),  # 416 days before 2026-09-21
            "ai/machine-learning.md": quizzed("Machine learning", prerequisites=["chatbots"], status="draft"),
            "data/spreadsheets.md": quizzed("Spreadsheets", prerequisites=["ai/machine-learning"]),
        },
    )
    stale = "curricula/ai/chatbots.md:12:11: warning [stale-review] last reviewed 416 days ago (more than 400)"
    draft = "curricula/data/spreadsheets.md:14:3: warning [draft-prerequisite] prerequisite 'ai/machine-learning' is a draft"
    lines = run("check").out.splitlines()
    assert lines[0].startswith(stale) and lines[1].startswith(draft) and len(lines) == 3

    (site / "preview.yml").write_text(
        "docs_dir: curricula\nplugins:\n  smartshare/curriculum:\n    review_max_age: 500\n    include_drafts: true\n",
        encoding="utf-8",
    )
    assert run("check", "-f", "preview.yml").out == "No problems in 3 modules, 2 tracks.\n"


def test_a_curriculum_anywhere_is_reported_with_the_paths_a_user_types(site, run, monkeypatch):
    monkeypatch.chdir(site / "curricula")
    (site / "curricula/ai/chatbots.md").write_text(quizzed("Chatbots", level="expert"), encoding="utf-8")
    result = run("check", ".")
    assert result.out.splitlines()[0] == (
        "ai/chatbots.md:6:8: error [bad-value] 'expert' is not a valid choice — choose one of beginner, intermediate, advanced"
    )


# -- mistakes in the use of the command: one line on stderr, exit status 2 ---------------------------------


def test_a_missing_folder_is_one_line(project, run):
    result = run("check", "nowhere")
    assert (result.code, result.out, result.err) == (2, "", "smartshare check: error: no curriculum folder 'nowhere'\n")


def test_a_missing_docs_dir_names_mkdocs_yml(project, run):
    (project / "mkdocs.yml").write_text("site_name: x\ndocs_dir: docs\n", encoding="utf-8")
    result = run("check")
    assert (result.code, result.err) == (
        2,
        "smartshare check: error: no curriculum folder 'docs' (the docs_dir of mkdocs.yml)\n",
    )


def test_a_folder_without_tracks_is_refused(project, run):
    (project / "curricula").mkdir()
    result = run("check", "curricula")
    assert result.code == 2
    assert result.err == (
        "smartshare check: error: no track in curricula/ — a track is a folder with a track.yml; "
        "start one with 'smartshare new track SLUG'\n"
    )


def test_a_missing_or_broken_config_file_is_one_line(site, run):
    missing = run("check", "--config-file", "other.yml")
    assert (missing.code, missing.err) == (2, "smartshare check: error: no configuration file 'other.yml'\n")
    (site / "mkdocs.yml").write_text("site_name: x\nplugins: [\n", encoding="utf-8")
    broken = run("check")
    assert broken.code == 2
    assert (
        broken.err.startswith("smartshare check: error: mkdocs.yml:3:1: invalid YAML") and broken.err.count("\n") == 1
    )
    (site / "mkdocs.yml").write_text(
        "plugins:\n  - smartshare/curriculum:\n      review_max_age: soon\n", encoding="utf-8"
    )
    wrong = run("check")
    assert (
        wrong.err
        == "smartshare check: error: mkdocs.yml: 'review_max_age' of smartshare/curriculum must be a whole number\n"
    )


def test_bad_arguments_are_one_line_from_argparse(site, run):
    result = run("check", "--format", "xml")
    assert result.code == 2
    assert result.err == (
        "smartshare check: error: argument --format: invalid choice: 'xml' (choose from 'text', 'github', 'json')"
        " (see 'smartshare check --help')\n"
    )
    assert run("lint").err.startswith("smartshare: error: argument COMMAND: invalid choice: 'lint'")
    assert run().code == 2
