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
from collections.abc import Iterable
from dataclasses import asdict, dataclass, fields

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
    """For answers: the chosen option ids, comma-separated in order."""
    correct: bool | None = None
    first_try: bool | None = None
    """For answers: whether this was the learner's first answer to the question."""
    score: float | None = None
    """For completions (and survey rows that report one): the self-check score, 0 to 1."""
    comment: str = ""

    def to_line(self) -> str:
        data = {name: value for name, value in asdict(self).items() if value not in ("", None)}
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


def dumps(records: Iterable[FeedbackRecord]) -> str:
    return "".join(record.to_line() + "\n" for record in sorted(records))
