"""The path a leak report gives for a module's notes is found from the docs folder's path, worked out once a build
(mentor/sources.py, `shown_paths`): the same text as `display_path` of the module's file, from any working folder."""

from __future__ import annotations

import os
import random

import pytest

from smartshare.core.problems import display_path
from smartshare.mentor.sources import shown_paths

PARTS = ["track-01", "module-0001.md", "index.md", "ai", "chat bots.md", "é", "聊天.md", "..x", ".hidden", "a..b"]
ODD = ["", ".", "..", "a\\b.md"]


def _uris(rng: random.Random, count: int) -> list[str]:
    uris = []
    for _ in range(count):
        parts = [rng.choice(PARTS + (ODD if rng.random() < 0.2 else [])) for _ in range(rng.randint(1, 4))]
        uris.append("/".join(parts))
    return uris


@pytest.mark.parametrize("where", ["inside", "same", "sibling", "parent", "relative"])
def test_a_modules_path_is_shown_as_display_path_shows_it(tmp_path, monkeypatch, where):
    docs = tmp_path / "site" / "curricula"
    docs.mkdir(parents=True)
    (tmp_path / "elsewhere" / "deeper").mkdir(parents=True)
    working = {
        "inside": tmp_path / "site",
        "same": docs,
        "sibling": tmp_path / "elsewhere",
        "parent": tmp_path,
        "relative": tmp_path / "site",
    }[where]
    monkeypatch.chdir(working)
    folder = "curricula" if where == "relative" else str(docs)
    shown = shown_paths(folder)
    rng = random.Random(where)
    uris = [*_uris(rng, 400), "track-01/module-0001.md", "index.md", "..x/a.md", "a/../b.md", "./a.md", "a//b.md"]
    for uri in uris:
        assert shown(uri) == display_path(os.path.join(folder, uri)), uri


def test_a_path_outside_the_working_folder_is_shown_as_given(tmp_path, monkeypatch):
    docs = tmp_path / "curricula"
    docs.mkdir()
    (tmp_path / "other").mkdir()
    monkeypatch.chdir(tmp_path / "other")
    assert shown_paths(str(docs))("t/m.md") == os.path.join(str(docs), "t/m.md")
    monkeypatch.chdir(tmp_path)
    assert shown_paths(str(docs))("t/m.md") == "curricula/t/m.md"
