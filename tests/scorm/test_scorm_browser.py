"""A SCORM package in a stand-in LMS (scorm-again's SCORM 1.2 API, from npm): what the LMS receives, and resuming."""

from __future__ import annotations

import json
import shutil
import urllib.parse
from pathlib import Path

import pytest
from harness import is_other_host, serve_site
from scormtree import GROUP, SCORM_AGAIN, unpack

pytestmark = [pytest.mark.browser, GROUP]  # GROUP: one SCORM export for both modules
HERE = Path(__file__).parent
LAUNCH = "pkg/ai/chatbots.html?smartshare-sco=1"


@pytest.fixture(scope="module")
def lms(packages, npm_packages, tmp_path_factory):
    """The stand-in LMS page and the unpacked track package, served on 127.0.0.1."""
    www = tmp_path_factory.mktemp("lms")
    unpack(packages / "ai.zip", www / "pkg")
    shutil.copy(HERE / "lms.html", www / "lms.html")
    shutil.copy(SCORM_AGAIN, www / "scorm12.min.js")
    with serve_site(www, unchanging=True) as base:  # unpacked once: the module's browser context keeps its files
        yield base


@pytest.fixture
def open_in_lms(browser_contexts, lms):
    """`open_in_lms(start, launch, empty_lesson_mode)`: the stand-in LMS launching a SCO, in a page of the module's
    browser context with empty storage (`ContextPool`, tests/browser/harness.py); a second call in a test opens a new
    browser profile (a context of its own). Yields (page, the SCO's frame); no page may request another host."""
    blocked: list[str] = []
    with browser_contexts.test(lambda request: is_other_host(request.url) and blocked.append(request.url)) as (
        open_page
    ):

        def open_(start: dict | None = None, launch: str = LAUNCH, empty_lesson_mode=False):
            page = open_page()
            page.set_default_timeout(10_000)
            if start is not None:
                page.add_init_script(f"window.lmsStart = {json.dumps(start)}")
            if empty_lesson_mode:
                page.add_init_script("window.lmsEmptyLessonMode = true")
            page.goto(f"{lms}lms.html?sco={urllib.parse.quote(launch)}")
            frame = page.frame_locator("iframe")
            frame.locator(".smartshare-quiz-summary:not([hidden])" if launch == LAUNCH else "article h1").wait_for()
            return page, frame

        yield open_
    assert blocked == []


def cmi(page) -> dict:
    return page.evaluate(
        """() => { const c = window.API.cmi.core; return {status: c.lesson_status, raw: c.score.raw,
        min: c.score.min, max: c.score.max, suspend: window.API.cmi.suspend_data, log: window.lmsLog} }"""
    )


def test_the_lms_receives_completion_and_score_and_a_new_session_resumes_the_answers(open_in_lms):
    page, frame = open_in_lms()
    assert cmi(page)["status"] == "incomplete"  # on arrival
    quizzes = frame.locator(".smartshare-quiz")
    quizzes.nth(0).locator("input").nth(0).check()  # the right option
    quizzes.nth(0).locator("[data-action=check]").click()
    quizzes.nth(1).locator("input").fill("85")  # a wrong answer
    quizzes.nth(1).locator("[data-action=check]").click()
    page.wait_for_function("window.API.cmi.core.lesson_status == 'completed'")
    first = cmi(page)
    assert (first["raw"], first["min"], first["max"]) == ("50", "0", "100")
    answers = json.loads(first["suspend"])["q"]
    assert {quiz: (entry["a"], entry["ok"]) for quiz, entry in answers.items()} == {
        "quiz-1": ([0], True),
        "quiz-2": ("85", False),
    }
    assert len(first["suspend"]) <= 4096
    calls = first["log"]
    assert calls[0] == ["initialize"]
    assert calls.count(["commit"]) == 1  # sparingly: once, when the module is completed

    start = {"core": {"lesson_status": "completed", "score": {"raw": "50", "min": "0", "max": "100"}}}
    start["suspend_data"] = first["suspend"]
    page, frame = open_in_lms(start)  # a new browser profile: nothing in its storage, only what the LMS kept
    quizzes = frame.locator(".smartshare-quiz")
    assert {"smartshare-quiz", "is-checked", "is-right"} <= set(quizzes.nth(0).get_attribute("class").split())
    assert quizzes.nth(1).get_attribute("class").split() == ["smartshare-quiz", "is-checked", "is-wrong"]
    assert quizzes.nth(1).locator("input").input_value() == "85"
    assert "1 of 2" in frame.locator(".smartshare-quiz-summary__score").inner_text()
    again = cmi(page)
    assert again["status"] == "completed" and again["raw"] == "50"
    assert ["commit"] not in again["log"]  # nothing changed, nothing committed


def test_an_empty_lesson_mode_counts_as_normal(open_in_lms):
    page, frame = open_in_lms({"core": {}}, empty_lesson_mode=True)
    assert page.evaluate("window.API.LMSGetValue('cmi.core.lesson_mode')") == ""
    assert cmi(page)["status"] == "incomplete"
    quiz = frame.locator(".smartshare-quiz").nth(1)
    quiz.locator("input").fill("90")
    quiz.locator("[data-action=check]").click()
    assert ["set", "cmi.suspend_data", '{"q":{}}'] not in cmi(page)["log"]
    page.wait_for_function("(JSON.parse(window.API.cmi.suspend_data || '{}').q || {})['quiz-2']")


def test_in_review_mode_nothing_is_written(open_in_lms):
    start = {"core": {"lesson_mode": "review", "lesson_status": "completed"}, "suspend_data": ""}
    page, frame = open_in_lms(start)
    quiz = frame.locator(".smartshare-quiz").nth(1)
    quiz.locator("input").fill("90")
    quiz.locator("[data-action=check]").click()
    frame.locator(".smartshare-quiz.is-checked").wait_for()
    assert [call for call in cmi(page)["log"] if call[0] != "initialize"] == []


def test_a_module_without_self_check_is_completed_by_opening_it_without_a_score(open_in_lms):
    page, _ = open_in_lms(launch="pkg/ai/machine-learning.html?smartshare-sco=1")
    page.wait_for_function("window.API.cmi.core.lesson_status == 'completed'")
    assert cmi(page)["raw"] == ""


def test_outside_an_lms_the_package_pages_work_and_report_nothing(browser_contexts, lms):
    blocked: list[str] = []
    with browser_contexts.test(lambda request: is_other_host(request.url) and blocked.append(request.url)) as (
        open_page
    ):
        page = open_page()
        check_outside_an_lms(page, lms)
    assert blocked == []


def check_outside_an_lms(page, lms) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(lms + LAUNCH)
    quiz = page.locator(".smartshare-quiz").nth(1)
    quiz.locator("input").fill("90")
    quiz.locator("[data-action=check]").click()
    assert {"smartshare-quiz", "is-checked", "is-right"} <= set(quiz.get_attribute("class").split())
    assert errors == []
