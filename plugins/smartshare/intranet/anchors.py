"""The anchors a page will have, read from its Markdown source, so `smartshare check` and the build agree.

Heading anchors come from the `toc` extension itself, run on a small document made of the page's headings only
(outside code): its slugify, its `_1` suffixes for repeated headings and `{#custom-id}` from attr_list are then
exactly those of the site, for a fraction of the cost of rendering the page. The site must use toc's default
slugify (as the example configuration does). Raw HTML `id`/`name` attributes and `{: #id }` attribute lists
are read from the source as well.
"""

from __future__ import annotations

import re

import markdown

from ..core.mdscan import scan

_ATX = re.compile(r" {0,3}#{1,6}(?:[ \t]|$)")
_SETEXT = re.compile(r" {0,3}(?:=+|-+)[ \t]*$")
_HTML_ID = re.compile(r"""\b(?:id|name)\s*=\s*["']([^"'<>]+)["']""")
_ATTR_ID = re.compile(r"\{:?[ \t]*#([\w-]+)")


def page_anchors(body: str) -> set[str]:
    headings: list[str] = []
    anchors: set[str] = set()
    previous = ""
    for line, is_code in scan(body.split("\n")):
        if is_code:
            previous = ""
            continue
        if _ATX.match(line):
            headings.append(line.strip())
        elif previous.strip() and _SETEXT.match(line) and not _ATX.match(previous):
            headings.append(previous.strip() + "\n" + line.strip())
        anchors.update(_HTML_ID.findall(line))
        anchors.update(_ATTR_ID.findall(line))
        previous = line
    if headings:
        md = markdown.Markdown(extensions=["toc", "attr_list"])
        md.convert("\n\n".join(headings))
        anchors.update(_token_ids(md.toc_tokens))  # type: ignore[attr-defined]
    return anchors


def _token_ids(tokens: list[dict]) -> set[str]:
    ids = set()
    for token in tokens:
        ids.add(token["id"])
        ids |= _token_ids(token["children"])
    return ids
