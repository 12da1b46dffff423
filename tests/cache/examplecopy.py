"""One copy of the example site, built again and again by tests/cache/test_cache.py and test_theme_cache.py.

They read one copy (`example_copy` in tests/cache/conftest.py), built cold then warm once for both
(`example_cold_and_warm`): they run in one test process, in that order (the `cache-example` group of pytest-xdist),
each test putting back what it changed. Each module reads those two builds its own way (its `cold_and_warm`)."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from sitebuilder import run_docs_tool

REPO = Path(__file__).resolve().parents[2]
ENV = {
    **os.environ,
    "SOURCE_DATE_EPOCH": "1790000000",
    "NO_MKDOCS_2_WARNING": "1",
    "SMARTSHARE_HANDOUTS": "false",  # the PDFs are not Markdown renders; they only slow the builds down
}
#: the cache's folder can be changed for one build (a cold build with an empty cache of its own)
CACHE_DIR = "\n      dir: !ENV [SMARTSHARE_CACHE_DIR, .cache/smartshare]"
#: the group both modules of the example's copy share (tests/conftest.py hands it out first: LONG_GROUPS)
GROUP = pytest.mark.xdist_group("cache-example")


def copy_example(root: Path, edit=lambda config: config) -> None:
    """The example's curricula and theme copied into `root`, with its mkdocs.yml (changed by `edit`) building one
    language: the cache is the subject here (each language site is a build of its own, with the same cache)."""
    for name in ("curricula", "theme"):
        shutil.copytree(REPO / name, root / name)
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    assert "workers: !ENV [SMARTSHARE_CACHE_WORKERS, 0]" in config  # each build below says how many
    languages = "  - smartshare/curriculum:\n      languages: [en, fr, zh]\n"
    assert languages in config
    (root / "mkdocs.yml").write_text(edit(config.replace(languages, "  - smartshare/curriculum\n")), encoding="utf-8")


#: the tracks the cache's tests keep: those of the pages they name (ai/chatbots.md, mentoring/planning-sessions.md);
#: the others only make each of the copy's builds longer (about a third more pages)
KEPT_TRACKS = ("ai", "mentoring")


def keep_tracks(docs: Path, kept: tuple[str, ...] = KEPT_TRACKS) -> None:
    """The copied curricula in `docs` down to the tracks `kept`, in the one language built: the other tracks'
    folders, the translations, and the sessions and feedback records of the tracks left out (which a build reports
    as errors and warnings). The links of the kept modules to those tracks' pages stay: warnings, as in any build."""
    tracks = {path.name for path in docs.iterdir() if (path / "track.yml").is_file()}
    dropped = sorted(tracks - set(kept))
    assert set(kept) <= tracks and dropped, tracks
    for name in dropped:
        shutil.rmtree(docs / name)
    for path in [*docs.rglob("*.fr.*"), *docs.rglob("*.zh.*")]:
        path.unlink()
    names = re.compile(rf"\b({'|'.join(dropped)})\b")
    sessions = docs / "sessions.yml"  # items one after the other, each after a blank line
    items = sessions.read_text(encoding="utf-8").split("\n\n")
    sessions.write_text("\n\n".join(i for i in items if not names.search(i)), encoding="utf-8")
    for records in docs.rglob("*.jsonl"):
        lines = records.read_text(encoding="utf-8").splitlines(keepends=True)
        records.write_text("".join(line for line in lines if not names.search(line)), encoding="utf-8")


class ExampleCopy:
    """The example copied once (its tracks of the pages the tests name: `keep_tracks`), built with `mkdocs build -v`
    into a new folder each time."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.builds = 0
        workers = "      workers: !ENV [SMARTSHARE_CACHE_WORKERS, 0]"
        copy_example(root, lambda config: config.replace(workers, workers + CACHE_DIR))
        keep_tracks(root / "curricula")

    def build(self, workers: int = 1, cache: str = ".cache/smartshare", *, fresh: bool = False) -> tuple[Path, str]:
        """Build into a new folder with `workers` processes and the cache in `cache`; returns the folder and the log.
        `fresh`: in a new interpreter (its own hash seed), not forked from the test process's build server
        (sitebuilder.run_docs_tool)."""
        self.builds += 1
        site = self.root / f"site-{self.builds}"
        env = {**ENV, "SMARTSHARE_CACHE_WORKERS": str(workers), "SMARTSHARE_CACHE_DIR": cache}
        returncode, log = run_docs_tool(self.root, ["build", "-v", "--site-dir", str(site)], env, fresh=fresh)
        assert returncode == 0, log[-3000:]
        return site, log
