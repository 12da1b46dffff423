"""The Markdown extensions every mentor expects from Material for MkDocs, with the settings that keep them offline.

One table, read by the plugin in `on_config`: an extension the site already lists keeps the site's settings, except
that superfences always gets the Mermaid fence (or diagrams would be shown as code) when diagrams are on.
"""

from __future__ import annotations

from typing import Any

MERMAID_FENCE_NAME = "mermaid"


def mermaid_fence() -> dict[str, Any]:
    from pymdownx.superfences import fence_code_format

    # `pre.mermaid > code`, the markup the theme's Mermaid integration renders (with our packaged library)
    return {"name": MERMAID_FENCE_NAME, "class": "mermaid", "format": fence_code_format}


def emoji_settings() -> dict[str, Any]:
    from material.extensions.emoji import to_svg, twemoji

    # inline SVG from the theme's own icon sets: pymdownx.emoji's defaults are <img> from a CDN
    return {"emoji_index": twemoji, "emoji_generator": to_svg}


def extensions(*, diagrams: bool, maths: bool) -> dict[str, dict[str, Any]]:
    """Name → settings of every extension the plugin adds, in the order they are added."""
    table: dict[str, dict[str, Any]] = {
        "abbr": {},  # glossary terms and `*[HTML]: …` definitions
        "admonition": {},
        "attr_list": {},
        "def_list": {},
        "footnotes": {},
        "md_in_html": {},  # figures, videos with captions
        "tables": {},
        "pymdownx.blocks.caption": {},  # `/// caption` under an image or a table
        "pymdownx.details": {},  # collapsible admonitions `??? note`
        "pymdownx.emoji": emoji_settings(),
        "pymdownx.highlight": {"anchor_linenums": True, "line_spans": "__span", "pygments_lang_class": True},
        "pymdownx.inlinehilite": {},  # `#!python print()`
        "pymdownx.keys": {},  # ++ctrl+alt+del++
        "pymdownx.mark": {},
        "pymdownx.superfences": {"custom_fences": [mermaid_fence()] if diagrams else []},
        "pymdownx.tabbed": {"alternate_style": True},
        "pymdownx.tasklist": {"custom_checkbox": True},
    }
    if maths:
        # generic: `<span class="arithmatex">\(…\)</span>`, typeset in the browser by KaTeX (assets/rich.js)
        table["pymdownx.arithmatex"] = {"generic": True}
    return table


def merge_settings(name: str, ours: dict[str, Any], theirs: dict[str, Any] | None, *, diagrams: bool) -> dict:
    """The site's own settings win; a superfences without our Mermaid fence gets it added."""
    if theirs is None:
        return dict(ours)
    merged = dict(theirs)
    if name == "pymdownx.superfences" and diagrams:
        fences = list(merged.get("custom_fences") or [])
        if not any(f.get("name") == MERMAID_FENCE_NAME for f in fences):
            fences.append(mermaid_fence())
        merged["custom_fences"] = fences
    return merged
