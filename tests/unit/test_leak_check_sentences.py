"""The leak check splits a whole file into sentences at once; it finds exactly the sentences the sentence-by-sentence
reading finds, whatever the whitespace, punctuation and case around them."""

from __future__ import annotations

import random

from smartshare.mentor.leaks import MIN_NOTE, Secret, find_leaks, matching_sentences, sentences

NOTE = "Ask the quietest person in the room to summarise the exercise first."
ALPHABET = list("abcAB .!?;:…\n\t  \u00a0\u2003ßİﬁxyzZ\x1c\r\x0b\x85")


def test_the_whole_text_split_finds_what_the_sentence_by_sentence_split_finds():
    chance = random.Random(18)
    for _ in range(20_000):
        text = "".join(chance.choice(ALPHABET) for _ in range(chance.randint(0, 40)))
        every = list(sentences(text, 0))
        wanted = dict.fromkeys(every)
        assert matching_sentences(text, wanted) == every, repr(text)
        assert matching_sentences(text + " zz", {}) == []


def test_a_text_holding_the_split_mark_is_read_sentence_by_sentence():
    wanted = dict.fromkeys(sentences(NOTE, MIN_NOTE))
    assert matching_sentences(f"Intro.\n{NOTE.upper()}\n\x00", wanted) == [
        "ask the quietest person in the room to summarise the exercise first"
    ]
    # one sentence for the sentence-by-sentence reading, which the mark must not cut in two
    assert (
        matching_sentences(f"Intro\x00{NOTE}", wanted)
        == []
        == [s for s in sentences(f"Intro\x00{NOTE}") if s in wanted]
    )


def test_a_note_written_across_lines_escapes_and_markup_is_found(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text(
        "<p>Welcome.</p><meta content='ASK the  quietest person\tin the room to summarise&#10;the exercise first'>",
        encoding="utf-8",
    )
    (site / "data.js").write_text(
        'var x = "ask the quietest person in the room to summarise the exercise first\\u0021";'
    )
    (site / "other.html").write_text("<p>Ask the quietest person in the room.</p>", encoding="utf-8")
    secret = Secret(NOTE, ("curricula/ai/chatbots.md", 12, 1))
    assert find_leaks(str(site), "mentor", [secret]) == [("data.js", secret), ("index.html", secret)]
