"""Less documentation chrome, in Chromium on the example site: the mentor view switch, the repository and edit links
it reveals, the 404 page at any depth, and what a learner's print of a module leaves out."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser


@pytest.fixture
def page(tab):
    """The module's tab, emptied between tests (tests/browser/conftest.py, `tab`), whose search never starts: the
    test of the 404 page's search takes a page of its own."""
    return tab


PAGE_TYPES = ["", "ai/", "ai/chatbots/", "mentors/amina-diallo/", "sessions/", "my-learning/", "mentor/ai/chatbots/"]


def test_the_mentor_view_switch_is_first_in_every_page_says_its_state_and_reveals_the_source_links(page, site_url):
    page.goto(site_url + "ai/chatbots/")
    switch = page.get_by_role("button", name="Mentor view", exact=True)
    assert switch.get_attribute("aria-pressed") == "false" and switch.inner_text().split() == ["Mentor", "view", "off"]
    assert page.locator(".md-header__source").is_hidden() and page.locator(".md-content__button").is_hidden()
    assert page.get_by_role("link", name="Mentor sheet of this module").count() == 0
    switch.click()
    assert switch.get_attribute("aria-pressed") == "true" and switch.inner_text().split() == ["Mentor", "view", "on"]
    assert page.locator(".md-header__source").is_visible() and page.locator(".md-content__button").is_visible()
    assert page.get_by_role("link", name="Mentor sheet of this module").is_visible()
    for path in PAGE_TYPES:  # remembered, and at the same place: the first thing of the content
        page.goto(site_url + path)
        first = page.locator("article.md-content__inner > :first-child")
        assert first.get_attribute("class") == "smartshare-mentor-optin", path
        assert first.get_by_role("button", name="Mentor view").get_attribute("aria-pressed") == "true", path
    page.get_by_role("button", name="Mentor view").click()
    assert page.locator(".md-header__source").is_hidden()


def test_without_javascript_there_is_no_switch_and_no_source_links(new_page, site_url):
    page = new_page(java_script_enabled=False)
    page.goto(site_url + "ai/chatbots/")
    assert page.get_by_role("button", name="Mentor view").count() == 0
    assert page.locator(".md-header__source").is_hidden() and page.locator(".md-content__button").is_hidden()


def test_a_missing_page_deep_in_the_site_gets_a_styled_404_whose_search_opens_the_sites_search(new_page, site_url):
    page = new_page()  # with the site's search
    response = page.goto(site_url + "no/such/deep/page/")
    assert response.status == 404
    assert page.get_by_role("heading", name="Page not found").is_visible()
    header = page.locator(".md-header").evaluate("e => getComputedStyle(e).position")
    assert header == "sticky"  # the theme's stylesheet loaded from this depth
    assert page.get_by_role("link", name="Browse the catalogue").evaluate("a => a.href") == site_url
    page.get_by_role("searchbox", name="Search the site").fill("chatbot")
    page.get_by_role("button", name="Search", exact=True).click()
    page.wait_for_url(re.compile(r"/\?q=chatbot$|/$"))
    results = page.locator(".md-search-result__item")
    results.first.wait_for()
    assert page.locator(".md-search__input").input_value() == "chatbot"


def test_a_learners_print_of_a_module_is_the_lesson_without_chrome(page, site_url):
    page.goto(site_url + "ai/chatbots/")
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".md-footer-meta"):
        assert page.locator(chrome).first.is_hidden(), chrome
    for widget in (".smartshare-feedback", ".smartshare-mentor-optin", ".smartshare-next-sessions"):
        assert page.locator(widget).first.is_hidden(), widget
    assert page.get_by_role("heading", name="Chatbots for managers", level=1).is_visible()
    assert page.get_by_text("Which request suits a chatbot best?").is_visible()  # quizzes print their questions
    assert page.locator(".smartshare-quiz__actions").first.is_hidden()
    assert page.locator(".smartshare-quiz__answer").first.is_hidden()  # and no answers
