"""What the cache test modules start from: one copy of the example site, built cold then warm once for
tests/cache/test_cache.py and test_theme_cache.py (tests/cache/examplecopy.py), and the builds after each change
that both modules read. tests/cache/test_calendar_cache.py builds a site of its own."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from .examplecopy import ExampleCopy

#: a title the example's ai/chatbots.md has, and a sentence of its text
TITLE = "title: Chatbots for managers"
SENTENCE = "A chatbot is a program that holds a written conversation on a narrow subject."
RENAMED = "title: Chatbots for busy managers"
REWORDED = SENTENCE.replace(" a narrow", " one narrow")


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


@dataclass(frozen=True)
class Edited:
    """The builds of ai/chatbots.md changed twice (`edited_module`), each a (site, log) pair."""

    renamed: tuple[Path, str]  # its title changed: warm, on one core (the cache of the example's builds)
    reworded: tuple[Path, str]  # then a sentence of its text too: warm, on two cores
    cold: tuple[Path, str]  # both changes, with an empty cache of its own (as after deleting it), on two cores
    cold_cache: Path  # that build's cache folder

    def without_the_sentence(self, path: str) -> bytes:
        """The cold build's file at `path` with the sentence put back: the file a cold build of the renamed module
        alone writes (the sentence is a plain phrase of the page's text, written as it is wherever it is shown)."""
        return (self.cold[0] / path).read_bytes().replace(REWORDED.encode(), SENTENCE.encode())


@pytest.fixture(scope="package")
def edited_module(example_copy, example_cold_and_warm) -> Edited:
    """ai/chatbots.md renamed and built warm on one core; a sentence of its text edited too and built warm on two
    cores (the cache filled on one by `example_cold_and_warm`); then built with an empty cache of its own on two
    cores, the reference the warm builds must match. Both changes put back afterwards. Read by test_cache.py (what
    is rendered again; a deleted cache) and test_theme_cache.py (what is themed again)."""
    source = example_copy.root / "curricula" / "ai" / "chatbots.md"
    with edited(source, TITLE, RENAMED):
        renamed = example_copy.build()
        with edited(source, SENTENCE, REWORDED):
            reworded = example_copy.build(workers=2)
            cache = example_copy.root / "cold-cache"
            cold = example_copy.build(workers=2, cache=str(cache))
    return Edited(renamed, reworded, cold, cache)
