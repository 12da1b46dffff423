"""smartshare/cache: a warm build is byte-identical to a cold one, and each change re-renders exactly what it should.

The example site is copied into a temporary folder and built several times in a row with `mkdocs build -v`; the
cache's debug lines name each page it rendered (`rendered ai/chatbots.md`), its info line counts the rest.
"""

from __future__ import annotations

import filecmp
import re
import shutil
from pathlib import Path

import pytest

from sitebuilder import run_docs_tool
from smartshare.cache import store
from smartshare.cache.findings import digest
from smartshare.cache.store import CacheStore, fingerprint

from . import packfiles
from .examplecopy import ENV, GROUP, ExampleCopy

RENDERED = re.compile(r"^DEBUG\s+-\s+smartshare: rendered (\S+)$", re.M)
SUMMARY = re.compile(r"smartshare: cache: (\d+) pages from the cache(?: \([^)]*\))?, (\d+) rendered")
pytestmark = GROUP  # with test_theme_cache.py, on one copy of the example (tests/cache/conftest.py)


class Site:
    """The example's copy (tests/cache/conftest.py), read for what this module asserts."""

    def __init__(self, copy: ExampleCopy) -> None:
        self.copy = copy
        self.root = copy.root

    def build(self, workers: int = 1, *, fresh: bool = False) -> tuple[Path, list[str], str]:
        """Build into a new folder; returns it, the pages rendered (not from the cache), and the log. `fresh`: in a new
        interpreter (its own hash seed), not forked from the test process's build server (sitebuilder.run_docs_tool)."""
        return self.read(*self.copy.build(workers, fresh=fresh))

    @staticmethod
    def read(site: Path, log: str) -> tuple[Path, list[str], str]:
        rendered = RENDERED.findall(log)
        [(_hits, count)] = SUMMARY.findall(log)
        assert int(count) == len(rendered)
        return site, rendered, log

    @property
    def cache(self) -> Path:
        return self.root / ".cache" / "smartshare"


def differences(left: Path, right: Path) -> list[str]:
    """Files that differ or exist on one side only, compared byte by byte."""
    found = []
    left_files = {p.relative_to(left) for p in left.rglob("*") if p.is_file()}
    right_files = {p.relative_to(right) for p in right.rglob("*") if p.is_file()}
    found += [f"only in one: {p}" for p in sorted(left_files ^ right_files)]
    for path in sorted(left_files & right_files):
        if not filecmp.cmp(left / path, right / path, shallow=False):
            found.append(str(path))
    return found


@pytest.fixture(scope="module")
def site(example_copy):
    return Site(example_copy)


@pytest.fixture(scope="module")
def cold_and_warm(example_cold_and_warm):
    return tuple(Site.read(*built) for built in example_cold_and_warm)


def test_a_cold_build_renders_every_page_and_fills_the_cache(cold_and_warm, site):
    (_, rendered, log), _ = cold_and_warm
    assert "ai/chatbots.md" in rendered and "mentoring/planning-sessions.md" in rendered
    assert "smartshare: cache: 0 pages from the cache" in log
    assert len(markdown_entries(site.cache)) == len(rendered)
    # a few packs (one per process that wrote) with their indexes, and the names this build used: no file per entry
    packs = [p.suffix for p in (site.cache / "packs").iterdir()]
    assert {".idx", ".pack", ".used"} <= set(packs) <= {".idx", ".pack", ".used", ""}  # "": `compacted`, `lock`
    assert packs.count(".pack") == packs.count(".idx") < len(rendered) / 4
    assert not [p for p in site.cache.rglob("*.json") if "check" not in p.parts]  # `smartshare check`'s own


def markdown_entries(folder: Path) -> list[str]:
    """The Markdown renders' entries (named `<key>`; the themed pages, search entries and manifest have a kind:
    `<key>.theme`, …)."""
    return packfiles.names(folder)


def test_a_warm_build_renders_nothing_and_its_site_is_byte_identical(cold_and_warm):
    (cold, cold_rendered, _), (warm, rendered, log) = cold_and_warm
    assert rendered == []
    assert f"smartshare: cache: {len(cold_rendered)} pages from the cache, 0 rendered" in log
    assert differences(cold, warm) == []
    # mentor notes come back onto the sheet from the cached HTML, and stay off the course page
    sheet = (warm / "mentor" / "ai" / "chatbots" / "index.html").read_text(encoding="utf-8")
    page = (warm / "ai" / "chatbots" / "index.html").read_text(encoding="utf-8")
    assert "smartshare-mentor-note" in sheet and "smartshare-mentor-note" not in page


def test_a_warm_build_on_two_cores_has_pages_themed_and_written_by_a_worker_and_the_same_site(cold_and_warm, site):
    # the pages near the end are built whole by a forked worker (cache/elsewhere.py); the build takes their search
    # entries, messages and counts in their turn: the site, search index included, is the one-core cold build's
    (cold, _, _), (_, _, warm_log) = cold_and_warm
    built, rendered, log = site.build(workers=2)
    assert rendered == []
    [(themed, elsewhere)] = re.findall(
        r"cache: (\d+) themed pages from the cache \((\d+) themed and written by 1 other", log
    )
    # both processes themed pages; how many each takes depends on their speed (a loaded machine, the sheets' shells)
    assert int(elsewhere) > 0 and int(themed) > 0
    assert f"cache: {themed} themed pages from the cache" in warm_log  # the worker's pages are counted once each
    # the session entries were rendered by a helper during the Markdown pass (cache/beside.py), the same bytes
    assert "cache: made by another process while the pages were read: session entries" in log
    assert "made by another process while" not in warm_log  # one core: the build renders them itself
    assert differences(cold, built) == []


def test_the_leak_check_remembers_the_learner_pages_it_found_clean(cold_and_warm, site):
    # what lets a warm build skip reading unchanged pages again (tests/cache/test_leak_findings.py: how it is used)
    _, (warm, _, _) = cold_and_warm
    entries = [packfiles.read(site.cache, name) for name in packfiles.names(site.cache, "findings")]
    assert len(entries) == 1 and entries[0]["items"]
    page = (warm / "ai" / "chatbots" / "index.html").read_bytes()
    assert entries[0]["items"].get(digest(b"", page)) is True
    sheet = (warm / "mentor" / "ai" / "chatbots" / "index.html").read_bytes()  # the mentor area is not checked
    assert digest(b"", sheet) not in entries[0]["items"]


@pytest.fixture(scope="module")
def into_the_last_site(cold_and_warm, site) -> tuple[Path, list[str], str, list[str]]:
    """A warm build on one core into the folder of an earlier one (the cold build's, with a stale page and folder, a
    hidden file MkDocs keeps), a folder of the cache's trash left by a build that was killed (only the sweep deletes
    that one), and the entries of ai/chatbots.md damaged: one build for the two tests below, each asserting what
    concerns it (a warm build of its own each would only add a second run of the same pages). Returns the folder,
    the pages rendered, the log, and where the damaged entries were."""
    (cold, _, _), _ = cold_and_warm
    target = site.root / "site-again"
    shutil.copytree(cold, target)
    (target / "stale.html").write_text("gone", encoding="utf-8")
    (target / "ai" / "stale").mkdir()
    (target / "ai" / "stale" / "index.html").write_text("gone", encoding="utf-8")
    (target / ".nojekyll").write_text("kept", encoding="utf-8")
    killed = site.cache / "trash" / "left-by-a-killed-build"
    killed.mkdir(parents=True)
    (killed / "index.html").write_text("gone", encoding="utf-8")
    # the entries of ai/chatbots.md (the one this configuration reads, and any of the other tests' configurations)
    names = markdown_entries(site.cache)
    entries = [n for n in names if 'id="what-a-chatbot-actually-is"' in packfiles.read(site.cache, n)["html"]]
    assert entries
    places = [packfiles.damage(site.cache, entry) for entry in entries]
    env = {**ENV, "SMARTSHARE_CACHE_WORKERS": "1"}
    returncode, log = run_docs_tool(site.root, ["build", "-v", "--site-dir", str(target)], env)
    assert returncode == 0, log[-3000:]
    return *Site.read(target, log), places


def test_the_last_site_is_deleted_by_another_process_and_the_new_one_is_byte_identical(
    cold_and_warm, site, into_the_last_site
):
    (cold, _, _), _ = cold_and_warm
    target, _, log, _ = into_the_last_site
    assert re.search(r"smartshare: cache: \d+ entries of the last site are deleted by another process", log)
    assert differences(cold, target) == ["only in one: .nojekyll"]
    assert (target / ".nojekyll").read_text(encoding="utf-8") == "kept"
    assert list((site.cache / "trash").iterdir()) == []  # deleted before the build ended, the killed build's too


def test_a_corrupted_entry_is_ignored_with_an_info_line_and_the_page_rendered_right(cold_and_warm, into_the_last_site):
    (cold, _, _), _ = cold_and_warm
    built, rendered, log, places = into_the_last_site
    assert rendered == ["ai/chatbots.md"]
    reason = "its bytes do not match their checksum"
    told = re.findall(rf"INFO\s+-\s+smartshare: cache entry (\S+) ignored \({reason}\)", log)
    assert len(told) == 1 and told[0] in places
    assert differences(cold, built) == ["only in one: .nojekyll"]  # the hidden file kept in the folder alone


def test_an_edited_module_is_the_only_page_rendered_again(edited_module):
    # a sentence of ai/chatbots.md edited (tests/cache/conftest.py; test_theme_cache.py: what is themed again)
    _, rendered, _ = Site.read(*edited_module.reworded)
    assert rendered == ["ai/chatbots.md"]
    built = edited_module.reworded[0]
    assert "on one narrow subject" in (built / "ai" / "chatbots" / "index.html").read_text("utf-8")
    assert "on one narrow subject" in (built / "mentor" / "ai" / "chatbots" / "index.html").read_text("utf-8")


def test_a_sheets_plain_title_is_filled_in_cold_and_warm_and_follows_its_module_renamed(cold_and_warm, edited_module):
    # a sheet's Markdown is its title alone (mentor/titles.py): a plain one is filled into a probe heading's render,
    # neither rendered nor stored
    (_, cold_rendered, _), (warm, rendered, _) = cold_and_warm
    assert "ai/chatbots.mentor-sheet.md" not in cold_rendered and rendered == []
    assert '<h1 id="mentor-sheet-chatbots' in (warm / "mentor" / "ai" / "chatbots" / "index.html").read_text("utf-8")
    # the title is the module's: renamed (in its front matter, which its own Markdown render never reads), its sheet
    # shows the new one, nothing rendered
    _, renamed, _ = Site.read(*edited_module.renamed)
    assert renamed == []
    sheet = (edited_module.renamed[0] / "mentor" / "ai" / "chatbots" / "index.html").read_text("utf-8")
    assert '<h1 id="mentor-sheet-chatbots-for-busy-managers">Mentor sheet: Chatbots for busy managers<' in sheet


def test_a_changed_markdown_option_renders_every_page_again(cold_and_warm, site):
    (_, cold_rendered, _), _ = cold_and_warm
    config = site.root / "mkdocs.yml"
    original = config.read_text(encoding="utf-8")
    config.write_text(original.replace("      permalink: true", '      permalink: "#"'), encoding="utf-8")
    try:
        built, rendered, _ = site.build()
    finally:
        config.write_text(original, encoding="utf-8")
    assert sorted(rendered) == sorted(cold_rendered)
    assert 'class="headerlink" href="#what-a-chatbot-actually-is" title="Permanent link">#</a>' in (
        built / "ai" / "chatbots" / "index.html"
    ).read_text("utf-8")


def test_a_deleted_cache_renders_every_page_again_on_two_cores_with_the_same_output(cold_and_warm, edited_module):
    # ai/chatbots.md edited, built warm, then with an empty cache on two cores (tests/cache/conftest.py)
    (_, cold_rendered, _), _ = cold_and_warm
    built, rendered, log = Site.read(*edited_module.cold)
    # a forked worker rendered pages from the end while the build went from the start: each page once, by one of them
    count = len(cold_rendered)
    ahead = r"cache: (\d+) pages from the cache \((\d+) pages prepared ahead by 1 other process\)"
    [(hits, prepared)] = re.findall(ahead, log)
    assert 0 < int(hits) <= int(prepared) and int(hits) + len(rendered) == count
    assert len(markdown_entries(edited_module.cold_cache)) == count
    assert differences(edited_module.reworded[0], built) == []


def test_the_fingerprint_changes_with_a_plugin_version_and_with_smartshare_code(monkeypatch):
    base = fingerprint("extensions")
    assert fingerprint("extensions") == base and fingerprint("other extensions") != base
    real = store.package_version
    monkeypatch.setattr(store, "package_version", lambda p: "99.0" if p == "pymdown-extensions" else real(p))
    assert fingerprint("extensions") != base
    monkeypatch.setattr(store, "package_version", real)
    monkeypatch.setattr(store, "source_digest", lambda: "edited")
    assert fingerprint("extensions") != base


def test_an_entry_of_another_key_or_format_is_not_trusted(tmp_path):
    told = []
    cache = CacheStore(tmp_path, lambda path, reason: told.append(reason))
    cache.save("ab" * 32, {"html": "<p>x</p>"})
    assert cache.load("ab" * 32)["html"] == "<p>x</p>"
    # the bytes of ab's entry under the name cd (their checksum right): what they say they are is checked too
    [(pack, offset, length)] = packfiles.locations(tmp_path).values()
    assert cache.packs.write("cd" * 32, pack.read_bytes()[offset : offset + length], told.append) is None
    assert cache.load("cd" * 32) is None and told == ["not an entry of this cache"]
    assert cache.packs.write("ef" * 32, b'{"format": 1, "key": "ef', told.append) is None
    assert cache.load("ef" * 32) is None and told == ["not an entry of this cache", "not valid JSON"]
    assert cache.load("01" * 32) is None and len(told) == 2  # absent: nothing to say


def test_a_pages_html_is_kept_after_the_entrys_json_as_it_is(tmp_path):
    told = []
    cache = CacheStore(tmp_path, lambda path, reason: told.append(reason))
    html = '<p class="a">"quoted"\n\\ é 🙂 \u2028</p>\n{"raw": "html"}\n'
    cache.save("ab" * 32, {"html": html, "token": "t", "markers": 2})
    cache.save("cd" * 32, {"entries": [{"text": "a\nb"}]})  # no page HTML: JSON alone
    [ab] = [packfiles.locations(tmp_path)["ab" * 32]]
    data = ab[0].read_bytes()[ab[1] : ab[1] + ab[2]]
    assert data.endswith(b"\n" + html.encode()) and data.count(b"\n") == html.count("\n") + 1
    again = CacheStore(tmp_path, lambda path, reason: told.append(reason))
    assert again.load("ab" * 32) == {"format": 1, "key": "ab" * 32, "token": "t", "markers": 2, "html": html}
    assert again.load("cd" * 32)["entries"] == [{"text": "a\nb"}]
    # an entry written as JSON alone (as before) is read as it was; text after an entry's JSON is not trusted
    assert cache.packs.write("ef" * 32, b'{"format":1,"key":"' + b"ef" * 32 + b'","html":"<p>"}', told.append) is None
    assert again.load("ef" * 32)["html"] == "<p>" and told == []
    assert cache.packs.write("01" * 32, b'{"format":1,"key":"' + b"01" * 32 + b'"}\n<p>', told.append) is None
    assert again.load("01" * 32) is None and told == ["not valid JSON"]
