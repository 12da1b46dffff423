"""Per-file results of the checks kept across runs, as linters keep theirs (ruff, mypy).

What one file alone decides — its YAML read into values, a module's front matter validated, the problems of a page's
body (quizzes, mentor blocks, personal data, malformed links) — is kept by the file's content, with the code and the
settings that decide it. What depends on several files (ids, references between files, "did you mean", sessions
overlapping, links between pages, translations) is checked again on every run, on the kept values.

One JSON file per docs folder in the build cache's folder (`.cache/smartshare/check/<hash>.check.json`), read
once at the start and written once at the end with the entries of this run only (a deleted file's entry goes with
it). The whole file is dropped when Smartshare's code, PyYAML or the time zone database changes; an entry whose
content digest differs is not used; anything unreadable is ignored, never trusted. Plain Python: no MkDocs.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import tempfile
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from .problems import Problem, Severity
from .schema import Issue

FORMAT = 1  # bump when an entry's layout changes
FOLDER = "check"  # under the build cache's folder


class Unstorable(Exception):
    """A value JSON cannot hold exactly (a mapping with keys that are not text, a set …): the file is not kept."""


_PLAIN = (str, int, bool, type(None))  # kept as they are (exact types: a subclass is no value YAML gives)


def encode(value: Any) -> Any:
    """`value` as JSON data that `decode` turns back into an equal value of the same types."""
    kind = type(value)
    if kind in _PLAIN:
        return value
    if kind is dict:
        encoded = {}
        for key, item in value.items():
            if type(key) is not str or key[:1] == "\0":
                raise Unstorable
            encoded[key] = item if type(item) in _PLAIN else encode(item)
        return encoded
    if kind is list:
        return [item if type(item) in _PLAIN else encode(item) for item in value]
    if kind is float:
        return value if value == value else {"\0f": "nan"}  # NaN: JSON's NaN is not equal to itself either way
    if kind is tuple:
        return {"\0u": [encode(item) for item in value]}
    if kind is dt.date:
        return {"\0d": value.isoformat()}
    if kind is dt.datetime:
        if value.tzinfo is not None and type(value.tzinfo) is not dt.timezone:
            raise Unstorable
        return {"\0t": value.isoformat()}
    raise Unstorable


def decode(data: Any) -> Any:
    """`encode`'s inverse, for JSON data read without `_tagged` (which `CheckCache.open` reads with)."""
    kind = type(data)
    if kind is dict:
        return _tagged({key: item if type(item) in _PLAIN else decode(item) for key, item in data.items()})
    if kind is list:
        return [item if type(item) in _PLAIN else decode(item) for item in data]
    return data


_TAGGED: dict[str, Callable[[Any], Any]] = {
    "\0d": dt.date.fromisoformat,
    "\0t": dt.datetime.fromisoformat,
    "\0u": tuple,
    "\0f": float,
}


def _tagged(data: dict) -> Any:
    """An object of the JSON data as `decode` gives it, its own values decoded already: the JSON parser calls it for
    each object (`object_hook`), so a file's values come back decoded in the one pass of the C parser, not in a
    second walk over 5,000 sessions and 2,000 modules in Python."""
    if len(data) == 1:
        ((key, item),) = data.items()
        if key[:1] == "\0":
            return _TAGGED[key](item)
    return data


#: what reading a kept payload of another shape raises: it is not an entry of ours, and is dropped
NOT_OURS = (ValueError, TypeError, KeyError, IndexError, AttributeError)
T = TypeVar("T")


def encode_problems(problems: Iterable[Problem]) -> list:
    """Problems without their root (the run's own is given back), the path relative to the docs folder."""
    return [[p.path, p.line, p.column, p.severity.value, p.code, p.message, p.hint, bool(p.root)] for p in problems]


def decode_problems(data: list, root: str) -> list[Problem]:
    return [
        Problem(path, line, column, Severity(severity), code, message, hint, root if rooted else "")
        for path, line, column, severity, code, message, hint, rooted in data
    ]


def encode_issues(issues: list[Issue]) -> list:
    for issue in issues:
        if not all(type(part) is str or type(part) is int for part in issue.path):
            raise Unstorable  # a key YAML read as a date or a number with a fraction: rare, checked afresh
    return [[list(i.path), i.code, i.message, i.hint, i.severity.value, i.on_key] for i in issues]


def decode_issues(data: list) -> list[Issue]:
    return [
        Issue(tuple(path), code, message, hint, Severity(severity), bool(on_key))
        for path, code, message, hint, severity, on_key in data
    ]


def _digest(extra: str, text: str) -> str:
    digest = hashlib.blake2b(extra.encode("utf-8", "surrogatepass"), digest_size=16)
    digest.update(b"\0")
    digest.update(text.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def _combined(extra: str, text_digest: str) -> str:
    """The digest of a file's content with `extra`, from the digest of its content alone (`_digest("", text)`)."""
    return _digest(extra, text_digest) if extra else text_digest


def code_fingerprint() -> str:
    """Smartshare's own code (an edit without a new version counts), the YAML parser that reads the files and the
    time zone database that says which zones exist (`TimeZone`)."""
    import yaml

    from ..cache.store import source_digest  # plain Python: no MkDocs

    return f"{FORMAT} {source_digest()} pyyaml={yaml.__version__} {_zones_version()}"


def _zones_version() -> str:
    """The tzdata package's release, else the modification time of the system's database (`zoneinfo.TZPATH`)."""
    try:
        import tzdata  # type: ignore[import-not-found]

        return f"tzdata={tzdata.IANA_VERSION}"
    except (ImportError, AttributeError):
        pass
    import zoneinfo

    stamps = []
    for folder in zoneinfo.TZPATH:
        try:
            stamps.append(str(os.stat(os.path.join(folder, "tzdata.zi")).st_mtime_ns))
        except OSError:
            stamps.append("-")
    return "zones=" + ",".join(stamps)


class CheckCache:
    """Entries by kind and file (`module:ai/chatbots.md`), each `[digest of what decides it, payload]`."""

    def __init__(self, path: str | None, fingerprint: str = "") -> None:
        self.path = path
        self.fingerprint = fingerprint
        self._old: dict[str, list] = {}
        self._new: dict[str, list] = {}
        self._missed: dict[str, str] = {}  # digests of the entries just looked up in vain, for `put`
        self._put: set[str] = set()  # entries of this run's results (the others' payloads are kept decoded)
        self._texts: dict[str, str] = {}  # digest of each text looked up: a module's text is a page's too
        self.hits = self.misses = 0
        self.changed = False

    @classmethod
    def open(cls, folder: str, docs_dir: str) -> CheckCache:
        """The cache of `docs_dir` under the build cache's `folder`; empty when missing, unreadable or stale."""
        name = hashlib.sha256(os.path.abspath(docs_dir).encode("utf-8", "surrogatepass")).hexdigest()[:32]
        # `<name>.<kind>.json`, as the build cache names its entries of a kind (cache.store): easy to tell apart
        cache = cls(os.path.join(folder, FOLDER, f"{name}.check.json"), code_fingerprint())
        try:
            with open(cache.path, encoding="utf-8") as handle:  # type: ignore[arg-type]
                data = json.load(handle, object_hook=_tagged)
        except (OSError, *NOT_OURS):  # missing, unreadable, not JSON, not UTF-8, a tag of no value: checked afresh
            return cache
        if (
            isinstance(data, dict)
            and data.get("format") == FORMAT
            and data.get("fingerprint") == cache.fingerprint
            and isinstance(data.get("entries"), dict)
        ):
            cache._old = data["entries"]
        return cache

    def recall(
        self,
        kind: str,
        src_uri: str,
        text: str,
        read: Callable[[Any], T],
        compute: Callable[[], T],
        write: Callable[[T], Any],
        extra: str = "",
    ) -> T:
        """What one file alone decides: `read` from the payload kept for this file with this content (and `extra`,
        the settings that decide it), else `compute`d and kept as the payload `write` gives (None, or `Unstorable`
        raised: not kept). A payload `read` cannot use is not an entry of ours: dropped, the result computed."""
        payload = self.get(kind, src_uri, text, extra)
        if payload is not None:
            try:
                return read(payload)
            except NOT_OURS:
                self.drop(kind, src_uri)
        result = compute()
        try:
            payload = write(result)
        except Unstorable:
            return result
        if payload is not None:
            self.put(kind, src_uri, text, payload, extra)
        return result

    def get(self, kind: str, src_uri: str, text: str, extra: str = "") -> Any:
        """The payload kept for this file with this content (and `extra`: the settings that decide it), or None.
        Its values are decoded (`decode`) as the file was read."""
        name = f"{kind}:{src_uri}"
        digest = self._digest(extra, text)
        entry = self._old.get(name)
        if isinstance(entry, list) and len(entry) == 2 and entry[0] == digest:
            self._new[name] = entry
            self.hits += 1
            return entry[1]
        self.misses += 1
        self._missed[name] = digest
        return None

    def put(self, kind: str, src_uri: str, text: str, payload: Any, extra: str = "") -> None:
        name = f"{kind}:{src_uri}"
        digest = self._missed.pop(name, None) or self._digest(extra, text)  # looked up, then put: hashed once
        self._new[name] = [digest, payload]
        self._put.add(name)
        self.changed = True

    def _digest(self, extra: str, text: str) -> str:
        text_digest = self._texts.get(text)
        if text_digest is None:
            text_digest = self._texts[text] = _digest("", text)
        return _combined(extra, text_digest)

    def retain(self, kind: str, src_uri: str) -> None:
        """Keep the entry of a file this run did not look up (answered by a cache of its own: `ModuleCache`)."""
        name = f"{kind}:{src_uri}"
        if name in self._old and name not in self._new:
            self._new[name] = self._old[name]

    def drop(self, kind: str, src_uri: str) -> None:
        """A kept payload that could not be used: checked afresh, and kept again only if it can be."""
        self._new.pop(f"{kind}:{src_uri}", None)
        self.changed = True

    def save(self) -> None:
        """Written atomically; a disk that cannot take it costs speed next time, never the check."""
        if self.path is None or (not self.changed and self._new.keys() == self._old.keys()):
            return
        entries = {}
        for name, entry in self._new.items():
            if name not in self._put:  # read from the file, its values decoded: encoded again (dates, tuples …)
                try:
                    entry = [entry[0], encode(entry[1])]
                except (Unstorable, *NOT_OURS):
                    continue
            entries[name] = entry
        data = {"format": FORMAT, "fingerprint": self.fingerprint, "entries": entries}
        text = json.dumps(data, separators=(",", ":"))
        folder = os.path.dirname(self.path)
        try:
            os.makedirs(folder, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=".json")
            with os.fdopen(handle, "w", encoding="ascii") as out:
                out.write(text)
            os.replace(temporary, self.path)
        except OSError:
            pass
