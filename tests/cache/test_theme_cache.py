"""smartshare/cache, themed pages and search entries: a warm build themes and indexes only the pages whose context
changed, and its site is byte-identical to a cold build of the same sources (built on two cores).

The example site is copied once; `mkdocs build -v` names each page the theme rendered (`themed ai/chatbots.md`)
and each page the search index read (`indexed …`); the others came from the cache.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from smartshare.cache.context import PageContext, Templates, Uncacheable
from smartshare.plugin_support import LateHtml

from .examplecopy import GROUP, ExampleCopy
from .test_cache import differences

THEMED = re.compile(r"^DEBUG\s+-\s+smartshare: themed (\S+)$", re.M)
INDEXED = re.compile(r"^DEBUG\s+-\s+smartshare: indexed (\S+)$", re.M)
RENDERED = re.compile(r"^DEBUG\s+-\s+smartshare: rendered (\S+)$", re.M)
pytestmark = GROUP  # with test_cache.py, on one copy of the example (tests/cache/conftest.py)


class Site:
    """The example's copy (tests/cache/conftest.py), read for what this module asserts."""

    def __init__(self, copy: ExampleCopy) -> None:
        self.copy = copy
        self.root = copy.root

    def build(self, workers: int = 1, cache: str = ".cache/smartshare") -> tuple[Path, dict[str, list[str]]]:
        """Build into a new folder; returns it and, by kind, the pages done again (not from the cache)."""
        return self.read(*self.copy.build(workers, cache))

    @staticmethod
    def read(site: Path, log: str) -> tuple[Path, dict[str, list[str]]]:
        assert "without the cache" not in log  # every page's context could be written out completely
        done = {"themed": THEMED.findall(log), "indexed": INDEXED.findall(log), "rendered": RENDERED.findall(log)}
        return site, done


@pytest.fixture(scope="module")
def site(example_copy):
    return Site(example_copy)


@pytest.fixture(scope="module")
def cold_and_warm(example_cold_and_warm):
    return tuple(Site.read(*built) for built in example_cold_and_warm)


def test_a_warm_build_themes_and_indexes_no_page(cold_and_warm):
    (cold, cold_done), (warm, done) = cold_and_warm
    assert "ai/chatbots.md" in cold_done["themed"] and "ai/chatbots.md" in cold_done["indexed"]
    # a page left out of the search index (the mentor area's) is neither looked up nor kept: nothing to index;
    # mentor sheets are themed from shells by the mentor plugin (mentor/shell.py), never through the cache
    assert "mentor/ai/index.md" in cold_done["themed"] and "ai/chatbots.mentor-sheet.md" not in cold_done["themed"]
    assert not any(".mentor-sheet." in uri for uri in cold_done["indexed"])
    assert done == {"themed": [], "indexed": [], "rendered": []}
    assert differences(cold, warm) == []


def test_the_templates_compiled_by_the_cold_build_are_kept_for_the_next(cold_and_warm, site):
    # the theme's templates and ours (cache/bytecode.py; test_bytecode.py checks their keys)
    stored = list((site.root / ".cache" / "smartshare" / "jinja").glob("*.jinja"))
    assert len(stored) > 40


def test_a_renamed_module_rethemes_the_pages_that_show_its_title_and_matches_a_cold_build(edited_module):
    # ai/chatbots.md's title changed, built warm on one core; the cold build on two cores has a sentence of its text
    # edited too (tests/cache/conftest.py): the files that show the sentence are compared with it put back
    warm, done = Site.read(*edited_module.renamed)
    cold = edited_module.cold[0]
    showing = ["ai/chatbots/index.html", "mentor/ai/chatbots/index.html", "search/search_index.json"]
    assert differences(cold, warm) == showing
    assert [path for path in showing if (warm / path).read_bytes() != edited_module.without_the_sentence(path)] == []
    # its own page, its neighbours (previous/next, the track's navigation), the track and the mentor area's pages
    # that list it (its sheet and theirs are themed from shells, not through the cache: mentor/shell.py); cards
    # elsewhere (tag and mentor pages) join after the theme (LateHtml), so those pages come from the cache and still
    # show the new title
    assert sorted(done["themed"]) == [
        "ai/chatbots.md",
        "ai/generative-ai-at-work.md",
        "ai/index.md",
        "ai/machine-learning-for-decision-makers.md",
        "mentor/ai/index.md",
        "mentor/index.md",
        "mentor/statistics.md",
    ]
    assert "ai/chatbots.md" in done["indexed"] and "tags/ai.md" not in done["indexed"]
    assert "Chatbots for busy managers" in (warm / "tags" / "ai" / "index.html").read_text("utf-8")


def test_a_sentence_edited_in_a_module_rethemes_only_its_pages_whatever_the_number_of_processes(edited_module):
    # the cache filled on one core (cold_and_warm), the warm build on two: how many processes build a site is a
    # setting of the cache, not of a page, and must not re-theme every page (tests/cache/conftest.py)
    warm, done = Site.read(*edited_module.reworded)
    cold = edited_module.cold[0]
    assert differences(cold, warm) == []
    # the module's page (its mentor sheet, which shows the module's text, is themed from a shell: mentor/shell.py);
    # no other page shows the sentence
    assert sorted(done["themed"]) == ["ai/chatbots.md"]
    assert done["rendered"] == ["ai/chatbots.md"]
    # the mentor sheet is left out of the search index (`search: exclude`): the index never reads it
    assert done["indexed"] == ["ai/chatbots.md"]
    assert "on one narrow subject" in (warm / "ai" / "chatbots" / "index.html").read_text("utf-8")


def test_an_edited_template_rethemes_every_page_and_renders_no_markdown(cold_and_warm, site):
    (_, cold_done), _ = cold_and_warm
    partial = site.root / "theme" / "partials" / "copyright.html"
    original = partial.read_text(encoding="utf-8")
    partial.write_text(original + "\n<!-- edited for the test -->\n", encoding="utf-8")
    try:
        warm, done = site.build()
    finally:
        partial.write_text(original, encoding="utf-8")
    assert sorted(done["themed"]) == sorted(cold_done["themed"])
    assert done["rendered"] == [] and done["indexed"] == []
    assert "<!-- edited for the test -->" in (warm / "ai" / "chatbots" / "index.html").read_text("utf-8")


# -- the context's text, without a build --------------------------------------------------------------------------


def test_late_html_markers_have_the_shape_the_cache_looks_for():
    late = LateHtml("curriculum")
    marker = late.hold("<p>held</p>")
    assert LateHtml.MARKER.fullmatch(marker)
    assert late.release(f"<main>{marker}</main>") == "<main><p>held</p></main>"


@pytest.fixture(scope="module")
def templates(tmp_path_factory):
    folder = tmp_path_factory.mktemp("templates")
    (folder / "main.html").write_text(
        "{{ page.title }} {{ page.content }} {{ config.site_name }} {{ nav }} {{ extra_note }}", "utf-8"
    )
    return Templates([str(folder)])


def test_a_context_value_of_an_unknown_type_makes_the_page_uncacheable(templates):
    class Page:  # not MkDocs' Page: nothing says what a template could read from it
        pass

    with pytest.raises(Uncacheable, match="Page"):
        PageContext(templates).describe({"page": _page(), "extra_note": Page()}, "")


def test_context_keys_that_no_template_names_are_left_out_and_the_others_are_not(templates):
    context = PageContext(templates)
    base = {"page": _page(), "extra_note": "a", "build_date_utc": "2026-11-26 23:00"}
    text = context.describe(base, "<p>x</p>")
    assert context.describe({**base, "build_date_utc": "2026-11-27 01:00"}, "<p>x</p>") == text
    assert context.describe({**base, "extra_note": "b"}, "<p>x</p>") != text
    assert context.describe(base, "<p>y</p>") != text


def _page():
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File
    from mkdocs.structure.pages import Page

    config = MkDocsConfig()
    config.load_dict({"site_name": "Test", "docs_dir": os.getcwd()})
    file = File("a.md", "/docs", "/site", use_directory_urls=True)
    return Page("A", file, config)


def test_front_matter_is_written_once_and_again_as_soon_as_it_changes_in_place():
    import datetime as dt

    from markupsafe import Markup

    from smartshare.cache.context import Metas

    metas = Metas()
    meta = {"title": "A", "reviewed": dt.date(2026, 9, 15), "tags": ["x"], "note": Markup("<b>n</b>")}
    text = metas.text(meta)
    assert metas.text(meta) == text and len(metas._known) == 1  # dates and Markup are plain data: kept
    meta["tags"].append("y")  # the same object, changed deep inside
    assert metas.text(meta) != text
    meta["tags"].pop()
    assert metas.text(meta) == text
    meta["reviewed"] = "2026-09-15"  # a string where a date was: another value for a template
    assert metas.text(meta) != text
    meta["note"] = "<b>n</b>"  # equal to the Markup, but escaped when printed
    assert metas.text({**meta, "note": Markup("<b>n</b>")}) != metas.text(meta)


def test_front_matter_holding_an_object_is_written_out_on_every_use(templates):
    from smartshare.cache.context import Metas

    metas = Metas()
    page = _page()
    meta = {"page": page}  # a page in the front matter: not data a pickle can vouch for
    first = metas.text(meta)
    assert metas._known == {}
    page.file.url = "elsewhere/"  # `page.url` is read from its file: the text follows
    assert metas.text(meta) != first


def test_the_list_of_pages_is_written_once_and_again_as_soon_as_it_changes_in_place(tmp_path):
    from mkdocs.structure.files import File

    (tmp_path / "main.html").write_text("{{ page.title }}{% for p in pages %}{{ p.url }}{% endfor %}", "utf-8")
    context = PageContext(Templates([str(tmp_path)]))
    files = [File(f"{name}.md", "/docs", "/site", use_directory_urls=True) for name in "abc"]
    pages = list(files)  # MkDocs hands every page this same list
    text = context.describe({"page": _page(), "pages": pages}, "")
    assert context.describe({"page": _page(), "pages": pages}, "") == text
    assert context.describe({"page": _page(), "pages": list(files)}, "") == text  # another list of the same files
    pages[1] = File("b.md", "/docs", "/site", use_directory_urls=False)  # replaced in place: another URL
    assert context.describe({"page": _page(), "pages": pages}, "") != text
    pages[1] = files[1]
    assert context.describe({"page": _page(), "pages": pages}, "") == text
    pages.append(File("d.md", "/docs", "/site", use_directory_urls=True))
    assert context.describe({"page": _page(), "pages": pages}, "") != text
