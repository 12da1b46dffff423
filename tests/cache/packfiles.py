"""The cache's entries as the tests look at them: every pack's index read afresh (cache/packs.py), not through the
process's own view of the packs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from smartshare.cache.packs import parse_index
from smartshare.cache.store import decode_entry


def locations(cache: Path) -> dict[str, tuple[Path, int, int]]:
    """Every entry's name (`<key>` or `<key>.<kind>`) with its pack, offset and length (the newest pack wins)."""
    found: dict[str, tuple[Path, int, int]] = {}
    for index in sorted((cache / "packs").glob("*.idx")):
        entries, _, _ = parse_index(index.read_bytes())
        for name, (offset, length, _) in entries.items():
            found[name] = (index.with_suffix(".pack"), offset, length)
    return found


def names(cache: Path, kind: str = "") -> list[str]:
    """The entries of one kind: `""` the Markdown renders, else "theme", "search", "memo", "findings", …"""
    return sorted(n for n in locations(cache) if (n.partition(".")[2] == kind))


def read(cache: Path, name: str) -> dict[str, Any]:
    pack, offset, length = locations(cache)[name]
    return decode_entry(pack.read_bytes()[offset : offset + length])


def damage(cache: Path, name: str, data: bytes = b'{"format": 1, "key": "trunc') -> str:
    """Overwrite the start of the entry's bytes in its pack (the pack keeps its length); returns where it is, as the
    cache's info line names it."""
    pack, offset, length = locations(cache)[name]
    with pack.open("r+b") as handle:
        handle.seek(offset)
        handle.write(data[:length])
    return f"{pack}@{offset}"
