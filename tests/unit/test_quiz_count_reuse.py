"""A module's quizzes are counted from the check's parse of its body, with or without the blank lines at its
start, and the count is the one a fresh reading gives."""

from __future__ import annotations

import random

from smartshare.quiz import parse
from smartshare.quiz.parse import ParseCache, count_quizzes, find_quizzes

QUIZ = "/// quiz\nWhich one?\n\n- [x] This one.\n- [ ] That one.\n///\n"
PIECES = [
    QUIZ,
    "Some text.\n",
    "",
    "    indented = 1\n",
    "```\n" + QUIZ + "```\n",
    "~~~\n",
    "- a list item\n",
    "    /// quiz\n",
    "/// details | More\nText.\n///\n",
    "> quoted\n",
    "\t\n",
]


def test_the_count_of_a_body_the_check_parsed_without_its_first_blank_lines_is_not_read_again(monkeypatch):
    body = "\n\n" + "Intro paragraph for the unique test.\n\n" + QUIZ + "\n" + QUIZ
    ParseCache().parse(body.lstrip("\n"), first_line=5)

    def unexpected(*args, **kwargs):
        raise AssertionError("the quizzes were read again")

    monkeypatch.setattr(parse, "find_quizzes", unexpected)
    assert count_quizzes(body) == 2


def test_blank_lines_at_the_start_change_no_count():
    rnd = random.Random(18)
    for _ in range(3_000):
        text = "".join(rnd.choice(PIECES) for _ in range(rnd.randint(0, 12)))
        stripped = text.lstrip("\n")
        expected = len(find_quizzes(stripped))
        assert len(find_quizzes("\n" * rnd.randint(1, 3) + stripped)) == expected, repr(text)
        parse._COUNTS.clear()
        assert count_quizzes(text) == expected, repr(text)
        ParseCache().parse(stripped)
        assert count_quizzes("\n\n" + stripped) == expected, repr(text)
