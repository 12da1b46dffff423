"""The example site built once for the mentor-area tests (strictly, like CI builds it)."""

from __future__ import annotations

from pathlib import Path

import pytest

from examplesite import DEFAULT_LANGUAGE, built_example

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def example_build(example_root) -> Path:
    """The example's default language site (`en/`), built strictly once per run: read it, never change it."""
    return example_root / DEFAULT_LANGUAGE


@pytest.fixture(scope="session")
def example_root(tmp_path_factory) -> Path:
    """The example site with every language (`en/`, `fr/`, `zh/`, the language chooser at the root), built strictly
    once per run (tests/examplesite.py): read it, never change it."""
    return built_example(tmp_path_factory, "strict")
