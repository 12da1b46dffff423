"""`make test` runs each test module in one test process (tests/conftest.py), so a module-scoped site is built once."""

import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
MODULES = ["tests/unit/test_i18n.py", "tests/xapi/test_xapi_records.py"]  # quick ones, several tests each


def test_every_test_of_a_module_runs_in_the_same_worker():
    command = [sys.executable, "-m", "pytest", "-n", "2", "--dist", "loadgroup", "-v", "-p", "no:cacheprovider"]
    result = subprocess.run([*command, *MODULES], cwd=REPO, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    workers: dict[str, set[str]] = {}
    for worker, nodeid in re.findall(r"^\[(gw\d+)\] .*?PASSED (.+?) *$", result.stdout, re.M):
        module, group = nodeid.partition("::")[0], nodeid.rsplit("@", 1)[-1]
        assert group == module, nodeid  # the group pytest-xdist schedules by: the module
        workers.setdefault(module, set()).add(worker)
    assert sorted(workers) == sorted(MODULES)
    assert all(len(found) == 1 for found in workers.values()), workers
