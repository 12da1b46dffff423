"""What a learner and a mentor click, in a real headless Chromium: rating links, post-quiz prompt, the mentor sheet printed."""

import sys
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import parse_qs, quote, urlsplit

import pytest
from harness import is_other_host, serve_site

from sitebuilder import build_site

sys.path.insert(0, str(Path(__file__).parents[1] / "feedback"))
from test_feedback_site import CONFIG, NOTE, tree

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    build = build_site(tmp_path_factory.mktemp("feedback-browser"), tree(), config={**CONFIG, "site_url": None})
    assert build.returncode == 0, build.output
    with serve_site(build.site, unchanging=True) as url:  # built once: the module's browser context keeps its files
        yield url


@pytest.fixture
def guard(browser_contexts):
    """The test's pages (`guard.open_page()`), in the module's browser context with empty storage (`ContextPool`),
    and every request they made to another host (`guard.blocked`): Chromium refuses those (tests/browser/harness.py,
    NOWHERE), the feedback form's included. Not `new_page`, which fails a test that tried to leave: the rating click
    must reach the form's host, and that is what is asserted; any other host fails the test."""
    guard = SimpleNamespace(blocked=[])
    with browser_contexts.test(lambda request: is_other_host(request.url) and guard.blocked.append(request.url)) as (
        open_page
    ):
        guard.open_page = open_page
        yield guard
    assert [url for url in guard.blocked if urlsplit(url).hostname != "forms.example.com"] == []


@pytest.fixture
def page(guard):
    """No test here searches: the search worker idle (harness.NO_SEARCH_WORKER)."""
    return guard.open_page(search=False)


def opened(guard, page, link) -> dict:
    with page.context.expect_event("request", lambda request: "forms.example.com" in request.url) as request:
        link.click()
    assert request.value.is_navigation_request()
    assert link.get_attribute("target") == "_blank"  # the learner keeps the module open
    return parse_qs(urlsplit(request.value.url).query, keep_blank_values=True)


def test_one_click_on_a_face_opens_the_form_prefilled(page, guard, base_url):
    page.goto(base_url + "ai/chatbots/")
    fields = opened(guard, page, page.locator(".smartshare-feedback__rating[data-rating='3']"))
    assert fields["module"] == ["ai/chatbots"] and fields["rating"] == ["3"] and fields["mentor"] == ["Amina Diallo"]
    assert fields["url"] == [base_url + "ai/chatbots/"] and fields["score"] == [""]


def test_after_the_self_check_the_block_invites_feedback_with_the_score(page, base_url):
    page.goto(base_url + "ai/chatbots/")
    prompt = page.locator("[data-smartshare-feedback-prompt]")
    assert prompt.is_hidden()
    page.evaluate("""document.dispatchEvent(new CustomEvent("smartshare:quiz-summary",
        {detail: {page: "ai/chatbots/", correct: 3, total: 4}}))""")
    assert prompt.inner_text().startswith("You scored 3/4 in the self-check.")
    href = page.locator(".smartshare-feedback__rating[data-rating='1']").get_attribute("href")
    assert "score=" + quote("3/4", safe="") in href and "rating=1" in href


def test_the_mentor_link_is_remembered_across_pages_and_reloads_until_switched_off(page, base_url):
    page.goto(base_url + "ai/chatbots/")
    link = page.get_by_role("link", name="Mentor sheet of this module")
    assert link.count() == 0  # hidden: not in the accessibility tree
    page.goto(base_url + "mentor/")
    page.get_by_role("button", name="Mentor view").click()
    page.goto(base_url + "ai/machine-learning/")
    page.reload()
    assert link.is_visible()
    assert page.get_by_text(NOTE).count() == 0  # the course page itself holds no note
    page.goto(base_url + "mentor/")
    page.get_by_role("button", name="Mentor view").click()
    page.goto(base_url + "ai/chatbots/")
    assert link.count() == 0


def test_printing_the_mentor_sheet_gives_kit_notes_and_headings_without_the_course_text(page, base_url):
    page.goto(base_url + "mentor/ai/chatbots/")
    page.emulate_media(media="print")
    assert page.get_by_text(NOTE).is_visible()
    assert page.get_by_text("Warm-up round").is_visible()
    assert page.get_by_text("Did everyone leave with a use case?").is_visible()
    assert page.get_by_text("After the note.").is_hidden()  # the learner's text is left out of the sheet
    assert page.get_by_role("button", name="Print the mentor sheet").is_hidden()


def test_a_click_on_a_face_is_acknowledged_remembered_after_reload_and_announced_as_an_event(page, base_url):
    # a `mailto:` channel: nothing comes back from the mail client, the page itself must say the click counted
    page.goto(base_url + "ai/machine-learning/?session=S-2026-11")
    page.evaluate("""document.addEventListener("smartshare:rating", e => { window.rated = e.detail })""")
    thanks = page.get_by_role("status").filter(has_text="Thanks")
    assert thanks.count() == 0
    page.evaluate("""document.querySelector('.smartshare-feedback__rating[data-rating="2"]')
        .addEventListener("click", e => e.preventDefault())""")  # the mail client is not what is tested here
    page.get_by_role("link", name="Partly useful").click()
    assert thanks.is_visible()
    assert thanks.inner_text() == (
        "Thanks — your rating “Partly useful” is remembered on this device. Send the e-mail that opened so that "
        "your mentor receives it."
    )
    assert page.evaluate("window.rated") == {"module": "ai/machine-learning", "rating": 2, "session": "S-2026-11"}
    page.reload()
    chosen = page.locator(".smartshare-feedback__rating[aria-current='true']")
    assert chosen.count() == 1 and chosen.get_attribute("data-rating") == "2"
    assert page.get_by_role("status").inner_text() == "You rated this module “Partly useful” on this device."
    page.goto(base_url + "ai/chatbots/")  # another module keeps its own rating: none yet
    assert page.locator(".smartshare-feedback__rating[aria-current='true']").count() == 0
    # the next module of the session, reached without ?session=: the tab still knows which session this is
    page.evaluate("""document.addEventListener("smartshare:rating", e => { window.rated = e.detail })""")
    page.evaluate("""document.querySelector('.smartshare-feedback__rating[data-rating="3"]')
        .addEventListener("click", e => e.preventDefault())""")
    page.get_by_role("link", name="Very useful").click()
    assert page.evaluate("window.rated") == {"module": "ai/chatbots", "rating": 3, "session": "S-2026-11"}
