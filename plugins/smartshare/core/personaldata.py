"""What looks like a person's e-mail address or phone number in text an author wrote.

Mentor notes are read by every mentor who can open the mentor area; a colleague's private address or mobile
number does not belong there. Both patterns run in linear time (each repetition consumes a character that the
next cannot), so a long line of digits or dots cannot make a check hang.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_EMAIL = re.compile(r"(?<![\w.+-])([A-Za-z0-9][\w.+-]{0,63})@([A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8})")
# 9 to 15 digits, optionally grouped by one or two spaces, dots, hyphens or brackets, optionally after a "+"
_PHONE = re.compile(r"(?<![\w+])(\+?\(?\d(?:[ .\-()]{0,2}\d){8,14})(?![\w])")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# The first 9 digits of any phone number `_PHONE` finds: a search twice as fast, and most lines have none
_NINE_DIGITS = re.compile(r"\d(?:[ .\-()]{0,2}\d){8}")
# Addresses of a role or a team, not of a person: these are fine in a note.
ROLE_ADDRESSES = frozenset(
    {
        "admin",
        "contact",
        "dpo",
        "feedback",
        "help",
        "helpdesk",
        "hr",
        "info",
        "it",
        "learning",
        "legal",
        "mentors",
        "noreply",
        "no-reply",
        "office",
        "privacy",
        "sales",
        "security",
        "servicedesk",
        "support",
        "team",
        "training",
        "webmaster",
    }
)


def personal_data(line: str) -> Iterator[tuple[int, str, str]]:
    """(0-based column, "email" or "phone", the text found) for each likely personal e-mail or phone number."""
    if "@" in line:  # the e-mail pattern tries every word of a line for one
        for match in _EMAIL.finditer(line):
            if match[1].lower() not in ROLE_ADDRESSES:
                yield match.start(), "email", match[0]
    if _NINE_DIGITS.search(line):
        for match in _PHONE.finditer(line):
            if not _DATE.fullmatch(match[1]):
                yield match.start(), "phone", match[1]
