"""An event put together from property lines icalendar wrote once per build is what icalendar writes for it whole."""

from __future__ import annotations

import datetime as dt
import random
import zoneinfo

import pytest

from smartshare.core import ical
from smartshare.core.ical import CalendarWriter, EventText
from smartshare.core.sessions import Session

ZONES = ["UTC", "Europe/Berlin", "Asia/Singapore", "America/New_York", "Australia/Lord_Howe"]
STAMP = dt.datetime(2026, 9, 21, 14, 13, 20, tzinfo=dt.timezone.utc)
TEXTS = ["Data in practice", "Daten & Praxis; Teil 2, Kapitel 3", "数据实践", "a" * 90, "Zürich\\Köln", ""]


def _sessions(rng: random.Random, count: int) -> list[Session]:
    sessions = []
    for n in range(count):
        zone = rng.choice(ZONES)
        # hours around the DST changes too (the 1:30 of an autumn night twice, with its fold)
        start = dt.datetime(
            2026, rng.choice([3, 10, 11]), rng.choice([1, 8, 25, 29]), rng.choice([1, 2, 9]), rng.choice([0, 30])
        )
        start = start.replace(tzinfo=zoneinfo.ZoneInfo(zone), fold=rng.randint(0, 1))
        session = Session(f"s-{n}", [f"m-{n % 7}"], start, zone, rng.choice([60, 90, 1440]))
        session.online = rng.choice([None, "https://meet.example.com/a", "https://meet.example.com/b?x=1,2"])
        session.status = rng.choice(["planned", "planned", "cancelled"])
        session.sequence = rng.choice([0, 0, 1, 12])
        sessions.append(session)
    return sessions


def _describe(rng: random.Random):
    texts: dict[str, EventText] = {}

    def describe(session: Session) -> EventText:
        if session.id not in texts:
            summary = rng.choice(TEXTS) or "Untitled"
            description = "\n".join(rng.choice(TEXTS) for _ in range(rng.randint(0, 3)))
            url = rng.choice([None, f"https://example.com/{session.module_ids[0]}/?session={session.id}"])
            texts[session.id] = EventText(summary, description, url, rng.choice([None, "Room 5", "Büro, Raum 2"]))
        return texts[session.id]

    return describe


#: the seeds of the random tests below: each of these breaks fails them on seed 0 already (checked by breaking on
#: purpose, with six seeds and four before): heads keyed without their zone or their parameters, a line from a head
#: of 75 octets left whole, `_folded` giving back lines of 75 or 76 octets whole
SEEDS = range(2)


@pytest.mark.parametrize("seed", SEEDS)
def test_every_event_is_what_icalendar_writes_for_it_whole(seed):
    rng = random.Random(seed)
    sessions = _sessions(rng, 150)
    writer = CalendarWriter(sessions, _describe(rng), STAMP, "example.com")
    for session in sessions:  # one writer: most lines of an event were written for an event before it
        assert writer.event_bytes(session) == writer.event(session).to_ical()
    assert len(writer._lines) < 6 * len(sessions)  # lines were shared (about 11 properties an event)
    group = rng.sample(sessions, 40)
    assert writer.calendar_bytes("Feed", group) == writer.calendar("Feed", group).to_ical()


def test_one_instant_in_two_zones_is_two_lines_and_two_utcs_one():
    # `ZoneInfo("UTC")` and `timezone.utc` are keyed alike (the memo's material does the same): icalendar must write
    # them alike
    berlin = dt.datetime(2026, 10, 1, 11, 0, tzinfo=zoneinfo.ZoneInfo("Europe/Berlin"))
    sessions = [
        Session("a", ["m"], berlin, "Europe/Berlin", 60),
        Session("b", ["m"], berlin.astimezone(zoneinfo.ZoneInfo("UTC")), "UTC", 60),
        Session("c", ["m"], berlin.astimezone(dt.timezone.utc), "UTC", 60),
    ]
    assert sessions[0].start == sessions[1].start == sessions[2].start
    writer = CalendarWriter(sessions, lambda s: EventText("T", ""), STAMP, "example.com")
    for session in sessions:
        assert writer.event_bytes(session) == writer.event(session).to_ical()
    assert b"DTSTART;TZID=Europe/Berlin:20261001T110000" in writer.event_bytes(sessions[0])


def test_a_line_is_written_by_icalendar_whole_once_per_name_type_and_zone(monkeypatch):
    made = []
    component = ical._component

    def counting(target, properties):
        made.append([name for name, _, _ in properties])
        return component(target, properties)

    monkeypatch.setattr(ical, "_component", counting)
    start = dt.datetime(2026, 10, 1, 9, 0, tzinfo=zoneinfo.ZoneInfo("UTC"))
    sessions = [Session(f"s-{n}", ["m"], start + dt.timedelta(days=n), "UTC", 60) for n in range(3)]
    writer = CalendarWriter(sessions, lambda s: EventText("Title", "Mentors: Amina"), STAMP, "example.com")
    for session in sessions:
        whole = component(ical._icalendar().Event(), writer._properties(session)).to_ical()
        assert writer.event_bytes(session) == whole
    # the first event's lines, one by one; the other events' UID, DTSTART and DTEND from the heads of the first's
    first = [["uid"], ["dtstamp"], ["dtstart"], ["dtend"], ["sequence"], ["status"], ["summary"], ["description"]]
    assert made == first
    berlin = sessions[0].start.astimezone(zoneinfo.ZoneInfo("Europe/Berlin"))
    assert writer._line("dtstart", berlin, None) == b"DTSTART;TZID=Europe/Berlin:20261001T110000\r\n"
    assert made[-1] == ["dtstart"]  # another zone: another head


#: values of every kind a line is written for: text and URIs of every length around the fold, of one- to four-octet
#: characters and escapes; datetimes in zones (UTC's among them, and a zone's autumn hour twice), in fixed offsets,
#: without a zone; all-day dates; integers
_TEXT = "abcXYZ09 ,;:\\^\né€数😀"


def _value(rng: random.Random, name: str):
    if name in ("dtstart", "dtend", "dtstamp"):
        when = dt.datetime(rng.choice([1999, 2026, 2037]), rng.choice([3, 10]), rng.choice([1, 25, 29]), 1, 30, 5)
        zone = rng.choice([*ZONES, "fixed", "utc", "naive", "date"])
        if zone == "date":
            return when.date()
        if zone == "naive":
            return when
        if zone in ("fixed", "utc"):
            return when.replace(tzinfo=dt.timezone(dt.timedelta(hours=5, minutes=30)) if zone == "fixed" else dt.UTC)
        return when.replace(tzinfo=zoneinfo.ZoneInfo(zone), fold=rng.randint(0, 1))
    if name == "sequence":
        return rng.randint(0, 99)
    text = "".join(rng.choice(_TEXT) for _ in range(rng.choice([*range(0, 90), rng.randint(90, 400)])))
    return text.replace("\n", "/") if name in ("url", "conference") else text  # a URI holds no line break


@pytest.mark.parametrize("seed", SEEDS)
def test_a_line_from_its_head_is_what_icalendar_writes_for_the_property_whole(seed):
    rng = random.Random(seed)
    writer = CalendarWriter([], lambda s: EventText("T", ""), STAMP, "example.com")
    names = ["uid", "summary", "description", "location", "url", "conference"]
    names += ["dtstart", "dtend", "dtstamp", "sequence"]
    for _ in range(3000):
        name = rng.choice(names)
        value = _value(rng, name)
        parameters = {"VALUE": "URI"} if name == "conference" else rng.choice([None, None, {"LANGUAGE": "de"}])
        whole = ical._component(ical._icalendar().Event(), [(name, value, parameters)]).to_ical()
        assert ical._BEGIN_EVENT + writer._line(name, value, parameters) + ical._END_EVENT == whole, (name, value)
    assert len(writer._heads) > 20  # most lines were written from a head


def test_a_head_is_not_taken_when_icalendar_converts_the_value_first():
    # `add` writes a DTSTAMP in UTC: its value alone, as given, is not what the line holds
    writer = CalendarWriter([], lambda s: EventText("T", ""), STAMP, "example.com")
    berlin = zoneinfo.ZoneInfo("Europe/Berlin")
    for day in (1, 2):
        value = dt.datetime(2026, 10, day, 11, 0, tzinfo=berlin)
        assert writer._line("dtstamp", value, None) == f"DTSTAMP:202610{day:02}T090000Z\r\n".encode()
    assert writer._heads == {("dtstamp", dt.datetime, "Europe/Berlin", ()): None}


def test_every_calendar_is_read_back_by_icalendar():
    import icalendar

    rng = random.Random(7)
    sessions = _sessions(rng, 60)
    writer = CalendarWriter(sessions, _describe(rng), STAMP, "example.com")
    for group in ([s] for s in sessions[:10]):
        calendar = icalendar.Calendar.from_ical(writer.calendar_bytes(None, group))
        (event,) = calendar.walk("VEVENT")
        assert str(event["UID"]) == f"{group[0].id}@example.com"
        assert event.decoded("DTSTART") == group[0].start
    feed = icalendar.Calendar.from_ical(writer.calendar_bytes("Feed", sessions))
    assert sorted(str(e["UID"]) for e in feed.walk("VEVENT")) == sorted(f"{s.id}@example.com" for s in sessions)
    assert {e.decoded("DTEND") for e in feed.walk("VEVENT")} == {s.end for s in sessions}


def test_a_line_naming_its_session_is_not_kept():
    start = dt.datetime(2026, 10, 1, 9, 0, tzinfo=zoneinfo.ZoneInfo("UTC"))
    sessions = [Session(f"s-{n}", ["m"], start, "UTC", 60, online=f"https://meet.example.com/s-{n}") for n in range(3)]
    texts = {"s-0": "Sign up: https://forms.example.com/?session=s-0", "s-1": "Mentors: Amina", "s-2": "Mentors: Amina"}
    writer = CalendarWriter(
        sessions, lambda s: EventText("Title", texts[s.id], f"https://x/?session={s.id}"), STAMP, "x"
    )
    for session in sessions:
        assert writer.event_bytes(session) == writer.event(session).to_ical()
    kept = {key[0] for key in writer._lines}
    assert kept == {"dtstamp", "dtstart", "dtend", "sequence", "status", "summary", "description"}
    assert not [key for key in writer._lines if "s-0" in str(key) or "s-1" in str(key)]  # UID, URL, links, sign-up


def _contentline(rng: random.Random, size: int):
    from icalendar.parser import Contentline

    # ASCII, two-, three- and four-octet characters, and the escapes icalendar keeps on one side of a fold
    alphabet = "abcXYZ09 ,;:\\^é€数😀"
    return Contentline("DESCRIPTION:" + "".join(rng.choice(alphabet) for _ in range(size)))


@pytest.mark.parametrize("seed", SEEDS)
def test_a_line_is_folded_as_icalendar_folds_it_at_every_length_around_the_limit(seed):
    rng = random.Random(seed)
    for size in [*range(0, 90), *rng.sample(range(90, 400), 30)]:
        for _ in range(20):
            line = _contentline(rng, size)
            assert ical._folded(line) == line.to_ical(), line


def test_a_line_of_74_octets_is_left_whole_and_one_of_75_folded():
    from icalendar.parser import Contentline

    short, long = Contentline("X:" + "a" * 72), Contentline("X:" + "a" * 73)
    assert ical._folded(short) == short.to_ical() == short.encode()
    assert ical._folded(long) == long.to_ical() != long.encode()
    wide = Contentline("X:" + "a" * 69 + "€")  # 74 octets in 72 characters, then 76 with one more
    assert ical._folded(wide) == wide.to_ical() == wide.encode()
    assert ical._folded(Contentline(wide + "é")) == Contentline(wide + "é").to_ical() != (wide + "é").encode()
