"""Whole-site builds: the plugin adds its own extension, reports every broken quiz with its file line."""

from __future__ import annotations

import os

import pytest

from sitebuilder import basic_tree, build_site, module
from smartshare.assetmin import minified
from smartshare.quiz.plugin import HERE

PLUGINS = ["search", "smartshare/curriculum", "smartshare/quiz"]
QUIZ = "\n## Self-check\n\n/// quiz\nWhich one?\n\n- [x] *This* one\n- [ ] That one\n///\n"
# as published quiz banks write them: the question lists statements, the options refer to them
QUIZ_BANK = """
/// quiz
    id: bank
Which of the following are benefits of a chatbot for HR questions?

- Answers are available at any hour
- Answers are consistent across employees
- Employees never need to talk to HR again

- [x] The first two
- [ ] All three
///
"""


@pytest.fixture(scope="module")
def good(tmp_path_factory):
    files = basic_tree()
    files["ai/chatbots.md"] = module("Chatbots") + QUIZ + QUIZ_BANK
    return build_site(tmp_path_factory.mktemp("good"), files, config={"plugins": PLUGINS}, strict=True)


def test_a_quiz_works_without_listing_the_extension(good):
    assert good.returncode == 0, good.output
    html = good.html("ai/chatbots/")
    assert 'class="smartshare-quiz"' in html and "<em>This</em> one" in html
    assert 'data-smartshare-page="ai/chatbots/"' in html
    assert "assets/smartshare/quiz.js" in html and (good.site / "assets/smartshare/quiz.css").exists()
    # served minified (smartshare/assetmin.py), the package's readable file left as it is
    script = (good.site / "assets/smartshare/quiz.js").read_bytes()
    assert script == minified(os.path.join(HERE, "assets", "quiz.js")) and b"// " not in script


def test_a_question_with_a_bulleted_list_builds_with_the_list_in_the_question(good):
    html = good.html("ai/chatbots/")
    question = html[html.index('id="bank"') :]
    details = question[question.index('<div class="smartshare-quiz__details">') : question.index("</div>")]
    assert details.count("<li>") == 3 and "Answers are available at any hour" in details
    assert question.count('type="radio"') == 2


def test_the_summary_names_the_page_and_closes_the_text_before_the_module_footer(good):
    html = good.html("ai/chatbots/")
    assert html.count('data-smartshare-page="ai/chatbots/"') == 1
    assert html.index('class="smartshare-quiz-summary"') < html.index("smartshare-module-footer")


def test_the_track_page_gets_the_strings_for_its_progress_slots(good):
    assert "data-smartshare-quiz-strings" in good.html("ai/")


def test_broken_quizzes_of_all_pages_are_reported_together_with_file_lines(tmp_path):
    files = basic_tree()
    files["ai/chatbots.md"] = module("Chatbots") + QUIZ.replace("[x]", "[ ]")
    files["ai/machine-learning.md"] = module("Machine learning", mentors=["leo-martin"]) + QUIZ.replace(
        "Which one?", "Which one?\n"
    ).replace("///\n", "///\n", 1).replace("/// quiz\n", "/// quiz\n    shuffle: yes please\n")
    build = build_site(tmp_path, files, config={"plugins": PLUGINS})
    assert build.returncode == 1
    assert (
        "ERROR   -  smartshare: curricula/ai/chatbots.md:19:1: error [quiz-no-correct] no option is marked correct"
        in build.output
    )
    assert (
        "curricula/ai/machine-learning.md:20:5: error [quiz-option-type] quiz option 'shuffle' must be true or false"
        in build.output
    )
    assert "curriculum: 2 errors, 0 warnings; nothing was built" in build.output
    assert "Traceback" not in build.output


def test_without_the_curriculum_plugin_the_quiz_plugin_checks_every_page_itself(tmp_path):
    files = {"index.md": "# Home\n\n/// quiz\nWhich one?\n\n- [ ] a\n- [ ] b\n///\n", "other.md": "# Other\n"}
    build = build_site(tmp_path, files, config={"plugins": ["search", "smartshare/quiz"]})
    assert build.returncode == 1
    assert [line.split("smartshare: ", 1)[1] for line in build.warnings if "smartshare: " in line] == [
        "curricula/index.md:3:1: error [quiz-no-correct] no option is marked correct — "
        "mark the right option(s) with '- [x]'"
    ]
