"""When each file of a folder last changed, from ONE `git log` call (2,000 modules must stay fast).

Plain Python: no MkDocs. Outside a repository, in a shallow clone (where every file would seem to change in
the oldest fetched commit) or without git, the answer is empty and nothing is shown.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess

MARKER = "\x1fcommit "


def _git(folder: str, *args: str) -> str | None:
    try:
        result = subprocess.run(
            ["git", "-c", "core.quotepath=off", *args],
            cwd=folder,
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=False,
        )
    except (OSError, ValueError):  # git not installed, or folder missing
        return None
    return result.stdout if result.returncode == 0 else None


def last_changed(folder: str | os.PathLike) -> dict[str, dt.date]:
    """`{"ai/chatbots.md": date(2026, 9, 1), ...}`, paths relative to `folder`, dates in the committer's zone."""
    folder = os.fspath(folder)
    if not os.path.isdir(folder):
        return {}
    shallow = _git(folder, "rev-parse", "--is-shallow-repository")
    if shallow is None or shallow.strip() != "false":
        return {}
    # --relative: paths relative to `folder`, limited to it; newest commit first, so the first date wins
    log = _git(
        folder, "log", "--no-renames", "--name-only", "--relative", "--date=short", f"--format={MARKER}%cd", "--", "."
    )
    if log is None:
        return {}
    return _parse(log)


def _parse(log: str) -> dict[str, dt.date]:
    dates: dict[str, dt.date] = {}
    current: dt.date | None = None
    for line in log.splitlines():
        if line.startswith(MARKER):
            current = dt.date.fromisoformat(line[len(MARKER) :].strip())
        elif line and current is not None:
            dates.setdefault(line, current)
    return dates


def last_commit_epoch(folder: str | os.PathLike) -> str | None:
    """Seconds since the epoch of the last commit, the value `SOURCE_DATE_EPOCH` takes in a reproducible build."""
    output = _git(os.fspath(folder), "log", "-1", "--format=%ct")
    value = (output or "").strip()
    return value if value.isdigit() else None


def head_commit(folder: str | os.PathLike) -> str:
    """The commit checked out in `folder` (the build's `{build}` in feedback links and learning events); "" outside
    git. `SMARTSHARE_BUILD` overrides it, for a CI that builds from an exported tree."""
    if os.environ.get("SMARTSHARE_BUILD"):
        return os.environ["SMARTSHARE_BUILD"]
    output = _git(os.fspath(folder), "rev-parse", "--verify", "-q", "HEAD")
    value = (output or "").strip()
    return value if len(value) in (40, 64) and all(c in "0123456789abcdef" for c in value) else ""
