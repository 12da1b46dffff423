"""The leak check reads a page piece by piece, and only the pieces it has not met before (`mentor/leaks.py`,
`_Pieces`): it must find a note exactly when reading the whole page finds one. Checked on random pages made of the
pieces that could make reading a piece alone go wrong (tags and attribute values over several lines, values left
open, escaped markup, entities cut in two, stray brackets, quotes and equals signs), pages that share most of
their lines as a site's pages do, with notes planted in all of them; and on each thing that can run on past a
piece, in a page whose other pieces were met before."""

from __future__ import annotations

import gzip
import html
import json
import random

import pytest

from smartshare.mentor import leaks
from smartshare.mentor.leaks import CUT, Secret, _Finder, _holds, _piece_text, _Pieces, _readable, find_leaks, probes

NOTES = [
    "Ask the quietest person in the room to summarise the team's exercise first.",
    "Demandez à la personne la plus discrète de résumer l'exercice de l'équipe.",
    "Keep it brief please",
]
WANTED = {probe: Secret(note, ("m.md", 1, 1)) for note in NOTES for probe in probes(note)}

# what a page is made of: markup over lines, and every character that opens or closes something the check reads
FRAGMENTS = [
    ">\n",
    ">\n",
    ">\n  ",
    ">\n<",
    "\n",
    "\n  ",
    "\n\n",
    " ",
    "<p>",
    "</p>",
    "<br>",
    "<a href='x'>",
    "</a>",
    '<div title="',
    '">',
    '<span\n  class="c">',
    "<b",
    ">",
    "<",
    "=",
    '="',
    "='",
    '"',
    "'",
    "= '",
    "&lt;",
    "&gt;",
    "&lt;i&gt;",
    "&amp;",
    "&amp",
    "&#34;",
    "&quot;",
    "&#39;",
    "&#x27;",
    "&nbsp;",
    "&",
    "#",
    ";",
    ".",
    ". ",
    "!",
    ":",
    '<script>if (a < b) x = "1";</script>',
    '<meta content="',
    "text",
    "Ask",
    "the quietest",
    "person",
    "Demandez",
    "équipe",
    "\x00",
    '<i title="&lt;b">',  # escaped markup in attribute values, closed in a later one
    "<i title='c&gt;'>",
    "\\u00e9quipe",  # a string escape: the page is read as the text `file_text` gives, in UTF-8
    "\\n",
    "Straße",
]


# what most lines of a page are: text and markup that close on the line, ending in a tag
TAME = ["<p>", "</p>", "<li>", " ", "text", "Ask", "the quietest", "person", "&amp;", "&#39;", "<a href='x'>", ". "]


def _page(chance: random.Random, lines: list[str], wild: float) -> str:
    """Some lines shared by every page, some of its own (`wild`: the share of their fragments that may open
    something), and now and then a note."""
    parts = []
    for _ in range(chance.randint(1, 12)):
        if chance.random() < 0.5:
            parts.append(chance.choice(lines))
            continue
        pool = [FRAGMENTS if chance.random() < wild else TAME for _ in range(chance.randint(1, 8))]
        own = "".join(chance.choice(fragments) for fragments in pool)
        parts.append(own + "</li>\n" if chance.random() < 0.8 else own)
    if chance.random() < 0.3:
        note = html.escape(chance.choice(NOTES)) if chance.random() < 0.5 else chance.choice(NOTES)
        before, after = chance.choice(
            [("<p>", "</p>>\n"), ('<div title="', '">\n'), ("", ""), ("<p>", ""), (">\n", "<"), ("<p>", "</p>\n")]
        )
        parts.insert(chance.randrange(len(parts) + 1), before + note + after)
    return "".join(parts)


#: the random pages of the test below, for each share of wild fragments: the first 400 of the 1,000 it drew before
#: (the same seed). Every break tried fails within the first 300: a piece that cannot be read alone joined to the
#: next without its cut, or never joined; the last piece kept as met; a piece ending in a stray `>` read alone.
#: (The last piece read as closed failed neither; test_a_page_read_as_bytes_is_read_as_its_text finds it.)
PAGES = 400


@pytest.mark.parametrize("wild", [0.02, 0.2, 1.0])  # pieces read at once, one by one, files read whole
def test_random_pages_hold_a_note_exactly_when_the_whole_page_does(wild):
    chance = random.Random(12)
    lines = [_page(chance, ["<li><a href='m/'>Module</a></li>\n"], wild) + "</ul>\n" for _ in range(40)]
    pieces = _Pieces(_Finder(WANTED))  # kept across pages, as in a build
    found = 0
    for _ in range(PAGES):
        text = _page(chance, lines, wild)
        expected = _Finder(WANTED).holds_any(leaks.readable_text("page.html", text.encode()))
        assert _hold(pieces, text) == expected, repr(text)
        found += expected
    assert PAGES // 10 < found < PAGES * 9 // 10  # both answers were met often
    assert pieces.clean  # and pieces were passed over as met before


def test_a_piece_read_alone_reads_as_it_does_within_its_page():
    chance = random.Random(7)
    for _ in range(5_000):
        text = "".join(chance.choice(FRAGMENTS) for _ in range(chance.randint(1, 30)))
        cut = text.split(CUT)
        alone = [_piece_text(piece, closed=n < len(cut) - 1) for n, piece in enumerate(cut)]
        if None in alone:
            continue  # read with the next, or the file whole
        assert _sentences(leaks.PARAGRAPH.join(alone)) == _sentences(_readable(text)), repr(text)


@pytest.mark.parametrize(
    ("page", "whole"),
    [
        # escaped markup that opens in one attribute value and closes in a later one hides the values between
        (f'<i title="&lt;b">\n<div title="{NOTES[0]}">\n<i title=\'c&gt;\'>\n', False),
        # and in the text between tags
        (f"<p>&lt;b</p>\n<p>{NOTES[0]}</p>\n<p>c&gt;</p>\n", False),
        # a value left open runs over the next line, where a tag's inside becomes the value's text
        (f"<a title=\"&lt;i>\n<b x='y'. {NOTES[0]}\">\n", True),
    ],
)
def test_what_runs_on_past_a_piece_is_read_as_in_the_whole_file(page, whole):
    pieces = _Pieces(_Finder(WANTED))
    for n in range(2):  # every piece but the page's first met before, and found clean: only the first is read
        _hold(pieces, f"<p>{n}</p>\n" + page.split(CUT, 1)[1])
    assert _Finder(WANTED).holds_any(_readable(page)) is whole
    assert _hold(pieces, page) is whole


def _hold(pieces: _Pieces, text: str) -> bool:
    """What the check finds in a page of this text: read piece by piece (its UTF-8), or whole when it must be."""
    return _holds("page.html", text.encode(), pieces)


def _sentences(text: str) -> set[str]:
    return set(leaks.sentences(text, 1))


def test_a_note_in_a_piece_after_many_clean_pages_is_found(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    menu = "".join(f"<li><a href='../m{n}/'>Module {n}</a></li>\n" for n in range(50))
    note = NOTES[0]
    for n in range(30):
        (site / f"m{n:02}.html").write_text(f"<nav>\n<ul>\n{menu}</ul>\n</nav>\n<p>Page {n}.</p>\n", "utf-8")
    # a leak in the menu's place, over two lines, in an attribute, in escaped markup: each page's pieces but one
    # were met before
    planted = {
        "m30.html": menu.replace("Module 7</a>", html.escape(note) + "</a>"),
        "m31.html": menu.replace(
            "Module 7</a>", "Ask the quietest person in the room\nto summarise the team&#39;s exercise first.</a>"
        ),
        "m32.html": menu + f'<div\n  title="{html.escape(note)}">\n</div>\n',
        "m33.html": menu + f"<p>&lt;b title='x'&gt;{html.escape(note)}</p>\n",
    }
    for name, text in planted.items():
        (site / name).write_text(f"<nav>\n<ul>\n{text}</ul>\n</nav>\n", "utf-8")
    secret = Secret(note, ("m.md", 3, 1))
    assert find_leaks(str(site), "mentor", [secret]) == [(name, secret) for name in planted]


def test_a_page_read_as_bytes_is_read_as_its_text():
    # pieces are cut and remembered as UTF-8 bytes: a page with string escapes, compressed, or not UTF-8 is still
    # read as `readable_text` reads it (escapes read, decompressed, invalid bytes replaced)
    note = NOTES[0]
    menu = "".join(f"<li><a href='../m{n}/'>Module {n}</a></li>\n" for n in range(20))
    pages = {
        "escaped.html": (
            menu + "<p>\\u0041sk the quietest person in the room to summarise the team's exercise first.</p>\n"
        ).encode(),
        "bad-byte.html": (menu + "<p>caf\xe9</p>\n").encode("latin-1") + f"<p>{note}</p>\n".encode(),
        "packed.xml.gz": gzip.compress(f"<url><loc>{note}</loc>\n</url>\n".encode()),
    }
    pieces = _Pieces(_Finder(WANTED))
    _holds("menu.html", (menu * 2).encode(), pieces)
    _holds("menu.html", (menu * 2).encode(), pieces)  # the menu's pieces met twice: kept
    assert pieces.clean
    for name, data in pages.items():
        assert _Finder(WANTED).holds_any(leaks.readable_text(name, data)), name
        assert _holds(name, data, pieces), name
    assert not _holds("clean.html", (menu + "<p>\\u0041 clean page</p>\n").encode(), pieces)


def test_a_json_files_paragraphs_are_not_remembered_and_are_read_again():
    index = json.dumps({"docs": [{"title": "Module", "text": f"<p>Intro.</p> <p>{NOTES[0]}</p>"}]}).encode()
    clean = json.dumps({"docs": [{"title": "Module", "text": "<p>Nothing to hide in this long section text.</p>"}]})
    pieces = _Pieces(_Finder(WANTED))
    assert not _holds("search/search_index.json", clean.encode(), pieces)
    assert not pieces.finder.clean  # the memory is left for what pages share
    assert _holds("search/search_index.json", index, pieces)
    assert _holds("search/search_index.json", index, pieces)
    assert not _holds("search/search_index.json", clean.encode(), pieces)
    assert not _holds("page.html", b"<p>Nothing to hide in this long section text.</p>\n", pieces)
    assert pieces.finder.clean  # a page's are remembered
