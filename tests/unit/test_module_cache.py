"""The loader's module cache belongs to whoever owns it, and problems keep paths relative to the curriculum."""

import datetime as dt
import os

from sitebuilder import basic_tree, module, write_tree
from smartshare.core import loader
from smartshare.core.loader import LoadOptions, ModuleCache, load_curriculum

TODAY = dt.date(2026, 9, 21)


def counting_parses(monkeypatch) -> list[str]:
    parsed = []
    original = loader._Reader._parse_module

    def parse(self, track_id, slug, src_uri):
        parsed.append(src_uri)
        return original(self, track_id, slug, src_uri)

    monkeypatch.setattr(loader._Reader, "_parse_module", parse)
    return parsed


def test_loads_without_a_cache_share_nothing(tmp_path, monkeypatch):
    write_tree(tmp_path, basic_tree())
    parsed = counting_parses(monkeypatch)
    load_curriculum(str(tmp_path), LoadOptions(today=TODAY))
    load_curriculum(str(tmp_path), LoadOptions(today=TODAY))
    assert len(parsed) == 4  # two modules, read twice: no cache lives in the process


def test_a_cache_reuses_unchanged_files_for_its_owner_only(tmp_path, monkeypatch):
    write_tree(tmp_path, basic_tree())
    parsed = counting_parses(monkeypatch)
    mine, theirs = ModuleCache(), ModuleCache()
    load_curriculum(str(tmp_path), LoadOptions(today=TODAY, cache=mine))
    load_curriculum(str(tmp_path), LoadOptions(today=TODAY, cache=mine))
    assert parsed == ["ai/chatbots.md", "ai/machine-learning.md"]
    path = tmp_path / "ai/chatbots.md"
    path.write_text(module("Chatbots, revised"), encoding="utf-8")
    os.utime(path, ns=(1, 1))  # a different modification time, whatever the clock's resolution
    curriculum, _ = load_curriculum(str(tmp_path), LoadOptions(today=TODAY, cache=mine))
    assert curriculum.modules["ai/chatbots"].title == "Chatbots, revised"
    load_curriculum(str(tmp_path), LoadOptions(today=TODAY, cache=theirs))
    first, edited, other_owner = parsed[:2], parsed[2:3], parsed[3:]
    assert (first, edited, other_owner) == (
        ["ai/chatbots.md", "ai/machine-learning.md"],
        ["ai/chatbots.md"],  # only the edited file is parsed again
        ["ai/chatbots.md", "ai/machine-learning.md"],  # another owner's cache starts empty
    )


def test_problems_name_files_relative_to_the_curriculum_and_are_shown_from_where_they_are_printed(
    tmp_path, monkeypatch
):
    write_tree(tmp_path / "curricula", {**basic_tree(), "ai/chatbots.md": module(level="expert")})
    cache = ModuleCache()
    monkeypatch.chdir(tmp_path)
    _, problems = load_curriculum("curricula", LoadOptions(today=TODAY, cache=cache))
    [problem] = list(problems)
    assert problem.path == "ai/chatbots.md"
    assert problem.format().startswith("curricula/ai/chatbots.md:6:8: error [")
    monkeypatch.chdir(tmp_path / "curricula")  # the same cached problem, printed from another folder
    _, problems = load_curriculum(".", LoadOptions(today=TODAY, cache=cache))
    assert [p.format().split(": error")[0] for p in problems] == ["ai/chatbots.md:6:8"]
    assert [p.as_dict()["path"] for p in problems] == ["ai/chatbots.md"]
