"""Each field type's `check`, specialised for the values authors almost always write (plain text, lists of text,
whole numbers, dates), for `Schema.validate`.

`smartshare check` and every build validate 2,000 front matters and 5,000 sessions: about 100,000 values. The
generic checks go through `isinstance` tests, `super()` calls and `str()` for each; the functions here test the
exact type once and compute the same normalised value. Anything else (a wrong type, a bad id, a duplicate item) is
handed to the type's own `check`, so every value is either accepted as the generic check accepts it, or refused
by that check itself, with its own message and hint: one rule in one place, this is only its short cut.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from .fieldtypes import (
    SLUG,
    Choice,
    Contact,
    Date,
    Duration,
    FieldType,
    Integer,
    Invalid,
    ListOf,
    LocalDateTime,
    Reference,
    Slug,
    Text,
    TimeZone,
    Url,
)
from .linktemplate import LinkTemplate, SignupTemplate

Check = Callable[[Any], Any]

#: checks that depend on the text alone and are costly (a URL split, a template's placeholders, the tz database):
#: each text is checked once, and comes back in hundreds of sessions and modules (sign-up templates, time zones)
_PURE_TEXT_CHECKS = (Url, Contact, LinkTemplate, SignupTemplate, TimeZone)
_MAX_REMEMBERED = 20_000  # texts remembered per field type: a bound for a long-lived preview server


def fast_check(kind: FieldType) -> Check:
    """A function returning what `kind.check(value)` returns, and raising what it raises."""
    kind_type = type(kind)
    slow = kind.check
    if kind_type is Text:
        if kind.single_line:  # type: ignore[attr-defined]

            def check(value: Any) -> Any:
                # " ".join(split()) strips, as `Text.check` does before joining
                return " ".join(value.split()) if type(value) is str else slow(value)

        else:

            def check(value: Any) -> Any:
                return value.strip() if type(value) is str else slow(value)

        return check
    if kind_type is Slug:
        match = SLUG.match

        def check_slug(value: Any) -> Any:
            if type(value) is str:
                text = " ".join(value.split())
                if match(text):
                    return text
            return slow(value)

        return check_slug
    if kind_type is Reference:

        def check_reference(value: Any) -> Any:
            if type(value) is not str:
                return slow(value)
            text = " ".join(value.split()).strip("/")
            return text[:-3] if text.endswith(".md") else text

        return check_reference
    if kind_type is Choice:
        choices = kind.choices  # type: ignore[attr-defined]

        def check_choice(value: Any) -> Any:
            if type(value) is str:
                text = " ".join(value.split()).lower()
                if text in choices:
                    return text
            return slow(value)

        return check_choice
    if kind_type is Integer:
        minimum = kind.minimum  # type: ignore[attr-defined]

        def check_integer(value: Any) -> Any:
            return value if type(value) is int and value >= minimum else slow(value)

        return check_integer
    if kind_type is Duration:

        def check_duration(value: Any) -> Any:
            return value if type(value) is int and value > 0 else slow(value)

        return check_duration
    if kind_type is Date:

        def check_date(value: Any) -> Any:
            return value if type(value) is dt.date else slow(value)

        return check_date
    if kind_type is LocalDateTime:

        def check_local_datetime(value: Any) -> Any:
            if type(value) is str:  # YAML reads `2027-03-02 09:30` (no seconds) as text
                text = value.strip()
                if len(text) > 10:
                    try:
                        found = dt.datetime.fromisoformat(text)
                    except ValueError:
                        return slow(value)
                    if found.tzinfo is None:
                        return found.replace(second=0, microsecond=0)
            return slow(value)

        return check_local_datetime
    if kind_type in _PURE_TEXT_CHECKS:
        remembered: dict[str, Any] = {}

        def check_remembered(value: Any) -> Any:
            if type(value) is not str:
                return slow(value)
            found = remembered.get(value)
            if found is None:
                found = slow(value)  # a refused text raises each time: it is never remembered
                if len(remembered) < _MAX_REMEMBERED:
                    remembered[value] = found
            return found

        return check_remembered
    if kind_type is ListOf:
        item = fast_check(kind.item)  # type: ignore[attr-defined]
        unique = kind.unique  # type: ignore[attr-defined]

        def check_list(value: Any) -> Any:
            if type(value) is list:
                try:
                    result = [item(one) for one in value]
                except Invalid:  # the generic check says which item, and why
                    return slow(value)
                if not unique or len(set(result)) == len(result):
                    return result
            return slow(value)

        return check_list
    return slow
