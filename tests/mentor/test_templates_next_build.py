"""The preview server's next build reads a template the site overrides between builds: our environments
keep each template for one build only (plugin_support.BuildEnvironment), and the renderers' stencils are made
again with them (the course pages' link to their mentor page here)."""

from __future__ import annotations

import os

from sitebuilder import basic_tree, run_docs_tool_apart, write_site

# two builds in one process, as `mkdocs serve` makes them: the plugins kept, the configuration loaded again; run
# before MkDocs' command line in a build's own process (forked from the test process's build server, which spares
# a new interpreter's imports), and ending that process, whose work they were
SERVE = """
import os, pathlib, sys, traceback
from mkdocs.commands.build import build
from mkdocs.config import load_config

root = pathlib.Path.cwd()
own = root / "overrides" / "smartshare" / "mentor-link.html"


def rebuild(first=False):
    config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(root / "site"))
    if first:
        config.plugins.on_startup(command="serve", dirty=False)
    build(config)
    page = (root / "site" / "ai" / "chatbots" / "index.html").read_text(encoding="utf-8")
    print("own-link" in page)


code = 1
try:
    rebuild(first=True)
    own.parent.mkdir(parents=True)
    own.write_text('<p class="own-link" hidden><a href="{{ href }}">{{ label }}</a></p>', encoding="utf-8")
    rebuild()
    code = 0
except BaseException:
    traceback.print_exc()
finally:
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
"""


def test_an_override_added_between_builds_is_used_by_the_next_build(tmp_path):
    plugins = ["search", "smartshare/curriculum", "smartshare/feedback", "smartshare/mentor"]
    theme = {"name": "material", "font": False, "language": "en", "custom_dir": "overrides"}
    write_site(tmp_path, basic_tree(), config={"plugins": plugins, "theme": theme})
    (tmp_path / "overrides").mkdir()
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1790000000", "NO_MKDOCS_2_WARNING": "1"}
    returncode, out, err = run_docs_tool_apart(tmp_path, ["--version"], env, before=SERVE)
    assert returncode == 0, err
    assert out.split("\n")[:2] == ["False", "True"]
