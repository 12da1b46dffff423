"""Rich content in Chromium with every other host blocked: diagrams, formulas, tabs, copy buttons, glossary
tooltips and captioned video work from the site served under a sub-path and from the offline edition (file://)."""

import pytest
from harness import FRESH_STORAGE, NO_SEARCH_WORKER

from examplesite import DEFAULT_LANGUAGE

from .harness import Traffic, is_local

pytestmark = pytest.mark.browser

DIAGRAMS = "mentoring/planning-sessions/"  # a flowchart and a timeline
MATHS = "marketing/measuring-campaigns/"  # inline and block formulas, content tabs, glossary terms
CODE = "ai/generative-ai-at-work/"  # a Python block with line numbers and a highlighted line
VIDEO = "collaboration/running-remote-meetings/"

# The theme draws each diagram in a closed shadow root; opened here so the test can look at the SVG inside.
OPEN_SHADOWS = """
const attach = Element.prototype.attachShadow;
Element.prototype.attachShadow = function (options) { return attach.call(this, { ...options, mode: "open" }); };
"""


@pytest.fixture(scope="module")
def served(served_example):
    return served_example("/learning/").default.url


@pytest.fixture(scope="module")
def rich_context(browser):
    """The module's one browser context, for the pages its tests share (`loaded`) and each test's own (`page`): the
    packaged libraries (Mermaid alone is 3 MB of script) and the theme's scripts are fetched and compiled once for
    the module, not once in a shared context and again in the pages' pool. Shadow roots open (OPEN_SHADOWS)."""
    context = browser.new_context()
    context.add_init_script(OPEN_SHADOWS)
    context.add_init_script(NO_SEARCH_WORKER)  # nothing searched here (its file is still fetched: `traffic` sees it)
    yield context
    context.close()


def watched(page):
    """`page` with `page.traffic` (as `isolated_page`'s, tests/intranet/conftest.py) and a 10 s default timeout."""
    page.set_default_timeout(10_000)
    page.traffic = Traffic()
    page.on("response", lambda r, t=page.traffic: r.status >= 400 and t.failed.append(f"{r.status} {r.url}"))
    page.on("requestfailed", lambda r, t=page.traffic: record_failure(t, r))
    return page


@pytest.fixture
def page(rich_context):
    """The test's own page, with empty storage as a new browser's (its first document of each origin empties that
    origin's local storage: harness.FRESH_STORAGE); cookies and permissions cleared after the test."""
    page = watched(rich_context.new_page())
    page.add_init_script(FRESH_STORAGE)
    yield page
    page.close()
    rich_context.clear_cookies()
    rich_context.clear_permissions()


@pytest.fixture(scope="module")
def loaded(rich_context, served, offline_site):
    """`loaded(path)`: the page at `path`, loaded once for the module's tests that only look at it or change what
    they put back (diagrams and formulas take about a second of CPU to draw); its `traffic` as `isolated_page`'s.
    `loaded(path, offline=True)`: the same for a page of the offline edition's English site (file://)."""
    pages = {}

    def load(path, offline=False):
        url = (offline_site / DEFAULT_LANGUAGE / path).as_uri() if offline else served + path
        if url not in pages:
            pages[url] = watched(rich_context.new_page())
            pages[url].goto(url)
        return pages[url]

    return load


def record_failure(traffic, request) -> None:
    """As `isolated_page` (tests/intranet/conftest.py): a request to another host is refused by Chromium (blocked),
    one to this machine that failed is broken, unless the page itself cancelled it by moving on."""
    if not is_local(request.url):
        traffic.blocked.append(request.url)
    elif request.failure != "net::ERR_ABORTED":
        traffic.failed.append(f"failed {request.url}")


def diagrams(page):
    """The SVG of each rendered diagram (Playwright's CSS locators pierce open shadow roots)."""
    page.locator("div.mermaid svg").first.wait_for(state="attached")
    return page.locator("div.mermaid svg")


def test_diagrams_are_drawn_as_svg_from_the_packaged_library(loaded):
    page = loaded(DIAGRAMS)
    svgs = diagrams(page)
    svgs.nth(1).wait_for(state="attached")
    assert svgs.count() == 2 and page.locator("pre.mermaid").count() == 0
    assert "Try" in svgs.first.text_content() and "Week 3" in " ".join(svgs.nth(1).text_content().split())
    assert page.evaluate("() => [...document.scripts].some(s => s.src.endsWith('/vendor/mermaid/mermaid.min.js'))")
    assert page.traffic.blocked == [] and page.traffic.failed == []


@pytest.mark.parametrize(
    ("path", "text"),
    [("mentoring/collecting-feedback/", "Rating, first step"), ("mentoring/discovery-interview/", "Manager")],
    ids=["sequence", "mind map"],
)
def test_sequence_diagrams_and_mind_maps_are_drawn_too(served, page, path, text):
    page.goto(served + path)
    svg = diagrams(page).first
    assert text in " ".join(svg.text_content().split()) and "Syntax error" not in svg.text_content()
    assert page.locator("pre.mermaid").count() == 0
    assert page.traffic.blocked == [] and page.traffic.failed == []


def test_diagrams_follow_the_light_and_dark_palette(loaded):
    page = loaded(DIAGRAMS)
    svgs = diagrams(page)
    svgs.nth(1).wait_for(state="attached")
    node = svgs.first.locator(".node rect").first  # flowchart: the theme's own diagram styles
    event = svgs.nth(1).locator(".timeline-node .node-bkg").first  # timeline: our addition to them
    fill = "el => getComputedStyle(el).fill"
    light = (node.evaluate(fill), event.evaluate(fill))
    page.evaluate("() => document.body.setAttribute('data-md-color-scheme', 'slate')")
    dark = (node.evaluate(fill), event.evaluate(fill))
    page.evaluate("() => document.body.setAttribute('data-md-color-scheme', 'default')")  # as it was
    assert light[0] != dark[0] and light[1] != dark[1]
    assert light[1] == light[0] and dark[1] == dark[0]  # the timeline's boxes in the palette's node colour


def test_diagrams_render_after_instant_navigation_from_a_page_without_any(served, page):
    page.goto(served + "mentoring/")
    assert page.evaluate("() => typeof window.mermaid") == "undefined"
    page.locator(".md-content a[href$='planning-sessions/']").first.click()
    page.wait_for_url(served + DIAGRAMS)
    diagrams(page).nth(1).wait_for(state="attached")
    assert page.traffic.blocked == [] and page.traffic.failed == []


def test_formulas_are_typeset_with_the_packaged_katex(loaded):
    page = loaded(MATHS)
    page.locator(".arithmatex .katex").first.wait_for(state="attached")
    assert page.locator("div.arithmatex .katex-display").count() == 1  # the block formula
    assert page.locator("span.arithmatex .katex").count() >= 3  # $C$, $n$, $R$
    assert page.locator(".arithmatex math").count() >= 4  # MathML for screen readers
    page.wait_for_function("() => document.fonts.check('1em KaTeX_Main')")
    assert page.traffic.blocked == [] and page.traffic.failed == []


def test_content_tabs_switch(loaded):
    page = loaded(MATHS)
    tabs = page.locator(".tabbed-set").first
    assert "linkedin" in tabs.locator(".tabbed-block").nth(0).inner_text()
    assert not tabs.locator(".tabbed-block").nth(1).is_visible()
    tabs.locator(".tabbed-labels label").nth(1).click()
    assert tabs.locator(".tabbed-block").nth(1).is_visible()
    assert "newsletter" in tabs.locator(".tabbed-block").nth(1).inner_text()
    tabs.locator(".tabbed-labels label").nth(0).click()  # as it was
    assert not tabs.locator(".tabbed-block").nth(1).is_visible()


def test_the_copy_button_copies_the_code(served, page):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(served + CODE)
    block = page.locator("div.language-python.highlight").first
    assert block.locator(".hll").count() == 1  # the highlighted line
    assert block.locator(".linenos").inner_text().split() == ["1", "2", "3", "4"]  # line numbers
    block.hover()
    block.locator("button.md-code__button[data-md-type=copy]").click()
    copied = page.evaluate("() => navigator.clipboard.readText()")
    assert "def redact(text):" in copied and "[e-mail]" in copied


def test_glossary_terms_show_their_meaning_on_keyboard_focus(loaded):
    page = loaded(MATHS)
    term = page.locator("abbr", has_text="ROAS").first
    term.focus()
    tooltip = page.locator(".md-tooltip2", has_text="Return on ad spend")
    tooltip.wait_for(state="visible")
    assert term.get_attribute("aria-describedby") == tooltip.get_attribute("id")


def test_the_glossary_page_lists_every_term(served, page):
    page.goto(served + "glossary/")
    assert page.title().startswith("Glossary")
    assert page.locator("dt").all_inner_texts() == ["CPA", "CPL", "LLM", "ROAS", "UTM"]


def test_the_video_plays_its_local_captions(served, page):
    page.goto(served + VIDEO)
    video = page.locator("video")
    page.wait_for_function("() => document.querySelector('video track').readyState === 2")  # LOADED
    assert video.evaluate("v => v.textTracks[0].mode") == "showing"
    assert video.evaluate("v => v.textTracks[0].cues.length") == 2
    page.wait_for_function("() => document.querySelector('video').readyState >= 1")  # the file itself, loaded
    # Chromium may cancel its first request for a media file and ask again for a range: not a failure
    failed = [request for request in page.traffic.failed if not request.endswith(".webm")]
    assert page.traffic.blocked == [] and failed == []


@pytest.fixture
def offline(offline_site, page):
    return lambda path: page.goto((offline_site / DEFAULT_LANGUAGE / path).as_uri())  # the English site


def test_offline_edition_draws_diagrams_and_formulas_from_file_url(offline, page, loaded):
    offline("mentoring/planning-sessions.html")
    diagrams(page).nth(1).wait_for(state="attached")
    maths = loaded("marketing/measuring-campaigns.html", offline=True)
    maths.locator("div.arithmatex .katex-display").wait_for(state="attached")
    assert page.traffic.blocked == [] and maths.traffic.blocked == []


def test_offline_edition_tabs_copy_and_tooltips_work_from_file_url(loaded):
    page = loaded("marketing/measuring-campaigns.html", offline=True)
    tabs = page.locator(".tabbed-set").first
    tabs.locator(".tabbed-labels label").nth(1).click()
    assert tabs.locator(".tabbed-block").nth(1).is_visible()
    tabs.locator(".tabbed-labels label").nth(0).click()  # as it was
    term = page.locator("abbr", has_text="CPA").first
    term.focus()
    page.locator(".md-tooltip2", has_text="Cost per acquisition").wait_for(state="visible")
    term.blur()  # as it was
    assert page.traffic.blocked == []
