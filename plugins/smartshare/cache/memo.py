"""`smartshare.cache.memo`: bytes that a plugin serialises the same way build after build (the events and time zones
of the calendar files), kept across builds in one entry of the cache.

Never imports MkDocs. Each item is looked up by a key that hashes the build's fingerprint (the format, the versions
of the packages, Smartshare's own code, the `parts` the plugin adds: the version of the library that writes the
bytes) with the item's `material`: a text that holds every value the bytes are made from, written by the code
that makes them (see `core.ical`). The entry of a site holds the items its last build used, and a digest of them
(`store.Kept`): an entry that cannot be read, or whose digest does not match, is ignored and every item made again.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Callable

from .store import CacheStore, Kept, fingerprint


class BytesMemo:
    """The items of one entry (`name`: which site and which kind of item, hashed into the entry's key), kept by
    `store.Kept` (which the checks' findings use too)."""

    def __init__(self, store: CacheStore | None, name: str, *parts: str) -> None:
        self.base = fingerprint(*parts).encode()
        self.kept = Kept(store, hashlib.sha256(f"memo\0{name}".encode("utf-8", "surrogatepass")).hexdigest())
        self.key = self.kept.key
        self.known = self.kept.known
        self.used = self.kept.used  # the items this build asked for: what the entry holds next time
        self.made = 0

    @property
    def hits(self) -> int:
        return self.kept.hits

    def get(self, material: str, make: Callable[[], bytes]) -> bytes:
        """The bytes `make` gives for `material`, from the entry when an earlier build made them."""
        key = hashlib.sha256(self.base + b"\0" + material.encode("utf-8", "surrogatepass")).hexdigest()
        text = self.kept.get(key)
        if isinstance(text, str):
            return text.encode("utf-8")
        value = make()
        self.made += 1
        with contextlib.suppress(UnicodeDecodeError):  # not text: not kept, made again next time
            self.kept.put(key, value.decode("utf-8"))
        return value

    def save(self) -> None:
        """Write the entry when this build kept a new item or left one unused (a build that changes nothing writes
        nothing, `Kept.save`)."""
        self.kept.save()
