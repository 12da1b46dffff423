"""The figures rendered without a build: the same bytes whatever the records' order, and in French."""

from __future__ import annotations

import datetime as dt
import random
import re
import unicodedata
from pathlib import Path

import pytest
from jinja2 import Environment, FileSystemLoader
from test_feedback_figures import records, tree

import smartshare.feedback.figures as figures_module
from sitebuilder import write_tree
from smartshare.core.feedbackfigures import compute
from smartshare.core.feedbackrecords import FeedbackRecord
from smartshare.core.i18n import Translator
from smartshare.core.loader import load_curriculum
from smartshare.feedback.charts import Bar, bar_chart
from smartshare.feedback.figures import FiguresRenderer, QuizTexts

TEMPLATES = Path(figures_module.__file__).parent / "templates"


@pytest.fixture(scope="module")
def curriculum(tmp_path_factory):
    root = tmp_path_factory.mktemp("render") / "curricula"
    write_tree(root, tree())
    curriculum, problems = load_curriculum(str(root))
    assert not problems.errors
    return curriculum


def render(curriculum, found, language="en") -> str:
    quizzes = QuizTexts(curriculum)
    figures = compute(curriculum, found, quizzes.question, quizzes.ids, dt.date(2026, 9, 21), 365)
    renderer = FiguresRenderer(
        Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True), Translator(language), figures
    )
    module = curriculum.modules["ai/chatbots"]
    track = curriculum.tracks[0]
    return renderer.module_section(module, "mentor/ai/chatbots/") + renderer.track_section(
        track, "mentor/ai/", curriculum.modules_of(track)
    )


def test_the_figures_are_the_same_bytes_whatever_order_the_records_come_in(curriculum):
    found = records()
    first = render(curriculum, found)
    shuffled = found[:]
    random.Random(7).shuffle(shuffled)
    assert render(curriculum, shuffled) == first
    assert render(curriculum, found[:-3]) != first  # and they do depend on the records


def test_the_figures_in_french_with_a_decimal_comma_and_french_spacing(curriculum):
    html = render(curriculum, records(), "fr")
    assert "Comment le module a été reçu" in html
    assert "11 réponses, note moyenne 2,6 sur l’échelle de 1 (pas utile) à 3 (très utile)." in html
    assert '<title id="ratings-ai-chatbots-title">Notes de Chatbots</title>' in html
    # a no-break space before the colon, the semicolon and the percent sign, as French writes them
    assert (
        "Très utile\u00a0: 8 (73\u00a0%)\u00a0; Un peu utile\u00a0: 2 (18\u00a0%)\u00a0; Pas utile\u00a0: 1 (9\u00a0%). "
        "Moyenne 2,6 sur 11 réponses."
    ) in html
    assert "(<code>ai/machine-learning</code>)\u00a0: relecture à faire" in html
    assert "Réponses\u00a0: 14 · modules\u00a0: 2, dont 1 avec" in html
    assert "trop difficile" in html and "trop facile" in html and "Retours sur AI for managers" in html


def test_the_most_chosen_wrong_option_of_a_select_all_question_is_a_distractor_not_a_right_option_ticked(
    curriculum,
):
    options = [("Who hands over", True), ("Who keeps answers", True), ("The avatar", False), ("The font", False)]

    def question_text(module_id, quiz_id):
        return ("Select all that apply", options) if quiz_id == "decide" else None

    def answer(n, choice, correct):
        return FeedbackRecord(
            key=f"d{n}", source="xapi", kind="answer", module="ai/chatbots", question="decide",
            choice=choice, correct=correct, first_try=True,
        )  # fmt: skip

    # four wrong first answers tick the first right option, two of them tick a distractor too
    found = [answer(0, "0", False), answer(1, "0,1", True), answer(2, "0,3", False), answer(3, "0,2", False)]
    found += [answer(4, "0,1,3", False), answer(5, "1", False)]
    figures = compute(curriculum, found, question_text, lambda _: ["decide"], dt.date(2026, 9, 21), 365)
    (decide,) = figures.modules["ai/chatbots"].questions
    assert (decide.first_answers, decide.right) == (6, 1)
    assert decide.wrong_choices == {"The font": 2, "The avatar": 1}
    assert decide.most_chosen_wrong == ("The font", 2)


@pytest.mark.parametrize("label", ["2026-10-06 chatbots-singapore-2026-10", "2026-10-06 聊天机器人新加坡场次"])
def test_a_long_label_of_a_chart_ends_before_its_bar_starts(label):
    svg = bar_chart("trend", "Trend", "…", [Bar("2026-09-15 s", 2.5, "2.5 (6)"), Bar(label, 3, "3.0 (5)")], 3)
    bar_x = {int(x) for x in re.findall(r'<rect class="smartshare-chart__track" x="(\d+)"', svg)}
    assert len(bar_x) == 1  # every bar starts at the same place
    wide = sum(2 if unicodedata.east_asian_width(c) == "W" else 1 for c in label)
    assert bar_x.pop() >= 7 * wide  # 12px text: about 7 units a character (twice that for CJK)
    width = int(re.search(r'viewBox="0 0 (\d+) ', svg)[1])
    assert width >= int(re.search(r'class="smartshare-chart__value" x="(\d+)"', svg)[1]) + 50  # the value fits too


def comments_only(count: int) -> list[FeedbackRecord]:
    """A survey that asks for a comment and no rating."""
    return [
        FeedbackRecord(
            key=f"c{n}",
            source="csv",
            kind="comment",
            module="ai/chatbots",
            comment=f"Remark {n}",
            time=f"2026-10-0{n + 1}",
        )
        for n in range(count)
    ]


def test_a_survey_without_ratings_shows_its_comments_from_five_responses(curriculum):
    landed = render(curriculum, comments_only(6)).split("</section>")[0]
    assert "Latest comments (5 of 6)" in landed and "Remark 5" in landed and "Remark 0" not in landed
    assert "Not enough responses yet" not in landed and "<svg" not in landed  # no ratings: no chart


def test_a_survey_without_ratings_hides_fewer_than_five_comments(curriculum):
    landed = render(curriculum, comments_only(3)).split("</section>")[0]
    assert "Not enough responses yet (3 of 5)." in landed
    assert "Remark" not in landed
