"""Work done once per build instead of once per page gives the bytes the per-page work gave."""

from __future__ import annotations

import random

from markupsafe import Markup, escape

from smartshare.core.i18n import Translator
from smartshare.curriculum.render import _LinkTokens
from smartshare.plugin_support import relative_url, template_translator
from smartshare.quiz import parse
from smartshare.quiz.plugin import PROGRESS_SLOT, _progress_slot

QUIZ = "/// quiz\nWhat?\n\n- [x] Yes\n- [ ] No\n///\n"


def test_a_shared_card_gets_each_page_the_links_rendered_for_that_page():
    links = _LinkTokens()
    card = f'<a href="{links.token("ai/chat&bots/")}">x</a><a href="{links.token("mentors/ada/")}">Ada</a>'
    for page in ("tags/ai/", "ai/", "ai/chat&bots/", "mentors/ada/", "", "index.html"):
        expected = f'<a href="{escape(relative_url("ai/chat&bots/", page))}">x</a>'
        expected += f'<a href="{escape(relative_url("mentors/ada/", page))}">Ada</a>'
        assert links.place(card, page) == expected


def test_a_card_template_that_changes_a_link_is_rendered_for_each_page():
    links = _LinkTokens()
    token = links.token("ai/")
    assert links.all_written(f"<a href='{token}'>", [token])
    assert not links.all_written(f"<a href='{token.upper()}'>", [token])
    assert not links.all_written("<a>", [token])


def test_a_label_formatted_once_is_the_label_formatted_each_time():
    t = Translator("fr")
    translate = template_translator(t)
    for key in ("curriculum.draft", "curriculum.duration", "quiz.check"):
        assert translate(key) == Markup(escape(t.template(key))).format()
        assert translate(key) is translate(key)
    assert translate("curriculum.modules_count", count=3) == Markup(
        escape(t.template("curriculum.modules_count"))
    ).format(count=3)


def test_quizzes_are_counted_once_per_text():
    text = f"# Page {random.random()}\n\n{QUIZ}\n{QUIZ.replace('What?', 'Why?')}"
    calls = []
    original = parse.find_quizzes
    parse.find_quizzes = lambda *args: calls.append(args) or original(*args)
    try:
        assert parse.count_quizzes(text) == 2
        assert parse.count_quizzes(text) == 2
        assert parse.count_quizzes(text + "\nMore.") == 2
    finally:
        parse.find_quizzes = original
    assert len(calls) == 2


def test_the_check_parse_counts_the_quizzes_of_its_text():
    text = f"# Checked {random.random()}\n\n{QUIZ}"
    parse.ParseCache().parse(text, 5)
    original = parse.find_quizzes
    parse.find_quizzes = None  # counting must not parse again
    try:
        assert parse.count_quizzes(text) == 1
    finally:
        parse.find_quizzes = original


def test_the_quiz_strings_slot_is_the_one_the_pattern_finds():
    pieces = ['<div class="a">', "<p data-smartshare-progress>", "<b <i data-smartshare-progress", ">", "x", "<a "]
    pieces += ["data-smartshare-progress", "<1 data-smartshare-progress", "<span y data-smartshare-progress-x>"]
    rng = random.Random(7)
    for _ in range(20_000):
        html = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))
        found, expected = _progress_slot(html), PROGRESS_SLOT.search(html)
        assert (found and found.span()) == (expected and expected.span()), html
