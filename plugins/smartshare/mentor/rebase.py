"""A module's HTML shown at another URL (its mentor sheet): relative links and images still reach their targets."""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

from mkdocs.utils import get_relative_url

from ..rich.media import MEDIA_TAG

# The URL attributes of a module's body: MkDocs wrote them relative to the course page's URL.
_URL = re.compile(r'(\s(?:href|src|poster|data)=)(["\'])(.*?)\2', re.S)
_BASE = "http://site.invalid/"


def rebase_urls(html: str, from_url: str, to_url: str) -> str:
    """`html` made for the page at `from_url`, with every relative URL rewritten for the page at `to_url`.

    Video and audio tags are left as written: their addresses are relative to the Markdown file, and
    smartshare/rich links them for each page that shows them (a sheet is read from beside its module).
    """
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
