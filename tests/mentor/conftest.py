"""The example site built once for the mentor-area tests (strictly, like CI builds it)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def example_build(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("mentor-example") / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1795000000"}
    env.pop("SMARTSHARE_OFFLINE", None)
    tool = os.environ.get("SMARTSHARE_DOCS_TOOL", "mkdocs")
    command = [sys.executable, "-m", tool, "build", "--strict", "--site-dir", str(site)]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    return site
