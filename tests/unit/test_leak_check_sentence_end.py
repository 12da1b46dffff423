"""The leak check splits texts at sentence ends with a pattern written for speed (the run's first character apart):
it splits every text exactly where the plain pattern, a run of sentence-end characters followed by blanks or the end,
splits it, so the sentences compared are the same."""

from __future__ import annotations

import random
import re

from smartshare.mentor.leaks import _SENTENCE_END, _normalised, sentences

PLAIN = re.compile(r"[\n.!?;:…]+(?:\s+|$)")  # the sentence end as first written
LETTERS = list("aBßİ  \t\r\xa0\u2028\x1c\n\n..!?;:…")
# what makes a run of sentence-end characters backtrack: a line break inside it, before a letter or at the end
TRICKY = [".\n.", ".\n\n.", "\n.\n", "…\n", ".\n", "\n\n", "!?", ".\na", "\n.a", "a\n", ".\u2028a"]


def _texts(seed: int, count: int) -> list[str]:
    chance = random.Random(seed)
    texts = []
    for _ in range(count):
        pool = LETTERS + TRICKY if chance.random() < 0.5 else LETTERS
        texts.append("".join(chance.choice(pool) for _ in range(chance.randint(0, 24))))
    return texts


def test_the_split_is_the_plain_patterns_split_on_random_texts():
    for text in _texts(17, 40_000):
        assert _SENTENCE_END.split(text) == PLAIN.split(text), repr(text)


def test_a_run_that_must_give_back_its_line_break_is_split_as_before():
    # the run ".\n." is not followed by a blank: the plain pattern gives characters back until ".\n" is followed by
    # one; a pattern that never gives back (a possessive run) would not split here at all
    for text in ["one.\n.two", "one\n.\ntwo", "one.\n", "end…\n\n", "a.\n\n.b", "no\nbreak"]:
        assert _SENTENCE_END.split(text) == PLAIN.split(text), repr(text)
    assert _SENTENCE_END.split("one.\n.two") == ["one", ".two"]


def test_sentences_and_normalised_parts_are_those_of_the_plain_split():
    for text in _texts(18, 5_000):
        plain = [" ".join(part.split()).casefold() for part in PLAIN.split(text)]
        assert set(_normalised(text)) == set(plain), repr(text)
        assert list(sentences(text, 1)) == [part for part in plain if part], repr(text)
