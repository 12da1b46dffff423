"""Author mistakes in `/// mentor` blocks, as a page check the site build and `smartshare check` both run
(`sitecheck.check_site`).

Feedback link templates in track.yml and front matter are checked by the schema itself (`core.linktemplate`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..core.problems import Problem
from .mentorblock import check_mentor_blocks

if TYPE_CHECKING:
    from ..sitecheck import PageSource


def check_page(page: PageSource) -> list[Problem]:
    """The problems of the page's mentor blocks."""
    return list(check_mentor_blocks(page.body, page.body_line, page.path))
