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


#: the rules whose result depends on colours alone (axe-core 4): text contrast, and links told apart from text
COLOUR_RULES = ["color-contrast", "link-in-text-block"]
RUN_AXE = """options => axe.run(document, options).then(results =>
    results.violations.map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.length})))"""
#: (scheme, width): the axe rules run there; None is axe's whole default rule set
COMBINATIONS = {
    ("light", 1280): None,  # the reference: every rule
    ("dark", 375): None,  # every rule where the layout (phone) and the palette (dark) both differ
    ("dark", 1280): COLOUR_RULES,
    ("light", 375): COLOUR_RULES,
}


SERIOUS = ("serious", "critical")
#: the page types whose template differs from another's only by language: scanned with every rule in `make test`
#: (light, 1280) and in every combination by `make test-slow`, left out of the dark pass below
LANGUAGE_ONLY = {"French module", "French page not yet translated", "Chinese module"}


def violations(page, site_url, paths, rules):
    """{page type: its serious or critical violations} of axe's `rules` (None: every rule) on each page of `paths`."""
    options = {"resultTypes": ["violations"], **({"runOnly": {"type": "rule", "values": rules}} if rules else {})}
    found = {}
    for name, path in paths.items():
        page.goto(site_url + path)
        serious = [f"{v['id']} ({v['nodes']}×)" for v in page.evaluate(RUN_AXE, options) if v["impact"] in SERIOUS]
        if serious:
            found[name] = serious
    return found


def axe_page(new_page, scheme, width):
    from harness import axe_script

    page = new_page(color_scheme=scheme, viewport={"width": width, "height": 800})
    page.add_init_script(axe_script())  # once for the page rather than sent again with each document
    return page


# `make test` scans every page type once with every rule (light, 1280 px: the first combination), the dark palette's
# colours at phone width (below: the colour rules where the palette and the phone layout both differ) and the
# reflow at phone width (`test_pages_fit_a_phone_screen_without_sideways_scrolling`); the three other combinations
# with every rule each take half a minute of axe: `make test-slow`.
@pytest.mark.parametrize(
    ("scheme", "width"),
    [pytest.param(s, w, marks=[pytest.mark.slow] if (s, w) != ("light", 1280) else []) for s, w in COMBINATIONS],
    ids=[f"{s}-{w}" for s, w in COMBINATIONS],
)
def test_no_serious_or_critical_violation_on_any_page_type(new_page, site_url, scheme, width):
    """axe's whole rule set where it can find something new, the colour rules elsewhere, so that each of the four
    combinations is checked for everything it can change (axe takes seconds a page; a page loads in a tenth):

    - the colour scheme changes colours (every combination runs the colour rules: contrast in dark mode, at phone
      width where other elements show, in both) and which of the palette's two toggles shows (dark at phone width
      runs every rule; both toggles show at every width);
    - the phone width changes the layout: what shows (the drawer, the header's buttons, our components' own media
      queries), what scrolls, target sizes: dark at phone width runs every rule, and the rules other than the
      colour ones do not depend on the scheme (the toggles aside, above).

    A dark-mode contrast defect fails "dark-1280" and "dark-375", a phone-only one "dark-375" (and "light-375" if it
    is a contrast defect), a desktop-only one "light-1280"."""
    page = axe_page(new_page, scheme, width)
    assert violations(page, site_url, PAGE_TYPES, COMBINATIONS[(scheme, width)]) == {}


def test_the_dark_palette_keeps_its_contrast_at_phone_width_on_every_page_type(new_page, site_url):
    """The colour rules in dark mode at phone width (the drawer and the header's buttons show there) on every page
    type but those that differ from another only by language: a dark-mode contrast defect fails here."""
    page = axe_page(new_page, "dark", 375)
    pages = {name: path for name, path in PAGE_TYPES.items() if name not in LANGUAGE_ONLY}
    assert violations(page, site_url, pages, COLOUR_RULES) == {}


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
