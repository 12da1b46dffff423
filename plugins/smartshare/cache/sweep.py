"""`smartshare.cache.sweep`: the last build's site deleted by another process while this build writes the new one.

Never imports MkDocs. `mkdocs build` empties the site folder before it writes a page (`clean_directory`: every
entry but the hidden ones, one file after another). For a warm build that is thousands of unlinks waiting on the
disk: at 500 example-shaped modules (3,000 files) 5 s of wall time on a busy disk, a fifth of the build, with the
second core idle. `Sweep.start` moves each entry MkDocs would delete into a folder of the cache (a rename: the
same file system, nothing copied), so MkDocs finds nothing left to delete, and a separate Python process deletes
that folder while the build goes on. The build waits for it at the end (`Sweep.wait`), so no build leaves a process
behind and the build's CPU time counts its work.

The site comes out the same: MkDocs' cleaning would have removed exactly those entries (hidden ones and links to
folders are left to it, as before). An entry that cannot be moved (another file system, no permission) is left
where it is, and MkDocs deletes it as usual. A folder left in the cache by a build that was killed is deleted by
the next one.

The same process then compacts the cache's packs when a build has finished since it last did (`packs.compact`: the
entries the last builds no longer used are dropped, small packs merged), so the cache does not grow forever and the
build does not pay for it on its own core.
"""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

from . import packs

#: the deleting process: the standard library only, no site-packages, no environment (`-I -S`). Arguments: the
#: folders to delete, then optionally `--compact <packs folder> <packs.py>`
DELETE = """import shutil, sys
args = sys.argv[1:]
compact = args[args.index("--compact") + 1 :] if "--compact" in args else []
for path in args[: len(args) - len(compact) - (1 if compact else 0)]:
    shutil.rmtree(path, ignore_errors=True)
if compact:
    import runpy
    try:
        runpy.run_path(compact[1], run_name="smartshare_packs")["compact"](compact[0])
    except Exception:  # a compaction that fails costs room on the disk, never the build
        pass
"""


class Sweep:
    def __init__(self, trash: str | os.PathLike, packs: str | os.PathLike | None = None) -> None:
        self.trash = Path(trash)  # `<cache>/trash`: one folder per build under it
        self.packs = Path(packs) if packs is not None else self.trash.parent / "packs"  # compacted by the process
        self.process: subprocess.Popen | None = None
        self.moved = 0

    def start(self, site_dir: str) -> int:
        """Move what MkDocs' `clean_directory` would delete out of `site_dir` and start deleting it (and compacting
        the packs, when a build finished since the last compaction); returns how many entries were moved (0: MkDocs
        cleans as usual)."""
        if self.process is not None:
            return 0
        targets = self._move(site_dir)
        compact = packs.should_compact(self.packs)
        if not targets and not compact:
            return 0
        arguments = [*targets, "--compact", str(self.packs), packs.__file__] if compact else targets
        try:
            self.process = subprocess.Popen(
                [sys.executable, "-I", "-S", "-c", DELETE, *arguments],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        except OSError:  # no process allowed: deleted here, as MkDocs would have (the compaction waits)
            import shutil

            for target in targets:
                shutil.rmtree(target, ignore_errors=True)
        return self.moved

    def _move(self, site_dir: str) -> list[str]:
        """The trash folders to delete: this build's, with what MkDocs would delete, and any a killed build left."""
        if not os.path.isdir(site_dir):
            return []
        entries = [e for e in sorted(os.listdir(site_dir)) if not e.startswith(".")]
        entries = [e for e in entries if not os.path.islink(os.path.join(site_dir, e))]  # MkDocs keeps those
        if not entries:
            return []
        folder = self.trash / secrets.token_hex(8)
        try:
            folder.mkdir(parents=True)
        except OSError:
            return []
        for entry in entries:
            try:
                os.rename(os.path.join(site_dir, entry), folder / entry)
            except OSError:  # another file system, or in use: left to MkDocs
                continue
            self.moved += 1
        if not self.moved:  # e.g. the preview server's site in /tmp: no process for an empty folder
            folder.rmdir()
            return []
        # this build's folder, and any that a killed build left behind
        return [str(p) for p in sorted(self.trash.iterdir()) if p.is_dir() and not p.is_symlink()]

    def wait(self) -> None:
        """The deleting process is done (the build ends only then)."""
        if self.process is not None:
            self.process.wait()
            self.process = None
