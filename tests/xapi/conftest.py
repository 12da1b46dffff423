"""One Ralph LRS per test process (started only by the tests that need it), and one small site built to send it
learning events, served on localhost."""

from __future__ import annotations

import pytest
from harness import serve_site

from sitebuilder import basic_tree, build_site, module

from .lrs import RALPH, Lrs, running_ralph

BUILD = "0123456789abcdef0123456789abcdef01234567"
QUIZZES = """
/// quiz
    id: purpose
What is a chatbot good at?

- [x] Frequent, factual questions
- [ ] Delicate conversations
///

/// quiz
    id: hours
When does a chatbot answer?

- [x] At any hour
- [ ] Office hours only
///
"""


def site_tree() -> dict[str, str]:
    files = basic_tree()
    files["ai/chatbots.md"] = module("Chatbots") + QUIZZES
    return files


def site_config(site_url: str, endpoint: str, auth: str) -> dict:
    return {
        "site_url": site_url,
        "plugins": [
            "search",
            "smartshare/curriculum",
            "smartshare/quiz",
            # rating faces need a channel; a `mailto:` one, as nothing comes back from it but the learning event
            {"smartshare/feedback": {"channel": "mailto:learning@example.com?subject={module} {rating}"}},
            {"smartshare/xapi": {"endpoint": endpoint, "auth": auth}},
            "smartshare/intranet",  # the build commit of feedback links and events
        ],
    }


@pytest.fixture(scope="session")
def served(tmp_path_factory):
    """A folder served on localhost, and its URL (known before the site is built into it, and before Ralph
    starts, which must accept requests from that origin). Built once and never again: a browser context keeps what
    it fetched."""
    folder = tmp_path_factory.mktemp("xapi-site")
    with serve_site(folder / "site", unchanging=True) as url:
        yield folder, url


@pytest.fixture(scope="session")
def xapi_env(served, tmp_path_factory):
    """Ralph, and the site built (while Ralph starts) to send it learning events with the write-only credential."""
    if not RALPH.exists():
        pytest.skip(f"no Ralph LRS at {RALPH}: `make lrs` installs it (`make test` does)")
    folder, url = served
    origin = "/".join(url.split("/")[:3])

    def build(lrs: Lrs) -> None:
        config = site_config(url, lrs.endpoint, lrs.writer)
        build = build_site(folder, site_tree(), config=config, env={"SMARTSHARE_BUILD": BUILD})
        assert build.returncode == 0, build.output

    with running_ralph(tmp_path_factory.mktemp("ralph"), [origin], meanwhile=build) as lrs:
        yield url, lrs


@pytest.fixture(scope="session")
def lrs(xapi_env):
    return xapi_env[1]


@pytest.fixture(scope="session")
def xapi_site(xapi_env):
    """The URL of the site (built once per test process)."""
    return xapi_env[0]
