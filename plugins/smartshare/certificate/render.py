"""The certificate block of a track page (templates/smartshare/certificate.html, overridable in the theme)."""

from __future__ import annotations

from jinja2 import Environment

from ..core.i18n import Translator
from ..core.model import Module, Track
from ..plugin_support import template_translator
from ..quiz.parse import count_quizzes


def certificate_html(
    env: Environment, track: Track, modules: list[tuple[Module, str]], t: Translator, site_name: str
) -> str:
    """`modules`: the track's modules with their page URLs (the keys under which quiz.js keeps their answers).

    Modules without a self-check need nothing to be done; a track with no self-check at all has no certificate."""
    pages = [url for module, url in modules if count_quizzes(module.body)]
    if not pages:
        return ""
    return env.get_template("smartshare/certificate.html").render(
        t=template_translator(t),
        raw_t=t,
        track=track,
        pages=pages,
        modules=[module for module, _ in modules],
        site_name=site_name,
    )
