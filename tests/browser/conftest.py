"""Session fixtures for browser tests: the example site built once, served on localhost, and Chromium.

Every page comes from `new_page` (or `page`), whose context aborts and records requests leaving localhost;
a test that caused one fails. Other features add tests here and reuse `serve_site` for their own builds.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from harness import build_example_site, guard_requests, serve_site  # noqa: F401  (other folders import them here)


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
def new_page(browser):
    """Open pages in fresh contexts (empty storage); `new_page(java_script_enabled=False)` and so on."""
    blocked: list[str] = []
    contexts = []

    def open_page(**options):
        context = browser.new_context(**options)
        guard_requests(context, blocked)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()
    assert not blocked, f"requests left localhost: {blocked}"


@pytest.fixture
def page(new_page):
    return new_page()
