"""A sheet's "How it landed" for a module without ratings, comments or answered questions (most modules) is rendered
once and placed for each sheet (feedback/figures.py): the same bytes as `feedback-landed.html` rendered for each
module, in every interface language; a module with any figure, and a site's own template, are rendered."""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

import pytest
from jinja2 import Environment, FileSystemLoader

import smartshare.feedback.figures as figures_module
from smartshare.core.feedbackfigures import Comment, Figures, ModuleFigures, Question, Ratings, SessionPoint
from smartshare.core.i18n import TRANSLATIONS, Translator
from smartshare.core.model import Module
from smartshare.feedback.figures import FiguresRenderer, _slug

TEMPLATES = Path(figures_module.__file__).parent / "templates"
URLS = ["mentor/ai/chatbots/", "mentor/a/b/c/", "mentor/x.html", "mentor/"]
TEXTS = ["Chatbots", "A & B <c>", "Ça « va » ‘?’", "聊天机器人", "{braces} {0}"]


def _ratings(rng: random.Random) -> Ratings:
    if rng.random() < 0.6:
        return Ratings()
    return Ratings({1: rng.randint(0, 4), 2: rng.randint(0, 4), 3: rng.randint(0, 6)})


def _figures(rng: random.Random, index: int) -> ModuleFigures:
    module = Module(f"t{index % 3}/m-{index}", f"t{index % 3}/m-{index}.md", f"t{index % 3}", rng.choice(TEXTS), "", [])
    comments = [Comment("2026-09-01T10:00", rng.choice(["", "s1"]), rng.choice(TEXTS))] if rng.random() < 0.2 else []
    questions = [
        Question(module.id, f"q{n}", rng.choice(TEXTS), rng.choice([0, 0, 3, 7]), rng.randint(0, 3), Counter())
        for n in range(rng.randint(0, 3))
    ]
    sessions = [SessionPoint(rng.choice(["", "s1"]), "2026-09-01", _ratings(rng)) for _ in range(rng.randint(0, 3))]
    return ModuleFigures(
        module,
        _ratings(rng),
        sessions,
        comments,
        len(comments) if rng.random() < 0.8 else rng.randint(0, 2),
        questions,
        responses=rng.choice([0, 3, 5, 9]),
    )


def _plain(renderer: FiguresRenderer, figures: ModuleFigures, url: str) -> str:
    """`module_section` as it was: the template rendered for every module."""
    module, slug = figures.module, _slug(figures.module.id)
    ratings = figures.ratings
    return renderer._render(
        "feedback-landed.html",
        url,
        figures=figures,
        ratings_chart=renderer.ratings_chart(
            f"ratings-{slug}", renderer.t("feedback.figures.ratings_of", title=module.title), ratings
        )
        if ratings.enough
        else "",
        trend_chart=renderer.trend_chart(
            f"trend-{slug}", renderer.t("feedback.figures.trend_of", title=module.title), figures
        ),
    )


def _renderer(all_figures: list[ModuleFigures], language: str, *folders: Path) -> FiguresRenderer:
    figures = Figures({f.module.id: f for f in all_figures}, len(all_figures))
    env = Environment(loader=FileSystemLoader([str(f) for f in (*folders, TEMPLATES)]), autoescape=True)
    return FiguresRenderer(env, Translator(language), figures)


@pytest.mark.parametrize("language", sorted(TRANSLATIONS))
def test_how_it_landed_is_the_templates_for_every_module(language, monkeypatch):
    rng = random.Random(language)
    all_figures = [_figures(rng, index) for index in range(200)]
    renderer = _renderer(all_figures, language)
    renders = []
    original = renderer._body
    monkeypatch.setattr(renderer, "_body", lambda *a, **k: renders.append(a) or original(*a, **k))
    none = 0
    for figures in all_figures:
        url = rng.choice(URLS)
        expected = _plain(renderer, figures, url)
        renders.clear()
        assert renderer.module_section(figures.module, url) == expected, figures
        none += figures_module._landed_none(figures)
    assert 20 < none < 180  # both kinds were drawn
    renders.clear()
    empty = next(f for f in all_figures if figures_module._landed_none(f))
    renderer.module_section(empty.module, URLS[0])
    assert renders == []  # placed, not rendered again


def test_a_sites_own_template_is_rendered_for_each_module(tmp_path):
    own = tmp_path / "smartshare" / "feedback-landed.html"
    own.parent.mkdir()
    own.write_text("<p>{{ figures.module.title }}</p>", encoding="utf-8")
    rng = random.Random(3)
    all_figures = [_figures(rng, index) for index in range(30)]
    for figures in all_figures:
        figures.ratings, figures.comment_count, figures.questions = Ratings(), 0, []
    renderer = _renderer(all_figures, "en", tmp_path)
    for figures in all_figures:
        html = renderer.module_section(figures.module, URLS[1])
        assert html.endswith(
            f"<p>{figures.module.title.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')}</p>"
        )
