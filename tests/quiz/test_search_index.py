"""What search finds in a quiz: the question and its options, as a learner reads them before answering; never the
quiz's buttons, labels, live regions, hint or answer key (README, "What search finds in a quiz"). Those parts are
held out of the content the search plugin parses and put back in the page as they were."""

from __future__ import annotations

import json
from pathlib import Path

import markdown
import pytest

from sitebuilder import basic_tree, build_site, module
from smartshare.plugin_support import LateHtml
from smartshare.quiz.render import hold_unsearched

GOLDEN = Path(__file__).parent / "golden"
PLUGINS = ["search", "smartshare/curriculum", "smartshare/quiz"]

QUIZZES = """
## Self-check

/// quiz
    hint: Think about *volume* of requests.
Which task suits a chatbot best?

- [x] Answering recurring payroll questions
    Right: repetitive, well-scoped questions are where chatbots shine.
- [ ] Handling a sensitive dismissal
    No: this needs human judgement and empathy.

Chatbots automate the predictable part of a conversation.
///

/// quiz
Which decisions come before choosing a tool?

- [x] When the bot hands over
- [x] Who keeps the answers current
- [ ] The colour of the chat window
    Cosmetic choices can wait for the pilot.
///

/// quiz
How many leave days does a colleague get per year?

- = 25
///
"""

#: every string of the quizzes' interface (English), the hint and what the answer keys say
NOT_FOUND = [
    "Check",
    "Try again",
    "Show the answer",
    "Show answer",
    "Select all that apply",
    "Your answer",
    "Hint",
    "volume",
    "Correct:",
    "Incorrect:",
    "Accepted answers",
    "well-scoped",
    "judgement",
    "Cosmetic",
    "predictable part",
    "Retry the ones I missed",
    "Reset my answers",
]
FOUND = [
    "Which task suits a chatbot best?",
    "Answering recurring payroll questions",
    "Handling a sensitive dismissal",
    "Which decisions come before choosing a tool?",
    "The colour of the chat window",
    "How many leave days does a colleague get per year?",
]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    files = basic_tree()
    files["ai/chatbots.md"] = module("Chatbots") + QUIZZES
    build = build_site(tmp_path_factory.mktemp("quizsearch"), files, config={"plugins": PLUGINS}, strict=True)
    assert build.returncode == 0, build.output
    return build


def _indexed(site, location: str) -> str:
    index = json.loads((site.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    return " ".join(doc["text"] for doc in index["docs"] if doc["location"] == location)


def test_search_finds_the_questions_and_options_of_a_quiz(site):
    text = _indexed(site, "ai/chatbots/#self-check")
    for found in FOUND:
        assert found in text, found


def test_search_finds_no_button_label_hint_or_answer_key_of_a_quiz(site):
    text = _indexed(site, "ai/chatbots/#self-check")
    assert [word for word in NOT_FOUND if word in text] == []


def test_the_page_still_shows_every_part_of_its_quizzes_in_place(site):
    html = site.html("ai/chatbots/")
    assert "smartshare-late" not in html
    assert [word for word in NOT_FOUND if word not in html] == []
    assert '</fieldset>\n<details class="smartshare-quiz__hint">\n<summary>Hint</summary>' in html
    assert '<p class="smartshare-quiz__instruction">Select all that apply.</p>\n<ul class="smartshare-quiz__op' in html
    assert '<label class="smartshare-quiz__label"><span>Your answer</span><input ' in html
    assert html.index('class="smartshare-quiz-summary"') < html.index("smartshare-module-footer")


def _rendered(text: str) -> str:
    return markdown.markdown(
        text,
        extensions=["smartshare.quiz.extension", "fenced_code", "tables", "pymdownx.details"],
        extension_configs={"smartshare.quiz.extension": {"page_url": "ai/chatbots/"}},
    )


PAGES = {
    **{path.stem: path.read_text(encoding="utf-8") for path in sorted(GOLDEN.glob("*.html"))},
    "three kinds": _rendered(QUIZZES),
    # an explanation and a hint that hold disclosures of their own
    "nested details": _rendered(
        '/// quiz\n    hint: See below.\nWhich?\n\n- [x] A\n    ??? note "Why"\n        Because.\n- [ ] B\n///\n'
    ),
    # a page's own HTML that looks like a quiz's parts: a fieldset and a result line with no quiz around them
    "author html": "<fieldset><legend>Form</legend></fieldset>\n<p>text</p>\n"
    + '<p class="smartshare-quiz__result" role="status" tabindex="-1"></p>\n'
    + _rendered(QUIZZES),
}


@pytest.mark.parametrize("name", PAGES)
def test_what_is_held_goes_back_byte_for_byte(name):
    late = LateHtml("quiz")
    held = hold_unsearched(PAGES[name], late.hold)
    assert held != PAGES[name]
    assert late.release(held) == PAGES[name]


def test_what_is_held_is_the_interface_the_hint_and_the_summary():
    pieces: list[str] = []
    html = _rendered(QUIZZES)

    def hold(piece: str) -> str:
        pieces.append(piece)
        return f"<!--held {len(pieces)}-->"

    left = hold_unsearched(html, hold)
    assert [piece.split(">", 1)[0] for piece in pieces] == [
        '<p class="smartshare-quiz__instruction"',
        '<label class="smartshare-quiz__label"',
        '<div class="smartshare-quiz-summary" data-smartshare-page="ai/chatbots/" hidden="hidden"',
        '\n<details class="smartshare-quiz__hint"',
        '\n<p class="smartshare-quiz__actions" hidden="hidden"',
        '\n<p class="smartshare-quiz__actions" hidden="hidden"',
    ]
    assert all(piece.endswith(("</p>", "</label>", "</div></div>")) for piece in pieces)
    assert left.count("</fieldset><!--held") == 3
    for found in FOUND:
        assert found in left, found


def test_a_frame_holding_another_plugins_held_html_is_left_whole():
    other = LateHtml("other")
    html = _rendered(QUIZZES).replace('<p class="smartshare-quiz__actions"', other.hold("<p>x</p>") + "<p", 1)
    pieces: list[str] = []
    hold_unsearched(html, lambda piece: pieces.append(piece) or "")
    assert len(pieces) == 5 and not any("smartshare-late" in piece for piece in pieces)


def test_a_page_without_quizzes_is_left_as_it_is():
    html = '<p>A page.</p>\n</fieldset>\n<p class="smartshare-quiz__instruction">Not a quiz.</p>'
    assert hold_unsearched(html, lambda piece: "") is html
