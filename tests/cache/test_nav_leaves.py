"""smartshare/cache, the navigation's plain links rendered once a folder (cache/navleaves.py): every page's
navigation is the one Material's `nav-item.html` renders, an item's stored HTML used only where it reads the page
through the links made relative to it and no link points into the page's own folder, the item rendered otherwise."""

from __future__ import annotations

import shutil
from pathlib import Path

import jinja2
import material
import pytest
from mkdocs.utils import get_relative_url
from mkdocs.utils.templates import url_filter

from smartshare.cache.blocks import BlockStencils
from smartshare.cache.navleaves import TEMPLATE, NavLeaves

#: Material's `nav.html` but for the logo and the repository: each item through the `render` macro
NAV = """{% import "partials/nav-item.html" as item with context %}<ul>{% for nav_item in nav.items %}
{{ item.render(nav_item, "__nav_" ~ loop.index, 1) }}{% endfor %}</ul>"""
#: a theme's own item that writes where it stands: never stored
#: the build's configuration: one object for every page
CONFIG = {"site_name": "A & B"}
PATHS = '{% macro render(nav_item, path, level, parent) %}<li id="{{ path }}">{{ nav_item.title }}</li>{% endmacro %}'


class Item:
    """A page or link of the navigation, equal as MkDocs' pages are (title and file)."""

    def __init__(self, title: str, url: str, children: list | None = None) -> None:
        self.title, self.url, self.children, self.meta, self.active = title, url, children, {}, False
        self.is_index = False

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Item) and (self.title, self.url) == (other.title, other.url)

    __hash__ = object.__hash__


def _theme(tmp_path: Path, item: str | None = None) -> Path:
    folder = tmp_path / "theme"
    (folder / "partials").mkdir(parents=True)
    (folder / "partials" / "nav.html").write_text(NAV)
    source = Path(material.__file__).parent / "templates" / TEMPLATE
    if item is None:
        shutil.copy(source, folder / TEMPLATE)
    else:
        (folder / TEMPLATE).write_text(item)
    (folder / "base.html").write_text("{% include 'partials/nav.html' %}")
    return folder


def _environment(folder: Path, autoescape: bool) -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(folder)), autoescape=autoescape)
    env.filters["url"] = url_filter
    return env


def _site() -> tuple[list[Item], list[Item]]:
    """A navigation like the curriculum's: top-level pages and links, and tracks of modules; its pages."""
    tracks = []
    for t in ("a", "b"):
        modules = [Item(f"Module {t}{i} & <{i}>", f"track-{t}/m-{i}/") for i in range(1, 5)]
        modules += [Item(f'Deep "{t}"', f"track-{t}/deep/m-9/"), Item("Amp", f"track-{t}/m&5/")]
        tracks.append(Item(f"Track {t}", f"track-{t}/", modules))
    top = [Item("Catalogue", ""), Item("Tags", "tags/"), Item("Old", "old.html"), Item("Every track", "./#tracks")]
    pages = [top[0], top[1], top[2]] + [m for track in tracks for m in track.children] + tracks
    pages += [Item("Into its folder", "track-a/m-1/sub/"), Item("Into &", "track-a/m&5/sub/")]  # inside a module's
    return [*top[:2], *tracks, top[2], top[3], *pages[-2:]], pages


def _context(page: Item, items: list[Item]) -> dict:
    shown = []
    for item in items:
        if item.children and (page in item.children or page == item):
            section = Item(item.title, item.url, item.children)  # a fresh section each page, as the curriculum's
            section.active = True
            shown.append(section)
        else:
            shown.append(item)
    page.active = True
    items[1].active = "2" in page.url  # an item a plugin marks on some pages of a folder, not on others
    nav = type("Nav", (), {"items": shown, "homepage": items[0]})()
    base = get_relative_url(".", page.url)
    return {"page": page, "nav": nav, "base_url": base, "features": ["navigation.indexes"], "config": CONFIG}


def _renders(folder: Path, autoescape: bool, wrapped: bool) -> tuple[list[str], NavLeaves]:
    env = _environment(folder, autoescape)
    leaves = NavLeaves(BlockStencils())
    if wrapped:
        leaves.wrap(env.get_template(TEMPLATE), str(folder))
    items, pages = _site()
    out = []
    for page in pages + pages[::-1]:  # each page after every other: stored items from every folder
        out.append(env.get_template("base.html").render(_context(page, items)))
        page.active = False
    return out, leaves


@pytest.mark.parametrize("autoescape", [False, True])
def test_every_page_renders_as_without_stored_items(tmp_path, autoescape):
    folder = _theme(tmp_path)
    expected, _ = _renders(folder, autoescape, wrapped=False)
    got, leaves = _renders(folder, autoescape, wrapped=True)
    assert got == expected
    assert "&amp; &lt;" in "".join(got) if autoescape else "& <" in "".join(got)
    assert leaves.filled > len(got) * 5  # most plain items came from a stored render


def test_a_link_into_the_pages_own_folder_is_rendered_for_the_page(tmp_path):
    folder = _theme(tmp_path)
    expected, _ = _renders(folder, False, wrapped=False)
    got, leaves = _renders(folder, False, wrapped=True)
    module = [page.url for page in _site()[1]].index("track-a/m-1/")
    assert 'href="sub/"' in got[module]  # relative to the page, not `../m-1/sub/` as from its folder's made-up page
    assert got[module] == expected[module]
    assert leaves.filled


def test_an_item_reading_where_it_stands_is_rendered_for_each_page(tmp_path):
    folder = _theme(tmp_path, PATHS)
    expected, _ = _renders(folder, False, wrapped=False)
    got, leaves = _renders(folder, False, wrapped=True)
    assert got == expected
    assert leaves.filled == 0


def test_a_sites_own_item_template_is_not_wrapped(tmp_path):
    folder = _theme(tmp_path)
    env = _environment(folder, False)
    template = env.get_template(TEMPLATE)
    root = template.root_render_func
    NavLeaves(BlockStencils()).wrap(template, str(tmp_path / "elsewhere"))
    assert template.root_render_func is root
