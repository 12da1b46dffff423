"""The language switcher's rewrite of a page (`curriculum/languages.py`) gives what the plain regular expressions
give: the switcher's links rewritten, the head's alternate links taken out with the whitespace before them."""

from __future__ import annotations

import random
import re

from smartshare.curriculum.languages import _SWITCH_LINK, _switch_links, _without_head_alternates

PIECES = [
    '<a href="',
    '" hreflang="',
    '" class="md-select__link"',
    ' class="md-select__link"',
    '<link rel="alternate" href="',
    '<link rel="alternate"',
    '" hreflang="fr">',
    '">',
    "fr",
    "../en/",
    '"',
    " ",
    "\n    ",
    "\t",
    "x",
    "<a",
    "é",
    "",
]


def _switch(match: re.Match) -> str:
    return f"[{match.group(1)}|{match.group(2)}|{match.group(3)}]"


def _reference_without(output: str) -> str:
    return re.sub(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">', "", output)


def _pages(count: int):
    draw = random.Random(12)
    for _ in range(count):
        yield "".join(draw.choice(PIECES) for _ in range(draw.randrange(0, 40)))


def test_the_switcher_links_are_rewritten_as_the_pattern_rewrites_them_over_the_whole_page():
    rewritten = 0
    for page in _pages(3000):
        expected = _SWITCH_LINK.sub(_switch, page)
        assert _switch_links(page, _switch) == expected, page
        rewritten += expected != page
    assert rewritten > 10  # the random pages do hold switcher links


def test_the_head_alternates_are_taken_out_with_the_blanks_before_them():
    removed = 0
    for page in _pages(3000):
        expected = _reference_without(page)
        assert _without_head_alternates(page) == expected, page
        removed += expected != page
    assert removed > 10


def test_a_themed_page_is_rewritten_the_same():
    nav = "".join(f'\n        <li><a href="../m{i}/" class="md-nav__link">Module {i}</a></li>' for i in range(300))
    page = (
        '<head>\n    <link rel="alternate" href="../en/" hreflang="en">\n    <link rel="alternate" href="../fr/"'
        ' hreflang="fr">\n</head><body>\n<ul>\n  <li><a href="../en/" hreflang="en" class="md-select__link">English'
        '</a></li>\n  <li><a href="../fr/" hreflang="fr" class="md-select__link">Français</a></li>\n</ul>'
        f"{nav}\n</body>"
    )
    assert _switch_links(page, _switch) == _SWITCH_LINK.sub(_switch, page)
    assert '[../fr/|fr| class="md-select__link"]' in _switch_links(page, _switch)
    assert _without_head_alternates(page) == _reference_without(page)
    assert "hreflang" not in _without_head_alternates(page).split("</head>")[0]
