"""Quiz checks for `smartshare check` and the site build (`sitecheck.check_site`): one parser, one check."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..core.problems import Problem, Severity
from .parse import ParseCache, count_quizzes

if TYPE_CHECKING:
    from ..sitecheck import PageSource

__all__ = ["QuizCheck", "check_markdown", "count_quizzes"]


def check_markdown(markdown: str, path: str, first_line: int = 1, parsed: ParseCache | None = None) -> list[Problem]:
    """Problems of every quiz in `markdown`, which starts on line `first_line` of the file at `path`."""
    offset = first_line - 1
    quizzes = (parsed or ParseCache()).parse(markdown, first_line)
    return [
        Problem(path, issue.line + offset, issue.column, Severity.ERROR, issue.code, issue.message, issue.hint)
        for quiz in quizzes
        for issue in quiz.issues
    ]


class QuizCheck:
    """The page check of quizzes; with the build's `ParseCache`, the rendering reuses the parse."""

    def __init__(self, parsed: ParseCache | None = None) -> None:
        self.parsed = parsed or ParseCache()

    def __call__(self, page: PageSource) -> list[Problem]:
        return check_markdown(page.body, page.path, page.body_line, self.parsed)

    def anchors(self, page: PageSource) -> list[str]:
        """A quiz is an anchor: its id is the `id` of its HTML."""
        return [quiz.id for quiz in self.parsed.parse(page.body, page.body_line)]
