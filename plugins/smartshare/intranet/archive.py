"""Zip a built site so that two zips of one commit are identical: sorted entries, one fixed timestamp.

Usage: python -m smartshare.intranet.archive site-offline smartshare-offline.zip [--exclude mentor]
(the folder's name becomes the zip's top folder; the date comes from SOURCE_DATE_EPOCH, else 1980-01-01).
`--exclude PATH` leaves a folder of the site out: the learners' edition is the site without its mentor area,
in each language site too (`en/mentor/`, `fr/mentor/` … of a site with `languages`).
"""

from __future__ import annotations

import os
import sys
import time
import zipfile
from pathlib import Path

from ..core.translations import LANGUAGE_CODE


def zip_site(folder: Path, target: Path, exclude: str | None = None) -> None:
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    stamp = time.gmtime(max(int(epoch), 315532800))[:6] if epoch.isdigit() else (1980, 1, 1, 0, 0, 0)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        left_out = exclude.strip("/") + "/" if exclude else None
        sites = language_sites(folder)
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            relative = path.relative_to(folder).as_posix()
            first, _, rest = relative.partition("/")
            if left_out and (relative.startswith(left_out) or (first in sites and rest.startswith(left_out))):
                continue
            info = zipfile.ZipInfo(f"{folder.name}/{relative}", stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())


def language_sites(folder: Path) -> set[str]:
    """The language sites of a multilingual build (`en/`, `fr/` …): folders named by a language code that are
    sites of their own (their own 404 page), next to the root's language chooser."""
    return {
        p.name for p in folder.iterdir() if p.is_dir() and LANGUAGE_CODE.match(p.name) and (p / "404.html").is_file()
    }


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    exclude = None
    if "--exclude" in args:
        at = args.index("--exclude")
        exclude = args[at + 1]
        args = args[:at] + args[at + 2 :]
    folder, target = args[:2]
    zip_site(Path(folder), Path(target), exclude)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
