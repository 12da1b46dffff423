"""In Chromium with every other host blocked: the site served on localhost (at the root and under a sub-path)
and the offline edition opened from file:// work, and nothing tries to leave."""

import contextlib
import json

import pytest
from harness import NO_SEARCH_WORKER

pytestmark = pytest.mark.browser

# one page of each type: catalogue, track, module, mentors, mentor, tags, tag, field reference (and 404 below)
PAGE_TYPES = ["", "ai/", "ai/chatbots/", "mentors/", "mentors/amina-diallo/", "tags/", "tags/ai/", "reference/fields/"]


#: the example's other language sites: their home page and a module (translated into Chinese, not into French)
OTHER_LANGUAGES = ("fr", "zh")


@pytest.fixture(scope="module", params=["/", "/learning/"], ids=["root", "sub-path"])
def root(request, served_example):
    """The example site built for, and served at, a URL the way an intranet server would serve it: the language
    chooser there, each language's site under it."""
    return served_example(request.param).url


@pytest.fixture(scope="module")
def served(root):
    """The default language's site (en/)."""
    return root + "en/"


def visit(page, url, *, search=True, lands_on=None):
    """Load `url` and wait until every request the page made is answered: the theme's search index, which its search
    worker asks for about the load event (the page's last file but the favicon), and whatever is still in flight then.
    (Playwright's "networkidle" waits for the same plus half a second without requests, on every page.) Not `search`:
    the search worker idle (harness.NO_SEARCH_WORKER: its file fetched, the index too, the site not indexed).
    `lands_on`: the address a page at `url` sends the browser on to (the language chooser), whose page is waited for."""
    pending: set = set()
    handlers = {
        "request": lambda request: pending.add(request),
        "requestfinished": lambda request: pending.discard(request),
        "requestfailed": lambda request: pending.discard(request),
    }
    for event, handler in handlers.items():
        page.on(event, handler)
    try:
        with (
            page.expect_response(lambda response: response.url.endswith("/search/search_index.json")),
            contextlib.nullcontext() if search else page.add_init_script(NO_SEARCH_WORKER),
        ):
            page.goto(url, wait_until="load")
            if lands_on:
                page.wait_for_url(lands_on)
        while pending:
            page.wait_for_timeout(20)  # the events of the requests still in flight arrive meanwhile
    finally:
        for event, handler in handlers.items():
            page.remove_listener(event, handler)


# At the root, tests/browser/test_accessibility.py checks the same from the pages its axe walk loads anyway
# (`test_every_page_type_loads_every_file_it_names_from_the_site_served_at_the_root`): here under a sub-path only.
# The search worker runs on the first page of each language site, which then loads what the worker loads (the theme's
# worker, lunr's languages: the same files from every page of that site); it is idle on the others (the 404 page too),
# whose own files (the worker's among them) are all still asked for, without the indexing of the whole site at every
# load. The English site's first page is the one the language chooser sends the browser to.
@pytest.mark.parametrize("root", ["/learning/"], ids=["sub-path"], indirect=True)
def test_every_page_type_loads_with_no_request_leaving_the_server(root, served, isolated_page):
    # the chooser sends an English browser to the English site: its first page type, not loaded again
    visit(isolated_page, root, lands_on=served)
    for path in PAGE_TYPES:
        if path != PAGE_TYPES[0]:
            visit(isolated_page, served + path, search=False)
        assert isolated_page.locator("h1").first.is_visible(), path
    for code in OTHER_LANGUAGES:
        for path in ("", "ai/chatbots/"):
            visit(isolated_page, f"{root}{code}/{path}", search=path == "")
            assert isolated_page.locator("h1").first.is_visible(), code + "/" + path
    # a missing page shows the site's 404 page with its styles (absolute URLs from site_url)
    visit(isolated_page, served + "no/such/page/", search=False)
    assert isolated_page.locator(".md-header").is_visible()
    assert isolated_page.traffic.blocked == []
    assert [f for f in isolated_page.traffic.failed if "no/such/page" not in f] == []


def test_navigation_and_search_stay_under_the_served_url(served, isolated_page):
    # one page load: a link followed (instant navigation), then a search from the page it led to
    visit(isolated_page, served)
    isolated_page.locator(".md-content a[href*='ai/']").first.click()
    isolated_page.wait_for_url(served + "ai/**")  # instant navigation: no new page load to wait for
    isolated_page.locator("[data-smartshare-progress]").first.wait_for(state="attached")  # the track page's cards
    assert isolated_page.traffic.blocked == [] and isolated_page.traffic.failed == []
    # The theme closes its search and drawer 125 ms after the address last changed (its bundle: location$ and hash$
    # merged, debounceTime(125)): a search opened sooner, as a test on a fast machine does and a person does not, is
    # closed again while its box keeps focus and its results stay hidden.
    isolated_page.wait_for_timeout(200)
    search(isolated_page, "chatbot")
    # the module's result: the first result may still be one for the letters typed so far ("ch": a mentor)
    isolated_page.locator(".md-search-result__item a[href*='ai/chatbots/']").first.click()
    isolated_page.wait_for_url(served + "ai/chatbots/**")
    isolated_page.locator(".smartshare-module").wait_for(state="attached")  # the module page's content
    assert isolated_page.traffic.blocked == []


def search(page, words):
    page.locator("input.md-search__input").click()  # the header's search box (desktop width)
    # the theme answers once its worker has the index; typing earlier may be dropped
    page.wait_for_function("() => !/Initializing/i.test(document.querySelector('.md-search-result__meta').textContent)")
    page.keyboard.type(words)  # typed, as the theme listens to key events
    result = page.locator(".md-search-result__item").first
    result.wait_for(state="visible", timeout=10_000)
    return result


@pytest.fixture
def offline_page(isolated_page):
    """A page for the offline edition: each test opens the file it starts from, through the language chooser at the
    edition's root only where the chooser is part of what it tests (each is a page load of its own)."""
    return isolated_page


def test_offline_edition_navigates_between_html_files(offline_page, offline_site):
    # the language chooser at the root sends the (English) browser to en/
    offline_page.goto((offline_site / "index.html").as_uri())
    offline_page.wait_for_url((offline_site / "en/index.html").as_uri())
    offline_page.locator(".md-content a[href$='ai/index.html']").first.click()
    offline_page.wait_for_load_state("load")
    assert offline_page.url == (offline_site / "en/ai/index.html").as_uri()
    offline_page.locator(".md-content a[href$='chatbots.html']").first.click()
    offline_page.wait_for_load_state("load")
    assert offline_page.url.endswith("/ai/chatbots.html")
    assert offline_page.locator(".smartshare-module").count() == 1
    # the language switcher leads to the same module in the French site, from file:// too
    offline_page.locator("a[hreflang=fr].md-select__link").first.dispatch_event("click")
    offline_page.wait_for_url((offline_site / "fr/ai/chatbots.html").as_uri())
    assert offline_page.locator("html").get_attribute("lang") == "fr"
    assert offline_page.traffic.blocked == []


def test_offline_edition_searches_from_file_url(offline_page, offline_site):
    offline_page.goto((offline_site / "en/index.html").as_uri())
    result = search(offline_page, "chatbot")
    result.click()
    offline_page.wait_for_load_state("load")
    assert offline_page.url.split("?")[0].endswith(".html")
    assert offline_page.locator("h1").first.is_visible()
    assert offline_page.traffic.blocked == []


def test_offline_edition_quizzes_answer_remember_and_keep_progress_from_file_url(offline_page, offline_site):
    # one visit of the module: every self-check answered, the page reloaded, then the track page
    offline_page.goto((offline_site / "en/ai/chatbots.html").as_uri())
    quizzes = offline_page.locator("[data-smartshare-quiz]")
    for index in range(quizzes.count()):
        quiz = quizzes.nth(index)
        for option in json.loads(quiz.get_attribute("data-key")):
            quiz.locator(f"input[value='{option}']").check()
        quiz.locator("[data-action=check]").click()
    quiz = offline_page.locator("[data-smartshare-quiz]:not([data-kind=text])").first
    assert quiz.locator(".smartshare-quiz__result").inner_text().strip() != ""
    assert offline_page.locator("[data-smartshare-progress-state]").inner_text().startswith("✓ Done")
    offline_page.reload()
    quiz = offline_page.locator("[data-smartshare-quiz]:not([data-kind=text])").first
    # the answer is kept in the browser's storage, which works for file:// pages too
    quiz.locator(".smartshare-quiz__result").wait_for(state="visible")
    assert "is-checked" in quiz.get_attribute("class")
    offline_page.goto((offline_site / "en/ai/index.html").as_uri())
    done = offline_page.locator(".smartshare-card[data-smartshare-module='ai/chatbots'] [data-smartshare-done]")
    done.wait_for(state="visible")
    assert offline_page.locator(".md-nav__link[href$='chatbots.html'] .smartshare-done-mark").count() >= 1
    assert offline_page.traffic.blocked == []
