"""The catalogue of the example site, as a learner first sees it: the tracks lead, the introduction follows."""

import pytest

pytestmark = pytest.mark.browser

LAPTOP = {"width": 1366, "height": 768}
PHONE = {"width": 390, "height": 844}


@pytest.mark.parametrize("viewport", [LAPTOP, PHONE], ids=["laptop", "phone"])
def test_the_first_track_card_shows_without_scrolling(new_page, site_url, viewport):
    page = new_page(viewport=viewport)
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
