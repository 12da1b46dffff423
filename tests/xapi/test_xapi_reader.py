"""`read_statements` against a real Ralph LRS: statements written with the site's write-only credential, read back
as feedback records by a mentor's credential, page after page."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
import uuid

import pytest

from smartshare.core.feedbackrecords import FeedbackRecord
from smartshare.core.xapi import VERBS, VERSION, Vocabulary, read_statements

# one Ralph for all of them: with `make test` (--dist loadgroup) they run in the same test process
pytestmark = pytest.mark.xdist_group("lrs")

SITE = "https://learn.example.com/"  # not the browser tests' site: these statements are told apart by their site
WORDS = Vocabulary.for_site(SITE)
LEARNER = "5b0f6a7e-3d2c-4c43-9a57-0c8e1f0e2a11"


def statement(verb: str, object_id: str, result: dict | None = None, *, site: str = SITE, **context) -> dict:
    words = Vocabulary.for_site(site)
    keys = {"module": "ai/chatbots", "track": "ai", "lang": "fr", "build": "0123abc", **context}
    made = {
        "id": str(uuid.uuid4()),
        "actor": {"objectType": "Agent", "account": {"homePage": site, "name": LEARNER}},
        "verb": {"id": VERBS[verb]},
        "object": {"objectType": "Activity", "id": object_id},
        "context": {
            "contextActivities": {"grouping": [{"id": site}, {"id": words.track("ai")}]},
            "extensions": {words.extension(k): v for k, v in keys.items() if v is not None},
        },
        "timestamp": "2026-11-26T10:30:00+01:00",
    }
    if result is not None:
        made["result"] = result
    return made


def put(lrs, made: dict, auth: str | None = None) -> int:
    request = urllib.request.Request(
        f"{lrs.endpoint}statements?statementId={made['id']}",
        data=json.dumps(made).encode(),
        method="PUT",
        headers={
            "Authorization": auth or lrs.writer,
            "X-Experience-API-Version": VERSION,
            "Content-Type": "application/json",
        },
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.status


@pytest.fixture(scope="module")
def written(lrs):
    """Seven statements of the site (more than a page of the LRS's answers), one of another site, two broken."""
    question = WORDS.question("ai/chatbots", "purpose")
    made = {
        "viewed": statement("viewed", WORDS.module("ai/chatbots")),
        "wrong": statement(
            "answered",
            question,
            {"success": False, "response": "1", "extensions": {WORDS.extension("first-try"): True}},
            session="2026-11-26-ai",
        ),
        "right": statement(
            "answered",
            question,
            {"success": True, "response": "0[,]2", "extensions": {WORDS.extension("first-try"): False}},
        ),
        "completed": statement(
            "completed", WORDS.self_check("ai/chatbots"), {"completion": True, "score": {"scaled": 0.5}}
        ),
        "rated": statement("rated", WORDS.module("ai/chatbots"), {"score": {"raw": 3, "min": 1, "max": 3}}),
        "elsewhere": statement(
            "rated",
            "https://other.example.com/xapi/modules/x",
            {"score": {"raw": 1}},
            site="https://other.example.com/",
        ),
        "no_module": statement("rated", WORDS.module("ai/chatbots"), {"score": {"raw": 2}}, module=None),
        "bad_rating": statement("rated", WORDS.module("ai/chatbots"), {"score": {"raw": 7}}),
    }
    for one in made.values():
        assert put(lrs, one) == 204
    return made


def test_the_site_credential_may_write_but_never_read(lrs, written):
    records, problems = read_statements(lrs.endpoint, auth=lrs.writer, site=SITE)
    assert records == []
    assert [p.format() for p in problems] == [
        f"{lrs.endpoint}:1:1: error [xapi-lrs] the LRS refused to list statements (HTTP 401) — use a credential that "
        "may read statements (Ralph: scope statements/read), not the site's write-only one"
    ]


def test_statements_come_back_as_records_across_pages(lrs, written):
    records, problems = read_statements(lrs.endpoint, auth=lrs.reader, site=SITE)
    keys = {"module": "ai/chatbots", "track": "ai", "lang": "fr", "build": "0123abc", "source": "xapi"}
    keys.update(time="2026-11-26T09:30:00Z", respondent=LEARNER)
    assert records == sorted(
        [
            FeedbackRecord(
                key=written["wrong"]["id"],
                kind="answer",
                session="2026-11-26-ai",
                question="purpose",
                choice="1",
                correct=False,
                first_try=True,
                **keys,
            ),
            FeedbackRecord(
                key=written["right"]["id"],
                kind="answer",
                question="purpose",
                choice="0,2",
                correct=True,
                first_try=False,
                **keys,
            ),
            FeedbackRecord(key=written["completed"]["id"], kind="completion", score=0.5, **keys),
            FeedbackRecord(key=written["rated"]["id"], kind="rating", rating=3, **keys),
        ]
    )
    assert sorted((p.path, p.column, str(p.severity), p.code, p.message, p.hint) for p in problems) == sorted(
        (
            lrs.endpoint,
            1,
            "warning",
            "xapi-statement",
            f"statement {written[name]['id']}: {message}",
            "left out; the other statements were read",
        )
        for name, message in [
            ("no_module", "no module id in its context"),
            ("bad_rating", "a rating without result.score.raw from 1 to 3"),
        ]
    )
    # located by their place in what the LRS sent: 7 statements of the site, over two pages of 4
    assert len({p.line for p in problems}) == 2 and all(1 <= p.line <= 7 for p in problems)


def test_since_leaves_out_what_was_stored_before(lrs, written):
    records, problems = read_statements(lrs.endpoint, auth=lrs.reader, site=SITE, since="2999-01-01T00:00:00Z")
    assert (records, problems) == ([], [])
    records, problems = read_statements(lrs.endpoint, auth=lrs.reader, site=SITE, since="2000-01-01T00:00:00Z")
    assert len(records) == 4 and len(problems) == 2


def test_without_a_site_every_smartshare_site_is_read_and_nothing_else(lrs, written):
    records, _ = read_statements(lrs.endpoint, auth=lrs.reader)
    ours = {r.key for r in records}
    assert written["elsewhere"]["id"] in ours and written["rated"]["id"] in ours
    assert written["viewed"]["id"] not in ours


def test_an_lrs_that_cannot_be_reached_is_one_error(tmp_path):
    records, problems = read_statements("http://127.0.0.1:9/xAPI/", auth="Basic eDp5")
    assert records == [] and [p.code for p in problems] == ["xapi-lrs"]
    assert (
        problems[0]
        .format()
        .startswith(
            "http://127.0.0.1:9/xAPI/:1:1: error [xapi-lrs] cannot reach the LRS at http://127.0.0.1:9/xAPI/statements?"
        )
    )
