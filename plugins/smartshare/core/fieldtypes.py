"""Value types of the content schema: each checks and normalises what an author wrote.

A type's `check` returns the normalised value or raises `Invalid` naming what is wrong, where (a sub-path
inside the value, for list items and nested records) and a hint.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from .problems import quoted
from .suggest import did_you_mean
from .yamlsource import kind_of


class Invalid(Exception):
    def __init__(self, code: str, message: str, hint: str = "", subpath: tuple = ()) -> None:
        super().__init__(message)
        self.code, self.message, self.hint, self.subpath = code, message, hint, subpath


class FieldType:
    def check(self, value: Any) -> Any:  # pragma: no cover - interface
        raise NotImplementedError

    def is_empty(self, value: Any) -> bool:
        return value is None or value == "" or value == [] or value == {}


def _wrong_type(expected: str, value: Any, hint: str = "") -> Invalid:
    return Invalid("wrong-type", f"expected {expected}, found {kind_of(value)}", hint)


@dataclass(frozen=True)
class Text(FieldType):
    single_line: bool = True

    def check(self, value: Any) -> str:
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            hint = "write it on one line, in quotes if it contains ': ' or starts with a symbol"
            raise _wrong_type("text", value, hint)
        text = str(value).strip()
        if self.single_line:
            text = " ".join(text.split())
        return text


SLUG = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")


@dataclass(frozen=True)
class Slug(Text):
    def check(self, value: Any) -> str:
        text = super().check(value)
        if not SLUG.match(text):
            raise Invalid("bad-id", f"{quoted(text)} is not a valid id", "use lower-case letters, digits and dashes")
        return text


@dataclass(frozen=True)
class Reference(Text):
    """The id of another module (`track/module`, or `module` within the same track)."""

    def check(self, value: Any) -> str:
        text = super().check(value).strip("/")
        if text.endswith(".md"):
            text = text[:-3]
        return text


@dataclass(frozen=True)
class Choice(FieldType):
    choices: tuple[str, ...] = ()

    def check(self, value: Any) -> str:
        text = Text().check(value).lower()
        if text not in self.choices:
            hint = did_you_mean(text, self.choices, "choose one of " + ", ".join(self.choices))
            raise Invalid("bad-value", f"{quoted(value)} is not a valid choice", hint)
        return text


@dataclass(frozen=True)
class Integer(FieldType):
    minimum: int = 0

    def check(self, value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise _wrong_type("a whole number", value)
        if value < self.minimum:
            raise Invalid("bad-value", f"{value} is below the minimum of {self.minimum}")
        return value


# Applied to the stripped text, with no two adjacent parts able to match the same characters: linear time, even on
# a value of thousands of blanks (three adjacent `\s*` made it cubic).
_DURATION = re.compile(
    r"(?:(?P<h>\d+(?:[.,]\d+)?)\s*h(?:ours?|rs?)?)?\s*(?:(?P<m>\d+)\s*(?:min(?:utes?|s)?|m)?)?", re.I
)
#: a duration longer than a year is a typing mistake (and a float overflow for hundreds of digits)
MAX_DURATION_DIGITS = 9


@dataclass(frozen=True)
class Duration(FieldType):
    """Minutes: `90`, `"1h30"`, `"45min"`, `"2h"` are all accepted and normalised to minutes."""

    def check(self, value: Any) -> int:
        hint = 'write minutes (90) or hours and minutes ("1h30", "45min")'
        if isinstance(value, bool):
            raise _wrong_type("a duration", value, hint)
        if isinstance(value, int):
            minutes = value
        elif isinstance(value, str) and (match := _DURATION.fullmatch(value.strip())) and (match["h"] or match["m"]):
            if max(len(match["h"] or ""), len(match["m"] or "")) > MAX_DURATION_DIGITS:
                raise Invalid("bad-duration", f"{quoted(value)} is too long to be a duration", hint)
            hours = float(match["h"].replace(",", ".")) if match["h"] else 0
            minutes = round(hours * 60) + int(match["m"] or 0)
        else:
            raise Invalid("bad-duration", f"{quoted(value)} is not a duration", hint)
        if minutes <= 0:
            raise Invalid("bad-duration", f"a duration must be positive, found {value}", hint)
        return minutes


@dataclass(frozen=True)
class Date(FieldType):
    def check(self, value: Any) -> dt.date:
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        hint = "write the date as YYYY-MM-DD, e.g. 2026-03-31"
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value.strip())
            except ValueError:
                pass
            raise Invalid("bad-date", f"{quoted(value)} is not a valid date", hint)
        raise Invalid("bad-date", f"expected a date, found {kind_of(value)}", hint)


SAFE_SCHEMES = ("http", "https", "mailto")


def _is_email(text: str) -> bool:
    """`name@host.domain`. Not a regular expression: `[^@]+\\.[^@]+` backtracks quadratically on long dotted text."""
    name, at, host = text.partition("@")
    if not at or not name or not host or "@" in host or any(c.isspace() or c == "/" for c in text):
        return False
    return ":" not in name and "." in host[1:-1]


def check_url(text: str, schemes: Sequence[str] = SAFE_SCHEMES) -> str:
    """A link is kept only with a safe scheme: `javascript:` or `data:` in a YAML file must never reach a page."""
    try:
        scheme = urlsplit(text).scheme.lower()
    except ValueError as error:  # "Invalid IPv6 URL": an unbalanced [ or ] after //
        raise Invalid(
            "unsafe-url", f"{quoted(text)} is not a valid link: {error}", "a [ or ] in a link is written %5B or %5D"
        ) from None
    if scheme not in schemes and not (scheme == "" and text.startswith("/")):
        raise Invalid(
            "unsafe-url",
            f"{quoted(text)} is not an allowed link" if scheme else f"{quoted(text)} is not an absolute link",
            "links must start with " + ", ".join(f"{s}:" for s in schemes),
        )
    return text


@dataclass(frozen=True)
class Url(Text):
    """A link with a safe scheme (a session's online meeting)."""

    def check(self, value: Any) -> str:
        return check_url(super().check(value))


@dataclass(frozen=True)
class Contact(Text):
    """An e-mail address or a link; a bare address becomes a `mailto:` link."""

    def check(self, value: Any) -> str:
        text = super().check(value)
        if _is_email(text):
            return "mailto:" + text
        return check_url(text)


@dataclass(frozen=True)
class ListOf(FieldType):
    item: FieldType = field(default_factory=Text)
    unique: bool = False

    def check(self, value: Any) -> list:
        if not isinstance(value, list):
            example = f"[{value}]" if isinstance(value, (str, int)) else "- one item per line"
            raise _wrong_type("a list", value, f"write it as a list: {example}")
        result, seen = [], set()
        for index, item in enumerate(value):
            try:
                checked = self.item.check(item)
            except Invalid as error:
                raise Invalid(error.code, error.message, error.hint, (index, *error.subpath)) from None
            if self.unique and checked in seen:
                raise Invalid("duplicate-item", f"'{checked}' is listed twice", "remove one", (index,))
            seen.add(checked)
            result.append(checked)
        return result


@dataclass(frozen=True)
class LocalDateTime(FieldType):
    """A wall-clock date and time (`2027-03-02 09:30`); the time zone is a field of its own."""

    def check(self, value: Any) -> dt.datetime:
        hint = "write the local date and time as YYYY-MM-DD HH:MM, e.g. 2027-03-02 09:30"
        if isinstance(value, dt.datetime):
            found = value
        elif isinstance(value, dt.date):
            raise Invalid("bad-datetime", f"'{value.isoformat()}' has no time of day", hint)
        elif isinstance(value, str):
            try:
                found = dt.datetime.fromisoformat(value.strip())
            except ValueError:
                raise Invalid("bad-datetime", f"'{value}' is not a valid date and time", hint) from None
            if len(value.strip()) <= 10:
                raise Invalid("bad-datetime", f"'{value.strip()}' has no time of day", hint)
        else:
            raise Invalid("bad-datetime", f"expected a date and time, found {kind_of(value)}", hint)
        if found.tzinfo is not None:
            raise Invalid(
                "bad-datetime",
                f"'{value}' carries a UTC offset",
                "write the local time without an offset; the place's time zone goes in 'timezone'",
            )
        return found.replace(second=0, microsecond=0)


@dataclass(frozen=True)
class TimeZone(Text):
    """An IANA time zone name (`Europe/Paris`, `Asia/Singapore`), checked against the tz database."""

    def check(self, value: Any) -> str:
        text = super().check(value)
        if not known_time_zone(text):
            import zoneinfo

            hint = did_you_mean(text, zoneinfo.available_timezones(), "use an IANA name such as Europe/Paris")
            raise Invalid("unknown-timezone", f"unknown time zone '{text}'", hint)
        return text


@functools.cache
def known_time_zone(name: str) -> bool:
    import zoneinfo

    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return False
    return True
