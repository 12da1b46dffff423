"""The leak check reads every text file outside the mentor area and never walks into the area's folder; the area's
pages get the same front matter, whichever way it is written."""

from __future__ import annotations

import gzip
import os
import random
import string

import yaml

from smartshare.mentor import area
from smartshare.mentor.area import PAGE_TEMPLATE, _page
from smartshare.mentor.leaks import TEXT_FILES, Secret, find_leaks, learner_files

NOTE = "Ask the quietest person in the room to summarise the exercise first."
FILES = [
    "index.html",
    "mentor.html",  # beside the area's folder, not in it
    "mentorship/index.html",
    "mentor/index.html",
    "mentor/ai/chatbots/index.html",
    "ai/chatbots/index.html",
    "ai/chatbots/session.ics",  # not a text file the check reads
    "ai/mentor/index.html",  # a folder of that name elsewhere
    "search/search_index.json",
    "sitemap.xml.gz",
]


def _site(tmp_path):
    site = tmp_path / "site"
    for relative in FILES:
        (site / relative).parent.mkdir(parents=True, exist_ok=True)
        data = b"<p>Welcome.</p>"
        (site / relative).write_bytes(gzip.compress(data, mtime=0) if relative.endswith(".gz") else data)
    return str(site)


def _every_file_filtered(site: str, prefix: str) -> list[str]:
    """What the check read before it left the area's folder out of its walk: every file, then the filter."""
    area = prefix.strip("/") + "/"
    found = []
    for folder, subfolders, names in os.walk(site):
        subfolders.sort()
        for name in sorted(names):
            relative = os.path.relpath(os.path.join(folder, name), site).replace(os.sep, "/")
            if not relative.startswith(area) and name.lower().endswith(TEXT_FILES):
                found.append(relative)
    return found


def test_the_files_read_are_every_text_file_outside_the_area_in_order(tmp_path):
    site = _site(tmp_path)
    assert list(learner_files(site, "mentor")) == [
        "index.html",
        "mentor.html",
        "sitemap.xml.gz",
        "ai/chatbots/index.html",
        "ai/mentor/index.html",
        "mentorship/index.html",
        "search/search_index.json",
    ]
    for prefix in ("mentor", "/mentor/", "ai", "ai/chatbots", "ai/mentor", "", "nowhere", "mentor/ai"):
        assert list(learner_files(site, prefix)) == _every_file_filtered(site, prefix), prefix


def test_a_note_in_the_area_is_not_a_leak_and_one_beside_it_is(tmp_path):
    site = _site(tmp_path)
    (tmp_path / "site" / "mentor" / "ai" / "chatbots" / "index.html").write_text(f"<p>{NOTE}</p>", encoding="utf-8")
    secret = Secret(NOTE, ("curricula/ai/chatbots.md", 12, 1))
    assert find_leaks(site, "mentor", [secret]) == []
    (tmp_path / "site" / "ai" / "mentor" / "index.html").write_text(f"<p>{NOTE}</p>", encoding="utf-8")
    assert find_leaks(site, "mentor", [secret]) == [("ai/mentor/index.html", secret)]


def test_an_area_page_front_matter_is_the_three_keys_dumped_together():
    def dumped_together(title: str, body: str) -> str:
        meta = {"title": title, "template": PAGE_TEMPLATE, "search": {"exclude": True}}
        # by the emitter the title is written with (libyaml's where PyYAML has it: mentor/area.py)
        dumped = yaml.dump(meta, Dumper=area._TITLE_DUMPER, allow_unicode=True, sort_keys=False)
        return "---\n" + dumped + "---\n" + body

    rnd = random.Random(18)
    alphabet = string.printable + "éß中文«»—…\u2028\x85"
    titles = ["", "yes", "null", "1.5", "- a", "a: b", "#x", "'q'", '"d"', "@x", "%x", "&x", "*x", "|", ">", "? x"]
    titles += ["Mentor sheet: " + "long words " * 30, "  lead", "trail  ", "x\n\ny"]
    titles += ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 160))) for _ in range(2_000)]
    for title in titles:
        assert _page(title, "# body\n") == dumped_together(title, "# body\n"), repr(title)
    assert yaml.safe_load(_page("Sheet: a: b", "").split("---\n")[1]) == {
        "title": "Sheet: a: b",
        "template": PAGE_TEMPLATE,
        "search": {"exclude": True},
    }
