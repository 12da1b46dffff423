"""Our templates' environment keeps each template it loaded for the build (plugin_support.BuildEnvironment): the
same renders as Jinja's own environment, one load per template, and the next build's environment reads an edited
template or a new override of the site's (what the preview server's rebuild does)."""

from __future__ import annotations

from types import SimpleNamespace

from jinja2 import Environment, FileSystemLoader

from smartshare.plugin_support import BuildEnvironment, is_own_template, template_env

TEMPLATES = {
    "smartshare/macros.html": "{% macro item(x) %}<li>{{ x }}</li>{% endmacro %}",
    "smartshare/part.html": "<p>{{ title }}</p>",
    "smartshare/base.html": "<main>{% block body %}{% endblock %}</main>",
    "smartshare/page.html": (
        '{% extends "smartshare/base.html" %}{% import "smartshare/macros.html" as m %}'
        '{% block body %}{% include "smartshare/part.html" %}<ul>{% for x in items %}{{ m.item(x) }}{% endfor %}'
        "</ul>{% endblock %}"
    ),
}


def _write(folder, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def _config(*folders) -> SimpleNamespace:
    return SimpleNamespace(theme=SimpleNamespace(dirs=[str(f) for f in folders]), plugins={})


def test_renders_are_jinjas_and_each_template_is_loaded_once(tmp_path):
    _write(tmp_path, TEMPLATES)
    loads: list[str] = []

    class CountingLoader(FileSystemLoader):
        def load(self, environment, name, globals=None):
            loads.append(name)
            return super().load(environment, name, globals)

    kept = BuildEnvironment(loader=CountingLoader(str(tmp_path)), autoescape=True)
    plain = Environment(loader=FileSystemLoader(str(tmp_path)), autoescape=True)
    for n in range(50):
        values = {"title": f"T & {n}", "items": ["<a>", n, "é"][: n % 4]}
        assert kept.get_template("smartshare/page.html").render(values) == plain.get_template(
            "smartshare/page.html"
        ).render(values)
    assert sorted(loads) == sorted(TEMPLATES)
    kept.cache.clear()  # Jinja's own cache is not what keeps them
    kept.get_template("smartshare/page.html").render(title="", items=[1])
    assert sorted(loads) == sorted(TEMPLATES)
    assert kept.get_template("smartshare/part.html") is kept.get_template("smartshare/part.html")


def test_globals_given_update_the_template_as_jinja_does(tmp_path):
    _write(tmp_path, {"smartshare/g.html": "{{ who }}"})
    env = BuildEnvironment(loader=FileSystemLoader(str(tmp_path)))
    assert env.get_template("smartshare/g.html", globals={"who": "a"}).render() == "a"
    assert env.get_template("smartshare/g.html").render() == "a"
    assert env.get_template("smartshare/g.html", globals={"who": "b"}).render() == "b"


def test_the_next_builds_environment_reads_an_edited_template_and_a_new_override(tmp_path):
    own, site = tmp_path / "own", tmp_path / "site"
    _write(own, TEMPLATES)
    site.mkdir()
    config = _config(site, own)
    first = template_env(config)
    assert isinstance(first, BuildEnvironment)
    assert first.get_template("smartshare/part.html").render(title="x") == "<p>x</p>"
    assert is_own_template(first, "part.html", str(own))
    _write(own, {"smartshare/part.html": "<h2>{{ title }}</h2>"})
    assert first.get_template("smartshare/part.html").render(title="x") == "<p>x</p>"  # kept for its build
    second = template_env(config)
    assert second.get_template("smartshare/part.html").render(title="x") == "<h2>x</h2>"
    _write(site, {"smartshare/part.html": "<em>{{ title }}</em>"})
    third = template_env(config)
    assert third.get_template("smartshare/page.html").render(title="x", items=[]) == "<main><em>x</em><ul></ul></main>"
    assert not is_own_template(third, "part.html", str(own))
    assert is_own_template(second, "part.html", str(own))
