"""`smartshare check` keeps what each file alone decides in the build cache's folder (`core.checkcache`), and
reports exactly the same problems cold, warm, after an edit, with a damaged cache and with `--no-cache`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from clitree import MKDOCS_YML, quizzed, valid_tree

from sitebuilder import write_tree
from smartshare.core import checkcache, loader

CACHED_YML = MKDOCS_YML + "  - smartshare/intranet\n  - smartshare/cache:\n      dir: .cache/here\n"

SESSIONS = """\
- id: chatbots-paris
  modules: [ai/chatbots]
  start: 2026-10-01 09:30
  timezone: Europe/Paris
  mentors: [amina-diallo]
- id: spreadsheets-paris
  modules: [data/spreadsheets]
  start: 2026-10-01 10:00
  timezone: Europe/Paris
  mentors: [amina-diallo]
- id: chatbots-paris
  modules: [ai/chatbots]
  start: 2026-10-02 09:30
  timezone: Europe/Paris
- id: chatbots-lyon
  modules: [ai/chatbot]
  start: 2026-10-02 09:30
  timezone: Europe/Pariss
- id: elsewhere
  modules: [ai/chatbots]
  start: 2026-10-03 09:30
  timezone: Europe/Paris
  capacity: many
"""


def broken_tree() -> dict[str, str]:
    """Problems of every kind: of one file alone, and between files (mentors, prerequisites, sessions, links)."""
    files = valid_tree()
    files["ai/chatbots.md"] = (
        quizzed("Chatbots", duraton=60, mentors=["amina-dialo"])
        + "\n/// mentor | Timing\nnotes\n///\n\n/// mentor\nCall Jo on +33 6 12 34 56 78 first.\n///\n"
        + "\n[next](machine-learning.md#costs) [lost](missing.md) [bad](http://[x/)\n"
    )
    files["ai/machine-learning.md"] = quizzed("Machine learning", prerequisites=["chatbot"], reviewed="2020-01-01")
    files["data/broken.md"] = "---\ntitle: [unclosed\n---\n"
    files["data/track.yml"] = files["data/track.yml"].replace("[spreadsheets]", "[spreadsheets, sheets]")
    files["index.md"] = "# Welcome\n\n/// quiz\nA question without options\n///\n\n[a module](ai/chatbot.md)\n"
    files["sessions.yml"] = SESSIONS
    return files


@pytest.fixture
def broken(project: Path) -> Path:
    (project / "mkdocs.yml").write_text(CACHED_YML, encoding="utf-8")
    write_tree(project / "curricula", broken_tree())
    return project


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The YAML texts the loader reads (a file answered by the cache is not read)."""
    texts: list[str] = []

    def counting(text: str, line_offset: int = 0):
        texts.append(text)
        return load_yaml(text, line_offset)

    load_yaml = loader.load_yaml
    monkeypatch.setattr(loader, "load_yaml", counting)
    return texts


def cache_file(project: Path) -> Path:
    (found,) = (project / ".cache/here/check").glob("*.json")
    return found


def test_a_warm_check_reports_exactly_what_a_cold_one_does(broken, run, parsed):
    fresh = run("check", "--no-cache")
    assert not (broken / ".cache").exists()  # --no-cache writes nothing either
    codes = {line.split("[", 1)[1].split("]")[0] for line in fresh.out.splitlines()[:-1]}
    assert codes >= {
        "unknown-key",
        "unknown-mentor",
        "unknown-module",
        "stale-review",
        "yaml-syntax",
        "quiz-no-answers",
        "mentor-block",
        "personal-data",
        "broken-link",
        "duplicate-id",
        "unknown-timezone",
        "mentor-overlap",
        "wrong-type",
    }
    parsed.clear()
    cold = run("check")
    read_cold = len(parsed)
    parsed.clear()
    warm = run("check")
    assert (cold.code, cold.out, cold.err) == (warm.code, warm.out, warm.err) == (fresh.code, fresh.out, fresh.err)
    assert parsed == ["title: [unclosed\n"]  # only the file whose YAML cannot be read is read again
    assert read_cold > 5
    assert run("check", "--format", "json").out == run("check", "--no-cache", "--format", "json").out


def test_an_edited_file_alone_is_checked_again_and_its_new_problems_reported(broken, run, parsed):
    run("check")
    chatbots = broken / "curricula/ai/chatbots.md"
    chatbots.write_text(chatbots.read_text(encoding="utf-8").replace("level: beginner", "level: expert"), "utf-8")
    (broken / "curricula/mentors.yml").write_text(
        (broken / "curricula/mentors.yml").read_text(encoding="utf-8").replace("leo-martin", "leo-marton"), "utf-8"
    )
    parsed.clear()
    warm = run("check")
    assert sorted(parsed) == sorted(
        [
            "title: [unclosed\n",
            (broken / "curricula/mentors.yml").read_text(encoding="utf-8"),
            chatbots.read_text(encoding="utf-8").split("---\n")[1],
        ]
    )
    assert warm.out == run("check", "--no-cache").out
    assert "curricula/ai/chatbots.md:6:8: error [bad-value] 'expert' is not a valid choice" in warm.out
    # a module whose file did not change still meets the renamed mentor: checks between files run every time
    assert "spreadsheets.md" in warm.out and "unknown mentor 'leo-martin' — did you mean 'leo-marton'?" in warm.out


def test_a_damaged_cache_is_ignored_and_written_again(broken, run, parsed):
    expected = run("check", "--no-cache").out
    run("check")
    path = cache_file(broken)
    data = json.loads(path.read_text(encoding="utf-8"))
    for entry in data["entries"].values():
        entry[1] = ["not", {"what": "was kept"}]  # the right digests, payloads of another shape
    path.write_text(json.dumps(data), encoding="utf-8")
    parsed.clear()
    assert run("check").out == expected
    assert len(parsed) > 5  # every file was read again
    path.write_text('{"format": 1, "entr', encoding="utf-8")  # cut short
    assert run("check").out == expected
    parsed.clear()
    assert run("check").out == expected
    assert parsed == ["title: [unclosed\n"]  # written again whole: the next check reads nothing else


def test_another_version_of_smartshare_or_pyyaml_reads_every_file_again(broken, run, parsed, monkeypatch):
    expected = run("check").out
    parsed.clear()
    monkeypatch.setattr(checkcache, "code_fingerprint", lambda: "another version")
    assert run("check").out == expected
    assert len(parsed) > 5


def test_the_cache_is_where_the_build_keeps_its_own(broken, run):
    run("check")
    assert cache_file(broken).parent == broken / ".cache/here/check"
    (broken / "mkdocs.yml").write_text(CACHED_YML.replace("      dir: .cache/here\n", "      enabled: false\n"))
    run("check")
    assert not (broken / ".cache/smartshare").exists()  # the build keeps nothing either
