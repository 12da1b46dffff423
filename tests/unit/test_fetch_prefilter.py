"""The quick look for `//` and `@import` before the check's pattern decides exactly as the pattern alone."""

from __future__ import annotations

import itertools

from smartshare.intranet.external import MAY_FETCH, may_fetch

PIECES = [
    "<p>",
    "text ",
    'src="',
    "SRC = '",
    "data=",
    "poster=",
    "url( '",
    "@import ",
    "@IMPORT ",
    "@imp",
    "<link ",
    'rel="stylesheet" ',
    "href='",
    "https:",
    "//",
    "/",
    "host.example/x",
    ">",
]


def test_the_quick_look_agrees_with_the_pattern():
    found = 0
    for count in (1, 2, 3):
        for pieces in itertools.product(PIECES, repeat=count):
            html = "".join(pieces)
            expected = MAY_FETCH.search(html) is not None
            assert may_fetch(html) == expected, repr(html)
            found += expected
    assert found > 100  # both answers are met often
