"""The browser tests' guard (tests/browser/harness.py): a request to another host never leaves, and is recorded."""

import pytest
from harness import DISABLED_FEATURES, guard_requests

pytestmark = pytest.mark.browser


def test_requests_to_other_hosts_are_refused_and_recorded_and_localhost_is_not(browser, site_url):
    context = browser.new_context()
    blocked: list[str] = []
    guard_requests(context, blocked)
    reasons: list[str] = []  # refused by Chromium's proxy (NOWHERE), not by a name server or a remote host
    context.on("requestfailed", lambda request: reasons.append(request.failure))
    page = context.new_page()
    page.goto(site_url)
    outside = ["http://example.com/by-name.js", "http://93.184.216.34/by-address.png", "https://example.org/tls.css"]
    answers = page.evaluate(
        "urls => Promise.all(urls.map(url => fetch(url, {mode: 'no-cors'}).then(() => 'answered', () => 'refused')))",
        [*outside, site_url],
    )
    context.close()
    assert answers == ["refused", "refused", "refused", "answered"]
    assert sorted(blocked) == sorted(outside)
    assert reasons == ["net::ERR_PROXY_CONNECTION_FAILED"] * 3


def test_chromium_keeps_playwrights_switched_off_features_and_opens_no_page_of_its_own(browser):
    """Chromium reads the last `--disable-features` only, ours (harness.DISABLED_FEATURES): it holds every feature an
    earlier one (Playwright's) turns off; and a context's window loads none of Chromium's own pages (the address bar's
    popups, harness.UNSEEN_FEATURES), which cost a context as much CPU as its first page."""
    context = browser.new_context()
    page = context.new_page()
    page.goto("chrome://version")
    switches = page.locator("#command_line").inner_text().split()
    targets = browser.new_browser_cdp_session().send("Target.getTargets")["targetInfos"]
    own_pages = [target["url"] for target in targets if target["type"] == "browser_ui"]
    context.close()
    lists = [switch.split("=", 1)[1].split(",") for switch in switches if switch.startswith("--disable-features=")]
    assert lists[-1] == DISABLED_FEATURES.split("=", 1)[1].split(",")
    assert set().union(*lists) - set(lists[-1]) == set()
    assert own_pages == []
