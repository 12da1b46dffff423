"""iCalendar (RFC 5545) files of sessions, written by the `icalendar` library: never by hand.

One file per session ("Add to calendar") and subscribable feeds (a track, a mentor, the whole programme).
Every byte is derived from the sessions and the build's date, so two builds of one commit are identical:

- UID: `<session id>@<site host>`: session ids are stable by rule, so a calendar updates the event it has.
- SEQUENCE: `Session.sequence`, the number of times the session's calendar-visible fields changed in the history
  of sessions.yml (see `core.sessionhistory`).
- DTSTAMP: the build's `SOURCE_DATE_EPOCH` (the last commit's time in a reproducible build).
- VTIMEZONE: made by icalendar from the tz database (`tzdata` is pinned), covering the years of the programme's
  sessions in that zone, so a file stays small and does not change with the build machine's clock.

Speed: icalendar spends about a millisecond and a half writing one event, and a session's event appears in its
own file and in three or more feeds. Each event and each VTIMEZONE is therefore written once by icalendar, and
a calendar is icalendar's own VCALENDAR with those components' bytes placed before its END line: the
bytes are exactly those `Calendar.to_ical()` gives for the same components (a test checks it). Within an event,
icalendar writes each property line from that property's name, value and parameters alone, and puts the lines in
its own order (`Event.sorted_keys`): an event is put together from lines icalendar wrote once per build, in that
order, as most of its lines are another event's too (the build's DTSTAMP, STATUS, SEQUENCE, a module's title, a
place, a start time). A line no earlier event had is the part before its value as icalendar wrote it for the first
value of that name, type and time zone, then icalendar's writing of the value, folded by icalendar. An "Add to
calendar" file of one session has no calendar name (`X-WR-CALNAME` names a subscribed feed; a one-off import adds
its event to a calendar the reader already has), so the 5,000 files of a large programme share one head.

Across builds: with a `Memo` (the build cache's, `smartshare.cache.memo`), the bytes of each event, time zone and
head are kept from one build to the next, looked up by a text of every value icalendar is given for them (the
event's properties as added, the time zone's name, years and tz database file, the calendar's name) and of the
version of icalendar: a warm build has icalendar write only what changed.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import zoneinfo
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib import metadata, resources
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from .sessions import Session

if TYPE_CHECKING:
    import icalendar

PRODID = "-//Smartshare//Workshop sessions//EN"
_END = b"END:VCALENDAR\r\n"
C = TypeVar("C", bound="icalendar.Component")
#: what the bytes depend on besides the values given to icalendar (the memo's fingerprint has Smartshare's code);
#: read from the installed distribution, so that a build whose calendars all come from the memo never imports the
#: library (a tenth of a second; `_icalendar` imports it when an item is made)
DEPENDENCIES = (f"icalendar={metadata.version('icalendar')}",)


def _icalendar():
    import icalendar

    return icalendar


@dataclass(frozen=True)
class EventText:
    """What the site says about a session, in its language: filled in by the plugin that knows the pages."""

    summary: str
    description: str
    url: str | None = None  # the session's page (its module page), absolute when the site URL is known
    location: str | None = None


class Memo(Protocol):
    def get(self, material: str, make: Callable[[], bytes]) -> bytes:
        """The bytes `make` gives, for a `material` that holds every value they are made from."""
        ...


class CalendarWriter:
    """Writes calendars of sessions of one programme, each event and time zone serialised once (and, with a
    `memo`, once for as long as the values it is made from stay the same)."""

    def __init__(
        self,
        sessions: Iterable[Session],
        describe: Callable[[Session], EventText],
        stamp: dt.datetime,
        host: str,
        memo: Memo | None = None,
    ) -> None:
        self.describe, self.stamp, self.host, self.memo = describe, stamp, host, memo
        self._years: dict[str, tuple[int, int]] = {}  # time zone → first and last year of its sessions
        for session in sessions:
            first, last = self._years.get(session.timezone, (session.start.year, session.end.year))
            self._years[session.timezone] = (min(first, session.start.year), max(last, session.end.year))
        self._events: dict[str, bytes] = {}
        self._zones: dict[str, bytes] = {}
        self._unnamed: bytes | None = None
        self._lines: dict[tuple, bytes] = {}  # a property's line, as icalendar writes it, by what it is made from
        self._heads: dict[tuple, _Head | None] = {}  # what comes before a value, by `_head_key` (None: not usable)
        self._orders: dict[tuple[str, ...], list[str]] = {}  # icalendar's order of an event's lines, by their names

    def event(self, session: Session) -> icalendar.Event:
        return _component(_icalendar().Event(), self._properties(session))

    def _properties(self, session: Session) -> list[tuple[str, Any, dict | None]]:
        """Every property of the session's event, as given to icalendar: all its bytes are made from these."""
        text = self.describe(session)
        properties: list[tuple[str, Any, dict | None]] = [
            ("uid", f"{session.id}@{self.host}", None),
            ("dtstamp", self.stamp, None),
            ("dtstart", session.start, None),
            ("dtend", session.end, None),
            ("sequence", session.sequence, None),
            ("status", "CANCELLED" if session.is_cancelled else "CONFIRMED", None),
            ("summary", text.summary, None),
        ]
        if text.description:
            properties.append(("description", text.description, None))
        if text.location:
            properties.append(("location", text.location, None))
        if text.url:
            properties.append(("url", text.url, None))
        if session.online:
            properties.append(("conference", session.online, {"VALUE": "URI"}))
        return properties

    def event_bytes(self, session: Session) -> bytes:
        properties = self._properties(session)
        make = lambda: self._event_lines(properties, session.id)  # noqa: E731
        return self.memo.get(_material("VEVENT", properties), make) if self.memo else make()

    def _event_lines(self, properties: list[tuple[str, Any, dict | None]], own: str) -> bytes:
        """What `Event.to_ical()` gives for the event: each property's line written by icalendar (once per build for
        each name, value and parameters), in the order icalendar puts them (a property's line depends on itself
        alone). A value naming the session (`own`: its id; the UID, its page's URL, a sign-up link) is no other
        event's: its line is not kept (at 5,000 sessions they would hold about 8 MB for nothing, in a build whose
        peak memory is near its limit)."""
        lines: dict[str, bytes] = {}
        for name, value, parameters in properties:
            upper = name.upper()
            if upper in lines:
                return self._whole_event(properties)  # not one line per property after all
            key = None if isinstance(value, str) and own in value else _line_key(name, value, parameters)
            line = self._lines.get(key) if key is not None else None
            if line is None:
                line = self._line(name, value, parameters)
                if line is None:
                    return self._whole_event(properties)
                if key is not None:
                    self._lines[key] = line
            lines[upper] = line
        names = tuple(lines)
        order = self._orders.get(names)
        if order is None:
            from icalendar.caselessdict import canonsort_keys  # what `Event.sorted_keys` orders the lines by

            # by name alone: the dict's order is not used
            order = self._orders[names] = canonsort_keys(lines, _icalendar().Event.canonical_order)
        return _BEGIN_EVENT + b"".join(lines[name] for name in order) + _END_EVENT

    def _whole_event(self, properties: list[tuple[str, Any, dict | None]]) -> bytes:
        return _component(_icalendar().Event(), properties).to_ical()

    def _line(self, name: str, value: Any, parameters: dict | None) -> bytes | None:
        """The property's line as icalendar writes it (None: not one line). The part before the value (the name and
        parameters: a datetime's TZID) is the same for every value of one name, type and time zone: icalendar
        writes the first such line whole, and for the others the value alone, with the type it chose for the first
        (`_Head`); the line is folded by icalendar as ever. An event's own lines (UID, DTSTART, DTEND, URL, the
        DESCRIPTION with its sign-up link) are new for every event, and icalendar's way to a line (an Event, the
        property's type found and its parameters made twice, the time zone's id looked up four times for a
        datetime) cost three times its value's writing."""
        key = _head_key(name, value, parameters)
        head = self._heads.get(key) if key is not None else None
        if head is not None:
            return head.line(value)
        upper = name.upper()
        component = _component(_icalendar().Event(), [(name, value, parameters)])
        written = _lines(component, [upper])
        if written is not None and key is not None and key not in self._heads:
            self._heads[key] = _Head.of(component[upper], component.content_line(upper, component[upper]), value)
        return written[upper] if written is not None else None

    def zone(self, tzid: str) -> icalendar.Timezone:
        first, last = self._years.get(tzid, (1970, 2037))
        return _icalendar().Timezone.from_tzid(tzid, first_date=dt.date(first, 1, 1), last_date=dt.date(last + 1, 1, 1))

    def zone_bytes(self, tzid: str) -> bytes:
        make = lambda: self.zone(tzid).to_ical()  # noqa: E731
        if not self.memo:
            return make()
        return self.memo.get(_material("VTIMEZONE", [tzid, self._years.get(tzid), tz_source(tzid)]), make)

    def calendar(self, name: str | None, sessions: Iterable[Session]) -> icalendar.Calendar:
        """The calendar as an icalendar object (what `calendar_bytes` writes, built the slow way)."""
        calendar = self._head(name)
        ordered = sorted(sessions, key=lambda s: (s.start_utc, s.id))
        for tzid in sorted({s.timezone for s in ordered}):
            calendar.add_component(self.zone(tzid))
        for session in ordered:
            calendar.add_component(self.event(session))
        return calendar

    def calendar_bytes(self, name: str | None, sessions: Iterable[Session]) -> bytes:
        ordered = sorted(sessions, key=lambda s: (s.start_utc, s.id))
        if name is None:  # a one-session file: every one has the same head
            if self._unnamed is None:
                self._unnamed = self._head_bytes(None)
            head = self._unnamed
        else:
            head = self._head_bytes(name)
        assert head.endswith(_END)
        parts = [head[: -len(_END)]]
        for tzid in sorted({s.timezone for s in ordered}):
            if tzid not in self._zones:
                self._zones[tzid] = self.zone_bytes(tzid)
            parts.append(self._zones[tzid])
        for session in ordered:
            if session.id not in self._events:
                self._events[session.id] = self.event_bytes(session)
            parts.append(self._events[session.id])
        parts.append(_END)
        return b"".join(parts)

    def _head_bytes(self, name: str | None) -> bytes:
        make = lambda: self._head(name).to_ical()  # noqa: E731
        return self.memo.get(_material("VCALENDAR", [PRODID, name]), make) if self.memo else make()

    @staticmethod
    def _head(name: str | None) -> icalendar.Calendar:
        calendar = _icalendar().Calendar()
        calendar.add("prodid", PRODID)
        calendar.add("version", "2.0")
        calendar.add("calscale", "GREGORIAN")
        calendar.add("method", "PUBLISH")
        if name is not None:
            calendar.add("x-wr-calname", name)
        return calendar


def _component(component: C, properties: list[tuple[str, Any, dict | None]]) -> C:
    for name, value, parameters in properties:
        if parameters:
            component.add(name, value, parameters=parameters)
        else:
            component.add(name, value)
    return component


_BEGIN_EVENT, _END_EVENT = b"BEGIN:VEVENT\r\n", b"END:VEVENT\r\n"


def _lines(component: icalendar.Event, names: list[str]) -> dict[str, bytes] | None:
    """The line `component.to_ical()` writes for each of its properties `names` (as `Contentlines.to_ical` writes
    each line); None when the component holds other properties, or one of them is not one value."""
    if sorted(component) != sorted(names):
        return None
    lines = {}
    for name in names:
        value = component[name]
        if isinstance(value, list):
            return None
        lines[name] = _folded(component.content_line(name, value)) + b"\r\n"
    return lines


#: icalendar folds a line before the octet that would make it this long (`_foldline`'s limit, RFC 5545's 75 octets
#: with the break): a shorter line is left as it is
_FOLD_AT = 75


def _folded(line: icalendar.parser.Contentline) -> bytes:
    """`line.to_ical()`: its UTF-8 bytes, folded by icalendar when it is long. Five of the six lines of an event
    that no other event has (UID, start, end, URL, online link) are short, and icalendar's folding walks a line
    character by character; a line shorter than `_FOLD_AT` octets is one it gives back whole (a test compares)."""
    data = line.encode("utf-8")
    return data if len(data) < _FOLD_AT else line.to_ical()


def _head_key(name: str, value: Any, parameters: dict | None) -> tuple | None:
    """What the part of a property's line before its value is made from (None: a value whose head is not kept): its
    name, the value's type, the time zone of a datetime (icalendar's TZID, or UTC's `Z` after the value, comes from
    the zone's name; another kind of tzinfo may be named by the instant), and the parameters given."""
    if type(value) is str:
        zone = None
    elif type(value) is dt.datetime and type(value.tzinfo) is zoneinfo.ZoneInfo:
        zone = value.tzinfo.key
    else:
        return None
    if parameters and not all(type(v) is str for v in parameters.values()):
        return None
    return (name, type(value), zone, tuple(sorted(parameters.items())) if parameters else ())


@dataclass(frozen=True)
class _Head:
    """The start of a line up to its value, as icalendar wrote it, and the property type icalendar chose."""

    kind: type
    head: str

    @classmethod
    def of(cls, prop: Any, line: str, value: Any) -> _Head | None:
        """From icalendar's whole line for `value`; None unless the head and icalendar's writing of the value alone
        (the type made from the value as given: `add` converts some values first, a DTSTAMP to UTC) give that line."""
        # a date or time property's value is written by the type it converts to (`vDDDTypes.to_property_type`)
        kind = type(prop.to_property_type()) if hasattr(prop, "to_property_type") else type(prop)
        try:
            written = kind(value).to_ical().decode("utf-8")
        except (TypeError, ValueError):  # a type that is not made from the value alone: no head
            return None
        if not line.endswith(written) or written != prop.to_ical().decode("utf-8"):
            return None
        return cls(kind, line[: len(line) - len(written)])

    def line(self, value: Any) -> bytes:
        text = self.head + self.kind(value).to_ical().decode("utf-8")
        data = text.encode("utf-8")
        if len(data) < _FOLD_AT:  # see `_folded`
            return data + b"\r\n"
        from icalendar.parser import Contentline

        return Contentline(text).to_ical() + b"\r\n"


def _line_key(name: str, value: Any, parameters: dict | None) -> tuple | None:
    """What a property's line is made from, as a key (None: a value not keyed, whose line is written every time). A
    datetime is keyed as in the memo's material (`_plain`), not by itself: equal datetimes of two zones are one
    instant, written as two lines."""
    if type(value) is dt.datetime:
        plain: tuple = ("datetime", *_plain(value))
    elif type(value) in (str, int):
        plain = (type(value).__name__, value)
    else:
        return None
    if parameters and not all(type(v) is str for v in parameters.values()):
        return None
    return (name, plain, tuple(sorted(parameters.items())) if parameters else ())


def _material(kind: str, values: list) -> str:
    """A text of every value a component is made from: a datetime with its offset and its time zone's name."""
    return _MATERIAL.encode([kind, values])


def _plain(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return [value.isoformat(), str(value.tzinfo)]
    raise TypeError(f"{type(value).__name__} in a calendar component's values")


#: `json.dumps(…, ensure_ascii=False, sort_keys=True, default=_plain)` with its encoder made once (`dumps` makes a
#: new one on every call given options; the material is made for every event)
_MATERIAL = json.JSONEncoder(ensure_ascii=False, sort_keys=True, default=_plain)


def tz_source(tzid: str) -> str:
    """A digest of the tz database file that `zoneinfo` reads for `tzid` (the system's first, then the `tzdata`
    package's, in the order `zoneinfo.ZoneInfo` looks): what a VTIMEZONE is made from."""
    data = b""
    for root in zoneinfo.TZPATH:
        path = os.path.join(root, tzid)
        if os.path.isfile(path):
            with open(path, "rb") as handle:
                data = b"system\0" + handle.read()
            break
    else:
        with contextlib.suppress(ImportError, OSError, ValueError):
            data = b"tzdata\0" + resources.files("tzdata").joinpath("zoneinfo", *tzid.split("/")).read_bytes()
    return hashlib.sha256(data).hexdigest()
