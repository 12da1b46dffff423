"""`smartshare.cache.findings`: what a check found in each text it read, kept across builds, so a warm build does
not read again the thousands of texts that did not change.

Never imports MkDocs. A check opens its memory with `FindingsStore.open(settings)`: one entry for the check, keyed
by the build's fingerprint (package versions, Smartshare's code), the check's name and `settings` (everything else
its result depends on, e.g. the mentor text the leak check looks for); a change of any of them starts it empty. In
it, a result per text, by the digest of the text itself (`digest`): a text that changes is simply not found. Only
the results this build used or found are saved, so the entry holds the texts of the last build and no more
(`store.Kept`, which the calendars' memo uses too). An entry that cannot be read or whose digest does not match,
or a result of a shape the check does not expect, is ignored (the check reads the text again).
"""

from __future__ import annotations

import hashlib

from .store import CacheStore, Kept, fingerprint


def digest(*parts: bytes) -> str:
    """The digest of a text as a check reads it (its bytes, and whatever else decides how it is read: its kind).
    BLAKE2b, 32 bytes: the leak check digests every learner file of every build (about 40 MB at 500 modules), and
    without SHA instructions in the processor SHA-256 takes about twice as long."""
    hashed = hashlib.blake2b(digest_size=32)
    for part in parts:
        hashed.update(len(part).to_bytes(8, "little"))
        hashed.update(part)  # not concatenated: that would copy every page's bytes once more
    return hashed.hexdigest()


class FindingsStore:
    """The memories of the checks of one cache folder."""

    def __init__(self, store: CacheStore, check: str) -> None:
        self.store = store.of_kind("findings")
        self.check = check

    def open(self, settings: str) -> Findings:
        key = hashlib.sha256(
            f"{fingerprint()}\0{self.check}\0".encode() + settings.encode("utf-8", "surrogatepass")
        ).hexdigest()
        return Findings(self.store, key)


#: one check's results by text digest: `get` what it found last time, `put` what it found now, then `save`
Findings = Kept
