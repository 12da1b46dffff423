"""`make test` installs the LRS the xAPI tests start, in its own environment, at exact versions."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_test_installs_ralph_in_its_own_environment_before_the_tests():
    lines = subprocess.run(["make", "-n", "-B", "test"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    lines = lines.splitlines()
    install = next(i for i, line in enumerate(lines) if "ralph-constraints.txt" in line)
    assert lines[install] == (
        ".venv/bin/uv pip install --quiet --python .venv-ralph/bin/python -c tests/xapi/ralph-constraints.txt"
        " 'ralph-malph[cli,lrs]' requests"
    )
    assert install < next(i for i, line in enumerate(lines) if "pytest" in line)


def test_every_package_of_ralphs_environment_is_pinned_exactly():
    text = (ROOT / "tests/xapi/ralph-constraints.txt").read_text(encoding="utf-8")
    pins = [line for line in text.splitlines() if line and not line.startswith("#")]
    assert all(re.fullmatch(r"[A-Za-z0-9_.-]+==[0-9][0-9A-Za-z.]*", pin) for pin in pins), pins
    assert {"ralph-malph==5.1.0", "requests==2.34.2", "click-option-group==0.5.10"} <= set(pins)
