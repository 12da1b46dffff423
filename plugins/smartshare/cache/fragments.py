"""`smartshare.cache.fragments`: pieces of a page's HTML that another plugin renders the same way build after build
(the session blocks of module, track and mentor pages), each kept in an entry of its own.

Never imports MkDocs. A piece is looked up by a key that hashes the build's fingerprint (the format, the versions of
the packages, Smartshare's own code), the digest of every template file of the theme's folders (`context.Templates`,
the themed pages' digest) and the piece's `material`: a text that holds every value the piece is made from, written
by the code that makes it (see `curriculum/agenda.py`), which knows what its templates are given.

One entry per piece rather than one for all of a site (`memo.py`): the pieces are made in the theme pass, which the
build shares with forked workers (elsewhere.py); the entries a worker reads or writes are handed back to the build
as those of its themed pages are, so the next compaction keeps them, and its counts are handed back with the page's.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from .store import CacheStore, fingerprint


class Fragments:
    """The pieces of one kind (`name`) of one build. `templates` gives the digest of the theme's template files once
    the theme pass has begun (None before: the piece is then made, not kept)."""

    def __init__(self, store: CacheStore, name: str, templates: Callable[[], str | None]) -> None:
        self.store = store
        self.base = fingerprint(name)
        self.templates = templates
        self.hits: list[str] = []  # the keys of the pieces taken from the cache (lists: handed back by workers)
        self.made: list[str] = []  # those made this build

    def get(self, material: str, make: Callable[[], str], keep: Callable[[str], bool] = lambda html: True) -> str:
        """The HTML `make` gives for `material`, from the cache when a build made it before; kept for the next build
        when `keep` says so (a piece holding something of this build only, such as a nonce, is not)."""
        templates = self.templates()
        if templates is None:
            return make()
        digest = hashlib.sha256(f"{self.base}\0{templates}\0".encode())
        digest.update(material.encode("utf-8", "surrogatepass"))
        key = digest.hexdigest()
        entry = self.store.load(key)
        if entry is not None and isinstance(entry.get("html"), str):
            self.hits.append(key)
            return entry["html"]
        html = make()
        self.made.append(key)
        if keep(html):
            self.store.save(key, {"html": html})
        return html
