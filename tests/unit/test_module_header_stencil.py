"""A module page's header is rendered once for each shape of header and filled in with the module's values: the same
bytes as `module-header.html` rendered for the page, whatever the values, the page's place and the language."""

from __future__ import annotations

import random
from types import SimpleNamespace

import pytest
from jinja2 import Environment

from smartshare.core.i18n import TRANSLATIONS, Translator
from smartshare.core.model import Module
from smartshare.curriculum.header import HeaderShape
from smartshare.curriculum.pages import SitePlan
from smartshare.curriculum.render import Renderer
from smartshare.plugin_support import LateHtml
from stencilrender import random_text, template_env

#: what a value may hold: what HTML escapes, entities, quotes, non-ASCII letters, braces, a token's look
PIECES = ["a", "module-0001", "/", "&", "&amp;", "<", ">", '"', "'", "é", "聊天", "%20", "#", "?x=1", " ", "{", "}"]
PIECES += ["{position}", "smartshare-stencil-", "-0-", "\n", ", "]
PAGES = ["", "index.html", "track-01/", "track-01/module-0001/", "a/b/c/", "x&y/<z>/"]
URLS = ["t/", "t/m/", "mentors/a&b/", "tags/<x>/", "index.html#y", "é/聊天/"]


def _text(draw: random.Random, most: int = 6) -> str:
    return random_text(draw, PIECES, most)


def _texts(draw: random.Random, most: int) -> list[str]:
    return [_text(draw) for _ in range(draw.randint(0, most))]


class _Site:
    """A curriculum of random mentors, modules and tracks, and the links to their pages (some unknown)."""

    def __init__(self, draw: random.Random) -> None:
        self.draw = draw
        self.urls: dict[str, str] = {}
        self.position: dict[str, tuple] = {}  # module id → its track and place there
        self.plan = SitePlan()
        self.mentors = {f"p{i}": SimpleNamespace(name=_text(draw)) for i in range(4)}
        self.modules = {f"m{i}": SimpleNamespace(src_uri=f"m{i}.md", title=_text(draw)) for i in range(4)}
        self.tracks = [
            SimpleNamespace(index_uri=f"t{i}/index.md", title=_text(draw), module_ids=["x"] * draw.randint(1, 12))
            for i in range(3)
        ]
        uris = [f"m{i}.md" for i in range(4)] + [f"t{i}/index.md" for i in range(3)]
        uris += [f"mentors/p{i}.md" for i in range(4)] + [f"tags/{i}.md" for i in range(4)]
        for uri in uris:
            if draw.random() < 0.8:
                self.urls[uri] = draw.choice(URLS)
        for id in self.mentors:
            if draw.random() < 0.8:
                self.plan.mentor_uris[id] = f"mentors/{id}.md"

    def module(self, n: int) -> tuple[Module, SimpleNamespace | None, int]:
        draw = self.draw
        tags = _texts(draw, 4)
        for i, tag in enumerate(tags):
            if draw.random() < 0.8:
                self.plan.tag_uris[tag] = f"tags/{i}.md"
        module = Module(
            id=_text(draw) or f"t/m{n}",
            src_uri=f"t/m{n}.md",
            track_id="t",
            title="",
            summary=_text(draw),
            objectives=_texts(draw, 5),
            mentors=draw.sample([*self.mentors, "gone", "also-gone"], draw.randint(0, 4)),
            audience=_texts(draw, 3),
            level=draw.choice([None, "", "beginner", "intermediate", "advanced"]),
            duration=draw.choice([None, 0, 5, 45, 60, 90, 125, 600]),
            prerequisites=draw.sample([*self.modules, "gone"], draw.randint(0, 3)),
            tags=tags,
            status=draw.choice(["published", "draft"]),
        )
        track = draw.choice([None, *self.tracks])
        return module, track, draw.randrange(len(track.module_ids)) if track else 0

    def renderer(self, language: str, env: Environment) -> Renderer:
        curriculum = SimpleNamespace(
            mentors=self.mentors, modules=self.modules, position=lambda module: self.position[module.id]
        )
        surface = SimpleNamespace(curriculum=curriculum, page_urls=self.urls, last_changed=lambda uri: None)
        return Renderer(env, Translator(language), surface, self.plan, LateHtml("curriculum"))  # type: ignore[arg-type]


@pytest.mark.parametrize("language", sorted(TRANSLATIONS))
def test_a_module_header_is_the_one_rendered_for_its_page(language):
    draw = random.Random(f"header-{language}")
    env = template_env()
    for build in range(3):
        site = _Site(draw)
        renderer = site.renderer(language, env)
        for n in range(60):
            module, track, index = site.module(n)
            site.position[module.id] = (track, index)
            page_url = draw.choice(PAGES)
            full = renderer._render("module-header.html", page_url, module=module, track=track, index=index)
            assert renderer.module_header(module, page_url) == full, (build, n)
        assert renderer._headers and all(stencil.usable for stencil in renderer._headers.values())


def test_a_header_of_one_shape_is_rendered_once(monkeypatch):
    draw = random.Random(7)
    site = _Site(draw)
    renderer = site.renderer("en", template_env())
    rendered = []
    get = renderer.env.get_template
    monkeypatch.setattr(renderer.env, "get_template", lambda name: rendered.append(name) or get(name))
    module, track, index = site.module(0)
    pages = [f"track-01/module-{n:04}/" for n in range(30)]
    for n, page in enumerate(pages):
        module.id, module.summary = f"t/m{n}", f"Summary {n} & more"
        site.position[module.id] = (track, index)
        header = renderer.module_header(module, page)
        assert f'data-smartshare-module="t/m{n}"' in header and f"Summary {n} &amp; more" in header
    # each page looks the template up to know whether it is the site's own; rendered: the first page only
    assert len(rendered) == len(pages) + 1
    assert list(renderer._headers) == [HeaderShape.of(module, renderer.curriculum, track)]


def test_a_site_s_own_header_is_rendered_for_each_page(tmp_path):
    (tmp_path / "smartshare").mkdir()
    (tmp_path / "smartshare" / "module-header.html").write_text("<p>{{ module.id }} {{ page_url }} {{ index }}</p>")
    site = _Site(random.Random(3))
    renderer = site.renderer("en", template_env(str(tmp_path)))
    for n in range(3):
        module, track, index = site.module(n)
        module.id = f"t/m{n}"
        site.position[module.id] = (track, index)
        assert renderer.module_header(module, f"t/m{n}/") == f"<p>t/m{n} t/m{n}/ {index}</p>"
    assert not renderer._headers


def test_a_stencil_that_changes_a_value_is_not_used(monkeypatch):
    """The package's template writing a value other than as it was (here a second time, upper-cased): each page's
    header is rendered for it."""
    site = _Site(random.Random(11))
    renderer = site.renderer("en", template_env())
    own = renderer.env.get_template("smartshare/module-header.html")
    changed = renderer.env.from_string("<p>{{ module.summary }} {{ module.summary | upper }}</p>")
    changed.filename = own.filename  # still the package's own, as far as `is_own_template` can tell
    monkeypatch.setattr(renderer.env, "get_template", lambda name: changed)
    for n in range(3):
        module, track, index = site.module(n)
        module.summary = f"Plain {n}"
        site.position[module.id] = (track, index)
        assert renderer.module_header(module, "t/m/") == f"<p>Plain {n} PLAIN {n}</p>"
    assert renderer._headers and not any(stencil.usable for stencil in renderer._headers.values())
