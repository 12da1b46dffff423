"""Quizzes and feedback together on the example site, driven only by what a learner and a mentor click."""

import json
import re
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

pytestmark = pytest.mark.browser


@pytest.fixture
def page(tab):
    """The module's tab, emptied between tests (tests/browser/conftest.py, `tab`): no test here searches or adds
    scripts, routes or handlers to the page it is given."""
    return tab


def answer_every_quiz(page, wrong: int = 0) -> None:
    """Tick the right options of each quiz (the last `wrong` quizzes get a wrong one), then check each."""
    quizzes = page.locator(".smartshare-quiz")
    for index in range(quizzes.count()):
        quiz = quizzes.nth(index)
        key = json.loads(quiz.get_attribute("data-key"))
        inputs = quiz.locator("input")
        picks = key if index < quizzes.count() - wrong else [i for i in range(inputs.count()) if i not in key][:1]
        for option in picks:
            inputs.nth(option).check()
        quiz.get_by_role("button", name="Check").click()


def test_after_the_self_check_the_feedback_block_carries_the_score(page, site_url):
    page.goto(site_url + "ai/chatbots/")
    answer_every_quiz(page, wrong=1)
    assert page.locator(".smartshare-quiz-summary").get_by_text("3 of 4 correct").is_visible()
    prompt = page.locator("[data-smartshare-feedback-prompt]")
    assert prompt.is_visible() and "3/4" in prompt.inner_text()
    rating = page.locator(".smartshare-feedback__rating[data-rating='3']")
    link = urlsplit(rating.get_attribute("href"))
    body = unquote(parse_qs(link.query)["body"][0])
    assert link.scheme == "mailto"
    assert "Module: ai/chatbots" in body and "Rating (1-3): 3" in body and "Self-check score: 3/4" in body
    assert f"Page: {site_url}ai/chatbots/" in body
    # the keys the import maps back: the page's language and the commit the site was built from (when in git)
    assert "\nLanguage: en\r\n" in body and re.search(r"\nBuild: [0-9a-f]*\r\n", body)


def test_the_track_page_shows_the_self_check_score_of_a_module(page, site_url):
    page.goto(site_url + "ai/chatbots/")
    answer_every_quiz(page)
    page.goto(site_url + "ai/")
    card = page.locator('[data-smartshare-page="ai/chatbots/"] [data-smartshare-progress]')
    assert card.is_visible() and "4 of 4" in card.inner_text()
    assert page.locator('[data-smartshare-page="ai/generative-ai-at-work/"] [data-smartshare-progress]').is_hidden()


def test_the_mentor_sheet_shows_the_answer_keys_before_any_check(page, site_url):
    page.goto(site_url + "ai/chatbots/")
    assert page.locator(".smartshare-quiz__answer").first.is_hidden()  # learners check first
    page.goto(site_url + "mentor/ai/chatbots/")
    first_key = page.locator(".smartshare-quiz__answer").first
    assert first_key.is_visible()
    assert first_key.get_by_text("Correct:").first.is_visible()
    page.emulate_media(media="print")
    assert first_key.is_visible()  # the printed mentor sheet carries the answer key


def test_a_learner_printout_has_the_questions_without_the_answers(page, site_url):
    page.goto(site_url + "ai/chatbots/")
    answer_every_quiz(page)
    page.emulate_media(media="print")
    assert page.get_by_text("Which request suits a chatbot best?").is_visible()
    assert page.locator(".smartshare-quiz__answer").first.is_hidden()
    assert page.locator(".smartshare-quiz__result").first.is_hidden()
