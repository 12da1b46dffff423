"""Every page type of the example site, scanned by axe-core in light and dark mode, at desktop and phone width."""

import pytest

pytestmark = pytest.mark.browser

PAGE_TYPES = {
    "catalogue": "",
    "track": "ai/",
    "module with quizzes": "ai/chatbots/",
    "mentors": "mentors/",
    "mentor": "mentors/amina-diallo/",
    "tags": "tags/",
    "tag": "tags/ai/",
    "field reference": "reference/fields/",
    "mentor area": "mentor/",
    "mentor sheet": "mentor/ai/chatbots/",
    "track reviews": "mentor/ai/",
    "curriculum statistics": "mentor/statistics/",
    "upcoming sessions": "sessions/",
    "my learning": "my-learning/",
    "glossary": "glossary/",
    "404 (at any depth)": "no/such/page/",
    # the other language sites (site_url is the default language's, en/) and the language chooser at the root
    "language chooser": "../",
    "French module": "../fr/mentoring/discovery-interview/",
    "French page not yet translated": "../fr/ai/chatbots/",
    "Chinese module": "../zh/ai/chatbots/",
}


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [1280, 375])
def test_no_serious_or_critical_violation_on_any_page_type(new_page, site_url, scheme, width):
    from axe_playwright_python.sync_playwright import Axe

    page = new_page(color_scheme=scheme, viewport={"width": width, "height": 800})
    found = {}
    for name, path in PAGE_TYPES.items():
        page.goto(site_url + path)
        violations = Axe().run(page).response["violations"]
        serious = [f"{v['id']} ({len(v['nodes'])}×)" for v in violations if v["impact"] in ("serious", "critical")]
        if serious:
            found[name] = serious
    assert found == {}


def test_pages_fit_a_phone_screen_without_sideways_scrolling(new_page, site_url):
    page = new_page(viewport={"width": 360, "height": 740})
    for path in PAGE_TYPES.values():
        page.goto(site_url + path)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{path or '/'} is {overflow}px wider than the screen"


def test_dark_mode_follows_the_system_setting(new_page, site_url):
    page = new_page(color_scheme="dark")
    page.goto(site_url + "ai/chatbots/")
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
