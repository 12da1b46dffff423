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

import functools

import pytest


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist's own, which reads the marks to group the tests
def pytest_collection_modifyitems(config, items):
    """With `--dist loadgroup`, a test module runs in one test process (its module-scoped site is built once), and
    tests marked `xdist_group` run in that group's process (the xAPI tests share one Ralph LRS)."""
    for item in items:
        if not item.get_closest_marker("xdist_group"):
            item.add_marker(pytest.mark.xdist_group(item.nodeid.split("::", 1)[0]))
    if config.getoption("loadgroup", False):
        items.sort(key=_handed_out)  # stable: the tests of a group keep their order
    for item in items:
        if config.getoption("loadgroup", False) and hasattr(item, "_id"):
            _join_group(item)


#: The longest groups (a minute or more of a worker on a loaded machine), handed out first in this order, before the
#: others in the order of collection: a long group handed out last keeps one worker busy while the other idles. First
#: those that build or start what they need themselves (while `prepare_in_background` builds the example), then those
#: that read the example sites it builds.
LONG_GROUPS = (
    "lrs",  # tests/xapi: Ralph LRS, its sites and browsers
    "tests/tooling/test_preview_noise.py",  # `make serve` of one language of the example
    "cache-example",  # tests/cache: a copy of the example built again and again, cold on purpose
    "tests/intranet/test_reproducible.py",  # the example built again in a second checkout
    "tests/intranet/test_browser_intranet.py",  # every page type, served at the root and under a sub-path
    "tests/intranet/test_browser_rich.py",
)


def _handed_out(item) -> int:
    """The place of an item's group in LONG_GROUPS (the others after them, in the order of collection)."""
    names = {str(mark.args[0] if mark.args else mark.kwargs.get("name")) for mark in item.iter_markers("xdist_group")}
    return min((LONG_GROUPS.index(name) for name in names if name in LONG_GROUPS), default=len(LONG_GROUPS))


def pytest_configure(config):
    """Groups are handed out in the order of collection, not pytest-xdist's (most tests first): the longest groups are
    put first (LONG_GROUPS), then the browser tests' (tests/browser, collected early), so they start early."""
    if hasattr(config.option, "loadscopereorder"):
        config.option.loadscopereorder = False


def pytest_sessionstart(session):
    """A run of the whole suite starts building the example sites at once, in a process of its own, while the tests
    that need none run (tests/examplesite.py, `prepare_in_background`); the test processes of pytest-xdist only wait
    for what is not built yet. A run of chosen tests builds what they read when they first read it."""
    config = session.config
    if hasattr(config, "workerinput") or config.args_source != pytest.Config.ArgsSource.TESTPATHS:
        return
    chosen = config.option.keyword or config.option.markexpr != "not slow" or config.getoption("lf", False)
    if chosen or config.option.collectonly or os.environ.get("SMARTSHARE_TEST_PREPARE") == "0":
        return  # tests chosen by name or mark, or none run: each example is built when first read, if ever
    from examplesite import fcntl, prepare_in_background, shared_folder

    if fcntl is None:  # no file locks (Windows): each test process builds its own
        return
    config.stash[_PREPARING] = prepare_in_background(shared_folder(config._tmp_path_factory), os.getpid())


_PREPARING = pytest.StashKey()


def pytest_sessionfinish(session):
    if _PREPARING in session.config.stash:
        from examplesite import end_preparation

        end_preparation(session.config.stash[_PREPARING])


def _join_group(item) -> None:
    """pytest-xdist groups tests by a suffix of their node id, `…::test_x@group`, which it writes into `_nodeid`: since
    pytest 9 a node id lives in `_id` (a NodeId), so the suffix never arrived and every test was scheduled on its
    own (each module-scoped site built by both workers). Written here the way pytest 9 keeps it."""
    from _pytest.nodeid import NodeId

    names = sorted(
        {
            str(mark.args[0] if mark.args else mark.kwargs.get("name", "default"))
            for mark in item.iter_markers("xdist_group")
        }
    )
    item._id = NodeId.parse(f"{item.nodeid}@{'_'.join(names)}")


@pytest.fixture(scope="session")
def served_example(tmp_path_factory):
    """The example site built strictly for, and served at, http://127.0.0.1:<port><prefix>: `served_example("/")`,
    `served_example("/learning/")` (an intranet serves it under a sub-path). Built and served once per run and
    prefix for every test process (tests/examplesite.py), shared by every folder."""
    from examplesite import served_example

    return functools.partial(served_example, tmp_path_factory)


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


@pytest.fixture(scope="session")
def shared_contexts(browser):
    """The browser contexts of a test process (tests/browser/harness.py, `ContextPool`), through `browser_contexts`."""
    from harness import ContextPool

    pool = ContextPool(browser)
    yield pool
    pool.close()


@pytest.fixture(scope="module")
def browser_contexts(shared_contexts):
    """The browser contexts of a test module, by the options they were opened with: `new_page` and `isolated_page`
    hand out pages in them (tests/browser/harness.py, `ContextPool`). Those of the default options, and the default
    tab, go on to the next module, emptied as each test's are: its first page loads the site as in a context that has
    loaded it (about 0.7 s of CPU less); the others are closed with the module (`ContextPool.end_module`)."""
    yield shared_contexts
    shared_contexts.end_module()
