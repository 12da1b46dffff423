"""`smartshare.cache.packs`: the cache's entries in a few append-only pack files, found by name through their indexes.

The standard library only, never MkDocs: the sweep's process (`python -I -S`, sweep.py) runs `compact` from this
file. One file per entry cost a cold build a file creation per entry (about 0.6 ms each: 6 s of a 2,000-module
build, 10,000 files) and a warm build an open per entry; packs cost two appends per entry and one read by offset.

Layout of `<cache>/packs/` (`<id>` = `<time in ns>-<pid>-<random>`, so names sort by age):

- `<id>.pack`: entries' bytes one after another, appended by ONE process only (the build, or one of its forked
  workers, or another build at the same time: each opens a pack of its own, so writers never share a file);
- `<id>.idx`: one line per entry of that pack, `name TAB offset TAB length TAB crc TAB line-crc NEWLINE`, appended
  once the entry's bytes are written (crc: CRC-32 of the name and the bytes; line-crc: of the line before it). A
  process killed mid-write leaves bytes that no line points to, or a line without its newline: neither is ever
  read as an entry. A damaged line fails its own CRC; a line that points at the wrong bytes (a pack cut short or
  damaged) fails the entry's: both are reported, never used;
- `<id>.used`: the names a finished build read or wrote (`Packs.finish`): what `compact` keeps;
- `compacted`: the newest `.used` file `compact` has dealt with (the build starts it only when there is a newer).

A process reads every index once (its first look-up), keeps `name -> (pack, offset, length, crc)` in memory and
reads an entry with one `pread`; a name it does not know makes it look for packs that other processes (the build's
workers) created or appended to since (one `stat` of the folder, one read per such index). The bytes of entries
are never all held in memory.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import threading
import time
import zlib
from collections.abc import Callable, Iterable
from pathlib import Path

Report = Callable[[str, str], None]  # (where, reason): `CacheStore.on_unreadable`

#: `.used` files (finished builds) whose names `compact` keeps: a build on one core and one on two, two
#: configurations of the same folder, and the language sites of one curriculum (each language's build writes its
#: own list: up to eight languages, each built on one core and on two) share the cache without dropping each
#: other's entries
KEEP_BUILDS = 16
#: packs beyond which `compact` merges the smallest (each warm build adds a small one)
MAX_PACKS = 8
#: a pack is rewritten once more than this share of its bytes is no longer used
DEAD_SHARE = 0.5
#: a folder changed less than this long ago is listed again at the next unknown name: its time stamp may not show
#: a file created in the same clock tick
SETTLE_NS = 200_000_000
#: leftovers (a temporary index of a killed compaction, a pack without an index) older than this are deleted
LEFTOVER_NS = 3600 * 10**9


def new_id() -> str:
    return f"{time.time_ns():020d}-{os.getpid()}-{secrets.token_hex(4)}"


def parse_index(data: bytes) -> tuple[dict[str, tuple[int, int, int]], int, int]:
    """The entries of an index's bytes (a later line for a name wins), the bytes consumed (whole lines), and how
    many whole lines could not be read."""
    entries: dict[str, tuple[int, int, int]] = {}
    end = data.rfind(b"\n") + 1
    bad = 0
    for line in data[:end].split(b"\n")[:-1]:
        body, _, check = line.rpartition(b"\t")
        parts = body.split(b"\t")
        try:
            if len(parts) != 4 or zlib.crc32(body) != int(check):
                raise ValueError
            name, offset, length, crc = parts[0].decode("utf-8"), int(parts[1]), int(parts[2]), int(parts[3])
        except ValueError:
            bad += 1
            continue
        if offset < 0 or length < 0 or not name:
            bad += 1
            continue
        entries[name] = (offset, length, crc)
    return entries, end, bad


def checksum(name: str, data: bytes) -> int:
    return zlib.crc32(data, zlib.crc32(name.encode("utf-8")))


def damage(name: str, data: bytes, length: int, crc: int) -> str | None:
    """What is wrong with the bytes read for an entry its index line describes (`length`, `crc`), or None."""
    if len(data) != length:
        return "its pack is cut short"
    if checksum(name, data) != crc:
        return "its bytes do not match their checksum"
    return None


def index_line(name: str, offset: int, length: int, crc: int) -> bytes:
    """An index line, ending with the CRC-32 of what comes before it (a damaged name is seen, not read as another)."""
    body = f"{name}\t{offset}\t{length}\t{crc}".encode()
    return body + b"\t" + str(zlib.crc32(body)).encode() + b"\n"


def read_all(fd: int, start: int = 0) -> bytes:
    chunks = []
    while chunk := os.pread(fd, 1 << 20, start):
        chunks.append(chunk)
        start += len(chunk)
    return b"".join(chunks)


def write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


class Pack:
    """One pack as a reader sees it: its file open for `pread` (opened with its index, so a compaction that deletes
    it later does not take it away from this process), and how far its index has been read."""

    __slots__ = ("fd", "follow", "id", "index_fd", "number", "path", "read_to")

    def __init__(self, folder: Path, id: str, fd: int, index_fd: int | None, follow: bool, number: int) -> None:
        self.number = number  # in `Packs.opened`
        self.id = id
        self.path = folder / f"{id}.pack"
        self.fd = fd
        self.index_fd = index_fd
        self.read_to = 0
        self.follow = follow  # written by another process of this build, maybe still: read its index again on a miss

    def where(self, offset: int) -> str:
        return f"{self.path}@{offset}"


#: an index entry in memory is one int (about 50 bytes, where a tuple of four was 160: 20,000 entries at 2,000
#: modules in two languages): offset, length, CRC, pack number, and whether this build used it (the lowest bit)
LENGTHS = 1 << 32
PACKS = 1 << 16


def place(offset: int, length: int, crc: int, number: int, used: int) -> int:
    return (((((offset << 32) | length) << 32 | crc) << 16 | number) << 1) | used


def unplace(value: int) -> tuple[int, int, int, int]:
    """offset, length, crc, pack number"""
    value >>= 1
    number = value & 0xFFFF
    value >>= 16
    crc = value & 0xFFFFFFFF
    value >>= 32
    return value >> 32, value & 0xFFFFFFFF, crc, number


class Packs:
    """This process's view of one cache folder's packs, and the pack it writes. One per folder and process
    (`packs_of`): every `CacheStore` of a folder, whatever its kind, shares it."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.lock = threading.Lock()  # the preview server builds on a thread of its own
        #: in a forked worker, every name it marked used, in order (read or written): what it hands back (`since`)
        self.touched: list[str] = []
        self.forked = False
        self.used_elsewhere: set[str] = set()  # names a worker used for the build (`mark_used`), not in its index
        self._reset()

    def _reset(self) -> None:
        self.pid = os.getpid()
        self.index: dict[str, int] = {}  # name: `place(...)`
        self.packs: dict[str, Pack] = {}
        self.opened: list[Pack] = []  # by number
        self.listed_at: int | None = None  # the folder's mtime when it was last listed (None: list again)
        self.scanned = False
        self.writer: Pack | None = None
        self.writer_index: int | None = None
        self.written = 0

    # reading

    def read(self, name: str, report: Report) -> tuple[bytes, str] | None:
        """The bytes of entry `name` and where they are; None when it is not there or cannot be read (reported)."""
        with self.lock:
            self._own(report)
            found = self.index.get(name)
            if found is None:
                self._refresh(report)
                found = self.index.get(name)
                if found is None:
                    return None
            offset, length, crc, number = unplace(found)
            pack = self.opened[number]
            where = pack.where(offset)
            try:
                data = os.pread(pack.fd, length, offset)
                problem = damage(name, data, length, crc)
            except OSError as error:
                problem = type(error).__name__
            if problem is not None:
                report(where, problem)
                self.index.pop(name, None)
                return None
            if not found & 1:
                self.index[name] = found | 1  # used by this build: kept by the next compaction
                if self.forked:
                    self.touched.append(name)
            return data, where

    def where(self, name: str) -> str:
        found = self.index.get(name)
        if found is None:
            return str(self.folder / name)
        offset, _, _, number = unplace(found)
        return self.opened[number].where(offset)

    def forget(self, name: str) -> None:
        """An entry read but not valid (another format): not used, not kept by the next compaction."""
        with self.lock:
            self.index.pop(name, None)

    def _refresh(self, report: Report) -> None:
        """Look for what other processes wrote since: new packs (the folder changed), and lines appended to the
        indexes of packs this process did not see at its first look (its workers')."""
        try:
            changed = os.stat(self.folder).st_mtime_ns
        except OSError:  # no cache folder (not made yet, or deleted): nothing to find
            self._drop_all()
            return
        if changed != self.listed_at:
            self._list(report, follow=self.scanned)
            self.listed_at = changed if time.time_ns() - changed > SETTLE_NS else None
        self.scanned = True
        for pack in self.packs.values():
            if pack.follow:
                self._read_index(pack, report, final=False)

    def _list(self, report: Report, follow: bool) -> None:
        try:
            names = os.listdir(self.folder)
        except OSError:
            return
        for file in sorted(names):
            if not file.endswith(".idx") or file[:-4] in self.packs:
                continue
            id = file[:-4]
            try:
                fd = os.open(self.folder / f"{id}.pack", os.O_RDONLY)
            except OSError:  # deleted by a compaction since the listing, or not readable: its entries are elsewhere
                continue
            try:
                index_fd = os.open(self.folder / file, os.O_RDONLY)
            except OSError:
                os.close(fd)
                continue
            if len(self.opened) >= PACKS:  # never so many (compaction keeps a few): the rest are not read
                os.close(fd)
                os.close(index_fd)
                return
            pack = self.packs[id] = Pack(self.folder, id, fd, index_fd, follow, len(self.opened))
            self.opened.append(pack)
            self._read_index(pack, report, final=not follow)

    def _read_index(self, pack: Pack, report: Report, final: bool) -> None:
        if pack.index_fd is None:
            return
        try:
            data = read_all(pack.index_fd, pack.read_to)
        except OSError as error:
            report(str(pack.path.with_suffix(".idx")), type(error).__name__)
            self._close_index(pack)
            return
        if not data:
            return
        entries, end, bad = parse_index(data)
        pack.read_to += end
        if bad:
            report(str(pack.path.with_suffix(".idx")), f"{bad} lines of its index cannot be read")
        if final and end < len(data):  # a writer writes whole lines: a line cut short is a damaged index
            report(str(pack.path.with_suffix(".idx")), "its last line is cut short")
        number, index = pack.number, self.index
        for name, (offset, length, crc) in entries.items():
            if length < LENGTHS and 0 <= crc < LENGTHS:
                index[name] = place(offset, length, crc, number, index.get(name, 0) & 1)  # a worker's newer copy
        if final:
            self._close_index(pack)

    @staticmethod
    def _close_index(pack: Pack) -> None:
        if pack.index_fd is not None:
            with contextlib.suppress(OSError):
                os.close(pack.index_fd)
            pack.index_fd = None
        pack.follow = False

    def _drop_all(self) -> None:
        """The folder is gone (deleted by hand): forget what was in it; open files are closed, the next write starts
        a new pack."""
        for pack in self.packs.values():
            with contextlib.suppress(OSError):
                os.close(pack.fd)
            self._close_index(pack)
        if self.writer_index is not None:
            with contextlib.suppress(OSError):
                os.close(self.writer_index)
        self._reset()
        self.scanned = True

    def _own(self, report: Report) -> None:
        """In a forked worker: the build's pack stays readable here, but this process writes a pack of its own."""
        if self.pid != os.getpid():
            self.pid = os.getpid()
            self.writer, self.writer_index, self.written = None, None, 0
            self.forked = True
        if not self.scanned:
            self._refresh(report)

    # writing

    def write(self, name: str, data: bytes, report: Report) -> str | None:
        """Append entry `name`; returns None, or why it was not written (a read-only or full disk)."""
        with self.lock:
            self._own(report)
            if len(data) >= LENGTHS:
                return "too large"
            try:
                if self.writer is None or not os.path.exists(self.writer.path):  # the cache was deleted by hand
                    self._open_writer()
                    if self.writer is None:
                        return "too many packs"
                assert self.writer is not None and self.writer_index is not None
                offset, crc = self.written, checksum(name, data)
                write_all(self.writer.fd, data)
                self.written += len(data)
                write_all(self.writer_index, index_line(name, offset, len(data), crc))
            except OSError as error:
                self.writer = None  # a pack half written is left as it is: its index does not point past `written`
                return error.strerror or str(error)
            self.index[name] = place(offset, len(data), crc, self.writer.number, 1)
            if self.forked:
                self.touched.append(name)
            return None

    def _open_writer(self) -> None:
        if not os.path.isdir(self.folder):
            self._drop_all()
        self.folder.mkdir(parents=True, exist_ok=True)
        id = new_id()
        flags = os.O_CREAT | os.O_EXCL | os.O_APPEND | getattr(os, "O_CLOEXEC", 0)
        fd = os.open(self.folder / f"{id}.pack", flags | os.O_RDWR, 0o644)
        if len(self.opened) >= PACKS:
            os.close(fd)
            os.unlink(self.folder / f"{id}.pack")
            return
        self.writer_index = os.open(self.folder / f"{id}.idx", flags | os.O_WRONLY, 0o644)
        self.writer = self.packs[id] = Pack(self.folder, id, fd, None, False, len(self.opened))
        self.opened.append(self.writer)
        self.written = 0

    def since(self, mark: int) -> list[str]:
        """The names marked used after `len(self.touched)` was `mark`."""
        return self.touched[mark:]

    def mark_used(self, names: Iterable[str]) -> None:
        """Names a forked worker used on the build's behalf (read, or written to its own pack, which the build never
        reads): kept by the next compaction as if the build had used them."""
        with self.lock:
            for name in names:
                found = self.index.get(name)
                if found is None:
                    self.used_elsewhere.add(name)
                elif not found & 1:
                    self.index[name] = found | 1

    def finish(self) -> None:
        """The build is over: write which entries it used, for the next compaction (never from a forked worker)."""
        with self.lock:
            used = [name for name, value in self.index.items() if value & 1]
            used += self.used_elsewhere.difference(used)
            if self.pid != os.getpid() or not used:
                return
            for name in used:
                if name in self.index:
                    self.index[name] &= ~1
            self.used_elsewhere = set()
            id = new_id()
            try:
                self.folder.mkdir(parents=True, exist_ok=True)
                temporary = self.folder / f"{id}.used.tmp"
                temporary.write_bytes("\n".join(sorted(used)).encode("utf-8") + b"\n")
                os.replace(temporary, self.folder / f"{id}.used")
                # only the last builds' count (`compact`): older lists go now, even if no compaction runs (`--dirty`)
                for old in sorted(f for f in os.listdir(self.folder) if f.endswith(".used"))[:-KEEP_BUILDS]:
                    os.unlink(self.folder / old)
            except OSError:  # nothing kept: the next compaction waits for a build that can write
                pass


_PACKS: dict[Path, Packs] = {}
_PACKS_LOCK = threading.Lock()


def packs_of(folder: Path) -> Packs:
    """The one `Packs` of `folder` in this process."""
    folder = Path(os.path.abspath(folder))
    with _PACKS_LOCK:
        found = _PACKS.get(folder)
        if found is None:
            found = _PACKS[folder] = Packs(folder)
        return found


# compaction, in the sweep's process


def stamp(file: str) -> int:
    try:
        return int(file.split("-", 1)[0])
    except ValueError:
        return 0


def should_compact(folder: str | os.PathLike) -> bool:
    """Whether a build finished since the last compaction (cheap: one listing of the packs folder)."""
    try:
        used = sorted(f for f in os.listdir(folder) if f.endswith(".used"))
    except OSError:
        return False
    if not used:
        return False
    try:
        done = Path(folder, "compacted").read_text(encoding="utf-8").strip()
    except (OSError, ValueError):
        done = ""
    return used[-1] != done


def compact(folder: str | os.PathLike) -> None:
    """Rewrite the packs whose entries the last builds mostly no longer use, keeping only the used ones; merge small
    packs when there are many; delete what a killed process left. Runs beside a build: only packs older than the
    last finished build are touched, a new pack and its index appear whole (the index last, by a rename) before
    the old ones go, and a build that has already opened an old pack reads on from it."""
    folder = Path(folder)
    try:
        lock = os.open(folder / "lock", os.O_CREAT | os.O_RDWR, 0o644)
    except OSError:
        return
    try:
        import fcntl

        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except ImportError:
        pass
    except OSError:  # another build's compaction is at it
        os.close(lock)
        return
    try:
        _compact(folder)
    finally:
        os.close(lock)


def _compact(folder: Path) -> None:
    files = sorted(os.listdir(folder))
    now = time.time_ns()
    used_files = [f for f in files if f.endswith(".used")]
    if not used_files:
        return
    for old in used_files[:-KEEP_BUILDS]:
        with contextlib.suppress(OSError):
            os.unlink(folder / old)
    used_files = used_files[-KEEP_BUILDS:]
    live: set[str] = set()
    for file in used_files:
        with contextlib.suppress(OSError, ValueError):
            live.update((folder / file).read_bytes().decode("utf-8").split("\n"))
    newest = stamp(used_files[-1])
    ids = {f[:-4] for f in files if f.endswith(".idx")}
    for file in files:  # leftovers of killed processes
        stem, _, suffix = file.rpartition(".")
        if now - stamp(file) > LEFTOVER_NS and (suffix == "tmp" or (suffix == "pack" and stem not in ids)):
            with contextlib.suppress(OSError):
                os.unlink(folder / file)
    candidates = []  # (id, size, live entries)
    for id in sorted(ids):
        if stamp(id) >= newest:
            continue  # written by a build that has not finished (this one), or since the last finished one
        try:
            entries, _, _ = parse_index((folder / f"{id}.idx").read_bytes())
            size = os.stat(folder / f"{id}.pack").st_size
        except OSError:
            continue
        kept = {name: place for name, place in entries.items() if name in live and place[0] + place[1] <= size}
        candidates.append((id, size, kept))
    rewrite = [c for c in candidates if size_of(c[2]) < (1 - DEAD_SHARE) * c[1]]
    chosen = {c[0] for c in rewrite}
    rest = sorted((c for c in candidates if c[0] not in chosen), key=lambda c: c[1])
    while rest and len(rest) + 1 > MAX_PACKS:
        rewrite.append(rest.pop(0))
    if rewrite:
        _rewrite(folder, rewrite)
    for old in folder.parent.iterdir():  # the layout before packs: one file per entry under two hex digits
        if len(old.name) == 2 and all(c in "0123456789abcdef" for c in old.name) and old.is_dir():
            import shutil

            shutil.rmtree(old, ignore_errors=True)
    temporary = folder / "compacted.tmp"
    with contextlib.suppress(OSError):
        temporary.write_text(used_files[-1], encoding="utf-8")
        os.replace(temporary, folder / "compacted")


def size_of(entries: dict[str, tuple[int, int, int]]) -> int:
    return sum(length for _, length, _ in entries.values())


def _rewrite(folder: Path, packs: Iterable[tuple[str, int, dict[str, tuple[int, int, int]]]]) -> None:
    id = new_id()
    done: set[str] = set()
    lines = []
    written = 0
    with open(folder / f"{id}.pack", "xb") as out:
        for old, _, entries in packs:
            try:
                fd = os.open(folder / f"{old}.pack", os.O_RDONLY)
            except OSError:
                continue
            try:
                for name, (offset, length, crc) in sorted(entries.items(), key=lambda e: e[1][0]):
                    if name in done:
                        continue
                    data = os.pread(fd, length, offset)
                    if damage(name, data, length, crc) is not None:
                        continue  # damaged: dropped (the build that needs it makes it again)
                    out.write(data)
                    lines.append(index_line(name, written, length, crc))
                    written += length
                    done.add(name)
            finally:
                os.close(fd)
    temporary = folder / f"{id}.idx.tmp"
    temporary.write_bytes(b"".join(lines))
    os.replace(temporary, folder / f"{id}.idx")
    for old, _, _ in packs:
        for suffix in (".idx", ".pack"):
            with contextlib.suppress(OSError):
                os.unlink(folder / f"{old}{suffix}")
