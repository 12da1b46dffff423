import os
import sys
from pathlib import Path

if os.environ.get("SMARTSHARE_DOCS_TOOL") == "properdocs":  # `make test-properdocs`: `import mkdocs` → ProperDocs
    import properdocs.replacement  # noqa: F401

# Builds of the example site skip its PDF handouts (seconds per build); tests/handouts builds them on purpose.
os.environ.setdefault("SMARTSHARE_HANDOUTS", "false")
# The suite already runs one test process per core: builds render on their own core (tests/cache forks on purpose).
os.environ.setdefault("SMARTSHARE_CACHE_WORKERS", "1")

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parent / "browser"))

import contextlib
from dataclasses import dataclass

import pytest


@dataclass(frozen=True)
class Served:
    url: str  # ends in the prefix: http://127.0.0.1:<port>/learning/
    site: Path

    @property
    def default(self) -> "Served":
        """The default language's site (at the root: the language chooser; see examplesite.DEFAULT_LANGUAGE)."""
        from examplesite import DEFAULT_LANGUAGE

        return Served(f"{self.url}{DEFAULT_LANGUAGE}/", self.site / DEFAULT_LANGUAGE)


def pytest_collection_modifyitems(items):
    """With `--dist loadgroup`, a test module runs in one test process (its module-scoped site is built once), and
    tests marked `xdist_group` run in that group's process (the xAPI tests share one Ralph LRS)."""
    for item in items:
        if not item.get_closest_marker("xdist_group"):
            item.add_marker(pytest.mark.xdist_group(item.nodeid.split("::", 1)[0]))


@pytest.fixture(scope="session")
def served_example(tmp_path_factory):
    """The example site built strictly for, and served at, http://127.0.0.1:<port><prefix>: `served_example("/")`,
    `served_example("/learning/")` (an intranet serves it under a sub-path). Built once per test process and prefix
    (the theme's instant navigation needs `site_url` to be the served address), shared by every folder."""
    from harness import serve_site

    from examplesite import base_env, run_build

    served: dict[str, Served] = {}
    with contextlib.ExitStack() as stack:

        def serve(prefix: str = "/") -> Served:
            if prefix not in served:
                site = tmp_path_factory.mktemp("served-example") / "site"
                url = stack.enter_context(serve_site(site, prefix))  # first, to know the URL the site is built for
                build = run_build(site, base_env({"SMARTSHARE_SITE_URL": url}))
                assert build.returncode == 0, build.output
                served[prefix] = Served(url, site)
            return served[prefix]

        yield serve


@pytest.fixture(scope="session")
def browser():
    """One Chromium per test process, for every folder's browser tests: Playwright's sync API cannot be
    started twice in one process (pytest-xdist runs tests of several folders in one worker)."""
    from harness import launch_chromium
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch_chromium(playwright)
        yield chromium
        chromium.close()
