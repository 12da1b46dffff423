"""The leak check remembers, across builds, the files it found clean (smartshare/cache, `cache/findings.py`): a warm
build reads again only the files whose bytes changed, a leak is reported every time, and a change of the mentor
text looked for, or an unreadable memory, makes it read every file again."""

from __future__ import annotations

from pathlib import Path

import pytest

from smartshare.cache.findings import FindingsStore
from smartshare.cache.store import CacheStore, kept_digest
from smartshare.mentor import leaks
from smartshare.mentor.leaks import Secret, find_leaks

from . import packfiles

NOTE = "Ask the quietest person in the room to summarise the exercise first."
OTHER = "Keep the printed answers face down until the second half of the session."
SECRET = Secret(NOTE, ("curricula/ai/chatbots.md", 12, 1))


@pytest.fixture
def site(tmp_path):
    site = tmp_path / "site"
    (site / "ai").mkdir(parents=True)
    (site / "index.html").write_text("<p>Welcome to the workshops.</p>", encoding="utf-8")
    (site / "ai" / "index.html").write_text("<p>Chatbots, step by step.</p>", encoding="utf-8")
    (site / "search.json").write_text('{"docs": [{"text": "Chatbots"}]}', encoding="utf-8")
    return site


@pytest.fixture
def memory(tmp_path):
    unreadable: list[tuple[str, str]] = []
    store = CacheStore(tmp_path / "cache", lambda path, reason: unreadable.append((path, reason)))
    return FindingsStore(store, "leaks")


@pytest.fixture
def reads(monkeypatch):
    """The files the leak check reads as text (site-relative)."""
    read: list[str] = []
    original = leaks._holds

    def holds(path, data, pieces):
        read.append(Path(path).name if Path(path).parent.name == "site" else f"{Path(path).parent.name}/index.html")
        return original(path, data, pieces)

    monkeypatch.setattr(leaks, "_holds", holds)
    return read


def test_files_found_clean_are_not_read_again_by_the_next_build(site, memory, reads):
    assert find_leaks(str(site), "mentor", [SECRET], None, memory) == []
    assert sorted(reads) == ["ai/index.html", "index.html", "search.json"]
    reads.clear()
    assert find_leaks(str(site), "mentor", [SECRET], None, memory) == []
    assert reads == []


def test_a_changed_file_is_read_again_and_its_leak_reported(site, memory, reads):
    find_leaks(str(site), "mentor", [SECRET], None, memory)
    reads.clear()
    (site / "ai" / "index.html").write_text(f"<p>Chatbots.</p><p>{NOTE}</p>", encoding="utf-8")
    assert find_leaks(str(site), "mentor", [SECRET], None, memory) == [("ai/index.html", SECRET)]
    assert reads == ["ai/index.html"]


def test_a_file_that_leaks_is_read_and_reported_in_every_build(site, memory, reads):
    (site / "index.html").write_text(f"<p>{NOTE}</p>", encoding="utf-8")
    assert find_leaks(str(site), "mentor", [SECRET], None, memory) == [("index.html", SECRET)]
    reads.clear()
    assert find_leaks(str(site), "mentor", [SECRET], None, memory) == [("index.html", SECRET)]
    assert reads == ["index.html"]


def test_another_mentor_text_makes_every_file_read_again(site, memory, reads):
    (site / "index.html").write_text(f"<p>{OTHER}</p>", encoding="utf-8")
    assert find_leaks(str(site), "mentor", [SECRET], None, memory) == []  # clean for the first note
    reads.clear()
    other = Secret(OTHER, ("curricula/ai/chatbots.md", 20, 1))
    assert find_leaks(str(site), "mentor", [SECRET, other], None, memory) == [("index.html", other)]
    assert sorted(reads) == ["ai/index.html", "index.html", "search.json"]


def test_a_corrupted_memory_is_ignored_and_every_file_read(site, memory, reads, tmp_path):
    find_leaks(str(site), "mentor", [SECRET], None, memory)
    [entry] = packfiles.names(tmp_path / "cache", "findings")
    packfiles.damage(tmp_path / "cache", entry)
    reads.clear()
    (site / "index.html").write_text(f"<p>{NOTE}</p>", encoding="utf-8")
    assert find_leaks(str(site), "mentor", [SECRET], None, memory) == [("index.html", SECRET)]
    assert sorted(reads) == ["ai/index.html", "index.html", "search.json"]


def test_a_result_of_another_shape_is_not_trusted(site, memory, reads, tmp_path):
    find_leaks(str(site), "mentor", [SECRET], None, memory)
    [name] = packfiles.names(tmp_path / "cache", "findings")
    entry = packfiles.read(tmp_path / "cache", name)
    items = {item: "clean" if value is True else value for item, value in entry["items"].items()}
    memory.store.save(name.partition(".")[0], {"items": items, "digest": kept_digest(items)})  # a whole entry
    reads.clear()
    assert find_leaks(str(site), "mentor", [SECRET], None, memory) == []
    assert sorted(reads) == ["ai/index.html", "index.html", "search.json"]
