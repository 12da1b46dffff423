"""Sessions on a built site: the agenda, the module, track and mentor blocks, and the calendar files read back."""

from __future__ import annotations

import datetime as dt
import os
import re
import zoneinfo
from pathlib import Path

import icalendar
import pytest
from sitefixture import CHANNEL, CONFIG, sessions_history, sessions_tree

from sitebuilder import build_site
from smartshare.core.sessionhistory import assign_sequences
from smartshare.core.sessions import Session

PARIS, SINGAPORE = zoneinfo.ZoneInfo("Europe/Paris"), zoneinfo.ZoneInfo("Asia/Singapore")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    build = build_site(tmp_path_factory.mktemp("sessions"), sessions_tree(), config=CONFIG, strict=True)
    assert build.returncode == 0, build.output
    return build


def entries(html: str) -> list[str]:
    return re.findall(r'data-smartshare-session="([^"]+)"', html)


def section(html: str, start: str, end: str) -> str:
    return html[html.index(start) : html.index(end, html.index(start))]


def test_agenda_lists_upcoming_sessions_by_month_then_past_ones(built):
    html = built.html("sessions/")
    upcoming = section(html, "data-smartshare-upcoming", 'id="past"')
    assert re.findall(r'<h2 id="month-[^"]+">([^<]+)</h2>', upcoming) == ["October 2026", "November 2026"]
    assert entries(upcoming) == [
        "chatbots-paris",
        "chatbots-singapore",
        "ml-cancelled",
        "ml-paris",
        "ai-term-1",
        "ai-term-2",
    ]
    assert entries(section(html, 'id="past"', "data-smartshare-none-past")) == ["chatbots-paris-past"]


def test_an_agenda_entry_has_module_mentors_place_seats_signup_and_calendar(built):
    html = built.html("sessions/")
    entry = section(html, 'data-smartshare-session="chatbots-paris"', "</li>")
    assert 'data-start="2026-10-06T07:30:00Z" data-end="2026-10-06T08:30:00Z"' in entry
    assert 'data-tz="Europe/Paris" data-track="ai" data-mentor="amina-diallo"' in entry
    assert '<time datetime="2026-10-06T09:30:00+02:00" data-smartshare-when>2026-10-06 09:30–10:30</time>' in entry
    assert '<a href="../ai/chatbots/?session=chatbots-paris">Chatbots</a>' in entry
    assert '<a href="../mentors/amina-diallo/">Amina Diallo</a>' in entry
    assert "<dd>Paris HQ</dd>" in entry and "<dd>12 seats</dd>" in entry and "Bring a laptop." in entry
    assert 'href="https://forms.example.com/signup?session=chatbots-paris&amp;title=Chatbots"' in entry
    assert 'href="../sessions/chatbots-paris.ics" download="chatbots-paris.ics"' in entry
    full = section(html, 'data-smartshare-session="chatbots-singapore"', "</li>")
    assert '<strong class="smartshare-session__status">Full</strong>' in full
    assert "data-smartshare-signup" not in full  # no sign-up link once it is full
    assert '<a href="https://meet.example.com/chatbots" rel="noopener">Online</a>' in full
    cancelled = section(html, 'data-smartshare-session="ml-cancelled"', "</li>")
    assert "Cancelled</strong> — Replaced by ml-paris" in cancelled


def test_agenda_filters_offer_what_the_sessions_have(built):
    html = built.html("sessions/")
    options = dict(re.findall(r'<select name="(\w+)"[^>]*>(.*?)</select>', html, re.S))
    values = {name: re.findall(r'<option value="([^"]*)"', text) for name, text in options.items()}
    assert values == {
        "track": ["", "ai"],
        "mentor": ["", "amina-diallo", "leo-martin"],
        "place": ["", "online", "Paris HQ", "Singapore office"],
        "language": ["", "en", "fr"],
    }


def test_module_track_and_mentor_pages_show_their_sessions(built):
    module = built.html("ai/chatbots/")
    block = section(module, 'class="smartshare-next-sessions"', "</section>")
    assert entries(block) == ["chatbots-paris", "chatbots-singapore", "ai-term-1"]
    assert module.index("smartshare-next-sessions") < module.index("Some <strong>content</strong>")
    track = section(built.html("ai/"), 'class="smartshare-next-sessions"', "</section>")
    assert entries(track) == [
        "chatbots-paris",
        "chatbots-singapore",
        "ml-cancelled",
        "ml-paris",
        "ai-term-1",
        "ai-term-2",
    ]
    assert 'href="../sessions/tracks/ai.ics"' in track
    assert '<a href="../sessions/?track=ai">All upcoming sessions</a>' in track
    mentor = built.html("mentors/leo-martin/")
    schedule = section(mentor, 'class="smartshare-schedule"', "</section>")
    upcoming = section(schedule, "data-smartshare-upcoming", "data-smartshare-past")
    assert entries(upcoming) == ["ml-cancelled", "ml-paris", "ai-term-2"]  # cancelled: listed with its status
    assert 'href="../../sessions/mentors/leo-martin.ics"' in schedule


def test_upcoming_sessions_page_is_in_the_navigation(built):
    assert re.search(
        r'<a href="sessions/" class="md-nav__link">\s*<span class="md-ellipsis">\s*Upcoming sessions', built.html("")
    )


def test_the_mentor_sheet_lists_past_sessions_with_their_feedback_link(built):
    assert "data-smartshare-past-session" not in built.html("ai/chatbots/")  # mentor material: not on course pages
    html = built.html("mentor/ai/chatbots/")
    block = section(html, 'class="smartshare-past-sessions"', "</table>")
    assert 'data-smartshare-past-session="chatbots-paris-past"' in block
    assert (
        "https://forms.example.com/feedback?module=ai%2Fchatbots&amp;session=chatbots-paris-past&amp;rating=" in block
    )


def test_feedback_links_carry_a_session_placeholder_for_the_browser(built):
    html = built.html("ai/chatbots/")
    assert 'href="https://forms.example.com/feedback?module=ai%2Fchatbots&amp;session=&amp;rating=3"' in html
    assert (
        'data-smartshare-href="https://forms.example.com/feedback?module=ai%2Fchatbots&amp;session=SMARTSHARE_SESSION&amp;rating=3"'
        in html
    )


def read_calendar(built, uri: str) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical((built.site / uri).read_bytes())


def test_a_session_calendar_file_reads_back_field_by_field(built):
    calendar = read_calendar(built, "sessions/chatbots-paris.ics")
    assert calendar["VERSION"] == "2.0" and calendar["METHOD"] == "PUBLISH"
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Paris"]
    (event,) = calendar.walk("VEVENT")
    assert str(event["UID"]) == "chatbots-paris@learning.example.com"
    assert event.decoded("DTSTART") == dt.datetime(2026, 10, 6, 9, 30, tzinfo=PARIS)
    assert event["DTSTART"].params["TZID"] == "Europe/Paris"
    assert event.decoded("DTEND") == dt.datetime(2026, 10, 6, 10, 30, tzinfo=PARIS)
    assert event.decoded("DTSTAMP") == dt.datetime(2026, 9, 21, 14, 13, 20, tzinfo=dt.timezone.utc)
    assert event["SEQUENCE"] == 0
    assert str(event["STATUS"]) == "CONFIRMED"
    assert str(event["SUMMARY"]) == "Chatbots"
    assert str(event["LOCATION"]) == "Paris HQ"
    assert str(event["URL"]) == "https://learning.example.com/ai/chatbots/?session=chatbots-paris"
    assert str(event["DESCRIPTION"]) == (
        "Mentors: Amina Diallo\n"
        "Sign up: https://forms.example.com/signup?session=chatbots-paris&title=Chatbots\n"
        "Bring a laptop."
    )


def test_cancelled_online_and_series_sessions_in_calendars(built):
    (cancelled,) = read_calendar(built, "sessions/ml-cancelled.ics").walk("VEVENT")
    assert str(cancelled["STATUS"]) == "CANCELLED"
    assert "Replaced by ml-paris" in str(cancelled["DESCRIPTION"])
    (online,) = read_calendar(built, "sessions/chatbots-singapore.ics").walk("VEVENT")
    assert online.decoded("DTSTART") == dt.datetime(2026, 10, 13, 14, 0, tzinfo=SINGAPORE)
    assert str(online["LOCATION"]) == "https://meet.example.com/chatbots"
    assert str(online["CONFERENCE"]) == "https://meet.example.com/chatbots"
    (part,) = read_calendar(built, "sessions/ai-term-2.ics").walk("VEVENT")
    assert str(part["SUMMARY"]) == "Machine learning (Session 2 of 2)"


def test_calendar_files_are_what_icalendar_writes_for_the_same_components(built):
    # files are put together from events and time zones icalendar wrote once each (see core/ical.py):
    # the result must be byte for byte what icalendar writes for the whole calendar
    from smartshare.core.ical import CalendarWriter, EventText

    programme = read_calendar(built, "sessions/programme.ics")
    sessions = [_session("a"), _session("b")]
    sessions[1].timezone, sessions[1].online = "Asia/Singapore", "https://meet.example.com/b"
    sessions[1].start = sessions[1].start.astimezone(SINGAPORE)
    writer = CalendarWriter(sessions, lambda s: EventText(s.id, "two\nlines", None, "Room"), STAMP, "example.com")
    for group in (sessions, sessions[:1], sessions[1:], sessions):
        assert writer.calendar_bytes("Name", group) == writer.calendar("Name", group).to_ical()
    for one in sessions:  # "Add to calendar" files: no calendar name, one head for all
        assert writer.calendar_bytes(None, [one]) == writer.calendar(None, [one]).to_ical()
        assert b"X-WR-CALNAME" not in writer.calendar_bytes(None, [one])
    assert len(programme.walk("VEVENT")) == 7


STAMP = dt.datetime(2026, 9, 21, tzinfo=dt.timezone.utc)


def test_feeds_of_the_programme_a_track_and_a_mentor(built):
    programme = read_calendar(built, "sessions/programme.ics")
    assert [str(e["UID"]).split("@")[0] for e in programme.walk("VEVENT")] == [
        "chatbots-paris-past", "chatbots-paris", "chatbots-singapore", "ml-cancelled", "ml-paris", "ai-term-1",
        "ai-term-2",
    ]  # fmt: skip
    assert sorted(tz["TZID"] for tz in programme.walk("VTIMEZONE")) == ["Asia/Singapore", "Europe/Paris"]
    assert str(programme["X-WR-CALNAME"]) == "Test courses: sessions"
    track = read_calendar(built, "sessions/tracks/ai.ics")
    assert len(track.walk("VEVENT")) == 7
    mentor = read_calendar(built, "sessions/mentors/leo-martin.ics")
    assert [str(e["UID"]).split("@")[0] for e in mentor.walk("VEVENT")] == ["ml-cancelled", "ml-paris", "ai-term-2"]
    assert str(mentor["X-WR-CALNAME"]) == "Test courses: Léo Martin"


def test_sessions_yml_is_not_published(built):
    assert not (built.site / "sessions.yml").exists()


def test_two_builds_are_byte_identical_whatever_the_clock_zone_and_file_times(built, tmp_path):
    # another time zone for the build machine and fresh file times: nothing may depend on them
    again = build_site(tmp_path, sessions_tree(), config=CONFIG, strict=True, env={"TZ": "Asia/Singapore"}, fresh=True)
    assert again.returncode == 0, again.output
    produced = sorted(p.relative_to(built.site) for p in (built.site / "sessions").rglob("*.ics"))
    assert len(produced) == 7 + 1 + 1 + 2  # each session, the programme, one track, two mentors
    for relative in produced:
        assert (built.site / relative).read_bytes() == (again.site / relative).read_bytes(), relative
    for page in ("sessions/index.html", "ai/chatbots/index.html", "mentors/leo-martin/index.html"):
        assert (built.site / page).read_bytes() == (again.site / page).read_bytes(), page


def test_sequence_counts_the_changes_of_a_session_in_git_history(tmp_path):
    commit = sessions_history(tmp_path)
    first = "- id: a\n  start: 2026-10-01 09:00\n- id: b\n  start: 2026-10-02 09:00\n"
    commit(first)
    commit(first.replace("2026-10-01 09:00", "2026-10-01 10:00"))  # a moved
    commit(first.replace("2026-10-01 09:00", "2026-10-01 10:00") + "  notes: same time\n")  # notes: no change
    (tmp_path / "sessions.yml").write_text(
        first.replace("2026-10-01 09:00", "2026-10-01 10:00") + "  status: cancelled\n", encoding="utf-8"
    )  # not committed yet: b cancelled
    sessions = [_session("a"), _session("b")]
    assign_sequences(str(tmp_path), sessions)
    assert [s.sequence for s in sessions] == [1, 1]
    os.remove(tmp_path / "sessions.yml")
    (tmp_path / "sessions.yml").write_text(first, encoding="utf-8")  # back to the first version: a changes again
    assign_sequences(str(tmp_path), sessions)
    assert [s.sequence for s in sessions] == [2, 0]


def _session(session_id: str) -> Session:
    return Session(session_id, [], dt.datetime(2026, 10, 1, tzinfo=dt.timezone.utc), "UTC", 60)


def test_example_curriculum_has_a_realistic_term(tmp_path):
    from smartshare.core.loader import LoadOptions, load_curriculum

    root = Path(__file__).parents[2] / "curricula"
    curriculum, problems = load_curriculum(str(root), LoadOptions(today=dt.date(2026, 11, 18)))
    sessions = curriculum.sessions
    # the translations wait for `languages` in mkdocs.yml: one notice says so, nothing else is reported
    assert [p.code for p in problems] == ["one-language-site"], [p.format() for p in problems]
    assert len(sessions) >= 12
    assert {s.timezone for s in sessions} == {"Europe/Paris", "Asia/Singapore"}
    assert {s.status for s in sessions} == {"done", "planned", "full", "cancelled"}
    now = dt.datetime(2026, 11, 18, tzinfo=dt.timezone.utc)
    assert any(s.end_utc < now for s in sessions) and any(s.start_utc > now for s in sessions)
    per_module = {}
    for s in sessions:
        for m in s.module_ids:
            per_module[m] = per_module.get(m, 0) + 1
    assert sum(1 for count in per_module.values() if count >= 2) >= 3  # several sessions per subject


def test_a_programme_larger_than_the_agenda_limit_gets_a_page_per_month(tmp_path):
    plugins = [
        "search",
        {"smartshare/curriculum": {"agenda_page_limit": 4}},
        {"smartshare/feedback": {"channel": CHANNEL}},
        "smartshare/mentor",
    ]
    build = build_site(tmp_path, sessions_tree(), config={**CONFIG, "plugins": plugins}, strict=True)
    assert build.returncode == 0, build.output
    agenda = build.html("sessions/")
    upcoming = section(agenda, "data-smartshare-upcoming", 'id="by-month"')
    assert entries(upcoming) == ["chatbots-paris", "chatbots-singapore", "ml-cancelled", "ml-paris"]  # October
    months = section(agenda, 'id="by-month"', "</nav>")
    assert re.findall(r'<a href="([^"]+)">([^<]+)</a>', months) == [
        ("../sessions/2026-09/", "September 2026"),
        ("../sessions/2026-10/", "October 2026"),
        ("../sessions/2026-11/", "November 2026"),
    ]
    november = build.html("sessions/2026-11/")
    assert entries(section(november, "data-smartshare-upcoming", 'id="by-month"')) == ["ai-term-1", "ai-term-2"]
    september = build.html("sessions/2026-09/")
    assert entries(section(september, 'id="past"', "data-smartshare-none-past")) == ["chatbots-paris-past"]
    assert "2026-11/" not in [nav for nav in re.findall(r'md-nav__link" href="([^"]+)"', agenda)]
