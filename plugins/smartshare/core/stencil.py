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


class Stencil:
    """`render(tokens)` split at its tokens; `fill(values)` is `render(values)` when every token was written once, as
    it was, where the value is written escaped (`{{ value }}`, a placeholder of a translated text)."""

    def __init__(self, render: Callable[[list[str]], str], count: int, prefixes: Sequence[str] = ()) -> None:
        """`prefixes[i]` starts the i-th token (a template that asks `href.startswith("http")` must get the same
        answer from the token); the prefix is part of what the value replaces."""
        # a nonce: no text from YAML or a translation can hold a token
        nonce = f"smartshare-stencil-{secrets.token_hex(8)}-"
        tokens = [f"{prefixes[i] if i < len(prefixes) else ''}{nonce}{i}-" for i in range(count)]
        html = render(tokens)
        pieces = re.split("(" + "|".join(map(re.escape, tokens)) + ")", html) if tokens else [html]
        found = pieces[1::2]
        #: the text around the values, and which value goes between; None: a token was lost, doubled or changed
        self._pieces: list[str] | None = None
        self._order: list[int] = []
        if sorted(found) == sorted(tokens) and nonce not in "".join(pieces[::2]):
            self._pieces = pieces[::2]
            self._order = [tokens.index(token) for token in found]

    @property
    def usable(self) -> bool:
        return self._pieces is not None

    def fill(self, values: Sequence[str]) -> str:
        pieces = self._pieces
        if pieces is None:
            raise ValueError("the stencil's render lost a token: render the values instead")
        parts = [pieces[0]]
        for at, index in enumerate(self._order, 1):
            parts += (str(escape(values[index])), pieces[at])
        return "".join(parts)


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
