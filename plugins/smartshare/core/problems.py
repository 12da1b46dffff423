"""One `Problem` type for every author mistake, and the collector that gathers them for one report."""

from __future__ import annotations

import enum
import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field, replace


class Severity(str, enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    #: a state worth knowing that is no mistake (a translation not written yet, or older than its source): printed,
    #: never counted by `--strict`
    INFO = "info"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True, order=True)
class Problem:
    """A mistake in an author's file, located precisely enough for an editor to jump to it.

    With a `root`, `path` is relative to it ("ai/chatbots.md" under the curriculum folder) and is shown relative to
    the working folder only when printed, so a problem means the same wherever the process runs (and can be kept
    in a cache). Without one, `path` is shown as it is.
    """

    path: str
    line: int
    column: int
    severity: Severity
    code: str
    message: str
    hint: str = ""
    root: str = field(default="", compare=False)

    @property
    def shown_path(self) -> str:
        return display_path(os.path.join(self.root, self.path)) if self.root else self.path

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def format(self) -> str:
        """`path:line:col: severity [code] message — hint`, the shape compilers and linters use.

        Always one printable line, whatever the author's text quoted in the message holds (see `one_line`).
        """
        text = f"{self.shown_path}:{self.line}:{self.column}: {self.severity} [{self.code}] {self.message}"
        return one_line(f"{text} — {self.hint}" if self.hint else text)

    def format_github(self) -> str:
        """A GitHub Actions workflow command, shown as an annotation on the offending line."""
        kind = {Severity.ERROR: "error", Severity.WARNING: "warning"}.get(self.severity, "notice")
        text = one_line(f"[{self.code}] {self.message}" + (f" — {self.hint}" if self.hint else ""))
        text = text.replace("%", "%25")
        return f"::{kind} file={one_line(self.shown_path)},line={self.line},col={self.column}::{text}"

    def as_dict(self) -> dict:
        data = asdict(self)
        del data["root"]
        data["path"] = self.shown_path
        data = {key: one_line(value) if isinstance(value, str) else value for key, value in data.items()}
        data["severity"] = str(self.severity)
        return data

    def __str__(self) -> str:
        return self.format()


# Line breaks of any kind (editors and CI split problems on them), other control characters, and lone surrogates
# (from file names that are not UTF-8, or YAML escapes: no terminal encoding can print them).
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def one_line(text: str) -> str:
    """`text` with every character that could break a line or the terminal's encoding written as Python escapes.

    The one place where author text quoted in a message is made safe to print: `'a\\nb'` stays one line and a
    lone surrogate becomes `\\udc80` instead of a `UnicodeEncodeError`.
    """
    if not _UNPRINTABLE.search(text):
        return text  # nearly every message: no copy
    return _UNPRINTABLE.sub(lambda match: repr(match.group())[1:-1], text)


def quoted(value: object, limit: int = 80) -> str:
    """An author's value inside a message: in quotes, on one line, its middle elided when it is long.

    `'1h30'`; a 300 KB paste becomes `'aaaa … aaaa' (300,000 characters)` instead of a 300 KB message.
    """
    text = str(value)
    if len(text) > limit:
        text = f"{text[: limit // 2]} … {text[-(limit // 4) :]}' ({len(text):,} characters)"
        return one_line("'" + text)
    return one_line(f"'{text}'")


def display_path(path: str | os.PathLike) -> str:
    """A path as a person at the repository root would type it (relative when under the working dir)."""
    path = os.fspath(path)
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return path
    return path if relative.startswith("..") else relative.replace(os.sep, "/")


@dataclass
class Problems:
    """Collects every problem of a run so they are reported together, in file and line order.

    With a `root`, paths given without one are taken as relative to it (see `Problem`).
    """

    items: list[Problem] = field(default_factory=list)
    root: str = ""

    def add(self, problem: Problem) -> None:
        self.items.append(self._rooted(problem))

    def extend(self, problems: Iterable[Problem]) -> None:
        self.items.extend(self._rooted(p) for p in problems)

    def _rooted(self, problem: Problem) -> Problem:
        return replace(problem, root=self.root) if self.root and not problem.root else problem

    def error(self, path: str, line: int, column: int, code: str, message: str, hint: str = "") -> None:
        self.add(Problem(path, line, column, Severity.ERROR, code, message, hint))

    def warning(self, path: str, line: int, column: int, code: str, message: str, hint: str = "") -> None:
        self.add(Problem(path, line, column, Severity.WARNING, code, message, hint))

    def info(self, path: str, line: int, column: int, code: str, message: str, hint: str = "") -> None:
        self.add(Problem(path, line, column, Severity.INFO, code, message, hint))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.sorted() if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.sorted() if p.severity is Severity.WARNING]

    @property
    def infos(self) -> list[Problem]:
        return [p for p in self.sorted() if p.severity is Severity.INFO]

    def sorted(self) -> list[Problem]:
        return sorted(set(self.items), key=lambda p: (p.shown_path, p.line, p.column, p.code, p.message))

    def __iter__(self) -> Iterator[Problem]:
        return iter(self.sorted())

    def __len__(self) -> int:
        return len(self.items)

    def to_json(self) -> str:
        return json.dumps([p.as_dict() for p in self.sorted()], indent=2, ensure_ascii=False)


def summary(errors: int, warnings: int) -> str:
    """ "2 errors, 1 warning": the closing line of a report."""

    def plural(count: int, word: str) -> str:
        return f"{count} {word}" + ("" if count == 1 else "s")

    return f"{plural(errors, 'error')}, {plural(warnings, 'warning')}"
