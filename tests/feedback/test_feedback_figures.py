"""Feedback figures in the mentor area, from records under curricula/feedback/, and nowhere in learner pages."""

from __future__ import annotations

import re

import pytest

from sitebuilder import basic_tree, build_site, module
from smartshare.core.feedbackrecords import FeedbackRecord, dumps

QUIZZES = """
/// quiz
    id: hand-over
Which hand-over rate calls for a rework?

- [ ] 10 %
- [x] 50 %
- [ ] 2 %
///

/// quiz
    id: scope
Which request suits a chatbot best?

- [x] A payslip date
- [ ] A contract threat
///
"""
COMMENT = 'Loved the <script>alert("x")</script> demo & the "payslip" case'
CONFIG = {"plugins": ["search", "smartshare/curriculum", "smartshare/quiz", "smartshare/feedback", "smartshare/mentor"]}


def records() -> list[FeedbackRecord]:
    made = []

    def add(kind, module_id, **fields):
        made.append(FeedbackRecord(key=f"k{len(made):03d}", source="csv", kind=kind, module=module_id, **fields))

    for n, rating in enumerate((3, 3, 2, 3, 1)):  # five in September: enough for a point of the trend
        add("rating", "ai/chatbots", session="s-sept", rating=rating, time=f"2026-09-1{n}T10:00:00Z")
    for n, rating in enumerate((3, 3, 3, 2, 3, 3)):
        add("rating", "ai/chatbots", session="s-oct", rating=rating, time=f"2026-10-0{n + 1}T10:00:00Z")
    add("comment", "ai/chatbots", session="s-oct", comment=COMMENT, time="2026-10-09T10:00:00Z")
    for choice in ("0", "0", "2", "1", "0", "0"):  # 1 of 6 right the first time: too hard
        add("answer", "ai/chatbots", question="hand-over", choice=choice, correct=choice == "1", first_try=True)
    add("answer", "ai/chatbots", question="hand-over", choice="1", correct=True, first_try=False)  # a retry
    for _ in range(6):
        add("answer", "ai/chatbots", question="scope", choice="0", correct=True, first_try=True)
    for rating in (1, 1, 2):
        add("rating", "ai/machine-learning", rating=rating, comment="Only three of us said anything")
    return made


def tree() -> dict[str, str]:
    files = basic_tree()
    files["ai/chatbots.md"] = module("Chatbots") + QUIZZES
    files["ai/machine-learning.md"] = module("Machine learning", mentors=["leo-martin"], reviewed="2024-01-10")
    files["feedback/november.jsonl"] = dumps(records())
    old = FeedbackRecord(key="old1", source="csv", kind="rating", module="ai/prompting", rating=2)
    files["feedback/2025.jsonl"] = "\n" + old.to_line() + "\n"
    return files


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    build = build_site(tmp_path_factory.mktemp("figures"), tree(), config=CONFIG)
    assert build.returncode == 0, build.output
    return build


def section(html: str) -> str:
    match = re.search(r'<section class="smartshare-landed".*?</section>', html, re.S)
    assert match, "no 'How it landed' section"
    return match[0]


def text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_a_module_sheet_shows_its_ratings_as_an_svg_chart_with_its_figures_as_text_and_a_table(site):
    landed = section(site.html("mentor/ai/chatbots/"))
    svg = re.search(r'<svg [^>]*role="img"[^>]*>.*?</svg>', landed, re.S)[0]
    assert 'aria-labelledby="ratings-ai-chatbots-title ratings-ai-chatbots-desc"' in svg
    assert '<title id="ratings-ai-chatbots-title">Ratings of Chatbots</title>' in svg
    assert (
        '<desc id="ratings-ai-chatbots-desc">Very useful: 8 (73%); Partly useful: 2 (18%); Not useful: 1 (9%). '
        "Mean 2.6 from 11 responses.</desc>"
    ) in svg
    shown = text(landed)
    assert "How it landed 11 responses, mean rating 2.6" in shown
    assert "Very useful 8 73% Partly useful 2 18% Not useful 1 9%" in shown  # the data table


def test_the_trend_follows_sessions_in_date_order(site):
    landed = section(site.html("mentor/ai/chatbots/"))
    assert (
        "Mean rating (1 to 3) by session, in date order, with the number of responses: 2026-09-10 s-sept: 2.4 (5)"
        "; 2026-10-01 s-oct: 2.8 (6)." in landed
    )
    assert "2026-09-10 s-sept 5 2.4 2026-10-01 s-oct 6 2.8" in text(landed)


def test_questions_are_flagged_too_hard_and_too_easy_with_the_most_chosen_wrong_option(site):
    rows = re.findall(r"<tr[^>]*>.*?</tr>", section(site.html("mentor/ai/chatbots/")), re.S)
    hard = next(r for r in rows if "hand-over" in r)
    easy = next(r for r in rows if "<code>scope</code>" in r)
    assert 'class="smartshare-question--too-hard"' in hard
    assert text(hard) == "hand-over Which hand-over rate calls for a rework? 6 17% too hard 10 % (4)"
    assert text(easy) == "scope Which request suits a chatbot best? 6 100% too easy –"


def test_comments_are_escaped_and_stay_in_the_mentor_area(site):
    landed = section(site.html("mentor/ai/chatbots/"))
    assert "Latest comments (1 of 1)" in landed
    assert "Loved the &lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; demo &amp; the &#34;payslip&#34; case" in landed
    for path in site.site.rglob("*"):
        if path.is_file() and not path.relative_to(site.site).as_posix().startswith("mentor/"):
            content = path.read_bytes()
            assert b"payslip&#34; case" not in content and b'"payslip" case' not in content, path
            assert b"Only three of us" not in content and b"How it landed" not in content, path
    assert not (site.site / "feedback").exists()  # the records themselves are never published


def test_fewer_than_five_responses_show_no_figures_only_how_many_there_are(site):
    landed = section(site.html("mentor/ai/machine-learning/"))
    assert "Not enough responses yet (3 of 5)." in text(landed)
    assert "<svg" not in landed and "Only three of us" not in landed and "1.3" not in landed


def test_the_track_page_sums_up_and_lists_what_needs_attention(site):
    page = text(site.html("mentor/ai/"))
    assert "Feedback on AI for managers Responses: 14 · modules: 2, 1 of them with enough responses for figures" in page
    assert "Chatbots ( ai/chatbots ): questions too hard: hand-over" in page
    assert "Machine learning ( ai/machine-learning ): review due" in page
    # each module on the list leads to how it landed on its mentor sheet
    html = site.html("mentor/ai/")
    assert '<a href="chatbots/#smartshare-landed">Chatbots</a>' in html
    assert '<a href="machine-learning/#smartshare-landed">Machine learning</a>' in html


def test_the_statistics_page_has_the_programme_summary_and_one_per_mentor(site):
    page = site.html("mentor/statistics/")
    shown = text(page)
    assert "Feedback on the programme From 28 feedback records (curricula/feedback/)." in shown
    assert "By mentor Amina Diallo Responses: 11 · modules: 1," in shown
    assert "Léo Martin Responses: 3 · modules: 1," in shown
    assert '<a href="../ai/chatbots/#smartshare-landed">Chatbots</a>' in page
    assert 'role="img"' in page and "feedback-figures.css" in page


def test_learner_pages_do_not_load_the_figures_stylesheet(site):
    assert "feedback-figures.css" not in site.html("ai/chatbots/")


def test_records_of_a_module_that_no_longer_exists_are_a_warning_at_their_line(site):
    assert (
        "WARNING -  smartshare: curricula/feedback/2025.jsonl:2:1: warning [feedback-module] 1 record of module "
        "'ai/prompting', which is not in the curriculum — was it renamed or removed? replace its id in this file, "
        "or keep the lines for history"
    ) in site.output
