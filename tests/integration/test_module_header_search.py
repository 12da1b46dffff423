"""What search finds in a module header: the summary, the mentors' names and the objectives; never the facts, the
labels, the prerequisites or (where the page's entries carry the tags) the tag list (README, "What search finds in a
module header"). Those parts are held out of the content the search plugin parses and put back as they were."""

from __future__ import annotations

import json
import re

import pytest

from sitebuilder import basic_tree, build_site, module
from smartshare.curriculum.render import hold_unsearched_header
from smartshare.plugin_support import LateHtml

PLUGINS = ["search", {"smartshare/curriculum": {"include_drafts": True}}, "smartshare/quiz"]
#: the mentor area puts its link to the module's sheet before the header
WITH_MENTORS = [*PLUGINS, "smartshare/feedback", "smartshare/mentor"]

FRENCH = """\
---
title: Les agents conversationnels
summary: Ce que les agents conversationnels font pour votre équipe.
objectives: [Citer trois tâches]
---

Un paragraphe en français.
"""


def tree() -> dict[str, str]:
    files = basic_tree()
    files["ai/machine-learning.md"] = module(
        "Machine learning",
        mentors=["leo-martin"],
        prerequisites=["chatbots"],
        tags=["ai", "data"],
        audience=["team leads"],
        status="draft",
    )
    return files


@pytest.fixture(scope="module", params=[PLUGINS, WITH_MENTORS], ids=["curriculum", "mentor area"])
def site(request, tmp_path_factory):
    build = build_site(tmp_path_factory.mktemp("headersearch"), tree(), config={"plugins": request.param})
    assert build.returncode == 0, build.output
    return build


def _entry(index_path, location: str) -> dict:
    index = json.loads(index_path.read_text(encoding="utf-8"))
    return next(doc for doc in index["docs"] if doc["location"] == location)


def _header(html: str) -> str:
    start = html.index('<div class="smartshare-module"')
    return html[start : html.index("</ul>\n</div>", start) + len("</ul>\n</div>")]


def test_search_finds_the_summary_the_mentors_and_the_objectives_and_the_tags_by_their_field(site):
    entry = _entry(site.site / "search" / "search_index.json", "ai/machine-learning/")
    assert entry["text"] == (
        "<p>What machine learning can do for your team.</p> Léo Martin"
        " <ul><li>Name three tasks a chatbot handles well</li></ul> <p>Some content about it.</p>"
    )
    assert entry["tags"] == ["ai", "data"]


def test_the_page_still_shows_every_part_of_its_header_in_place(site):
    html = site.html("ai/machine-learning/")
    assert "smartshare-late" not in html
    header = _header(html)
    for shown in (
        '<p class="smartshare-draft-notice" role="note"><strong>Draft</strong>',
        "<dt>Level</dt><dd>Beginner</dd>",
        "<dt>Duration</dt><dd>1 h</dd>",
        "<dt>For</dt><dd>team leads</dd>",
        '<dt data-search-exclude>Mentors</dt><dd><a href="../../mentors/leo-martin/">Léo Martin</a></dd>',
        '<p class="admonition-title">Objectives</p>',
        '<strong>Before this module:</strong>\n<a href="../chatbots/">Chatbots</a>',
        '<li><a class="smartshare-tag" href="../../tags/data/">data</a></li>',
    ):
        assert shown in header, shown


def test_what_is_held_goes_back_byte_for_byte_and_is_the_parts_search_has_no_use_for(site):
    html = site.html("ai/machine-learning/")
    header = _header(html)
    late, pieces = LateHtml("curriculum"), []

    def hold(piece: str) -> str:
        pieces.append(piece)
        return late.hold(piece)

    held = hold_unsearched_header(header, hold, tags_indexed=True)
    assert late.release(held) == header
    assert [re.match(r"\s*(<[^>]*>)", piece)[1] for piece in pieces] == [
        '<p class="smartshare-draft-notice" role="note">',
        '<div class="smartshare-facts__item" data-search-exclude>',  # track
        '<div class="smartshare-facts__item" data-search-exclude>',  # level
        '<div class="smartshare-facts__item" data-search-exclude>',  # duration
        '<div class="smartshare-facts__item" data-search-exclude>',  # audience
        "<dt data-search-exclude>",
        '<p class="smartshare-prerequisites">',
        '<ul class="smartshare-tags" aria-label="Tags">',
        '<p class="admonition-title">',
    ]
    assert "Léo Martin" in held and "Name three tasks" in held and "What machine learning" in held
    without_tags = hold_unsearched_header(header, lambda piece: "", tags_indexed=False)
    assert '<ul class="smartshare-tags"' in without_tags and "Objectives" not in without_tags


def test_a_frame_holding_another_plugins_held_html_is_left_whole():
    other = LateHtml("other")
    header = (
        '<p class="smartshare-prerequisites"><strong>Before this module:</strong> '
        + other.hold("<a>x</a>")
        + '</p>\n<p class="smartshare-prerequisites">A</p>'
    )
    pieces: list[str] = []
    hold_unsearched_header(header, lambda piece: pieces.append(piece) or "", tags_indexed=True)
    assert pieces == ['<p class="smartshare-prerequisites">A</p>']


@pytest.fixture(scope="module")
def french(tmp_path_factory):
    files = basic_tree()
    files["ai/chatbots.fr.md"] = FRENCH
    config = {"plugins": ["search", {"smartshare/curriculum": {"languages": ["en", "fr"]}}]}
    build = build_site(tmp_path_factory.mktemp("headersearchfr"), files, config=config)
    assert build.returncode == 0, build.output
    return build


def test_a_translation_without_tags_of_its_own_keeps_its_tag_list_searchable(french):
    # Material takes an entry's tags from the page's front matter; a translation's has none (they are the module's)
    entry = _entry(french.site / "fr" / "search" / "search_index.json", "ai/chatbots/")
    assert "tags" not in entry
    assert "<ul> <li>ai</li> </ul>" in entry["text"]
    assert "Objectifs" not in entry["text"] and "Amina Diallo" in entry["text"]
    english = _entry(french.site / "en" / "search" / "search_index.json", "ai/chatbots/")
    assert english["tags"] == ["ai"] and "<li>ai</li>" not in english["text"]
