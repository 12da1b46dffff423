"""The content schema, defined once: validation, the field reference page and `smartshare new` read it."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any

from .fastcheck import fast_check
from .fieldtypes import (
    Choice,
    Contact,
    Date,
    Duration,
    FieldType,
    Integer,
    Invalid,
    ListOf,
    LocalDateTime,
    Reference,
    Slug,
    Text,
    TimeZone,
    Url,
)
from .linktemplate import LinkTemplate, SignupTemplate
from .problems import Severity
from .suggest import did_you_mean


@dataclass(frozen=True)
class Field:
    name: str
    type: FieldType
    description: str
    example: Any
    required: bool = False
    default: Any = None

    def default_value(self) -> Any:
        return self.default() if callable(self.default) else self.default


@dataclass(frozen=True)
class Record(FieldType):
    """A nested mapping with its own fields (a session kit, a run-sheet step)."""

    schema: Schema = None  # type: ignore[assignment]

    def check(self, value: Any) -> Any:  # validated field by field by `Schema.validate`
        return value


@dataclass(frozen=True)
class Issue:
    """A schema violation at a path inside the validated mapping; the loader turns it into a `Problem`."""

    path: tuple
    code: str
    message: str
    hint: str = ""
    severity: Severity = Severity.ERROR
    on_key: bool = False  # point at the key (unknown or duplicate key) rather than at the value


@dataclass(frozen=True)
class Schema:
    name: str
    fields: tuple[Field, ...]
    description: str = ""

    @property
    def key(self) -> str:
        """How the schema is named in the translation table: `schema.<key>.<field>`."""
        return self.name.replace(" ", "_")

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)

    @cached_property  # read for every key of every file: `smartshare check` of 2,000 modules asks 100,000 times
    def names(self) -> list[str]:
        return [f.name for f in self.fields]

    @cached_property  # `key in names` for every key of every file (5,000 sessions, 2,000 modules)
    def _known(self) -> frozenset[str]:
        return frozenset(self.names)

    def validate(self, data: Any, path: tuple = ()) -> tuple[dict, list[Issue]]:
        """Normalised values of every valid field (defaults filled in) and the issues found."""
        if not isinstance(data, dict):
            found = "nothing" if data is None else type(data).__name__
            hint = "write one 'key: value' per line"
            return {}, [Issue(path, "wrong-type", f"expected a mapping of fields, found {found}", hint)]
        values: dict = {}
        issues: list[Issue] = []
        for key in data:
            if key not in self._known:
                hint = did_you_mean(str(key), self.names, "known fields: " + ", ".join(self.names))
                issues.append(
                    Issue((*path, key), "unknown-key", f"unknown field '{key}'", hint, Severity.WARNING, True)
                )
        for name, spec, check in self._plan:
            value = data.get(name)
            if value is None or value == "" or value == [] or value == {}:  # `FieldType.is_empty`
                if spec.required:
                    code, verb = ("empty-field", "is empty") if name in data else ("missing-field", "is missing")
                    hint = f"add it, for example: {name}: {_inline(spec.example)}"
                    issues.append(Issue((*path, name), code, f"required field '{name}' {verb}", hint))
                values[name] = spec.default_value()
                continue
            if check is None:  # a record, or a list of records: validated field by field
                checked, field_issues = _check(spec.type, value, (*path, name))
                issues.extend(field_issues)
                # a list of records with a bad item falls back to its default; a record keeps its valid fields
                keep = not field_issues or isinstance(spec.type, Record)
                values[name] = checked if keep else spec.default_value()
                continue
            try:
                values[name] = check(value)
            except Invalid as error:
                issues.append(Issue((*path, name, *error.subpath), error.code, error.message, error.hint))
                # a field with a bad value falls back to its default so later checks see a usable value
                values[name] = spec.default_value()
        return values, issues

    @cached_property  # each field's check, specialised once (`core.fastcheck`): 100,000 values in a large check
    def _plan(self) -> tuple[tuple[str, Field, Any], ...]:
        for spec in self.fields:
            if type(spec.type).is_empty is not FieldType.is_empty:
                raise TypeError(f"{spec.name}: a field type with its own is_empty needs a plan of its own")
        return tuple(
            (spec.name, spec, None if _is_record(spec.type) else fast_check(spec.type)) for spec in self.fields
        )


def _is_record(kind: FieldType) -> bool:
    return isinstance(kind, Record) or (isinstance(kind, ListOf) and isinstance(kind.item, Record))


def _check(kind: FieldType, value: Any, path: tuple) -> tuple[Any, list[Issue]]:
    if isinstance(kind, Record):
        return kind.schema.validate(value, path)
    if isinstance(kind, ListOf) and isinstance(kind.item, Record):
        if not isinstance(value, list):
            return None, [Issue(path, "wrong-type", "expected a list", "start each item with '- '")]
        results = [_check(kind.item, item, (*path, i)) for i, item in enumerate(value)]
        return [r for r, _ in results], [issue for _, issues in results for issue in issues]
    try:
        return kind.check(value), []
    except Invalid as error:
        return None, [Issue((*path, *error.subpath), error.code, error.message, error.hint)]


def _inline(example: Any) -> str:
    if isinstance(example, list):
        return "[" + ", ".join(str(e) for e in example[:2]) + "]"
    if isinstance(example, dict):
        return "{...}"
    return str(example)


LEVELS = ("beginner", "intermediate", "advanced")
STATUSES = ("published", "draft")

RUN_SHEET_STEP = Schema(
    "run sheet step",
    (
        Field(
            "step",
            Text(),
            "What happens in this part of the session.",
            "Warm-up: everyone names one tool they use",
            True,
        ),
        Field("minutes", Integer(minimum=1), "How long it takes, in minutes.", 10, True),
    ),
)

SESSION_KIT = Schema(
    "session kit",
    (
        Field(
            "discovery",
            ListOf(Text()),
            "Questions to ask learners and their managers before building the session: their problems, "
            "expectations and level.",
            ["Which task takes your team the most time each week?", "What would make this session worth it?"],
        ),
        Field(
            "run_sheet",
            ListOf(Record(schema=RUN_SHEET_STEP)),
            "The agenda of a live session, step by step; the minutes must add up to the module's duration.",
            [{"step": "Warm-up", "minutes": 10}, {"step": "Demo", "minutes": 20}],
        ),
        Field(
            "debrief",
            ListOf(Text()),
            "A checklist for the mentor after the session.",
            ["Which question surprised you?", "What will you change next time?"],
        ),
    ),
    "What a mentor needs to prepare, run and debrief a live session of the module.",
)

MODULE = Schema(
    "module",
    (
        Field(
            "title",
            Text(),
            "The module's name, as shown in the navigation and on cards.",
            "Chatbots for managers",
            True,
        ),
        Field(
            "summary",
            Text(),
            "One sentence saying what the learner gets; shown on cards and found by search.",
            "Decide where a chatbot helps your team and where it does not.",
            True,
        ),
        Field(
            "mentors",
            ListOf(Slug(), unique=True),
            "Ids of the mentors who teach it, from mentors.yml.",
            ["amina-diallo"],
            default=list,
        ),
        Field("audience", ListOf(Text()), "Who it is for.", ["managers", "team leads"], default=list),
        Field("level", Choice(choices=LEVELS), "How much the learner should already know.", "beginner"),
        Field("duration", Duration(), 'Length of a live session, in minutes (90) or as "1h30" or "45min".', "1h30"),
        Field(
            "objectives",
            ListOf(Text()),
            "What the learner can do afterwards: one learning outcome per line.",
            ["Name three tasks a chatbot handles well", "Spot a request that needs a human"],
            True,
        ),
        Field(
            "prerequisites",
            ListOf(Reference(), unique=True),
            "Modules to take first: `track/module`, or `module` for one in the same track.",
            ["ai/machine-learning-basics"],
            default=list,
        ),
        Field(
            "tags",
            ListOf(Text(), unique=True),
            "Keywords; each gets a page listing its modules.",
            ["ai", "customer service"],
            default=list,
        ),
        Field("reviewed", Date(), "Date of the last review of the content (YYYY-MM-DD).", "2026-09-15"),
        Field(
            "status",
            Choice(choices=STATUSES),
            "`draft` modules are left out of the published site.",
            "published",
            default="published",
        ),
        Field("lang", Text(), "Language of the module when it differs from the site's (e.g. fr).", "en"),
        Field(
            "feedback",
            LinkTemplate(),
            "Feedback link template for this module, overriding the track's and the site's.",
            "mailto:learning@example.com?subject=Feedback on {title}",
        ),
        Field(
            "session",
            Record(schema=SESSION_KIT),
            SESSION_KIT.description,
            {f.name: f.example for f in SESSION_KIT.fields},
        ),
    ),
    "One Markdown file in a track folder, starting with these fields between two `---` lines.",
)

TRACK = Schema(
    "track",
    (
        Field("title", Text(), "The track's name.", "Artificial intelligence for managers", True),
        Field(
            "summary",
            Text(),
            "One sentence saying what the track is about.",
            "Understand and use AI tools without the hype.",
            True,
        ),
        Field("audience", ListOf(Text()), "Who it is for.", ["managers"], default=list),
        Field(
            "objectives",
            ListOf(Text()),
            "What the learner can do after the whole track.",
            ["Choose an AI use case for your team"],
            default=list,
        ),
        Field(
            "modules",
            ListOf(Text()),
            "The modules of the track, in learning order: file names in the track folder, without `.md`.",
            ["chatbots", "machine-learning-basics"],
            True,
        ),
        Field("order", Integer(), "Position of the track in the catalogue (lower first).", 10, default=100),
        Field(
            "feedback",
            LinkTemplate(),
            "Feedback link template for the track's modules, overriding the site's.",
            "mailto:learning@example.com?subject={track}: {title}",
        ),
    ),
    "A `track.yml` file in each track folder.",
)

MENTOR = Schema(
    "mentor",
    (
        Field("name", Text(), "Full name.", "Amina Diallo", True),
        Field(
            "role",
            Text(),
            "What they do, e.g. freelance consultant or internal expert.",
            "Freelance conversational designer",
            True,
        ),
        Field(
            "bio",
            Text(single_line=False),
            "A few sentences about them.",
            "Builds chatbots for HR and customer service teams.",
        ),
        Field("expertise", ListOf(Text()), "Subjects they teach.", ["chatbots", "UX writing"], default=list),
        Field("contact", Contact(), "E-mail address or link where learners reach them.", "amina.diallo@example.com"),
    ),
    "An entry of `mentors.yml`, under the mentor's id.",
)

SESSION_STATUSES = ("planned", "full", "cancelled", "done")

SESSION = Schema(
    "session",
    (
        Field(
            "id",
            Slug(),
            "A stable id, never reused: calendars and feedback links know the session by it.",
            "chatbots-paris-2027-03",
            True,
        ),
        Field(
            "modules",
            ListOf(Reference(), unique=True),
            "The module or modules the session covers: `track/module`.",
            ["ai/chatbots"],
            default=list,
        ),
        Field(
            "track",
            Text(),
            "A whole track instead of modules: with `series`, one session per module of the track, in order.",
            "ai",
        ),
        Field(
            "start",
            LocalDateTime(),
            "Local date and time the session starts (YYYY-MM-DD HH:MM), in its `timezone`.",
            "2027-03-02 09:30",
        ),
        Field(
            "series",
            ListOf(LocalDateTime()),
            "With `track`: the start of each module's session, in the track's order (instead of `start`).",
            ["2027-03-02 09:30", "2027-03-09 09:30"],
            default=list,
        ),
        Field("timezone", TimeZone(), "IANA time zone of the place, e.g. Europe/Paris.", "Europe/Paris", True),
        Field("duration", Duration(), "Length of the session (default: the modules' durations).", "1h30"),
        Field("place", Text(), "Room and site, when it happens on site.", "Paris HQ, room Lovelace"),
        Field(
            "online",
            Url(),
            "Link of the online meeting, when it happens by video.",
            "https://meet.example.com/chatbots",
        ),
        Field(
            "mentors",
            ListOf(Slug(), unique=True),
            "Ids of the mentors who run it (default: the modules' mentors).",
            ["amina-diallo"],
            default=list,
        ),
        Field("language", Text(), "Language spoken in the session, e.g. en or fr.", "en"),
        Field("capacity", Integer(minimum=1), "Number of seats.", 12),
        Field(
            "signup",
            SignupTemplate(),
            "Sign-up link; placeholders as in feedback links, e.g. {session} and {title}.",
            "https://forms.example.com/signup?session={session}",
        ),
        Field(
            "status",
            Choice(choices=SESSION_STATUSES),
            "planned, full (no seat left), cancelled or done (it has taken place).",
            "planned",
            default="planned",
        ),
        Field(
            "replaced_by",
            Text(),
            "For a cancelled session: the id of the session that replaces it, or `none`.",
            "chatbots-paris-2027-04",
        ),
        Field("notes", Text(single_line=False), "Free notes shown with the session.", "Bring a laptop."),
    ),
    "An item of the list in `sessions.yml`, at the root of the curriculum folder: one live session.",
)

SCHEMAS = (MODULE, TRACK, MENTOR, SESSION_KIT, RUN_SHEET_STEP, SESSION)
