"""Session fixtures for browser tests: the example site built once, served on localhost, and Chromium.

Every page comes from `new_page` (or `page`), whose context aborts and records requests leaving localhost;
a test that caused one fails. Other features add tests here and reuse `serve_site` for their own builds.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from harness import (  # noqa: F401  (other folders import them here)
    build_example_site,
    guard_requests,
    is_other_host,
    serve_site,
)


@pytest.fixture(scope="session")
def example_site(served_example) -> Path:
    """Where the example site served at `site_url` is built (its default language's site)."""
    return served_example("/").default.site


@pytest.fixture(scope="session")
def site_url(served_example) -> str:
    """The example site's default language, built strictly for and served at http://127.0.0.1:<port>/en/ (see
    tests/conftest.py)."""
    return served_example("/").default.url


# `browser` (one Chromium per test process) is in tests/conftest.py, shared with tests/intranet/.


@pytest.fixture
def new_page(browser_contexts):
    """Open a page with empty storage: `new_page()`, `new_page(java_script_enabled=False)` and so on;
    `new_page(search=False)`: Material's search worker idle (harness.NO_SEARCH_WORKER), for a test that neither
    searches nor checks what the worker loads (about a third of the CPU of each page load).

    The first page a test opens with given options is a new page in its module's context of those options, whose
    cookies, permissions and local storage are gone (`ContextPool`): a context's cache keeps what the module's
    earlier tests fetched, so a page loads in about half the time. Any other page of the test gets a new context of
    its own (`second = new_page()`: another browser, with its own storage)."""
    blocked: list[str] = []
    guard = lambda failed: is_other_host(failed.url) and blocked.append(failed.url)  # noqa: E731
    with browser_contexts.test(guard) as open_page:
        yield open_page
    assert not blocked, f"requests left localhost: {blocked}"


@pytest.fixture
def page(new_page):
    return new_page()


@pytest.fixture
def tab(browser_contexts):
    """The test module's one tab, kept from test to test and emptied between them as a new context would start
    (`ContextPool.open_tab`), with Material's search worker idle (NO_SEARCH_WORKER): about half the CPU of a `page`
    for a test that loads a page of the site, interacts with it and searches nothing. A test that adds init scripts,
    routes or event handlers to its page, or searches, takes `page` or `new_page`."""
    blocked: list[str] = []
    guard = lambda failed: is_other_host(failed.url) and blocked.append(failed.url)  # noqa: E731
    with browser_contexts.test(guard):
        yield browser_contexts.open_tab(search=False)
    assert not blocked, f"requests left localhost: {blocked}"
