"""smartshare/cache and the session blocks (the next sessions of module and track pages, a mentor's schedule, the
agenda): a warm build takes each block from the cache when every value it is made from is the same
(`AgendaRenderer.material`), and its pages are byte for byte those of a build without the cache, on one core or two.

One small site with sessions (tests/sessions/sitefixture.py) is built in a row with the cache, and each build is
compared with a build of the same sources and build date without it. The curriculum plugin's debug line counts the
blocks taken from the cache and those rendered.
"""

from __future__ import annotations

import dataclasses
import os
import re
import sys
from pathlib import Path

import pytest
import yaml

from sitebuilder import BASE_CONFIG, run_docs_tool, write_tree
from smartshare.core.model import Mentor, Module, Track
from smartshare.core.sessions import Session

sys.path.insert(0, str(Path(__file__).parents[1] / "sessions"))
from sitefixture import CONFIG, SITE_URL, sessions_tree

COUNTS = re.compile(r"smartshare: sessions: (\d+) blocks from the cache, (\d+) rendered")
FIRST_DATE = "1790000000"  # 2026-09-21: one session is past
LATER_DATE = "1791590400"  # 2026-10-10: chatbots-paris (2026-10-06) is past too
# the agenda's, the two modules', the track's, the two mentors'
BLOCKS = 6


class Site:
    """The sessions site in a folder of its own, built with the cache or without it."""

    def __init__(self, root: Path) -> None:
        self.root, self.builds, self.tree = root, 0, sessions_tree()

    def build(self, *, date: str = FIRST_DATE, cache: bool = True, workers: int = 2) -> tuple[dict, tuple[int, int]]:
        """Every file of the built site, and the (from the cache, rendered) counts of its session blocks."""
        self.builds += 1
        write_tree(self.root / "curricula", self.tree)
        plugins = [*CONFIG["plugins"], *([{"smartshare/cache": {"workers": workers}}] if cache else [])]
        settings = {**BASE_CONFIG, **CONFIG, "site_url": SITE_URL, "plugins": plugins}
        (self.root / "mkdocs.yml").write_text(yaml.safe_dump(settings, sort_keys=False), encoding="utf-8")
        env = {**os.environ, "SOURCE_DATE_EPOCH": date, "NO_MKDOCS_2_WARNING": "1"}
        site = self.root / f"site-{self.builds}"
        returncode, log = run_docs_tool(self.root, ["build", "-v", "--site-dir", str(site)], env)
        assert returncode == 0, log[-3000:]
        files = {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}
        found = COUNTS.findall(log)
        counts = (int(found[0][0]), int(found[0][1])) if cache else (0, 0)
        assert len(found) == (1 if cache else 0)
        if cache and workers > 1:  # the theme pass shared: some blocks were made or taken by the other process
            assert re.search(r"themed and written by 1 other process", log), log[-3000:]
        return files, counts

    def without_cache(self, date: str = FIRST_DATE) -> dict:
        """The same sources built without the cache, in a folder of its own."""
        other = Site(self.root / f"plain-{self.builds}")
        other.tree = dict(self.tree)
        return other.build(date=date, cache=False)[0]


def differing(one: dict, other: dict) -> set[str]:
    return {name for name in one.keys() | other.keys() if one.get(name) != other.get(name)}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return Site(tmp_path_factory.mktemp("session-blocks"))


@pytest.fixture(scope="module")
def cold_and_warm(site):
    return site.build(), site.build(), site.without_cache()


def test_a_warm_build_takes_every_session_block_from_the_cache_with_the_same_bytes(cold_and_warm):
    (cold, cold_counts), (warm, warm_counts), plain = cold_and_warm
    assert cold_counts == (0, BLOCKS) and warm_counts == (BLOCKS, 0)
    assert differing(cold, plain) == set() and differing(warm, plain) == set()
    assert b'data-smartshare-session="chatbots-paris"' in warm["ai/chatbots/index.html"]


def test_on_one_core_the_blocks_of_a_two_core_build_are_taken_as_they_are(cold_and_warm, site):
    # the second core's blocks were handed back to the build: the next build, on one core, finds every one
    _, _, plain = cold_and_warm
    files, counts = site.build(workers=1)
    assert counts == (BLOCKS, 0) and differing(files, plain) == set()


@pytest.fixture(scope="module")
def later_date(cold_and_warm, site):
    _, (warm, _), _ = cold_and_warm
    return warm, site.build(date=LATER_DATE), site.without_cache(LATER_DATE)


def test_the_build_date_moves_sessions_from_upcoming_to_past_in_every_block_it_changes(later_date):
    before, (files, counts), plain = later_date
    assert differing(files, plain) == set()
    # chatbots-paris moved: the chatbots page's block, the track's, its mentor's and the agenda
    pages = {"ai/chatbots/index.html", "ai/index.html", "mentors/amina-diallo/index.html", "sessions/index.html"}
    assert pages <= differing(before, files)
    assert counts == (BLOCKS - 4, 4)
    upcoming = files["ai/chatbots/index.html"].split(b"data-smartshare-upcoming", 1)[1].split(b"</ol>", 1)[0]
    assert b'"chatbots-paris"' not in upcoming and b'"chatbots-singapore"' in upcoming


def test_back_at_the_first_date_every_block_is_in_the_cache_again(later_date, cold_and_warm, site):
    _, _, plain = cold_and_warm
    files, counts = site.build()
    assert counts == (BLOCKS, 0) and differing(files, plain) == set()


@pytest.fixture(scope="module")
def edited(site, cold_and_warm):
    place = "  place: Paris HQ\n  duration: 1h30\n"  # ml-paris
    assert site.tree["sessions.yml"].count(place) == 1
    site.tree["sessions.yml"] = site.tree["sessions.yml"].replace(place, "  place: Lyon office\n  duration: 1h30\n")
    return site.build(), site.without_cache()


def test_an_edited_session_renders_again_the_blocks_that_list_it(edited):
    (files, counts), plain = edited
    assert differing(files, plain) == set()
    assert b"Lyon office" in files["ai/machine-learning/index.html"]
    # the machine-learning page's block, the track's, its mentor's, the agenda
    assert counts == (BLOCKS - 4, 4)


@pytest.fixture(scope="module")
def retitled(edited, site):
    source = site.tree["ai/machine-learning.md"]
    assert source.count("title: Machine learning\n") == 1
    site.tree["ai/machine-learning.md"] = source.replace("title: Machine learning\n", "title: Machine learning 101\n")
    return site.build(), site.without_cache()


def test_an_edited_module_renders_again_the_blocks_that_show_it(retitled):
    (files, counts), plain = retitled
    assert differing(files, plain) == set()
    assert b">Machine learning 101</a>" in files["sessions/index.html"]
    assert counts == (BLOCKS - 4, 4)


@pytest.mark.parametrize("kind", [Session, Module, Mentor, Track])
def test_the_curriculums_objects_a_block_is_made_from_show_every_field_in_their_repr(kind):
    # `AgendaRenderer.material` writes them out by their generated `repr`: a field left out of it, or a `__repr__`
    # of their own, would leave a value out of the blocks' keys
    assert kind.__dataclass_params__.repr and "__repr__" in vars(kind)  # type: ignore[attr-defined]
    assert getattr(vars(kind)["__repr__"], "__wrapped__", None) is not None  # dataclasses' own (`_recursive_repr`)
    assert all(item.repr for item in dataclasses.fields(kind))
