"""cache/sweep.py: what MkDocs' cleaning would delete from the site folder is moved out and deleted by another process.

The whole-site case (a warm build into the last build's folder, byte-identical) is in test_cache.py."""

from __future__ import annotations

import os

from smartshare.cache.sweep import Sweep


def test_the_sweep_deletes_what_mkdocs_would_and_leaves_hidden_entries_and_links(tmp_path):
    site = tmp_path / "site"
    (site / "ai" / "chatbots").mkdir(parents=True)
    (site / "ai" / "chatbots" / "index.html").write_text("old page", encoding="utf-8")
    (site / "sitemap.xml").write_text("old", encoding="utf-8")
    (site / ".git").mkdir()
    (site / ".git" / "HEAD").write_text("ref", encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "kept.txt").write_text("kept", encoding="utf-8")
    os.symlink(elsewhere, site / "linked")  # MkDocs' clean_directory cannot delete a link to a folder: left alone
    sweep = Sweep(tmp_path / "cache" / "trash")
    assert sweep.start(str(site)) == 2
    assert sorted(os.listdir(site)) == [".git", "linked"]  # at once: the moved entries are out of the site
    sweep.wait()
    assert list((tmp_path / "cache" / "trash").iterdir()) == []
    assert (site / ".git" / "HEAD").read_text(encoding="utf-8") == "ref"
    assert (elsewhere / "kept.txt").read_text(encoding="utf-8") == "kept"


def test_an_empty_or_missing_site_starts_no_process(tmp_path):
    sweep = Sweep(tmp_path / "trash")
    assert sweep.start(str(tmp_path / "missing")) == 0
    (tmp_path / "site").mkdir()
    assert sweep.start(str(tmp_path / "site")) == 0
    assert sweep.process is None


def test_a_site_that_cannot_be_moved_is_left_to_mkdocs_and_starts_no_process(tmp_path, monkeypatch):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("old", encoding="utf-8")

    def cross_device(source, target):
        raise OSError(18, "Invalid cross-device link")

    monkeypatch.setattr(os, "rename", cross_device)
    sweep = Sweep(tmp_path / "trash")
    assert sweep.start(str(site)) == 0 and sweep.process is None
    assert os.listdir(site) == ["index.html"] and list((tmp_path / "trash").iterdir()) == []
