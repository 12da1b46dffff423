"""Fixtures for intranet tests: the example site built like CI builds it, and a browser that may not leave."""

from __future__ import annotations

from pathlib import Path

import pytest

from examplesite import built_example

from .harness import Traffic, is_local


@pytest.fixture(scope="session")
def example_site(tmp_path_factory) -> Path:
    """The example site built strictly, once per run (tests/examplesite.py), with every language site (`en/`,
    `fr/`, `zh/`) and the language chooser at its root: read it, never change it."""
    return built_example(tmp_path_factory, "strict")


@pytest.fixture(scope="session")
def offline_site(tmp_path_factory) -> Path:
    """The offline edition of the example site (every language, as `make offline` makes it), once per run: read it,
    never change it."""
    return built_example(tmp_path_factory, "offline")


@pytest.fixture
def isolated_page(browser_contexts):
    """A page whose requests to any other host are refused and recorded in `page.traffic`.

    `browser` is the suite's one Chromium (tests/conftest.py), launched by tests/browser/harness.py with a proxy that
    refuses every request to another host (`NOWHERE` there): those fail, and are recorded here. The page opens in
    its module's shared context, with empty storage (`browser_contexts`, tests/browser/harness.py `ContextPool`)."""
    traffic = Traffic()
    with browser_contexts.test(lambda request: not is_local(request.url) and traffic.blocked.append(request.url)) as (
        open_page
    ):
        page = open_page()
        page.set_default_timeout(10_000)
        page.on(
            "response",
            lambda response: response.status >= 400 and traffic.failed.append(f"{response.status} {response.url}"),
        )
        # a request the page itself cancelled by moving on (the language chooser's redirect) is not a broken address
        page.on(
            "requestfailed",
            lambda request: (
                is_local(request.url)
                and request.failure != "net::ERR_ABORTED"
                and traffic.failed.append(f"failed {request.url}")
            ),
        )
        page.traffic = traffic
        yield page
