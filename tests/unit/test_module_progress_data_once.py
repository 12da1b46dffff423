"""The progress data block of a module page, the same on every module page, is made once per build."""

from __future__ import annotations

from types import SimpleNamespace

from smartshare.core.i18n import Translator
from smartshare.curriculum import render
from smartshare.curriculum.progress import module_json
from smartshare.curriculum.render import Renderer


def test_every_module_page_gets_the_data_block_made_for_the_first():
    t = Translator("fr")
    surface = SimpleNamespace(curriculum=None, page_urls={})
    renderer = Renderer(None, t, surface, None, None)  # type: ignore[arg-type]
    renderer.site = "abc"
    made = []
    original = render.module_json
    render.module_json = lambda *args: made.append(args) or original(*args)
    try:
        first = renderer.progress_data(False)
        assert all(renderer.progress_data(False) is first for _ in range(3))
        renderer.site = "def"  # set by the plugin after the renderer is made: a block for the new value
        assert renderer.progress_data(False) == module_json(t, "def", "fr") != first
    finally:
        render.module_json = original
    assert first == module_json(t, "abc", "fr")
    assert len(made) == 2
