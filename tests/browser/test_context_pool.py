"""The browser tests' shared contexts (tests/browser/harness.py, `ContextPool`): each test starts with empty storage
as in a new context, a second page of one test is another browser, and pages start no search worker unless asked."""

import pytest
from harness import ContextPool

pytestmark = pytest.mark.browser

WRITE = "() => { localStorage.setItem('left', 'behind'); document.cookie = 'left=behind; path=/' }"
READ = "() => [localStorage.getItem('left'), document.cookie]"


def test_each_test_starts_with_the_storage_of_a_new_context_and_its_second_page_is_another_browser(browser, site_url):
    pool = ContextPool(browser)
    failed = []
    try:
        with pool.test(failed.append) as open_page:
            first = open_page()
            first.goto(site_url)
            first.evaluate(WRITE)
            first.reload()  # the same test: its storage stays
            assert first.evaluate(READ) == ["behind", "left=behind"]
            tab = first.context.new_page()  # another tab of the same browser sees it
            tab.goto(site_url + "ai/")
            assert tab.evaluate(READ) == ["behind", "left=behind"]
            second = open_page()  # another browser
            second.goto(site_url)
            assert second.evaluate(READ) == [None, ""]
            assert second.context is not first.context
            context = first.context
        with pool.test(failed.append) as open_page:  # the next test: the same context, emptied
            page = open_page()
            assert page.context is context and len(context.pages) == 1
            page.goto(site_url + "ai/chatbots/")
            assert page.evaluate(READ) == [None, ""]
        assert failed == []
    finally:
        pool.close()


@pytest.mark.parametrize("search", [False, True], ids=["no-search", "search"])
def test_pages_start_the_search_worker_only_when_the_test_searches(browser, site_url, search):
    pool = ContextPool(browser)
    try:
        with pool.test(lambda request: None, search=search) as open_page:
            page = open_page()
            fetched = []
            page.on("request", lambda request: fetched.append(request.url))
            page.goto(site_url + "ai/chatbots/")
            page.wait_for_load_state("networkidle")  # the search worker, if any, has loaded the theme's
        # ours (workers/smartshare-search.js) loads the theme's (workers/search.<hash>.min.js) and builds the index
        workers = [url for url in fetched if "/assets/javascripts/workers/" in url]
        assert (len(workers) >= 2) is search, workers
    finally:
        pool.close()
