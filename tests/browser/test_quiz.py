"""The learner's side of self-check quizzes, in headless Chromium against the example site on localhost."""

from __future__ import annotations

import re

import pytest
from harness import serve_site

from sitebuilder import basic_tree, build_site, module

pytestmark = pytest.mark.browser


@pytest.fixture
def page(tab):
    """The module's tab, emptied between tests (tests/browser/conftest.py, `tab`): no test here searches or adds
    scripts, routes or handlers to the page it is given."""
    return tab


MODULE = "ai/chatbots/"  # four quizzes: single (first option right), multiple (0, 1, 3), true/false (1), single (1)


def answer(page, quiz: str, *values: int) -> None:
    for value in values:
        page.locator(f"#{quiz} input[value='{value}']").check()
    page.locator(f"#{quiz} [data-action=check]").click()


def result(page, quiz: str) -> str:
    return page.locator(f"#{quiz} .smartshare-quiz__result").inner_text()


def score(page) -> str:
    return page.locator(".smartshare-quiz-summary__score").inner_text()


def key(page, quiz: str):
    return page.locator(f"#{quiz} .smartshare-quiz__answer")


def test_a_right_answer_shows_the_whole_key_and_the_explanations(page, site_url):
    page.goto(site_url + MODULE)
    answer(page, "quiz-1", 0)
    assert result(page, "quiz-1") == "Correct!"
    assert key(page, "quiz-1").get_attribute("open") is not None and key(page, "quiz-1").is_visible()
    assert "frequent, factual" in key(page, "quiz-1").inner_text()  # the chosen option's explanation
    assert "predictable, low-stakes" in key(page, "quiz-1").inner_text()  # the question's explanation
    assert key(page, "quiz-1").locator(".is-correct").count() == 1


def test_a_wrong_answer_explains_the_learners_choice_only_then_try_again(page, site_url):
    page.goto(site_url + MODULE)
    answer(page, "quiz-4", 0)
    assert result(page, "quiz-4") == "Not quite."
    assert not key(page, "quiz-4").is_visible()  # in the page for self-checking, not shown
    assert key(page, "quiz-4").count() == 1
    chosen = page.locator("#quiz-4 .smartshare-quiz__option.is-chosen")
    assert chosen.count() == 1 and chosen.locator("input").get_attribute("value") == "0"
    feedback = chosen.locator(".smartshare-quiz__feedback")
    why = key(page, "quiz-4").locator("li[data-index='0'] .smartshare-quiz__why").text_content().strip()
    assert feedback.inner_text().startswith("Your choice:") and why in feedback.inner_text()
    assert page.locator("#quiz-4 .smartshare-quiz__feedback").count() == 1  # no other option is explained
    assert "Correct:" not in page.locator("#quiz-4").inner_text()

    page.locator("#quiz-4 [data-action=retry]").click()
    assert result(page, "quiz-4") == "" and not page.locator("#quiz-4 input:checked").count()
    assert not page.locator("#quiz-4 .smartshare-quiz__feedback").count()
    answer(page, "quiz-4", 1)
    assert result(page, "quiz-4") == "Correct!" and key(page, "quiz-4").is_visible()


def test_show_the_answer_reveals_the_key_and_survives_a_reload(page, site_url):
    page.goto(site_url + MODULE)
    answer(page, "quiz-4", 0)
    page.get_by_role("button", name="Show the answer").first.click()
    assert key(page, "quiz-4").is_visible() and "Correct:" in key(page, "quiz-4").inner_text()
    page.reload()
    assert key(page, "quiz-4").is_visible()


def test_the_key_shows_itself_after_three_wrong_tries(page, site_url):
    page.goto(site_url + MODULE)
    for tries in range(1, 4):
        answer(page, "quiz-3", 0)
        assert key(page, "quiz-3").is_visible() == (tries == 3)
        if tries < 3:
            page.locator("#quiz-3 [data-action=retry]").click()


def test_summary_event_retry_missed_and_reset(page, site_url):
    page.goto(site_url + MODULE)
    page.evaluate("""() => { window.summaries = [];
        document.addEventListener('smartshare:quiz-summary', e => window.summaries.push(e.detail)) }""")
    answer(page, "quiz-1", 0)
    assert score(page) == "Self-check: 1 of 4 answered, 1 correct"
    answer(page, "quiz-2", 0, 1, 3)
    answer(page, "quiz-3", 0)  # wrong: the statement is false
    answer(page, "quiz-4", 1)
    assert score(page) == "Self-check: 3 of 4 correct · 1 to retry"
    assert page.evaluate("window.summaries") == [{"page": MODULE, "correct": 3, "total": 4}]

    page.get_by_role("button", name="Retry the ones I missed").click()
    assert result(page, "quiz-3") == "" and result(page, "quiz-1") == "Correct!"
    assert score(page) == "Self-check: 3 of 4 answered, 3 correct"  # answered, correct, to retry agree
    answer(page, "quiz-3", 1)
    assert score(page) == "Self-check: 4 of 4 correct"
    assert not page.get_by_role("button", name="Retry the ones I missed").is_visible()

    page.get_by_role("button", name="Reset my answers").click()
    assert score(page) == "Self-check: 0 of 4 answered, 0 correct"
    assert not page.locator(".smartshare-quiz input:checked").count()


def test_answers_survive_reload_and_instant_navigation_and_show_on_the_track_page(page, site_url):
    page.goto(site_url + MODULE)
    answer(page, "quiz-1", 0)
    answer(page, "quiz-3", 0)
    page.reload()
    assert result(page, "quiz-1") == "Correct!" and result(page, "quiz-3") == "Not quite."
    assert page.locator("#quiz-1 input[value='0']").is_checked()
    assert score(page) == "Self-check: 2 of 4 answered, 1 correct · 1 to retry"

    # instant navigation: no new page load, the content is swapped in by the theme
    page.evaluate("window.sameDocument = true")
    page.locator(".md-content a[href$='generative-ai-at-work/']").first.click()
    page.wait_for_url(re.compile("generative-ai-at-work/"))
    page.go_back()
    page.wait_for_url(re.compile("chatbots/"))
    page.wait_for_selector("#quiz-1.is-checked")
    assert page.evaluate("window.sameDocument") is True
    assert result(page, "quiz-3") == "Not quite."

    page.goto(site_url + "ai/")
    progress = page.locator(f"[data-smartshare-page='{MODULE}'] [data-smartshare-progress]")
    assert progress.inner_text() == "Self-check: 2 of 4 answered, 1 correct"
    untouched = page.locator("[data-smartshare-page='ai/generative-ai-at-work/'] [data-smartshare-progress]")
    assert not untouched.is_visible()


def test_a_learner_answers_with_the_keyboard_only(page, site_url):
    page.goto(site_url + MODULE)
    page.locator("#quiz-1 input").first.focus()
    page.keyboard.press("ArrowDown")  # moves to and selects the second option
    page.keyboard.press("ArrowUp")  # back to the first, the right one
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.dataset.action") == "check"
    page.keyboard.press("Enter")
    assert result(page, "quiz-1") == "Correct!"
    assert page.locator("#quiz-1 .smartshare-quiz__result").get_attribute("role") == "status"
    assert page.evaluate("document.activeElement.classList.contains('smartshare-quiz__result')")


def test_wrong_then_right_with_the_keyboard_only_and_focus_never_on_the_body(page, site_url):
    page.goto(site_url + MODULE)
    page.locator("#quiz-3 input[value='0']").focus()
    page.keyboard.press("Space")  # "True" is wrong
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert result(page, "quiz-3") == "Not quite." and not key(page, "quiz-3").is_visible()
    focused = "document.activeElement.matches('#quiz-3 .smartshare-quiz__result')"
    assert page.evaluate(focused)
    page.keyboard.press("Shift+Tab")  # back from the result: "Show the answer", then "Try again"
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.activeElement.dataset.action") == "retry"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.name") == "smartshare-quiz-3"
    page.keyboard.press("ArrowDown")  # two options: the arrow selects the other one, "False"
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert result(page, "quiz-3") == "Correct!" and key(page, "quiz-3").is_visible()
    assert page.evaluate("document.activeElement !== document.body")


def test_without_javascript_questions_are_readable_and_answers_behind_show_answer(new_page, site_url):
    page = new_page(java_script_enabled=False)
    page.goto(site_url + MODULE)
    assert page.locator("#quiz-1 legend").inner_text() == "Which request suits a chatbot best?"
    assert not page.get_by_role("button", name="Check").first.is_visible()
    answer_key = page.locator("#quiz-1 .smartshare-quiz__answer")
    assert not answer_key.locator(".smartshare-quiz__explanation").is_visible()
    answer_key.get_by_text("Show answer").click()
    assert answer_key.locator(".smartshare-quiz__explanation").is_visible()


def test_print_shows_questions_without_answers(page, site_url):
    page.goto(site_url + MODULE)
    answer(page, "quiz-1", 0)
    page.emulate_media(media="print")
    assert page.locator("#quiz-1 legend").is_visible()
    assert not page.locator("#quiz-1 .smartshare-quiz__answer").is_visible()
    assert not page.locator(".smartshare-quiz-summary").is_visible()


SHORT_ANSWERS = """
/// quiz
Combien de minutes dure un atelier ?

- = 90 ± 5
///

/// quiz
Quel est le mot ?

- = Équipe
///
"""


@pytest.fixture(scope="module")
def french_site(tmp_path_factory):
    """A site of its own in French, served under a sub-path, built once for the module's tests that need other
    quizzes than the example's: short answers in one module, twelve options and a listed question in the other."""
    files = basic_tree()
    files["ai/chatbots.md"] = module("Chatbots") + SHORT_ANSWERS
    files["ai/machine-learning.md"] = files["ai/machine-learning.md"] + REAL_WORLD
    build = build_site(
        tmp_path_factory.mktemp("quiz-french"),
        files,
        config={
            "theme": {"name": "material", "font": False, "language": "fr"},
            "plugins": ["search", "smartshare/curriculum", "smartshare/quiz"],
        },
    )
    assert build.returncode == 0, build.output
    with serve_site(build.site, prefix="/formation/", unchanging=True) as url:
        yield url


def test_short_answers_ignore_case_and_accents_and_french_ui(page, french_site):
    page.goto(french_site + "ai/chatbots/")
    page.locator("#quiz-1 input").fill(" 93 ")
    page.get_by_role("button", name="Vérifier").first.click()
    assert result(page, "quiz-1") == "Bonne réponse !"
    page.locator("#quiz-2 input").fill("  EQUIPE ")
    page.locator("#quiz-2 input").press("Enter")
    assert result(page, "quiz-2") == "Bonne réponse !"
    assert score(page) == "Auto-évaluation : 2 sur 2 correctes"


def test_quizzes_have_no_serious_accessibility_violation_once_checked(page, site_url):
    """axe-core on the quizzes and their summary once answered and checked (colour contrast, names, roles: every rule
    of axe's default set, only the violations reported, so axe skips gathering what passed). As loaded, unanswered,
    the module's page is scanned with every rule by tests/browser/test_accessibility.py (`walk`)."""
    from harness import axe_script

    page.goto(site_url + MODULE)
    page.evaluate(axe_script())  # into this document only: the module's tab serves later tests without it
    answer(page, "quiz-1", 1)
    answer(page, "quiz-2", 0, 1, 3)
    context = {"include": [[".smartshare-quiz"], [".smartshare-quiz-summary"]]}
    run = "([context, options]) => axe.run(context, options).then(results => results.violations)"
    violations = page.evaluate(run, [context, {"resultTypes": ["violations"]}])
    serious = [
        f"{v['id']} {[n['target'] for n in v['nodes']]}" for v in violations if v["impact"] in ("serious", "critical")
    ]
    assert not serious, serious


TWELVE = "\n".join(f"- [{'x' if n in (2, 10) else ' '}] Option {n}" for n in range(12))
REAL_WORLD = f"""
/// quiz
    id: twelve
Which two are right?

{TWELVE}
///

/// quiz
    id: listed
Which statements about chatbots are true?

- They answer at any hour
- They never make mistakes

- [x] Only the first
- [ ] Both
///
"""


def test_multiple_choice_with_twelve_options_straddling_ten_is_marked_right(page, french_site):
    """Option indexes are compared as numbers: checked 2 and 10 match the key [2, 10] (as text, "10" < "2")."""
    page.goto(french_site + "ai/machine-learning/")
    answer(page, "twelve", 2, 11)
    assert result(page, "twelve") == "Pas tout à fait."
    page.locator("#twelve [data-action=retry]").click()
    answer(page, "twelve", 10, 2)
    assert result(page, "twelve") == "Bonne réponse !"
    # the question's own list is part of the question, not options
    assert page.locator("#listed .smartshare-quiz__details li").all_inner_texts() == [
        "They answer at any hour",
        "They never make mistakes",
    ]
    assert page.locator("#listed input").count() == 2
    answer(page, "listed", 0)
    assert result(page, "listed") == "Bonne réponse !"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_choices_and_buttons_follow_the_sites_accent_colour(page, site_url, scheme):
    page.emulate_media(color_scheme=scheme)  # the system setting, as a context's `color_scheme` sets it
    page.goto(site_url + MODULE)
    accent = page.evaluate("getComputedStyle(document.body).getPropertyValue('--md-accent-fg-color').trim()")
    resolve = "c => { const e = document.createElement('i'); e.style.color = c; document.body.append(e); "
    resolve += "const value = getComputedStyle(e).color; e.remove(); return value }"
    colour = page.evaluate(resolve, accent)
    radio = page.locator("#quiz-1 input").first.evaluate("e => getComputedStyle(e).accentColor")
    button = page.locator("#quiz-1 [data-action=check]").evaluate("e => getComputedStyle(e).borderTopColor")
    page.goto(site_url + "mentor/")
    mentor = page.locator("[data-smartshare-mentor-optin]").evaluate("e => getComputedStyle(e).borderTopColor")
    assert radio == colour and button == colour and mentor == colour
