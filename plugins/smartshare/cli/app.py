"""The `smartshare` command: parse the arguments, run one command, turn usage mistakes into one line."""

from __future__ import annotations

import argparse
import contextlib
import gc
import importlib
import os
import sys
from collections.abc import Iterator, Sequence
from typing import NoReturn

from .. import __version__
from ..core.schema import SESSION_STATUSES
from . import check, feedback, new
from .errors import UsageError

PROG = "smartshare"

DESCRIPTION = """\
Work on a Smartshare curriculum from the terminal: start tracks and modules from the schema, check
them without building the site, and see the state of the whole curriculum.

The curriculum folder is the docs_dir of ./mkdocs.yml (curricula when there is none); the review age
and drafts settings of the smartshare/curriculum plugin are read from it too."""

EXAMPLES = {
    PROG: """\
examples:
  smartshare new module ai chatbots --title "Chatbots for managers"
  smartshare check
  smartshare stats
  smartshare export moodle-xml -o questions.xml""",
    "check": """\
Exit status: 0 when there is no error (and, with --strict, no warning), 1 otherwise, 2 on a usage error.

examples:
  smartshare check                      # the docs_dir of ./mkdocs.yml
  smartshare check curricula --strict   # warnings fail too, like 'mkdocs build --strict'
  smartshare check --format github      # annotations on the changed lines of a pull request
  smartshare check --format json > problems.json""",
    "stats": """\
examples:
  smartshare stats
  smartshare stats curricula --format json""",
    "export": """\
examples:
  smartshare export moodle-xml -o questions.xml   # every quiz, images embedded, for Moodle's question bank
  smartshare export gift -o questions.gift        # the same in GIFT, plain text
  smartshare export scorm -o scorm/               # one SCORM 1.2 package per track""",
    "export moodle-xml": """\
Every self-check quiz as a Moodle XML question bank: one category per track and module, question
names and ID numbers from module and quiz ids, Markdown as HTML with images embedded. What the
format cannot carry is a warning at its file and line; --strict makes warnings fail.

examples:
  smartshare export moodle-xml -o questions.xml""",
    "export gift": """\
Every self-check quiz in GIFT, Moodle's plain-text format, Markdown kept as Markdown. Hints and
images cannot travel in GIFT: each is a warning at its file and line.

examples:
  smartshare export gift -o questions.gift
  smartshare export gift -o - | less""",
    "export scorm": """\
Builds the site in offline mode into a temporary folder, then writes one SCORM 1.2 package per
track (and, with --per-module, one per module): a zip with imsmanifest.xml, one SCO per module, the
pages, their assets and quizzes, and an adapter that reports completion and the self-check score
to the LMS and resumes answers. Nothing in a package comes from another host.

examples:
  smartshare export scorm -o scorm/
  smartshare export scorm -o scorm/ --per-module""",
    "new": """\
examples:
  smartshare new session --module ai/chatbots --start "2027-03-02 09:30" --timezone Europe/Paris
  smartshare new track data-privacy --title "Data privacy"
  smartshare new module ai chatbots --title "Chatbots for managers" --mentor amina-diallo""",
    "new track": """\
Writes SLUG/track.yml with every track field, described in comments, and a first module (a track
needs at least one). Nothing existing is ever overwritten.

examples:
  smartshare new track data-privacy --title "Data privacy"
  smartshare new track marketing/social --first-module getting-started""",
    "new session": """\
Appends one session to sessions.yml (created when missing), leaving the rest of the file as it was;
an id that already exists is refused. Asks for what is missing when run in a terminal. Defaults: the id
from the module and the date, the time zone and sign-up link most sessions already use, duration and
mentors from the module (written nowhere: the site takes them from the module).

examples:
  smartshare new session --module ai/chatbots --start "2027-03-02 09:30" --timezone Europe/Paris --place "Paris HQ"
  smartshare new session --track marketing --series "2027-03-05 10:00" --series "2027-03-12 10:00" \\
      --series "2027-03-19 10:00" --timezone Asia/Singapore --capacity 14""",
    "new module": """\
Writes TRACK/SLUG.md with every module field, described in comments (optional ones commented out),
and a body ending in a self-check quiz; appends SLUG to the modules of TRACK/track.yml, leaving the
rest of that file as it was. Nothing existing is ever overwritten. The module starts as a draft, left
out of the site; once written, set 'status: published' (placeholder text left in a published module
is a warning of 'smartshare check').

examples:
  smartshare new module ai chatbots --title "Chatbots for managers"
  smartshare new module ai prompt-basics --mentor amina-diallo --mentor leo-martin""",
    "feedback": """\
examples:
  smartshare feedback import responses.csv --source gforms --map feedback/chatbots-survey.yml
  smartshare feedback import export.xlsx --source msforms""",
    "feedback import": """\
Reads a survey export (CSV: UTF-8 or Windows-1252, comma or semicolon separated; XLSX for Microsoft
Forms), maps its columns to module, session, rating (1-3), score and comment, leaves every other column
out (names and e-mail addresses above all) unless --keep names it, and adds the responses not imported
yet to a JSON Lines file under CURRICULUM/feedback/, sorted, for review in git like content. Each bad
row is reported at FILE:ROW:COLUMN; nothing is written while there is one (--skip-bad-rows imports the
others). --source xapi reads the statements of a Learning Record Store instead ($SMARTSHARE_LRS_AUTH
or --auth gives its Authorization header).

examples:
  smartshare feedback import responses.csv --source gforms --map feedback/chatbots-survey.yml
  smartshare feedback import export.xlsx --source msforms -o curricula/feedback/november.jsonl
  smartshare feedback import results.csv --source limesurvey --keep department
  smartshare feedback import https://lrs.example.com/xAPI/ --source xapi --since 2026-11-01T00:00:00Z""",
}


class _Parser(argparse.ArgumentParser):
    """Usage mistakes in one line (argparse prints the whole usage block first)."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see '{self.prog} --help')\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _parser(PROG, DESCRIPTION)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser, required=True)

    checker = _command(commands, "check", "Validate the whole curriculum without building the site.")
    _path_argument(checker)
    checker.add_argument("--strict", action="store_true", help="fail on warnings too")
    checker.add_argument(
        "--format", choices=check.FORMATS, default="text", help="text (default), github annotations or json"
    )
    checker.add_argument(
        "--no-cache",
        action="store_true",
        help="check every file afresh, without the results kept in the build cache's folder (smartshare/cache)",
    )
    checker.set_defaults(run=check.run)

    counter = _command(commands, "stats", "Modules, hours, quizzes, reviews and mentors' load, per track and in total.")
    _path_argument(counter)
    counter.add_argument("--format", choices=("text", "json"), default="text", help="a table (default) or json")
    counter.set_defaults(run=_later("stats", "run"))

    exporter = _command(commands, "export", "Export quizzes to question banks and tracks to LMS packages.", group=True)
    formats = exporter.add_subparsers(dest="kind", metavar="FORMAT", parser_class=_Parser, required=True)
    for name, summary in (
        ("moodle-xml", "Every quiz as a Moodle XML question bank."),
        ("gift", "Every quiz as a GIFT question bank."),
    ):
        bank = _command(formats, name, summary, f"export {name}")
        _path_argument(bank)
        bank.add_argument("-o", "--output", metavar="FILE", help="where to write it ('-' for standard output)")
        bank.add_argument("--strict", action="store_true", help="fail when something cannot be exported as is")
        bank.set_defaults(run=_later("export", "run_bank"), format_name=name)
    package = _command(formats, "scorm", "One SCORM 1.2 package per track, one SCO per module.", "export scorm")
    package.add_argument("-o", "--output", metavar="DIR", default="scorm", help="where to write them (default: scorm)")
    package.add_argument("--per-module", action="store_true", help="also one package per module")
    package.set_defaults(run=_later("export", "run_scorm"))

    creator = _command(commands, "new", "Create a track, a module or a session from the schema.", group=True)
    kinds = creator.add_subparsers(dest="kind", metavar="KIND", parser_class=_Parser, required=True)

    track = _command(kinds, "track", "Create a track folder with its track.yml and a first module.", "new track")
    track.add_argument("slug", metavar="SLUG", help="the track's folder, e.g. data-privacy")
    track.add_argument("--title", help="the track's title (default: from the slug)")
    track.add_argument("--summary", help="one sentence saying what the track is about")
    track.add_argument(
        "--first-module",
        default=new.FIRST_MODULE,
        metavar="SLUG",
        help=f"slug of its first module (default: {new.FIRST_MODULE})",
    )
    _curriculum_option(track)
    track.set_defaults(run=new.run_track)

    module = _command(kinds, "module", "Create a module in a track and add it to the track's order.", "new module")
    module.add_argument("track", metavar="TRACK", help="the track's id (its folder), e.g. ai")
    module.add_argument("slug", metavar="SLUG", help="the module's file name without .md, e.g. chatbots")
    module.add_argument("--title", help="the module's title (default: from the slug)")
    module.add_argument("--summary", help="one sentence saying what the learner gets")
    module.add_argument("--mentor", action="append", metavar="ID", help="a mentor id from mentors.yml (repeatable)")
    module.add_argument(
        "--publish",
        action="store_true",
        help="write 'status: published' (default: draft, left out of the site until you publish it)",
    )
    _curriculum_option(module)
    module.set_defaults(run=new.run_module)

    session = _command(kinds, "session", "Add a session (date, place, mentors) to sessions.yml.", "new session")
    session.add_argument("--id", help="a stable id (default: the module's slug and the date)")
    session.add_argument("--module", action="append", metavar="TRACK/SLUG", help="a module it covers (repeatable)")
    session.add_argument("--track", metavar="TRACK", help="a whole track instead, with one --series date per module")
    session.add_argument("--start", metavar="'YYYY-MM-DD HH:MM'", help="local start date and time")
    session.add_argument("--series", action="append", metavar="'YYYY-MM-DD HH:MM'", help="with --track (repeatable)")
    session.add_argument("--timezone", metavar="ZONE", help="IANA time zone, e.g. Europe/Paris")
    session.add_argument("--duration", help="e.g. 1h30 (default: the modules' durations)")
    session.add_argument("--place", help="room and site")
    session.add_argument("--online", metavar="URL", help="online meeting link")
    session.add_argument("--mentor", action="append", metavar="ID", help="a mentor id (default: the modules' mentors)")
    session.add_argument("--language", help="language spoken, e.g. en")
    session.add_argument("--capacity", type=int, metavar="SEATS", help="number of seats")
    session.add_argument("--signup", metavar="URL", help="sign-up link template, e.g. https://…?session={session}")
    session.add_argument("--status", choices=SESSION_STATUSES, default="planned", help="default: planned")
    session.add_argument("--notes", help="free notes shown with the session")
    session.add_argument("--no-input", action="store_true", help="never ask, even in a terminal")
    _curriculum_option(session)
    session.set_defaults(run=new.run_session)

    feedback.add_commands(commands, _command, _Parser)
    return parser


def _later(module: str, name: str):
    """A command's `run`, imported when that command runs: `smartshare check` does not load the exporters."""

    def run(args: argparse.Namespace, out) -> int:
        return getattr(importlib.import_module(f"{__package__}.{module}"), name)(args, out)

    return run


def _parser(prog: str, description: str) -> argparse.ArgumentParser:
    return _Parser(
        prog=prog, description=description, epilog=EXAMPLES[prog], formatter_class=argparse.RawDescriptionHelpFormatter
    )


def _command(
    commands, name: str, summary: str, examples_key: str | None = None, group: bool = False
) -> argparse.ArgumentParser:
    command = commands.add_parser(
        name,
        help=summary,
        description=summary,
        epilog=EXAMPLES[examples_key or name],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    if group:  # options belong to the commands of the group, where `--help` shows them
        return command
    command.add_argument("-f", "--config-file", metavar="FILE", help="the site's mkdocs.yml (default: ./mkdocs.yml)")
    return command


def _path_argument(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "path", nargs="?", metavar="PATH", help="the curriculum folder (default: docs_dir of mkdocs.yml)"
    )


def _curriculum_option(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "-C", "--curriculum", metavar="PATH", help="the curriculum folder (default: docs_dir of mkdocs.yml)"
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; the exit status: 0 success, 1 problems found, 2 usage error."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as done:  # --help, --version and usage errors: argparse has printed them already
        return done.code if isinstance(done.code, int) else 0
    try:
        with _without_gc():
            return args.run(args, sys.stdout)
    except UsageError as error:
        return _fail(args, error.message, error.code)
    except BrokenPipeError:  # `smartshare check | head`: the reader has gone, nothing is left to say
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except OSError as error:  # a folder that cannot be read or written: the system's reason, in one line
        return _fail(args, f"{error.strerror}: {error.filename}", 1)
    except KeyboardInterrupt:
        return 130


@contextlib.contextmanager
def _without_gc() -> Iterator[None]:
    """Reading a curriculum allocates many small objects and frees few: the cycle collector only costs time
    (0.3 s of `check` on 2,000 modules). A command is short-lived, so collection waits until it is done."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            # what the command allocated joins the oldest generation: re-enabling would otherwise collect its
            # hundred thousand objects at the next allocation (0.1 s), just before the process ends
            gc.freeze()
            gc.enable()
            gc.unfreeze()


def _fail(args: argparse.Namespace, message: str, code: int) -> int:
    command = " ".join(filter(None, [PROG, args.command, getattr(args, "kind", None)]))
    print(f"{command}: error: {message}", file=sys.stderr)
    return code
