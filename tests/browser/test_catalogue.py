"""The catalogue of the example site, as a learner first sees it: the tracks lead, the introduction follows."""

import pytest

pytestmark = pytest.mark.browser


@pytest.fixture
def page(tab):
    """The module's tab, emptied between tests (tests/browser/conftest.py, `tab`): no test here searches or adds
    scripts, routes or handlers to the page it is given."""
    return tab


LAPTOP = {"width": 1366, "height": 768}
PHONE = {"width": 390, "height": 844}


@pytest.mark.parametrize("viewport", [LAPTOP, PHONE], ids=["laptop", "phone"])
def test_the_first_track_card_shows_without_scrolling(page, site_url, viewport):
    page.set_viewport_size(viewport)  # as a context's `viewport` sets it
    page.goto(site_url)
    card = page.locator(".smartshare-card--track").first.bounding_box()
    assert card is not None and card["y"] + 60 < viewport["height"], card  # its title and summary show


def test_the_authors_introduction_comes_after_the_tracks_folded(page, site_url):
    page.goto(site_url)
    order = page.evaluate(
        """() => {
            const track = document.querySelector(".smartshare-card--track");
            const about = document.querySelector("details.smartshare-about");
            return Boolean(track.compareDocumentPosition(about) & Node.DOCUMENT_POSITION_FOLLOWING);
        }"""
    )
    assert order
    about = page.locator("details.smartshare-about")
    assert about.locator("summary").inner_text() == "About this programme"
    assert not about.evaluate("d => d.open")
    intro = about.get_by_text("Every month, the people who live with new digital tools")
    assert intro.is_hidden()
    about.locator("summary").click()
    assert intro.is_visible()
    assert page.locator("h1").inner_text().startswith("Learning together")


def visible_cards(page):
    return page.locator(".smartshare-filterable .smartshare-cards > li:visible [data-smartshare-module]")


def test_filters_narrow_the_modules_and_the_address_keeps_them(page, site_url):
    page.goto(site_url)
    every = page.locator(".smartshare-filterable [data-smartshare-module]").count()
    beginners = page.locator(".smartshare-filterable [data-smartshare-level='beginner']").count()
    assert 0 < beginners < every and visible_cards(page).count() == every
    status = page.locator(".smartshare-filters [role=status]")
    assert status.inner_text() == f"{every} modules shown"

    page.get_by_label("Level").select_option("beginner")
    assert page.url == site_url + "?level=beginner"
    assert visible_cards(page).count() == beginners
    assert status.inner_text() == f"{beginners} modules shown"  # said by the live region

    page.get_by_label("Tag").select_option("customer service")
    assert page.url == site_url + "?level=beginner&tag=customer+service"
    shown = [card.get_attribute("data-smartshare-module") for card in visible_cards(page).all()]
    assert shown == ["ai/chatbots"]
    assert status.inner_text() == "1 module shown"

    page.reload()
    assert page.get_by_label("Level").input_value() == "beginner"
    assert page.get_by_label("Tag").input_value() == "customer service"
    assert [card.get_attribute("data-smartshare-module") for card in visible_cards(page).all()] == shown

    visible_cards(page).first.get_by_role("link", name="Chatbots for managers").click()
    page.wait_for_url(site_url + "ai/chatbots/")
    page.go_back()
    page.wait_for_url(site_url + "?level=beginner&tag=customer+service")
    assert page.locator(".smartshare-filters [role=status]").inner_text() == "1 module shown"
    assert page.get_by_label("Tag").input_value() == "customer service"

    page.get_by_role("button", name="Show all modules").click()
    assert page.url == site_url
    assert visible_cards(page).count() == every
    assert page.evaluate("document.activeElement.name") == "level"  # focus stays in the form


def test_a_shared_link_filters_a_track_page_by_duration(page, site_url):
    page.goto(site_url + "mentoring/?duration=30-60")
    minutes = [int(card.get_attribute("data-smartshare-duration")) for card in visible_cards(page).all()]
    hidden = page.locator(".smartshare-cards > li:not(:visible) [data-smartshare-module]").all()
    assert minutes and all(30 < m <= 60 for m in minutes)
    assert hidden and all(int(card.get_attribute("data-smartshare-duration")) > 60 for card in hidden)
    assert page.get_by_label("Duration").input_value() == "30-60"


def test_a_filter_nothing_matches_says_so(page, site_url):
    page.goto(site_url + "?audience=mentors&tag=sales")
    assert visible_cards(page).count() == 0
    assert page.locator(".smartshare-filters [role=status]").inner_text() == "No module matches these filters."


def test_a_value_no_module_has_is_dropped_from_the_address(page, site_url):
    page.goto(site_url + "?level=expert&tag=ai")
    assert page.url == site_url + "?tag=ai"
    assert page.get_by_label("Level").input_value() == ""


def test_without_javascript_every_module_is_listed_and_no_filter_shows(new_page, site_url):
    page = new_page(java_script_enabled=False)
    page.goto(site_url + "?level=beginner")
    assert page.locator(".smartshare-filters").is_hidden()
    cards = page.locator(".smartshare-filterable .smartshare-cards > li")
    assert cards.count() > 5 and all(card.is_visible() for card in cards.all())


# axe scans the filtered catalogue and track page with the other page types (test_accessibility.py, `walk`)


def test_filters_work_from_the_keyboard_on_a_phone(page, site_url):
    page.set_viewport_size(PHONE)
    page.goto(site_url)
    page.get_by_label("Level").focus()
    page.keyboard.press("ArrowDown")  # a closed select changes its value with the arrow keys
    assert page.url == site_url + "?level=beginner"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.name") == "duration"
    beginners = page.locator(".smartshare-filterable [data-smartshare-level='beginner']").count()
    assert page.locator(".smartshare-filters [role=status]").inner_text() == f"{beginners} modules shown"
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
