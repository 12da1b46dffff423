"""A text without `///` holds no quiz: the parser says so before splitting it into lines (most pages of a site,
the mentor sheets and generated pages, are such texts)."""

from __future__ import annotations

from smartshare.quiz.parse import ParseCache, find_quizzes


class _Counted(str):
    """A text that counts how often it is split."""

    splits = 0

    def split(self, *args, **kwargs):  # type: ignore[override]
        type(self).splits += 1
        return super().split(*args, **kwargs)


def test_a_text_without_slashes_is_not_split() -> None:
    _Counted.splits = 0
    text = _Counted("# A sheet\n\nNotes for mentors, no quiz here.\n\n    // a comment in code\n")
    assert find_quizzes(text) == []
    assert ParseCache().parse(text) == []
    assert _Counted.splits == 0


def test_a_text_with_a_quiz_is_still_read() -> None:
    text = _Counted("Intro.\n\n/// quiz\nWhich one?\n\n- [x] This one.\n- [ ] That one.\n///\n")
    quizzes = find_quizzes(text)
    assert [(quiz.line, quiz.end_line, len(quiz.options)) for quiz in quizzes] == [(3, 8, 2)]
    assert _Counted.splits > 0
