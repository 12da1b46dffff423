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
bytes are exactly those `Calendar.to_ical()` gives for the same components (a test checks it). An "Add to
calendar" file of one session has no calendar name (`X-WR-CALNAME` names a subscribed feed; a one-off import adds
its event to a calendar the reader already has), so the 5,000 files of a large programme share one head.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import icalendar

from .sessions import Session

PRODID = "-//Smartshare//Workshop sessions//EN"
_END = b"END:VCALENDAR\r\n"


@dataclass(frozen=True)
class EventText:
    """What the site says about a session, in its language: filled in by the plugin that knows the pages."""

    summary: str
    description: str
    url: str | None = None  # the session's page (its module page), absolute when the site URL is known
    location: str | None = None


class CalendarWriter:
    """Writes calendars of sessions of one programme, each event and time zone serialised once."""

    def __init__(
        self, sessions: Iterable[Session], describe: Callable[[Session], EventText], stamp: dt.datetime, host: str
    ) -> None:
        self.describe, self.stamp, self.host = describe, stamp, host
        self._years: dict[str, tuple[int, int]] = {}  # time zone → first and last year of its sessions
        for session in sessions:
            first, last = self._years.get(session.timezone, (session.start.year, session.end.year))
            self._years[session.timezone] = (min(first, session.start.year), max(last, session.end.year))
        self._events: dict[str, bytes] = {}
        self._zones: dict[str, bytes] = {}
        self._unnamed: bytes | None = None

    def event(self, session: Session) -> icalendar.Event:
        text = self.describe(session)
        event = icalendar.Event()
        event.add("uid", f"{session.id}@{self.host}")
        event.add("dtstamp", self.stamp)
        event.add("dtstart", session.start)
        event.add("dtend", session.end)
        event.add("sequence", session.sequence)
        event.add("status", "CANCELLED" if session.is_cancelled else "CONFIRMED")
        event.add("summary", text.summary)
        if text.description:
            event.add("description", text.description)
        if text.location:
            event.add("location", text.location)
        if text.url:
            event.add("url", text.url)
        if session.online:
            event.add("conference", session.online, parameters={"VALUE": "URI"})
        return event

    def zone(self, tzid: str) -> icalendar.Timezone:
        first, last = self._years.get(tzid, (1970, 2037))
        return icalendar.Timezone.from_tzid(tzid, first_date=dt.date(first, 1, 1), last_date=dt.date(last + 1, 1, 1))

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
                self._unnamed = self._head(None).to_ical()
            head = self._unnamed
        else:
            head = self._head(name).to_ical()
        assert head.endswith(_END)
        parts = [head[: -len(_END)]]
        for tzid in sorted({s.timezone for s in ordered}):
            if tzid not in self._zones:
                self._zones[tzid] = self.zone(tzid).to_ical()
            parts.append(self._zones[tzid])
        for session in ordered:
            if session.id not in self._events:
                self._events[session.id] = self.event(session).to_ical()
            parts.append(self._events[session.id])
        parts.append(_END)
        return b"".join(parts)

    @staticmethod
    def _head(name: str | None) -> icalendar.Calendar:
        calendar = icalendar.Calendar()
        calendar.add("prodid", PRODID)
        calendar.add("version", "2.0")
        calendar.add("calscale", "GREGORIAN")
        calendar.add("method", "PUBLISH")
        if name is not None:
            calendar.add("x-wr-calname", name)
        return calendar
