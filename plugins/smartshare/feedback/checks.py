"""Author mistakes in `/// mentor` blocks, as a page check the site build and `smartshare check` both run
(`sitecheck.check_site`).

Feedback link templates in track.yml and front matter are checked by the schema itself (`core.linktemplate`).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..core.personaldata import personal_data
from ..core.problems import Problem, Severity
from .mentorblock import check_mentor_blocks, mentor_blocks, mentor_notes

if TYPE_CHECKING:
    from ..sitecheck import PageSource

_FOUND = {"email": "an e-mail address", "phone": "a phone number"}


def personal_data_in_notes(
    body: str, body_line: int, path: str, blocks: list | None = None, body_lines: list[str] | None = None
) -> Iterator[Problem]:
    """A warning for each personal e-mail address or phone number in a mentor note: every mentor reads them."""
    for first, lines in mentor_notes(body, blocks, body_lines):
        for offset, line in enumerate(lines):
            for column, kind, text in personal_data(line):
                yield Problem(
                    path,
                    body_line + first + offset,
                    column + 1,
                    Severity.WARNING,
                    "personal-data",
                    f"mentor note contains what looks like {_FOUND[kind]} of a person: '{text}'",
                    "every mentor can read the notes: name the role or team instead (e.g. 'the data protection "
                    "officer'), or point to the mentor's profile in mentors.yml",
                )


def check_page(page: PageSource) -> list[Problem]:
    """The problems of the page's mentor blocks, and personal data in their notes (the blocks found once for both)."""
    lines = page.body.split("\n")
    blocks = list(mentor_blocks(lines, page.body))
    return [
        *check_mentor_blocks(page.body, page.body_line, page.path, blocks, lines),
        *personal_data_in_notes(page.body, page.body_line, page.path, blocks, lines),
    ]
