"""The head's alternate links leave each page with the whitespace before them, as the pattern `\\s*<link …>` did
(languages.py finds them by their text: that pattern tried its `\\s*` at every blank of a page)."""

import random
import re

from smartshare.curriculum.languages import _without_head_alternates

OLD = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')
LINK = '<link rel="alternate" href="../fr/" hreflang="fr">'


def test_links_and_the_blanks_before_them_go():
    page = f'<head>\n    <meta charset="utf-8">\n    {LINK}\n  \u00a0{LINK}<title>T</title>\n  </head>'
    assert _without_head_alternates(page) == '<head>\n    <meta charset="utf-8"><title>T</title>\n  </head>'


def test_same_as_the_pattern_on_random_pages():
    pieces = [" ", "\n", "\t", "\u00a0", "x", LINK, '<link rel="alternate" href="a', '"', ">", '<link rel="alternate"']
    rng = random.Random(7)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
        assert _without_head_alternates(text) == OLD.sub("", text), repr(text)
