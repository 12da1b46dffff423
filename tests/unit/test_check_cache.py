"""`core.checkcache`: values kept as JSON come back equal and of the same types; what JSON cannot hold exactly is
not kept; the preview server's module cache does not make the check forget its entries."""

from __future__ import annotations

import datetime as dt
import json
import math

import pytest

from sitebuilder import basic_tree, write_tree
from smartshare.core import checkcache
from smartshare.core.checkcache import CheckCache, Unstorable, decode, encode
from smartshare.core.loader import LoadOptions, ModuleCache, load_curriculum

VALUES = [
    {"title": "Chatbots", "duration": 90, "ratio": 0.5, "draft": False, "lang": None},
    {"reviewed": dt.date(2026, 9, 1), "start": dt.datetime(2026, 10, 1, 9, 30)},
    {"at": dt.datetime(2026, 10, 1, 9, 30, 15, 250, tzinfo=dt.timezone(dt.timedelta(hours=2)))},
    {"path": ("mentors", 1), "steps": [{"minutes": 10, "what": "Intro"}], "nested": [[1, "a"], []]},
    {"\x01odd key": "\x00text with a NUL and a lone surrogate \udc80"},
    [1, True, "1", 1.0, float("inf")],
]


@pytest.mark.parametrize("value", VALUES)
def test_a_kept_value_comes_back_equal_and_of_the_same_types(value):
    back = decode(json.loads(json.dumps(encode(value))))
    assert back == value and repr(back) == repr(value)


def test_nan_comes_back_as_nan():
    assert math.isnan(decode(json.loads(json.dumps(encode(float("nan"))))))


@pytest.mark.parametrize(
    "value", [{1: "a number as key"}, {dt.date(2026, 1, 1): "a date as key"}, {"\0d": "our tag"}, {1, 2}, b"bytes"]
)
def test_what_json_cannot_hold_exactly_is_not_kept(value):
    with pytest.raises(Unstorable):
        encode(value)


def test_modules_answered_by_the_preview_servers_cache_keep_their_entries(tmp_path, monkeypatch):
    monkeypatch.setattr(checkcache, "code_fingerprint", lambda: "this version")
    write_tree(tmp_path / "docs", basic_tree())
    modules = ModuleCache()
    for _ in range(2):  # the second load takes every module from `modules`, none from the check cache
        cache = CheckCache.open(str(tmp_path / "cache"), str(tmp_path / "docs"))
        load_curriculum(str(tmp_path / "docs"), LoadOptions(cache=modules, check_cache=cache))
        cache.save()
    kept = cache.open(str(tmp_path / "cache"), str(tmp_path / "docs"))
    assert kept.get("module", "ai/chatbots.md", (tmp_path / "docs/ai/chatbots.md").read_text()) is not None
