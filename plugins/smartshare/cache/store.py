"""`smartshare.cache.store`: cache entries on disk (JSON, kept in packs: packs.py), and the build's fingerprint.

Never imports MkDocs. An entry is looked up by a key that hashes everything its content depends on (see
`fingerprint` and `render.PageRenderCache.key`); an entry that cannot be read is ignored, never trusted.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .packs import packs_of

FORMAT = 1  # bump when the layout of an entry changes: older entries are then simply never found
# Distributions whose code turns Markdown into a page's HTML (Markdown, its extensions, the highlighter), themes it
# (Jinja, the theme) or indexes it (Material's search segments Chinese text with jieba when it is installed)
PACKAGES = (
    "smartshare",
    "mkdocs",
    "properdocs",
    "markdown",
    "pymdown-extensions",
    "pygments",
    "mkdocs-material",
    "jinja2",
    "jieba",
)
PACKAGE_DIR = Path(__file__).resolve().parent.parent


class CacheStore:
    """Entries as JSON in the packs of `folder/packs/` (packs.py: a few append-only files shared by every kind,
    each process appending to its own; a build interrupted halfway leaves whole entries or none)."""

    def __init__(self, folder: str | os.PathLike, on_unreadable: Callable[[str, str], None], kind: str = "") -> None:
        self.folder = Path(folder)
        self.on_unreadable = on_unreadable  # (path, reason): the plugin logs an info line
        self.kind = kind  # "" for Markdown renders; "theme", "search", "manifest": entries named `<key>.<kind>`
        self.packs = packs_of(self.folder / "packs")

    def of_kind(self, kind: str) -> CacheStore:
        """The same folder, for entries of another kind (their own name suffix: easy to tell apart)."""
        return CacheStore(self.folder, self.on_unreadable, kind)

    def name(self, key: str) -> str:
        return f"{key}.{self.kind}" if self.kind else key

    def path(self, key: str) -> Path:
        """Where the entry of `key` is (`<pack>@<offset>`), for messages."""
        return Path(self.packs.where(self.name(key)))

    def load(self, key: str) -> dict[str, Any] | None:
        name = self.name(key)
        found = self.packs.read(name, self.on_unreadable)
        if found is None:
            return None
        data, where = found
        try:
            entry = decode_entry(data)
        except ValueError:  # UnicodeDecodeError too
            self.packs.forget(name)
            self.on_unreadable(where, "not valid JSON")
            return None
        if not isinstance(entry, dict) or entry.get("format") != FORMAT or entry.get("key") != key:
            self.packs.forget(name)
            self.on_unreadable(where, "not an entry of this cache")
            return None
        return entry

    def save(self, key: str, entry: dict[str, Any]) -> None:
        name = self.name(key)
        if "\t" in name or "\n" in name:  # not a name an index line can hold
            return
        try:
            data = encode_entry({"format": FORMAT, "key": key, **entry})
        except (TypeError, ValueError):  # a value JSON cannot hold: not cached, rendered again next time
            return
        failed = self.packs.write(name, data, self.on_unreadable)
        if failed is not None:  # a read-only or full disk costs speed, never the build
            self.on_unreadable(str(self.folder / "packs"), f"not written: {failed}")

    def touched(self) -> int:
        """A mark for `used_since` (in a forked worker)."""
        return len(self.packs.touched)

    def used_since(self, mark: int) -> list[str]:
        """The entries a forked worker used (read or wrote) since `mark`: handed back to the build (`mark_used`)."""
        return self.packs.since(mark)

    def mark_used(self, names: list[str]) -> None:
        self.packs.mark_used(names)

    def finish(self) -> None:
        """The build is over: record which entries it used, so that compaction keeps them and drops the rest."""
        self.packs.finish()


#: the value of an entry kept after its JSON, as it is, when it is text: a page's HTML (JSON escapes its every quote,
#: and decoding it was most of the cost of reading a themed page's entry)
RAW = "html"


def encode_entry(entry: dict[str, Any]) -> bytes:
    """An entry's bytes: its JSON (one line: JSON writes a newline inside text as `\\n`), then, when its RAW value is
    text, a newline and that text as it is (the JSON then names it in `raw`)."""
    raw = entry.get(RAW)
    if not isinstance(raw, str):
        return json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    head = {name: value for name, value in entry.items() if name != RAW}
    head["raw"] = RAW
    return json.dumps(head, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n" + raw.encode("utf-8")


def decode_entry(data: bytes) -> Any:
    """What `encode_entry` wrote (or an entry written as JSON alone, before RAW)."""
    head, newline, raw = data.partition(b"\n")
    entry = json.loads(head)
    if isinstance(entry, dict) and entry.get("raw") == RAW and newline:
        del entry["raw"]
        entry[RAW] = raw.decode("utf-8")
    elif newline:
        raise ValueError("text after the entry's JSON")
    return entry


def new_digest(data: bytes = b"") -> Any:
    """The hash of the cache's keys and digests: BLAKE2b, 32 bytes (64 hex digits, as SHA-256's were). The build's
    processors have no SHA instructions: OpenSSL's SHA-256 hashed about 83 MB/s there, BLAKE2b about 170 MB/s, and
    every page's key hashes its content. Keys of another hash never meet these: an older cache simply misses."""
    return hashlib.blake2b(data, digest_size=32)


def key_of(*parts: str, head: bytes = b"") -> str:
    """An entry's key: the digest (`new_digest`) of `head`, then of each of `parts` followed by the separator
    `\\0\\1`. Each part is hashed as it is encoded: joined to the separator first, a page's content was copied once
    more."""
    digest = new_digest(head)
    for part in parts:
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0\1")
    return digest.hexdigest()


def fingerprint(*parts: str) -> str:
    """What every entry of one configuration shares: the format, the versions of the packages that render
    Markdown, a digest of Smartshare's own code (an edit without a new version still invalidates), and `parts`
    (the Markdown configuration, written stably by `stable`)."""
    digest = hashlib.sha256(f"smartshare-cache {FORMAT}\n".encode())
    for package in PACKAGES:
        digest.update(f"{package}={package_version(package)}\n".encode())
    digest.update(source_digest().encode())
    for part in parts:
        digest.update(b"\0" + part.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


#: each package's version, read once per process: `fingerprint` is asked for by every kind of entry (six or more times a
#: build), and `importlib.metadata` looked through every folder of `sys.path` each time (50 ms for the nine packages);
#: a process runs the code it imported at its start, whatever is installed since
_VERSIONS: dict[str, str] = {}


def package_version(package: str) -> str:
    if package not in _VERSIONS:
        from importlib.metadata import PackageNotFoundError, version  # 0.1 s: `smartshare check` asks for one version

        try:
            _VERSIONS[package] = version(package)
        except PackageNotFoundError:
            _VERSIONS[package] = ""
    return _VERSIONS[package]


_SOURCE_DIGEST: dict[Path, str] = {}


def source_digest(folder: Path = PACKAGE_DIR) -> str:
    """A hash of Smartshare's Python files (about 0.5 MB, read once per process)."""
    if folder not in _SOURCE_DIGEST:
        digest = hashlib.sha256()
        for path in sorted(folder.rglob("*.py")):
            digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
        _SOURCE_DIGEST[folder] = digest.hexdigest()
    return _SOURCE_DIGEST[folder]


def stable(value: Any) -> str:
    """A text for a configuration value that is the same in every process (no memory addresses): functions by
    their qualified name, Markdown extension objects by class and settings, other objects by class."""
    if value is None or isinstance(value, (str, int, float, bool)):
        return repr(value)
    if isinstance(value, dict):
        return "{" + ",".join(sorted(f"{stable(k)}:{stable(v)}" for k, v in value.items())) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ",".join(stable(v) for v in value) + "]"
    if isinstance(value, (set, frozenset)):
        return "{" + ",".join(sorted(stable(v) for v in value)) + "}"
    kind = type(value)
    name = getattr(value, "__qualname__", None)
    if name and callable(value) and not hasattr(value, "getConfigs"):
        return f"{getattr(value, '__module__', '')}.{name}"
    text = f"{kind.__module__}.{kind.__qualname__}"
    if hasattr(value, "getConfigs"):  # a Markdown extension given as an object
        text += stable(value.getConfigs())
    if hasattr(value, "cache_fingerprint"):  # what else changes its output (see render.py)
        text += stable(value.cache_fingerprint())
    return text


class Kept:
    """Results a build keeps for the next one, in one entry of the cache, by item: `get` what the last build kept
    (kept again for the next one), `put` what this build made; `save` writes the items this build used or made, with
    a digest of them, and only when they differ from what was read (a build that changes nothing writes nothing).
    An entry that cannot be read, or whose digest does not match its items, is ignored with an info line: every
    item is made again. Two uses: a check's result per text (`findings.py`), bytes a library wrote (`memo.py`)."""

    def __init__(self, store: CacheStore | None, key: str) -> None:
        self.store = store
        self.key = key
        self.known: dict[str, Any] = self._load()  # what the last build kept
        self.used: dict[str, Any] = {}  # what this build used or made: what the entry holds next time
        self.hits = 0
        self.made = 0

    def get(self, item: str) -> Any:
        """What the last build kept for `item`, or None."""
        value = self.known.get(item)
        if value is not None:
            self.hits += 1
            self.used[item] = value
        return value

    def put(self, item: str, value: Any) -> None:
        self.used[item] = value
        self.made += 1

    def save(self) -> None:
        if self.store is None or (not self.made and self.used.keys() == self.known.keys()):
            return
        self.store.save(self.key, {"items": self.used, "digest": kept_digest(self.used)})

    def _load(self) -> dict[str, Any]:
        entry = self.store.load(self.key) if self.store is not None else None
        if entry is None:
            return {}
        items = entry.get("items")
        try:
            same = isinstance(items, dict) and entry.get("digest") == kept_digest(items)
        except (AttributeError, TypeError, ValueError):  # a key that is not text, a value JSON cannot write
            same = False
        if not same:
            assert self.store is not None
            self.store.on_unreadable(str(self.store.path(self.key)), "its digest does not match its items")
            return {}
        return items


def kept_digest(items: dict[str, Any]) -> str:
    """The digest of a `Kept` entry's items: each key with its value (text as it is, anything else as JSON)."""
    digest = hashlib.sha256()
    for key in sorted(items):
        value = items[key]
        text = value if isinstance(value, str) else json.dumps(value, sort_keys=True, ensure_ascii=False)
        digest.update(key.encode() + b"\0" + text.encode("utf-8") + b"\0")
    return digest.hexdigest()
