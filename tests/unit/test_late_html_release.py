"""Held HTML is put back where `str.find` sees a marker's prefix: the same pages as the marker pattern's `sub`."""

from __future__ import annotations

import random

from smartshare.plugin_support import LateHtml


def _pieces(late: LateHtml) -> list[str]:
    prefix = late._prefix
    return [
        prefix,
        f"{prefix}0-->",
        f"{prefix}1-->",
        f"{prefix}2-->",
        f"{prefix}7-->",  # not held: dropped
        f"{prefix}0000000001-->",  # ten digits: not a marker
        f"{prefix}000000001-->",  # nine: a marker
        f"{prefix}١-->",  # a decimal digit of another script: the pattern's `\d` takes it too
        f"{prefix}-->",
        f"{prefix}1->",
        f"{prefix}{prefix}1-->",
        prefix[:-1],
        "<!--smartshare-late-",
        "<!--",
        "-->",
        "1",
        "<p>text</p>",
        "é",
        "\n",
    ]


def test_a_page_gets_back_what_the_marker_pattern_would_put_in():
    rng = random.Random(20261127)
    for _ in range(1_000):  # every break tried (adjacent markers, a number past the held pieces) fails within 500
        late, pattern_late = LateHtml("curriculum"), LateHtml("curriculum")
        pattern_late._prefix, pattern_late._marker = late._prefix, late._marker
        for number in range(rng.randint(0, 4)):
            held = rng.choice([f"<b>{number}</b>", "", f"{late._prefix}0-->"])
            late.hold(held)
            pattern_late.hold(held)
        page = "".join(rng.choice(_pieces(late)) for _ in range(rng.randint(0, 12)))
        expected = pattern_late._marker.sub(pattern_late._take, page) if late._prefix in page else page
        assert late.release(page) == expected, page
        assert late._held == pattern_late._held  # the same pieces were taken (each is placed once)


def test_a_piece_given_as_a_function_is_made_when_its_marker_is_replaced():
    late = LateHtml("curriculum")
    made = []
    marker = late.hold(lambda: made.append(1) or "<p>late</p>")
    assert not made
    assert late.release(f"<main>{marker}</main>{marker}") == "<main><p>late</p></main>"
    assert made == [1]


def test_a_page_without_markers_is_returned_as_it_is():
    late = LateHtml("quiz")
    late.hold("<p>answer</p>")
    page = "<html>" + "<!--smartshare-late-quiz-0-->" * 3 + "</html>"
    assert late.release(page) is page
