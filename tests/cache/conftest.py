"""What the cache test modules start from: one copy of the example site, built cold then warm once for
tests/cache/test_cache.py and test_theme_cache.py (tests/cache/examplecopy.py), and the builds after each change
that both modules read. tests/cache/test_calendar_cache.py builds a site of its own."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from .examplecopy import ExampleCopy

#: a title the example's ai/chatbots.md has, and a sentence of its text
TITLE = "title: Chatbots for managers"
SENTENCE = "A chatbot is a program that holds a written conversation on a narrow subject."


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


@contextlib.contextmanager
def edited(path: Path, old: str, new: str) -> Iterator[None]:
    """`path` with its one `old` replaced by `new`, put back afterwards."""
    original = path.read_text(encoding="utf-8")
    assert original.count(old) == 1
    path.write_text(original.replace(old, new), encoding="utf-8")
    try:
        yield
    finally:
        path.write_text(original, encoding="utf-8")


@pytest.fixture(scope="package")
def sentence_edited(example_copy, example_cold_and_warm) -> tuple[tuple[Path, str], tuple[Path, str]]:
    """A sentence of ai/chatbots.md edited, then built warm on two cores (the cache filled on one by
    `example_cold_and_warm`), and with an empty cache of its own on two cores: the reference the warm build must
    match. Read by test_cache.py (what is rendered again) and test_theme_cache.py (what is themed again)."""
    with edited(
        example_copy.root / "curricula" / "ai" / "chatbots.md", SENTENCE, SENTENCE.replace(" a narrow", " one narrow")
    ):
        warm = example_copy.build(workers=2)
        cold = example_copy.build(workers=2, cache=str(example_copy.root / "cold-cache-sentence"))
    return warm, cold


@pytest.fixture(scope="package")
def renamed(example_copy, example_cold_and_warm) -> tuple[tuple[Path, str], tuple[Path, str], Path]:
    """ai/chatbots.md's title changed, then built warm on one core, and on two cores with an empty cache of its own
    (as after deleting the cache): the reference the warm build must match. Returns both builds and the cold one's
    cache folder. Read by test_cache.py (a cache deleted) and test_theme_cache.py (what is themed again)."""
    cache = example_copy.root / "cold-cache-renamed"
    with edited(example_copy.root / "curricula" / "ai" / "chatbots.md", TITLE, "title: Chatbots for busy managers"):
        warm = example_copy.build()
        cold = example_copy.build(workers=2, cache=str(cache))
    return warm, cold, cache
