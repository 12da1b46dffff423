"""Two builds of one commit, in two checkouts, give byte-identical sites; so do two zips of the offline edition."""

import hashlib
import os
import re
import subprocess
import sys
import time
import zipfile

from examplesite import base_env, example_build, run_build
from sitebuilder import hash_seed
from smartshare.cache.parallel import available_cores

from .harness import copy_project

#: smartshare/cache's summary of what the other processes of a build did (pages of either pass)
SPLIT = re.compile(r"(prepared ahead|themed and written) by \d+ other process")


def fingerprint(site):
    return {
        p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


def test_two_builds_of_one_commit_are_identical(tmp_path_factory, tmp_path):
    build = example_build(tmp_path_factory, "strict")  # the run's shared build, for the address it is served at
    assert build.returncode == 0, build.output
    # the same build in a second checkout, under another hash seed: forked from this process's build server when
    # another process built the first (as in a run of the whole suite), else in a new interpreter drawing its own;
    # the first on one process (examplesite.WORKERS), the second cold on every core as mkdocs.yml sets it: the
    # pages each process prepares (smartshare/cache's workers) must not show in the site either
    env = base_env({"SMARTSHARE_SITE_URL": build.url, "SMARTSHARE_CACHE_WORKERS": "0"})
    fresh = build.hash_seed in (None, hash_seed(env))
    if fresh:
        env["PYTHONHASHSEED"] = "random"  # not one the environment fixes
    second = run_build(tmp_path / "site", env, source=copy_project(tmp_path / "checkout"), fresh=fresh)
    assert second.returncode == 0, second.output
    assert second.hash_seed is None or second.hash_seed != build.hash_seed
    assert not SPLIT.search(build.output)
    if available_cores() > 1:
        assert SPLIT.search(second.output), second.output
    first, again = fingerprint(build.site), fingerprint(second.site)
    assert {"en", "fr", "zh"} <= {name.split("/")[0] for name in first}  # every language site, each reproducible
    assert sorted(first) == sorted(again)
    assert [name for name in first if first[name] != again[name]] == []


# -- the offline zip: `make offline` runs `python -m smartshare.intranet.archive site-offline smartshare-offline.zip`

EPOCH = 1795000000  # 2026-11-18 07:06:40 UTC
SITE = {
    "index.html": b"<!doctype html><title>Catalogue</title>",
    "404.html": b"<!doctype html><title>Not found</title>",
    "Zebra.html": b"upper case sorts before lower case",
    "ai/index.html": b"<!doctype html><title>AI for managers</title>",
    "ai/chatbots/index.html": b"<!doctype html><title>Chatbots</title>" + bytes(range(256)) * 64,
    "assets/javascripts/bundle.js": b"console.log('theme')\n" * 500,
    "search/search_index.js": b"var __index = {}",
}


def write_site(folder, order, mtimes, mode):
    """The same files as every other copy, but written in `order`, dated `mtimes` and with permissions `mode`."""
    for name in order:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(SITE[name])
        path.chmod(mode)
    for index, name in enumerate(order):  # after writing: writing a file changes its folder's date
        stamp = mtimes + index * 3601
        os.utime(folder / name, (stamp, stamp))
        os.utime((folder / name).parent, (stamp, stamp))
    return folder


def zip_site(folder, target, epoch=EPOCH, umask=0o022):
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "SOURCE_DATE_EPOCH": str(epoch)}
    command = [sys.executable, "-m", "smartshare.intranet.archive", str(folder), str(target)]
    subprocess.run(command, check=True, env=env, umask=umask)
    return target.read_bytes()


def two_copies(tmp_path):
    """One site written twice, differing in everything a careless zip would record: the order files were
    created in, their dates (decades apart, set with os.utime rather than waited for) and their permissions."""
    first = write_site(tmp_path / "one" / "site-offline", list(SITE), 978307200, 0o644)  # 2001
    second = write_site(tmp_path / "two" / "site-offline", list(reversed(SITE)), 1900000000, 0o600)  # 2030
    (second / "assets").chmod(0o700)
    return first, second


def test_the_offline_zip_depends_only_on_the_files_and_source_date_epoch(tmp_path):
    first, second = two_copies(tmp_path)
    assert os.stat(first / "index.html").st_mtime != os.stat(second / "index.html").st_mtime
    one = zip_site(first, tmp_path / "one.zip")
    two = zip_site(second, tmp_path / "two.zip", umask=0o077)
    assert one == two


def test_the_offline_zip_lists_every_file_in_order_dated_from_source_date_epoch(tmp_path):
    first, _ = two_copies(tmp_path)
    zip_site(first, tmp_path / "site.zip")
    with zipfile.ZipFile(tmp_path / "site.zip") as archive:
        entries = archive.infolist()
        assert [e.filename for e in entries] == sorted(f"site-offline/{name}" for name in SITE)
        assert {e.date_time for e in entries} == {time.gmtime(EPOCH)[:6]}
        assert {e.external_attr >> 16 for e in entries} == {0o644}
        assert {e.filename: archive.read(e) for e in entries} == {f"site-offline/{k}": v for k, v in SITE.items()}


def test_another_source_date_epoch_gives_another_zip(tmp_path):
    first, _ = two_copies(tmp_path)
    assert zip_site(first, tmp_path / "a.zip") != zip_site(first, tmp_path / "b.zip", epoch=EPOCH + 86400)
