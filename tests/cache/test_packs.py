"""cache/packs.py: the cache's entries in a few append-only packs, each written by one process, read by offset.

Each test opens the cache as a new build would (`fresh`: a new view of the packs, as in a new process), and
asserts what a later build finds: whole entries or none, damage reported with an info line, never a wrong entry."""

from __future__ import annotations

import os
import shutil
import signal

import pytest

from smartshare.cache import packs
from smartshare.cache.store import CacheStore
from smartshare.cache.sweep import Sweep

from . import packfiles

KEYS = [f"{i:02x}" * 32 for i in range(12)]


@pytest.fixture(autouse=True)
def fresh_views(monkeypatch):
    """Each test's packs seen afresh (the views are one per folder and process)."""
    monkeypatch.setattr(packs, "_PACKS", {})


def fresh(folder, told=None) -> CacheStore:
    """The cache as a new build opens it."""
    packs._PACKS.clear()
    return CacheStore(folder, lambda path, reason: (told if told is not None else []).append((path, reason)))


def html(key: str) -> str:
    return f"<p>{key[:2]}</p>" * 40


def holding(folder, count: int) -> CacheStore:
    """A cache that a build has written the pages of the first `count` KEYS into (one pack, one index)."""
    cache = fresh(folder)
    for key in KEYS[:count]:
        cache.save(key, {"html": html(key)})
    return cache


def test_entries_of_every_kind_go_into_one_pack_with_its_index(tmp_path):
    cache = fresh(tmp_path)
    for key in KEYS[:3]:
        cache.save(key, {"html": html(key)})
        cache.of_kind("theme").save(key, {"html": "themed " + key})
    assert sorted(os.listdir(tmp_path / "packs")) == sorted(f"{cache.packs.writer.id}{s}" for s in (".idx", ".pack"))
    told: list = []
    again = fresh(tmp_path, told)
    assert [again.load(key)["html"] for key in KEYS[:3]] == [html(key) for key in KEYS[:3]]
    assert again.of_kind("theme").load(KEYS[0])["html"] == "themed " + KEYS[0]
    assert again.of_kind("search").load(KEYS[0]) is None and told == []


def test_forked_writers_each_append_to_a_pack_of_their_own_and_the_build_finds_their_entries(tmp_path):
    cache = fresh(tmp_path)
    cache.save(KEYS[0], {"html": html(KEYS[0])})  # the build has its pack open before it forks
    children = []
    for worker in range(3):
        pid = os.fork()
        if pid == 0:  # a worker, as parallel.py forks them: saves, then leaves without any clean-up
            status = 1
            try:
                for key in KEYS[1 + worker :: 3]:
                    cache.save(key, {"html": html(key)})
                status = 0
            finally:
                os._exit(status)
        children.append(pid)
    for key in KEYS[1:]:  # meanwhile the build writes too (the same entries: whichever is found is the same)
        cache.of_kind("theme").save(key, {"html": "themed"})
    assert all(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) == 0 for pid in children)
    # the build finds what its workers wrote after it first read the indexes
    assert [cache.load(key)["html"] for key in KEYS] == [html(key) for key in KEYS]
    assert len(list((tmp_path / "packs").glob("*.pack"))) == 4  # one per process, none shared
    told: list = []
    later = fresh(tmp_path, told)
    assert [later.load(key)["html"] for key in KEYS] == [html(key) for key in KEYS] and told == []


def test_a_worker_killed_mid_write_leaves_nothing_a_later_build_misreads(tmp_path):
    cache = fresh(tmp_path)
    cache.save(KEYS[0], {"html": html(KEYS[0])})
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        try:
            cache.save(KEYS[1], {"html": html(KEYS[1])})
            # the bytes of an entry written, not yet its index line; then killed
            os.write(cache.packs.writer.fd, b'{"format":1,"key":"' + KEYS[2].encode())
            os.write(write, b"x")
            os.kill(os.getpid(), signal.SIGSTOP)
        finally:
            os._exit(1)
    os.read(read, 1)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    told: list = []
    later = fresh(tmp_path, told)
    assert later.load(KEYS[0])["html"] == html(KEYS[0]) and later.load(KEYS[1])["html"] == html(KEYS[1])
    assert later.load(KEYS[2]) is None and told == []
    later.save(KEYS[2], {"html": html(KEYS[2])})
    assert fresh(tmp_path).load(KEYS[2])["html"] == html(KEYS[2])


def test_a_pack_cut_short_costs_its_lost_entries_with_an_info_line(tmp_path):
    holding(tmp_path, 3)
    [pack] = (tmp_path / "packs").glob("*.pack")
    _, offset, _ = packfiles.locations(tmp_path)[KEYS[2]]
    os.truncate(pack, offset + 10)
    told: list = []
    later = fresh(tmp_path, told)
    assert later.load(KEYS[0])["html"] == html(KEYS[0]) and later.load(KEYS[2]) is None
    assert told == [(f"{pack}@{offset}", "its pack is cut short")]
    later.save(KEYS[2], {"html": html(KEYS[2])})  # rendered again, into this build's pack
    assert later.load(KEYS[2])["html"] == html(KEYS[2])
    assert fresh(tmp_path).load(KEYS[2])["html"] == html(KEYS[2])


def test_a_damaged_index_is_reported_and_its_readable_lines_still_used(tmp_path):
    holding(tmp_path, 4)
    [index] = (tmp_path / "packs").glob("*.idx")
    lines = index.read_bytes().split(b"\n")
    name, offset, length, crc, _ = lines[1].split(b"\t")
    lines[1] = packs.index_line(name.decode(), int(offset) + 3, int(length), int(crc))[:-1]  # at the wrong bytes
    lines[2] = lines[2].replace(KEYS[2][:8].encode(), KEYS[5][:8].encode())  # a damaged name: not read as another
    index.write_bytes(b"\n".join(lines[:4]) + b"\n" + lines[3][:20])  # and the last line cut short
    told: list = []
    later = fresh(tmp_path, told)
    assert later.load(KEYS[0])["html"] == html(KEYS[0])
    assert later.load(KEYS[1]) is None and later.load(KEYS[2]) is None and later.load(KEYS[3]) is not None
    reasons = [reason for _, reason in told]
    assert reasons == [
        "1 lines of its index cannot be read",
        "its last line is cut short",
        "its bytes do not match their checksum",
    ]


def test_a_deleted_cache_is_made_again_by_the_next_save(tmp_path):
    cache = fresh(tmp_path / "cache")
    cache.save(KEYS[0], {"html": html(KEYS[0])})
    shutil.rmtree(tmp_path / "cache")
    told: list = []
    assert fresh(tmp_path / "cache", told).load(KEYS[0]) is None
    # the same process (the preview server) after the folder is deleted: nothing wrong, a new pack
    assert cache.load(KEYS[1]) is None
    cache.save(KEYS[1], {"html": html(KEYS[1])})
    later = fresh(tmp_path / "cache", told)
    assert later.load(KEYS[1])["html"] == html(KEYS[1]) and later.load(KEYS[0]) is None and told == []


def build(folder, use, write=()) -> CacheStore:
    """One build: reads the entries `use`, writes `write`, and ends (the names it used written down)."""
    cache = fresh(folder)
    for key in use:
        assert cache.load(key) is not None
    for key in write:
        cache.save(key, {"html": html(key)})
    cache.finish()
    return cache


def test_compaction_drops_the_entries_the_last_builds_no_longer_used_and_keeps_the_rest(tmp_path):
    build(tmp_path, [], KEYS)  # a cold build
    [old] = (tmp_path / "packs").glob("*.pack")
    reader = fresh(tmp_path)  # a build that looked at the packs before the compaction
    assert reader.load(KEYS[0]) is not None
    for _ in range(packs.KEEP_BUILDS):  # warm builds using a third of the entries, one writing a new one
        build(tmp_path, KEYS[:4], [])
    build(tmp_path, KEYS[:4], ["ff" * 32])
    assert packs.should_compact(tmp_path / "packs")
    packs.compact(tmp_path / "packs")
    assert not packs.should_compact(tmp_path / "packs") and not old.exists()
    assert sorted(packfiles.locations(tmp_path)) == sorted([*KEYS[:4], "ff" * 32])
    told: list = []
    later = fresh(tmp_path, told)
    assert [later.load(key)["html"] for key in KEYS[:4]] == [html(key) for key in KEYS[:4]]
    assert later.load(KEYS[5]) is None and told == []
    assert len(list((tmp_path / "packs").glob("*.used"))) == packs.KEEP_BUILDS
    assert reader.load(KEYS[8])["html"] == html(KEYS[8])  # its pack, open before, still reads


def test_entries_a_worker_used_for_the_build_are_kept_by_the_next_compaction(tmp_path):
    """A worker that themes whole pages (elsewhere.py) reads entries the build never reads, and writes entries into a
    pack the build never reads: the names it hands back count as the build's own when compaction decides."""
    build(tmp_path, [], KEYS)  # a cold build: every entry in one pack
    for _ in range(packs.KEEP_BUILDS):
        cache = fresh(tmp_path)
        assert cache.load(KEYS[0]) is not None  # the build's own page
        cache.save("0a" * 32, {"html": html(KEYS[0])})  # the pack the build writes before it forks
        reading, writing = os.pipe()
        pid = os.fork()
        if pid == 0:  # the worker: one page read from the cache, one page rendered and saved
            status = 1
            try:
                os.close(reading)
                mark = cache.touched()
                cache.load(KEYS[1])
                cache.save("ee" * 32, {"html": html(KEYS[1])})
                os.write(writing, "\n".join(cache.used_since(mark)).encode())
                status = 0
            finally:
                os._exit(status)
        os.close(writing)
        handed = os.read(reading, 10_000).decode().split("\n")
        os.close(reading)
        assert os.waitpid(pid, 0)[1] == 0
        assert handed == [KEYS[1], "ee" * 32]
        cache.mark_used(handed)
        cache.finish()
    packs.compact(tmp_path / "packs")
    assert sorted(packfiles.locations(tmp_path)) == sorted([KEYS[0], KEYS[1], "0a" * 32, "ee" * 32])
    later = fresh(tmp_path)
    assert later.load(KEYS[1])["html"] == html(KEYS[1]) and later.load("ee" * 32)["html"] == html(KEYS[1])


def test_many_small_packs_are_merged_into_one(tmp_path):
    for key in KEYS[: packs.MAX_PACKS + 2]:
        build(tmp_path, [], [key])  # each build writes one entry, into a pack of its own
    for _ in range(packs.KEEP_BUILDS):  # builds that write nothing: more of them than the lists kept
        build(tmp_path, KEYS[: packs.MAX_PACKS + 2])
    assert len(list((tmp_path / "packs").glob("*.pack"))) == packs.MAX_PACKS + 2
    # no compaction ran (as in `--dirty` builds): only the last builds' lists of used entries are kept all the same
    assert len(list((tmp_path / "packs").glob("*.used"))) == packs.KEEP_BUILDS
    packs.compact(tmp_path / "packs")
    assert len(list((tmp_path / "packs").glob("*.pack"))) <= packs.MAX_PACKS
    later = fresh(tmp_path)
    assert [later.load(key)["html"] for key in KEYS[: packs.MAX_PACKS + 2]] == [
        html(key) for key in KEYS[: packs.MAX_PACKS + 2]
    ]


def test_the_sweeps_process_compacts_after_a_finished_build_and_deletes_the_old_layout(tmp_path):
    cache = tmp_path / "cache"
    (cache / "ab").mkdir(parents=True)  # an entry of the layout before packs, one file per entry
    (cache / "ab" / f"{'ab' * 32}.json").write_text("{}", encoding="utf-8")
    build(cache, [], KEYS)
    for _ in range(packs.KEEP_BUILDS):
        build(cache, KEYS[:1])
    sweep = Sweep(cache / "trash")
    assert sweep.start(str(tmp_path / "no-site")) == 0 and sweep.process is not None  # nothing moved, compacted
    sweep.wait()
    assert sorted(packfiles.locations(cache)) == KEYS[:1] and not (cache / "ab").exists()
    assert Sweep(cache / "trash").start(str(tmp_path / "no-site")) == 0  # nothing new since: no process


def test_random_damage_to_packs_and_indexes_gives_each_entry_whole_or_not_at_all(tmp_path):
    import random

    rng = random.Random(20261127)
    for round in range(40):
        folder = tmp_path / str(round)
        cache = fresh(folder)
        for key in KEYS:
            cache.save(key, {"html": html(key)})
        [pack] = (folder / "packs").glob("*.pack")
        target = pack if rng.random() < 0.5 else pack.with_suffix(".idx")
        data = bytearray(target.read_bytes())
        how = rng.choice(["flip", "cut", "garbage"])
        if how == "flip":
            for _ in range(rng.randint(1, 4)):
                data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
        elif how == "cut":
            del data[rng.randrange(len(data)) :]
        else:
            at = rng.randrange(len(data))
            data[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 30)))
        target.write_bytes(bytes(data))
        told: list = []
        later = fresh(folder, told)
        found = {key: later.load(key) for key in KEYS}
        assert all(entry is None or entry["html"] == html(key) for key, entry in found.items()), (round, how)
        if any(entry is None for entry in found.values()):
            assert told, (round, how, target.suffix)  # what was lost was said
