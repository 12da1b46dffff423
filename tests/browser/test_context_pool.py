"""The browser tests' shared contexts (tests/browser/harness.py, `ContextPool`): each test starts with empty storage
as in a new context, a second page of one test is another browser."""

import pytest
from harness import ContextPool, is_other_host

pytestmark = pytest.mark.browser

WRITE = "() => { localStorage.setItem('left', 'behind'); document.cookie = 'left=behind; path=/' }"
READ = "() => [localStorage.getItem('left'), document.cookie]"
#: a small file of the site rather than a page of it: storage and cookies belong to the origin, and a page of the
#: site costs a second of CPU in a new context, its scripts fetched and compiled (four loads, two new contexts)
SMALL = "sitemap.xml"


class Left(list):
    """The addresses of the requests a pool's pages sent to another host (what `new_page` fails a test for)."""

    def __call__(self, request) -> None:
        if is_other_host(request.url):
            self.append(request.url)


@pytest.fixture
def pool(browser):
    """A pool of the test's own, closed after it."""
    pool = ContextPool(browser)
    yield pool
    pool.close()


def test_each_test_starts_with_the_storage_of_a_new_context_and_its_second_page_is_another_browser(pool, site_url):
    left = Left()
    with pool.test(left) as open_page:
        first = open_page()
        first.goto(site_url + SMALL)
        first.evaluate(WRITE)
        first.reload()  # the same test: its storage stays
        assert first.evaluate(READ) == ["behind", "left=behind"]
        tab = first.context.new_page()  # another tab of the same browser sees it
        tab.goto(site_url + SMALL)
        assert tab.evaluate(READ) == ["behind", "left=behind"]
        second = open_page()  # another browser
        second.goto(site_url + SMALL)
        assert second.evaluate(READ) == [None, ""]
        assert second.context is not first.context
        context = first.context
    with pool.test(left) as open_page:  # the next test: the same context, emptied
        page = open_page()
        assert page.context is context and len(context.pages) == 1
        page.goto(site_url + SMALL)
        assert page.evaluate(READ) == [None, ""]
    assert left == []


#: the theme's search, once its worker has answered: the box's status says so (the example's language: English)
SEARCH_READY = "() => document.querySelector('.md-search-result__meta')?.textContent.trim()"


def test_a_tab_starts_each_test_emptied_as_a_new_context_and_its_search_worker_idle(pool, site_url):
    left = Left()
    with pool.test(left):
        tab = pool.open_tab(search=False, color_scheme="dark")
        tab.goto(site_url + SMALL)
        tab.evaluate(WRITE)
        tab.evaluate("sessionStorage.setItem('left', 'behind')")
        assert tab.evaluate(READ) == ["behind", "left=behind"]
        tab.emulate_media(media="print", color_scheme="light")
        tab.set_viewport_size({"width": 375, "height": 600})
        pool.open_page().goto(site_url + SMALL)  # another page of the test: closed with it
    with pool.test(left):
        assert pool.open_tab(search=False, color_scheme="dark") is tab and tab.url == "about:blank"
        assert tab.context.pages == [tab]
        tab.goto(site_url + SMALL)
        assert tab.evaluate(READ) == [None, ""]
        assert tab.evaluate("sessionStorage.getItem('left')") is None
        assert tab.evaluate("matchMedia('(prefers-color-scheme: dark)').matches && matchMedia('screen').matches")
        assert tab.viewport_size == {"width": 1280, "height": 720}
        workers = []
        tab.on("request", lambda request: "/workers/" in request.url and workers.append(request.resource_type))
        tab.goto(site_url)  # a page of the site: the theme asks for its search worker, whose file is fetched, not run
        tab.wait_for_load_state("networkidle")
        assert workers == ["fetch"] and tab.evaluate(SEARCH_READY) == "Initializing search"
    assert left == []


def test_the_next_module_keeps_the_default_context_and_tab_emptied_and_no_other(pool, site_url):
    left = Left()
    with pool.test(left) as open_page:
        page = open_page()
        french = open_page(locale="fr-FR")
        tab = pool.open_tab(search=False)
        dark = pool.open_tab(search=False, color_scheme="dark")
        for each in (page, tab):
            each.goto(site_url + SMALL)
            each.evaluate(WRITE)
    pool.end_module()
    assert french.context.pages == [] and dark.is_closed()  # closed with the module
    with pool.test(left) as open_page:  # the next module's first test
        again = open_page()
        assert again.context is page.context and pool.open_tab(search=False) is tab
        assert open_page(locale="fr-FR").context is not french.context
        for each in (again, tab):
            each.goto(site_url + SMALL)
            assert each.evaluate(READ) == [None, ""]
    assert left == []
