"""The mentor view switch on every page, and who sees the repository and edit links.

The switch is rendered once per build and put into each finished page by string, first thing in the content
(`<article class="md-content__inner md-typeset">`, which every page of the theme has, the 404 page included), so
it sits at the same place on every page type: course pages, generated pages, the mentor area and the 404 page.
Put in after the search plugin read the page, it is in no search result.
"""

from __future__ import annotations

CONTENT_START = '<article class="md-content__inner md-typeset">'

#: who sees the theme's repository link ("Git") and edit pencil
SOURCE_LINKS = ("mentor-view", "everyone")


def place_toggle(output: str, toggle: str) -> str:
    """`output` with the switch at the start of its content; unchanged when a theme override has no such article."""
    at = toggle_index(output)
    return output if at < 0 else "".join((output[:at], toggle, output[at:]))


def toggle_index(output: str) -> int:
    """Where `place_toggle` puts the switch: just after the content's opening tag; -1 without one."""
    at = output.find(CONTENT_START)
    return at + len(CONTENT_START) if at >= 0 else -1
