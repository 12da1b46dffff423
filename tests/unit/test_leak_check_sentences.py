"""The leak check writes the quotes of attribute JSON (`&#34;`, `&#39;`) by plain replacement before unescaping the
rest: what it reads is what `html.unescape` alone gives, and a note written in an attribute is still found."""

from __future__ import annotations

import html
import random

from smartshare.mentor.leaks import Secret, _quotes, find_leaks

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
