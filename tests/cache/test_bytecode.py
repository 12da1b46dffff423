"""smartshare/cache, compiled templates: a template is compiled once and loaded by the next build's environments, as
long as its source, the environment's compiler settings and the versions are the same; a stored file that is not
whole is ignored and the template compiled from its source again."""

from __future__ import annotations

from pathlib import Path

import pytest
from jinja2 import Environment, FileSystemLoader

from smartshare.cache.bytecode import TemplateBytecode


class Builds:
    """Each `env()` is the environment of a new build over the same template folder and the same cache folder."""

    def __init__(self, root: Path) -> None:
        self.templates = root / "templates"
        self.templates.mkdir()
        self.folder = root / "cache" / "jinja"
        self.unreadable: list[tuple[str, str]] = []
        self.compiled: list[str] = []

    def write(self, name: str, text: str) -> None:
        (self.templates / name).write_text(text, encoding="utf-8")

    def env(self, **settings) -> Environment:
        store = TemplateBytecode(self.folder, lambda path, reason: self.unreadable.append((path, reason)))
        env = Environment(loader=FileSystemLoader(self.templates), bytecode_cache=store, **settings)
        compile_source = env.compile

        def compile(source, name=None, filename=None, *args, **kwargs):
            if name is not None:
                self.compiled.append(name)
            return compile_source(source, name, filename, *args, **kwargs)

        env.compile = compile  # type: ignore[method-assign]
        return env

    def render(self, name: str, **settings) -> str:
        self.compiled.clear()
        return self.env(**settings).get_template(name).render(who="<mentor>")

    def files(self) -> list[Path]:
        return sorted(self.folder.glob("*.jinja"))


@pytest.fixture
def builds(tmp_path):
    builds = Builds(tmp_path)
    builds.write("page.html", "{% for i in range(2) %}\n<p>{{ who }}</p>\n{% endfor %}\n")
    return builds


def test_a_template_is_compiled_once_and_loaded_by_the_next_builds_environment(builds):
    first = builds.render("page.html", autoescape=True)
    assert builds.compiled == ["page.html"] and len(builds.files()) == 1
    assert builds.render("page.html", autoescape=True) == first
    assert builds.compiled == [] and builds.unreadable == []
    assert first == "\n<p>&lt;mentor&gt;</p>\n\n<p>&lt;mentor&gt;</p>\n"


def test_a_changed_template_source_is_compiled_again(builds):
    builds.render("page.html")
    builds.write("page.html", "<p>{{ who }} (edited)</p>")
    assert builds.render("page.html") == "<p><mentor> (edited)</p>"
    assert builds.compiled == ["page.html"]
    assert builds.render("page.html") == "<p><mentor> (edited)</p>" and builds.compiled == []


def test_compiler_settings_filters_and_the_i18n_extension_are_part_of_the_key(builds):
    plain = builds.render("page.html")
    # whitespace control and autoescaping change the compiled code, not the source: never the other's template
    assert builds.render("page.html", trim_blocks=True) == "<p><mentor></p>\n<p><mentor></p>\n"
    assert builds.compiled == ["page.html"]
    assert builds.render("page.html", autoescape=True) != plain and builds.compiled == ["page.html"]
    env = builds.env(extensions=["jinja2.ext.i18n"])
    env.install_null_translations(newstyle=True)  # newstyle gettext compiles `_()` calls differently
    builds.compiled.clear()
    env.get_template("page.html")
    assert builds.compiled == ["page.html"]
    env = builds.env()
    env.filters["shout"] = str.upper  # the compiler checks which filters exist
    builds.compiled.clear()
    env.get_template("page.html")
    assert builds.compiled == ["page.html"]
    assert len(builds.files()) == 5
    assert builds.render("page.html") == plain and builds.compiled == []  # the first one is still there


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda data: data[:-7], id="truncated"),
        pytest.param(lambda data: data[:-40] + bytes(b ^ 0x55 for b in data[-40:-30]) + data[-30:], id="bit-flips"),
        pytest.param(lambda data: b"", id="empty"),
        pytest.param(lambda data: b"not a compiled template", id="foreign"),
    ],
)
def test_a_corrupted_compiled_template_is_ignored_compiled_again_and_rewritten(builds, damage):
    expected = builds.render("page.html")
    (stored,) = builds.files()
    whole = stored.read_bytes()
    stored.write_bytes(damage(whole))
    assert builds.render("page.html") == expected
    assert builds.compiled == ["page.html"]
    assert builds.unreadable == [(str(stored), "not a compiled template of this cache")]
    assert stored.read_bytes() == whole  # written again, whole
    assert builds.render("page.html") == expected and builds.compiled == []


def test_an_unwritable_cache_folder_costs_speed_never_the_render(builds):
    builds.folder.parent.mkdir(parents=True)
    builds.folder.write_text("a file where the folder should be", encoding="utf-8")
    assert builds.render("page.html") == "\n<p><mentor></p>\n\n<p><mentor></p>\n"
    # not read, not written: each said once (an info line in a build), as for the cache's other entries
    assert [reason.split(":")[0] for _, reason in builds.unreadable] == ["NotADirectoryError", "not written"]
