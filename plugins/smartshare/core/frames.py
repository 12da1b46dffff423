"""Placeholders framed in a page's HTML (`<opening><what><closing>`), put back in one pass over the page.

The build cache's markers (cache/page.py) and the mentor notes of a cached render (feedback/mentorblock.py) are
such frames; the parts of a quiz that search leaves out (quiz/render.py) are found as frames of the quiz's markup.
One `split` at the opening and a `partition` of each piece costs one copy of the page, where a `replace` per frame
copies it once each and a pattern compiled for each page costs more than the page's scan.
"""

from __future__ import annotations

from collections.abc import Callable


def replace_frames(html: str, opening: str, closing: str, replacement: Callable[[str], str | None]) -> str:
    """`html` with each frame whose inside `replacement` gives a text for replaced by that text; a frame it gives
    None for, and an opening without a closing, stay as they are. The opening must not overlap itself (no proper
    prefix of it is also its suffix) for the frames to be those a left-to-right scan finds."""
    first, *pieces = html.split(opening)
    out = [first]
    for piece in pieces:
        inside, closed, rest = piece.partition(closing)
        text = replacement(inside) if closed else None
        out += (opening, piece) if text is None else (text, rest)
    return "".join(out)
