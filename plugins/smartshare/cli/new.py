"""`smartshare new track`, `new module` and `new session`: start from the schema, never from a copy of an old file."""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Callable
from typing import TextIO

import yaml

from ..core.builddate import build_date
from ..core.fieldtypes import SLUG
from ..core.loader import MENTORS_FILE, NOT_MODULES, TRACK_FILE
from ..core.problems import display_path
from ..core.scaffold import (
    NEW_MODULE_STATUS,
    ScaffoldError,
    add_module_to_track,
    module_markdown,
    title_from_slug,
    track_yaml,
)
from ..core.schema import SESSION
from ..core.sessions import SESSIONS_FILE
from ..core.suggest import did_you_mean
from .errors import UsageError
from .settings import read_settings
from .workspace import curriculum_root, inventory, require_track

FIRST_MODULE = "introduction"
ORDER_STEP = 10  # room to slot a track in between two others without renumbering


def run_track(args: argparse.Namespace, out: TextIO) -> int:
    root = curriculum_root(args.curriculum, read_settings(args.config_file))
    track_id = _track_id(args.slug)
    module_slug = _module_slug(args.first_module)
    track_file = os.path.join(root, track_id, TRACK_FILE)
    module_file = os.path.join(root, track_id, f"{module_slug}.md")
    if track_id in inventory(root).tracks:
        raise UsageError(f"track '{track_id}' already exists: {display_path(track_file)}")
    _refuse_existing(module_file)
    title = args.title or title_from_slug(track_id)
    _write(track_file, track_yaml(title, args.summary or "", [module_slug], _next_order(root)))
    _write(module_file, module_markdown(title_from_slug(module_slug), build_date()))
    out.write(
        f"Created {display_path(track_file)}\n"
        f"Created {display_path(module_file)}, its first module (a track needs one), a draft until published\n"
        f"Next: fill in the summaries, add modules with 'smartshare new module {track_id} SLUG', "
        "then run 'smartshare check'.\n"
    )
    return 0


def run_module(args: argparse.Namespace, out: TextIO) -> int:
    root = curriculum_root(args.curriculum, read_settings(args.config_file))
    track_id = _track_id(args.track)
    slug = _module_slug(args.slug)
    require_track(root, track_id)
    module_file = os.path.join(root, track_id, f"{slug}.md")
    _refuse_existing(module_file)
    _check_mentors(root, args.mentor or [])
    track_file = os.path.join(root, track_id, TRACK_FILE)
    with open(track_file, encoding="utf-8-sig") as handle:
        track_text = handle.read()
    updated = _listed(track_text, slug, track_file)
    status = "published" if args.publish else NEW_MODULE_STATUS
    text = module_markdown(args.title or title_from_slug(slug), build_date(), args.summary or "", args.mentor, status)
    _write(module_file, text)
    out.write(f"Created {display_path(module_file)}\n")
    if updated != track_text:
        _write(track_file, updated, overwrite=True)
        out.write(f"Added '{slug}' to the modules of {display_path(track_file)}\n")
    if status == NEW_MODULE_STATUS:
        out.write("Next: write the module, set 'status: published', then run 'smartshare check'.\n")
    else:
        out.write("Next: write the module, then run 'smartshare check'.\n")
    return 0


def _track_id(value: str) -> str:
    track_id = value.strip().strip("/")
    if not track_id or not all(SLUG.match(part) for part in track_id.split("/")):
        raise UsageError(f"'{value}' is not a valid track id — use lower-case letters, digits and dashes")
    return track_id


def _module_slug(value: str) -> str:
    slug = value[:-3] if value.endswith(".md") else value
    if not SLUG.match(slug):
        raise UsageError(f"'{value}' is not a valid module slug — use lower-case letters, digits and dashes")
    if f"{slug}.md" in NOT_MODULES:
        raise UsageError(f"'{slug}' is reserved for the track's own page — choose another slug")
    return slug


def _refuse_existing(path: str) -> None:
    if os.path.exists(path):
        raise UsageError(f"{display_path(path)} already exists — nothing was written")


def _listed(track_text: str, slug: str, track_file: str) -> str:
    """The track.yml text with `slug` in its modules (unchanged when it is already listed)."""
    try:
        data = yaml.safe_load(track_text)
        modules = data.get("modules") if isinstance(data, dict) else None
        if isinstance(modules, list) and slug in [str(m) for m in modules]:
            return track_text
        return add_module_to_track(track_text, slug)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        where = f"{display_path(track_file)}:{mark.line + 1}:{mark.column + 1}" if mark else display_path(track_file)
        raise UsageError(f"{where}: invalid YAML ({error.problem}) — fix it first; nothing was written", 1) from None
    except ScaffoldError as error:
        raise UsageError(f"{display_path(track_file)}: {error} — fix it first; nothing was written", 1) from None


def _check_mentors(root: str, mentor_ids: list[str]) -> None:
    for mentor_id in mentor_ids:
        if not SLUG.match(mentor_id):
            raise UsageError(f"'{mentor_id}' is not a valid mentor id — use lower-case letters, digits and dashes")
    if not mentor_ids:
        return
    known = _mentor_ids(root)
    for mentor_id in mentor_ids:
        if known is not None and mentor_id not in known:
            hint = did_you_mean(mentor_id, known, f"add them to {MENTORS_FILE} first")
            raise UsageError(f"no mentor '{mentor_id}' in {display_path(os.path.join(root, MENTORS_FILE))} — {hint}")


def _mentor_ids(root: str) -> list[str] | None:
    """Mentor ids of mentors.yml; None when it cannot be read (then `check` reports why, not `new`)."""
    try:
        with open(os.path.join(root, MENTORS_FILE), encoding="utf-8-sig") as handle:
            data = yaml.safe_load(handle)
    except FileNotFoundError:
        return []
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None
    return [str(key) for key in data] if isinstance(data, dict) else None


def _next_order(root: str) -> int:
    """An order placing the new track after every existing one in the catalogue."""
    orders = [0]
    for track_id in inventory(root).tracks:
        try:
            with open(os.path.join(root, track_id, TRACK_FILE), encoding="utf-8-sig") as handle:
                data = yaml.safe_load(handle)
        except (OSError, UnicodeDecodeError, yaml.YAMLError):
            continue
        order = data.get("order", 100) if isinstance(data, dict) else 100
        orders.append(order if isinstance(order, int) and not isinstance(order, bool) else 100)
    return max(orders) + ORDER_STEP


def _write(path: str, text: str, overwrite: bool = False) -> None:
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    with open(path, "w" if overwrite else "x", encoding="utf-8", newline="\n") as handle:
        handle.write(text)


# -- smartshare new session --------------------------------------------------------------------------------

SESSIONS_HEADER = "# Live sessions, one item per session; the Field reference page describes every field.\n"
DEFAULT_TIMEZONE = "UTC"


def run_session(args: argparse.Namespace, out: TextIO, ask: Callable[[str, str], str] | None = None) -> int:
    """Append one session to sessions.yml (created when missing), leaving the rest of the file as it was."""
    root = curriculum_root(args.curriculum, read_settings(args.config_file))
    path = os.path.join(root, SESSIONS_FILE)
    text = _read_text(path)
    existing = _existing_sessions(text, path)
    if ask is None and sys.stdin.isatty() and not (args.module or args.track) and not args.no_input:
        ask = _ask_terminal
    if ask:
        _ask_missing(args, ask, existing)
    if not (args.module or args.track):
        raise UsageError("say which module the session covers: --module TRACK/SLUG (or --track TRACK --series …)")
    if not (args.start or args.series):
        raise UsageError("say when it starts: --start 'YYYY-MM-DD HH:MM' (local time of the place)")
    fields = _session_fields(args, existing)
    values, issues = SESSION.validate(fields)
    if issues:
        issue = issues[0]
        where = ".".join(str(p) for p in issue.path)
        raise UsageError(f"--{where.replace('_', '-')}: {issue.message}" + (f" — {issue.hint}" if issue.hint else ""))
    for module_id in values["modules"]:
        if not os.path.isfile(os.path.join(root, f"{module_id}.md")):
            known = [m for t in inventory(root).tracks for m in _module_ids(root, t)]
            hint = did_you_mean(module_id, known, "write it as track/module")
            raise UsageError(f"no module '{module_id}' in {display_path(root)}/ — {hint}")
    if values.get("track"):
        require_track(root, values["track"])
    _check_mentors(root, values["mentors"])
    if fields["id"] in existing:
        raise UsageError(f"session '{fields['id']}' already exists in {display_path(path)} — nothing was written")
    item = session_yaml(fields)
    addition = (SESSIONS_HEADER if not text.strip() else ("" if text.endswith("\n") else "\n")) + "\n" + item
    os.makedirs(root, exist_ok=True)
    with open(path, "a", encoding="utf-8", newline="\n") as handle:
        handle.write(addition)
    out.write(f"Added session '{fields['id']}' to {display_path(path)}\n")
    out.write("Next: run 'smartshare check'.\n")
    return 0


def session_yaml(fields: dict) -> str:
    """One item of sessions.yml, in the schema's field order, flow lists on one line."""
    lines = []
    for spec in SESSION.fields:
        value = fields.get(spec.name)
        if value in (None, "", []):
            continue
        lines.append(f"{spec.name}: {_yaml_scalar(value)}")
    return "- " + "\n  ".join(lines) + "\n"


def _yaml_scalar(value: object) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(_yaml_scalar(v) for v in value) + "]"
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}", value):
        return value  # a local date and time reads best unquoted (YAML keeps it as text)
    dumped = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=10_000)
    return dumped.strip().removesuffix("...").strip()


def _session_fields(args: argparse.Namespace, existing: dict[str, dict]) -> dict:
    modules = [m.strip("/").removesuffix(".md") for m in args.module or []]
    start = " ".join(args.start.split()) if args.start else None
    first = (modules[0].rsplit("/", 1)[-1] if modules else args.track or "session").replace("/", "-")
    day = (start or (args.series or [""])[0])[:10]
    timezone = args.timezone or _usual(existing, "timezone") or DEFAULT_TIMEZONE
    return {
        "id": args.id or f"{first}-{day}".strip("-"),
        "modules": modules,
        "track": args.track,
        "start": start,
        "series": [" ".join(s.split()) for s in args.series or []],
        "timezone": timezone,
        "duration": args.duration,
        "place": args.place,
        "online": args.online,
        "mentors": args.mentor or [],
        "language": args.language,
        "capacity": args.capacity,
        "signup": args.signup or _usual(existing, "signup"),
        "status": args.status if args.status and args.status != "planned" else None,
        "notes": args.notes,
    }


def _usual(existing: dict[str, dict], name: str) -> str | None:
    """The value most sessions already have (their time zone, their sign-up link): the likeliest for a new one."""
    counts: dict[str, int] = {}
    for item in existing.values():
        value = item.get(name)
        if isinstance(value, str) and value:
            counts[value] = counts.get(value, 0) + 1
    return max(sorted(counts), key=counts.__getitem__) if counts else None


def _ask_missing(args: argparse.Namespace, ask: Callable[[str, str], str], existing: dict[str, dict]) -> None:
    if not (args.module or args.track):
        args.module = [ask("Module (track/slug)", "")]
    if not (args.start or args.series):
        args.start = ask("Start, local time (YYYY-MM-DD HH:MM)", "")
    if not args.timezone:
        args.timezone = ask("Time zone", _usual(existing, "timezone") or DEFAULT_TIMEZONE)
    if not (args.place or args.online):
        args.place = ask("Place (room, site; empty when online)", "") or None
        if not args.place:
            args.online = ask("Online meeting link", "") or None
    if args.capacity is None:
        answer = ask("Seats (empty: no limit)", "")
        args.capacity = int(answer) if answer.isdigit() else None


def _ask_terminal(question: str, default: str) -> str:
    shown = f"{question} [{default}]: " if default else f"{question}: "
    return input(shown).strip() or default


def _read_text(path: str) -> str:
    try:
        with open(path, encoding="utf-8-sig") as handle:
            return handle.read()
    except FileNotFoundError:
        return ""


def _existing_sessions(text: str, path: str) -> dict[str, dict]:
    """The items of sessions.yml by id; a file that does not parse is left alone (nothing is appended to it)."""
    try:
        data = yaml.safe_load(text) if text.strip() else []
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        where = f"{display_path(path)}:{mark.line + 1}:{mark.column + 1}" if mark else display_path(path)
        raise UsageError(f"{where}: invalid YAML ({error.problem}) — fix it first; nothing was written", 1) from None
    if not isinstance(data, list):
        raise UsageError(f"{display_path(path)} is not a list of sessions — fix it first; nothing was written", 1)
    return {str(item["id"]): item for item in data if isinstance(item, dict) and item.get("id")}


def _module_ids(root: str, track_id: str) -> list[str]:
    folder = os.path.join(root, track_id)
    return [f"{track_id}/{f[:-3]}" for f in sorted(os.listdir(folder)) if f.endswith(".md") and f not in NOT_MODULES]
