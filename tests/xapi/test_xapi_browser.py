"""A learner's visit in headless Chromium reaches a real Ralph LRS as xAPI statements, also after being offline,
and comes back from it as feedback records."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from smartshare.core.feedbackrecords import FeedbackRecord
from smartshare.core.xapi import VERBS, Vocabulary, read_statements

from .conftest import BUILD

# one Ralph for all of them: with `make test` (--dist loadgroup) they run in the same test process
pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("lrs")]

MODULE = "ai/chatbots/"
SESSION = "2026-11-26-ai"
QUEUE_EMPTY = "() => (__md_get('smartshare.xapi.queue') || []).length == 0"


class Traffic:
    """Records what a browser context sends to the LRS, and every request to a host other than the site's and the
    LRS's (Chromium itself refuses those to other machines: tests/browser/harness.py, NOWHERE).

    Listened to, not routed: a Playwright route answers the CORS preflights itself (so the LRS's own answer to them
    went untested), costs a round trip to Python for every request and turns the browser's HTTP cache off, so every
    page fetched and compiled the theme's scripts again."""

    def __init__(self, context, site: str, lrs: str) -> None:
        self.allowed = {urlsplit(site).netloc, urlsplit(lrs).netloc}
        self.lrs = urlsplit(lrs).netloc
        self.blocked: list[str] = []
        self.sent: list = []
        context.on("request", self._request)

    def _request(self, request) -> None:
        parts = urlsplit(request.url)
        if parts.scheme in ("http", "https", "ws", "wss") and parts.netloc not in self.allowed:
            self.blocked.append(request.url)
        elif parts.netloc == self.lrs:
            self.sent.append(request)


@pytest.fixture
def visit(browser, xapi_site, lrs):
    context = browser.new_context()
    traffic = Traffic(context, xapi_site, lrs.endpoint)
    yield context, context.new_page(), traffic
    context.close()
    assert not traffic.blocked, f"requests to other hosts: {traffic.blocked}"


def answer(page, quiz: str, value: int) -> None:
    page.locator(f"#{quiz} input[value='{value}']").check()
    page.locator(f"#{quiz} [data-action=check]").click()


def learner(page) -> str:
    return page.evaluate("__md_get('smartshare.xapi.actor')")


def of(lrs, name: str) -> list[dict]:
    return [s for s in lrs.statements() if s["actor"].get("account", {}).get("name") == name]


def test_a_visit_sends_standard_statements_that_come_back_as_records(visit, xapi_site, lrs):
    _context, page, traffic = visit
    page.goto(xapi_site + MODULE + f"?session={SESSION}")
    answer(page, "purpose", 1)  # wrong first
    page.locator("#purpose [data-action=retry]").click()
    answer(page, "purpose", 0)
    answer(page, "hours", 0)  # the last question: the self-check is complete, 2 of 2 right
    # a click on a rating face (feedback.js) is what sends the rating; the mail client it would open is not tested
    face = page.locator('.smartshare-feedback__rating[data-rating="3"]')
    face.evaluate("link => link.addEventListener('click', event => event.preventDefault())")
    face.click()
    page.wait_for_function(QUEUE_EMPTY)
    name = learner(page)
    assert len(name) == 36  # a random UUID, made once in this browser: nothing personal

    words = Vocabulary.for_site(xapi_site)
    question = words.question("ai/chatbots", "purpose")
    received = of(lrs, name)
    assert [(s["verb"]["id"], s["object"]["id"], s.get("result")) for s in received] == [
        (VERBS["viewed"], words.module("ai/chatbots"), None),
        (
            VERBS["answered"],
            question,
            {"success": False, "response": "1", "extensions": {words.extension("first-try"): True}},
        ),
        (
            VERBS["answered"],
            question,
            {"success": True, "response": "0", "extensions": {words.extension("first-try"): False}},
        ),
        (
            VERBS["answered"],
            words.question("ai/chatbots", "hours"),
            {"success": True, "response": "0", "extensions": {words.extension("first-try"): True}},
        ),
        (
            VERBS["completed"],
            words.self_check("ai/chatbots"),
            {"completion": True, "score": {"scaled": 1.0, "raw": 2, "min": 0, "max": 2}},
        ),
        (VERBS["rated"], words.module("ai/chatbots"), {"score": {"raw": 3, "min": 1, "max": 3}}),
    ]
    for statement in received:
        assert statement["actor"] == {"objectType": "Agent", "account": {"homePage": xapi_site, "name": name}}
        assert statement["context"]["extensions"] == {
            words.extension("module"): "ai/chatbots",
            words.extension("track"): "ai",
            words.extension("session"): SESSION,
            words.extension("lang"): "en",
            words.extension("build"): BUILD,
        }
        assert [a["id"] for a in statement["context"]["contextActivities"]["grouping"]] == [
            xapi_site,
            words.track("ai"),
        ]
        # stored with the site's write-only credential, as its authority
        assert statement["authority"]["account"]["name"] == "site"
    puts = [r for r in traffic.sent if r.method == "PUT"]  # and the CORS preflights (OPTIONS) before them
    assert len(puts) == len(received) == 6
    assert all(r.all_headers()["x-experience-api-version"] == "1.0.3" for r in puts)
    assert all(r.all_headers()["authorization"] == lrs.writer for r in puts)

    records, problems = read_statements(lrs.endpoint, auth=lrs.reader, site=xapi_site)
    assert problems == []
    mine = [r for r in records if r.respondent == name]
    common = {
        "source": "xapi",
        "module": "ai/chatbots",
        "track": "ai",
        "session": SESSION,
        "lang": "en",
        "build": BUILD,
    }
    by_key = {r.key: r for r in mine}
    assert len(mine) == 5 and set(by_key) == {s["id"] for s in received[1:]}
    expected = [
        ("answer", {"question": "purpose", "choice": "1", "correct": False, "first_try": True}),
        ("answer", {"question": "purpose", "choice": "0", "correct": True, "first_try": False}),
        ("answer", {"question": "hours", "choice": "0", "correct": True, "first_try": True}),
        ("completion", {"score": 1.0}),
        ("rating", {"rating": 3}),
    ]
    for statement, (kind, fields) in zip(received[1:], expected, strict=True):
        record = by_key[statement["id"]]
        assert record == FeedbackRecord(
            key=statement["id"], kind=kind, time=record.time, respondent=name, **common, **fields
        )
        assert record.time.endswith("Z")


def test_offline_statements_wait_in_the_browser_then_arrive(visit, xapi_site, lrs):
    context, page, _traffic = visit
    page.goto(xapi_site + MODULE)
    page.wait_for_function(QUEUE_EMPTY)  # "viewed" is stored
    context.set_offline(True)
    answer(page, "hours", 0)
    waiting = page.evaluate("__md_get('smartshare.xapi.queue')")
    assert [item["statement"]["verb"]["id"] for item in waiting] == [VERBS["answered"]]
    answered = waiting[0]["statement"]["id"]
    assert answered not in {s["id"] for s in of(lrs, learner(page))}

    context.set_offline(False)  # the browser's "online" event sends the queue
    page.wait_for_function(QUEUE_EMPTY)
    assert answered in {s["id"] for s in of(lrs, learner(page))}


def test_the_site_credential_cannot_read_what_the_browser_sent(xapi_site, lrs):
    records, problems = read_statements(lrs.endpoint, auth=lrs.writer, site=xapi_site)
    assert records == [] and [p.code for p in problems] == ["xapi-lrs"]
