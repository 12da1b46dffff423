"""The leak check passes over a new paragraph shorter than every probe when it is ASCII (`mentor/leaks.py`,
`_Finder.holds_any`): its sentences only get shorter when read. A paragraph as long as the shortest probe, or one
whose case folding lengthens it, is still compared. Attribute values are read without a tuple per value."""

from __future__ import annotations

import random
import re

from smartshare.mentor.leaks import PARAGRAPH, Secret, _Finder, _normalised, _values, probes


def _finder(*notes: str) -> _Finder:
    return _Finder({probe: Secret(note, ("m.md", 1, 1)) for note in notes for probe in probes(note)})


def test_a_paragraph_exactly_as_long_as_the_shortest_probe_is_compared():
    finder = _finder("Keep it brief please", "Ask the quietest person to summarise the exercise first.")
    assert finder.shortest == len("keep it brief please")
    assert finder.holds_any("menu" + PARAGRAPH + "Keep it BRIEF please" + PARAGRAPH + "footer")


def test_a_paragraph_that_folding_lengthens_is_compared():
    # "ß" folds to "ss": the paragraph is shorter than the probe it holds, and not ASCII
    finder = _finder("Maße und Straße im Maßstab")
    text = "Maße und Straße im Maßstab"
    assert len(text) < finder.shortest
    assert finder.holds_any("menu" + PARAGRAPH + text + PARAGRAPH + "footer")


def test_short_ascii_paragraphs_are_clean_and_remembered():
    finder = _finder("Ask the quietest person to summarise the exercise first.")
    assert not finder.holds_any(PARAGRAPH.join(["md-nav__link", "../module-0115/", "Sign up"]))
    assert {"md-nav__link", "../module-0115/", "Sign up"} <= finder.clean


class _Unfiltered(_Finder):
    """Every new paragraph compared, short ones too: the check before the short ones were passed over."""

    def holds_any(self, text: str) -> bool:
        return any(not self.probes.isdisjoint(_normalised(p)) for p in set(text.split(PARAGRAPH)))


def test_random_paragraphs_near_the_shortest_length_give_the_unfiltered_answer():
    notes = ["Keep it brief please", "Maße und Straße im Maßstab", "ﬁne ﬁgures ﬁrst"]  # "ﬁ" folds to "fi"
    finder, reference = _finder(*notes), _Unfiltered({})
    reference.probes = finder.probes
    words = [w for note in notes for w in note.split()] + ["x", "É", "ß", "ﬁ", ".", ". ", "  ", "\n", "\t"]
    chance = random.Random(5)
    found = 0
    for _ in range(3_000):
        paragraphs = []
        for _ in range(chance.randint(1, 6)):
            if chance.random() < 0.2:
                paragraph = chance.choice(notes)
            else:
                paragraph = " ".join(chance.choice(words) for _ in range(chance.randint(1, 5)))
            paragraphs.append(paragraph.upper() if chance.random() < 0.2 else paragraph)
        text = PARAGRAPH.join(paragraphs)
        expected = reference.holds_any(text)
        assert _finder(*notes).holds_any(text) == expected, repr(text)
        found += expected
    assert 300 < found < 2_700  # both answers were met often


def test_attribute_values_are_read_as_with_a_group_per_quote():
    # `_values` takes the quotes off one group; the check read the values from two groups (one per quote) before
    two_groups = re.compile(r"""=\s*(?:"([^"]*)"|'([^']*)')""")
    fragments = ['<a href="x">', "<b title='y \"z\"'>", '<i alt="">', "<i alt=''>", "= 'v'", '=\n"w\'"', "=", '"', "'"]
    chance = random.Random(7)
    for _ in range(2_000):
        text = "".join(chance.choice(fragments) for _ in range(chance.randint(0, 8)))
        assert _values(text) == list(map("".join, two_groups.findall(text))), repr(text)
