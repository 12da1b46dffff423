"""Titles from YAML (tags, mentors' names, mentor sheets and track pages) become a page's heading as they are."""

import html
import re

import markdown
import pytest
from mkdocs.structure.pages import _ExtractTitleTreeprocessor

from smartshare.core.mdscan import heading_markdown

TITLES = [
    "Chatbots for managers (fr)",
    "f(x) = a",
    "Budget $5$ per head",
    "Pay $x and $y",
    r"a\(b\)",
    "[link](target)",
    "<b>bold</b> & <script>alert(1)</script>",
    "*not emphasis* and _not_ either",
    "`code` {attr} #hash +plus !bang |pipe",
    "Q&amp;A",
    "backslash \\ alone",
    "2 < 3 > 1",
]


def _site_markdown():
    """The extensions of the site that read these characters: formulas (smartshare/rich), tables, toc."""
    md = markdown.Markdown(
        extensions=["pymdownx.arithmatex", "tables", "toc", "attr_list", "pymdownx.superfences"],
        extension_configs={"pymdownx.arithmatex": {"generic": True}},
    )
    title = _ExtractTitleTreeprocessor()
    title._register(md)
    return md, title


@pytest.mark.parametrize("text", TITLES)
def test_the_heading_shows_the_title_as_it_is(text):
    md, extracted = _site_markdown()
    rendered = md.convert(heading_markdown(text))
    inner = re.fullmatch(r'<h1 id="[^"]*">(.*)</h1>', rendered, re.S)
    assert inner, rendered
    assert "<" not in inner.group(1), rendered  # no element: no formula, link, emphasis, code or raw HTML
    assert html.unescape(inner.group(1)) == text
    assert html.unescape(extracted.title) == text  # the page's title MkDocs reads from the heading


def test_the_heading_is_one_line():
    assert heading_markdown("Module (draft)") == "# Module (draft)\n"
