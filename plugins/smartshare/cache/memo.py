"""`smartshare.cache.memo`: bytes that a plugin serialises the same way build after build (the events and time zones
of the calendar files), kept across builds in one entry of the cache.

Never imports MkDocs. Each item is looked up by a key that hashes the build's fingerprint (the format, the versions
of the packages, Smartshare's own code, the `parts` the plugin adds: the version of the library that writes the
bytes) with the item's `material`: a text that holds every value the bytes are made from, written by the code
that makes them (see `core.ical`). The entry of a site holds the items its last build used, and a digest of them:
an entry that cannot be read, or whose digest does not match, is ignored and every item made again.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Callable

from .store import CacheStore, fingerprint


class BytesMemo:
    """The items of one entry (`name`: which site and which kind of item, hashed into the entry's key)."""

    def __init__(self, store: CacheStore | None, name: str, *parts: str) -> None:
        self.store = store
        self.key = hashlib.sha256(f"memo\0{name}".encode("utf-8", "surrogatepass")).hexdigest()
        self.base = fingerprint(*parts).encode()
        self.known = self._load()
        self.used: dict[str, str] = {}  # the items this build asked for: what the entry holds next time
        self.hits = self.made = 0

    def get(self, material: str, make: Callable[[], bytes]) -> bytes:
        """The bytes `make` gives for `material`, from the entry when an earlier build made them."""
        key = hashlib.sha256(self.base + b"\0" + material.encode("utf-8", "surrogatepass")).hexdigest()
        text = self.known.get(key)
        if text is not None:
            self.hits += 1
            self.used[key] = text
            return text.encode("utf-8")
        value = make()
        self.made += 1
        with contextlib.suppress(UnicodeDecodeError):  # not text: made again next time
            self.used[key] = value.decode("utf-8")
        return value

    def save(self) -> None:
        """Write the entry when this build made an item or left one unused (a build that changes nothing writes
        nothing)."""
        if self.store is None or (not self.made and self.used.keys() == self.known.keys()):
            return
        self.store.save(self.key, {"items": self.used, "digest": _digest(self.used)})

    def _load(self) -> dict[str, str]:
        entry = self.store.load(self.key) if self.store is not None else None
        if entry is None:
            return {}
        items = entry.get("items")
        try:
            same = isinstance(items, dict) and entry.get("digest") == _digest(items)
        except (AttributeError, TypeError, UnicodeEncodeError):  # a value that is not text
            same = False
        if not same:
            assert self.store is not None
            self.store.on_unreadable(str(self.store.path(self.key)), "its digest does not match its items")
            return {}
        return items


def _digest(items: dict[str, str]) -> str:
    digest = hashlib.sha256()
    for key in sorted(items):
        digest.update(key.encode() + b"\0" + items[key].encode("utf-8") + b"\0")
    return digest.hexdigest()
