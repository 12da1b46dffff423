"""Survey exports (Google Forms, Microsoft Forms, LimeSurvey, plain CSV) turned into feedback records.

Plain Python, no MkDocs. An export is a table: a header row, then one row per response. Each column is mapped
to a field of the records (module, session, rating, score, comment, time, an id…), to a quiz question, or
dropped: every column that is not mapped is left out of the records, personal ones (names, e-mail addresses,
IP addresses) above all, unless the organisation keeps one on purpose (`keep`). Built-in mappings know the
headers each tool writes, in English and French; a mapping file (`map.yml`), written once per survey, adds the
survey's own questions and value labels.

Every row that cannot be read is a problem at `file:row:column` (the row as the file counts it: a CSV line
where the response starts, a spreadsheet row), all of them in one report. Bad rows are errors: nothing is
written until the export or the mapping file is fixed (or the caller skips them on purpose).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .feedbackrecords import FeedbackRecord, record_key
from .i18n import TRANSLATIONS
from .model import Curriculum, Module
from .problems import Problem, Severity
from .suggest import did_you_mean
from .yamlsource import YamlDocument, YamlSyntaxError, load_yaml

SOURCES = ("gforms", "msforms", "limesurvey", "csv")
#: what a column can hold; `id` is the response's own id in the survey tool, used to recognise a re-import
FIELDS = ("id", "time", "module", "track", "session", "lang", "build", "rating", "score", "comment")
IGNORE = "ignore"  # a column dropped on purpose (e.g. "Start time"), never reported as unmapped
PERSONAL = "personal"  # a column the built-in mappings know to be personal: dropped, and named as such
RATING_SCALE = (1, 2, 3)  # the site's faces (feedback/render.py RATINGS)

# Headers are compared case- and space-insensitively, typographic apostrophes and non-breaking spaces folded
# (French exports write "utile ?" with a narrow no-break space).
_COMMON = {
    "module": "module",
    "module id": "module",
    "which module?": "module",
    "quel module ?": "module",
    "session": "session",
    "session code": "session",
    "session id": "session",
    "séance": "session",
    "code de la séance": "session",
    "track": "track",
    "parcours": "track",
    "rating": "rating",
    "note": "rating",
    "how useful was this module?": "rating",
    "ce module vous a-t-il été utile ?": "rating",
    "score": "score",
    "total score": "score",
    "comment": "comment",
    "comments": "comment",
    "commentaire": "comment",
    "commentaires": "comment",
    "what worked, what did not?": "comment",
    "qu'est-ce qui a marché, qu'est-ce qui n'a pas marché ?": "comment",
    "lang": "lang",
    "language": "lang",
    "langue": "lang",
    "build": "build",
}
DEFAULT_COLUMNS: dict[str, dict[str, str]] = {
    "gforms": {
        **_COMMON,
        "timestamp": "time",
        "horodateur": "time",
        "email address": PERSONAL,
        "adresse e-mail": PERSONAL,
        "name": PERSONAL,
        "nom": PERSONAL,
    },
    "msforms": {
        **_COMMON,
        "id": "id",
        "start time": IGNORE,
        "completion time": "time",
        "last modified time": IGNORE,
        "heure de début": IGNORE,
        "heure de fin": "time",
        "heure de la dernière modification": IGNORE,
        "email": PERSONAL,
        "name": PERSONAL,
        "adresse de messagerie": PERSONAL,
        "nom": PERSONAL,
        "total points": IGNORE,
        "quiz feedback": IGNORE,
    },
    "limesurvey": {
        **_COMMON,
        "id": "id",
        "response id": "id",
        "submitdate": "time",
        "date submitted": "time",
        "lastpage": IGNORE,
        "last page": IGNORE,
        "startlanguage": "lang",
        "start language": "lang",
        "seed": IGNORE,
        "startdate": IGNORE,
        "datestamp": IGNORE,
        "ipaddr": PERSONAL,
        "ip address": PERSONAL,
        "refurl": IGNORE,
        "token": PERSONAL,
        "firstname": PERSONAL,
        "lastname": PERSONAL,
        "email": PERSONAL,
    },
    "csv": {**_COMMON, "id": "id", "time": "time", "date": "time"},
}
# How each tool writes its dates, by the header that holds them (ISO 8601 is always understood too).
DEFAULT_DATE_FORMATS = {
    "timestamp": ("%m/%d/%Y %H:%M:%S", "%Y/%m/%d %I:%M:%S %p"),
    "horodateur": ("%d/%m/%Y %H:%M:%S",),
    "completion time": ("%m/%d/%Y %H:%M:%S", "%m/%d/%y %H:%M:%S", "%m/%d/%Y %I:%M:%S %p"),
    "heure de fin": ("%d/%m/%Y %H:%M:%S", "%d/%m/%y %H:%M:%S"),
}
_ISO_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%SZ", "%Y-%m-%d")
# Google Forms' own "Download responses (.csv)" ends each time with its offset: "2026/11/26 9:05:00 AM GMT+1"
_ZONE_SUFFIX = re.compile(r"\s+(?:GMT|UTC)(?:([+-])(\d{1,2})(?::?(\d{2}))?)?$")
_MAP_KEYS = ("source", "timezone", "date_format", "module", "columns", "values")


def split_zone_suffix(raw: str) -> tuple[str, dt.tzinfo | None]:
    """A time without its trailing "GMT+1" / "UTC-05:30", and that offset (None when it has none): the offset the
    export states wins over the mapping file's `timezone`."""
    match = _ZONE_SUFFIX.search(raw)
    if not match:
        return raw, None
    sign, hours, minutes = match.groups()
    offset = dt.timedelta(hours=int(hours or 0), minutes=int(minutes or 0))
    return raw[: match.start()], dt.timezone(-offset if sign == "-" else offset)


def cell_text(value: Any) -> str:
    """A cell as text: spreadsheet dates and whole numbers as a person reads them, CSV text without outer spaces."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def response_identity(response_id: str, time: str, number: int, cells: list[Any]) -> tuple[str, ...]:
    """What recognises a response in a later import of the same survey: the tool's id, else the response as the
    export wrote it (its non-empty cells, so a question added to the form later changes nothing), with its row
    when it has no time. Never the mapped values: a mapping file improved after a first import must update
    that import's records, not add the same responses a second time."""
    if response_id:
        return ("id", response_id)
    written = [text.replace("\r\n", "\n") for text in map(cell_text, cells) if text]
    return ("cells", *written) if time else ("row", str(number), *written)


def header_key(text: str) -> str:
    """How a header is compared: case, surrounding and repeated spaces, apostrophe and no-break space styles do
    not count."""
    text = unicodedata.normalize("NFC", str(text)).replace("\u2019", "'").replace("\u00a0", " ")
    text = text.replace("\u202f", " ").lstrip("\ufeff")
    return " ".join(text.casefold().split())


# -- the mapping file ---------------------------------------------------------------------------------------


@dataclass
class QuestionColumn:
    """A column holding the answers to one quiz question (a survey run in quiz mode)."""

    question: str
    module: str = ""  # the question's module when the row does not say (or says another)


@dataclass
class SurveyMap:
    """What a mapping file says; empty when there is none (the built-in mapping of the source then applies)."""

    path: str = ""
    source: str = ""
    timezone: str = "UTC"
    date_format: str = ""
    module: str = ""  # the module of every row, for a survey about one module
    columns: dict[str, str | QuestionColumn] = field(default_factory=dict)  # header key → field or question
    values: dict[str, dict[str, Any]] = field(default_factory=dict)  # field → {value key → value}
    lines: dict[str, tuple[int, int]] = field(default_factory=dict)  # header key → where it is written


def load_mapping(path: str, text: str, module_ids: Iterable[str] = ()) -> tuple[SurveyMap, list[Problem]]:
    """The mapping file at `path` (its `text`), with a problem at its line and column for each mistake."""
    mapping = SurveyMap(path=path)
    problems: list[Problem] = []

    def error(where, message: str, hint: str = "") -> None:
        problems.append(Problem(path, where.line, where.column, Severity.ERROR, "feedback-map", message, hint))

    try:
        doc = load_yaml(text)
    except YamlSyntaxError as failure:
        error(failure.position, failure.message, failure.hint)
        return mapping, problems
    data = doc.data
    if not isinstance(data, dict):
        error(doc.start, "a mapping file is a YAML mapping with 'columns:' (and 'values:')")
        return mapping, problems
    for key in data:
        if key not in _MAP_KEYS:
            error(
                doc.key_at(key),
                f"unknown key '{key}'",
                did_you_mean(str(key), _MAP_KEYS, f"keys: {', '.join(_MAP_KEYS)}"),
            )
    _read_settings(doc, mapping, error, set(module_ids))
    _read_columns(doc, mapping, error)
    _read_values(doc, mapping, error)
    return mapping, problems


def _read_settings(doc: YamlDocument, mapping: SurveyMap, error, module_ids: set[str]) -> None:
    data = doc.data
    for key in ("source", "timezone", "date_format", "module"):
        if key in data and not isinstance(data[key], str):
            error(doc.value_at(key), f"'{key}' is a text")
        elif key in data:
            setattr(mapping, key, data[key])
    if mapping.source and mapping.source not in SOURCES:
        error(doc.value_at("source"), f"unknown source '{mapping.source}'", f"sources: {', '.join(SOURCES)}")
    try:
        ZoneInfo(mapping.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        error(doc.value_at("timezone"), f"unknown time zone '{mapping.timezone}'", "e.g. Europe/Paris or UTC")
        mapping.timezone = "UTC"
    if mapping.module and module_ids and mapping.module not in module_ids:
        error(doc.value_at("module"), f"unknown module '{mapping.module}'", did_you_mean(mapping.module, module_ids))


def _read_columns(doc: YamlDocument, mapping: SurveyMap, error) -> None:
    columns = doc.data.get("columns", {})
    if not isinstance(columns, dict):
        error(doc.value_at("columns"), "'columns' maps each column header to a field")
        return
    choices = (*FIELDS, IGNORE)
    for header, target in columns.items():
        where = doc.key_at("columns", header)
        key = header_key(header)
        mapping.lines[key] = (where.line, where.column)
        if isinstance(target, str) and target in choices:
            mapping.columns[key] = target
        elif (
            isinstance(target, dict)
            and set(target) <= {"question", "module"}
            and isinstance(target.get("question"), str)
        ):
            mapping.columns[key] = QuestionColumn(target["question"], str(target.get("module") or ""))
        else:
            hint = did_you_mean(str(target), choices, f"a field ({', '.join(choices)}) or {{question: QUIZ-ID}}")
            error(doc.value_at("columns", header), f"column '{header}' cannot be mapped to {target!r}", hint)


def _read_values(doc: YamlDocument, mapping: SurveyMap, error) -> None:
    values = doc.data.get("values", {})
    if not isinstance(values, dict):
        error(doc.value_at("values"), "'values' maps a field to {value in the export: value in the records}")
        return
    for name, table in values.items():
        if name not in ("module", "session", "rating", "track", "lang"):
            error(
                doc.key_at("values", name),
                f"values of '{name}' cannot be mapped",
                "map module, session, rating, track or lang",
            )
            continue
        if not isinstance(table, dict):
            error(doc.value_at("values", name), f"'values: {name}' maps each value of the export to one of the records")
            continue
        for given, meant in table.items():
            if name == "rating" and (isinstance(meant, bool) or meant not in RATING_SCALE):
                error(
                    doc.value_at("values", name, given), f"rating {meant!r} is not on the site's scale", "use 1, 2 or 3"
                )
                continue
            mapping.values.setdefault(name, {})[header_key(str(given))] = meant


# -- reading the export -------------------------------------------------------------------------------------


@dataclass
class Table:
    headers: list[str]
    rows: list[tuple[int, list[Any]]]  # (row number as the file counts it, cells)


class Unreadable(Exception):
    """The export cannot be read at all: nothing is imported."""


def read_table(path: str) -> Table:
    """A CSV file (UTF-8 with or without BOM, else Windows-1252; comma, semicolon or tab separated, quoted cells
    over several lines) or an XLSX workbook (its first sheet)."""
    with open(path, "rb") as handle:
        data = handle.read()
    if data[:4] == b"PK\x03\x04":
        return _read_xlsx(data)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")  # Excel's "CSV (separator: semicolon)" on Windows
    return _read_csv(text)


def _read_csv(text: str) -> Table:
    if not text.strip():
        raise Unreadable("the file is empty")
    delimiter = _delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        headers = next(reader)
        rows: list[tuple[int, list[Any]]] = []
        line = reader.line_num + 1
        for cells in reader:
            rows.append((line, cells))
            line = reader.line_num + 1
    except csv.Error as error:
        raise Unreadable(f"line {reader.line_num}: {error}") from None
    return Table([h.strip() for h in headers], rows)


def _delimiter(text: str) -> str:
    """The separator of the header line: French exports use `;` (the comma is their decimal mark)."""
    header = text.split("\n", 1)[0]
    counts = {d: len(re.findall(re.escape(d) + r'(?=(?:[^"]*"[^"]*")*[^"]*$)', header)) for d in ",;\t"}
    best = max(counts, key=lambda d: (counts[d], d == ","))
    return best if counts[best] else ","


def _read_xlsx(data: bytes) -> Table:
    import openpyxl  # only for XLSX: a CSV import does not pay for it

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds on a damaged file
        raise Unreadable(f"not a readable XLSX workbook ({type(error).__name__})") from None
    try:
        sheet = workbook.worksheets[0]
        rows = [(number, list(cells)) for number, cells in enumerate(sheet.iter_rows(values_only=True), 1)]
    finally:
        workbook.close()
    if not rows:
        raise Unreadable("the first sheet is empty")
    headers = ["" if cell is None else str(cell).strip() for cell in rows[0][1]]
    return Table(headers, rows[1:])


# -- rows to records ----------------------------------------------------------------------------------------

#: a quiz question's options in the order written: (text, correct); None when the module has no such question
QuestionLookup = Callable[[str, str], "list[tuple[str, bool]] | None"]


@dataclass
class ImportResult:
    records: list[FeedbackRecord] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)  # headers left out of the records
    rows: int = 0
    bad_rows: int = 0


def import_table(
    table: Table,
    path: str,
    source: str,
    curriculum: Curriculum,
    mapping: SurveyMap | None = None,
    keep: Iterable[str] = (),
    questions: QuestionLookup | None = None,
) -> ImportResult:
    """The records of every row of `table`, read from `path` (for problems), as `source` writes its exports."""
    mapping = mapping or SurveyMap()
    result = ImportResult()
    plan = _plan_columns(table.headers, source, mapping, keep, path, result)
    if result.problems:
        return result
    reader = _RowReader(path, source, curriculum, mapping, questions)
    for number, cells in table.rows:
        if all(cell is None or str(cell).strip() == "" for cell in cells):
            continue  # blank lines at the end of an export carry nothing
        result.rows += 1
        records, problems = reader.read(number, cells, plan)
        if problems:
            result.bad_rows += 1
            result.problems.extend(problems)
        else:
            result.records.extend(records)
    return result


@dataclass
class _Plan:
    fields: dict[str, int] = field(default_factory=dict)  # field → column index
    questions: list[tuple[int, QuestionColumn]] = field(default_factory=list)
    kept: list[tuple[int, str]] = field(default_factory=list)
    date_formats: tuple[str, ...] = ()


def _plan_columns(
    headers: list[str], source: str, mapping: SurveyMap, keep: Iterable[str], path: str, result: ImportResult
) -> _Plan:
    plan = _Plan()
    built_in = DEFAULT_COLUMNS[source]
    keys = [header_key(h) for h in headers]
    wanted = {header_key(k): k for k in keep}
    for index, (header, key) in enumerate(zip(headers, keys, strict=True)):
        target = mapping.columns.get(key, built_in.get(key))
        if key in wanted:
            plan.kept.append((index, header))
            continue
        if isinstance(target, QuestionColumn):
            plan.questions.append((index, target))
        elif target in FIELDS:
            if target in plan.fields:
                other = headers[plan.fields[target]]
                result.problems.append(
                    Problem(
                        path,
                        1,
                        index + 1,
                        Severity.ERROR,
                        "feedback-column",
                        f"columns '{other}' and '{header}' are both mapped to '{target}'",
                        "map one of them to 'ignore' in the mapping file",
                    )
                )
                continue
            plan.fields[target] = index
            if target == "time":
                plan.date_formats = DEFAULT_DATE_FORMATS.get(key, ())
        elif target != IGNORE and header:
            result.dropped.append(header)
    for key, name in wanted.items():
        if key not in keys:
            result.problems.append(
                Problem(
                    path,
                    1,
                    1,
                    Severity.ERROR,
                    "feedback-column",
                    f"no column '{name}' to keep",
                    did_you_mean(name, headers, ""),
                )
            )
    for key, (line, column) in mapping.lines.items():
        if key not in keys:
            hint = did_you_mean(key, keys, "the export's headers changed? update the mapping file")
            result.problems.append(
                Problem(
                    mapping.path,
                    line,
                    column,
                    Severity.ERROR,
                    "feedback-map",
                    f"the export has no column '{key}'",
                    hint,
                )
            )
    if "module" not in plan.fields and not mapping.module and not any(q.module for _, q in plan.questions):
        result.problems.append(
            Problem(
                path,
                1,
                1,
                Severity.ERROR,
                "feedback-column",
                "no column says which module a response is about",
                "map the module's column in a mapping file ('columns: {\"Module\": module}'), or set 'module:' for "
                f"a survey about one module; columns: {', '.join(headers)}",
            )
        )
    if mapping.date_format:
        plan.date_formats = (mapping.date_format,)
    return plan


class _RowReader:
    def __init__(
        self, path: str, source: str, curriculum: Curriculum, mapping: SurveyMap, questions: QuestionLookup | None
    ) -> None:
        self.path, self.source, self.curriculum, self.mapping = path, source, curriculum, mapping
        self.questions = questions or (lambda module, question: None)
        self.zone = ZoneInfo(mapping.timezone)
        self.modules = _ModuleNames(curriculum)
        self.sessions = {header_key(s.id): s.id for s in curriculum.sessions}
        self.labels = _rating_labels()

    def read(self, number: int, cells: list[Any], plan: _Plan) -> tuple[list[FeedbackRecord], list[Problem]]:
        problems: list[Problem] = []

        def cell(name: str) -> tuple[str, int]:
            index = plan.fields.get(name)
            if index is None or index >= len(cells):
                return "", (index or 0) + 1
            return cell_text(cells[index]), index + 1

        def bad(column: int, message: str, hint: str = "") -> None:
            problems.append(Problem(self.path, number, column, Severity.ERROR, "feedback-row", message, hint))

        values: dict[str, Any] = {}
        raw_module, column = cell("module")
        module = (
            self._module(raw_module or self.mapping.module, column, bad)
            if (raw_module or self.mapping.module)
            else None
        )
        raw, column = cell("session")
        values["session"] = self._session(raw, column, bad) if raw else ""
        raw, column = cell("rating")
        values["rating"] = self._rating(raw, column, bad) if raw else None
        raw, column = cell("score")
        values["score"] = self._score(raw, column, bad) if raw else None
        raw, column = cell("time")
        values["time"] = self._time(raw, plan.date_formats, column, bad) if raw else ""
        values["comment"] = cell("comment")[0].replace("\r\n", "\n")
        for name in ("track", "lang", "build"):
            raw = cell(name)[0]
            values[name] = self.mapping.values.get(name, {}).get(header_key(raw), raw)
        response_id = cell("id")[0]
        kept = {header: "" if cells[i] is None else str(cells[i]) for i, header in plan.kept if i < len(cells)}
        answers = []
        for index, target in plan.questions:
            chosen = cells[index] if index < len(cells) else None
            if chosen is None or str(chosen).strip() == "":
                continue
            answers.append((index, target, str(chosen).strip()))
        said = values["rating"] is not None or values["comment"] or values["score"] is not None
        if module is None and not problems and not any(t.module for _, t, _ in answers) and said:
            bad(plan.fields.get("module", 0) + 1, "no module given", "every response needs the module it is about")
        if problems:
            return [], problems
        base = record_key(self.source, *response_identity(response_id, values["time"], number, cells))
        common = {
            "source": self.source,
            "track": values["track"] or (module.track_id if module else ""),
            "session": values["session"],
            "lang": values["lang"],
            "build": values["build"],
            "time": values["time"],
            "respondent": base[:12],
        }
        records = []
        if module and (values["rating"] is not None or values["comment"] or values["score"] is not None):
            kind = "rating" if values["rating"] is not None else "comment" if values["comment"] else "completion"
            records.append(
                FeedbackRecord(
                    key=base,
                    kind=kind,
                    module=module.id,
                    rating=values["rating"],
                    score=values["score"],
                    comment=values["comment"],
                    kept=kept,
                    **common,
                )
            )
        for index, target, chosen in answers:
            answer_module = self.modules.exact(target.module) if target.module else module
            record = self._answer(answer_module, target, chosen, number, index + 1, bad)
            if record:
                question_common = {
                    **common,
                    "track": common["track"] or (answer_module.track_id if answer_module else ""),
                }
                records.append(
                    FeedbackRecord(
                        key=record_key(self.source, base, target.question), kind="answer", **record, **question_common
                    )
                )
        return ([], problems) if problems else (records, [])

    def _module(self, raw: str, column: int, bad) -> Module | None:
        meant = self.mapping.values.get("module", {}).get(header_key(raw), raw)
        found = self.modules.find(str(meant))
        if found is None:
            bad(column, f"unknown module '{raw}'", self.modules.hint(raw))
        return found

    def _session(self, raw: str, column: int, bad) -> str:
        meant = str(self.mapping.values.get("session", {}).get(header_key(raw), raw))
        if not self.sessions:
            return meant
        found = self.sessions.get(header_key(meant))
        if found is None:
            bad(
                column,
                f"unknown session '{raw}'",
                did_you_mean(
                    meant,
                    self.sessions.values(),
                    "session ids are in sessions.yml; map a misspelt code under 'values: session:'",
                ),
            )
        return found or ""

    def _rating(self, raw: str, column: int, bad) -> int | None:
        key = header_key(raw)
        table = self.mapping.values.get("rating", {})
        if key in table:
            return int(table[key])
        if key in self.labels:
            return self.labels[key]
        try:
            number = float(key.replace(",", "."))
        except ValueError:
            number = None
        if number is not None and number.is_integer() and int(number) in RATING_SCALE:
            return int(number)
        bad(
            column,
            f"rating '{raw}' is not on the site's scale (1, 2, 3)",
            "map the survey's labels under 'values: rating:' in the mapping file, e.g. \"Very useful\": 3",
        )
        return None

    def _score(self, raw: str, column: int, bad) -> float | None:
        text = raw.replace(" ", "").replace("\u00a0", "").replace(",", ".")
        try:
            if "/" in text:
                got, total = text.split("/", 1)
                value = float(got) / float(total)
            elif text.endswith("%"):
                value = float(text[:-1]) / 100
            else:
                value = float(text)
                value = value / 100 if value > 1 else value
        except (ValueError, ZeroDivisionError):
            bad(column, f"score '{raw}' is not a score", "write it as 3/4, 75 %, 0.75 or 0,75")
            return None
        if not 0 <= value <= 1:
            bad(column, f"score '{raw}' is not between 0 and the maximum")
            return None
        return round(value, 4)

    def _time(self, raw: str, formats: tuple[str, ...], column: int, bad) -> str:
        raw, zone = split_zone_suffix(raw)
        zone = zone or self.zone
        for pattern in (*formats, *_ISO_FORMATS):
            try:
                moment = dt.datetime.strptime(raw, pattern)
            except ValueError:
                continue
            if moment.tzinfo is None:
                moment = moment.replace(tzinfo=zone)
            return moment.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        try:
            moment = dt.datetime.fromisoformat(raw)
        except ValueError:
            shown = ", ".join(formats) or "ISO 8601"
            bad(
                column,
                f"date '{raw}' is not in the export's format ({shown})",
                "set 'date_format' in the mapping file (strftime codes)",
            )
            return ""
        moment = moment if moment.tzinfo else moment.replace(tzinfo=zone)
        return moment.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")

    def _answer(
        self, module: Module | None, target: QuestionColumn, chosen: str, number: int, column: int, bad
    ) -> dict | None:
        if module is None:
            bad(
                column,
                f"no module for the answer to '{target.question}'",
                "map the module's column, or give the question's module in the mapping file",
            )
            return None
        options = self.questions(module.id, target.question)
        if options is None:
            bad(
                column,
                f"module '{module.id}' has no quiz '{target.question}'",
                "the quiz ids are the 'id:' of each '/// quiz' block",
            )
            return None
        by_text = {_option_key(text): index for index, (text, _) in enumerate(options)}
        picked = []
        for part in _split_choices(chosen, by_text):
            index = by_text.get(_option_key(part))
            if index is None:
                bad(
                    column,
                    f"'{part}' is not an option of quiz '{target.question}'",
                    did_you_mean(part, [t for t, _ in options], ""),
                )
                return None
            picked.append(index)
        picked.sort()
        right = sorted(i for i, (_, correct) in enumerate(options) if correct)
        return {
            "module": module.id,
            "question": target.question,
            "choice": ",".join(map(str, picked)),
            "correct": picked == right,
            "first_try": True,  # a survey asks once
        }


def _split_choices(chosen: str, known: Mapping[str, int]) -> list[str]:
    """Several options of a multiple-choice question, as Google Forms (`, `) and Microsoft Forms (`;`) join them;
    an option whose own text holds the separator is found whole first."""
    if _option_key(chosen) in known:
        return [chosen]
    parts = [p for p in re.split(r";|, ", chosen) if p.strip()]
    return parts or [chosen]


def _option_key(text: str) -> str:
    """Option text as a survey shows it: without Markdown emphasis or code marks."""
    return header_key(re.sub(r"[*_`]", "", text))


def _rating_labels() -> dict[str, int]:
    """The site's own labels of the faces, in every language: a form that copies them needs no mapping."""
    labels = {}
    for table in TRANSLATIONS.values():
        for rating in RATING_SCALE:
            label = table.get(f"feedback.rating_{rating}")
            if label:
                labels[header_key(label)] = rating
    return labels


class _ModuleNames:
    """A module named as a survey names it: its id, its title, or the address of its page."""

    def __init__(self, curriculum: Curriculum) -> None:
        self.by_id = dict(curriculum.modules)
        self.by_title: dict[str, Module | None] = {}
        for module in curriculum.modules.values():
            key = header_key(module.title)
            self.by_title[key] = None if key in self.by_title else module  # two modules of one title: ambiguous

    def exact(self, module_id: str) -> Module | None:
        return self.by_id.get(module_id)

    def find(self, value: str) -> Module | None:
        text = value.strip()
        if text in self.by_id:
            return self.by_id[text]
        titled = self.by_title.get(header_key(text))
        if titled:
            return titled
        path = urlsplit(text).path if "/" in text else ""
        path = re.sub(r"(/index\.html|\.html|/)$", "", path.strip()).strip("/")
        parts = path.split("/")
        for start in range(len(parts)):  # a site under a sub-path: the module id is the path's end
            candidate = "/".join(parts[start:])
            if candidate in self.by_id:
                return self.by_id[candidate]
        return None

    def hint(self, value: str) -> str:
        names = [*self.by_id, *(m.title for m in self.by_id.values())]
        return did_you_mean(
            value,
            names,
            "give a module id (ai/chatbots), its title or its page address, or map it under 'values: module:'",
        )
