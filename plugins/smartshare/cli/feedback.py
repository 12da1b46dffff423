"""`smartshare feedback import`: a survey export (or an LRS's statements) into the curriculum's feedback records."""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
from typing import TextIO

from ..core.feedbackimport import SOURCES, ImportResult, SurveyMap, Unreadable, import_table, load_mapping, read_table
from ..core.feedbackrecords import FEEDBACK_FOLDER, RECORDS_SUFFIX, FeedbackRecord, read_file, updated, write_atomically
from ..core.model import Curriculum
from ..core.problems import Problem, Severity, display_path, summary
from .errors import UsageError
from .settings import read_settings
from .workspace import curriculum_root, inventory, read

AUTH_VARIABLE = "SMARTSHARE_LRS_AUTH"


def run_import(args: argparse.Namespace, out: TextIO) -> int:
    if args.source == "xapi" and not args.file:
        raise UsageError(
            "--source xapi reads from a Learning Record Store: give its address, e.g. https://lrs.example.com/xAPI/"
        )
    if not args.file:
        raise UsageError("give the export to import (a .csv file, or .xlsx for Microsoft Forms)")
    if args.source != "xapi" and not os.path.isfile(args.file):
        raise UsageError(f"no file '{display_path(args.file)}'")
    settings = read_settings(args.config_file)
    root = curriculum_root(args.curriculum, settings)
    inventory(root, require_tracks=True)
    curriculum, problems = read(root, settings)
    if problems.errors:
        noun = "error" if len(problems.errors) == 1 else "errors"
        print(
            f"smartshare feedback import: the curriculum has {len(problems.errors)} {noun}; "
            "run 'smartshare check' to see them",
            file=sys.stderr,
        )
    target = args.output or os.path.join(root, FEEDBACK_FOLDER, _output_name(args))
    if args.source == "xapi":
        auth = args.auth or os.environ.get(AUTH_VARIABLE) or None
        site = settings.site_url or None
        from ..core import xapi  # HTTP client modules, loaded only for this source (not by `smartshare check`)

        records, found = xapi.read_statements(args.file, auth=auth, since=args.since, site=site)
        result = ImportResult(records=records, problems=list(found))
    else:
        result = _import_survey(args, curriculum)
    return _write(result, target, args, out)


def _import_survey(args: argparse.Namespace, curriculum: Curriculum) -> ImportResult:
    shown = display_path(args.file)
    mapping, problems = SurveyMap(), []
    if args.map:
        try:
            with open(args.map, encoding="utf-8") as handle:
                text = handle.read()
        except (OSError, UnicodeDecodeError) as error:
            reason = error.strerror if isinstance(error, OSError) else "not UTF-8 text"
            raise UsageError(f"cannot read the mapping file '{display_path(args.map)}': {reason}", 1) from None
        mapping, problems = load_mapping(display_path(args.map), text, curriculum.modules)
    if problems:
        return ImportResult(problems=problems)
    if mapping.source and mapping.source != args.source:
        message = f"the mapping file is for '{mapping.source}' exports, not '{args.source}'"
        return ImportResult(problems=[Problem(mapping.path, 1, 1, Severity.ERROR, "feedback-map", message)])
    try:
        table = read_table(args.file)
    except Unreadable as error:
        return ImportResult(
            problems=[Problem(shown, 1, 1, Severity.ERROR, "feedback-unreadable", f"cannot read the export: {error}")]
        )
    except OSError as error:
        return ImportResult(
            problems=[
                Problem(shown, 1, 1, Severity.ERROR, "feedback-unreadable", f"cannot read the export: {error.strerror}")
            ]
        )
    return import_table(table, shown, args.source, curriculum, mapping, args.keep or (), _question_lookup(curriculum))


def _question_lookup(curriculum: Curriculum):
    """A quiz question's options as written, found in its module's Markdown by the quiz package's own parser."""
    from ..quiz.parse import find_quizzes

    def lookup(module_id: str, question: str) -> list[tuple[str, bool]] | None:
        module = curriculum.modules.get(module_id)
        quiz = next((q for q in find_quizzes(module.body) if q.id == question), None) if module else None
        return [(option.text, option.correct) for option in quiz.options] if quiz else None

    return lookup


def _output_name(args: argparse.Namespace) -> str:
    if args.source == "xapi":
        return "xapi" + RECORDS_SUFFIX
    return os.path.splitext(os.path.basename(args.file))[0] + RECORDS_SUFFIX


def _write(result: ImportResult, target: str, args: argparse.Namespace, out: TextIO) -> int:
    problems = result.problems
    skipping = args.skip_bad_rows and all(p.code == "feedback-row" for p in problems)
    if skipping:
        problems = [dataclasses.replace(p, severity=Severity.WARNING) for p in problems]
    for problem in problems:
        print(problem.format(), file=sys.stderr)
    errors = sum(p.is_error for p in problems)
    if problems:
        print(summary(errors, len(problems) - errors), file=sys.stderr)
    if errors:
        rows = f" ({result.bad_rows} of {result.rows} rows)" if result.bad_rows else ""
        # skipping helps only when bad rows are all there is: not for an unreadable export or a wrong mapping
        only_rows = all(p.code == "feedback-row" for p in problems if p.is_error)
        skip = ", or pass --skip-bad-rows to import the other rows" if only_rows else ""
        print(
            f"smartshare feedback import: nothing was written{rows}; fix the export or the mapping file{skip}",
            file=sys.stderr,
        )
        return 1
    existing: list[FeedbackRecord] = []
    if os.path.exists(target):
        existing, trouble = read_file(target, display_path(target))
        if trouble:
            for problem in trouble:
                print(problem.format(), file=sys.stderr)
            print(
                f"smartshare feedback import: {display_path(target)} is not a records file; nothing was written",
                file=sys.stderr,
            )
            return 1
    records, added, changed = updated(existing, result.records)
    write_atomically(target, records)
    known = len(result.records) - added - changed
    line = f"{display_path(target)}: {added} new record{'' if added == 1 else 's'}"
    if changed:
        line += f", {changed} updated"
    if known:
        line += f", {known} already there"
    if result.bad_rows:
        line += f", {result.bad_rows} bad row{'' if result.bad_rows == 1 else 's'} skipped"
    out.write(line + "\n")
    if result.dropped:
        out.write(f"left out (not mapped, or personal): {', '.join(result.dropped)}\n")
    return 0


def add_commands(commands, command_factory, parser_class) -> None:
    """`smartshare feedback import`, registered by `cli.app`."""
    group = command_factory(commands, "feedback", "Bring learners' feedback back into the curriculum.", group=True)
    actions = group.add_subparsers(dest="kind", metavar="ACTION", parser_class=parser_class, required=True)
    importer = command_factory(
        actions, "import", "Import a survey export or an LRS's statements as feedback records.", "feedback import"
    )
    importer.add_argument(
        "file",
        nargs="?",
        metavar="FILE",
        help="the export (.csv, or .xlsx for Microsoft Forms); the LRS address for --source xapi",
    )
    importer.add_argument("--source", required=True, choices=[*SOURCES, "xapi"], help="the tool the export comes from")
    importer.add_argument(
        "--map", metavar="MAP.yml", help="the survey's mapping file: column header → field, value labels"
    )
    importer.add_argument(
        "--keep", metavar="COLUMN", action="append", help="keep this column in the records (repeatable)"
    )
    importer.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help=f"the records file (default: CURRICULUM/{FEEDBACK_FOLDER}/NAME{RECORDS_SUFFIX})",
    )
    importer.add_argument(
        "--skip-bad-rows", action="store_true", help="import the good rows, report the bad ones as warnings"
    )
    importer.add_argument(
        "-C", "--curriculum", metavar="PATH", help="the curriculum folder (default: docs_dir of mkdocs.yml)"
    )
    importer.add_argument(
        "--auth", metavar="HEADER", help=f"xapi: the Authorization header value (default: ${AUTH_VARIABLE})"
    )
    importer.add_argument("--since", metavar="ISO-TIME", help="xapi: only statements stored after this time")
    importer.set_defaults(run=run_import)
