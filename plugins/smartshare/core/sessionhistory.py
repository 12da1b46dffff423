"""The iCalendar SEQUENCE of each session, derived from the git history of sessions.yml.

A calendar replaces an event it already has only when the new copy's SEQUENCE is higher, so SEQUENCE must
increase whenever what a calendar shows of a session changes, and must be the same in two builds of one commit.
The rule: SEQUENCE is the number of times the session's calendar fields (`CALENDAR_FIELDS`) differ from their
previous version, going through the committed versions of sessions.yml from the oldest, then the file as it is
now (an uncommitted change counts once). A session that never changed has SEQUENCE 0. Outside a git
repository only the current file is known, so every session has SEQUENCE 0.
"""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Iterable

import yaml

from .sessions import SESSIONS_FILE, Session

CALENDAR_FIELDS = ("modules", "track", "start", "timezone", "duration", "place", "online", "status", "mentors")
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def assign_sequences(root: str, sessions: list[Session]) -> None:
    if not sessions:
        return
    versions: list[str] = []
    for text in _versions(root):
        if not versions or text != versions[-1]:  # a commit that left the file as it was changes nothing
            versions.append(text)
    for session in sessions:
        session.sequence = 0
    if len(versions) < 2:
        return  # one version (the usual build outside git, or no change since the first commit): all 0
    counts: dict[str, tuple[str, int]] = {}
    for text in versions:
        for session_id, fingerprint in fingerprints(text).items():
            previous = counts.get(session_id)
            if previous is None:
                counts[session_id] = (fingerprint, 0)
            elif previous[0] != fingerprint:
                counts[session_id] = (fingerprint, previous[1] + 1)
    for session in sessions:
        session.sequence = counts.get(session.id, ("", 0))[1]


def fingerprints(text: str) -> dict[str, str]:
    """Session id → the calendar fields as written (series expanded like the loader does); unreadable: {}."""
    try:
        data = yaml.load(text, Loader=_Loader)
    except yaml.YAMLError:
        return {}
    found: dict[str, str] = {}
    for item in data if isinstance(data, list) else []:
        if not isinstance(item, dict) or not item.get("id"):
            continue
        fields = {name: str(item.get(name)) for name in CALENDAR_FIELDS}
        series = item.get("series")
        if isinstance(series, list) and series:
            for n, start in enumerate(series):
                found[f"{item['id']}-{n + 1}"] = _digest({**fields, "start": str(start)})
        else:
            found[str(item["id"])] = _digest(fields)
    return found


def _digest(fields: dict) -> str:
    return json.dumps(fields, sort_keys=True)


def _versions(root: str) -> Iterable[str]:
    """The committed versions of sessions.yml, oldest first, then the file as it is now."""
    path = os.path.join(root, SESSIONS_FILE)
    try:
        with open(path, encoding="utf-8-sig") as handle:
            current = handle.read()
    except (OSError, UnicodeDecodeError):
        return []
    try:
        commits = _git(root, "log", "--format=%H", "--reverse", "--", SESSIONS_FILE).split()
    except (OSError, subprocess.CalledProcessError, UnicodeDecodeError):
        commits = []  # not a git repository, or no git: only the current file is known
    texts = []
    for commit in commits:
        try:
            texts.append(_git(root, "show", f"{commit}:./{SESSIONS_FILE}"))
        except (subprocess.CalledProcessError, UnicodeDecodeError):
            continue  # the commit that deleted it
    return [*texts, current]


def _git(root: str, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", root, *args], check=True, capture_output=True, text=True, encoding="utf-8"
    ).stdout
