"""The learner's progress on the example site: done modules, "Continue", My learning, export, import, bad storage."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


@pytest.fixture
def page(tab):
    """The module's tab, emptied between tests (tests/browser/conftest.py, `tab`): no test here searches (their own
    pages of `new_page` idle the search worker too) or adds scripts, routes or handlers to the page it is given."""
    return tab


MODULE = "ai/chatbots/"
NOTICE = "[data-smartshare-progress-notice]"


def complete_self_check(page) -> None:
    """Answer every quiz of the page right, through the page's own buttons."""
    quizzes = page.locator(".smartshare-quiz")
    for index in range(quizzes.count()):
        quiz = quizzes.nth(index)
        for option in json.loads(quiz.get_attribute("data-key")):
            quiz.locator(f"input[value='{option}']").check()
        quiz.get_by_role("button", name="Check").click()


def track_total(page) -> int:
    return len(
        json.loads(page.locator("[data-smartshare-progress-data]").last.get_attribute("data-smartshare-progress-data"))[
            "tracks"
        ]["ai"]["m"]
    )


def test_a_completed_module_shows_as_done_on_its_page_track_page_catalogue_and_my_learning(page, site_url):
    page.goto(site_url + MODULE)
    title = page.locator("h1").inner_text()
    complete_self_check(page)
    assert page.locator("[data-smartshare-progress-state]").inner_text() == "✓ Done — Self-check: 4 of 4"

    page.goto(site_url + "ai/")
    assert (
        page.locator(".smartshare-card[data-smartshare-module='ai/chatbots'] [data-smartshare-done]").inner_text()
        == "✓ Done"
    )
    total = track_total(page)
    bar = page.locator(".smartshare-track [data-smartshare-track-progress]")
    assert bar.inner_text() == f"1 of {total} modules"
    nav_link = page.locator(".md-nav__link[href$='chatbots/']").first
    assert nav_link.locator(".smartshare-done-mark").text_content() == "✓Done"
    start = page.locator(".smartshare-continue__next a")
    assert start.inner_text().startswith("Continue: ") and title not in start.inner_text()

    page.goto(site_url)
    card = page.locator(".smartshare-card--track[data-smartshare-track='ai'] [data-smartshare-track-progress]")
    assert card.inner_text() == f"1 of {total} modules"
    assert not page.locator(".smartshare-continue__next").is_visible()  # the only module visited is done

    page.get_by_role("link", name="My learning").first.click()
    page.wait_for_url("**/my-learning/")
    row = page.locator(".smartshare-learning__table tbody tr")
    expect(row).to_have_count(1)
    assert title in row.inner_text() and "Self-check: 4 of 4" in row.inner_text()
    assert row.locator("time").get_attribute("datetime")[:4].isdigit()
    assert f"1 of {total} modules" in page.locator("[data-smartshare-learning-list=tracks]").inner_text()
    assert title in page.locator("[data-smartshare-learning-list=recent]").inner_text()


def test_the_catalogue_offers_to_continue_the_last_module_visited_and_not_done(page, site_url):
    page.goto(site_url + MODULE)
    title = page.locator("h1").inner_text()
    page.goto(site_url)
    link = page.locator(".smartshare-continue__next a")
    assert link.inner_text() == f"Continue: {title}"
    link.click()
    page.wait_for_url("**/" + MODULE)


def test_a_track_page_offers_to_start_before_any_visit(page, site_url):
    page.goto(site_url + "ai/")
    first = page.locator(".smartshare-track .smartshare-card__title a").first.inner_text()
    assert page.locator(".smartshare-continue__next a").inner_text() == f"Start: {first}"
    assert page.locator(".smartshare-track [data-smartshare-track-progress]").inner_text().startswith("0 of ")


def test_export_then_import_in_a_fresh_browser_restores_progress(page, new_page, site_url, tmp_path):
    first = page
    first.goto(site_url + MODULE)
    complete_self_check(first)
    first.goto(site_url + "my-learning/")
    with first.expect_download() as download:
        first.get_by_role("button", name="Export my progress").click()
    exported = tmp_path / "progress.json"
    download.value.save_as(exported)
    assert json.loads(exported.read_text())["modules"]["ai/chatbots"]["done"]

    second = new_page(search=False)  # a new context: empty storage, as another browser
    second.goto(site_url + "my-learning/")
    assert "Nothing yet" in second.locator("[data-smartshare-learning-list=done]").inner_text()
    second.locator("[data-smartshare-import]").set_input_files(exported)
    expect(second.locator("[data-smartshare-learning-message]")).to_have_text("Progress imported: 1 modules.")
    assert second.locator(".smartshare-learning__table tbody tr").count() == 1
    second.goto(site_url + "ai/")
    assert second.locator(".smartshare-card[data-smartshare-module='ai/chatbots'] [data-smartshare-done]").is_visible()


#: files an import refuses, and what it says of each
REFUSED = [
    ("{not json", "This file is not a progress file of this site: nothing was changed."),
    ('{"v": 1, "modules": []}', "This file is not a progress file of this site: nothing was changed."),
    (
        '{"v": 1, "site": "another", "modules": {"ai/chatbots": {"done": "2026-01-01T00:00:00Z"}}, "recent": []}',
        "This progress file belongs to another site: nothing was changed.",
    ),
]


def test_a_malformed_or_foreign_progress_file_is_refused_and_changes_nothing(page, site_url, tmp_path):
    # one page for every file: each refusal leaves the page as it was, so the next file meets the same page
    page.goto(site_url + MODULE)
    page.goto(site_url + "my-learning/")
    key = page.evaluate("smartshareProgress.key()")
    before = page.evaluate(f"localStorage.getItem({json.dumps(key)})")
    said = page.locator("[data-smartshare-learning-message]")
    for number, (content, message) in enumerate(REFUSED):
        file = tmp_path / f"progress-{number}.json"
        file.write_text(content)
        said.evaluate("element => { element.textContent = '' }")  # what the previous file made it say: gone
        page.locator("[data-smartshare-import]").set_input_files(file)
        expect(said, content).to_have_text(message)
        assert page.evaluate(f"localStorage.getItem({json.dumps(key)})") == before, content
        assert "Nothing yet" in page.locator("[data-smartshare-learning-list=done]").inner_text(), content


def test_corrupted_stored_progress_is_set_aside_with_a_notice(page, site_url):
    page.goto(site_url + "my-learning/")
    key = page.evaluate("smartshareProgress.key()")
    page.evaluate(f"localStorage.setItem({json.dumps(key)}, '{{broken')")
    page.reload()
    assert page.locator(NOTICE).first.inner_text().startswith("The progress saved in this browser could not be read")
    assert page.evaluate(f"localStorage.getItem({json.dumps(key + '.unreadable')})") == "{broken"
    assert page.locator("[data-smartshare-learning-body]").is_visible()


def test_progress_from_an_older_version_is_migrated_with_a_notice(page, site_url):
    page.goto(site_url + "my-learning/")
    key = page.evaluate("smartshareProgress.key()")
    old = {"modules": {"ai/chatbots": {"seen": "2026-01-01T00:00:00Z", "done": "2026-01-02T00:00:00Z", "by": "hand"}}}
    page.evaluate(f"localStorage.setItem({json.dumps(key)}, {json.dumps(json.dumps(old))})")
    page.reload()
    assert page.locator(NOTICE).first.inner_text().startswith("Your progress was saved by an older version")
    assert json.loads(page.evaluate(f"localStorage.getItem({json.dumps(key)})"))["v"] == 1
    assert page.locator(".smartshare-learning__table tbody tr").count() == 1


def test_storage_disabled_degrades_to_a_notice_and_quizzes_still_work(new_page, site_url):
    page = new_page(search=False)
    page.add_init_script("""
        for (const name of ["getItem", "setItem", "removeItem"])
          Storage.prototype[name] = () => { throw new DOMException("storage is disabled", "SecurityError") }
    """)
    errors = []
    page.on("pageerror", lambda error: errors.append(error))
    page.goto(site_url + MODULE)
    assert page.locator(NOTICE).first.inner_text().startswith("This browser does not let the site keep your progress")
    complete_self_check(page)
    assert page.locator("#quiz-1 .smartshare-quiz__result").inner_text() == "Correct!"
    assert page.locator("[data-smartshare-progress-state]").inner_text().startswith("✓ Done")
    page.goto(site_url + "my-learning/")
    assert page.locator(NOTICE).first.is_visible()
    assert not [e for e in errors if "smartshare" in str(e.stack or "")], errors


def test_reset_asks_first_then_erases_progress(new_page, site_url):
    page = new_page(search=False)  # its own page: the handlers of its dialogs go with it
    page.goto(site_url + MODULE)
    page.goto(site_url + "my-learning/")
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.get_by_role("button", name="Erase my progress").click()
    assert "Nothing yet" not in page.locator("[data-smartshare-learning-list=recent]").inner_text()
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Erase my progress").click()
    expect(page.locator("[data-smartshare-learning-message]")).to_have_text("Your progress was erased.")
    assert "Nothing yet" in page.locator("[data-smartshare-learning-list=recent]").inner_text()


def test_full_storage_degrades_to_a_notice(new_page, site_url):
    page = new_page(search=False)
    page.add_init_script("""
        Storage.prototype.setItem = () => { throw new DOMException("full", "QuotaExceededError") }
    """)
    page.goto(site_url + MODULE)
    assert page.locator(NOTICE).first.inner_text().startswith("Your browser's storage for this site is full")
    complete_self_check(page)
    assert page.locator("#quiz-1 .smartshare-quiz__result").inner_text() == "Correct!"
