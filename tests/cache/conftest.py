"""What the cache test modules start from: one copy of the example site, built cold then warm once for
tests/cache/test_cache.py and test_theme_cache.py (tests/cache/examplecopy.py). tests/cache/test_calendar_cache.py
builds a site of its own."""

from __future__ import annotations

from pathlib import Path

import pytest

from .examplecopy import ExampleCopy


@pytest.fixture(scope="package")
def example_copy(tmp_path_factory) -> ExampleCopy:
    return ExampleCopy(tmp_path_factory.mktemp("cached-example"))


@pytest.fixture(scope="package")
def example_cold_and_warm(example_copy) -> tuple[tuple[Path, str], tuple[Path, str]]:
    """The copy built cold in a new interpreter, then warm, forked from the test process's build server
    (tests/buildserver.py): the warm build reads a cache written by a process of another hash seed, as two builds
    of a real project do."""
    cold = example_copy.build(fresh=True)
    warm = example_copy.build()
    return cold, warm
