"""A quiz text without `<` or a carriage return is given back as it is; any other is scanned line by line, and
both ways give the same text."""

from __future__ import annotations

import random

from smartshare.quiz.render import _escape_lines, escape_raw_html

PIECES = [
    "word",
    " ",
    "\n",
    "\n\n",
    "    ",
    "\t",
    "`code`",
    "``",
    "```\n",
    "~~~\n",
    "- ",
    "1. ",
    "<b>",
    "<",
    "a<b",
    "<https://example.org/x>",
    "<me@example.org>",
    "\r",
    "\r\n",
    "é",
    "&lt;",
    ">",
    "\\",
    "/// quiz\n",
]


def test_a_text_without_a_tag_or_a_carriage_return_is_given_back_unscanned() -> None:
    text = "Plan the *workshop*.\n\n    indented `code` and > quotes\n```\nfenced\n```"
    assert escape_raw_html(text) is text


def test_the_shortcut_and_the_scan_agree_on_random_texts() -> None:
    draw = random.Random(20261128)
    shortcuts = 0
    for _ in range(3000):
        text = "".join(draw.choice(PIECES) for _ in range(draw.randint(0, 12)))
        if "<" not in text and "\r" not in text:
            shortcuts += 1
        assert escape_raw_html(text) == _escape_lines(text), text
    assert shortcuts > 300  # both ways were taken often


def test_tags_and_carriage_returns_still_go_through_the_scan() -> None:
    assert escape_raw_html("a <b>bold</b> `<i>`") == "a &lt;b>bold&lt;/b> `<i>`"
    assert escape_raw_html("one\r\ntwo") == "one\ntwo"
