"""Video and audio written as HTML in a module find their files the way Markdown images do.

MkDocs rewrites the `src` of Markdown images and links for the page's final URL, not the attributes of HTML an
author writes (`<video src>`, `<track src>`, `<source src>`, `poster`). Without this, `src="demo.webm"` next to the
module would point inside the page's folder (`module/demo.webm`) on the served site and somewhere else again in the
offline edition. Here a relative address is read like a Markdown link, relative to the Markdown file, and written
relative to the page's URL, when it names a file of the site.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from html import escape, unescape
from urllib.parse import urlsplit

from mkdocs.utils import get_relative_url

MEDIA_TAG = re.compile(r"<(?:video|audio|source|track)\b[^>]*>", re.I)
MEDIA_ATTRIBUTE = re.compile(r"""(\s(?:src|poster)=)(["'])(.*?)\2""", re.I | re.S)


def relink_media(html: str, src_uri: str, page_url: str, url_of: Callable[[str], str | None]) -> str:
    """`url_of(src_uri)` gives the site URL of a file of the docs folder, or None."""
    if "<video" not in html and "<audio" not in html:
        return html

    def replace(match: re.Match) -> str:
        value = unescape(match.group(3))
        parts = urlsplit(value)
        if parts.scheme or parts.netloc or value.startswith("/") or not parts.path:
            return match.group(0)
        target = posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), parts.path))
        url = url_of(target)
        if url is None:
            return match.group(0)
        relative = get_relative_url(url, page_url) + (f"#{parts.fragment}" if parts.fragment else "")
        return f"{match.group(1)}{match.group(2)}{escape(relative)}{match.group(2)}"

    return MEDIA_TAG.sub(lambda tag: MEDIA_ATTRIBUTE.sub(replace, tag.group(0)), html)
