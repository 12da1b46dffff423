"""A calendar file is written when MkDocs copies it, into its folder whether or not the folder is there yet."""

from __future__ import annotations

import os

from mkdocs.config.defaults import MkDocsConfig

from smartshare.curriculum.agenda import LazyFile


def _config(tmp_path) -> MkDocsConfig:
    config = MkDocsConfig()
    config.load_dict({"site_name": "x", "docs_dir": str(tmp_path / "docs"), "site_dir": str(tmp_path / "site")})
    (tmp_path / "docs").mkdir()
    errors, _ = config.validate()
    assert not errors
    config.plugins._current_plugin = None  # set by MkDocs while a plugin's hook runs
    return config


def test_files_are_written_into_missing_folders_and_existing_ones(tmp_path):
    config = _config(tmp_path)
    uris = ["sessions/a.ics", "sessions/b.ics", "sessions/calendar/deep/c.ics", "d.ics"]
    files = [LazyFile.of(config, uri, lambda uri=uri: uri.encode() * 3) for uri in uris]
    for file in files:
        file.copy_file()
    for uri in uris:
        assert (tmp_path / "site" / uri).read_bytes() == uri.encode() * 3
    files[0].make = lambda: b"again"  # an existing file is replaced, as MkDocs' copy does
    files[0].copy_file()
    assert (tmp_path / "site" / uris[0]).read_bytes() == b"again"


def test_a_folder_removed_after_a_first_file_is_made_again(tmp_path):
    # `mkdocs serve` empties the site folder between builds of one process: nothing may remember it was made
    config = _config(tmp_path)
    first = LazyFile.of(config, "sessions/a.ics", lambda: b"A")
    first.copy_file()
    os.remove(tmp_path / "site" / "sessions" / "a.ics")
    os.rmdir(tmp_path / "site" / "sessions")
    LazyFile.of(config, "sessions/b.ics", lambda: b"B").copy_file()
    assert (tmp_path / "site" / "sessions" / "b.ics").read_bytes() == b"B"
