"""smartshare/cache: the static files written by a forked helper while the build reads its pages (cache/static.py).

Whatever happens between the fork and MkDocs' copy (a file's content given again, a file removed or added, two
files at one place, the helper killed halfway), the site holds exactly what MkDocs' own `copy_static_files` writes
from the files as they are at copy time. The whole-site comparisons are in test_cache.py (the example on two cores)
and test_calendar_cache.py (the calendars' components the helper made are kept for the next build)."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from smartshare.cache.parallel import can_fork
from smartshare.cache.static import Early

pytestmark = pytest.mark.skipif(not can_fork(), reason="the helper is forked")


class Made(File):
    """A file whose bytes are made when it is written, as the calendars' (`ready_at_nav`)."""

    ready_at_nav = True

    def copy_file(self, dirty: bool = False) -> None:
        if self.src_uri == "feeds/kill.ics" and os.environ.get("KILL_HELPER") == str(os.getppid()):
            os.kill(os.getpid(), signal.SIGKILL)  # the helper dies halfway, having written some files
        os.makedirs(os.path.dirname(self.abs_dest_path), exist_ok=True)
        Path(self.abs_dest_path).write_bytes(self.make())


class Other(File):
    """A class the helper knows nothing of: always copied by the build."""


def config_for(site: Path) -> MkDocsConfig:
    config = MkDocsConfig()
    (site.parent / "docs").mkdir(exist_ok=True)
    config.load_dict({"site_name": "t", "docs_dir": str(site.parent / "docs"), "site_dir": str(site)})
    errors, _ = config.validate()
    assert not errors
    config.plugins._current_plugin = None  # set by MkDocs while a plugin's hook runs
    return config


def files_for(site: Path, source: Path) -> Files:
    config = config_for(site)
    files = [File.generated(config, f"assets/{n}.css", content=f"body {{ order: {n} }}") for n in range(30)]
    files.append(File.generated(config, "index.md", content="# Home"))  # a page: never a static file
    files.append(File.generated(config, "assets/image.png", abs_src_path=str(source)))
    for name in ("a", "b", "solo/e", "kill", "c"):
        made = Made.generated(config, f"feeds/{name}.ics", content=b"")
        made.make = lambda name=name: f"BEGIN:VCALENDAR {name}".encode()
        files.append(made)
    files.append(Other.generated(config, "assets/other.js", content="other()"))
    return Files(files)


def written(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def folders(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_dir()}


@pytest.fixture
def source(tmp_path) -> Path:
    image = tmp_path / "image.png"
    image.write_bytes(b"\x89PNG a picture")
    return image


def reference(files: Files, site: Path) -> tuple[dict[str, bytes], set[str]]:
    """What MkDocs itself writes from these files into an empty folder."""
    for file in files:
        file.abs_dest_path = str(site / file.dest_uri)
    Files.copy_static_files(files)
    return written(site), folders(site)


def test_the_helper_writes_its_files_and_the_build_only_the_others(tmp_path, source):
    site = tmp_path / "site"
    files = files_for(site, source)
    early = Early(files, str(site), [])
    assert early.start()
    files.copy_static_files()  # MkDocs' call, now the helper's
    assert early.taken == 36  # 30 stylesheets, the image, five calendars: not the other class's file, not the page
    assert written(site) == reference(files_for(tmp_path / "ref", source), tmp_path / "ref")[0]
    assert "index.html" not in written(site) and "index.md" not in written(site)
    assert "copy_static_files" not in vars(files)  # MkDocs' own method again


def test_files_changed_removed_or_added_after_the_fork_are_the_builds(tmp_path, source):
    site = tmp_path / "site"
    files = files_for(site, source)
    early = Early(files, str(site), [])
    assert early.start()
    config = config_for(site)
    by_uri = {f.src_uri: f for f in files}
    by_uri["assets/3.css"].content_string = "body { order: changed }"  # given again, other text
    by_uri["assets/4.css"].content_string = "body { order: 4 }"  # given again, the same text: still the helper's
    by_uri["feeds/b.ics"].make = lambda: b"BEGIN:VCALENDAR changed"
    files.remove(by_uri["feeds/c.ics"])  # written by the helper: it must go
    files.remove(by_uri["feeds/solo/e.ics"])  # written by the helper, in a folder of its own: both must go
    files.remove(by_uri["assets/image.png"])
    lone = Made.generated(config, "lone/d.ics", content=b"")
    lone.make = lambda: b"BEGIN:VCALENDAR d"
    files.remove(by_uri["feeds/a.ics"])
    files.append(lone)
    # a new file at the place of one the helper wrote: MkDocs' order decides, the later one wins
    rival = File.generated(config, "assets/5b.css", content="later")
    rival.dest_uri = "assets/5.css"
    files.append(rival)
    files.copy_static_files()
    assert early.taken == 30 - 3 + 2  # 3.css, 5.css (and its rival), b.ics taken back; 4.css, kill.ics kept
    expected, expected_folders = reference(files, tmp_path / "ref")
    assert written(site) == expected and folders(site) == expected_folders
    assert written(site)["assets/5.css"] == b"later" and "feeds/c.ics" not in written(site)
    assert "feeds/solo" not in folders(site)


def test_a_helper_killed_halfway_leaves_every_file_to_the_build(tmp_path, source, monkeypatch):
    site = tmp_path / "site"
    files = files_for(site, source)
    monkeypatch.setenv("KILL_HELPER", str(os.getpid()))
    early = Early(files, str(site), [])
    assert early.start()
    for uri in ("feeds/a.ics", "feeds/solo/e.ics"):  # written before the helper died
        files.remove(next(f for f in files if f.src_uri == uri))
    files.copy_static_files()
    assert early.taken == 0
    expected, expected_folders = reference(files, tmp_path / "ref")
    assert written(site) == expected and folders(site) == expected_folders


def test_a_file_at_the_place_of_another_is_never_the_helpers(tmp_path, source):
    site = tmp_path / "site"
    files = files_for(site, source)
    config = config_for(site)
    twin = File.generated(config, "assets/twin.css", content="second")
    twin.dest_uri = "assets/0.css"
    files.append(twin)
    assert "assets/0.css" not in {f.src_uri for f in Early.candidates(files)}
    assert "assets/1.css" in {f.src_uri for f in Early.candidates(files)}
