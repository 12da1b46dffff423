"""`smartshare check`: every problem a site build would report, without building the site."""

from __future__ import annotations

import argparse
from typing import TextIO

from ..core.problems import Problems, summary
from ..rich.glossary import check_glossary_file, check_language_glossaries
from .settings import read_settings
from .workspace import Inventory, curriculum_root, inventory, read

FORMATS = ("text", "github", "json")


def run(args: argparse.Namespace, out: TextIO) -> int:
    settings = read_settings(args.config_file)
    root = curriculum_root(args.path, settings)
    files = inventory(root, require_tracks=True)
    curriculum, problems = read(root, settings, cache=not getattr(args, "no_cache", False))
    problems.extend(check_glossary_file(root, settings.language))  # what smartshare/rich reports when it builds
    problems.extend(check_language_glossaries(root, settings.load_options().languages))  # glossary.fr.yml …
    out.write(render(problems, files, args.format, len(curriculum.sessions)))
    failed = problems.errors or (args.strict and problems.warnings)
    return 1 if failed else 0


def render(problems: Problems, files: Inventory, form: str, sessions: int = 0) -> str:
    if form == "json":
        return problems.to_json() + "\n"
    lines = [p.format_github() if form == "github" else p.format() for p in problems]
    lines.append(closing_line(problems, files, sessions))
    return "\n".join(lines) + "\n"


def closing_line(problems: Problems, files: Inventory, sessions: int = 0) -> str:
    if not (problems.errors or problems.warnings):
        modules = f"{files.modules} module" + ("" if files.modules == 1 else "s")
        tracks = f"{len(files.tracks)} track" + ("" if len(files.tracks) == 1 else "s")
        if sessions:  # sessions.yml is optional: a curriculum without it reads as before
            return f"No problems in {modules}, {tracks}, " + f"{sessions} session" + ("." if sessions == 1 else "s.")
        return f"No problems in {modules}, {tracks}."
    count = f"{files.files} file" + ("" if files.files == 1 else "s")
    return f"{summary(len(problems.errors), len(problems.warnings))} in {count}"
