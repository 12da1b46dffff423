"""`smartshare.cache.outputs`: the last build's site files kept in the cache as hard links, linked back into the site
where a build writes the same bytes again.

Never imports MkDocs. A warm build writes every file of the site again (9,000 at 2,000 modules, calendars and pages),
almost all with the bytes of the last build, into a site folder just emptied. On ext4 without a journal, creating a
file right after thousands were deleted costs the kernel a scan past every inode freed in the last minutes
(`find_inode_bit`, `recently_deleted`): a third of a warm build's CPU time. A hard link allocates no inode, and a
site file that the cache still links is not freed when the site is deleted.

So after the build (`keep`) every file of the site is linked into `<cache>/site/<site folder's digest>/` under the
digest of its place in the site; the next build's writes go through `write` (MkDocs' `utils.write_file`, the
calendars): where the kept file at that place holds exactly the bytes to write (compared whole, so a kept file
changed since, by a tool editing the site in place, is never taken), it is linked into the site instead of written.
Anything else (no kept file, other bytes, a file already at that place, another file system) is written as before.
The site's bytes are the same either way; the cache holds the last site's files (their space is shared with the
site as long as the site is there).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import secrets
import shutil
from collections.abc import Iterator

#: the file of a kept folder naming the site folder it keeps
SITE = "site.txt"
#: a place's name in the kept folder: its path in the site, digested (fixed length, no folders to make)
DIGEST_SIZE = 16


def _name(relative: str) -> str:
    return hashlib.blake2b(relative.encode("utf-8", "surrogateescape"), digest_size=DIGEST_SIZE).hexdigest()


def write_plainly(content: bytes, path: str) -> None:
    """`content` written to `path`, its folder made only when missing (thousands of calls share a few folders)."""
    try:
        with open(path, "wb") as out:
            out.write(content)
    except FileNotFoundError:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as out:
            out.write(content)


class KeptOutputs:
    """The site files of the last build of `site_dir`, kept in `folder` (one per site folder)."""

    def __init__(self, cache_folder: str, site_dir: str) -> None:
        site = os.path.normpath(os.path.abspath(site_dir))
        self.site = site
        self.prefix = site + os.sep
        self.folders = os.path.join(cache_folder, "site")
        self.folder = os.path.join(self.folders, _name(site))
        self.usable = True  # False once a link failed for another reason than the place (another file system)
        self.linked = 0  # files linked from the kept ones in this process

    def write(self, content: bytes, path: str) -> None:
        """What MkDocs' `utils.write_file(content, path)` does, by a link to the kept file where it holds `content`."""
        if self.usable and path.startswith(self.prefix) and self._link(content, path):
            return
        write_plainly(content, path)

    def _link(self, content: bytes, path: str) -> bool:
        kept = os.path.join(self.folder, _name(path[len(self.prefix) :]))
        try:
            with open(kept, "rb") as stored:
                if os.fstat(stored.fileno()).st_size != len(content) or stored.read() != content:
                    return False
        except OSError:
            return False
        try:
            try:
                os.link(kept, path)
            except FileNotFoundError:
                os.makedirs(os.path.dirname(path), exist_ok=True)
                os.link(kept, path)
        except FileExistsError:  # a dirty build keeps the site: the file is written over, as MkDocs does
            return False
        except OSError:  # another file system, or links not allowed: every file is written from now on
            self.usable = False
            return False
        self.linked += 1
        return True

    def keep(self) -> int:
        """After the build: every file of the site linked into the kept folder (files linked from it already are
        left as they are), kept files of places no longer in the site removed. The files newly kept."""
        try:
            os.makedirs(self.folder, exist_ok=True)
            kept = {entry.name: entry.inode() for entry in os.scandir(self.folder)}
        except OSError:
            return 0
        seen: set[str] = set()
        added = 0
        for relative, inode in _site_files(self.prefix):
            name = _name(relative)
            seen.add(name)
            if kept.get(name) == inode:
                continue
            if not self._keep_one(os.path.join(self.prefix, relative), name, replace=name in kept):
                return added
            added += 1
        for name in kept.keys() - seen - {SITE}:
            _remove(os.path.join(self.folder, name))
        if SITE not in kept:
            with open(os.path.join(self.folder, SITE), "w", encoding="utf-8") as out:
                out.write(self.site)
        self._forget_deleted_sites()
        return added

    def _forget_deleted_sites(self) -> None:
        """The kept folders of other site folders that no longer exist (a test's, a renamed site's) deleted: the
        cache would otherwise hold their files for ever."""
        for entry in os.scandir(self.folders):
            if entry.path == self.folder:
                continue
            try:
                with open(os.path.join(entry.path, SITE), encoding="utf-8") as named:
                    site = named.read()
            except OSError:
                site = ""
            if not site or not os.path.isdir(site):
                shutil.rmtree(entry.path, ignore_errors=True)

    def _keep_one(self, path: str, name: str, replace: bool) -> bool:
        target = os.path.join(self.folder, name)
        try:
            if replace:  # linked aside, then renamed over: the kept file is never missing nor half there
                aside = os.path.join(self.folder, f".{name}.{secrets.token_hex(4)}")
                os.link(path, aside)
                os.replace(aside, target)
            else:
                os.link(path, target)
        except OSError:  # another file system: nothing more is kept
            return False
        return True


def _site_files(prefix: str) -> Iterator[tuple[str, int]]:
    """Each regular file under the site folder `prefix`: its path from there and its inode (links are left out)."""
    folders = [""]
    while folders:
        folder = folders.pop()
        try:
            entries = list(os.scandir(os.path.join(prefix, folder) if folder else prefix))
        except OSError:
            continue
        for entry in entries:
            relative = f"{folder}/{entry.name}" if folder else entry.name
            if entry.is_dir(follow_symlinks=False):
                folders.append(relative)
            elif entry.is_file(follow_symlinks=False):
                yield relative.replace("/", os.sep), entry.inode()


def _remove(path: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)
