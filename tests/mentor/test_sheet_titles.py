"""A plain sheet title is filled into the probe's render (mentor/titles.py): the same page as its Markdown render."""

from __future__ import annotations

import random

import pytest
import yaml
from mkdocs.config.base import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page

from smartshare.cache.instance import SAME_RENDER
from smartshare.core.mdscan import heading_markdown
from smartshare.mentor.titles import PLAIN, SheetTitles

EXAMPLE = [  # the example site's extensions and the other inert ones a site may add
    "admonition",
    "attr_list",
    "md_in_html",
    "tables",
    {"toc": {"permalink": True}},
    "pymdownx.details",
    "pymdownx.superfences",
    "pymdownx.tasklist",
    "pymdownx.emoji",
    "pymdownx.mark",
    "pymdownx.keys",
    "def_list",
    "abbr",
    "footnotes",
    "pymdownx.arithmatex",
    "pymdownx.blocks.caption",
]
UNICODE_SLUGS = [
    *EXAMPLE[:4],
    {"toc": {"permalink": "#", "slugify": "!!python/name:markdown.extensions.toc.slugify_unicode"}},
]
TITLES = [
    "Mentor sheet: Chatbots for busy managers",
    "Mentor sheet: AI, ethics; and you?",
    "Mentor sheet: L'IA (partie 2) - débutants",
    "Mentor sheet: 2024 review. Part 3",
    "Fiche mentor : Übersicht über Größen",
    "Mentor sheet: Ünïcödé ÅØ façade",
    "Mentor sheet: 数据 分析",
    "数据",  # no slug of ASCII letters: the toc's first free id
    "a",
    "1",
    "Mentor sheet: emoji smile: and heart: after a space",
]
#: each holds something a configured extension reads: never filled
NOT_PLAIN = [
    "Mentor sheet: a:smile:b",
    "Mentor sheet: one_two",
    "Mentor sheet: a *b*",
    "Mentor sheet: ==marked==",
    "Mentor sheet: ++ctrl++",
    "Mentor sheet: a  b",
    "Mentor sheet: [link](x.md)",
    "Mentor sheet: <b>",
    "Mentor sheet: R&D",
    "Mentor sheet: $x$",
    "Mentor sheet: a {#id}",
    "Mentor sheet: a|b",
    "Mentor sheet: `code`",
    "Mentor sheet: ends with colon:",
]


def _config(tmp_path, extensions) -> MkDocsConfig:
    (tmp_path / "docs").mkdir(exist_ok=True)
    path = tmp_path / "mkdocs.yml"
    text = yaml.safe_dump({"site_name": "S", "docs_dir": "docs", "markdown_extensions": extensions})
    path.write_text(text.replace("'!!python/name:", "!!python/name:").replace("slugify_unicode'", "slugify_unicode"))
    return load_config(str(path))


def _page(config: MkDocsConfig, title: str, n: int = 0) -> Page:
    file = File(f"ai/m{n}.mentor-sheet.md", config.docs_dir, config.site_dir, config.use_directory_urls)
    page = Page(None, file, config)
    page.markdown = heading_markdown(title)
    return page


def _rendered(page: Page) -> tuple:
    def toc(items) -> list:
        return [(i.title, i.id, i.level, toc(i.children)) for i in items]

    links = {("the page" if file is page.file else file): anchors for file, anchors in page.links_to_anchors.items()}
    return page.content, toc(page.toc), page._title_from_render, page.present_anchor_ids, links


def _both(config: MkDocsConfig, title: str, titles: SheetTitles | None = None) -> tuple[tuple, tuple, bool]:
    titles = titles or SheetTitles()
    whole, filled = _page(config, title, 1), _page(config, title, 2)
    titles.render(whole, config, None)
    render = titles.render_of(filled, filled.markdown, config)
    render(config, None)
    return _rendered(whole), _rendered(filled), getattr(render, SAME_RENDER, False)


@pytest.mark.parametrize("extensions", [EXAMPLE, UNICODE_SLUGS], ids=["example", "unicode-slugs"])
def test_a_plain_title_filled_in_is_the_page_its_render_gives(tmp_path, extensions):
    config = _config(tmp_path, extensions)
    titles = SheetTitles()
    for title in TITLES:
        assert PLAIN.fullmatch(heading_markdown(title)), title
        whole, filled, rendered = _both(config, title, titles)
        assert not rendered and filled == whole, title


def test_a_title_a_configured_extension_reads_is_rendered(tmp_path):
    config = _config(tmp_path, EXAMPLE)
    for title in NOT_PLAIN:
        whole, filled, rendered = _both(config, title)
        assert rendered and filled == whole, title


def test_random_titles_are_filled_exactly_where_plain(tmp_path):
    config = _config(tmp_path, EXAMPLE)
    rnd, titles = random.Random(7), SheetTitles()
    alphabet = "aB zé9" * 4 + ":_*=+-,.;?'()<>&$[]{}|`#!~^\\\"/"
    filled = 0
    for _ in range(200):
        title = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 12)))
        whole, fill, rendered = _both(config, title, titles)
        assert fill == whole, title
        filled += not rendered
    assert filled > 15  # plain ones were filled, not only rendered


def test_an_extension_outside_the_inert_ones_renders_every_title(tmp_path):
    # the glossary of `abbr` matches plain words: its titles are rendered
    config = _config(tmp_path, [*EXAMPLE, {"abbr": {"glossary": {"AI": "Artificial intelligence"}}}])
    whole, filled, rendered = _both(config, "Mentor sheet: AI basics")
    assert rendered and filled == whole and "<abbr" in whole[0]


def test_a_title_given_glossary_definitions_after_it_is_rendered(tmp_path):
    # smartshare/rich appends a glossary's definitions to a page's Markdown after the mentor area saw it plain
    config = _config(tmp_path, EXAMPLE)
    titles = SheetTitles()
    whole, filled = _page(config, "Mentor sheet: AI basics", 1), _page(config, "Mentor sheet: AI basics", 2)
    render = titles.render_of(filled, filled.markdown, config)
    assert not getattr(render, SAME_RENDER, False)
    for page in (whole, filled):
        page.markdown += "\n*[AI]: Artificial intelligence\n"
    titles.render(whole, config, None)
    render(config, None)
    assert _rendered(filled) == _rendered(whole) and "<abbr" in whole.content and titles.filled == 0
