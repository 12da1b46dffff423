"""The test suite's build server (tests/buildserver.py) hands its builds what a new interpreter would find."""

import os
import subprocess
import time
from types import SimpleNamespace

import jinja2
import pytest
from mkdocs.structure.files import Files
from mkdocs.utils import get_theme_dir

from buildserver import share_compiled_templates, share_theme_listing

#: Jinja's own, as imported (share_theme_listing replaces both in the process that calls it)
LISTINGS = {cls: cls.list_templates for cls in (jinja2.FileSystemLoader, jinja2.Environment)}


@pytest.fixture
def jinja_listing(monkeypatch):
    """Jinja's own listings during the test, and put back after it."""
    for cls, original in LISTINGS.items():
        monkeypatch.setattr(cls, "list_templates", original)


def test_the_installed_theme_is_listed_as_jinja_walks_it_and_a_sites_own_theme_folder_anew(tmp_path, jinja_listing):
    installed = get_theme_dir("material")
    site_theme = tmp_path / "theme"
    (site_theme / "partials").mkdir(parents=True)
    (site_theme / "partials" / "footer.html").write_text("mine", encoding="utf-8")  # also one of the theme's names
    loader = jinja2.FileSystemLoader([str(site_theme), installed])
    walked, theme_only = loader.list_templates(), jinja2.FileSystemLoader([installed]).list_templates()
    assert "partials/footer.html" in walked and "assets/javascripts/lunr/min/lunr.fr.min.js" in walked

    share_theme_listing()
    assert loader.list_templates() == walked
    (site_theme / "assets").mkdir()
    (site_theme / "assets" / "extra.css").write_text("", encoding="utf-8")  # written after the server listed
    assert loader.list_templates() == sorted([*walked, "assets/extra.css"])
    assert jinja2.FileSystemLoader([installed]).list_templates() == theme_only


def test_the_theme_files_published_are_the_same_without_asking_about_names_always_refused(tmp_path, jinja_listing):
    installed = get_theme_dir("material")
    site_theme = tmp_path / "theme"
    for name in ("assets/extra.css", "robots.txt", ".hidden/logo.svg", "notes.md", "partials/footer.html"):
        (site_theme / name).parent.mkdir(parents=True, exist_ok=True)
        (site_theme / name).write_text("mine", encoding="utf-8")
    folders = [str(site_theme), installed]
    # a static template of the site's theme ("robots.txt") is refused too, and one of the theme's own ("404.html")
    theme = SimpleNamespace(static_templates=["404.html", "sitemap.xml", "robots.txt"], dirs=folders)
    config = SimpleNamespace(theme=theme, site_dir=str(tmp_path / "site"), use_directory_urls=True)

    def published() -> list[tuple[str, str]]:
        files = Files([])
        files.add_files_from_theme(jinja2.Environment(loader=jinja2.FileSystemLoader(folders)), config)  # type: ignore[arg-type]
        return [(file.src_uri, file.abs_src_path) for file in files]

    before = published()
    assert ("assets/extra.css", str(site_theme / "assets/extra.css")) in before
    assert not {"robots.txt", ".hidden/logo.svg", "notes.md", "404.html"} & {uri for uri, _ in before}
    share_theme_listing()
    assert published() == before


def test_an_environment_without_a_bytecode_cache_of_its_own_compiles_into_the_servers(tmp_path, monkeypatch):
    monkeypatch.setattr(jinja2.Environment, "bytecode_cache", None, raising=False)  # deleted afterwards
    share_compiled_templates(str(tmp_path / "shared"))
    (tmp_path / "page.html").write_text("{{ 1 + 1 }}", encoding="utf-8")
    made_without = jinja2.Environment(loader=jinja2.FileSystemLoader([str(tmp_path)]))
    set_to_none = jinja2.Environment(loader=jinja2.FileSystemLoader([str(tmp_path)]))
    set_to_none.bytecode_cache = None  # as a build without `smartshare/cache` sets it (curriculum/search.py)
    own = jinja2.FileSystemBytecodeCache(str(tmp_path))
    with_its_own = jinja2.Environment(loader=jinja2.FileSystemLoader([str(tmp_path)]), bytecode_cache=own)
    assert made_without.bytecode_cache is set_to_none.bytecode_cache is not None
    assert with_its_own.bytecode_cache is own
    assert made_without.get_template("page.html").render() == "2"
    assert len(list((tmp_path / "shared").glob("*.jinja"))) == 1
    assert set_to_none.get_template("page.html").render() == "2"  # loaded from the server's cache: none compiled
    assert len(list((tmp_path / "shared").glob("*.jinja"))) == 1


def test_the_code_a_build_runs_first_changes_that_build_alone_forked_or_in_a_new_interpreter(tmp_path):
    from sitebuilder import basic_tree, run_docs_tool, write_site

    write_site(tmp_path, basic_tree())
    before = "import mkdocs.commands.build as b\nb.build = lambda *args, **kwargs: print('NOT BUILT')\n"
    args, env = ["build", "--site-dir", "site"], {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    for fresh in (False, True):
        assert run_docs_tool(tmp_path, args, env, fresh=fresh, before=before) == (0, "NOT BUILT\n")
        assert not (tmp_path / "site").exists()
    code, output = run_docs_tool(tmp_path, args, env)  # the server's next build: the real one
    assert code == 0 and (tmp_path / "site" / "ai" / "chatbots" / "index.html").is_file(), output


def test_a_build_past_its_time_limit_is_ended_and_said_so_forked_or_in_a_new_interpreter(tmp_path):
    from sitebuilder import basic_tree, run_docs_tool, write_site

    write_site(tmp_path, basic_tree())
    args, env = ["build", "--site-dir", "site"], {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    for fresh in (False, True):
        started = time.monotonic()
        with pytest.raises(subprocess.TimeoutExpired):
            run_docs_tool(tmp_path, args, env, fresh=fresh, before="import time\ntime.sleep(60)\n", timeout=1)
        assert time.monotonic() - started < 30
    assert run_docs_tool(tmp_path, args, env, timeout=60)[0] == 0  # within its limit: built as any other
