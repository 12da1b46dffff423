"""`smartshare new track` and `smartshare new module`: start from the schema, never from a copy of an old file."""

from __future__ import annotations

import argparse
import os
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
