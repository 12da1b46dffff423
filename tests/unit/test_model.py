"""Rules about one module, written once on the model and used by the build, the mentor view and `stats`."""

import datetime as dt

import pytest

from smartshare.core.model import Module

TODAY = dt.date(2026, 9, 21)


def module(**fields) -> Module:
    return Module(
        id="ai/chatbots", src_uri="ai/chatbots.md", track_id="ai", title="T", summary="", objectives=[], **fields
    )


@pytest.mark.parametrize(
    ("reviewed", "age", "stale"),
    [
        (dt.date(2026, 9, 21), 0, False),
        (dt.date(2025, 9, 21), 365, False),  # exactly the maximum age: still fresh
        (dt.date(2025, 9, 20), 366, True),
        (None, None, True),  # never reviewed: as due for review as an old review
    ],
)
def test_review_age_and_staleness(reviewed, age, stale):
    assert module(reviewed=reviewed).review_age(TODAY) == age
    assert module(reviewed=reviewed).is_stale(TODAY, 365) is stale


def test_planned_minutes_add_up_the_run_sheet_and_ignore_what_is_not_a_step():
    session = {"run_sheet": [{"step": "Warm-up", "minutes": 10}, {"step": "Talk"}, "stray", {"minutes": 25}]}
    assert module(session=session).planned_minutes == 35
    assert module().planned_minutes == 0


@pytest.mark.parametrize(
    ("duration", "steps", "disagrees"),
    [(60, [20, 40], False), (60, [20, 30], True), (None, [20, 30], False), (60, [], False)],
)
def test_a_run_sheet_disagrees_only_when_both_it_and_the_duration_are_written(duration, steps, disagrees):
    session = {"run_sheet": [{"step": "s", "minutes": m} for m in steps]}
    assert module(duration=duration, session=session).run_sheet_disagrees is disagrees
