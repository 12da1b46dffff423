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


def twins(name: str, rng: random.Random) -> tuple[LateHtml, LateHtml]:
    """Two releases of one plugin with the same prefix and the same random pieces held (markers among them)."""
    late, twin = LateHtml(name), LateHtml(name)
    twin._prefix, twin._marker = late._prefix, late._marker
    for number in range(rng.randint(0, 4)):
        held = rng.choice([f"<b>{number}</b>", "", f"{late._prefix}0-->"])
        late.hold(held)
        twin.hold(held)
    return late, twin


def test_a_page_gets_back_what_the_marker_pattern_would_put_in():
    rng = random.Random(20261127)
    for _ in range(1_000):  # every break tried (adjacent markers, a number past the held pieces) fails within 500
        late, pattern_late = twins("curriculum", rng)
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


def test_a_text_inserted_in_the_same_pass_gives_the_release_of_the_page_with_the_text():
    """`release(page, (index, text))` is `release(page[:index] + text + page[index:])`: the switch the mentor plugin
    places in its release's pass. Indexes inside markers and prefixes, texts that hold a marker or complete one
    at the index, are among those drawn."""
    rng = random.Random(20261128)
    fused = 0
    for _ in range(6_000):
        late, two_steps = twins("mentor", rng)
        cut = rng.randint(1, len(late._prefix) - 1)
        halves = [late._prefix[:cut], late._prefix[cut:], late._prefix[cut:] + "1-->"]  # a marker made at the index
        pieces = _pieces(late) + halves
        page = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        index = rng.randint(0, len(page))
        text = "".join(rng.choice([*pieces, "<div>switch</div>", "-->", "0", "-"]) for _ in range(rng.randint(0, 3)))
        fused += late._apart(page, index, text)
        assert late.release(page, (index, text)) == two_steps.release(page[:index] + text + page[index:])
        assert late._held == two_steps._held
    assert fused > 500  # many draws take the one pass


def test_a_text_inserted_in_a_page_without_markers_is_joined_in():
    late = LateHtml("mentor")
    assert late.release("<article>body</article>", (9, "<div>switch</div>")) == (
        "<article><div>switch</div>body</article>"
    )


def test_a_marker_completed_by_the_inserted_text_is_put_back_as_in_two_steps():
    for cut in range(1, 60):
        late, two_steps = LateHtml("mentor"), LateHtml("mentor")
        two_steps._prefix, two_steps._marker = late._prefix, late._marker
        late.hold("<p>held</p>")
        two_steps.hold("<p>held</p>")
        head, tail = late._prefix[:cut], late._prefix[cut:] + "0-->"
        for page, index, text in [
            ("<p>a</p>" + head, len("<p>a</p>" + head), tail + "<div>switch</div>"),  # the text ends the marker
            (tail + "<p>a</p>", 0, "<div>switch</div>" + head),  # the text starts it
            (head + tail[:1] + "<p>a</p>", len(head), tail[1:]),  # the text completes it from within
        ]:
            expected = two_steps.release(page[:index] + text + page[index:])
            assert late.release(page, (index, text)) == expected, (cut, page, index, text)
