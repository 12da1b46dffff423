"""smartshare/cache, a themed page from the cache (cache/page.py): the frames of its `LateHtml` markers given back in
one pass, exactly as putting back each marker in turn with `str.replace` does; and what the keys hold of a page's
content (`context.content_digest`)."""

from __future__ import annotations

import random

from smartshare.cache.context import content_digest
from smartshare.cache.page import FRAME, _portable, _restore

TOKEN = "0123456789abcdef01234567"


def _one_by_one(html: str, token: str, markers: list[str]) -> str:
    """The rule: each marker's frame replaced in turn, wherever it is."""
    for index, marker in enumerate(markers):
        html = html.replace(FRAME.format(token=token, index=index), marker)
    return html


def _markers(count: int) -> list[str]:
    return [f"<!--smartshare-late-curriculum-{'a' * 16}-{index}-->" for index in range(count)]


def test_a_page_stored_with_frames_comes_back_with_this_builds_markers():
    markers = _markers(12)
    page = "<p>" + "</p><p>".join(markers + markers[3:5]) + "</p>"
    stored = _portable(page, TOKEN, markers)
    assert not any(marker in stored for marker in markers)
    assert _restore(stored, TOKEN, markers) == page


def test_frames_that_are_not_the_pages_stay_as_they_are():
    frame = FRAME.format(token=TOKEN, index="{}")
    html = "".join(
        [
            frame.format(1),
            frame.format("01"),  # not how an index is written
            frame.format(2),  # past the page's markers
            frame.format("1a"),
            frame.format(""),
            FRAME.format(token="another", index=0),
            frame.format(0)[:-3],  # cut short
            "text",
        ]
    )
    assert _restore(html, TOKEN, _markers(2)) == _one_by_one(html, TOKEN, _markers(2))


def test_random_pages_come_back_as_replacing_each_frame_in_turn_gives():
    rng = random.Random(20261127)
    start = FRAME.split("{index}")[0].format(token=TOKEN)
    pieces = [start, "-->", "0", "1", "9", "10", "01", "-", "<!--", "x", " ", "<p>", *_markers(3)]
    for _ in range(3000):
        count = rng.randrange(0, 12)
        html = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 40)))
        if rng.random() < 0.5:
            html += FRAME.format(token=TOKEN, index=rng.randrange(0, 14))
        assert _restore(html, TOKEN, _markers(count)) == _one_by_one(html, TOKEN, _markers(count)), html


def test_the_content_in_a_key_is_its_text_and_where_its_markers_stood_whatever_their_nonce():
    first, other_build = _markers(2), [m.replace("a" * 16, "b" * 16) for m in _markers(2)]
    page = "<p>é \udcff</p>{0}<p>x</p>{1}"  # non-ASCII, and a lone surrogate (written as MkDocs may read it)
    digest, positions = content_digest(page.format(*first), first)
    assert content_digest(page.format(*other_build), other_build) == (digest, positions)
    assert positions == ["10:0", f"{10 + len(first[0]) + 8}:1"]  # in characters
    different = [
        ("<p>é \udcff</p>{0}<p>y</p>{1}", first),  # a character of the text
        ("<p>é \udcff</p><p>x</p>{0}{1}", first),  # a marker elsewhere
        ("<p>é \udcff</p>{0}<p>x</p>", first[:1]),  # a marker less
    ]
    for text, markers in different:
        assert content_digest(text.format(*markers), markers) != (digest, positions), text
    # the pieces are told apart: text moved from one side of a marker to the other is another content
    assert content_digest(f"ab{first[0]}c", first[:1])[0] != content_digest(f"a{first[0]}bc", first[:1])[0]
    assert content_digest(f"a{first[0]}", first[:1])[0] != content_digest("a", [])[0]
