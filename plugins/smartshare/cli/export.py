"""`smartshare export`: the quizzes as Moodle XML or GIFT question banks, tracks as SCORM 1.2 packages."""

from __future__ import annotations

import argparse
import os
import sys
from typing import TextIO

from ..core.problems import Problems, display_path, summary
from ..export import gift, moodlexml, scorm
from ..export.questions import collect
from .errors import UsageError
from .settings import read_settings
from .workspace import curriculum_root, inventory, read

BANKS = {"moodle-xml": (moodlexml.write, "questions.xml"), "gift": (gift.write, "questions.gift")}


def run_bank(args: argparse.Namespace, out: TextIO) -> int:
    write, default_name = BANKS[args.format_name]
    settings = read_settings(args.config_file)
    root = curriculum_root(args.path, settings)
    inventory(root, require_tracks=True)
    curriculum, problems = read(root, settings)
    if problems.errors:
        return _refuse(problems, f"export {args.format_name}")
    bank = collect(curriculum, root)
    text = write(bank)
    target = args.output or default_name
    if target == "-":
        out.write(text)
    else:
        with open(target, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    _report(bank.problems)
    if target != "-":
        print(f"{display_path(target)}: {len(bank.questions)} questions", file=sys.stderr)
    return 1 if args.strict and bank.problems.warnings else 0


def run_scorm(args: argparse.Namespace, out: TextIO) -> int:
    settings = read_settings(args.config_file)
    config_file = args.config_file or "mkdocs.yml"
    if not os.path.isfile(config_file):
        raise UsageError("a SCORM package is made from the built site: run it next to mkdocs.yml, or give -f FILE")
    root = curriculum_root(None, settings)
    inventory(root, require_tracks=True)
    curriculum, problems = read(root, settings)
    if problems.errors:
        return _refuse(problems, "export scorm")
    try:
        written = scorm.export(curriculum, config_file, args.output, per_module=args.per_module)
    except scorm.BuildFailed as failure:
        sys.stderr.write(failure.output)
        print("smartshare export scorm: the site did not build; nothing was exported", file=sys.stderr)
        return 1
    for package, target in written:
        modules = f"{len(package.modules)} module" + ("" if len(package.modules) == 1 else "s")
        out.write(f"{display_path(target)}: {package.title} ({modules})\n")
    return 0


def _refuse(problems: Problems, command: str) -> int:
    _report(problems)
    print(f"smartshare {command}: the curriculum has errors; nothing was exported", file=sys.stderr)
    return 1


def _report(problems: Problems) -> None:
    for problem in problems:
        print(problem.format(), file=sys.stderr)
    if len(problems):
        print(summary(len(problems.errors), len(problems.warnings)), file=sys.stderr)
