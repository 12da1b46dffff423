"""smartshare/cache: the last site's files kept as hard links and linked back where a build writes the same bytes
(cache/outputs.py)."""

from __future__ import annotations

import os
import re
import shutil
import sys
from pathlib import Path

from sitebuilder import run_docs_tool, write_site
from smartshare.cache.outputs import KeptOutputs

sys.path.insert(0, str(Path(__file__).parents[1] / "sessions"))
from sitefixture import CONFIG, sessions_tree

from .test_cache import differences


def _kept_build(site: Path, cache: Path) -> KeptOutputs:
    outputs = KeptOutputs(str(cache), str(site))
    outputs.write(b"<p>page</p>", str(site / "ai" / "chatbots" / "index.html"))
    outputs.write(b"BEGIN:VCALENDAR", str(site / "sessions" / "ai-intro.ics"))
    assert outputs.keep() == 2
    return outputs


def test_a_file_written_again_with_the_same_bytes_is_the_last_builds_file_linked(tmp_path):
    site, cache = tmp_path / "site", tmp_path / "cache"
    _kept_build(site, cache)
    page = site / "ai" / "chatbots" / "index.html"
    inode = page.stat().st_ino
    shutil.rmtree(site)  # as MkDocs empties the site folder: the kept link holds the file
    again = KeptOutputs(str(cache), str(site))
    again.write(b"<p>page</p>", str(page))
    again.write(b"BEGIN:VCALENDAR\r\nEND", str(site / "sessions" / "ai-intro.ics"))  # changed: written
    assert page.read_bytes() == b"<p>page</p>" and page.stat().st_ino == inode and again.linked == 1
    calendar = site / "sessions" / "ai-intro.ics"
    assert calendar.read_bytes() == b"BEGIN:VCALENDAR\r\nEND" and calendar.stat().st_nlink == 1
    assert again.keep() == 1  # the calendar's new file kept in place of the old
    assert calendar.stat().st_nlink == 2 and page.stat().st_nlink == 2


def test_a_kept_file_changed_in_place_since_is_never_taken(tmp_path):
    site, cache = tmp_path / "site", tmp_path / "cache"
    _kept_build(site, cache)
    page = site / "ai" / "chatbots" / "index.html"
    page.write_bytes(b"<p>PAGE</p>")  # a tool editing the site in place edits the kept file too
    shutil.rmtree(site)
    again = KeptOutputs(str(cache), str(site))
    again.write(b"<p>page</p>", str(page))
    assert page.read_bytes() == b"<p>page</p>" and again.linked == 0 and page.stat().st_nlink == 1


def test_a_file_already_in_the_site_is_written_over_and_places_gone_are_forgotten(tmp_path):
    site, cache = tmp_path / "site", tmp_path / "cache"
    _kept_build(site, cache)
    other = tmp_path / "other-site"
    _kept_build(other, cache)
    (site / "sessions" / "ai-intro.ics").unlink()
    again = KeptOutputs(str(cache), str(site))
    again.write(b"<p>page</p>", str(site / "ai" / "chatbots" / "index.html"))  # a dirty build: already there
    assert again.linked == 0
    shutil.rmtree(other)
    assert again.keep() == 0
    # the calendar's kept file and the deleted site's whole folder are gone; the file naming the site stays
    assert sorted(p.name for p in (cache / "site").iterdir()) == [Path(again.folder).name]
    assert len(os.listdir(again.folder)) == 2


def test_a_second_build_into_the_same_folder_links_pages_and_calendars_and_writes_the_same_site(tmp_path):
    write_site(tmp_path, sessions_tree(), config={**CONFIG, "plugins": [*CONFIG["plugins"], "smartshare/cache"]})
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1790000000", "NO_MKDOCS_2_WARNING": "1"}
    builds = []
    for _ in range(2):
        returncode, log = run_docs_tool(tmp_path, ["build", "-v", "--site-dir", "site"], env)
        assert returncode == 0, log[-3000:]
        builds.append(log)
        if not (tmp_path / "first").exists():
            shutil.copytree(tmp_path / "site", tmp_path / "first")
    assert differences(tmp_path / "first", tmp_path / "site") == []
    kept = {p.stat().st_ino for p in (tmp_path / ".cache" / "smartshare" / "site").rglob("*") if p.is_file()}
    for path in ("ai/chatbots/index.html", "mentor/ai/chatbots/index.html", "sessions/ml-paris.ics"):
        assert (tmp_path / "site" / path).stat().st_ino in kept, path
    [linked] = re.findall(r"cache: (\d+) site files linked by the build from the last one's", builds[1])
    assert int(linked) > 0 and "cache: 0 site files linked" in builds[0]
