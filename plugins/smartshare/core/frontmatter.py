"""Split a Markdown file into its YAML front matter and body, keeping line numbers.

The one front-matter rule of the package (the loader, the page checks and the link finder use it). Lines end at
`\n` only, as editors count them (not at U+2028 or U+0085, which `str.splitlines` would also split on).
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class SplitSource:
    yaml_text: str | None  # None when the file has no front matter
    body: str
    body_line: int  # 1-based line of the file where the body starts
    unterminated: bool = False  # an opening `---` with no closing line


_CLOSING = re.compile(r"^(?:---|\.\.\.)[^\S\n]*$", re.MULTILINE)  # `---` or `...` alone on its line


def split_front_matter(text: str) -> SplitSource:
    text = text.lstrip("\ufeff")
    first_end = text.find("\n")
    if (text if first_end < 0 else text[:first_end]).rstrip() != "---":
        return SplitSource(None, text, 1)
    if first_end < 0:
        return SplitSource("", "", 2, unterminated=True)
    closing = _CLOSING.search(text, first_end + 1)
    if closing is None:
        lines = text.count("\n") + (not text.endswith("\n"))
        return SplitSource(text[first_end + 1 :], "", lines + 1, unterminated=True)
    end = text.find("\n", closing.end())
    body = "" if end < 0 else text[end + 1 :]
    return SplitSource(text[first_end + 1 : closing.start()], body, text.count("\n", 0, closing.start()) + 2)
