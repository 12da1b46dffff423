"""The iCalendar SEQUENCE of each session, derived from the git history of sessions.yml.

A calendar replaces an event it already has only when the new copy's SEQUENCE is higher, so SEQUENCE must
increase whenever what a calendar shows of a session changes, and must be the same in two builds of one commit.
The rule: SEQUENCE is the number of times the session's calendar fields (`CALENDAR_FIELDS`) differ from their
previous version, going through the committed versions of sessions.yml from the oldest, then the file as it is
now (an uncommitted change counts once). A session that never changed has SEQUENCE 0. Outside a git
repository only the current file is known, so every session has SEQUENCE 0.

Speed: git gives the ids of the committed versions in two processes, whatever the length of the history; the
versions are read (one more process) and parsed only when the build cache has not kept what they come to under
those ids, and the file as it is only when the cache has not kept its fingerprints (a sessions.yml of 5,000
sessions takes about a second to parse, once per version).
"""

from __future__ import annotations

import json
import os
import subprocess

import yaml

from .ical import Memo
from .sessions import SESSIONS_FILE, Session

CALENDAR_FIELDS = ("modules", "track", "start", "timezone", "duration", "place", "online", "status", "mentors")
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def assign_sequences(root: str, sessions: list[Session], memo: Memo | None = None) -> None:
    """With a `memo` (the build cache's), what the committed versions come to is kept by their blobs' ids, and
    the fingerprints of the file as it is by its text: a build with no new commit of sessions.yml reads none of its
    versions again, and one with sessions.yml unchanged too parses nothing."""
    if not sessions:
        return
    for session in sessions:
        session.sequence = 0
    current = _current(root)
    blobs = _committed_blobs(root) if current is not None else []
    if not blobs:
        return  # outside git, or never committed: only the current file is known, every session has SEQUENCE 0
    assert current is not None
    # the committed versions, oldest first, then the file as it is: a version equal to the one before changes nothing
    counts = _history(root, blobs, memo)
    if memo is None:
        now = fingerprints(current)
    else:
        now = json.loads(memo.get("sessions.yml fingerprints\0" + current, lambda: _dumps(fingerprints(current))))
    _count(counts, now)
    for session in sessions:
        session.sequence = counts.get(session.id, ("", 0))[1]


def _history(root: str, blobs: list[str], memo: Memo | None) -> dict[str, tuple[str, int]]:
    """Session id → its fingerprint in the last committed version and the changes counted up to it."""

    def count() -> dict[str, tuple[str, int]]:
        counts: dict[str, tuple[str, int]] = {}
        for text in _blob_texts(root, blobs):
            _count(counts, fingerprints(text))
        return counts

    if memo is None:
        return count()
    made = memo.get("sessions.yml history\0" + json.dumps(blobs), lambda: _dumps(count()))
    return {session_id: (fingerprint, number) for session_id, (fingerprint, number) in json.loads(made).items()}


def _count(counts: dict[str, tuple[str, int]], version: dict[str, str]) -> None:
    for session_id, fingerprint in version.items():
        previous = counts.get(session_id)
        if previous is None:
            counts[session_id] = (fingerprint, 0)
        elif previous[0] != fingerprint:
            counts[session_id] = (fingerprint, previous[1] + 1)


def _dumps(value: dict) -> bytes:
    return json.dumps(value, ensure_ascii=False, sort_keys=True).encode("utf-8")


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


def _current(root: str) -> str | None:
    try:
        with open(os.path.join(root, SESSIONS_FILE), encoding="utf-8-sig") as handle:
            return handle.read()
    except (OSError, UnicodeDecodeError):
        return None


def _committed_blobs(root: str) -> list[str]:
    """The ids of the committed versions of sessions.yml, oldest first (a commit that deleted it has none; a commit
    that left it as it was repeats none)."""
    try:
        commits = _git(root, "log", "--format=%H", "--reverse", "--", SESSIONS_FILE).split()
        if not commits:
            return []
        paths = "".join(f"{commit}:./{SESSIONS_FILE}\n" for commit in commits)
        found = _git(root, "cat-file", "--batch-check", input=paths).splitlines()
    except (OSError, subprocess.CalledProcessError, UnicodeDecodeError):
        return []  # not a git repository, or no git: only the current file is known
    blobs: list[str] = []
    for line in found:
        blob, _, kind = line.partition(" ")
        if kind.startswith("blob ") and (not blobs or blobs[-1] != blob):
            blobs.append(blob)
    return blobs


def _blob_texts(root: str, blobs: list[str]) -> list[str]:
    """The texts of `blobs`, read by one git process (a version that is not UTF-8 is left out)."""
    output = subprocess.run(
        ["git", "-C", root, "cat-file", "--batch"],
        input="".join(f"{b}\n" for b in blobs).encode(),
        check=True,
        capture_output=True,
    ).stdout
    texts, at = [], 0
    while at < len(output):
        header_end = output.index(b"\n", at)
        size = int(output[at:header_end].split()[2])
        content = output[header_end + 1 : header_end + 1 + size]
        at = header_end + 1 + size + 1  # the content, then a newline
        try:
            texts.append(content.decode("utf-8").replace("\r\n", "\n"))
        except UnicodeDecodeError:
            continue
    return texts


def _git(root: str, *args: str, input: str | None = None) -> str:
    return subprocess.run(
        ["git", "-C", root, *args], check=True, capture_output=True, text=True, encoding="utf-8", input=input
    ).stdout
