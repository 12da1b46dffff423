"""The anchors a page will have, read from its Markdown source, so `smartshare check` and the build agree.

Heading anchors come from the `toc` extension itself, run on a small document made of the page's headings only
(outside code): its slugify, its `_1` suffixes for repeated headings and `{#custom-id}` from attr_list are then
exactly those of the site, for a fraction of the cost of rendering the page. The site must use toc's default
slugify (as the example configuration does). Raw HTML `id`/`name` attributes and `{: #id }` attribute lists
are read from the source as well.
"""

from __future__ import annotations

import re

from ..core.mdscan import code_lines

_ATX = re.compile(r" {0,3}#{1,6}(?:[ \t]|$)")
_SETEXT = re.compile(r" {0,3}(?:=+|-+)[ \t]*$")
_HTML_ID = re.compile(r"""\b(?:id|name)\s*=\s*["']([^"'<>]+)["']""")
_ATTR_ID = re.compile(r"\{:?[ \t]*#([\w-]+)")
_MARKUP = re.compile(r"[*_`\[\]<>&\\{}!]")  # a heading with any of these goes through Markdown itself


class AnchorReader:
    """Reads the anchors of pages; keeps one Markdown instance (making one costs more than reading the headings)."""

    def __init__(self) -> None:
        # imported here: `smartshare check` only needs Markdown when a link's #fragment is checked
        import markdown
        from markdown.extensions.toc import slugify, unique

        self._md = markdown.Markdown(extensions=["toc", "attr_list"])
        self._slugify, self._unique = slugify, unique

    def __call__(self, body: str) -> set[str]:
        headings: list[str] = []
        anchors: set[str] = set()
        previous = ""
        code = code_lines(body)
        for index, line in enumerate(body.split("\n")):
            if code[index]:
                previous = ""
                continue
            first = line.lstrip(" ")[:1]
            if first == "#" and _ATX.match(line):
                headings.append(line.strip())
            elif first in ("=", "-") and previous.strip() and _SETEXT.match(line) and not _ATX.match(previous):
                headings.append(previous.strip() + "\n" + line.strip())
            if "=" in line:
                anchors.update(_HTML_ID.findall(line))
            if "{" in line:
                anchors.update(_ATTR_ID.findall(line))
            previous = line
        if headings and any(_MARKUP.search(heading.lstrip("#")) or "\n" in heading for heading in headings):
            self._md.reset()
            self._md.convert("\n\n".join(headings))
            anchors.update(_token_ids(self._md.toc_tokens))  # type: ignore[attr-defined]
        elif headings:
            # plain text only (most pages): what toc would compute, without rendering
            used: set[str] = set()
            for heading in headings:
                text = heading.strip().lstrip("#").strip().rstrip("#").strip()
                used.add(self._unique(self._slugify(text, "-"), used))
            anchors |= used
        return anchors


def page_anchors(body: str) -> set[str]:
    """The anchors of one page (a `smartshare check` of many pages uses one `AnchorReader`)."""
    return AnchorReader()(body)


def _token_ids(tokens: list[dict]) -> set[str]:
    ids = set()
    for token in tokens:
        ids.add(token["id"])
        ids |= _token_ids(token["children"])
    return ids
