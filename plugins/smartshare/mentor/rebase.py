"""A module's HTML shown at another URL (its mentor sheet): relative links and images still reach their targets."""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import urljoin, urlsplit

from mkdocs.utils import get_relative_url

from ..rich.media import MEDIA_TAG

# The URL attributes of a module's body: MkDocs wrote them relative to the course page's URL.
_URL = re.compile(r'(\s(?:href|src|poster|data)=)(["\'])(.*?)\2', re.S)
#: where `_URL` may match: each name and `=`, found by `str.find`, then a quote (`_URL` is tried at every character of
#: the body, twice as long; a pattern per name, searched by the regular expression engine's prefix scan, a fifth
#: longer than `str.find`)
_ATTRIBUTES = ("href=", "src=", "poster=", "data=")
_BASE = "http://site.invalid/"


def rebase_urls(html: str, from_url: str, to_url: str) -> str:
    """`html` made for the page at `from_url`, with every relative URL rewritten for the page at `to_url`.

    Video and audio tags are left as written: their addresses are relative to the Markdown file, and
    smartshare/rich links them for each page that shows them (a sheet is read from beside its module).
    """
    if from_url == to_url:
        return html

    def rebase(url: str) -> str:
        if not url or url.startswith(("#", "/")):  # a sheet's URLs are mostly its headings' permalinks
            return url
        parts = urlsplit(url)
        if parts.scheme or parts.netloc:
            return url
        target = urlsplit(urljoin(_BASE + from_url, url))
        path = get_relative_url(target.path[len("/") :] or ".", to_url or ".")
        if target.path.endswith("/") and not path.endswith("/"):
            path += "/"
        query = f"?{target.query}" if target.query else ""
        fragment = f"#{target.fragment}" if target.fragment else ""
        return f"{path}{query}{fragment}"

    parts: list[str] = []
    position = 0
    for media in MEDIA_TAG.finditer(html):
        _substitute(html[position : media.start()], rebase, parts)
        parts.append(media.group(0))
        position = media.end()
    _substitute(html[position:], rebase, parts)
    return "".join(parts)


def _substitute(html: str, rebase: Callable[[str], str], parts: list[str]) -> None:
    """`_URL.sub` of `html`, each URL replaced by `rebase(url)`, appended to `parts`."""
    at = 0
    for start, end in url_spans(html):
        parts += (html[at:start], rebase(html[start:end]))
        at = end
    parts.append(html[at:])


def url_spans(html: str) -> list[tuple[int, int]]:
    """Where the URLs `_URL.finditer(html)` finds are (their quotes left out), found the same way: leftmost first,
    after a whitespace, up to the first quote like the opening one, none inside another."""
    found = []
    for attribute in _ATTRIBUTES:
        size = len(attribute) - 1  # the name's
        at = html.find(attribute)
        while at >= 0:
            if html[at + size + 1 : at + size + 2] in ('"', "'"):  # not "": the slice is one character or none
                found.append((at, size))
            at = html.find(attribute, at + 1)
    found.sort()
    spans = []
    free = 0  # where the last URL's closing quote left off
    for start, size in found:
        if start <= free or not html[start - 1].isspace():
            continue
        opening = start + size + 2
        end = html.find(html[opening - 1], opening)
        if end >= 0:
            spans.append((opening, end))
            free = end + 1
    return spans
