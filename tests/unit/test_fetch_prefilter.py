"""The quick look for `//` and `@import` before the check's pattern, and the pattern tried only where a match can
end (before each `//`), decide exactly as the pattern alone."""

from __future__ import annotations

import itertools
import random

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


#: what may sit between an attribute and its `//`, and what may not (`<`, `>`, `/`), with letters that match ASCII
#: ones only when the case is ignored (LATIN SMALL LETTER LONG S, KELVIN SIGN)
WINDOWS = [
    *PIECES,
    "///",
    "/ /",
    " ",
    "\n\t",
    "=",
    '"',
    "(",
    "<",
    "x:",
    "\u017frc=",
    "\u212a",
    "url(",
    "URL(",
    "Src",
    "data =\n '",
    "<LINK REL=ICON HREF=",
    "a>",
]


def test_the_pattern_tried_before_each_double_slash_agrees_with_the_whole_pattern():
    rng = random.Random(20261127)
    found = 0
    for _ in range(20000):
        html = "".join(rng.choice(WINDOWS) for _ in range(rng.randrange(1, 14)))
        expected = MAY_FETCH.search(html) is not None
        assert may_fetch(html) == expected, repr(html)
        found += expected
    assert 2000 < found < 18000
