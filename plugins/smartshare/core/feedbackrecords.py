"""Normalised feedback records: what survey exports and learning events become in the repository.

Every source (a Google Forms, Microsoft Forms or LimeSurvey export, a plain CSV file, the statements of an xAPI
Learning Record Store) is turned into the same records, written as JSON Lines under `curricula/feedback/`: one
object per line, keys sorted, lines sorted by key, so a re-import is a small diff reviewed like content. Records
hold stable, non-personal keys only (module, track, session, language, build); a respondent is at most an
anonymous key chosen by the source (a per-browser random id, a row number), never a name or an e-mail.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, fields

from .problems import Problem, Severity

#: the folder of the curriculum (docs_dir) holding the records, one `.jsonl` file per survey or source; the
#: curriculum plugin never publishes it (comments are free text for mentors only)
FEEDBACK_FOLDER = "feedback"
RECORDS_SUFFIX = ".jsonl"

#: What a record says: a rating of a module or session, one answer to a quiz question, a completed self-check,
#: or a free comment on its own.
KINDS = ("rating", "answer", "completion", "comment")


@dataclass(frozen=True, order=True)
class FeedbackRecord:
    """One response or event, reduced to what the figures need and nothing personal."""

    key: str
    """Identifies the response in its source (a survey's response id, an xAPI statement id, or a hash of the
    row): importing the same export twice adds nothing."""
    source: str
    """Where it came from: `gforms`, `msforms`, `limesurvey`, `csv` or `xapi`."""
    kind: str
    """One of KINDS."""
    module: str
    """The module id, e.g. `ai/chatbots`."""
    track: str = ""
    session: str = ""
    lang: str = ""
    build: str = ""
    """The commit the learner's page was built from, when the channel carried `{build}`."""
    time: str = ""
    """When it was given, ISO 8601 in UTC (`2026-11-26T09:30:00Z`); empty when the source does not say."""
    respondent: str = ""
    """An anonymous key grouping one person's answers within the source, never a name or an address."""
    rating: int | None = None
    """A rating on the site's scale, 1 (did not help) to 3 (helped a lot); sources with another scale map to it."""
    question: str = ""
    """For answers: the quiz id, stable across languages."""
    choice: str = ""
    """For answers: the chosen option ids, comma-separated in order. An option's id is its 0-based position in
    the quiz as written (the `data-key` and input values of quiz.js), so it survives shuffling."""
    correct: bool | None = None
    first_try: bool | None = None
    """For answers: whether this was the learner's first answer to the question."""
    score: float | None = None
    """For completions (and survey rows that report one): the self-check score, 0 to 1."""
    comment: str = ""
    kept: dict[str, str] = field(default_factory=dict, compare=False)
    """Columns of a survey export kept on purpose (`smartshare feedback import --keep COLUMN`): header → value.
    Never a name or an address unless an organisation decides so explicitly."""

    def to_line(self) -> str:
        data = {name: value for name, value in asdict(self).items() if value not in ("", None) and value != {}}
        return json.dumps(data, ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_line(cls, line: str) -> FeedbackRecord:
        """Raises ValueError (or its subclass json.JSONDecodeError) on a line that is not a record."""
        data = json.loads(line)
        if not isinstance(data, dict):
            raise ValueError("a record is a JSON object")
        known = {field.name for field in fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise ValueError(f"unknown field {unknown[0]!r}")
        record = cls(**data)
        if not isinstance(record.key, str) or not record.key or not isinstance(record.module, str):
            raise ValueError("a record needs a 'key' and a 'module'")
        if record.kind not in KINDS:
            raise ValueError(f"unknown kind {record.kind!r}")
        return record


def record_key(source: str, *parts: object) -> str:
    """A stable key from what identifies a response in its source, for sources without an id of their own."""
    text = "\x1f".join([source, *map(str, parts)])
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:20]


def merged(existing: Iterable[FeedbackRecord], new: Iterable[FeedbackRecord]) -> list[FeedbackRecord]:
    """Existing records plus the new ones whose key is not known yet, in the order they are written."""
    by_key = {record.key: record for record in existing}
    for record in new:
        by_key.setdefault(record.key, record)
    return sorted(by_key.values())


def updated(existing: Iterable[FeedbackRecord], new: Iterable[FeedbackRecord]) -> tuple[list[FeedbackRecord], int, int]:
    """An import into a records file: the new records, the existing ones they replace (same key: the same
    response, read again, maybe with a better mapping) and the others kept; with how many were added and changed."""
    by_key = {record.key: record for record in existing}
    added = changed = 0
    for record in new:
        before = by_key.get(record.key)
        added += before is None
        changed += before is not None and before != record
        by_key[record.key] = record
    return sorted(by_key.values()), added, changed


def dumps(records: Iterable[FeedbackRecord]) -> str:
    return "".join(record.to_line() + "\n" for record in sorted(records))


def read_records(folder: str, shown: str | None = None) -> tuple[list[FeedbackRecord], list[Problem]]:
    """Every record of the `.jsonl` files of `folder` (none when it does not exist), de-duplicated by key, with a
    problem at `path:line` for each line that is not a record. `shown` is how the folder is named in problems."""
    records: list[FeedbackRecord] = []
    problems: list[Problem] = []
    if not os.path.isdir(folder):
        return records, problems
    for name in sorted(os.listdir(folder)):
        if not name.endswith(RECORDS_SUFFIX):
            continue
        path = os.path.join(folder, name)
        found, trouble = read_file(path, os.path.join(shown, name) if shown else path)
        records.extend(found)
        problems.extend(trouble)
    return merged([], records), problems


def read_file(path: str, shown: str | None = None) -> tuple[list[FeedbackRecord], list[Problem]]:
    """The records of one JSON Lines file; a problem for each line that is not one (blank lines are allowed)."""
    shown = shown or path
    records: list[FeedbackRecord] = []
    problems: list[Problem] = []
    try:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) else "not UTF-8 text"
        return [], [Problem(shown, 1, 1, Severity.ERROR, "feedback-record", f"cannot read the records: {reason}")]
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            records.append(FeedbackRecord.from_line(line))
        except (ValueError, TypeError) as error:
            message = f"not a feedback record: {str(error).splitlines()[0]}"
            hint = "each line is one JSON object written by 'smartshare feedback import'"
            problems.append(Problem(shown, number, 1, Severity.ERROR, "feedback-record", message, hint))
    return records, problems


def write_atomically(path: str, records: Iterable[FeedbackRecord]) -> None:
    """`dumps(records)` into `path` through a temporary file beside it: a reader never sees half a file."""
    folder = os.path.dirname(os.path.abspath(path))
    os.makedirs(folder, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(dumps(records))
        os.chmod(temporary, 0o644)  # mkstemp's 0600 would keep the file from a reviewer's tools
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise
