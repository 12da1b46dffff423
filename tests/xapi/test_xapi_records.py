"""What a statement becomes: the reader's rules on statements written for the tests (no LRS needed)."""

from __future__ import annotations

import pytest

from smartshare.core.xapi import VERBS, UnreadableStatement, Vocabulary, statement_record

SITE = "https://learn.example.com/"
WORDS = Vocabulary.for_site(SITE)


def made(verb: str, object_id: str, result: dict | None = None, actor: dict | None = None, **context) -> dict:
    keys = {"module": "ai/chatbots", "track": "ai", **context}
    statement = {
        "id": "c0ffee00-0000-4000-8000-000000000001",
        "actor": actor or {"account": {"homePage": SITE, "name": "anon-1"}},
        "verb": {"id": VERBS[verb]},
        "object": {"id": object_id},
        "context": {
            "contextActivities": {"grouping": [{"id": SITE}]},
            "extensions": {WORDS.extension(k): v for k, v in keys.items()},
        },
        "timestamp": "2026-11-26T09:30:00.123456+00:00",
    }
    if result is not None:
        statement["result"] = result
    return statement


def test_a_view_is_not_feedback():
    assert statement_record(made("viewed", WORDS.module("ai/chatbots")), SITE) is None


def test_another_sites_statement_is_not_ours():
    assert statement_record(made("rated", WORDS.module("ai/chatbots"), {"score": {"raw": 2}}), "https://other/") is None


def test_a_question_id_is_read_back_from_the_activity_id_even_with_characters_that_are_escaped():
    record = statement_record(
        made("answered", WORDS.question("ai/chatbots", "q 1/é"), {"success": True, "response": "hello"}), SITE
    )
    assert (record.question, record.choice, record.correct, record.first_try) == ("q 1/é", "hello", True, None)
    assert record.time == "2026-11-26T09:30:00Z"


def test_an_actor_the_organisation_configured_is_kept_only_as_a_hash():
    named = {"mbox": "mailto:jane.doe@example.com"}
    record = statement_record(made("rated", WORDS.module("ai/chatbots"), {"score": {"raw": 1}}, actor=named), SITE)
    assert record.rating == 1 and len(record.respondent) == 20 and "jane" not in record.respondent


@pytest.mark.parametrize(
    ("statement", "message"),
    [
        (made("answered", WORDS.module("ai/chatbots"), {"success": True}), "which is not a question of module"),
        (made("answered", WORDS.question("ai/chatbots", "q"), {"response": "0"}), "an answer without result.success"),
        (
            made("completed", WORDS.self_check("ai/chatbots"), {"score": {"scaled": 1.5}}),
            "score.scaled between 0 and 1",
        ),
        (made("rated", WORDS.module("ai/chatbots"), {"score": {"raw": True}}), "result.score.raw from 1 to 3"),
        ({**made("rated", WORDS.module("ai/chatbots"), {"score": {"raw": 2}}), "id": ""}, "no statement id"),
        ("not an object", "not a JSON object"),
    ],
)
def test_a_statement_of_the_site_that_lacks_what_its_kind_needs_is_unreadable(statement, message):
    with pytest.raises(UnreadableStatement, match=message):
        statement_record(statement, SITE)
