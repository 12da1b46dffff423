"""Quiz checks for `smartshare check`, the loader's body checks and the MkDocs build: one parser, three callers."""

from __future__ import annotations

from ..core.model import Module
from ..core.problems import Problem, Severity
from .parse import count_quizzes, find_quizzes

__all__ = ["check_markdown", "check_module", "count_quizzes"]


def check_markdown(markdown: str, path: str, first_line: int = 1) -> list[Problem]:
    """Problems of every quiz in `markdown`, which starts on line `first_line` of the file at `path`."""
    offset = first_line - 1
    return [
        Problem(path, issue.line + offset, issue.column, Severity.ERROR, issue.code, issue.message, issue.hint)
        for quiz in find_quizzes(markdown)
        for issue in quiz.issues
    ]


def check_module(module: Module, path: str) -> list[Problem]:
    """A `LoadOptions.body_checks` callable: the quizzes of a module's body, located in its file."""
    return check_markdown(module.body, path, module.body_line)
