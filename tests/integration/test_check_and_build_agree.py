"""`smartshare check` and `mkdocs build` report the same problems, every one of them, from one broken curriculum.

Curriculum errors (front matter), quizzes, mentor notes and links of every page, `index.md` included: the
build no longer stops at the first kind of problem, and the check no longer misses the pages that are not
modules or the links.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from sitebuilder import basic_tree, build_site, module

CONFIG = {
    "plugins": [
        "search",
        "smartshare/curriculum",
        "smartshare/quiz",
        {"smartshare/feedback": {"channel": "mailto:learning@example.com?subject={title}"}},
        {"smartshare/intranet": {"git_dates": False, "source_date_from_git": False}},
        {"smartshare/cache": {"workers": 1}},  # the build's check keeps per-file results where `check` finds them
    ],
    "validation": {"links": {"not_found": "info", "anchors": "info"}},
    "markdown_extensions": ["attr_list", "toc", "pymdownx.superfences"],
}

QUIZ = "/// quiz\n    id: same\nWhich one?\n\n- [x] This one\n- [ ] That one\n///\n"


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    files = basic_tree()
    files["ai/chatbots.md"] = (
        module("Chatbots", duraton=60)  # a front-matter error
        + "\n## Costs\n\n"
        + QUIZ.replace("[x]", "[ ]")  # no correct option
        + "\n"
        + QUIZ  # same id twice
        + "\n/// mentor | Timing\nnotes\n///\n"
        + "\n[next](machine-learning.md#costs) [here](#costs) [lost](missing.md) [track](index.md)\n"
    )
    files["ai/machine-learning.md"] = (
        module("Machine learning", mentors=["leo-martin"], prerequisites=["chatbots"])
        + "\n/// quiz\nid: flush-left\nWhich one?\n\n- [x] a\n- [ ] b\n///\n"
    )
    files["index.md"] = "# Welcome\n\n/// quiz\nA question without options\n///\n\n[a module](ai/chatbot.md)\n"
    root = tmp_path_factory.mktemp("agree")
    build = build_site(root, files, config=CONFIG)
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1790000000"}
    kept = {path: path.read_bytes() for path in (root / ".cache/smartshare/check").glob("*.json")}
    check = subprocess.run(
        [sys.executable, "-m", "smartshare", "check"], cwd=root, capture_output=True, text=True, env=env
    )
    fresh = subprocess.run(
        [sys.executable, "-m", "smartshare", "check", "--no-cache"], cwd=root, capture_output=True, text=True, env=env
    )
    build.kept = kept  # type: ignore[attr-defined]
    return build, check, fresh


def build_problems(build) -> list[str]:
    return [line.split("smartshare: ", 1)[1] for line in build.warnings if " smartshare: " in line]


def test_check_and_build_report_identical_problem_lines(runs):
    build, check, _ = runs
    assert build.returncode == 1 and check.returncode == 1
    checked = check.stdout.splitlines()[:-1]  # the last line is the summary
    assert checked == build_problems(build)


def test_the_check_reads_what_the_build_kept_and_reports_what_a_fresh_check_does(runs):
    build, check, fresh = runs
    assert check.stdout == fresh.stdout
    # the build's check kept its results; the check found every one of them there, so had nothing to write
    assert build.kept and {path: path.read_bytes() for path in build.kept} == build.kept


def test_every_kind_of_problem_of_every_page_is_reported(runs):
    build, *_ = runs
    found = build_problems(build)
    assert found == [
        "curricula/ai/chatbots.md:13:1: warning [unknown-key] unknown field 'duraton' — did you mean 'duration'?",
        "curricula/ai/chatbots.md:20:1: error [quiz-no-correct] no option is marked correct — mark the right option(s) with '- [x]'",
        "curricula/ai/chatbots.md:29:5: error [quiz-duplicate-id] another quiz on this page (line 20) has the id 'same' — give each quiz of a page its own id",
        "curricula/ai/chatbots.md:36:5: error [mentor-block] a mentor block takes no title or options, found '| Timing' — put the text on the lines below '/// mentor'",
        "curricula/ai/chatbots.md:40:8: warning [broken-link] link 'machine-learning.md#costs' leads nowhere: ai/machine-learning.md has no heading or anchor '#costs' — link to a heading's anchor (shown by the ¶ sign beside it)",
        "curricula/ai/chatbots.md:40:57: warning [broken-link] link 'missing.md' leads nowhere: no page or file ai/missing.md in the docs folder — create ai/missing.md or fix the link",
        "curricula/ai/machine-learning.md:20:1: error [quiz-option-indent] quiz option 'id' is not indented: learners would see it as question text — indent it by four spaces, right under '/// quiz': '    id: flush-left'",
        "curricula/index.md:3:1: error [quiz-no-answers] this quiz has no options and no accepted answers — list options as '- [x] right' / '- [ ] wrong', or short answers as '- = answer'",
        "curricula/index.md:7:12: warning [broken-link] link 'ai/chatbot.md' leads nowhere: no page or file ai/chatbot.md in the docs folder — did you mean 'ai/chatbots.md'?",
    ]
    assert "curriculum: 5 errors, 4 warnings; nothing was built." in build.output
