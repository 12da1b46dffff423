"""Build a real site from an inline file tree, the way a maintainer would, and read what it produced."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

import yaml

# `make test-properdocs` runs every build with ProperDocs, the maintained fork of MkDocs 1.6
DOCS_TOOL = os.environ.get("SMARTSHARE_DOCS_TOOL", "mkdocs")

BASE_CONFIG = {
    "site_name": "Test courses",
    "docs_dir": "curricula",
    "theme": {"name": "material", "font": False, "language": "en"},
    "plugins": ["search", "smartshare/curriculum"],
    "markdown_extensions": ["admonition", "attr_list", "md_in_html", "pymdownx.superfences"],
}

# A small valid curriculum most tests start from and then break or extend.
MENTORS = """\
amina-diallo:
  name: Amina Diallo
  role: Freelance conversational designer
  bio: Builds chatbots for HR teams.
  expertise: [chatbots]
  contact: amina.diallo@example.com
leo-martin:
  name: Léo Martin
  role: Internal expert, data team
"""

TRACK = """\
title: AI for managers
summary: Use AI tools with judgement.
objectives: [Choose an AI use case]
modules:
  - chatbots
  - machine-learning
"""


def module(title: str = "Chatbots", **fields: object) -> str:
    data = {
        "title": title,
        "summary": f"What {title.lower()} can do for your team.",
        "mentors": ["amina-diallo"],
        "level": "beginner",
        "duration": 60,
        "objectives": ["Name three tasks a chatbot handles well"],
        "tags": ["ai"],
        "reviewed": "2026-09-01",
    }
    data.update(fields)
    data = {k: v for k, v in data.items() if v is not None}
    return "---\n" + yaml.safe_dump(data, sort_keys=False, allow_unicode=True) + "---\n\nSome **content** about it.\n"


def basic_tree() -> dict[str, str]:
    return {
        "mentors.yml": MENTORS,
        "ai/track.yml": TRACK,
        "ai/chatbots.md": module("Chatbots"),
        "ai/machine-learning.md": module(
            "Machine learning", mentors=["leo-martin"], prerequisites=["chatbots"], tags=["ai", "data"]
        ),
    }


@dataclass
class Build:
    root: Path
    returncode: int
    output: str

    @property
    def site(self) -> Path:
        return self.root / "site"

    def html(self, page: str) -> str:
        """The HTML of a page given by its URL path ("ai/chatbots/")."""
        path = self.site / page
        if page.endswith("/") or page == "":
            path = path / "index.html"
        return path.read_text(encoding="utf-8")

    @property
    def warnings(self) -> list[str]:
        return [line for line in self.output.splitlines() if line.startswith(("WARNING", "ERROR"))]


def write_tree(root: Path, files: dict[str, str]) -> None:
    for relative, content in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(content) if content.startswith("\n") else content, encoding="utf-8")


def write_site(root: Path, files: dict[str, str], *, config: dict | None = None) -> None:
    """What `build_site` builds, without building it: `files` into `root/curricula`, and a mkdocs.yml (BASE_CONFIG
    updated with `config`)."""
    write_tree(root / "curricula", files)
    settings = {**BASE_CONFIG, **(config or {})}
    (root / "mkdocs.yml").write_text(yaml.safe_dump(settings, sort_keys=False), encoding="utf-8")


def build_site(
    root: Path,
    files: dict[str, str],
    *,
    config: dict | None = None,
    strict: bool = False,
    env: dict | None = None,
    fresh: bool = False,
) -> Build:
    """Write `files` into `root/curricula`, a mkdocs.yml (BASE_CONFIG updated with `config`), and build.

    The build is `mkdocs build` in a process of its own, forked from one that has MkDocs imported already
    (tests/buildserver.py); `fresh=True` starts a new interpreter instead, with its own hash seed: for a test that
    compares two builds for reproducibility.
    """
    write_site(root, files, config=config)
    args = ["build", "--site-dir", "site"] + (["--strict"] if strict else [])
    run_env = {**os.environ, "SOURCE_DATE_EPOCH": "1790000000", "NO_MKDOCS_2_WARNING": "1", **(env or {})}  # 2026-09-21
    returncode, output = run_docs_tool(root, args, run_env, fresh=fresh)
    return Build(root, returncode, output)


def run_docs_tool(
    cwd: Path,
    args: list[str],
    env: dict[str, str],
    *,
    fresh: bool = False,
    before: str = "",
    timeout: float | None = None,
) -> tuple[int, str]:
    """`python -m mkdocs <args>` in `cwd` with exactly `env`: its exit status, and its output then its errors.
    `before`: Python code the build's process runs first (a test's change to the code under test, made in that
    process alone); `timeout`: see `run_docs_tool_apart`."""
    returncode, out, err = run_docs_tool_apart(cwd, args, env, fresh=fresh, before=before, timeout=timeout)
    return returncode, out + err


def run_docs_tool_apart(
    cwd: Path,
    args: list[str],
    env: dict[str, str],
    *,
    fresh: bool = False,
    before: str = "",
    timeout: float | None = None,
) -> tuple[int, str, str]:
    """`run_docs_tool`, with the output and the errors apart. `timeout`: seconds after which the build is ended and
    subprocess.TimeoutExpired raised, as `subprocess.run` does."""
    if fresh or not _forks():
        # `before`, then what `-m` runs: the tool's __main__ with sys.argv[0] its file
        run = f"{before}\nimport runpy\nrunpy.run_module({DOCS_TOOL!r}, run_name='__main__', alter_sys=True)\n"
        command = [sys.executable, *(["-c", run] if before else ["-m", DOCS_TOOL]), *args]
        result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, env=env, timeout=timeout)
        return result.returncode, result.stdout, result.stderr
    from buildserver import BuildServer

    code, out, err = BuildServer.shared().run_apart(cwd, args, env, before, timeout or 0)
    if timeout and code == -signal.SIGALRM:
        raise subprocess.TimeoutExpired([DOCS_TOOL, *args], timeout, out, err)
    return code, out, err


def hash_seed(env: dict[str, str], *, fresh: bool = False) -> str | None:
    """The hash seed of a build `run_docs_tool` runs with `env`: its build server's, or the one `env` fixes for a new
    interpreter; None when a new interpreter draws its own."""
    if fresh or not _forks():
        seed = env.get("PYTHONHASHSEED", "")
        return seed if seed.isdigit() else None
    from buildserver import BuildServer

    return BuildServer.shared().hash_seed


def _forks() -> bool:
    # ProperDocs (`make test-properdocs`) replaces MkDocs at import time: those builds keep a new interpreter each
    return hasattr(os, "fork") and DOCS_TOOL == "mkdocs" and not os.environ.get("SMARTSHARE_FRESH_BUILDS")
