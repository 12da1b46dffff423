"""The browser tests' guard (tests/browser/harness.py): a request to another host never leaves, and is recorded."""

import pytest
from harness import guard_requests

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
