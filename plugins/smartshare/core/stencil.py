"""HTML rendered once with a token where each page's own values go, then filled in page by page.

A block that differs between pages only by a few strings (a module's id, its links) costs a template render on every
page; rendered once with tokens in their place, each page only joins its values, escaped as the template escapes a
string. Plain Python: the caller renders, this finds the tokens and fills them in.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable, Sequence

from markupsafe import escape

#: what Jinja's escaping changes in a string: a string without any of these is written as it is
_ESCAPED = re.compile("[&<>\"']")


class Stencil:
    """`render(tokens)` split at its tokens; `fill(values)` is `render(values)` when every token was written once (or,
    with `repeats`, at least once), as it was, where the value is written escaped (`{{ value }}`, a placeholder of a
    translated text)."""

    def __init__(
        self, render: Callable[[list[str]], str], count: int, prefixes: Sequence[str] = (), *, repeats: bool = False
    ) -> None:
        """`prefixes[i]` starts the i-th token (a template that asks `href.startswith("http")` must get the same
        answer from the token); the prefix is part of what the value replaces. `repeats`: a template may write a value
        several times (a session's id in an attribute, a link and a file name); each place gets the value."""
        # a nonce: no text from YAML or a translation can hold a token
        nonce = f"smartshare-stencil-{secrets.token_hex(8)}-"
        starts = [prefixes[i] if i < len(prefixes) else "" for i in range(count)]
        #: the text around the values, and which value goes between; None: a token was lost, doubled or changed
        self._pieces: list[str] | None = None
        self._order: list[int] = []
        pieces, order = _split(render([f"{starts[i]}{nonce}{i}-" for i in range(count)]), nonce, starts)
        if set(order) == set(range(count)) if repeats else sorted(order) == list(range(count)):
            self._pieces, self._order = pieces, order

    @property
    def usable(self) -> bool:
        return self._pieces is not None

    def fill(self, values: Sequence[str]) -> str:
        pieces = self._pieces
        if pieces is None:
            raise ValueError("the stencil's render lost a token: render the values instead")
        parts = [pieces[0]]
        for at, index in enumerate(self._order, 1):
            value = values[index]
            # most values (ids, links, dates) have nothing to escape: `escape` would make and copy a Markup of each
            if type(value) is not str or _ESCAPED.search(value) is not None:
                value = str(escape(value))
            parts += (value, pieces[at])
        return "".join(parts)


def _split(html: str, nonce: str, starts: list[str]) -> tuple[list[str], list[int]]:
    """`html` cut at its tokens (`{starts[i]}{nonce}{i}-`): the text around them and the tokens' numbers in order
    ([-1] when the nonce is found outside a token). Cut at the nonce with `str.split`: a pattern of every token,
    compiled for each stencil, took 1-20 ms (a module header has up to tens of tokens)."""
    first, *rest = html.split(nonce)
    pieces, order = [first], []
    for text in rest:
        number, dash, after = text.partition("-")
        index = int(number) if dash and number.isascii() and number.isdigit() else -1
        if not 0 <= index < len(starts) or str(index) != number or not pieces[-1].endswith(starts[index]):
            return pieces, [-1]
        pieces[-1] = pieces[-1][: len(pieces[-1]) - len(starts[index])]
        pieces.append(after)
        order.append(index)
    return pieces, order


def held_body(render: Callable[[Callable[[Callable[[], object]], str]], str]) -> str:
    """What `render(late)` writes inside its template's one `{% call late() %}` block, when that block is all the
    template writes ("" otherwise: a stencil of it is not usable). A held block's stencil is filled in when the
    page's held HTML is put back, as its `caller()` was."""
    mark = f"smartshare-held-{secrets.token_hex(8)}"
    bodies: list[str] = []

    def late(caller: Callable[[], object]) -> str:
        bodies.append(str(caller()))
        return mark

    return bodies[0] if render(late) == mark and len(bodies) == 1 else ""
