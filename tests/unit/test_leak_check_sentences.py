"""The leak check writes the quotes of attribute JSON (`&#34;`, `&quot;`, `&#39;`) by plain replacement before
unescaping the rest: what it reads is what `html.unescape` alone gives, and a note written in an attribute is still
found. It cuts a text at its blank lines before splitting it into sentences, and finds the same sentences; a note
that is a whole attribute value or JSON string is found, whatever comes before it."""

from __future__ import annotations

import html
import random

from smartshare.mentor.leaks import PARAGRAPH, Secret, _normalised, _quotes, find_leaks, sentences

NOTE = "Ask the quietest person in the room to summarise the team's exercise first."
PIECES = [
    "&",
    "#",
    ";",
    "3",
    "4",
    "amp",
    "notin",
    "&#34;",
    "&quot;",
    "quot",
    "&#39;",
    '"',
    "abcdefghijklmnopqrstuvwxyzabcdef",
    "&lt",
    "&#34",
]


def test_quotes_replaced_first_unescape_to_the_same_text():
    chance = random.Random(18)
    for _ in range(20_000):
        text = "".join(chance.choice(PIECES) for _ in range(chance.randint(0, 12)))
        assert html.unescape(_quotes(text)) == html.unescape(text), repr(text)


def test_a_note_in_attribute_json_or_a_script_string_is_found(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text(
        '<p>Welcome.</p><div data-note="ASK the  quietest person\tin the room to summarise&#10;the team&#39;s exercise '
        'first"></div>',
        encoding="utf-8",
    )
    (site / "data.js").write_text(
        'var x = "ask the quietest person in the room to summarise the team\\u0027s exercise first\\u0021";'
    )
    (site / "other.html").write_text("<p>Ask the quietest person in the room.</p>", encoding="utf-8")
    secret = Secret(NOTE, ("curricula/ai/chatbots.md", 12, 1))
    assert find_leaks(str(site), "mentor", [secret]) == [("data.js", secret), ("index.html", secret)]


def test_cutting_at_blank_lines_first_finds_the_same_sentences():
    chance = random.Random(18)
    letters = ["a", "B", "ß", "İ", " ", "\t", "\r", "\xa0", "\u2028", "\n", "\n", ".", "!", ":", "…"]
    for _ in range(20_000):
        text = "".join(chance.choice(letters) for _ in range(chance.randint(0, 30)))
        cut = set().union(*map(_normalised, text.split(PARAGRAPH))) - {""}
        assert cut == set(sentences(text, 1)), repr(text)


def test_a_note_that_is_a_page_description_or_a_search_title_is_found(tmp_path):
    site = tmp_path / "site"
    (site / "search").mkdir(parents=True)
    (site / "index.html").write_text(
        f'<meta name="description" content="{html.escape(NOTE)}"><p>Welcome.</p>', encoding="utf-8"
    )
    (site / "search" / "search_index.json").write_text(
        '{"docs": [{"location": "ai/", "title": "' + NOTE + '", "text": "Welcome"}]}', encoding="utf-8"
    )
    (site / "clean.html").write_text(
        '<meta name="description" content="Ask the quietest person in the room."><p>Welcome.</p>', encoding="utf-8"
    )
    secret = Secret(NOTE, ("curricula/ai/chatbots.md", 12, 1))
    assert find_leaks(str(site), "mentor", [secret]) == [("index.html", secret), ("search/search_index.json", secret)]


def test_a_page_that_repeats_a_clean_page_and_adds_a_note_is_found(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    menu = "".join(f"<li><a href='m{n}/'>Module {n} of the course, with a long title</a></li>\n" for n in range(50))
    for name in ("a", "b", "c"):
        (site / f"{name}.html").write_text(f"<nav><ul>\n{menu}</ul></nav>\n<p>Page {name}.</p>", encoding="utf-8")
    (site / "d.html").write_text(f"<nav><ul>\n{menu}</ul></nav>\n<p>{NOTE}</p>", encoding="utf-8")
    secret = Secret(NOTE, ("curricula/ai/chatbots.md", 12, 1))
    assert find_leaks(str(site), "mentor", [secret]) == [("d.html", secret)]
