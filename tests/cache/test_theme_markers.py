"""smartshare/cache, a themed page from the cache (cache/page.py): the frames of its `LateHtml` markers given back in
one pass, exactly as putting back each marker in turn with `str.replace` does."""

from __future__ import annotations

import random

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


def test_a_page_is_stored_with_frames_as_replacing_each_marker_in_turn_gives():
    rng = random.Random(20261128)
    marker = _markers(1)[0]
    pieces = ["<!--smartshare-late-", "-->", "<!--", "x", "-", "<p>", *_markers(5), marker[:-3], marker[4:]]
    for _ in range(3000):
        count = rng.randrange(0, 6)
        markers = [rng.choice(_markers(5)) for _ in range(count)]  # a marker may be listed twice
        html = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 40)))
        expected = html
        for index, each in enumerate(markers):
            expected = expected.replace(each, FRAME.format(token=TOKEN, index=index))
        assert _portable(html, TOKEN, markers) == expected, (html, markers)
