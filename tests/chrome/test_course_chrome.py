"""Less documentation chrome: no unexplained status icon, the track named as a link, a 404 page that helps, the
mentor view switch on every page, and the repository and edit links kept for the mentor view.

One small site (curriculum, feedback, mentor) built once under a sub-path, like the intranet's /learning/."""

from __future__ import annotations

import re

import pytest
from jinja2 import Environment, FileSystemLoader

from sitebuilder import basic_tree, build_site
from smartshare.core.i18n import Translator
from smartshare.curriculum.chrome import THEME_404_HEADING, drop_unexplained_status, not_found_page
from smartshare.mentor.toggle import CONTENT_START

PLUGINS = ["search", "smartshare/curriculum", "smartshare/feedback", "smartshare/mentor"]
CONFIG = {
    "plugins": PLUGINS,
    "site_url": "https://intranet.example.com/learning/",
    "repo_url": "https://git.example.com/learning/smartshare",
    "edit_uri": "edit/main/curricula/",
    "theme": {"name": "material", "font": False, "language": "en", "features": ["content.action.edit"]},
}
TOGGLE = "data-smartshare-mentor-toggle"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    tree = basic_tree()
    tree["ai/chatbots.md"] = tree["ai/chatbots.md"].replace("---\n", "---\nstatus: published\n", 1)
    build = build_site(tmp_path_factory.mktemp("chrome"), tree, config=CONFIG, strict=True)
    assert build.returncode == 0, build.output
    return build


def test_a_module_status_shows_no_bare_icon_in_the_navigation(site):
    assert "md-status" not in site.html("ai/chatbots/")
    assert "md-status" not in site.html("ai/machine-learning/")


def test_a_status_the_site_explains_is_kept_and_others_are_dropped():
    explained = {"new": "Recently added"}
    kept, dropped, none = {"status": "new"}, {"status": "published"}, {"title": "x"}
    drop_unexplained_status(kept, explained)
    drop_unexplained_status(dropped, explained)
    drop_unexplained_status(none, None)
    assert (kept, dropped, none) == ({"status": "new"}, {}, {"title": "x"})


def test_the_track_named_on_a_module_page_links_to_the_track(site):
    html = site.html("ai/machine-learning/")
    assert '<dd>Module 2 of 2 in <a href="../">AI for managers</a></dd>' in html


def test_the_404_page_offers_search_and_the_catalogue_with_links_from_the_site_root(site):
    html = site.html("404.html")
    assert THEME_404_HEADING not in html
    assert "<h1>Page not found</h1>" in html
    form = re.search(r'<form class="smartshare-notfound__search" role="search" action="([^"]+)" method="get">', html)
    assert form and form.group(1) == "/learning/"
    assert '<input id="smartshare-notfound-q" name="q" type="search"' in html
    assert '<a href="/learning/">Browse the catalogue</a>' in html
    assert '<a href="/learning/my-learning/">See my learning</a>' in html


def test_the_404_page_speaks_the_sites_language():
    from smartshare.curriculum.plugin import HERE

    env = Environment(loader=FileSystemLoader(HERE + "/templates"), autoescape=True)
    page = f"<main>{THEME_404_HEADING}</main>"
    html = not_found_page(page, env, Translator("fr"), "/learning", "mon-apprentissage/")
    assert "<h1>Page introuvable</h1>" in html
    assert '<a href="/learning/">Parcourir le catalogue</a>' in html
    assert '<a href="/learning/mon-apprentissage/">Voir mon apprentissage</a>' in html
    assert ">Rechercher</button>" in html


def test_a_site_with_its_own_404_page_keeps_it():
    env = Environment(autoescape=True)
    assert not_found_page("<h1>Lost?</h1>", env, Translator("en"), "/", None) == "<h1>Lost?</h1>"


@pytest.mark.parametrize("page", ["", "ai/", "ai/chatbots/", "mentors/", "mentor/", "mentor/ai/chatbots/", "404.html"])
def test_every_page_type_has_one_mentor_view_switch_first_in_its_content_hidden_without_javascript(site, page):
    html = site.html(page)
    assert html.count(TOGGLE) == 1
    start = html.index(CONTENT_START)
    assert html.index('<p class="smartshare-mentor-optin"', start) == start + len(CONTENT_START)
    switch = html[html.index(TOGGLE) - 40 : html.index("</button>", html.index(TOGGLE))]
    assert f"{TOGGLE} hidden>" in switch and 'aria-pressed="false"' in switch and ">Mentor view<" in switch


def test_the_switch_is_in_no_search_result(site):
    assert "Mentor view" not in (site.site / "search" / "search_index.json").read_text(encoding="utf-8")


def test_repository_and_edit_links_are_hidden_unless_the_mentor_view_is_on(site):
    html = site.html("ai/chatbots/")
    assert 'class="md-source"' in html and "md-content__button" in html  # the theme's links are there…
    assert "assets/smartshare/source-links.css" in html  # …and hidden by this stylesheet outside the mentor view
    css = (site.site / "assets" / "smartshare" / "source-links.css").read_text(encoding="utf-8")
    assert ":root:not(.smartshare-mentor-view) :is(.md-header__source,.md-nav__source,.md-content__button)" in css


def test_source_links_for_everyone_is_an_option(tmp_path):
    plugins = [*PLUGINS[:-1], {"smartshare/mentor": {"source_links": "everyone"}}]
    build = build_site(tmp_path, basic_tree(), config={**CONFIG, "plugins": plugins})
    assert build.returncode == 0, build.output
    assert "source-links.css" not in build.html("ai/chatbots/")


def test_a_sheet_heading_whose_section_prints_nothing_is_marked_bare():
    from smartshare.mentor.sheetprint import mark_bare_headings

    html = (
        '<h2 id="a">Course text only</h2><p>text</p>'
        '<h2 id="b">With a note</h2><p>text</p><div class="smartshare-mentor-note">n</div>'
        '<h2 id="c">Parent</h2><h3 id="d">Empty child</h3><p>x</p><h3 class="x" id="e">Quiz child</h3>'
        '<div class="smartshare-quiz">q</div>'
    )
    marked = mark_bare_headings(html)
    assert '<h2 id="a" class="smartshare-sheet-bare">' in marked
    assert '<h2 id="b">' in marked and '<h2 id="c">' in marked  # a note; a child section with a quiz
    assert '<h3 id="d" class="smartshare-sheet-bare">' in marked and '<h3 class="x" id="e">' in marked
