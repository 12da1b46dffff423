"""sessions.yml: each check's exact message, position and hint, all reported at once."""

import datetime as dt

from sitebuilder import basic_tree, module, write_tree
from smartshare.core.loader import LoadOptions, load_curriculum

TODAY = dt.date(2026, 9, 21)


def load(tmp_path, sessions, **extra):
    tree = basic_tree()
    tree["ai/drafty.md"] = module("Drafty", status="draft")
    tree["ai/track.yml"] += "  - drafty\n"
    tree["sessions.yml"] = sessions
    tree.update(extra)
    write_tree(tmp_path, tree)
    curriculum, problems = load_curriculum(str(tmp_path), LoadOptions(today=TODAY))
    shown = [p.format().replace(str(tmp_path) + "/", "") for p in problems]
    return curriculum, shown


GOOD = """\
- id: chatbots-paris
  modules: [ai/chatbots]
  start: 2026-10-01 09:30
  timezone: Europe/Paris
  place: Paris HQ
  capacity: 12
  signup: "https://forms.example.com/signup?session={session}&module={module}"
- id: ml-singapore
  modules: [machine-learning]
  start: 2026-10-02 14:00
  timezone: Asia/Singapore
  online: https://meet.example.com/ml
  mentors: [leo-martin, amina-diallo]
  duration: 2h
"""


def test_valid_sessions_have_no_problem_and_take_defaults_from_their_modules(tmp_path):
    curriculum, shown = load(tmp_path, GOOD)
    assert shown == []
    first, second = curriculum.sessions
    assert (first.id, first.module_ids, first.mentors, first.duration) == (
        "chatbots-paris",
        ["ai/chatbots"],
        ["amina-diallo"],
        60,
    )
    assert first.start == dt.datetime(2026, 10, 1, 9, 30, tzinfo=first.start.tzinfo)
    assert first.start_utc == dt.datetime(2026, 10, 1, 7, 30, tzinfo=dt.timezone.utc)
    assert (second.module_ids, second.mentors, second.duration, second.track_id) == (
        ["ai/machine-learning"],
        ["leo-martin", "amina-diallo"],
        120,
        "ai",
    )
    assert second.end_utc == dt.datetime(2026, 10, 2, 8, 0, tzinfo=dt.timezone.utc)


def test_a_track_series_is_one_session_per_module_in_the_track_order(tmp_path):
    text = "- id: ai-term\n  track: ai\n  series: [2026-10-01 09:30, 2026-10-08 09:30]\n  timezone: Europe/Paris\n"
    curriculum, shown = load(tmp_path, text)
    assert shown == []
    assert [(s.id, s.module_ids, s.part, s.parts) for s in curriculum.sessions] == [
        ("ai-term-1", ["ai/chatbots"], 1, 2),
        ("ai-term-2", ["ai/machine-learning"], 2, 2),
    ]


def test_series_must_give_one_date_per_module_of_the_track(tmp_path):
    text = "- id: ai-term\n  track: ai\n  series: [2026-10-01 09:30]\n  timezone: Europe/Paris\n"
    _, shown = load(tmp_path, text)
    assert shown == [
        "sessions.yml:3:3: error [series-length] the series has 1 dates but track 'ai' has 2 modules"
        " — give one start per module of the track, in the track's order"
    ]


def test_unknown_module_track_and_mentor_suggest_the_closest_ids(tmp_path):
    text = (
        "- id: a\n  modules: [ai/chatbot]\n  start: 2026-10-01 09:30\n  timezone: Europe/Paris\n"
        "- id: b\n  track: aii\n  series: [2026-10-01 09:30]\n  timezone: Europe/Paris\n"
        "- id: c\n  modules: [ai/chatbots]\n  start: 2026-11-01 09:30\n  timezone: Europe/Paris\n"
        "  mentors: [amina-dialo]\n"
    )
    _, shown = load(tmp_path, text)
    assert shown == [
        "sessions.yml:2:13: error [unknown-module] unknown module 'ai/chatbot' — did you mean 'ai/chatbots'?",
        "sessions.yml:6:10: error [unknown-track] unknown track 'aii' — did you mean 'ai'?",
        "sessions.yml:13:13: error [unknown-mentor] unknown mentor 'amina-dialo' — did you mean 'amina-diallo'?",
    ]


def test_a_draft_module_cannot_be_scheduled(tmp_path):
    text = "- id: a\n  modules: [ai/drafty]\n  start: 2026-10-01 09:30\n  timezone: Europe/Paris\n"
    _, shown = load(tmp_path, text)
    assert shown == [
        "sessions.yml:2:13: error [draft-scheduled] module 'ai/drafty' is a draft and is left out of the site"
        " — publish it (remove 'status: draft') or schedule another module"
    ]


def test_a_mentor_in_two_sessions_at_once_across_time_zones(tmp_path):
    # 09:30–10:30 in Paris is 15:30–16:30 in Singapore: the Singapore session at 16:00 overlaps; it ends at
    # 11:30 Paris time, when the next one starts: back to back is no clash
    text = (
        "- id: paris\n  modules: [ai/chatbots]\n  start: 2026-10-01 09:30\n  timezone: Europe/Paris\n"
        "- id: singapore\n  modules: [ai/chatbots]\n  start: 2026-10-01 16:00\n  timezone: Asia/Singapore\n"
        "- id: later\n  modules: [ai/chatbots]\n  start: 2026-10-01 11:30\n  timezone: Europe/Paris\n"
    )
    _, shown = load(tmp_path, text)
    assert shown == [
        "sessions.yml:7:10: error [mentor-overlap] mentor 'amina-diallo' is in two sessions at once: 'paris' and"
        " 'singapore' — 'paris' runs until 2026-10-01 16:30 Asia/Singapore; move one of them or change its mentors"
    ]


def test_a_cancelled_session_does_not_clash(tmp_path):
    text = (
        "- id: paris\n  modules: [ai/chatbots]\n  start: 2026-10-01 09:30\n  timezone: Europe/Paris\n"
        "  status: cancelled\n  replaced_by: again\n"
        "- id: again\n  modules: [ai/chatbots]\n  start: 2026-10-01 09:30\n  timezone: Europe/Paris\n"
    )
    _, shown = load(tmp_path, text)
    assert shown == []


def test_past_session_still_planned_is_a_warning(tmp_path):
    text = (
        "- id: old\n  modules: [ai/chatbots]\n  start: 2026-09-01 09:30\n  timezone: Europe/Paris\n"
        "- id: older\n  modules: [ai/chatbots]\n  start: 2026-08-01 09:30\n  timezone: Europe/Paris\n  status: done\n"
    )
    _, shown = load(tmp_path, text)
    assert shown == [
        "sessions.yml:3:10: warning [past-planned] session 'old' of 2026-09-01 has passed but is still planned"
        " — set 'status: done' once it has taken place, or 'cancelled'"
    ]


def test_cancelled_session_without_replacement_is_a_warning_and_replacements_must_exist(tmp_path):
    text = (
        "- id: a\n  modules: [ai/chatbots]\n  start: 2026-10-01 09:30\n  timezone: Europe/Paris\n"
        "  status: cancelled\n"
        "- id: b\n  modules: [ai/chatbots]\n  start: 2026-10-02 09:30\n  timezone: Europe/Paris\n"
        "  status: cancelled\n  replaced_by: aa\n"
        "- id: c\n  modules: [ai/chatbots]\n  start: 2026-10-03 09:30\n  timezone: Europe/Paris\n"
        "  status: cancelled\n  replaced_by: none\n"
    )
    _, shown = load(tmp_path, text)
    assert shown == [
        "sessions.yml:3:10: warning [no-replacement] session 'a' is cancelled and names no replacement"
        " — add 'replaced_by: <session id>' so its learners know where to go (or 'replaced_by: none')",
        "sessions.yml:11:16: error [unknown-session] unknown session 'aa' — did you mean 'a'?",
    ]


def test_unknown_time_zone_is_located_with_a_suggestion(tmp_path):
    text = "- id: a\n  modules: [ai/chatbots]\n  start: 2026-10-01 09:30\n  timezone: Europe/Pariss\n"
    _, shown = load(tmp_path, text)
    assert shown == [
        "sessions.yml:4:13: error [unknown-timezone] unknown time zone 'Europe/Pariss' — did you mean 'Europe/Paris' or 'Europe/Warsaw' or 'Europe/Madrid'?"
    ]


def test_unsafe_links_are_refused(tmp_path):
    text = (
        "- id: a\n  modules: [ai/chatbots]\n  start: 2026-10-01 09:30\n  timezone: Europe/Paris\n"
        "  online: javascript:alert(1)\n  signup: 'data:text/html,{session}'\n"
    )
    _, shown = load(tmp_path, text)
    assert shown == [
        "sessions.yml:5:11: error [unsafe-url] 'javascript:alert(1)' is not an allowed link"
        " — links must start with http:, https:, mailto:",
        "sessions.yml:6:11: error [unsafe-url] 'data:text/html,{session}' is not an allowed link"
        " — links must start with http:, https:, mailto:",
    ]


def test_unknown_placeholder_in_the_signup_link(tmp_path):
    text = (
        "- id: a\n  modules: [ai/chatbots]\n  start: 2026-10-01 09:30\n  timezone: Europe/Paris\n"
        "  signup: https://forms.example.com/?s={sesion}\n"
    )
    _, shown = load(tmp_path, text)
    assert len(shown) == 1
    assert shown[0].startswith(
        "sessions.yml:5:11: error [signup-template] unknown placeholder {sesion} in the sign-up link — use {module}"
    )


def test_duplicate_ids_point_at_the_first_use(tmp_path):
    text = (
        "- id: a\n  modules: [ai/chatbots]\n  start: 2026-10-01 09:30\n  timezone: Europe/Paris\n"
        "- id: a\n  modules: [ai/chatbots]\n  start: 2026-10-02 09:30\n  timezone: Europe/Paris\n"
    )
    _, shown = load(tmp_path, text)
    assert shown == [
        "sessions.yml:5:7: error [duplicate-id] session id 'a' is used twice"
        " — it is already used on line 1; give each session an id of its own"
    ]


def test_dates_times_and_missing_fields_are_all_reported_at_once(tmp_path):
    text = (
        "- id: a\n  modules: [ai/chatbots]\n  start: 2026-10-01\n  timezone: Europe/Paris\n"
        "- id: b\n  modules: [ai/chatbots]\n  start: '2026-10-01T09:30+02:00'\n  timezone: Europe/Paris\n"
        "- id: c\n  modules: [ai/chatbots]\n  timezone: Europe/Paris\n  statu: full\n"
        "- modules: [ai/chatbots]\n  start: 2026-10-05 09:30\n  timezone: Europe/Paris\n"
    )
    _, shown = load(tmp_path, text)
    assert shown == [
        "sessions.yml:3:10: error [bad-datetime] '2026-10-01' has no time of day"
        " — write the local date and time as YYYY-MM-DD HH:MM, e.g. 2027-03-02 09:30",
        "sessions.yml:7:10: error [bad-datetime] '2026-10-01T09:30+02:00' carries a UTC offset"
        " — write the local time without an offset; the place's time zone goes in 'timezone'",
        "sessions.yml:9:7: error [missing-field] required field 'start' is missing"
        " — add it, for example: start: 2027-03-02 09:30",
        "sessions.yml:12:3: warning [unknown-key] unknown field 'statu' — did you mean 'status' or 'start'?",
        "sessions.yml:13:3: error [missing-field] required field 'id' is missing"
        " — add it, for example: id: chatbots-paris-2027-03",
    ]


def test_a_session_covers_modules_or_a_track(tmp_path):
    text = (
        "- id: a\n  start: 2026-10-01 09:30\n  timezone: Europe/Paris\n"
        "- id: b\n  modules: [ai/chatbots]\n  track: ai\n  start: 2026-10-01 09:30\n  timezone: Europe/Paris\n"
    )
    _, shown = load(tmp_path, text)
    assert shown == [
        "sessions.yml:1:7: error [missing-field] session 'a' covers no module"
        " — add 'modules: [track/module]', or 'track:' with a 'series' of dates",
        "sessions.yml:6:3: error [modules-and-track] a session covers either 'modules' or a 'track', not both"
        " — keep one of them",
    ]


def test_sessions_file_must_be_a_list(tmp_path):
    _, shown = load(tmp_path, "a: 1\n")
    assert shown == [
        "sessions.yml:1:1: error [wrong-type] sessions.yml must be a list of sessions"
        " — start each session with '- id: …' followed by its indented fields"
    ]


def test_overlap_check_scales_to_thousands_of_sessions(tmp_path):
    # 5,000 back-to-back sessions of one mentor: no clash, and a sort per mentor (not a pairwise scan) keeps
    # this quick; one extra session overlapping the last one is found
    start = dt.datetime(2027, 1, 1, 8, 0)
    items = [
        f"- id: s{n}\n  modules: [ai/chatbots]\n  start: {(start + dt.timedelta(hours=n)):%Y-%m-%d %H:%M}\n"
        "  timezone: UTC\n"
        for n in range(5000)
    ]
    items.append("- id: clash\n  modules: [ai/chatbots]\n  start: 2027-07-28 15:30\n  timezone: UTC\n")
    curriculum, shown = load(tmp_path, "".join(items))
    assert len(curriculum.sessions) == 5001
    assert shown == [
        "sessions.yml:20003:10: error [mentor-overlap] mentor 'amina-diallo' is in two sessions at once: 's4999'"
        " and 'clash' — 's4999' runs until 2027-07-28 16:00 UTC; move one of them or change its mentors"
    ]


def test_the_field_reference_example_is_a_valid_session(tmp_path):
    from smartshare.curriculum.reference import example_session

    curriculum, shown = load(tmp_path, example_session())
    assert shown == []
    assert [s.id for s in curriculum.sessions] == ["chatbots-paris-2027-03"]
