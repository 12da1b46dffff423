"""smartshare/cache and the calendar files: a warm build writes with icalendar only the events whose values changed,
and its `.ics` files are byte for byte those of a build without the cache.

One small site with sessions (tests/sessions/sitefixture.py) is built in a row: cold, warm, then after each change;
each build's `.ics` files are compared with the previous build's. The curriculum plugin's debug line counts the
components (events, time zones, calendar heads) taken from the cache and those icalendar wrote. The cold build and
the first edit's run on two cores (the calendars written by the helper of cache/static.py), the others on one: the
components one kind of build made are those the next kind takes, compared byte for byte.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sys
from pathlib import Path

import pytest
import yaml

from sitebuilder import BASE_CONFIG, run_docs_tool, write_tree
from smartshare.cache.memo import BytesMemo
from smartshare.cache.store import CacheStore
from smartshare.core.ical import CalendarWriter, EventText
from smartshare.core.sessionhistory import assign_sequences
from smartshare.core.sessions import Session

sys.path.insert(0, str(Path(__file__).parents[1] / "sessions"))
from sitefixture import CONFIG, SITE_URL, sessions_history, sessions_tree

from . import packfiles

COUNTS = re.compile(r"smartshare: calendars: (\d+) components from the cache, (\d+) made")
# 7 events, 2 time zones, 5 heads (the one-session files' own, the programme, the AI track, two mentors)
COMPONENTS = 14
EVERY_FILE = {
    *(f"sessions/{s}.ics" for s in ("chatbots-paris-past", "chatbots-paris", "chatbots-singapore", "ml-cancelled")),
    *(f"sessions/{s}.ics" for s in ("ml-paris", "ai-term-1", "ai-term-2")),
    "sessions/programme.ics",
    "sessions/tracks/ai.ics",
    "sessions/mentors/amina-diallo.ics",
    "sessions/mentors/leo-martin.ics",
}


class Site:
    def __init__(self, root: Path) -> None:
        self.root, self.builds, self.tree, self.site_url = root, 0, sessions_tree(), SITE_URL

    def build(self, *, fresh: bool = False, workers: int = 1) -> tuple[dict[str, bytes], tuple[int, int], str]:
        """The site built into a folder of its own: its `.ics` files, the (cached, written) counts, the log."""
        self.builds += 1
        write_tree(self.root / "curricula", self.tree)
        plugins = [*CONFIG["plugins"], {"smartshare/cache": {"workers": workers}}]
        settings = {**BASE_CONFIG, **CONFIG, "site_url": self.site_url, "plugins": plugins}
        (self.root / "mkdocs.yml").write_text(yaml.safe_dump(settings, sort_keys=False), encoding="utf-8")
        env = {**os.environ, "SOURCE_DATE_EPOCH": "1790000000", "NO_MKDOCS_2_WARNING": "1"}
        site = self.root / f"site-{self.builds}"
        returncode, log = run_docs_tool(self.root, ["build", "-v", "--site-dir", str(site)], env, fresh=fresh)
        assert returncode == 0, log[-3000:]
        [(cached, written)] = COUNTS.findall(log)
        files = {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*.ics")}
        assert set(files) == EVERY_FILE
        return files, (int(cached), int(written)), log

    def memo_entries(self) -> list[str]:
        return packfiles.names(self.root / ".cache" / "smartshare", "memo")


def changed(before: dict[str, bytes], after: dict[str, bytes]) -> set[str]:
    return {uri for uri in before if before[uri] != after[uri]}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return Site(tmp_path_factory.mktemp("calendar-cache"))


@pytest.fixture(scope="module")
def cold_and_warm(site):
    """Cold in a new interpreter (its own hash seed) on two cores, warm on one, forked from the test process's build
    server."""
    return site.build(fresh=True, workers=2), site.build()


def test_a_cold_build_writes_every_component_and_a_warm_one_none_with_the_same_bytes(cold_and_warm, site):
    (cold, cold_counts, _), (warm, warm_counts, _) = cold_and_warm
    assert cold_counts == (0, COMPONENTS) and warm_counts == (COMPONENTS, 0)
    assert len(site.memo_entries()) == 1
    assert changed(cold, warm) == set()


def test_on_two_cores_another_process_writes_the_calendars_and_hands_back_what_the_next_build_needs(cold_and_warm):
    # the static files are written while the pages are read (cache/static.py): the components the helper made are
    # the cold build's, counted in its line and kept in the entry the warm build (one core) takes them all from
    (_, _, cold_log), (_, warm_counts, warm_log) = cold_and_warm
    assert re.search(r"cache: [1-9]\d* static files written by another process", cold_log)
    assert "written by another process" not in warm_log
    assert warm_counts == (COMPONENTS, 0)


@pytest.fixture(scope="module")
def edited_session(cold_and_warm, site):
    _, (warm, _, _) = cold_and_warm
    place = "  place: Paris HQ\n  duration: 1h30\n"  # ml-paris
    assert site.tree["sessions.yml"].count(place) == 1
    site.tree["sessions.yml"] = site.tree["sessions.yml"].replace(place, "  place: Lyon office\n  duration: 1h30\n")
    return warm, site.build(workers=2)  # the helper takes the other components from the cache


def test_an_edited_session_changes_its_file_and_the_feeds_it_is_in(edited_session):
    warm, (files, counts, log) = edited_session
    assert re.search(r"cache: [1-9]\d* static files written by another process", log)
    # its own file, the programme, its track's and its mentor's feeds: nothing else
    expected = {"sessions/ml-paris.ics", "sessions/programme.ics", "sessions/tracks/ai.ics"}
    assert changed(warm, files) == expected | {"sessions/mentors/leo-martin.ics"}
    assert counts == (COMPONENTS - 1, 1)
    assert b"LOCATION:Lyon office" in files["sessions/ml-paris.ics"]


@pytest.fixture(scope="module")
def edited_title(edited_session, site):
    _, (before, _, _) = edited_session
    source = site.tree["ai/machine-learning.md"]
    assert source.count("title: Machine learning\n") == 1
    site.tree["ai/machine-learning.md"] = source.replace("title: Machine learning\n", "title: Machine learning 101\n")
    return before, site.build()


def test_an_edited_module_title_changes_the_files_of_its_sessions(edited_title):
    before, (files, counts, _) = edited_title
    ml = {"sessions/ml-cancelled.ics", "sessions/ml-paris.ics", "sessions/ai-term-2.ics"}
    feeds = {"sessions/programme.ics", "sessions/tracks/ai.ics", "sessions/mentors/leo-martin.ics"}
    assert changed(before, files) == ml | feeds
    assert counts == (COMPONENTS - 3, 3)
    assert b"SUMMARY:Machine learning 101 (Session 2 of 2)" in files["sessions/ai-term-2.ics"]


@pytest.fixture(scope="module")
def changed_site_url(edited_title, site):
    _, (before, _, _) = edited_title
    site.site_url = "https://courses.example.com/"
    return before, site.build()


def test_a_changed_site_url_changes_every_event(changed_site_url):
    before, (files, counts, _) = changed_site_url
    assert changed(before, files) == EVERY_FILE  # every UID and URL has the site's host
    assert counts == (COMPONENTS - 7, 7)  # the time zones and heads do not have it
    assert b"UID:ml-paris@courses.example.com" in files["sessions/ml-paris.ics"]
    assert b"URL:https://courses.example.com/ai/machine-learning/?session=ml-paris" in files["sessions/ml-paris.ics"]


def test_a_corrupted_entry_is_ignored_and_every_component_written_again_to_the_same_bytes(changed_site_url, site):
    _, (before, _, _) = changed_site_url
    [entry] = site.memo_entries()
    where = packfiles.damage(site.root / ".cache" / "smartshare", entry)
    files, counts, log = site.build()
    assert counts == (0, COMPONENTS)
    reason = "its bytes do not match their checksum"
    told = re.findall(rf"INFO\s+-\s+smartshare: cache entry (\S+) ignored \({reason}\)", log)
    assert told == [where]
    assert changed(before, files) == set()  # what the cache gave the build before is what icalendar writes


# -- the memo and the calendar writer, without a build ---------------------------------------------------------


class DictMemo:
    """What a `Memo` does, in a dict: the materials it was asked for."""

    def __init__(self) -> None:
        self.items: dict[str, bytes] = {}
        self.made: list[str] = []

    def get(self, material, make):
        if material not in self.items:
            self.made.append(material)
            self.items[material] = make()
        return self.items[material]


STAMP = dt.datetime(2026, 9, 21, tzinfo=dt.timezone.utc)


def _session() -> Session:
    start = dt.datetime(2026, 10, 1, 9, 30, tzinfo=dt.timezone.utc)
    return Session("a", ["m"], start, "UTC", 60, online="https://meet.example.com/a")


@pytest.mark.parametrize(
    "change",
    [
        lambda s, text: setattr(s, "sequence", 3),  # SEQUENCE, from the history of sessions.yml
        lambda s, text: setattr(s, "status", "cancelled"),
        lambda s, text: setattr(s, "duration", 90),
        lambda s, text: setattr(s, "online", "https://meet.example.com/b"),
        lambda s, text: text.update(summary="Another title"),
        lambda s, text: text.update(description="Mentors: someone else"),
        lambda s, text: text.update(url="https://elsewhere.example.com/m/?session=a"),
        lambda s, text: text.update(location="Room 2"),
    ],
)
def test_every_value_an_event_is_made_from_is_in_its_material(change):
    text = {"summary": "Title", "description": "Mentors: Amina", "url": "https://x.example.com/m/", "location": "R"}
    memo = DictMemo()
    session = _session()

    def writer(stamp=STAMP, host="x.example.com", with_memo=True):
        return CalendarWriter([session], lambda s: EventText(**text), stamp, host, memo if with_memo else None)

    first = writer().calendar_bytes(None, [session])
    assert len(memo.made) == 3  # head, time zone, event
    change(session, text)
    session.__dict__.pop("end", None)  # a cached property of the session
    again = writer().calendar_bytes(None, [session])
    assert again != first and len(memo.made) == 4
    assert again == writer(with_memo=False).calendar_bytes(None, [session])  # the same bytes as without a memo
    writer(stamp=STAMP + dt.timedelta(days=1)).calendar_bytes(None, [session])  # the build's date
    writer(host="y.example.com").calendar_bytes(None, [session])  # the site's host
    assert len(memo.made) == 6


def test_the_memo_keeps_what_a_build_used_and_ignores_an_entry_whose_digest_does_not_match(tmp_path):
    told: list[str] = []
    store = CacheStore(tmp_path, lambda path, reason: told.append(reason), "memo")
    memo = BytesMemo(store, "site", "lib=1")
    assert memo.get("one", lambda: b"1") == b"1" and memo.get("two", lambda: b"2") == b"2"
    memo.save()
    again = BytesMemo(store, "site", "lib=1")
    assert again.get("one", lambda: b"new") == b"1" and (again.hits, again.made) == (1, 0)
    again.save()  # "two" was not asked for: left out of the entry
    assert BytesMemo(store, "site", "lib=1").known.keys() == again.used.keys()
    assert BytesMemo(store, "site", "lib=2").get("one", lambda: b"new") == b"new"  # the library's version is in the key
    data = store.load(again.key)
    [key] = data["items"]
    data["items"][key] = "tampered"
    store.save(again.key, {"items": data["items"], "digest": data["digest"]})  # a whole entry, its digest wrong
    tampered = BytesMemo(store, "site", "lib=1")
    assert tampered.known == {} and told == ["its digest does not match its items"]
    assert tampered.get("one", lambda: b"1") == b"1" and tampered.made == 1


def test_sequence_from_git_history_is_kept_by_the_versions_ids_and_the_current_text(tmp_path):
    commit = sessions_history(tmp_path)

    def sequences(memo):
        sessions = [_session(), _session()]
        sessions[1].id = "b"
        assign_sequences(str(tmp_path), sessions, memo)
        return [s.sequence for s in sessions]

    first = "- id: a\n  start: 2026-10-01 09:00\n- id: b\n  start: 2026-10-02 09:00\n"
    commit(first)
    commit(first.replace("09:00\n- id: b", "10:00\n- id: b"))  # a moved
    memo = DictMemo()
    assert sequences(memo) == sequences(None) == [1, 0] and len(memo.made) == 2  # the history, the current file
    assert sequences(memo) == [1, 0] and len(memo.made) == 2  # nothing read or parsed again
    (tmp_path / "sessions.yml").write_text(first.replace("09:00\n- id: b", "11:00\n- id: b"), encoding="utf-8")
    assert sequences(memo) == sequences(None) == [2, 0] and len(memo.made) == 3  # the current file only
    commit(first.replace("09:00\n- id: b", "11:00\n- id: b"))
    assert sequences(memo) == sequences(None) == [2, 0] and len(memo.made) == 4  # a new version: the history
    commit(first)
    assert sequences(memo) == sequences(None) == [3, 0] and memo.made[-2].startswith("sessions.yml history")
