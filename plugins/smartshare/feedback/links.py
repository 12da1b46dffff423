"""Feedback link templates: which placeholders exist, how a template is checked and how a link is built.

Plain Python (no MkDocs), so the same code checks mkdocs.yml, track.yml and module front matter.
A template is a link with named placeholders in braces:

    https://forms.example.com/feedback?module={module}&rating={rating}
    mailto:learning@example.com?subject=Feedback on {title}&body=Rating: {rating}%0D%0APage: {url}

Every value is percent-encoded as a whole (`quote(value, safe="")`): spaces become `%20`, which both a web
form and a mail client read as a space (a `+` would show literally in an e-mail), and `&`, `=`, `#`, quotes
and accents can never break out of the field they fill. In `mailto:` links a line break is sent as CRLF, as
RFC 6068 asks.
"""

from __future__ import annotations

import functools
import string
from collections.abc import Mapping
from urllib.parse import quote, urlsplit

RATINGS = ("1", "2", "3")
_RESERVED = "!#$%&'()*+,/:;=?@[]~"


def is_mailto(template: str) -> bool:
    return urlsplit(template).scheme.lower() == "mailto"


def encode_value(value: str, mailto: bool) -> str:
    return _encoded(str(value), mailto)


# each module's values (title, track, mentors, URL) fill eight links of its feedback block, and the track's and
# mentors' ones hundreds of blocks: each value is encoded once per build
@functools.lru_cache(maxsize=8192)
def _encoded(value: str, mailto: bool) -> str:
    text = value.replace("\r\n", "\n").replace("\r", "\n")
    if mailto:
        text = text.replace("\n", "\r\n")
    return quote(text, safe="")


def build_link(template: str, values: Mapping[str, str]) -> str:
    """The template filled with `values` (missing ones empty), each encoded for the template's kind of link."""
    mailto, pieces = _compiled(template)
    parts = []
    for literal, name in pieces:
        parts.append(literal)
        if name is not None:
            parts.append(encode_value(values.get(name) or "", mailto))
    return "".join(parts)


@functools.lru_cache(maxsize=256)
def _compiled(template: str) -> tuple[bool, tuple[tuple[str, str | None], ...]]:
    """A template split and its literal text encoded once: a build fills the same few templates thousands of
    times (one feedback block per module, a link per rating)."""
    # the author's own text keeps its `%0A`, `&` and `=`, but spaces and accents must be encoded too
    pieces = tuple((quote(literal, safe=_RESERVED), name) for literal, name, _, _ in string.Formatter().parse(template))
    return is_mailto(template), pieces
