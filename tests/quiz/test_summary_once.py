"""The page's self-check summary is serialised once a build and given each page's address: the same bytes as the
summary rendered for that page, whatever the address and the language."""

from __future__ import annotations

import random

import pytest
from markdown.serializers import to_html_string

from smartshare.core.i18n import Translator
from smartshare.quiz.render import QuizRenderer, SummaryHtml

#: what an address may hold: what the serializer escapes, entities, quotes, non-ASCII letters, percent escapes
PIECES = ["a", "module-0001", "/", "&", "&amp;", "<", ">", '"', "'", "é", "聊天", "%20", "#", "?x=1", " "]


def _addresses(count: int) -> list[str]:
    draw = random.Random(20261128)
    return ["track-01/module-0001/", ""] + [
        "".join(draw.choice(PIECES) for _ in range(draw.randint(1, 8))) for _ in range(count)
    ]


@pytest.mark.parametrize(("language", "tries"), [("en", 3), ("fr", 0), ("zh", 5)])
def test_the_summary_is_the_one_rendered_for_the_page(language, tries):
    t = Translator(language)
    summaries = SummaryHtml(t, tries)
    for address in _addresses(2000):
        expected = to_html_string(QuizRenderer(lambda parent, text: None, t).summary(address, tries))
        assert summaries.html(address) == expected, address


def test_a_plain_address_is_placed_in_the_summary_serialised_once(monkeypatch):
    summaries = SummaryHtml(Translator("en"), 3)
    made: list[str] = []
    serialised = summaries._serialised
    monkeypatch.setattr(summaries, "_serialised", lambda address: made.append(address) or serialised(address))
    pages = [f"track-{n:02}/module-{n:04}/" for n in range(50)]
    assert all(f'data-smartshare-page="{page}"' in summaries.html(page) for page in pages)
    assert len(made) == 1 and made[0] not in pages
    summaries.html("a&b/")  # escaped by the serializer: serialised for its page
    assert made[1:] == ["a&b/"]
