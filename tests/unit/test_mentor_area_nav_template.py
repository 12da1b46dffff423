"""The mentor area's navigation template finds the current page among its items by identity: its items are the
navigation's own page objects, and MkDocs' `Page.__eq__` (titles and files compared) cost a tenth of a sheet's
navigation. The open track's `aria-expanded` is written as `tojson` wrote it."""

from __future__ import annotations

import os
from types import SimpleNamespace

import jinja2
import material
import pytest
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import url_filter

from smartshare.mentor.nav import MentorNavigation

MENTOR_TEMPLATES = os.path.join(os.path.dirname(__file__), "..", "..", "plugins", "smartshare", "mentor", "templates")
CONFIG = {"site_url": None, "repo_url": None, "edit_uri": None}


def _page(path: str, title: str) -> Page:
    page = Page(title, File(path, "docs", "site", True), CONFIG)
    return page


def _render(page: Page, navigation) -> str:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(
            [MENTOR_TEMPLATES, os.path.join(os.path.dirname(material.__file__), "templates")]
        ),
        extensions=["jinja2.ext.loopcontrols"],
    )
    env.filters["url"] = url_filter
    config = SimpleNamespace(
        extra={},
        site_name="Site",
        repo_url=None,
        mdx_configs={},
        theme=SimpleNamespace(logo=None, icon=SimpleNamespace(logo=None)),
    )
    lang = SimpleNamespace(t=lambda key: {"nav": "Navigation", "toc": "Table of contents"}[key])
    template = env.get_template("smartshare/mentor-area-nav.html")
    return template.render(page=page, nav=navigation, config=config, lang=lang, base_url="../..")


@pytest.fixture
def pages_never_compared(monkeypatch):
    def compared(self, other):
        raise AssertionError("the navigation compared two pages with ==")

    monkeypatch.setattr(Page, "__eq__", compared)


def test_the_current_sheet_is_found_by_identity_and_its_track_marked_open(pages_never_compared):
    home = _page("mentor/index.md", "Mentor area")
    track = _page("mentor/ai/index.md", "Mentors: AI")
    sheets = [_page(f"mentor/ai/m{i}.md", f"Sheet {i}") for i in range(3)]
    other_track = _page("mentor/data/index.md", "Mentors: data")
    navigation = MentorNavigation(home, [(track, sheets), (other_track, [])], [], 4)
    html = _render(sheets[1], navigation.for_page(sheets[1]))
    active = [line for line in html.splitlines() if "md-nav__link--active" in line]
    assert active == [
        '      <a href="./" class="md-nav__link md-nav__link--active"><span class="md-ellipsis">Sheet 1</span></a>'
    ]
    assert html.count('class="md-nav__item md-nav__item--active"') == 1
    assert 'aria-expanded="true"' in html and "aria-expanded" not in html.split('aria-expanded="true"')[1]


def test_a_track_page_marks_its_own_link_active_and_no_sheet(pages_never_compared):
    home = _page("mentor/index.md", "Mentor area")
    track = _page("mentor/ai/index.md", "Mentors: AI")
    sheets = [_page(f"mentor/ai/m{i}.md", f"Sheet {i}") for i in range(2)]
    navigation = MentorNavigation(home, [(track, sheets)], [], 4)
    html = _render(track, navigation.for_page(track))
    assert html.count('<a href="./" class="md-nav__link md-nav__link--active">') == 1
    assert 'class="md-nav__item md-nav__item--active"' not in html
