"""What both cache test modules start from: their module's `site` built twice, cold then warm."""

import pytest


@pytest.fixture(scope="module")
def cold_and_warm(site):
    """`site` is each test module's own (a `Site` whose `build` returns what that module asserts on)."""
    cold = site.build()
    warm = site.build()
    return cold, warm
