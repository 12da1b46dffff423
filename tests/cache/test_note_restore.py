"""smartshare/cache, a page's mentor notes from its entry (feedback/mentorblock.py, `NoteStash.restore`): the
placeholders of the entry's token become this build's, exactly as the pattern substitution they replaced did."""

from __future__ import annotations

import random
import re

from smartshare.feedback.mentorblock import NoteStash

TOKEN = "0123456789abcdef01234567"
NOTES = ["<p>first</p>", "<p>second</p>", "<p>third</p>"]


def _by_pattern(nonce: str, html: str, data: dict) -> str:
    """The rule: what `restore` did with one pattern compiled per page, in a new stash (keys numbered from 1)."""
    keys = [f"{nonce}-{count}" for count in range(1, len(data["notes"]) + 1)]
    cached = re.compile(f"<!-- smartshare-mentor-note {re.escape(data['token'])}-(\\d+) -->")
    return cached.sub(lambda m: f"<!-- smartshare-mentor-note {keys[int(m.group(1)) - 1]} -->", html)


def _both(html: str, notes: list[str]) -> tuple[object, object]:
    """`restore`'s result in a new stash and the pattern's (IndexError for a number past the notes, as both fail)."""
    stash = NoteStash()
    data = {"token": TOKEN, "notes": notes}
    return _outcome(lambda: stash.restore(html, data)), _outcome(lambda: _by_pattern(stash.nonce, html, data))


def _outcome(restore):
    try:
        return restore()
    except IndexError:
        return IndexError


def test_an_exported_page_comes_back_with_its_notes_in_this_builds_stash():
    stash = NoteStash()
    stash.capture = True
    page = "<h1>Title</h1><p>text</p>"
    stash.notes = {f"{stash.nonce}-{n}": note for n, note in enumerate(NOTES, 1)}
    page += "".join(f"<!-- smartshare-mentor-note {stash.nonce}-{n} -->\n<p>after {n}</p>" for n in (1, 2, 3))
    exported, data = stash.export(page)
    again = NoteStash()
    restored = again.restore(exported, data)
    with_notes, learner = again.split(restored)
    assert with_notes == stash.split(page)[0]
    assert learner == stash.split(page)[1] and "smartshare-mentor-note" not in learner


def test_placeholders_that_are_not_the_entrys_stay_as_they_are():
    start = f"<!-- smartshare-mentor-note {TOKEN}-"
    html = "".join(
        [
            start + "1 -->",
            start + "01 -->",  # written with a leading zero: the pattern reads it as 1
            start + "1a -->",
            start + " -->",
            start + "2 --",  # cut short
            start + "\u0663 -->",  # ARABIC-INDIC DIGIT THREE: `\d` and `int` read it as 3
            "<!-- smartshare-mentor-note another-1 -->",
            start + start + "2 -->",
            "text",
        ]
    )
    restored, expected = _both(html, NOTES)
    assert restored == expected
    assert isinstance(restored, str) and restored.count("smartshare-mentor-note " + TOKEN) == 4


def test_a_number_past_the_entrys_notes_fails_as_the_pattern_did():
    assert _both(f"<!-- smartshare-mentor-note {TOKEN}-4 -->", NOTES) == (IndexError, IndexError)
    restored, expected = _both(f"<!-- smartshare-mentor-note {TOKEN}-0 -->", NOTES)  # `keys[-1]`: the last note
    assert restored == expected and isinstance(restored, str) and restored.endswith("-3 -->")


def test_random_pages_come_back_as_the_pattern_gives():
    rng = random.Random(20261127)
    start = f"<!-- smartshare-mentor-note {TOKEN}-"
    pieces = [start, " -->", "1", "2", "3", "12", "-", "<!--", "x", " ", "<p>", "\n"]
    for _ in range(3000):
        html = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 40)))
        if rng.random() < 0.5:
            html += f"{start}{rng.randrange(1, 4)} -->"
        restored, expected = _both(html, NOTES)
        assert restored == expected, html


def test_an_entry_without_notes_leaves_the_page_and_the_stash_alone():
    stash = NoteStash()
    html = f"<!-- smartshare-mentor-note {TOKEN}-1 -->"
    assert stash.restore(html, {"token": TOKEN, "notes": []}) == html
    assert stash.notes == {} and stash._count == 0
