"""Which packaged libraries a page needs, and the one script tag that loads them.

The tag is the documented surface between this plugin and the intranet plugin's host check: a page with a Mermaid
diagram must carry a local `<script data-smartshare-provides="mermaid …">`, or the theme fetches Mermaid from
unpkg.com (`smartshare.intranet.external`).
"""

from __future__ import annotations

import os
from html import escape

HERE = os.path.dirname(__file__)
VENDOR = os.path.join(HERE, "assets", "vendor")
# `<pre class="mermaid">` from the superfences fence, `class="arithmatex"` from pymdownx.arithmatex (generic)
DIAGRAM_MARK = '<pre class="mermaid">'
MATHS_MARK = 'class="arithmatex"'


def _vendor_files() -> list[str]:
    found = []
    for folder, _dirs, names in os.walk(VENDOR):
        for name in names:
            found.append(os.path.relpath(os.path.join(folder, name), os.path.join(HERE, "assets")).replace(os.sep, "/"))
    return sorted(found)


VENDOR_FILES = _vendor_files()  # "vendor/mermaid/mermaid.min.js", "vendor/katex/fonts/…", licences


def needs(html: str, *, diagrams: bool, maths: bool) -> list[str]:
    """The libraries this page's HTML uses: "mermaid", "katex", both or none."""
    found = []
    if diagrams and DIAGRAM_MARK in html:
        found.append("mermaid")
    if maths and MATHS_MARK in html:
        found.append("katex")
    return found


def loader_tag(src: str, provides: list[str]) -> str:
    return f'\n<script src="{escape(src)}" data-smartshare-provides="{" ".join(provides)}"></script>\n'
