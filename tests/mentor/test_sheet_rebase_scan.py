"""A sheet's module body has its URL attributes found by one fast search per attribute name (mentor/rebase.py): the
same URLs, and the same rebased body, as one regular expression tried at every character finds."""

from __future__ import annotations

import random
import re
import sys
from urllib.parse import urljoin, urlsplit

import pytest
from mkdocs.utils import get_relative_url

from smartshare.mentor.rebase import _BASE, _URL, rebase_urls, url_spans
from smartshare.rich.media import MEDIA_TAG

#: what a body may hold around its attributes: other attributes that end like these names, quotes of both kinds,
#: whitespace of several kinds (a no-break space among them), media tags, every kind of URL
PIECES = [" href=", " src=", " poster=", " data=", "\nhref=", "\tsrc=", "\xa0data=", "xhref=", "-src=", "href=", "src"]
PIECES += ['"', "'", '"', "'", " ", "=", "<a", ">", "</a>", "<p>", "é", "聊", "\n", "data-x=", " HREF=", ' class="a"']
PIECES += ["../x/", "img.png", "#top", "/abs/", "http://e.org/", "mailto:a@b", "?q=1", "../../t/m/#s", "./a", ""]
PIECES += ['<video src="v.mp4">', '<audio controls src="../a.mp3"></audio>', "</video>", "<video", '<source src="s">']
PAGES = ["", "ai/chatbots/", "mentor/ai/chatbots/", "a/b/c/", "index.html", "ai/chatbots.html", "mentor/x.html"]


def _old_rebase(html: str, from_url: str, to_url: str) -> str:
    """`rebase_urls` as it was written with `_URL.sub`: the reference."""
    if from_url == to_url:
        return html

    def rebase(match: re.Match) -> str:
        url = match.group(3)
        parts = urlsplit(url)
        if not url or url.startswith(("#", "/")) or parts.scheme or parts.netloc:
            return match.group(0)
        target = urlsplit(urljoin(_BASE + from_url, url))
        path = get_relative_url(target.path[len("/") :] or ".", to_url or ".")
        if target.path.endswith("/") and not path.endswith("/"):
            path += "/"
        query = f"?{target.query}" if target.query else ""
        fragment = f"#{target.fragment}" if target.fragment else ""
        return f"{match.group(1)}{match.group(2)}{path}{query}{fragment}{match.group(2)}"

    parts, position = [], 0
    for media in MEDIA_TAG.finditer(html):
        parts += [_URL.sub(rebase, html[position : media.start()]), media.group(0)]
        position = media.end()
    parts.append(_URL.sub(rebase, html[position:]))
    return "".join(parts)


def _body(draw: random.Random) -> str:
    return "".join(draw.choice(PIECES) for _ in range(draw.randint(0, 40)))


@pytest.mark.parametrize("seed", range(4))
def test_the_urls_found_are_the_expressions(seed):
    draw = random.Random(seed)
    found = 0
    for _ in range(3000):
        html = _body(draw)
        spans = url_spans(html)
        assert spans == [(match.start(3), match.end(3)) for match in _URL.finditer(html)], html
        found += len(spans)
        from_url, to_url = draw.choice(PAGES), draw.choice(PAGES)
        assert rebase_urls(html, from_url, to_url) == _old_rebase(html, from_url, to_url), (html, from_url, to_url)
    assert found > 3000


def test_whitespace_is_what_the_expression_takes_for_it():
    """The search takes `str.isspace` for the expression's `\\s`: the same characters, every code point tried (in one
    string: the expression run once over it, not once a character)."""
    every = "".join(map(chr, range(sys.maxunicode + 1)))
    spaces = [hex(ord(char)) for char in every if char.isspace()]
    assert spaces == [hex(ord(char)) for char in re.findall(r"\s", every)]


def test_a_module_body_is_rebased_as_before():
    html = (
        '<p><a href="../other/">o</a> <img alt="x" src="img/a.png"> <a href="#top">t</a> <a href="/abs/">a</a>'
        ' <a href=\'https://e.org/x\'>e</a>xhref="../no/" <a\nhref="../../t/m/?q=1#s">m</a>'
        '<video src="v.mp4" poster="p.png"></video> <object data="d.svg"></object></p>'
    )
    for to_url in ("mentor/ai/chatbots/", "mentor/ai/chatbots.html", "ai/"):
        assert rebase_urls(html, "ai/chatbots/", to_url) == _old_rebase(html, "ai/chatbots/", to_url)
    rebased = rebase_urls(html, "ai/chatbots/", "mentor/ai/chatbots/")
    assert 'href="../../../ai/other/"' in rebased and 'src="../../../ai/chatbots/img/a.png"' in rebased
    assert 'xhref="../no/"' in rebased and 'data="../../../ai/chatbots/d.svg"' in rebased
