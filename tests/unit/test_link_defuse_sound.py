"""A page text whose links the check found all well-formed is not searched for malformed links a second time by the
build: only when searching it would change nothing."""

from __future__ import annotations

import datetime as dt
import random

from sitebuilder import basic_tree, module, write_tree
from smartshare.core.loader import LoadOptions
from smartshare.intranet import links
from smartshare.intranet.links import defuse_malformed_links, find_links, sound_text, text_digest
from smartshare.sitecheck import SiteChecks, check_site

PIECES = [
    "[a](http://example.com/x)",
    "[b](http://[oops)",  # malformed
    "<a href='//[x'>c</a>",  # malformed
    "[d]: https://example.com/d\n",
    "`[e](http://[code)`",
    "```\n",
    "    [f](http://[indented)\n",
    "---\n",
    "title: x\n",
    "\ufeff",
    "\n",
    "\n\n",
    "text // more ",
    "[g](<http://[angle>)",
    "é",
]


def test_a_sound_text_is_one_the_search_leaves_as_it_is():
    rng = random.Random(20261127)
    sound = 0
    for _ in range(4_000):
        body = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 10))).lstrip("\n")
        found = list(find_links(body, body, 7))  # as the check finds them: in the body, lines counted in the file
        if sound_text(body, found):
            sound += 1
            assert defuse_malformed_links(body) == body, body
            assert defuse_malformed_links(body, {text_digest(body)}) == body
        else:
            # a text that is not sound is searched as before, whatever the set holds
            assert defuse_malformed_links(body, {text_digest("other")}) == defuse_malformed_links(body)
    assert 200 < sound < 3_900  # both kinds were drawn


def test_a_text_opening_like_front_matter_is_never_sound():
    # `find_links(body)` would cut this opening off as front matter, and search less than the check did
    body = "---\n[x](http://[hidden)\n---\n[y](https://example.com/)\n"
    found = list(find_links(body, body, 5))
    assert [link.target for link in found] == ["http://[hidden", "https://example.com/"]
    assert not sound_text(body, [found[1]])


def test_the_check_names_the_sound_pages_and_the_build_skips_only_those(tmp_path):
    tree = basic_tree()
    tree["ai/chatbots.md"] = module("Chatbots") + "\nSee [the site](https://example.com/) here.\n"
    tree["ai/machine-learning.md"] = module("Machine learning") + "\nA [bad one](http://[oops) here.\n"
    write_tree(tmp_path, tree)
    sound: set[bytes] = set()
    _, problems = check_site(
        str(tmp_path), LoadOptions(today=dt.date(2026, 9, 21)), SiteChecks(links=True, sound=sound)
    )
    good = "Some **content** about it.\n\nSee [the site](https://example.com/) here.\n"
    bad = "Some **content** about it.\n\nA [bad one](http://[oops) here.\n"
    assert sound == {text_digest(good)}
    assert [p.code for p in problems] == ["broken-link"]

    searched = []
    original = links.find_links
    links.find_links = lambda *args: searched.append(args[0]) or original(*args)
    try:
        assert defuse_malformed_links(good, sound) == good
        assert defuse_malformed_links(bad, sound) == bad.replace("http://[oops", "http://%5Boops")
    finally:
        links.find_links = original
    assert searched == [bad]
