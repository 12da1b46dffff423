"""What both cache test modules start from: their module's `site` built twice, cold then warm."""

import pytest


@pytest.fixture(scope="module")
def cold_and_warm(site):
    """`site` is each test module's own (a `Site` whose `build` returns what that module asserts on).

    The cold build runs in a new interpreter, the others are forked from the test process's build server
    (tests/buildserver.py): the warm build reads a cache written by a process of another hash seed, as two builds
    of a real project do."""
    cold = site.build(fresh=True)
    warm = site.build()
    return cold, warm
