"""Sessions in a real Chromium: times in the reader's zone, sessions passing while the page is cached, filters, and
the session id reaching the feedback links. The browser clock is set (Playwright's clock) to a day of the term."""

import datetime as dt
import re
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from harness import ContextPool, serve_site

from sitebuilder import build_site

sys.path.insert(0, str(Path(__file__).parents[1] / "sessions"))
from sitefixture import CONFIG, sessions_tree

pytestmark = pytest.mark.browser

BEFORE_TERM = dt.datetime(2026, 9, 22, 12, 0, tzinfo=dt.timezone.utc)
AFTER_FIRST = dt.datetime(2026, 10, 10, 12, 0, tzinfo=dt.timezone.utc)  # chatbots-paris (6 Oct) is over


@pytest.fixture(scope="module")
def browser_contexts(browser):
    """The module's own browser contexts, closed with it: Playwright's clock, which its tests set, belongs to the
    context and cannot be unset, so no other module may have them (tests/conftest.py shares the default ones)."""
    pool = ContextPool(browser)
    yield pool
    pool.close()


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    build = build_site(
        tmp_path_factory.mktemp("sessions-browser"), sessions_tree(), config={**CONFIG, "site_url": None}
    )
    assert build.returncode == 0, build.output
    with serve_site(build.site, unchanging=True) as url:  # built once: the module's browser contexts keep its files
        yield url


def open_at(new_page, url, when, **options):
    page = new_page(search=False, **options)  # no test here searches
    page.clock.set_fixed_time(when)
    page.goto(url)
    return page


def entry(page, session_id):
    return page.locator(f'[data-smartshare-session="{session_id}"]').first


def visible_ids(page, scope="[data-smartshare-upcoming]"):
    return page.eval_on_selector_all(
        f"{scope} [data-smartshare-session]",
        "els => els.filter(e => !e.hidden && e.offsetParent !== null).map(e => e.dataset.smartshareSession)",
    )


def test_a_reader_in_singapore_sees_paris_times_and_their_own(new_page, base_url):
    page = open_at(new_page, base_url + "sessions/", BEFORE_TERM, timezone_id="Asia/Singapore", locale="en-GB")
    paris = entry(page, "chatbots-paris")
    assert "Tuesday" in paris.locator("[data-smartshare-when]").inner_text()
    assert re.search(r"9:30\s*–\s*10:30", paris.locator("[data-smartshare-when]").inner_text())
    local = paris.locator("[data-smartshare-local]")
    assert local.is_visible()
    assert re.search(r"^Your time: .*3:30\s*–\s*4:30\s*PM", local.inner_text())  # 09:30 in Paris is 15:30 here
    singapore = entry(page, "chatbots-singapore")
    assert re.search(r"2:00\s*–\s*3:00\s*PM", singapore.locator("[data-smartshare-when]").inner_text())
    assert not singapore.locator("[data-smartshare-local]").is_visible()  # same zone: no second time


def test_a_reader_in_paris_sees_singapore_times_and_their_own(new_page, base_url):
    page = open_at(new_page, base_url + "sessions/", BEFORE_TERM, timezone_id="Europe/Paris")
    assert not entry(page, "chatbots-paris").locator("[data-smartshare-local]").is_visible()
    local = entry(page, "chatbots-singapore").locator("[data-smartshare-local]")
    assert re.search(r"8:00\s*–\s*9:00\s*AM", local.inner_text())  # 14:00 in Singapore is 08:00 in Paris


def test_times_follow_the_site_language(new_page, base_url):
    page = open_at(new_page, base_url + "sessions/", BEFORE_TERM, timezone_id="Europe/Paris", locale="fr-FR")
    # the page is in English: dates are written the English way whatever the browser's locale
    assert "Tuesday" in entry(page, "chatbots-paris").locator("[data-smartshare-when]").inner_text()


def test_sessions_that_passed_since_the_build_move_to_past(new_page, base_url):
    page = open_at(new_page, base_url + "sessions/", AFTER_FIRST, timezone_id="Europe/Paris")
    assert "chatbots-paris" not in visible_ids(page)
    assert visible_ids(page, "[data-smartshare-past]") == ["chatbots-paris", "chatbots-paris-past"]
    page.goto(base_url + "ai/chatbots/")  # the same browser, its clock still set
    assert visible_ids(page) == ["chatbots-singapore", "ai-term-1"]


def test_a_module_page_says_so_when_every_session_has_passed(new_page, base_url):
    late = dt.datetime(2026, 12, 1, tzinfo=dt.timezone.utc)
    page = open_at(new_page, base_url + "ai/chatbots/", late, timezone_id="Europe/Paris")
    assert visible_ids(page) == []
    assert page.get_by_text("No upcoming session.").is_visible()


def test_filters_narrow_the_agenda_and_live_in_the_address(new_page, base_url):
    page = open_at(new_page, base_url + "sessions/", BEFORE_TERM, timezone_id="Europe/Paris")
    assert len(visible_ids(page)) == 6
    page.get_by_label("Mentor").select_option("leo-martin")
    assert visible_ids(page) == ["ml-cancelled", "ml-paris", "ai-term-2"]
    assert parse_qs(urlsplit(page.url).query) == {"mentor": ["leo-martin"]}
    assert page.locator("[data-smartshare-count]").inner_text() == "3 sessions shown"
    page.get_by_label("Place").select_option("Singapore office")
    assert visible_ids(page) == ["ai-term-2"]
    assert not page.locator('[data-smartshare-month="2026-10"]').is_visible()  # a month with nothing shown

    # a shared address: the filters come from it alone (sessions.js keeps nothing in the browser's storage)
    page.goto(base_url + "sessions/?language=fr&track=ai")
    assert page.get_by_label("Language").input_value() == "fr"
    assert visible_ids(page) == ["chatbots-singapore"]


def feedback_href(page):
    return page.locator('[data-smartshare-feedback] a[data-rating="3"]').get_attribute("href")


def test_the_session_id_reaches_the_feedback_link(new_page, base_url):
    page = open_at(new_page, base_url + "sessions/", BEFORE_TERM, timezone_id="Europe/Paris")
    entry(page, "ml-paris").get_by_role("link", name="Machine learning").click()
    page.wait_for_url("**/ai/machine-learning/?session=ml-paris")
    assert parse_qs(urlsplit(feedback_href(page)).query)["session"] == ["ml-paris"]

    # a link given out in the room
    room = open_at(new_page, base_url + "ai/chatbots/?session=chatbots-paris", BEFORE_TERM)
    assert parse_qs(urlsplit(feedback_href(room)).query)["session"] == ["chatbots-paris"]
    # the same tab, another module of the session opened without the id: the id the learner came with is kept
    room.goto(base_url + "ai/chatbots/")
    assert parse_qs(urlsplit(feedback_href(room)).query)["session"] == ["chatbots-paris"]
    # a new tab that never had an id: the placeholder is empty
    fresh = open_at(new_page, base_url + "ai/chatbots/", BEFORE_TERM)
    assert "session=&" in feedback_href(fresh)
