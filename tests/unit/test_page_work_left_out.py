"""Per-page work that nothing reads is left out, and what is read is what the full work gave: a template's globals
flattened for each render, the course navigation of a page another plugin navigates, a quiz's parts held back from
a search that skips the page."""

from __future__ import annotations

from collections import ChainMap
from types import SimpleNamespace

import markdown
import pytest
from jinja2 import DictLoader, Environment, Template

from smartshare.cache.plugin import CachePlugin
from smartshare.curriculum.plugin import CurriculumPlugin
from smartshare.curriculum.surface import CurriculumSurface
from smartshare.plugin_support import FlatGlobalsTemplate, LateHtml, flat_globals, search_excludes
from smartshare.quiz.plugin import QuizPlugin

TEMPLATES = {
    "page.html": "{{ shared }}/{{ late }}/{{ local }}|{% include 'part.html' %}|{% import 'macros.html' as m %}"
    "{{ m.hi() }}",
    "part.html": "{{ shared }}-{{ local }}",
    "macros.html": "{% macro hi() %}{{ shared }}+{{ late }}{% endmacro %}",
}


def _environment(template_class: type[Template]) -> Environment:
    env = Environment(loader=DictLoader(TEMPLATES))
    env.template_class = template_class
    env.globals.update(shared="env", local="env")
    return env


def _render(env: Environment) -> tuple[str, str]:
    template = env.get_template("page.html", globals={"local": "template"})
    first = template.render()
    env.globals["late"] = "added later"  # a plugin's global, added once pages are rendered
    env.globals["shared"] = "replaced"
    return first, template.render()


def test_a_flat_globals_template_renders_what_jinjas_own_renders():
    ours, jinjas = _render(_environment(FlatGlobalsTemplate)), _render(_environment(Template))
    assert ours == jinjas
    assert ours == (
        "env//template|env-template|env+",
        "replaced/added later/template|replaced-template|env+",  # Jinja keeps an imported template's module
    )


def test_flattened_globals_keep_the_chains_keys_in_order_and_its_first_value():
    chain = ChainMap({"b": 1, "z": 2}, {"a": 0, "b": 9, "c": 3}, {"c": 4, "d": 5})
    flat = flat_globals(chain)
    assert flat == dict(chain) == {"a": 0, "b": 1, "c": 3, "d": 5, "z": 2}
    assert list(flat) == list(dict(chain))
    plain = {"x": 1}
    assert flat_globals(plain) is plain


def test_the_theme_environment_loads_flat_globals_templates_from_the_first_on_env():
    env = Environment(loader=DictLoader({"main.html": "{{ page }}"}))
    assert CachePlugin()._theme_bytecode(env, None, None) is env
    assert isinstance(env.get_template("main.html"), FlatGlobalsTemplate)


class _Pruned:
    def __init__(self) -> None:
        self.pages: list[str] = []

    def for_page(self, page):
        self.pages.append(page.file.src_uri)
        return f"course navigation of {page.file.src_uri}"


def _page(src_uri: str, meta: dict | None = None):
    return SimpleNamespace(file=SimpleNamespace(src_uri=src_uri), meta=meta or {})


def test_the_curriculum_builds_no_navigation_for_a_page_another_plugin_navigates():
    plugin = CurriculumPlugin()
    plugin.config = SimpleNamespace(enabled=True)
    plugin.pruned = _Pruned()
    plugin.surface.provide_own_navigation(["mentor/ai/chatbots.md"])
    sheet = plugin._page_context({"nav": "whole"}, _page("mentor/ai/chatbots.md"), None, None)
    module = plugin._page_context({"nav": "whole"}, _page("ai/chatbots.md"), None, None)
    assert sheet == {"nav": "whole"}
    assert module == {"nav": "course navigation of ai/chatbots.md"}
    assert plugin.pruned.pages == ["ai/chatbots.md"]


def test_a_new_build_forgets_which_pages_had_their_own_navigation():
    surface = CurriculumSurface()
    surface.provide_own_navigation(["mentor/ai/chatbots.md"])
    assert surface.has_own_navigation("mentor/ai/chatbots.md")
    surface.start_build(SimpleNamespace(), 90)
    assert not surface.has_own_navigation("mentor/ai/chatbots.md")


QUIZ = "/// quiz\n    hint: Think.\nWhich?\n\n- [x] A\n- [ ] B\n///\n"


def _quiz_plugin() -> QuizPlugin:
    plugin = QuizPlugin()
    plugin.config = SimpleNamespace(enabled=True)
    plugin.late = LateHtml("quiz")
    return plugin


@pytest.mark.parametrize("meta", [{}, {"search": {"exclude": False}}, {"search": "no"}, {"search": None}])
def test_a_searched_pages_quiz_parts_are_held_back(meta):
    plugin = _quiz_plugin()
    html = markdown.markdown(QUIZ, extensions=["smartshare.quiz.extension"])
    held = plugin._hold_unsearched(html, _page("ai/chatbots.md", meta), None, None)
    assert "smartshare-quiz__hint" not in held
    assert plugin.late.release(held) == html


def test_a_page_search_leaves_out_keeps_its_quiz_parts_in_place():
    plugin = _quiz_plugin()
    html = markdown.markdown(QUIZ, extensions=["smartshare.quiz.extension"])
    sheet = _page("mentor/ai/chatbots.md", {"search": {"exclude": True}})
    assert search_excludes(sheet)
    assert plugin._hold_unsearched(html, sheet, None, None) is html
    assert "smartshare-quiz__hint" in html
