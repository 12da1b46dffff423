"""A module's card is rendered once for each shape of card and filled in with the module's values: the same bytes as
`card.html` rendered with the card's link tokens, and so the same card on every page, whatever the values and the
language."""

from __future__ import annotations

import random
from types import SimpleNamespace

import pytest
from jinja2 import Environment

from smartshare.core.i18n import TRANSLATIONS, Translator
from smartshare.core.model import Module
from smartshare.curriculum.card import CardShape
from smartshare.curriculum.pages import SitePlan
from smartshare.curriculum.render import OWN_TEMPLATES, Renderer
from smartshare.plugin_support import LateHtml
from stencilrender import random_text, template_env

#: what a value may hold: what HTML and JSON escape, entities, quotes, non-ASCII letters, braces, a token's look
PIECES = ["a", "module-0001", "/", "&", "&amp;", "<", ">", '"', "'", "\\", "é", "聊天", "%20", "#", "?x=1", " ", "{"]
PIECES += ["}", "smartshare-stencil-", "-0-", "\n", ", ", "\u2028"]
PAGES = ["", "index.html", "track-01/", "track-01/module-0001/", "a/b/c/", "x&y/<z>/"]
URLS = ["t/", "t/m/", "mentors/a&b/", "tags/<x>/", "index.html#y", "é/聊天/"]


def _text(draw: random.Random, most: int = 6) -> str:
    return random_text(draw, PIECES, most)


class _Site:
    """Random mentors (some without a page) and links to pages (some unknown)."""

    def __init__(self, draw: random.Random) -> None:
        self.draw = draw
        self.urls: dict[str, str] = {}
        self.plan = SitePlan()
        self.mentors = {f"p{i}": SimpleNamespace(name=_text(draw)) for i in range(5)}
        for id in self.mentors:
            if draw.random() < 0.8:
                self.plan.mentor_uris[id] = f"mentors/{id}.md"
                if draw.random() < 0.9:
                    self.urls[f"mentors/{id}.md"] = draw.choice(URLS)

    def module(self, n: int) -> Module:
        draw = self.draw
        module = Module(
            id=f"{_text(draw)}-{n}",  # unique: the renderer keeps a card by module
            src_uri=f"t/m{n}.md",
            track_id="t",
            title=_text(draw),
            summary=_text(draw),
            objectives=[],
            prerequisites=[],
            mentors=draw.sample([*self.mentors, "gone", "also-gone"], draw.randint(0, 5)),
            audience=[_text(draw) for _ in range(draw.randint(0, 3))],
            level=draw.choice([None, "", "beginner", "intermediate", "advanced"]),
            duration=draw.choice([None, 0, 5, 45, 60, 90, 125, 600]),
            tags=[_text(draw) for _ in range(draw.randint(0, 4))],
            status=draw.choice(["published", "draft"]),
        )
        if draw.random() < 0.9:
            self.urls[module.src_uri] = draw.choice(URLS) + f"m{n}/"
        return module

    def renderer(self, language: str, env: Environment) -> Renderer:
        curriculum = SimpleNamespace(mentors=self.mentors)
        surface = SimpleNamespace(curriculum=curriculum, page_urls=self.urls, last_changed=lambda uri: None)
        return Renderer(env, Translator(language), surface, self.plan, LateHtml("curriculum"))  # type: ignore[arg-type]


def _rendered(renderer: Renderer, module: Module, heading: str, page_url: str) -> str:
    """The card as `card.html` renders it for the page (the links relative to it)."""
    return renderer._render("card.html", page_url, module=module, heading=heading)


@pytest.mark.parametrize("language", sorted(TRANSLATIONS))
def test_a_card_is_the_one_rendered_for_each_page(language):
    draw = random.Random(f"card-{language}")
    env = template_env()
    for build in range(3):
        site = _Site(draw)
        renderer = site.renderer(language, env)
        for n in range(60):
            module = site.module(n)
            heading = draw.choice(["h2", "h3"])
            for page_url in draw.sample(PAGES, 2):
                card = renderer.card(module, heading, page_url)
                assert card == _rendered(renderer, module, heading, page_url), (build, n)
        assert renderer._card_stencils and all(stencil.usable for stencil in renderer._card_stencils.values())


def test_a_card_of_one_shape_is_rendered_once(monkeypatch):
    site = _Site(random.Random(7))
    renderer = site.renderer("en", template_env())
    rendered = []
    get = renderer.env.get_template
    monkeypatch.setattr(renderer.env, "get_template", lambda name: rendered.append(name) or get(name))
    module = site.module(0)
    for n in range(30):
        module.id, module.summary, module.tags = f"t/m{n}", f"Summary {n} & more", [f"tag <{n}>"]
        card = renderer.card(module, "h3", "track-01/")
        assert f'data-smartshare-module="t/m{n}"' in card and f"Summary {n} &amp; more" in card
        assert f"data-smartshare-tags='[\"tag \\u003c{n}\\u003e\"]'" in card
    # each card looks the template up to know whether it is the site's own; rendered: the first card only
    assert rendered.count("smartshare/card.html") == 30 + 1
    assert list(renderer._card_stencils) == [CardShape.of(module, "h3", renderer.curriculum)]


def test_a_site_s_own_card_is_rendered_for_each_module(tmp_path):
    (tmp_path / "smartshare").mkdir()
    (tmp_path / "smartshare" / "card.html").write_text("<p>{{ module.id }} {{ link(module.src_uri) }}</p>")
    site = _Site(random.Random(3))
    renderer = site.renderer("en", template_env(str(tmp_path)))
    for n in range(3):
        module = site.module(n)
        module.id = f"t/m{n}"
        site.urls[module.src_uri] = f"t/m{n}/"
        assert renderer.card(module, "h3", "t/") == f"<p>t/m{n} m{n}/</p>"
    assert not renderer._card_stencils


def test_a_card_template_that_writes_a_list_otherwise_than_as_json_has_no_stencil(tmp_path):
    """A stencil is made of the package's template only; made of one that writes the tags as text, it would be
    unusable (its token lost its JSON quotes), and the card is rendered."""
    from smartshare.curriculum.card import card_stencil

    (tmp_path / "smartshare").mkdir()
    (tmp_path / "smartshare" / "card.html").write_text("{{ module.tags }} {{ module.audience | tojson }}")
    shape = CardShape("h3", False, "", False, 0)
    stencil = card_stencil(
        shape, template_env(str(tmp_path)).get_template("smartshare/card.html").render, lambda key: key
    )
    assert not stencil.usable


#: `module_cards`' list as macros.html wrote it before `cards()`: a macro call and a `card()` call for each card
_LOOP = "  {% for m in modules %}<li>{{ module_card(m, heading) }}</li>{% endfor %}\n</ol>"
_LIST = '{% import "smartshare/macros.html" as ui with context %}{{ ui.module_cards(modules, heading, filters) }}'


def _looped_macros(folder) -> None:
    """`folder/smartshare/`: the package's macros.html with its card list looped in the template, and a page that
    lists cards."""
    with open(f"{OWN_TEMPLATES}/smartshare/macros.html", encoding="utf-8") as source:
        macros = source.read()
    looped = macros.replace("{{ cards(modules, heading) }}</ol>", _LOOP)
    assert looped != macros  # the package's list is the one call this test compares with the loop
    (folder / "smartshare").mkdir(exist_ok=True)
    (folder / "smartshare" / "macros.html").write_text(looped, encoding="utf-8")


@pytest.mark.parametrize("language", sorted(TRANSLATIONS))
def test_a_list_of_cards_is_the_one_the_template_s_loop_writes(language, tmp_path):
    """`module_cards` (track, tag, mentor and catalogue pages) lists its cards by one `cards()` call: the same list,
    card by card, as the macro looping over `card()`, on every page, with filters or not, a site's own card too."""
    looped, listing = tmp_path / "looped", tmp_path / "listing"
    for folder in (looped, listing):
        folder.mkdir()
        (folder / "smartshare").mkdir()
        (folder / "smartshare" / "list.html").write_text(_LIST, encoding="utf-8")
    _looped_macros(looped)
    own_card = tmp_path / "own"
    (own_card / "smartshare").mkdir(parents=True)
    (own_card / "smartshare" / "card.html").write_text("<p>{{ module.id }} {{ link(module.src_uri) }}</p>\n")
    draw = random.Random(f"cards-{language}")
    for own in (False, True):
        site = _Site(draw)
        extra = [str(own_card)] if own else []
        package = site.renderer(language, template_env(str(listing), *extra))
        loop = site.renderer(language, template_env(str(looped), *extra))
        modules = [site.module(n) for n in range(40)]
        for _ in range(30):
            chosen = draw.sample(modules, draw.randint(0, 12))
            page_url, heading, filters = draw.choice(PAGES), draw.choice(["h2", "h3"]), draw.random() < 0.5
            context = {"modules": chosen, "heading": heading, "filters": filters, "late": lambda caller: caller()}
            listed = package._render("list.html", page_url, **context)
            assert listed == loop._render("list.html", page_url, **context)
            assert listed.count("<li>") == len(chosen) and listed.count("<li><p>") == (len(chosen) if own else 0)
