"""smartshare/cache and Material's search hook (cache/search.py, `quicker_hook`): the hook the build runs in its place
does what Material's does to every page, and stands in only for the hook's source as read."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from markupsafe import Markup
from material.plugins.search.plugin import SearchPlugin

from smartshare.cache.search import quicker_hook

CONTENTS = [
    "",
    "<p>No attribute at all.</p>",
    '<dl class="facts" data-search-exclude><dt>Level</dt></dl>',  # without a value: kept by Material too
    '<aside data-search-exclude="" data-module="a">feedback</aside>',  # an empty value: kept
    '<p data-search-exclude="yes">taken out</p>',
    '<p class="x"\tdata-search-boost="2"\ndata-search-exclude="1">space before</p>',
    '<p>data-search-exclude="x" as text in a paragraph</p>',
    '<pre>data-search-="no name" data-search-a="</pre>',
    "data-search-x=\"first\" data-search-y='single quotes'",
]


class _Index:
    def __init__(self) -> None:
        self.indexed: list[str] = []

    def add_entry_from_context(self, page) -> None:
        self.indexed.append(page.content)


def _plugin(enabled: bool = True) -> SearchPlugin:
    plugin = SearchPlugin.__new__(SearchPlugin)  # the hook reads its settings and index only
    plugin.config = SimpleNamespace(enabled=enabled)
    plugin.search_index = _Index()
    return plugin


def _run(hook, plugin, content):
    page = SimpleNamespace(content=content)
    assert hook(None, page=page, config=None, nav=None) is None
    return page.content, plugin.search_index.indexed


def test_the_hook_of_the_material_version_installed_is_the_one_read():
    assert quicker_hook(_plugin()) is not None


@pytest.mark.parametrize("content", [*CONTENTS, *(Markup(text) for text in CONTENTS[1:4])])
@pytest.mark.parametrize("enabled", [True, False])
def test_every_page_leaves_the_hook_as_it_leaves_materials(content, enabled):
    ours, theirs = _plugin(enabled), _plugin(enabled)
    content_ours, indexed_ours = _run(quicker_hook(ours), ours, content)
    content_theirs, indexed_theirs = _run(theirs.on_page_context, theirs, content)
    assert (content_ours, type(content_ours)) == (content_theirs, type(content_theirs))
    assert indexed_ours == indexed_theirs


def test_another_hook_is_left_to_itself(monkeypatch):
    class Changed(SearchPlugin):
        def on_page_context(self, context, *, page, config, nav):
            page.content = page.content.upper()

    monkeypatch.setattr(Changed, "__module__", SearchPlugin.__module__)
    assert quicker_hook(Changed.__new__(Changed)) is None
    assert quicker_hook(SimpleNamespace(on_page_context=lambda: None)) is None
