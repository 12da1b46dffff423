"""The command-line tests' fixtures, shared by every folder that runs `smartshare` in-process (cli, export):
a project folder (mkdocs.yml + curricula/) as the working directory, and the command line run in-process."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from clitree import MKDOCS_YML, valid_tree

from sitebuilder import write_tree
from smartshare.cli import main


@dataclass
class Result:
    code: int
    out: str
    err: str


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty project folder as the working directory, on a fixed 'today' (2026-09-21)."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")
    return tmp_path


@pytest.fixture
def site(project: Path) -> Path:
    """A project with mkdocs.yml and a valid curriculum in curricula/."""
    (project / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    write_tree(project / "curricula", valid_tree())
    return project


@pytest.fixture
def run(capsys: pytest.CaptureFixture):
    def invoke(*args: str) -> Result:
        code = main(list(args))
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return invoke
