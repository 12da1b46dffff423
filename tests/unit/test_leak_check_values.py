"""The leak check reads, of the attribute values of a page's new pieces, only those that could hold a probe or that
its checks look at (`mentor/leaks.py`, `_values_to_read`): a plain ASCII value (no NUL, `&` or `<`) shorter than
the shortest probe is passed over by the pattern itself. Random markup gives every other value, in order, and
random pieces read to the same answer and the same long sentences as when every value is read."""

from __future__ import annotations

import random
import re

import pytest

from smartshare.mentor import leaks
from smartshare.mentor.leaks import BETWEEN, Secret, _Pieces, _pieces_text, _RunsOn, _values, _values_to_read, probes

# what an attribute value holds: every character the check reads differently, and plain ones
CHARACTERS = ["a", "b", " ", "\n", "\t", ".", "-", "/", ">", "=", '"', "'", "&", "&lt;", "&#39;", "<", "\x00", "é", "ß"]
# markup around values, values left open and values with blanks before their quote
MARKUP = ['<a href="', '" class="', "' title='", '">', "'>", "= '", '=  "', "<p>", "</p>", ">\n", "text", "="]


def _plain_and_short(value: str, shortest: int) -> bool:
    return len(value) < shortest and value.isascii() and not re.search("[\x00&<]", value)


def _markup(chance: random.Random) -> str:
    parts = []
    for _ in range(chance.randint(1, 25)):
        if chance.random() < 0.4:
            parts.append(chance.choice(MARKUP))
        else:
            parts.append("".join(chance.choice(CHARACTERS) for _ in range(chance.randint(0, 40))))
    return "".join(parts)


@pytest.mark.parametrize("shortest", [1, 2, 12, 33])
def test_the_values_read_are_every_value_but_the_plain_short_ones_in_order(shortest):
    chance = random.Random(shortest)
    values_of = _values_to_read(shortest)
    passed_over = kept = 0
    for _ in range(4_000):
        text = _markup(chance)
        every = _values(text)
        assert values_of(text) == [v for v in every if not _plain_and_short(v, shortest)], repr(text)
        passed_over += sum(_plain_and_short(v, shortest) for v in every)
        kept += len(values_of(text))
    assert passed_over > 500 and kept > 500  # both kinds were met often


def _piece(chance: random.Random) -> str:
    """A piece that mostly reads alone: tags whose values hold any character but their quotes, text between them, and
    a closing tag left open for the cut's `>`; now and then wild markup."""
    if chance.random() < 0.2:
        return _markup(chance) + chance.choice(["<b", "</li", ""])
    parts = []
    for _ in range(chance.randint(1, 6)):
        value = "".join(chance.choice(CHARACTERS) for _ in range(chance.randint(0, 40)))
        quote = chance.choice("\"'")
        parts.append(
            f"<a title={quote}{value.replace(quote, '')}{quote} class='c'>" + chance.choice(["", "text. ", "&lt;b"])
        )
    return "".join(parts) + "</li"


def _reading(pieces: list[str], values_of) -> str | type[_RunsOn] | None:
    try:
        return _pieces_text(pieces, values_of)
    except _RunsOn:
        return _RunsOn


@pytest.mark.parametrize("shortest", [1, 12, 33])
def test_random_pieces_read_to_the_same_answer_and_long_sentences_as_with_every_value(shortest):
    chance = random.Random(100 + shortest)
    values_of = _values_to_read(shortest)
    answers = set()
    for _ in range(3_000):
        pieces = [_piece(chance) for _ in range(chance.randint(1, 4))]
        every, some = _reading(pieces, _values), _reading(pieces, values_of)
        if not isinstance(every, str):
            assert some is every, repr(pieces)  # the same way out: read in order, or the file whole
            answers.add(every)
            continue
        assert isinstance(some, str), repr(pieces)
        assert set(leaks.sentences(some, shortest)) == set(leaks.sentences(every, shortest)), repr(pieces)
        answers.add(str)
    assert answers == {None, _RunsOn, str}  # each way was taken


NOTE = "Keep it brief, boss!"  # its one probe, "keep it brief, boss", is the shortest: 19 characters


@pytest.mark.parametrize(
    "value",
    [
        "Keep it brief, boss",  # exactly as long as the shortest probe
        "keep it BRIEF,   boss",
        "Keep&#32;it brief, boss",  # a reference: read, whatever its length once read
        "Keep it brief, boß",  # non-ASCII, shorter than the probe until folded ("ß" folds to "ss")
    ],
)
def test_a_note_in_a_value_of_a_new_piece_is_found(value):
    pieces = _Pieces(leaks._Finder({probe: Secret(NOTE, ("m.md", 1, 1)) for probe in probes(NOTE)}))
    assert pieces.finder.shortest == len("keep it brief, boss")
    menu = "".join(f'<li class="md-nav__item"><a href="../m-{n}/">Module {n}</a></li>\n' for n in range(5))
    for n in range(2):  # the menu met twice, and kept: the page's own piece is read alone
        assert pieces.hold_any((menu + f'<p class="x" title="short {n}">a</p>\n').encode()) is False
    page = (menu + f'<p class="x" title="{value}">a</p>\n').encode()
    assert leaks._secrets_in(leaks.readable_text("p.html", page), {"keep it brief, boss": NOTE})
    assert pieces.hold_any(page) is True


def test_values_left_open_run_into_the_separator():
    # a value left open in its piece takes the separator's NUL: never passed over, so the piece is not read alone
    assert "\x00" in "".join(_values_to_read(33)('<a title="x>' + BETWEEN + '<b class="y">'))
