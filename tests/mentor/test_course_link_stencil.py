"""A course page's link to its mentor page is rendered once for each kind of page and filled in with each page's
link (mentor/render.py, `course_link`): the same bytes as `mentor-link.html` rendered for every page, in every
interface language; a site's own template is rendered for each page."""

from __future__ import annotations

import random
from types import SimpleNamespace

import pytest
from jinja2 import Environment, FileSystemLoader

from smartshare.core.i18n import TRANSLATIONS, Translator
from smartshare.mentor.render import OWN_TEMPLATES, MentorRenderer

KINDS = ["module", "track", "home"]
PIECES = [
    "../",
    "mentor/",
    "ai/",
    "chat bots/",
    "a&b",
    "<x>",
    '"q"',
    "'s'",
    "é",
    "聊",
    "index.html",
    "#top",
    "?q=1&r=2",
]


def _renderer(language: str, *dirs: str) -> MentorRenderer:
    env = Environment(loader=FileSystemLoader([*dirs, OWN_TEMPLATES]), autoescape=True, trim_blocks=True)
    stats = SimpleNamespace(total=SimpleNamespace(modules=[]), review_max_age=365)
    return MentorRenderer(env, Translator(language), SimpleNamespace(), stats)  # type: ignore[arg-type]


def _href(draw: random.Random) -> str:
    return "".join(draw.choice(PIECES) for _ in range(draw.randint(0, 6)))


@pytest.mark.parametrize("language", sorted(TRANSLATIONS))
def test_each_pages_link_is_the_templates(language, monkeypatch):
    renderer = _renderer(language)
    renders: list[str] = []
    render = renderer._render
    monkeypatch.setattr(renderer, "_render", lambda *a, **k: renders.append(a[0]) or render(*a, **k))
    draw = random.Random(language)
    for _ in range(300):
        kind, href = draw.choice(KINDS), _href(draw)
        expected = render("mentor-link.html", href=href, label=renderer._link_label(kind))
        assert renderer.course_link(kind, href) == expected
    assert len(renders) == 2 * len(KINDS)  # each kind's first link, and its stencil


def test_a_sites_own_link_template_is_rendered_for_each_page(tmp_path):
    own = tmp_path / "smartshare" / "mentor-link.html"
    own.parent.mkdir()
    own.write_text('<a href="{{ href }}">{% if href.startswith("../../") %}up {% endif %}{{ label }}</a>', "utf-8")
    renderer = _renderer("en", str(tmp_path))
    label = renderer._link_label("module")
    assert renderer.course_link("module", "../a/") == f'<a href="../a/">{label}</a>'
    assert renderer.course_link("module", "../../bc/") == f'<a href="../../bc/">up {label}</a>'
