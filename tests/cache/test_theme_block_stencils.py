"""smartshare/cache, the theme's header, configuration and scripts blocks from a stencil of the page's shape
(cache/blocks.py): every page's HTML is the one its template renders, the stencil used wherever the block reads the
page only through its title and the links made relative to it, the block rendered for each page otherwise."""

from __future__ import annotations

import random
from types import SimpleNamespace

import jinja2
from mkdocs.utils import get_relative_url
from mkdocs.utils.templates import url_filter

from smartshare.cache.blocks import BlockStencils

#: Material's way: the title from the front matter if true, else the page's; links through `url`
HEADER = """{% block header %}<a href="{{ nav.homepage.url | url }}">{{ config.site_name }}</a>
<span>{% if page.meta and page.meta.title %}{{ page.meta.title }}{% else %}{{ page.title }}{% endif %}</span>
<img src="{{ 'assets/logo.png' | url }}"><a href="{{ 'track-a/m-1/' | url }}">{{ lang.t('x') }}</a>
<i title="{{ page.title | e }}"></i>{% endblock %}"""
CONFIG = """{% block config %}{{ {"base": base_url, "f": features, "s": "assets/worker.js" | url} | tojson }}{% endblock %}"""
SCRIPTS = (
    """{% block scripts %}{% for s in extra_javascript %}<script src="{{ s }}"></script>{% endfor %}{% endblock %}"""
)
BASE = (
    '{% import "lang.html" as lang with context %}{% set features = config.features %}'
    "{% set skip = page.toc | first %}"
    + HEADER
    + CONFIG
    + SCRIPTS
    + "{% block content %}{{ page.title }}{% endblock %}"
)
LANG = "{% macro t(key) %}{{ {'x': 'Home'}[key] }}{% endmacro %}"


def _environment(templates: dict[str, str], autoescape: bool = False) -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.DictLoader({"base.html": BASE, "lang.html": LANG, **templates}))
    env.autoescape = autoescape
    env.filters["url"] = url_filter
    return env


def _context(url: str, title: object, meta: dict, config: dict) -> dict:
    page = SimpleNamespace(url=url, title=title, meta=meta, toc=["intro"])
    nav = SimpleNamespace(homepage=SimpleNamespace(url=""))
    base = get_relative_url(".", url)
    scripts = [get_relative_url("assets/a.js", url), "https://cdn.example.com/b.js"]
    return {"page": page, "nav": nav, "base_url": base, "config": config, "extra_javascript": scripts, "pages": [page]}


def _pages(count: int, seed: int) -> list[dict]:
    """Pages at every depth, in folders of their own and in folders a link of the blocks starts with, titles with
    characters that escaping changes, front matters with and without a true title."""
    rng = random.Random(seed)
    config = {"site_name": "A & B", "features": ["navigation.top"]}
    urls = ["", "index.html", "a.html", "track-a/", "track-a/m-1/", "track-a/m-2/", "assets/", "assets/x/"]
    urls += ["track-b/m-3/", "track-b/deep/m-4/", "track-c/m-5.html", "other/index.html"]
    titles = ["Plain", "Fish & <chips>", "", None, 'Tom\'s "quote"', "m-1"]
    metas = [{}, {"title": "Front <matter> & co"}, {"title": ""}, {"author": "x"}]
    return [_context(rng.choice(urls), rng.choice(titles), dict(rng.choice(metas)), config) for _ in range(count)]


def _both(templates: dict[str, str], pages: list[dict], autoescape: bool = False) -> tuple[list, list, BlockStencils]:
    plain = _environment(templates, autoescape)
    stenciled = _environment(templates, autoescape)
    stencils = BlockStencils()
    stencils.wrap(stenciled.get_template("base.html"))
    rendered = [plain.get_template("main.html").render(dict(page)) for page in pages]
    filled = [stenciled.get_template("main.html").render(dict(page)) for page in pages]
    return rendered, filled, stencils


def test_each_page_is_its_render_and_the_blocks_come_from_stencils():
    pages = _pages(300, seed=1)
    rendered, filled, stencils = _both({"main.html": '{% extends "base.html" %}'}, pages)
    assert filled == rendered
    # three blocks a page, from a stencil but where a link of the block starts with the page's first folder
    sharing = sum(1 for page in pages if page["page"].url.split("/")[0] in ("track-a", "assets"))
    assert stencils.filled >= 3 * (len(pages) - sharing) - 3 * len(pages) // 10
    assert stencils.filled < 3 * len(pages)


def test_pages_escaped_by_the_environment_are_their_renders_too():
    rendered, filled, stencils = _both({"main.html": '{% extends "base.html" %}'}, _pages(200, seed=2), True)
    assert filled == rendered
    assert stencils.filled > 0


def test_a_block_reading_more_of_the_page_is_rendered_for_each_page():
    reading = BASE.replace("{{ page.title | e }}", "{{ page.title | e }}{{ page.edit_url }}{{ skip }}")
    reading = reading.replace('"base": base_url', '"base": base_url, "n": pages | length')
    reading = reading.replace("<script src", "{{ page.meta.author }}<script src")
    pages = _pages(120, seed=3)
    for page in pages:
        page["page"].edit_url = f"edit/{page['page'].url}"
    plain, stenciled = _environment({"main.html": '{% extends "base.html" %}'}), None
    plain.loader.mapping["base.html"] = reading  # type: ignore[attr-defined]
    stenciled = _environment({"main.html": '{% extends "base.html" %}'})
    stenciled.loader.mapping["base.html"] = reading  # type: ignore[attr-defined]
    stencils = BlockStencils()
    stencils.wrap(stenciled.get_template("base.html"))
    rendered = [plain.get_template("main.html").render(dict(page)) for page in pages]
    filled = [stenciled.get_template("main.html").render(dict(page)) for page in pages]
    assert filled == rendered
    assert stencils.filled == 0


def test_a_block_writing_the_title_through_a_filter_is_rendered_for_each_page():
    transformed = BASE.replace("{{ page.title | e }}", "{{ page.title | upper }}{{ page.title | length }}")
    pages = [page for page in _pages(120, seed=4) if page["page"].title is not None]
    templates = {"main.html": '{% extends "base.html" %}'}
    plain, stenciled = _environment(templates), _environment(templates)
    for env in (plain, stenciled):
        env.loader.mapping["base.html"] = transformed  # type: ignore[attr-defined]
    stencils = BlockStencils()
    stencils.wrap(stenciled.get_template("base.html"))
    rendered = [plain.get_template("main.html").render(dict(page)) for page in pages]
    assert [stenciled.get_template("main.html").render(dict(page)) for page in pages] == rendered
    # the configuration and the scripts only (the header never), each on a page outside the folders it links to
    assert len(pages) <= stencils.filled <= 2 * len(pages)


def test_a_sites_own_block_is_rendered_and_may_call_the_themes():
    own = '{% extends "base.html" %}{% block header %}<b>{{ page.url }}</b>{{ super() }}{% endblock %}'
    rendered, filled, stencils = _both({"main.html": own}, _pages(100, seed=5))
    assert filled == rendered
    assert stencils.filled <= 2 * 100
