"""The leak check splits the new paragraphs of a file into sentences in one pass (`mentor/leaks.py`, `_Finder`):
joined by `PARAGRAPH`, they give the same sentences as each alone, so it finds every note the paragraph-by-paragraph
comparison found. Checked on random paragraphs against that comparison, and on a site where mentor notes in three
languages were planted in every form the check reads (HTML, inline tags, attributes, entities, JSON and JavaScript
escapes, case, blanks, a compressed sitemap)."""

from __future__ import annotations

import gzip
import html
import json
import random
import re

import pytest

from smartshare.mentor import leaks
from smartshare.mentor.leaks import PARAGRAPH, Secret, _Finder, _normalised, find_leaks, probes

NOTES = [
    "Ask the quietest person in the room to summarise the team's exercise first.",
    "Demandez à la personne la plus discrète de résumer l'exercice de l'équipe.",
    "请最安静的人先总结团队的练习内容，然后再讨论。",
    "Straße: Maßnahmen für İstanbul und ﬁnanzielle Ziele.",
    "Keep it brief please!",  # a whole note shorter than a sentence, found without its punctuation
    "https://intranet.example.com/mentors/only/the-answers.pdf",  # one word, no blank
]


class _OnePerParagraph(_Finder):
    """The comparison as it was: each new paragraph split into sentences on its own."""

    def holds_any(self, text: str) -> bool:
        paragraphs = set(text.split(PARAGRAPH)) - self.clean
        for paragraph in paragraphs:
            if not self.probes.isdisjoint(_normalised(paragraph)):
                return True
            self.clean.add(paragraph)
        return False


def test_paragraphs_joined_give_the_sentences_of_each_alone():
    chance = random.Random(12)
    letters = ["a", "B", "ß", "İ", " ", "\t", "\r", "\xa0", "\u2028", "\n", "\n", ".", "!", ":", "…", "x."]
    for _ in range(4_000):
        paragraphs = ["".join(chance.choice(letters) for _ in range(chance.randint(0, 12))) for _ in range(4)]
        alone = set().union(*map(_normalised, paragraphs)) - {""}
        assert _normalised(PARAGRAPH.join(paragraphs)) - {""} == alone, repr(paragraphs)


@pytest.mark.parametrize("batch", [leaks.BATCH, 40])  # pages split into one batch, or into many
def test_random_pages_hold_a_note_exactly_when_they_did_paragraph_by_paragraph(batch, monkeypatch):
    monkeypatch.setattr(leaks, "BATCH", batch)
    wanted = {probe: Secret(note, ("m.md", 1, 1)) for note in NOTES for probe in probes(note)}
    words = [word for note in NOTES for word in re.split(r"(\s+|[.!?;:…])", note) if word]
    noise = [" ", "  ", "\n", "\t", "\xa0", "\u2028", ".", ". ", "! ", ":", "…", "\n\n", "\n\n\n", "x", "É", "ß"]
    chance = random.Random(12)
    batched, alone = _Finder(wanted), _OnePerParagraph(wanted)  # kept across pages, as in a build
    found = 0
    for _ in range(2_000):
        parts = []
        for _ in range(chance.randint(1, 40)):
            piece = chance.choice(words) if chance.random() < 0.7 else chance.choice(noise)
            parts.append(piece.upper() if chance.random() < 0.1 else piece)
        if chance.random() < 0.3:  # a whole note, among other text
            note = chance.choice(NOTES)
            parts.insert(chance.randrange(len(parts) + 1), chance.choice(["", " ", ". ", PARAGRAPH]) + note + " ")
        text = "".join(parts)
        expected = alone.holds_any(text)
        assert batched.holds_any(text) == expected, repr(text)
        found += expected
    assert 150 < found < 1_850  # both answers were met often


def _planted_site(root):
    """Learner files with the notes in every form the check reads, and clean files that share their words."""
    site = root / "site"
    (site / "search").mkdir(parents=True)
    (site / "mentor").mkdir()
    en, fr, zh, de, _short, url = NOTES
    menu = "".join(f"<li><a href='m{n}/'>Module {n} of the course</a></li>\n" for n in range(30))
    files = {
        "plain.html": f"<main><p>{html.escape(en)}</p></main>",
        "tags.html": "<p>Ask the quietest<br>person in the room to summarise the <a href='x'>team&#39;s exercise "
        "first</a></p>",
        "upper.html": f"<p>{en.upper()}</p>",
        "blanks.html": "<p>ask   the\tquietest\nperson in\xa0the room to summarise the team's exercise first!</p>",
        "attribute.html": f'<div title="{html.escape(fr)}"></div><p>Bienvenue.</p>',
        "entities.html": "<p>Demandez &agrave; la personne la plus discr&egrave;te de r&#233;sumer l&#x27;exercice "
        "de l&rsquo;&#xE9;quipe.</p><p>&#68;emandez &#224; la personne la plus discr\u00e8te de r\u00e9sumer "
        "l'exercice de l'\u00e9quipe.</p>",
        "chinese.html": f"<p>前言。</p><p>{zh}</p>",
        "folded.html": "<p>STRASSE: MASSNAHMEN FÜR İSTANBUL UND FINANZIELLE ZIELE.</p>",
        "short.html": "<p>Notes.</p><p>KEEP IT BRIEF PLEASE</p>",
        "link.html": f'<p>See <a href="{url}">the file</a>.</p>',
        "menu-1.html": f"<nav><ul>\n{menu}</ul></nav><p>Page one.</p>",
        "menu-2.html": f"<nav><ul>\n{menu}</ul></nav><p>Page two.</p>\n\n<p>{html.escape(de)}</p>",
        "script.js": "var a = " + json.dumps(en) + "; var b = " + json.dumps(fr) + ";",
        "escaped.js": 'var c = "\\u0041sk the quietest person in the room to summarise the team\\u0027s exercise '
        'first\\u002e";',
        "search/search_index.json": json.dumps({"docs": [{"location": "x/", "title": zh, "text": "Bienvenue"}]}),
        "markup-in-json.json": json.dumps({"text": "<p>" + html.escape(de) + "</p>"}),
        # clean: the same words, never a whole sentence
        "clean-en.html": "<p>Ask the quietest person.</p><p>In the room, summarise the team's exercise later.</p>",
        "clean-fr.html": "<p>Demandez à la personne la plus discrète.</p><p>Résumer l'exercice de l'équipe.</p>",
        "clean-zh.html": "<p>请最安静的人先总结。</p>",
        "mentor/sheet.html": f"<p>{html.escape(en)}</p>",  # the mentor area is not read
    }
    for name, text in files.items():
        (site / name).write_text(text, encoding="utf-8")
    sitemap = f"<urlset><url><loc>https://x/</loc><lastmod>{en}</lastmod></url></urlset>".encode()
    (site / "sitemap.xml.gz").write_bytes(gzip.compress(sitemap))
    return site


def test_every_planted_note_is_found(tmp_path):
    site = _planted_site(tmp_path)
    secrets = [Secret(note, (f"curricula/m{n}.md", n, 1)) for n, note in enumerate(NOTES)]
    en, fr, zh, de, short, url = secrets
    assert find_leaks(str(site), "mentor", secrets) == [
        ("attribute.html", fr),
        ("blanks.html", en),
        ("chinese.html", zh),
        ("entities.html", fr),
        ("escaped.js", en),
        ("folded.html", de),
        ("link.html", url),
        ("markup-in-json.json", de),
        ("menu-2.html", de),
        ("plain.html", en),
        ("script.js", en),
        ("script.js", fr),
        ("short.html", short),
        ("sitemap.xml.gz", en),
        ("tags.html", en),
        ("upper.html", en),
        ("search/search_index.json", zh),  # folders after the files beside them
    ]
