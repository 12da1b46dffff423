"""Every page type of the example site, scanned by axe-core in light and dark mode, at desktop and phone width."""

import contextlib

import pytest
from harness import is_other_host
from playwright.sync_api import TimeoutError as PlaywrightTimeout

pytestmark = pytest.mark.browser

PAGE_TYPES = {
    "catalogue": "",
    "catalogue, filtered": "?level=beginner&tag=ai",  # the filters' form with values chosen, their live status
    "track": "ai/",
    "track, filtered": "ai/?duration=over-60",
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
#: the page types `make test` scans with the colour rules (`walk`: light at 1280 px, dark at phone width), each
#: showing colours no other page type shows: which, and why the others are left to `make test-slow`, in
#: `test_no_serious_or_critical_violation_in_light_at_desktop_width`
CONTRAST_CHECKED = (
    "track",
    "module with quizzes",
    "mentor sheet",
    "track reviews",
    "404 (at any depth)",
    "French page not yet translated",
)


def violations(page, site_url, paths, rules):
    """{page type: its serious or critical violations} of axe's `rules` (None: every rule) on each page of `paths`."""
    found = {}
    for name, path in paths.items():
        page.goto(site_url + path)
        serious = scan(page, rules)
        if serious:
            found[name] = serious
    return found


def scan(page, rules, *, colours: bool = True) -> list[str]:
    """The serious or critical violations of axe's `rules` (None: every rule) on the page as it is; without the colour
    rules (COLOUR_RULES) if not `colours`."""
    options = {"resultTypes": ["violations"], **({"runOnly": {"type": "rule", "values": rules}} if rules else {})}
    if not colours:
        options["rules"] = {rule: {"enabled": False} for rule in COLOUR_RULES}
    return [f"{v['id']} ({v['nodes']}×)" for v in page.evaluate(RUN_AXE, options) if v["impact"] in SERIOUS]


def axe_page(new_page, scheme, width):
    from harness import axe_script

    page = new_page(color_scheme=scheme, viewport={"width": width, "height": 800})
    page.add_init_script(axe_script())  # once for the page rather than sent again with each document
    return page


PHONE = 375  # the dark pass's width
NARROW = 360  # the narrowest phone the pages must fit without sideways scrolling
#: the other language sites' home pages: loaded by the dark pass only, for the requests they make (their template
#: is the catalogue's, which every rule scans in English)
OTHER_HOMES = ("../fr/", "../zh/")
MISSING = "404 (at any depth)"


def record_failures(context, failed: list[str]) -> None:
    """Record each request to this machine that failed or was answered with an error (but the missing page's own
    404), as tests/intranet/test_browser_intranet.py does under a sub-path: the site served at the root fetches every
    file it names."""
    context.on(
        "response",
        lambda response: (
            response.status >= 400
            and PAGE_TYPES[MISSING] not in response.url
            and failed.append(f"{response.status} {response.url}")
        ),
    )
    context.on(
        "requestfailed",
        lambda request: (
            not is_other_host(request.url)
            and request.failure != "net::ERR_ABORTED"  # a request the page itself cancelled by moving on
            and failed.append(f"failed {request.url}")
        ),
    )


#: the page type of each language site whose search worker `walk` lets run (the first it loads there): it loads what
#: the worker itself loads (the theme's worker, lunr's languages), the same files from every page of that site. On the
#: other page types the worker is idle (harness.NO_SEARCH_WORKER: its file still fetched, so a page naming a worker
#: that is not there still fails the walk), which spares each load the indexing of the whole site.
SEARCHED = {"catalogue", "French module", "Chinese module"}


def load(page, url: str, *, search: bool) -> None:
    """`page.goto(url)`, with Material's search worker running (`search`) or idle (NO_SEARCH_WORKER)."""
    from harness import NO_SEARCH_WORKER

    if search:
        page.goto(url)
        return
    with page.add_init_script(NO_SEARCH_WORKER):  # for this document only
        page.goto(url)


#: every document of the walk starts with empty storage, as in a browser that never opened the site: the palette the
#: theme stores on each page (`__palette`) never carries a scheme to the next one, so each page type shows the
#: scheme of the system setting it was loaded with
EMPTY_STORAGE = "(() => { try { localStorage.clear() } catch (error) {} })()"
#: the theme's palette toggle's input for the light palette (the header's button for it is a label of this input)
LIGHT_TOGGLE = "input[data-md-color-media='(prefers-color-scheme: light)']"
#: the palette the theme shows, once it has stopped switching (it turns transitions off meanwhile)
SCHEME = (
    "document.body.hasAttribute('data-md-color-switching') ? null : document.body.getAttribute('data-md-color-scheme')"
)


def switch_to_light(page) -> str | None:
    """The system setting turned to light, the window widened to 1280 px and the light palette chosen with the
    theme's toggle, on the page as loaded: the scheme it then shows. (The theme keeps the palette it chose on load
    when the system setting changes later: a reader switches with the toggle.)"""
    page.emulate_media(color_scheme="light")
    page.set_viewport_size({"width": 1280, "height": 800})
    page.evaluate(f"document.querySelector({LIGHT_TOGGLE!r})?.click()")
    with contextlib.suppress(PlaywrightTimeout):  # what shows instead is recorded: the light-1280 test fails
        page.wait_for_function(f"({SCHEME}) === 'default'", timeout=5_000)
    return page.evaluate(SCHEME)


@pytest.fixture(scope="module")
def walk(browser, site_url):
    """Every page type loaded once, as `make test` checks it: in a browser set to dark mode at phone width (the
    colour rules on CONTRAST_CHECKED, then the reflow at 360 px, the same document narrowed), then, in the same
    document, switched to light and widened to 1280 px (`switch_to_light`: axe's every rule, the colour rules on
    CONTRAST_CHECKED only). Each test below reads its part:
    {"light-1280" | "dark-375" | "overflow-360": {page type: what was found}}, and the requests that tried to leave
    localhost.

    The colour rules take most of axe's time (seconds a page), so they run on the page types whose colours are their
    own (CONTRAST_CHECKED; see `test_no_serious_or_critical_violation_in_light_at_desktop_width` for why these) and
    in the two combinations where the palette can show something new (see
    `test_no_serious_or_critical_violation_on_any_page_type`). One load a page type rather than one per combination:
    a page load is about half the time of an axe scan."""
    from harness import axe_script, guard_requests

    blocked: list[str] = []
    failed: list[str] = []
    found: dict[str, dict] = {
        "light-1280": {},
        "dark-375": {},
        "overflow-360": {},
        "scheme": {},
        "light scheme": {},
        "heading": {},
        "filters": {},
        "blocked": blocked,
        "failed": failed,
    }
    context = browser.new_context(color_scheme="dark", viewport={"width": PHONE, "height": 800})
    try:
        guard_requests(context, blocked)
        record_failures(context, failed)
        context.add_init_script(axe_script())
        context.add_init_script(EMPTY_STORAGE)
        page = context.new_page()
        for name, path in PAGE_TYPES.items():
            page.emulate_media(color_scheme="dark")
            page.set_viewport_size({"width": PHONE, "height": 800})
            load(page, site_url + path, search=name in SEARCHED)
            found["scheme"][name] = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
            if name in CONTRAST_CHECKED:
                found["dark-375"][name] = scan(page, COLOUR_RULES)
            page.set_viewport_size({"width": NARROW, "height": 740})
            found["overflow-360"][name] = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            found["light scheme"][name] = switch_to_light(page)
            found["light-1280"][name] = scan(page, None, colours=name in CONTRAST_CHECKED)
            shown = ".md-header" if name == MISSING else "h1"  # the 404 page: with the site's styles and header
            found["heading"][name] = page.locator(shown).first.is_visible()
            if name in ("catalogue, filtered", "track, filtered"):  # the filters' form, which scripts add: axe saw it
                filters = page.locator(".smartshare-filters")
                found["filters"][name] = filters.is_visible() and bool(filters.locator("[role=status]").inner_text())
        page.emulate_media(color_scheme="dark")
        page.set_viewport_size({"width": PHONE, "height": 800})
        for path in OTHER_HOMES:
            load(page, site_url + path, search=False)
            found["heading"][path] = page.locator("h1").first.is_visible()
        page.goto("about:blank")  # every request of the last page answered
    finally:
        context.close()
    return found


def test_no_serious_or_critical_violation_in_light_at_desktop_width(walk):
    """Every rule of axe on every page type (light, 1280 px: `walk`), the colour rules on CONTRAST_CHECKED only, so
    that a contrast defect of any style of ours fails here (and in the dark pass below) at about a quarter of the
    colour rules' time on every page type. Together these six show every text colour on its background that the page
    types show, at the same size and weight or a smaller one (the colour, size and weight of each element with text
    and the background behind it, listed on every page type), but the field reference's highlighted code; each
    stands for the page types of its kind:

    - the track: cards, the filters' form, progress bars, the certificate's notice, sessions planned, full and
      cancelled (what the catalogue, the language chooser, the tag, mentors and filtered pages show, and more);
    - the module with quizzes: quizzes, the feedback block, tags, the module's header, footer, pager and progress
      (the translated modules are its template with other words);
    - the mentor sheet: the kit and notes on the accent's tint, the run sheet, answer keys, comments, flags, charts;
    - the track reviews: the mentor area's tables (one rule styles all four, the statistics' too), what needs
      attention, the charts' labels;
    - the 404 page: its search form and the theme's filled button (white on the primary colour);
    - the French page not yet translated: its notice, and a quiz's instruction in the pale text.

    The others: the upcoming sessions and the mentor's page are session lists and buttons (the track's), the agenda's
    filters in the body's colours; my learning is the module's controls; the statistics are the review page's tables
    and charts; the mentor area, the tags and glossary pages are the theme's text, links and tags; the field
    reference is the theme's own tables and highlighted code, in colours the site does not set. The colour rules on
    every page type, in every combination: `make test-slow` (`test_no_serious_or_critical_violation_on_any_page_type`).
    """
    assert walk["blocked"] == []
    # scanned in the light palette (`switch_to_light`)
    assert {name: scheme for name, scheme in walk["light scheme"].items() if scheme != "default"} == {}
    assert {name: serious for name, serious in walk["light-1280"].items() if serious} == {}
    assert len(walk["light-1280"]) == len(PAGE_TYPES)


def test_the_dark_palette_keeps_its_contrast_at_phone_width(walk):
    """The colour rules in dark mode at phone width (the drawer and the header's buttons show there) on the page types
    whose colours are their own (CONTRAST_CHECKED, as in light above): a dark-mode contrast defect fails here."""
    assert walk["blocked"] == []
    assert {name: serious for name, serious in walk["dark-375"].items() if serious} == {}
    assert set(walk["dark-375"]) == set(CONTRAST_CHECKED)


# `make test` scans every page type with every rule but the colour ones (light, 1280 px), the colour rules on
# CONTRAST_CHECKED in light at 1280 px and in dark at phone width, and the reflow at phone width, in one load of
# each page type (`walk`, above); each of the four combinations below takes half a minute to a minute of axe:
# `make test-slow`.
@pytest.mark.slow
@pytest.mark.parametrize(("scheme", "width"), list(COMBINATIONS), ids=[f"{s}-{w}" for s, w in COMBINATIONS])
def test_no_serious_or_critical_violation_on_any_page_type(new_page, site_url, scheme, width):
    """axe's whole rule set where it can find something new, the colour rules elsewhere, so that each of the four
    combinations is checked for everything it can change on every page type (axe takes seconds a page; a page loads
    in a tenth):

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


def test_pages_fit_a_phone_screen_without_sideways_scrolling(walk):
    too_wide = {name: f"{overflow}px wider" for name, overflow in walk["overflow-360"].items() if overflow > 0}
    assert too_wide == {}
    assert len(walk["overflow-360"]) == len(PAGE_TYPES)


def test_the_filtered_catalogue_and_track_page_show_their_filters(walk):
    """The filtered pages `walk` scans show the filters' form and its status (which scripts add): axe saw them."""
    assert walk["filters"] == {"catalogue, filtered": True, "track, filtered": True}


def test_dark_mode_follows_the_system_setting(walk):
    """Every page type `walk` loaded in a browser set to dark mode shows the dark palette."""
    assert {name: scheme for name, scheme in walk["scheme"].items() if scheme != "slate"} == {}
    assert len(walk["scheme"]) == len(PAGE_TYPES)


def test_every_page_type_loads_every_file_it_names_from_the_site_served_at_the_root(walk):
    """What tests/intranet/test_browser_intranet.py checks for the site served under a sub-path, here for the site
    served at the root, from the pages `walk` loads: every page type shows its heading (the 404 page its header), the
    other languages' home pages too, and no request failed or was answered with an error."""
    assert [name for name, shown in walk["heading"].items() if not shown] == []
    assert len(walk["heading"]) == len(PAGE_TYPES) + len(OTHER_HOMES)
    assert walk["failed"] == []
    assert walk["blocked"] == []
