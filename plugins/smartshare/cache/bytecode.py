"""`smartshare.cache.bytecode`: the theme's and our templates compiled once, kept across builds.

Jinja compiles a template from its source the first time an environment loads it, and every build makes new
environments (MkDocs' theme, ours in `plugin_support.template_env`): a warm build compiled some 80 templates again,
a tenth of its time. `TemplateBytecode` is a Jinja bytecode cache in the build cache's folder (`jinja/`).

Jinja checks a stored template against its source (a checksum) and its own format and Python's major.minor version
(the bucket's header). The file's key holds everything else that changes the compiled code: the exact Python and
Jinja versions, Smartshare's fingerprint (package versions, our own code: `store.fingerprint`), the template's name
and file, and the environment as the compiler sees it (`environment_text`: its settings, extensions, filters and
tests). A file is framed with a digest of its bytes: a truncated or corrupted file is ignored (the template is
compiled from source and the file written again), never loaded.
"""

from __future__ import annotations

import hashlib
import io
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2
from jinja2.bccache import Bucket, BytecodeCache
from jinja2.utils import _PassArg

from .store import fingerprint, key_of

MAGIC = b"smartshare-jinja 1\n"
_PLAIN = (str, int, float, bool, type(None))


class TemplateBytecode(BytecodeCache):
    """Compiled templates under `folder`, one file per template, environment and version (see the module's text)."""

    def __init__(self, folder: str | os.PathLike, on_unreadable: Callable[[str, str], None]) -> None:
        self.folder = Path(folder)
        self.on_unreadable = on_unreadable  # (path, reason), as the cache's other entries
        self._fingerprint = ""

    def get_bucket(self, environment: jinja2.Environment, name: str, filename: str | None, source: str) -> Bucket:
        if not self._fingerprint:  # package versions and our code's digest: computed once per process
            self._fingerprint = fingerprint(f"jinja2={jinja2.__version__}", sys.version, sys.implementation.cache_tag)
        key = key_of(self._fingerprint, environment_text(environment), name, filename or "")
        bucket = Bucket(environment, key, self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket

    def path(self, key: str) -> Path:
        return self.folder / f"{key}.jinja"

    def load_bytecode(self, bucket: Bucket) -> None:
        path = self.path(bucket.key)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            return
        except OSError as error:
            self.on_unreadable(str(path), type(error).__name__)
            return
        head = len(MAGIC) + 32
        if data[: len(MAGIC)] != MAGIC or hashlib.sha256(data[head:]).digest() != data[len(MAGIC) : head]:
            self.on_unreadable(str(path), "not a compiled template of this cache")
            return
        bucket.load_bytecode(io.BytesIO(data[head:]))  # Jinja's own checks: its format, Python's, the source's

    def dump_bytecode(self, bucket: Bucket) -> None:
        payload = io.BytesIO()
        bucket.write_bytecode(payload)
        data = payload.getvalue()
        path = self.path(bucket.key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".jinja")
            with os.fdopen(handle, "wb") as out:
                out.write(MAGIC + hashlib.sha256(data).digest() + data)
            os.replace(temporary, path)  # whole or not at all: workers of the same build may write it too
        except OSError as error:  # a read-only or full disk costs speed, never the build
            self.on_unreadable(str(path), f"not written: {error.strerror or error}")

    def clear(self) -> None:
        for path in self.folder.glob("*.jinja"):
            path.unlink(missing_ok=True)


def environment_text(env: jinja2.Environment) -> str:
    """What of an environment the compiler reads, as text: its classes, every plain setting (delimiters, whitespace
    control, autoescaping, the i18n extension's `newstyle_gettext`, …), its extensions, and the names of its filters
    and tests with what each is passed (the compiler checks that a filter exists and how to call it)."""
    parts = [_callable(type(env)), _callable(env.code_generator_class), _callable(env.context_class)]
    for name, value in sorted(vars(env).items()):
        if isinstance(value, _PLAIN):
            parts.append(f"{name}={value!r}")
        elif name in ("autoescape", "finalize"):
            parts.append(f"{name}={_callable(value)}")
    parts.append(repr(sorted((name, ext.priority, _callable(type(ext))) for name, ext in env.extensions.items())))
    parts.append(repr(sorted((k, v) for k, v in env.policies.items() if isinstance(v, _PLAIN))))
    for table in (env.filters, env.tests):
        parts.append(",".join(f"{name}:{_pass(value)}" for name, value in sorted(table.items())))
    return "\n".join(parts)


def _pass(value: Any) -> str:
    passed = _PassArg.from_obj(value)
    return passed.name if passed is not None else ""


def _callable(value: Any) -> str:
    """A function or class by its qualified name and what it is passed; a closure with its plain values (Jinja's
    `select_autoescape` returns one whose extensions decide); anything else by a text that never matches."""
    name = f"{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', type(value).__qualname__)}"
    cells = []
    for cell in getattr(value, "__closure__", None) or ():
        content = cell.cell_contents
        if isinstance(content, (tuple, frozenset, list)) and all(isinstance(v, _PLAIN) for v in content):
            content = sorted(content, key=repr) if isinstance(content, frozenset) else list(content)
        elif not isinstance(content, _PLAIN):
            return f"{name}@{id(value)}"  # not described: compiled again in each build (never a wrong template)
        cells.append(repr(content))
    return f"{name}:{_pass(value)}({','.join(cells)})"
