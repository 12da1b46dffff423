"""The printed mentor sheet keeps its title, kit, notes and answer keys; the course text stays on screen. A
heading whose section keeps none of them would print as an empty heading: it is marked for print to leave out."""

from __future__ import annotations

import re

HEADING = re.compile(r"<h([2-6])\b([^>]*)>")
#: what a printed sheet keeps under a heading (mentor.css, `@media print`)
KEPT = ("smartshare-mentor-note", "smartshare-quiz", "smartshare-mentor-kit")
BARE = "smartshare-sheet-bare"


def mark_bare_headings(html: str) -> str:
    """Each heading whose section (up to the next heading of its level or higher) holds nothing the printed sheet
    keeps gets the class `smartshare-sheet-bare`."""
    headings = list(HEADING.finditer(html))
    bare = []
    for n, match in enumerate(headings):
        level = int(match.group(1))
        end = next((h.start() for h in headings[n + 1 :] if int(h.group(1)) <= level), len(html))
        section = html[match.end() : end]
        if not any(kept in section for kept in KEPT):
            bare.append(match)
    for match in reversed(bare):
        attributes = match.group(2)
        if 'class="' in attributes:
            attributes = attributes.replace('class="', f'class="{BARE} ', 1)
        else:
            attributes += f' class="{BARE}"'
        html = html[: match.start()] + f"<h{match.group(1)}{attributes}>" + html[match.end() :]
    return html
