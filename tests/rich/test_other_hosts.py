"""The intranet plugin stops a build that would make browsers fetch from another host, with file and line."""

import pytest

from sitebuilder import basic_tree, build_site, module
from smartshare.intranet.external import check_page, is_remote, locate

PAGE = (
    module("Chatbots")
    + """
A [plain link](https://example.com/docs) is fine.

![Logo](https://img.example.com/logo.png)

<script src="https://cdn.example.com/widget.js"></script>

<iframe src="//video.example.com/embed/42" title="Demo"></iframe>

```mermaid
flowchart LR
    A --> B
```
"""
)


@pytest.fixture(scope="module")
def failed(tmp_path_factory):
    tree = basic_tree()
    tree["ai/chatbots.md"] = PAGE
    config = {
        "plugins": ["search", "smartshare/curriculum", {"smartshare/intranet": {"git_dates": False}}],
        "markdown_extensions": [
            "admonition",
            "attr_list",
            "md_in_html",
            {"pymdownx.superfences": {"custom_fences": [{"name": "mermaid", "class": "mermaid"}]}},
        ],
    }
    return build_site(tmp_path_factory.mktemp("hosts"), tree, config=config)


def test_every_fetch_from_another_host_is_reported_with_its_line(failed):
    assert failed.returncode == 1
    lines = [line for line in failed.warnings if "curricula/ai/chatbots.md" in line]
    assert lines == [
        "WARNING -  smartshare: curricula/ai/chatbots.md:19:9: warning [remote-image] image from another host (img.example.com): intranet readers cannot load it — copy the image into the repository next to the module and link it with a relative path",
        "ERROR   -  smartshare: curricula/ai/chatbots.md:21:14: error [remote-resource] this page would load a script from another host (cdn.example.com), which an intranet cannot reach — copy the file into the repository and use a relative path, or write a plain link to it",
        "ERROR   -  smartshare: curricula/ai/chatbots.md:23:14: error [remote-resource] this page would load a frame from another host (video.example.com), which an intranet cannot reach — copy the file into the repository and use a relative path, or write a plain link to it",
        "ERROR   -  smartshare: curricula/ai/chatbots.md:25:1: error [theme-loader] this Mermaid diagram makes the theme load Mermaid from unpkg.com, which an intranet cannot reach — add `- smartshare/rich` to the plugins in mkdocs.yml: it ships Mermaid inside the site",
    ]
    assert "other hosts: 3 errors, 1 warning; nothing was built." in failed.output


def test_the_same_site_with_smartshare_rich_draws_its_diagram_locally(tmp_path):
    tree = basic_tree()
    tree["ai/chatbots.md"] = module("Chatbots") + "\n```mermaid\nflowchart LR\n    A --> B\n```\n"
    plugins = ["search", "smartshare/curriculum", "smartshare/rich", {"smartshare/intranet": {"git_dates": False}}]
    build = build_site(tmp_path, tree, config={"plugins": plugins}, strict=True)
    assert build.returncode == 0, build.output


def test_remote_fonts_and_scripts_in_mkdocs_yml_are_errors(tmp_path):
    config = {
        "theme": {"name": "material", "language": "en"},
        "extra_javascript": ["https://cdn.example.com/analytics.js"],
        "plugins": ["search", "smartshare/curriculum", {"smartshare/intranet": {"git_dates": False}}],
    }
    build = build_site(tmp_path, basic_tree(), config=config)
    assert build.returncode == 1
    assert [line for line in build.warnings if "smartshare: mkdocs.yml" in line] == [
        "ERROR   -  smartshare: mkdocs.yml:17:3: error [remote-resource] extra_javascript entry from another host: https://cdn.example.com/analytics.js — ship the file in the site",
        "ERROR   -  smartshare: mkdocs.yml:1:1: error [remote-font] the theme loads its text fonts from fonts.googleapis.com — set `font: false` under `theme:` (system fonts)",
    ]


def test_addresses_on_another_host():
    assert is_remote("https://a.example.com/x.js") and is_remote("//a.example.com/x.js")
    assert not any(is_remote(u) for u in ("x.js", "/x.js", "../x.js", "data:image/png;base64,AA", "#top"))


def test_links_are_not_fetches_but_styles_and_srcset_are():
    assert (
        check_page('<a href="https://example.com">x</a><link rel="canonical" href="https://e.com/">', "p.md", "") == []
    )
    found = check_page(
        '<p style="background: url(https://e.com/bg.png)"></p><img srcset="a.png 1x, https://e.com/b.png 2x">',
        "p.md",
        "",
    )
    assert [p.code for p in found] == ["remote-resource", "remote-image"]


def test_positions_are_found_in_the_source_as_written():
    source = "---\ntitle: x\n---\n\n![a](https://e.com/a.png?x=1&y=2)\n"
    assert locate(source, "https://e.com/a.png?x=1&y=2") == (5, 6)
    assert locate(source, "https://nowhere.example.com") == (1, 1)
