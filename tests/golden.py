"""Golden files: expected output kept in the repository and compared whole with what the code produces.

A test never creates or rewrites the file it compares with: a missing golden file fails, like a different one.
To accept an intentional change, run the tests with SMARTSHARE_UPDATE_GOLDEN=1 (they then write what they
produce), review the difference in git, and commit it:

    SMARTSHARE_UPDATE_GOLDEN=1 .venv/bin/python -m pytest -p no:xdist tests/quiz
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest

UPDATE = "SMARTSHARE_UPDATE_GOLDEN"


def updating() -> bool:
    return os.environ.get(UPDATE, "") not in ("", "0")


def assert_golden(actual: str, path: Path) -> None:
    """`actual` must equal the text of `path`; with SMARTSHARE_UPDATE_GOLDEN=1 it is written there instead."""
    if updating():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8", newline="\n")
        return
    if not path.is_file():
        pytest.fail(f"golden file {path} is missing: run with {UPDATE}=1 to write it, review it, commit it")
    expected = path.read_text(encoding="utf-8")
    if actual != expected:
        diff = difflib.unified_diff(
            expected.splitlines(keepends=True), actual.splitlines(keepends=True), str(path), "produced"
        )
        pytest.fail(f"output differs from {path} (accept an intended change with {UPDATE}=1):\n{''.join(diff)}")
