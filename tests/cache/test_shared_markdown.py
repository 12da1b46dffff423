"""One Markdown instance for a build's pages (smartshare/cache/instance.py) gives each page what MkDocs' own
`Page.render`, with an instance of its own, gives it: the same HTML, table of contents, title and anchors, page
after page, whatever the pages before it held (footnotes, abbreviations, tabs, headings of the same name)."""

from __future__ import annotations

import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from smartshare.cache.instance import SharedMarkdown

PAGES = {
    "a.md": """# Alpha

Text with a note[^1] and HTML.

*[HTML]: Hyper Text Markup Language

[^1]: The first page's note.

## Setup

=== "One"

    First tab

=== "Two"

    Second tab

??? note "Details"

    Hidden [link to b](b.md#setup).

```python
print("a")
```
""",
    "b.md": """# Beta

No abbreviation here: HTML stays plain. A note of its own[^n].

[^n]: The second page's note.

## Setup

## Setup

=== "Three"

    Third tab

Term
:   Definition with ==mark== and ++ctrl+c++.

- [x] done
""",
    "c.md": """Plain page without a heading, [a link](a.md) and <div id="raw">raw</div>.
""",
}

EXTENSIONS = [
    "abbr",
    "admonition",
    "attr_list",
    "def_list",
    "footnotes",
    "md_in_html",
    {"toc": {"permalink": True}},
    "tables",
    "pymdownx.details",
    "pymdownx.highlight",
    "pymdownx.inlinehilite",
    "pymdownx.keys",
    "pymdownx.mark",
    "pymdownx.superfences",
    {"pymdownx.tabbed": {"alternate_style": True}},
    "pymdownx.tasklist",
]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    docs = tmp_path_factory.mktemp("docs")
    for name, text in PAGES.items():
        (docs / name).write_text(text, "utf-8")
    (docs.parent / "mkdocs.yml").write_text("site_name: T\n", "utf-8")
    config = load_config(
        str(docs.parent / "mkdocs.yml"),
        docs_dir=str(docs),
        site_dir=str(docs.parent / "site"),
        markdown_extensions=EXTENSIONS,
    )
    files = Files([File(name, str(docs), config.site_dir, config.use_directory_urls) for name in PAGES])
    return config, files


def _rendered(page: Page) -> tuple:
    return (
        page.content,
        [(item.title, item.id, [(c.title, c.id) for c in item.children]) for item in page.toc],
        page.title,
        sorted(page.present_anchor_ids),
        {file.src_uri: links for file, links in page.links_to_anchors.items()},
    )


def _page(config, files, name: str) -> Page:
    page = Page(None, files.get_file_from_path(name), config)
    page.read_source(config)
    return page


def test_pages_rendered_by_one_instance_match_pages_rendered_each_by_its_own(site):
    config, files = site
    assert SharedMarkdown.usable(config)
    shared = SharedMarkdown()
    order = ["a.md", "b.md", "c.md", "a.md", "b.md"]  # each page after another, and again
    for name in order:
        own = _page(config, files, name)
        own.render(config, files)  # MkDocs' own: a new instance
        one = _page(config, files, name)
        shared.render(one, config, files)
        assert _rendered(one) == _rendered(own), name
    assert "The first page's note" not in one.content and "<abbr" not in one.content  # nothing carried over


def test_an_extension_whose_state_is_not_known_to_reset_gets_an_instance_per_page(site):
    config, _ = site
    for extensions, configs in (
        ([*config.markdown_extensions, "pymdownx.snippets"], {}),
        (config.markdown_extensions, {**config.mdx_configs, "footnotes": {"UNIQUE_IDS": True}}),
    ):
        assert not SharedMarkdown.usable({"markdown_extensions": extensions, "mdx_configs": configs})


def test_changed_extension_settings_make_a_new_instance(site):
    config, files = site
    shared = SharedMarkdown()
    shared.render(_page(config, files, "a.md"), config, files)
    first = shared.md
    shared.render(_page(config, files, "b.md"), config, files)
    assert shared.md is first
    before = config.mdx_configs["toc"]
    config.mdx_configs["toc"] = {**before, "permalink": False}  # a plugin changes a setting during the build
    try:
        page = _page(config, files, "a.md")
        shared.render(page, config, files)
    finally:
        config.mdx_configs["toc"] = before
    assert shared.md is not first and "headerlink" not in page.content
