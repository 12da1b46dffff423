"""The test suite's build server (tests/buildserver.py) hands its builds what a new interpreter would find."""

import os
import subprocess
import time

import jinja2
import pytest
from mkdocs.utils import get_theme_dir

from buildserver import share_theme_listing


def test_the_installed_theme_is_listed_as_jinja_walks_it_and_a_sites_own_theme_folder_anew(tmp_path, monkeypatch):
    monkeypatch.setattr(jinja2.FileSystemLoader, "list_templates", jinja2.FileSystemLoader.list_templates)  # put back
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
