"""Split a Markdown file into its YAML front matter and body, keeping line numbers.

The one front-matter rule of the package (the loader, the page checks and the link finder use it). Lines end at
`\n` only, as editors count them (not at U+2028 or U+0085, which `str.splitlines` would also split on).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SplitSource:
    yaml_text: str | None  # None when the file has no front matter
    body: str
    body_line: int  # 1-based line of the file where the body starts
    unterminated: bool = False  # an opening `---` with no closing line


def split_front_matter(text: str) -> SplitSource:
    text = text.lstrip("\ufeff")
    lines = text.split("\n")
    lines = [line + "\n" for line in lines[:-1]] + ([lines[-1]] if lines[-1] else [])
    if not lines or lines[0].rstrip() != "---":
        return SplitSource(None, text, 1)
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            return SplitSource("".join(lines[1:index]), "".join(lines[index + 1 :]), index + 2)
    return SplitSource("".join(lines[1:]), "", len(lines) + 1, unterminated=True)
