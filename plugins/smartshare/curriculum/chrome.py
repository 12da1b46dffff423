"""Less documentation chrome on a course site: page-status icons that would say nothing, and a 404 page that helps.

Plain helpers the curriculum plugin calls from its events; nothing here keeps state between builds.
"""

from __future__ import annotations

from jinja2 import Environment

from ..core.i18n import Translator
from ..plugin_support import template_translator

# What the theme's own 404.html writes: replaced by ours. A site whose theme/ overrides 404.html keeps its own.
THEME_404_HEADING = "<h1>404 - Not found</h1>"


def drop_unexplained_status(meta: dict, explained: dict | None) -> None:
    """Material shows a page's `status` as a bare icon in the navigation, with at most a hover title from
    `extra.status`. A module's `status` is our schema's field (published, draft), not a badge for learners: an
    icon with no text (an ⓘ next to every module) tells nobody anything, so a status `extra.status` does not
    explain is removed from the page's metadata before the theme sees it. Drafts are marked in words instead
    (the module's header and its cards)."""
    status = meta.get("status")
    if status is not None and not (isinstance(explained, dict) and explained.get(status)):
        del meta["status"]


def not_found_page(output: str, env: Environment, t: Translator, base: str, learning_url: str | None) -> str:
    """The theme's 404 page with our body: a search box and the ways back, in the site's language."""
    if THEME_404_HEADING not in output:
        return output
    base = base if base.endswith("/") else base + "/"
    body = env.get_template("smartshare/not-found.html").render(
        t=template_translator(t), base=base, learning=learning_url
    )
    return output.replace(THEME_404_HEADING, body, 1)
