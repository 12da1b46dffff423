"""Mentor sheets themed from a shell (mentor/shell.py) give the bytes the template's whole render gives, and any page
the shell cannot stand for is rendered whole: templates of the theme's shape, rendered both ways."""

from __future__ import annotations

import itertools
from types import SimpleNamespace

import jinja2
import pytest
from mkdocs.utils.templates import script_tag_filter, url_filter

import smartshare.mentor.shell as shell_module
from smartshare.mentor.shell import VERIFY, SheetShells

#: the theme's page in small: strings of the page escaped or not, relative URLs, a variable the template sets before
#: the navigation's block, the two blocks rendered for each sheet (with `super()`), what comes after them
BASE = """\
{%- set features = ["toc.follow"] -%}
<title>{{ page.meta.title }} - {{ config.site_name }}</title>
<link rel="canonical" href="{{ page.canonical_url }}">
{% if page.toc | first is defined %}<a href="{{ (page.toc | first).url | url }}">skip</a>{% endif %}
<link rel="stylesheet" href="{{ 'assets/main.css' | url }}"><a href="{{ 'mentor/' | url }}">area</a>
<h2>{{ (page.meta.title if page.meta and page.meta.title else page.title) | e }}</h2>
{% block site_nav %}<nav data-features="{{ features | join(',') }}">{% for item in nav %}
<a href="{{ item.url | url }}"{{ ' class="active"' if item == page }}>{{ item.title | e }}</a>{% endfor %}</nav>
{% endblock %}
{% block content %}{% if page.edit_url %}<a href="{{ page.edit_url }}">edit</a>{% endif %}{{ page.content }}{% endblock %}
<script src="{{ 'assets/bundle.js' | url }}"></script>{% block footer %}{% endblock %}
"""
SHEET = '{% extends "base.html" %}{% block content %}<article>{{ super() }}</article>{% endblock %}'
TITLES = ["Plain", "Fish & <chips>", "Quotes \"double\" 'single'", "Ünïcödé — ok", "a{{b}}%s\\x"]


def environment(**templates: str) -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.DictLoader({"base.html": BASE, "sheet.html": SHEET, **templates}))
    env.filters["url"] = url_filter
    return env


def sheet(folder: str, name: str, title: str, **changed) -> SimpleNamespace:
    url = f"mentor/{folder}/{name}/"
    page = SimpleNamespace(
        file=SimpleNamespace(src_uri=f"{folder}/{name}.mentor-sheet.md"),
        url=url,
        title=f"Sheet: {title}",
        meta={"title": f"Sheet: {title}", "template": "sheet.html", "search": {"exclude": True}},
        canonical_url=f"https://example.org/{url}",
        toc=[SimpleNamespace(url=f"#sheet-{name}", title=title, children=[])],
        edit_url=f"https://git.example.org/edit/main/{folder}/{name}.md",
        content=f"<h1>{title}</h1><p>{name}</p>",
        previous_page=None,
        next_page=None,
        is_homepage=False,
    )
    for key, value in changed.items():
        setattr(page, key, value)
    return page


CONFIG = SimpleNamespace(site_name="Learning & together")


def context(page, others, **extra) -> dict:
    depth = page.url.count("/")
    return {
        "config": CONFIG,
        "page": page,
        "nav": others,
        "base_url": "/".join([".."] * depth),
        "extra_css": ["../" * depth + "assets/site.css"],
        "build_date_utc": object(),  # a new one for every page, as without SOURCE_DATE_EPOCH
        **extra,
    }


def pages(count: int, folders=("track-a", "track-b")) -> list:
    titles = itertools.cycle(TITLES)
    return [sheet(folders[i % len(folders)], f"module-{i:02d}", f"{next(titles)} {i}") for i in range(count)]


def both_ways(env: jinja2.Environment, contexts: list[dict]) -> tuple[list[str], list[str], SheetShells]:
    """Each context rendered by the template as it is, then through the shells."""
    template = env.get_template("sheet.html")
    whole = [template.render(c) for c in contexts]
    shells = SheetShells()
    shells.wrap(template)
    return whole, [template.render(c) for c in contexts], shells


def test_sheets_of_a_folder_come_from_its_shell_with_the_bytes_of_the_whole_render():
    sheets = pages(24)
    whole, shelled, shells = both_ways(environment(), [context(p, sheets[:6]) for p in sheets])
    assert shelled == whole
    assert "Sheet: Fish &amp; &lt;chips&gt;" in whole[1] and "<title>Sheet: Fish & <chips>" in whole[1]
    assert 'data-features="toc.follow"' in whole[0] and "<article><a href=" in whole[0]
    assert (shells.filled, shells.compared, shells.differed, shells.whole) == (24 - 2 * VERIFY, 2 * VERIFY, [], [])
    assert len(shells.shells) == 2  # one per folder


def test_a_sheet_without_canonical_url_or_table_of_contents_has_a_shell_of_its_own():
    sheets = pages(8, folders=("t",))
    for page in sheets[4:]:
        page.canonical_url, page.toc = None, []
    whole, shelled, shells = both_ways(environment(), [context(p, sheets) for p in sheets])
    assert shelled == whole and len(shells.shells) == 2 and shells.filled == 8 - 2 * VERIFY


@pytest.mark.parametrize(
    "read",
    [
        "{{ page.file.src_uri }}",  # another attribute of the page
        "{{ page.meta.title | upper }}",  # a filter that changes the string filled in
        "{{ page.title | striptags }}",
        "{{ page.url }}",  # the page's own URL, not only links relative to it
        "{{ nav | length }}",  # the navigation outside its block
        "{{ build_date_utc }}",
        "{{ page.toc | length }}",
        "{{ page.content | length }}",  # the content and its edit link are strings of the shell too
        "{{ page.content | striptags }}",
        "{{ page.content[:12] }}",
        "{{ page.content.split() | first }}",
        "{{ page.edit_url | replace('edit', 'raw') }}",  # Material's "view source" action, renaming the sentinel
    ],
)
def test_a_template_reading_more_of_the_sheet_than_the_shell_fills_is_rendered_whole(read):
    footer = "{% block footer %}" + read + "{% endblock %}"
    env = environment(**{"sheet.html": SHEET.replace("{% block content %}", footer + "{% block content %}")})
    sheets = pages(6, folders=("t",))
    whole, shelled, shells = both_ways(env, [context(p, sheets) for p in sheets])
    assert shelled == whole
    assert shells.filled == 0 and shells.compared == 0 and len(shells.whole) == 6


def test_a_context_value_of_one_sheet_alone_has_that_sheet_rendered_whole():
    sheets = pages(6, folders=("t",))
    contexts = [context(p, sheets, banner="same") for p in sheets]
    contexts[4]["banner"] = "different"
    env = environment(**{"sheet.html": SHEET + "{% block footer %}{{ banner }}{% endblock %}"})
    whole, shelled, shells = both_ways(env, contexts)
    assert shelled == whole and shells.whole == ["t/module-04.mentor-sheet.md"] and shells.filled == 6 - VERIFY - 1


def test_front_matter_beyond_the_title_must_be_the_shells():
    sheets = pages(6, folders=("t",))
    sheets[5].meta = {**sheets[5].meta, "description": "Its own"}
    whole, shelled, shells = both_ways(environment(), [context(p, sheets) for p in sheets])
    assert shelled == whole and shells.whole == ["t/module-05.mentor-sheet.md"]


def test_a_sheet_with_a_previous_or_next_page_is_rendered_whole():
    sheets = pages(5, folders=("t",))
    sheets[4].next_page = sheets[0]
    whole, shelled, shells = both_ways(environment(), [context(p, sheets) for p in sheets])
    assert shelled == whole and shells.filled == 5 - VERIFY - 1 and shells.whole == ["t/module-04.mentor-sheet.md"]


def test_a_shell_that_differs_from_the_whole_render_is_never_used():
    counter = itertools.count()
    env = environment(**{"sheet.html": SHEET + "{% block footer %}{{ tick() }}{% endblock %}"})
    env.globals["tick"] = lambda: next(counter)  # output that changes from render to render
    sheets = pages(6, folders=("t",))
    template = env.get_template("sheet.html")
    shells = SheetShells()
    shells.wrap(template)
    shelled = [template.render(context(p, sheets)) for p in sheets]
    assert [html.rstrip().rsplit(">", 1)[1] for html in shelled] == ["1", "2", "3", "4", "5", "6"]
    assert shells.filled == 0 and shells.differed == ["t/module-00.mentor-sheet.md"]


def test_a_link_into_the_sheets_own_folder_is_checked_for_each_sheet():
    # the shell links from a stand-in name; the page's own folder is the one place where that gives another URL
    env = environment(**{"sheet.html": SHEET + "{% block footer %}{{ 'mentor/t/module-00/' | url }}{% endblock %}"})
    sheets = pages(6, folders=("t",))
    whole, shelled, shells = both_ways(env, [context(p, sheets) for p in sheets])
    assert shelled == whole and whole[0].endswith(">./") and whole[1].endswith(">../module-00/")
    assert shells.whole == ["t/module-00.mentor-sheet.md"] and shells.differed == [] and shells.filled == 5 - VERIFY


def test_a_folder_of_sheets_after_one_whose_shell_gave_the_whole_renders_bytes_is_not_compared_again():
    sheets = [*pages(5, folders=("t",)), *pages(5, folders=("u",))]  # one folder after the other, as MkDocs goes
    whole, shelled, shells = both_ways(environment(), [context(p, sheets[:5]) for p in sheets])
    assert shelled == whole and len(shells.shells) == 2
    assert (shells.filled, shells.compared, shells.whole) == (10 - VERIFY, VERIFY, [])


def test_a_link_to_a_sheet_of_a_folder_not_compared_is_checked_too():
    env = environment(**{"sheet.html": SHEET + "{% block footer %}{{ 'mentor/u/module-03/' | url }}{% endblock %}"})
    sheets = [*pages(5, folders=("t",)), *pages(5, folders=("u",))]
    whole, shelled, shells = both_ways(env, [context(p, sheets[:5]) for p in sheets])
    assert shelled == whole and whole[8].endswith(">./") and whole[9].endswith(">../module-03/")
    assert shells.compared == VERIFY and shells.whole == ["u/module-03.mentor-sheet.md"]


def test_a_shell_that_differs_has_the_next_folders_compared_again():
    counter = itertools.count()
    env = environment(**{"sheet.html": SHEET + "{% block footer %}{{ tick() }}{% endblock %}"})
    env.globals["tick"] = lambda: next(counter)
    sheets = [*pages(3, folders=("t",)), *pages(3, folders=("u",))]
    template = env.get_template("sheet.html")
    shells = SheetShells()
    shells.wrap(template)
    shelled = [template.render(context(p, sheets[:3])) for p in sheets]
    assert [html.rstrip().rsplit(">", 1)[1] for html in shelled] == ["1", "2", "3", "5", "6", "7"]
    assert shells.filled == 0 and shells.differed == ["t/module-00.mentor-sheet.md", "u/module-00.mentor-sheet.md"]


def test_the_content_and_edit_link_are_filled_in_escaped_where_the_template_escaped_them():
    meta = '{% block footer %}<meta content="{{ page.content | e }}" data-edit="{{ page.edit_url | e }}">{% endblock %}'
    sheets = pages(6, folders=("t",))
    sheets[3].content = '<h1>Fish & <chips></h1><p>"quoted"</p>'
    sheets[4].edit_url = "https://git.example.org/edit/main/t/a&b.md"
    whole, shelled, shells = both_ways(
        environment(**{"sheet.html": SHEET + meta}), [context(p, sheets) for p in sheets]
    )
    assert shelled == whole and 'content="&lt;h1&gt;Fish &amp; &lt;chips&gt;' in whole[3]
    assert shells.filled == 6 - VERIFY and shells.whole == []


#: Material's content partial in small: a heading of its own where the content has none, the edit and view actions
CONTENT = """{% extends "base.html" %}{% block content %}{% if "\u003ch1" not in page.content %}<h1>{{ page.title }}</h1>
{% endif %}{% if page.edit_url %}<a href="{{ page.edit_url }}">edit</a>{% if "/blob/" in page.edit_url %}blob
{% endif %}{% endif %}{{ page.content }}{% endblock %}"""


def test_what_the_template_asks_of_the_content_is_asked_of_each_sheets_own():
    sheets = pages(8, folders=("t",))
    sheets[4].content = "<p>No heading of its own</p>"  # the template adds one
    sheets[5].edit_url = sheets[5].edit_url.replace("/edit/", "/blob/")
    sheets[6].edit_url = ""  # no edit link, as with None, but of the shell's shape
    whole, shelled, shells = both_ways(environment(**{"sheet.html": CONTENT}), [context(p, sheets) for p in sheets])
    assert shelled == whole
    assert "<h1>Sheet: Plain 0</h1>" not in whole[0]
    assert "<h1>Sheet: " in whole[4] and "blob" in whole[5] and "edit</a>" not in whole[6]
    assert shells.whole == ["t/module-04.mentor-sheet.md", "t/module-05.mentor-sheet.md", "t/module-06.mentor-sheet.md"]
    assert shells.filled == 8 - VERIFY - 3


def test_a_sheet_without_edit_link_has_a_shell_of_its_own():
    sheets = pages(8, folders=("t",))
    for page in sheets[4:]:
        page.edit_url = None
    whole, shelled, shells = both_ways(environment(**{"sheet.html": CONTENT}), [context(p, sheets) for p in sheets])
    assert shelled == whole and len(shells.shells) == 2 and shells.filled == 8 - 2 * VERIFY


def made_shells(monkeypatch) -> list:
    """The shells made (each a render of the whole template with stand-ins), noted as they are made."""
    made: list = []
    make = shell_module._Shell.make.__func__

    def noted(cls, template, context):
        made.append(context["page"].file.src_uri)
        return make(cls, template, context)

    monkeypatch.setattr(shell_module._Shell, "make", classmethod(noted))
    return made


def test_a_later_folders_sheets_are_filled_from_the_first_folders_shell(monkeypatch):
    made = made_shells(monkeypatch)
    sheets = [*pages(5, folders=("t",)), *pages(5, folders=("u",)), *pages(5, folders=("v/w",))]
    whole, shelled, shells = both_ways(environment(), [context(p, sheets[:5]) for p in sheets])
    assert shelled == whole and shells.filled == 15 - 2 * VERIFY
    # the folder one level deeper links from elsewhere: a shell of its own (and its family's, compared)
    assert made == ["t/module-00.mentor-sheet.md", "v/w/module-00.mentor-sheet.md"]


def test_a_template_reading_the_pages_url_but_for_links_has_a_shell_for_each_folder(monkeypatch):
    made = made_shells(monkeypatch)
    footer = "{% block footer %}{{ 'first track' if '/t/' in page.url else 'another' }}{% endblock %}"
    sheets = [*pages(4, folders=("t",)), *pages(4, folders=("u",))]
    whole, shelled, shells = both_ways(
        environment(**{"sheet.html": SHEET + footer}), [context(p, sheets[:4]) for p in sheets]
    )
    assert shelled == whole and whole[0].endswith("first track") and whole[4].endswith("another")
    assert made == ["t/module-00.mentor-sheet.md", "u/module-00.mentor-sheet.md"] and shells.filled == 8 - VERIFY


def test_the_sites_scripts_linked_by_mkdocs_script_tag_filter_are_links_like_the_others(monkeypatch):
    made = made_shells(monkeypatch)
    env = environment(**{"sheet.html": SHEET + "{% block footer %}{{ 'assets/site.js' | script_tag }}{% endblock %}"})
    env.filters["script_tag"] = script_tag_filter
    sheets = [*pages(4, folders=("t",)), *pages(4, folders=("u",))]
    whole, shelled, shells = both_ways(env, [context(p, sheets[:4]) for p in sheets])
    assert shelled == whole and whole[5].endswith('<script src="../../../assets/site.js"></script>')
    assert made == ["t/module-00.mentor-sheet.md"] and shells.filled == 8 - VERIFY


def test_a_later_folder_whose_context_differs_from_the_first_folders_gets_a_shell_of_its_own(monkeypatch):
    made = made_shells(monkeypatch)
    env = environment(**{"sheet.html": SHEET + "{% block footer %}{{ banner }}{% endblock %}"})
    sheets = [*pages(4, folders=("t",)), *pages(4, folders=("u",))]
    contexts = [context(p, sheets[:4], banner=p.url.split("/")[1]) for p in sheets]  # a value of each track
    whole, shelled, shells = both_ways(env, contexts)
    assert shelled == whole and whole[0].endswith("t") and whole[4].endswith("u")
    assert made == ["t/module-00.mentor-sheet.md", "u/module-00.mentor-sheet.md"] and shells.whole == []
