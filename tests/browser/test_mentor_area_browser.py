"""The mentor area in Chromium: a mentor opts in once, then each course page links to its mentor page; the mentor
sheet prints on one page, without its Print button."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser

NOTE = "Answer with the demo, not with theory"


@pytest.fixture
def page(tab):
    """The module's tab, emptied between tests (tests/browser/conftest.py, `tab`): no test here searches or adds
    scripts, routes or handlers to the page it is given (the print media it emulates, the tab's reset undoes)."""
    return tab


def test_course_pages_show_no_mentor_link_until_a_mentor_opts_in(page, site_url):
    page.goto(site_url + "ai/chatbots/")
    link = page.locator("[data-smartshare-mentor-link] a")
    assert link.count() == 1 and link.is_hidden()
    assert page.get_by_text(NOTE).count() == 0


def test_the_mentor_link_leads_to_the_mentor_page_of_the_same_module(page, site_url):
    page.goto(site_url + "mentor/")
    optin = page.get_by_role("button", name="Mentor view")
    optin.click()
    assert optin.get_attribute("aria-pressed") == "true"
    page.goto(site_url + "ai/chatbots/")
    page.get_by_role("link", name="Mentor sheet of this module").click()
    page.wait_for_url(site_url + "mentor/ai/chatbots/")
    assert page.get_by_role("heading", name=re.compile("^Mentor sheet: Chatbots for managers")).is_visible()
    assert page.get_by_text(NOTE).is_visible()
    page.goto(site_url + "ai/")
    page.get_by_role("link", name="Mentor page of this track").click()
    page.wait_for_url(site_url + "mentor/ai/")
    assert page.locator("table.smartshare-reviews").is_visible()


def test_the_mentor_sheet_prints_on_one_page_without_its_print_button(page, site_url):
    page.goto(site_url + "mentor/ai/chatbots/")
    button = page.get_by_role("button", name="Print the mentor sheet")
    assert button.is_visible()
    page.emulate_media(media="print")
    assert button.is_hidden()
    assert page.get_by_text(NOTE).is_visible()
    assert page.locator(".smartshare-quiz__answer").first.get_by_text("Correct:").first.is_visible()  # answer keys
    assert page.get_by_text("A chatbot is a program that holds a written conversation").is_hidden()  # course text
    pdf = page.pdf(format="A4")
    pages = len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf))
    assert pages == 1, f"the mentor sheet prints on {pages} pages"
