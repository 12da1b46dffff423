"""The specialised checks of `core.fastcheck` accept what each field type's own check accepts, normalised the same
way, and refuse the rest with that check's own words, position inside the value included."""

import datetime as dt

import pytest

from smartshare.core import schema
from smartshare.core.fastcheck import fast_check
from smartshare.core.fieldtypes import Invalid

VALUES = [
    "  plain   text  ",
    "Line one\nline two",
    "chatbots",
    "ai/chatbots.md",
    "/ai/chatbots/",
    "Bad Id!",
    "BEGINNER",
    "expert",
    "",
    "1h30",
    "2027-03-02 09:30",
    "2027-03-02T09:30:45.5",
    "2027-03-02",
    "2027-03-02 09:30+01:00",
    "2027-13-02 09:30",
    "Europe/Paris",
    "Europe/Pariss",
    "https://meet.example.com/x",
    "javascript:alert(1)",
    "amina@example.com",
    "https://forms.example.com/?s={session}",
    "https://forms.example.com/?s={nope}",
    0,
    1,
    90,
    -5,
    True,
    1.5,
    None,
    dt.date(2026, 9, 15),
    dt.datetime(2027, 3, 2, 9, 30, 45),
    dt.datetime(2027, 3, 2, 9, 30, tzinfo=dt.timezone.utc),
    ["a", "b"],
    ["a", "a"],
    ["ok-id", "Bad Id"],
    [" x  y ", 3],
    ["ai/a.md", "ai/a"],
    [["nested"]],
    [],
    {"a": 1},
]

KINDS = sorted(
    {
        (spec.type, f"{s.name}.{spec.name}")
        for s in schema.SCHEMAS
        for spec in s.fields
        if not isinstance(spec.type, schema.Record)
        and not (isinstance(spec.type, schema.ListOf) and isinstance(spec.type.item, schema.Record))
    },
    key=lambda pair: pair[1],
)


def outcome(check, value):
    try:
        return "ok", check(value)
    except Invalid as error:
        return "invalid", (error.code, error.message, error.hint, error.subpath)


@pytest.mark.parametrize(("kind", "name"), KINDS, ids=[name for _, name in KINDS])
def test_each_fields_specialised_check_answers_as_its_type_does(kind, name):
    fast = fast_check(kind)
    for value in VALUES:
        expected = outcome(kind.check, value)
        assert outcome(fast, value) == expected, value
        assert outcome(fast, value) == expected, value  # a remembered answer is the same answer


def test_a_bad_item_deep_in_a_list_is_reported_at_its_index():
    values, issues = schema.MODULE.validate(
        {"title": "T", "summary": "S", "objectives": ["o"], "mentors": ["a", "B c"]}
    )
    assert [(i.path, i.code) for i in issues] == [(("mentors", 1), "bad-id")]
    assert values["mentors"] == []
