"""iCalendar (RFC 5545) files of sessions, written by the `icalendar` library: never by hand.

One file per session ("Add to calendar") and subscribable feeds (a track, a mentor, the whole programme).
Every byte is derived from the sessions and the build's date, so two builds of one commit are identical:

- UID: `<session id>@<site host>`: session ids are stable by rule, so a calendar updates the event it has.
- SEQUENCE: `Session.sequence`, the number of times the session's calendar-visible fields changed in the history
  of sessions.yml (see `core.sessionhistory`).
- DTSTAMP: the build's `SOURCE_DATE_EPOCH` (the last commit's time in a reproducible build).
- VTIMEZONE: added by icalendar from the tz database (`tzdata` is pinned), limited to the years the sessions
  span, so a file stays small and does not change when the build machine's clock does.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import icalendar

from .sessions import Session

PRODID = "-//Smartshare//Workshop sessions//EN"


@dataclass(frozen=True)
class EventText:
    """What the site says about a session, in its language: filled in by the plugin that knows the pages."""

    summary: str
    description: str
    url: str | None = None  # the session's page (its module page), absolute when the site URL is known
    location: str | None = None


def calendar_bytes(
    sessions: Iterable[Session],
    name: str,
    describe: Callable[[Session], EventText],
    stamp: dt.datetime,
    host: str,
) -> bytes:
    """A VCALENDAR with one VEVENT per session and the VTIMEZONEs they use."""
    sessions = sorted(sessions, key=lambda s: (s.start_utc, s.id))
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    for session in sessions:
        calendar.add_component(_event(session, describe(session), stamp, host))
    if sessions:
        first = sessions[0].start.date().replace(month=1, day=1)
        last = max(s.end for s in sessions).date().replace(month=1, day=1)
        calendar.add_missing_timezones(first_date=first, last_date=last.replace(year=last.year + 1))
        # icalendar adds them in set order, which changes from one Python process to the next: sort them
        zones = sorted((c for c in calendar.subcomponents if c.name == "VTIMEZONE"), key=lambda c: str(c["TZID"]))
        calendar.subcomponents[:] = zones + [c for c in calendar.subcomponents if c.name != "VTIMEZONE"]
    return calendar.to_ical()


def _event(session: Session, text: EventText, stamp: dt.datetime, host: str) -> icalendar.Event:
    event = icalendar.Event()
    event.add("uid", f"{session.id}@{host}")
    event.add("dtstamp", stamp)
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
