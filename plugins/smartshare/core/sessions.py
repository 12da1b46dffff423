"""Workshop sessions: when and where modules are taught, read from `sessions.yml` and checked against the curriculum.

`sessions.yml` sits at the root of the curriculum folder, next to `mentors.yml`: one list for the whole
programme, so a mentor sees their term in one file and a clash between two sessions is visible in one place.
Each item is checked by the `SESSION` schema; this module then checks what the schema cannot see on its own
(references to modules, tracks, mentors and other sessions; a mentor in two places at once; dates) and turns
the items into `Session` objects, a track's series becoming one session per module.

Plain Python: nothing here knows MkDocs.
"""

from __future__ import annotations

import datetime as dt
import functools
import zoneinfo
from collections.abc import Iterable
from dataclasses import dataclass, field

from .model import Mentor, Module, Track
from .problems import Problem, Severity
from .schema import SESSION, Issue
from .suggest import did_you_mean
from .yamlsource import YamlDocument

SESSIONS_FILE = "sessions.yml"
NO_REPLACEMENT = "none"  # `replaced_by: none`: cancelled on purpose, learners were told


@dataclass
class Session:
    id: str
    module_ids: list[str]  # in the order taught; published modules only
    start: dt.datetime  # aware, in the session's own time zone
    timezone: str
    duration: int  # minutes
    mentors: list[str] = field(default_factory=list)
    track_id: str | None = None  # the track given, else the first module's
    place: str | None = None
    online: str | None = None
    language: str | None = None
    capacity: int | None = None
    signup: str | None = None  # a link template (placeholders filled by the site)
    status: str = "planned"
    replaced_by: str | None = None
    notes: str | None = None
    part: int = 0  # n of `parts` in a track's series; 0 for a single session
    parts: int = 0
    item: int = 0  # its item of sessions.yml
    #: where it is written in sessions.yml (its start, or its item of `series`): a path into the document, located
    #: only when a problem names the session (positions of 5,000 sessions cost as much as reading them)
    where: tuple = ()
    sequence: int = 0  # iCalendar SEQUENCE: see `core.sessionhistory`

    # computed once: sorting and the overlap check of 5,000 sessions ask for them about 40,000 times
    @functools.cached_property
    def end(self) -> dt.datetime:
        return self.start + dt.timedelta(minutes=self.duration)

    @functools.cached_property
    def start_utc(self) -> dt.datetime:
        return self.start.astimezone(dt.timezone.utc)

    @functools.cached_property
    def end_utc(self) -> dt.datetime:
        return self.end.astimezone(dt.timezone.utc)

    @property
    def is_cancelled(self) -> bool:
        return self.status == "cancelled"

    @property
    def local_start(self) -> str:
        """`2027-03-02 09:30`: the wall-clock time written in sessions.yml."""
        return self.start.strftime("%Y-%m-%d %H:%M")


@dataclass
class SessionContext:
    """What the sessions are checked against: the curriculum as the loader read it."""

    modules: dict[str, Module]  # every module read, drafts included
    published: set[str]  # ids of the modules on the site
    tracks: list[Track]
    mentors: dict[str, Mentor] | None  # None when mentors.yml could not be read: mentors are then not checked
    today: dt.date
    unreadable: set[str] = field(default_factory=set)  # modules whose own errors are already reported


def read_sessions(
    doc: YamlDocument, path: str, ctx: SessionContext, validated: list[tuple[dict, list[Issue]]] | None = None
) -> tuple[list[Session], list[Problem]]:
    """The sessions of a parsed `sessions.yml` in start order, and every problem found in it.

    `validated`: each item's values and issues from `SESSION.validate`, when they are known already (the check
    cache keeps them, `core.loader`)."""
    reader = _SessionReader(doc, path, ctx)
    reader.validated = validated
    return reader.read(), reader.problems


class _SessionReader:
    def __init__(self, doc: YamlDocument, path: str, ctx: SessionContext) -> None:
        self.doc, self.path, self.ctx = doc, path, ctx
        self.problems: list[Problem] = []
        self.by_slug: dict[str, list[str]] = {}
        for mid in ctx.modules:
            self.by_slug.setdefault(mid.rsplit("/", 1)[-1], []).append(mid)
        self.tracks = {t.id: t for t in ctx.tracks}
        self.validated: list[tuple[dict, list[Issue]]] | None = None

    def _add(self, where: tuple, severity: Severity, code: str, message: str, hint: str = "", key=False) -> None:
        pos = self.doc.key_at(*where) if key else self.doc.value_at(*where)
        self.problems.append(Problem(self.path, pos.line, pos.column, severity, code, message, hint))

    def error(self, where: tuple, code: str, message: str, hint: str = "", key: bool = False) -> None:
        self._add(where, Severity.ERROR, code, message, hint, key)

    def warning(self, where: tuple, code: str, message: str, hint: str = "", key: bool = False) -> None:
        self._add(where, Severity.WARNING, code, message, hint, key)

    def _issue(self, issue: Issue) -> None:
        self._add(issue.path, issue.severity, issue.code, issue.message, issue.hint, issue.on_key)

    def read(self) -> list[Session]:
        data = self.doc.data
        if data is None:
            return []
        if not isinstance(data, list):
            hint = "start each session with '- id: …' followed by its indented fields"
            self.error((), "wrong-type", f"{SESSIONS_FILE} must be a list of sessions", hint)
            return []
        sessions: list[Session] = []
        origin: dict[str, tuple] = {}  # session id → where its id is written
        for index, item in enumerate(data):
            values, issues = self.validated[index] if self.validated else SESSION.validate(item, (index,))
            for issue in issues:
                self._issue(issue)
            if not values.get("id") or not isinstance(item, dict):
                continue
            for session in self._sessions_of(index, values):
                if session.id in origin:
                    first = self.doc.value_at(*origin[session.id]).line
                    self.error(
                        (index, "id"),
                        "duplicate-id",
                        f"session id '{session.id}' is used twice",
                        f"it is already used on line {first}; give each session an id of its own",
                    )
                    continue
                origin[session.id] = (index, "id")
                sessions.append(session)
        self._check_replacements(sessions)
        self._check_dates(sessions)
        self._check_overlaps(sessions)
        sessions.sort(key=lambda s: (s.start_utc, s.id))
        return sessions

    # -- one item ------------------------------------------------------------------------------------------

    def _sessions_of(self, index: int, values: dict) -> list[Session]:
        at = (index,)
        session_id = values["id"]
        self._check_mentors(index, values["mentors"])
        track_id = values.get("track")
        modules: list[str] = []
        if values["modules"] and track_id:
            self.error(
                (*at, "track"),
                "modules-and-track",
                "a session covers either 'modules' or a 'track', not both",
                "keep one of them",
                key=True,
            )
            return []
        if track_id:
            track = self.tracks.get(track_id)
            if track is None:
                hint = did_you_mean(track_id, self.tracks, "a track is a folder with a track.yml")
                self.error((*at, "track"), "unknown-track", f"unknown track '{track_id}'", hint)
                return []
            modules = list(track.module_ids)
        elif values["modules"]:
            modules = [m for j, ref in enumerate(values["modules"]) if (m := self._module(ref, (*at, "modules", j)))]
            if len(modules) != len(values["modules"]):
                return []
        elif "modules" in self.doc.data[index] or "track" in self.doc.data[index]:
            return []  # present but invalid: the schema has said why
        else:
            self.error(
                (*at, "id"),
                "missing-field",
                f"session '{session_id}' covers no module",
                "add 'modules: [track/module]', or 'track:' with a 'series' of dates",
            )
            return []
        timezone = values.get("timezone")
        starts = self._starts(index, values, track_id)
        if not timezone or starts is None or not modules:
            return []
        tz = zoneinfo.ZoneInfo(timezone)
        common = {
            "timezone": timezone,
            "place": values.get("place"),
            "online": values.get("online"),
            "language": values.get("language"),
            "capacity": values.get("capacity"),
            "signup": values.get("signup"),
            "status": values["status"],
            "replaced_by": values.get("replaced_by"),
            "notes": values.get("notes"),
        }
        if len(starts) == 1 and not values["series"]:
            groups = [(session_id, modules, starts[0], 0)]
        elif len(starts) != len(modules):
            self.error(
                (*at, "series"),
                "series-length",
                f"the series has {len(starts)} dates but track '{track_id}' has {len(modules)} modules",
                "give one start per module of the track, in the track's order",
                key=True,
            )
            return []
        else:
            groups = [
                (f"{session_id}-{n + 1}", [mid], start, n + 1)
                for n, (mid, start) in enumerate(zip(modules, starts, strict=True))
            ]
        sessions = []
        for sid, mids, (start, where), part in groups:
            duration = values.get("duration") or sum(self.ctx.modules[m].duration or 0 for m in mids)
            if not duration:
                self.error(
                    (*at, "id"),
                    "no-duration",
                    f"session '{sid}' has no duration and its modules give none",
                    "add 'duration: 1h30' to the session",
                )
                continue
            mentors = values["mentors"] or list(dict.fromkeys(m for mid in mids for m in self.ctx.modules[mid].mentors))
            sessions.append(
                Session(
                    id=sid,
                    module_ids=mids,
                    start=start.replace(tzinfo=tz),
                    duration=duration,
                    mentors=mentors,
                    track_id=track_id or self.ctx.modules[mids[0]].track_id,
                    part=part,
                    parts=len(groups) if part else 0,
                    item=index,
                    where=where,
                    **common,
                )
            )
        return sessions

    def _starts(self, index: int, values: dict, track_id: str | None) -> list | None:
        """Each start with where it is written; None when they cannot be used (the problem is reported)."""
        at = (index,)
        item = self.doc.data[index]
        if values["series"] and values.get("start"):
            self.error(
                (*at, "series"),
                "start-and-series",
                "a session has either a 'start' or a 'series'",
                "keep one of them",
                key=True,
            )
            return None
        if values["series"]:
            if not track_id:
                self.error(
                    (*at, "series"),
                    "series-without-track",
                    "a 'series' schedules the modules of a 'track'",
                    "add 'track:', or use 'start' for a single session",
                    key=True,
                )
                return None
            return [(start, (*at, "series", n)) for n, start in enumerate(values["series"])]
        if values.get("start"):
            return [(values["start"], (*at, "start"))]
        if "start" not in item and "series" not in item:
            self.error(
                (*at, "id"),
                "missing-field",
                "required field 'start' is missing",
                "add it, for example: start: 2027-03-02 09:30",
            )
        return None

    def _module(self, ref: str, where: tuple) -> str | None:
        target = ref if ref in self.ctx.modules else None
        if target is None and len(self.by_slug.get(ref, [])) == 1:
            target = self.by_slug[ref][0]
        if target is None:
            if ref in self.ctx.unreadable:
                return None
            hint = did_you_mean(ref, self.ctx.modules, "write it as track/module")
            self.error(where, "unknown-module", f"unknown module '{ref}'", hint)
            return None
        if target not in self.ctx.published:
            self.error(
                where,
                "draft-scheduled",
                f"module '{target}' is a draft and is left out of the site",
                "publish it (remove 'status: draft') or schedule another module",
            )
            return None
        return target

    def _check_mentors(self, index: int, mentor_ids: list[str]) -> None:
        if self.ctx.mentors is None:
            return
        for j, mentor_id in enumerate(mentor_ids):
            if mentor_id not in self.ctx.mentors:
                hint = did_you_mean(mentor_id, self.ctx.mentors, "add them to mentors.yml")
                self.error((index, "mentors", j), "unknown-mentor", f"unknown mentor '{mentor_id}'", hint)

    # -- across sessions -----------------------------------------------------------------------------------

    def _check_replacements(self, sessions: list[Session]) -> None:
        ids = {s.id for s in sessions}
        reported: set[str] = set()
        for session in sessions:
            index = session.item
            if session.replaced_by and session.replaced_by != NO_REPLACEMENT and session.replaced_by not in ids:
                if session.replaced_by not in reported:
                    hint = did_you_mean(session.replaced_by, ids, f"name a session id of {SESSIONS_FILE}, or 'none'")
                    self.error(
                        (index, "replaced_by"), "unknown-session", f"unknown session '{session.replaced_by}'", hint
                    )
                reported.add(session.replaced_by)
            elif session.is_cancelled and not session.replaced_by:
                self._add_at(
                    session,
                    Severity.WARNING,
                    "no-replacement",
                    f"session '{session.id}' is cancelled and names no replacement",
                    "add 'replaced_by: <session id>' so its learners know where to go (or 'replaced_by: none')",
                )

    def _add_at(self, session: Session, severity: Severity, code: str, message: str, hint: str) -> None:
        pos = self.doc.value_at(*session.where)
        self.problems.append(Problem(self.path, pos.line, pos.column, severity, code, message, hint))

    def _check_dates(self, sessions: list[Session]) -> None:
        for session in sessions:
            if session.status == "planned" and session.start.date() < self.ctx.today:
                self._add_at(
                    session,
                    Severity.WARNING,
                    "past-planned",
                    f"session '{session.id}' of {session.start.date().isoformat()} has passed but is still planned",
                    "set 'status: done' once it has taken place, or 'cancelled'",
                )

    def _check_overlaps(self, sessions: list[Session]) -> None:
        """A mentor in two sessions at once: each mentor's sessions sorted by start, then one pass.

        Sorting once per mentor keeps this O(n log n): 5,000 sessions are checked in milliseconds.
        """
        by_mentor: dict[str, list[Session]] = {}
        for session in sessions:
            if not session.is_cancelled:
                for mentor in session.mentors:
                    by_mentor.setdefault(mentor, []).append(session)
        for mentor, own in sorted(by_mentor.items()):
            own.sort(key=lambda s: (s.start_utc, s.id))
            latest = own[0]  # of the sessions so far, the one that ends last
            for session in own[1:]:
                if session.start_utc < latest.end_utc:
                    self._add_at(
                        session,
                        Severity.ERROR,
                        "mentor-overlap",
                        f"mentor '{mentor}' is in two sessions at once: '{latest.id}' and '{session.id}'",
                        f"'{latest.id}' runs until {_clock(latest.end, session.start.tzinfo)}; "
                        "move one of them or change its mentors",
                    )
                if session.end_utc > latest.end_utc:
                    latest = session


def _clock(moment: dt.datetime, tz) -> str:
    """`11:00 Europe/Paris`: an end time shown in the time zone of the session it clashes with."""
    local = moment.astimezone(tz)
    return f"{local.strftime('%Y-%m-%d %H:%M')} {tz}"


class Schedule:
    """The sessions of a curriculum, indexed the ways pages ask for them (computed once per build)."""

    def __init__(self, sessions: Iterable[Session]) -> None:
        self.sessions = sorted(sessions, key=lambda s: (s.start_utc, s.id))
        self.by_id = {s.id: s for s in self.sessions}
        self._by_module: dict[str, list[Session]] = {}
        self._by_track: dict[str, list[Session]] = {}
        self._by_mentor: dict[str, list[Session]] = {}
        for session in self.sessions:
            for mid in session.module_ids:
                self._by_module.setdefault(mid, []).append(session)
            if session.track_id:
                self._by_track.setdefault(session.track_id, []).append(session)
            for mentor in session.mentors:
                self._by_mentor.setdefault(mentor, []).append(session)

    def __bool__(self) -> bool:
        return bool(self.sessions)

    def of_module(self, module_id: str) -> list[Session]:
        return self._by_module.get(module_id, [])

    def of_track(self, track_id: str) -> list[Session]:
        return self._by_track.get(track_id, [])

    def of_mentor(self, mentor_id: str) -> list[Session]:
        return self._by_mentor.get(mentor_id, [])

    @staticmethod
    def split(sessions: list[Session], now: dt.datetime) -> tuple[list[Session], list[Session]]:
        """(upcoming, past) at `now`: a session is past once it has ended; past ones latest first."""
        upcoming = [s for s in sessions if s.end_utc > now and s.status != "done"]
        past = [s for s in sessions if not (s.end_utc > now and s.status != "done")]
        return upcoming, past[::-1]
