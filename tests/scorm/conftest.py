"""SCORM packages exported from a small curriculum, and the npm packages the tests need."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from scormtree import MKDOCS_YML, NODE_MODULES, QUIZZES, TRACK, ensure_npm_packages

from sitebuilder import MENTORS, module, write_tree


@pytest.fixture(scope="session")
def npm_packages() -> Path:
    ensure_npm_packages()
    return NODE_MODULES


@pytest.fixture(scope="package")
def packages(tmp_path_factory) -> Path:
    """`smartshare export scorm --per-module` run in a project with one track of two modules, once for both test
    modules, which run in one test process (scormtree.GROUP): read them, never change them."""
    project = tmp_path_factory.mktemp("scorm-project")
    (project / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    write_tree(
        project / "curricula",
        {
            "mentors.yml": MENTORS,
            "ai/track.yml": TRACK,
            "ai/chatbots.md": module("Chatbots") + "\n![a diagram](diagram.svg)\n" + QUIZZES,
            "ai/diagram.svg": '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>',
            "ai/machine-learning.md": module("Machine learning", mentors=["leo-martin"]),
        },
    )
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1790000000", "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "smartshare", "export", "scorm", "-o", "out", "--per-module"]
    result = subprocess.run(command, cwd=project, capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines() == [
        "out/ai.zip: AI for managers (2 modules)",
        "out/ai-chatbots.zip: Chatbots (1 module)",
        "out/ai-machine-learning.zip: Machine learning (1 module)",
    ]
    return project / "out"
