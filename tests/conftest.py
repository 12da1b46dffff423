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

import pytest


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
