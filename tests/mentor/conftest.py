"""The example site built once for the mentor-area tests (strictly, like CI builds it)."""

from __future__ import annotations

from pathlib import Path

import pytest

from examplesite import built_example

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def example_build(tmp_path_factory) -> Path:
    """The example site built strictly, once per run (tests/examplesite.py): read it, never change it."""
    return built_example(tmp_path_factory, "strict")
