"""Which packaged libraries a page needs, and the one script tag that loads them.

The tag is the documented surface between this plugin and the intranet plugin's host check: a page with a Mermaid
diagram must carry a local `<script data-smartshare-provides="mermaid …">`, or the theme fetches Mermaid from
unpkg.com (`smartshare.intranet.external`).
"""

from __future__ import annotations

import functools
import json
import os

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


def needs(html: str, *, diagrams: bool, maths: bool, also: tuple[str, ...] = ()) -> list[str]:
    """The libraries this page's HTML uses, with those in `also` (found in an earlier state of the same page):
    "mermaid", "katex", both or none, in that order."""
    found = []
    if "mermaid" in also or (diagrams and DIAGRAM_MARK in html):
        found.append("mermaid")
    if "katex" in also or (maths and MATHS_MARK in html):
        found.append("katex")
    return found


@functools.cache
def loader_code() -> str:
    with open(os.path.join(HERE, "assets", "rich.js"), encoding="utf-8") as f:
        return f.read().strip()


ASSETS_ARGUMENT = '/* assets */ "./"'


def loader_tag(assets_url: str, provides: list[str]) -> str:
    """Inline, not `src`: instant navigation runs inline scripts at once, but mounts the page's components without
    waiting for a script file (the theme's own inline script comes last), so the theme would not see our Mermaid
    and would fetch its own from unpkg.com. The code is about 3 KB, on pages with diagrams or formulas only."""
    return (
        f'\n<script data-smartshare-provides="{" ".join(provides)}">\n'
        f"{loader_code().replace(ASSETS_ARGUMENT, json.dumps(assets_url))}\n</script>\n"
    )
