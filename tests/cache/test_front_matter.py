"""smartshare/cache and front matter (cache/frontmatter.py): a page's source split as MkDocs' `get_data` splits it,
from the cache when an earlier build split the same text, never from an item that is not plain values."""

from __future__ import annotations

import base64
import datetime as dt
import pickle

import pytest
from mkdocs.utils import meta

from smartshare.cache.frontmatter import FrontMatter
from smartshare.cache.store import CacheStore

SOURCES = {
    "dates and lists": "---\ntitle: Chatbots\nreviewed: 2026-09-15\nmentors: [amina-diallo]\n---\n\n# Chatbots\n",
    "a time with its offset": "---\nstarts: 2030-01-15 09:30:00+01:00\ncount: 3\nshare: 0.5\n---\nText\n",
    "keys that are numbers, sets, nulls": "---\n1: one\ntags: !!set {a, b}\nnothing: ~\nyes: true\n---\nText\n",
    "an anchor and its alias": "---\nfirst: &kit [a, b]\nsecond: *kit\n---\nText\n",
    "blank lines after the front matter": "---\ntitle: Spaced\n---\n\n\n\nText after blank lines\n",
    "Windows line ends": "---\r\ntitle: Windows\r\n---\r\nText\r\n",
    "no front matter": "# Only a heading\n\nText\n",
    "MultiMarkdown meta": "Title: Old style\nAuthor: Someone\n\nText\n",
    "YAML that is not a mapping": "---\n- a\n- b\n---\nText\n",
    "YAML that does not parse": "---\ntitle: [unclosed\n---\nText\n",
    "an empty front matter": "---\n---\nText\n",
}


def _typed(value):
    """A value with the type of every part written out: equal values of other types (a date and its text, 1 and
    '1', True and 1) compare different."""
    if isinstance(value, dict):
        return ("dict", sorted(((_typed(k), _typed(v)) for k, v in value.items()), key=repr))
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [_typed(v) for v in value]
        return (type(value).__name__, sorted(items, key=repr) if isinstance(value, (set, frozenset)) else items)
    return (type(value).__name__, repr(value))


def _store(folder) -> CacheStore:
    return CacheStore(folder, lambda path, reason: None)


def _builds(folder, sources):
    """Two builds in a row, each with a `FrontMatter` of its own over the same cache folder: what each gave."""
    results = []
    for _ in range(2):
        front = FrontMatter(_store(folder))
        results.append(([front.split(source) for source in sources], front.hits, front.parsed))
    return results


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_each_source_is_split_as_mkdocs_splits_it_in_both_builds(tmp_path, name):
    source = SOURCES[name]
    markdown, values = meta.get_data(source)
    (first, _, _), (second, _, _) = _builds(tmp_path, [source])
    for found_markdown, found_values in (first[0], second[0]):
        assert found_markdown == markdown
        assert _typed(found_values) == _typed(values)


def test_the_second_build_parses_only_the_sources_with_front_matter_it_has_not_seen(tmp_path):
    sources = list(SOURCES.values())
    (_, hits, parsed), (_, hits_again, parsed_again) = _builds(tmp_path, sources)
    # kept: the front matters that parse to a non-empty mapping (the first five, and the MultiMarkdown meta)
    assert (hits, parsed) == (0, len(sources))
    assert (hits_again, parsed_again) == (6, len(sources) - 6)
    assert isinstance(FrontMatter(_store(tmp_path)).split(SOURCES["dates and lists"])[1]["reviewed"], dt.date)


def test_a_changed_source_is_parsed_again(tmp_path):
    _builds(tmp_path, [SOURCES["dates and lists"]])
    front = FrontMatter(_store(tmp_path))
    changed = SOURCES["dates and lists"].replace("2026-09-15", "2027-01-02")
    assert front.split(changed)[1]["reviewed"] == dt.date(2027, 1, 2)
    assert (front.hits, front.parsed) == (0, 1)
    # and a change of the text after the front matter alone: the Markdown is the new one
    edited = SOURCES["dates and lists"] + "One more sentence.\n"
    assert front.split(edited) == meta.get_data(edited)
    assert (front.hits, front.parsed) == (0, 2)


def test_every_use_gets_values_of_its_own(tmp_path):
    _builds(tmp_path, [SOURCES["an anchor and its alias"]])
    front = FrontMatter(_store(tmp_path))
    values = front.split(SOURCES["an anchor and its alias"])[1]
    values["first"].append("changed by a plugin")
    values["title"] = "set by a plugin"
    again = front.split(SOURCES["an anchor and its alias"])[1]
    assert again == {"first": ["a", "b"], "second": ["a", "b"]}
    assert again["first"] is again["second"]  # the alias is the same list, as PyYAML makes it
    assert front.hits == 2


def _encoded(value) -> str:
    return base64.b64encode(pickle.dumps(value)).decode()


class _Call:
    """An item naming a function, which unpickling would call: here one that makes a mapping, which an item without
    the check would give as the page's front matter."""

    def __reduce__(self):
        return (dict, ([("title", "made by a call")],))


@pytest.mark.parametrize(
    "item",
    [
        pytest.param(lambda values: (0, _encoded(_Call())), id="a pickle naming a function"),
        pytest.param(lambda values: (0, "not base64!"), id="not base64"),
        pytest.param(lambda values: (0, base64.b64encode(b"not a pickle").decode()), id="not a pickle"),
        pytest.param(lambda values: (0, _encoded(["a list"])), id="not a mapping"),
        pytest.param(lambda values: (10_000, _encoded(values)), id="past the end"),
        pytest.param(lambda values: ("0", _encoded(values)), id="a start as text"),
        pytest.param(lambda values: (0, values), id="values not pickled"),
    ],
)
def test_an_item_that_is_not_plain_values_is_not_read_and_the_source_is_parsed(tmp_path, item):
    source = SOURCES["dates and lists"]
    front = FrontMatter(_store(tmp_path))
    start, values = item(meta.get_data(source)[1])
    front.store.save(front.key(source), {"start": start, "values": values})
    assert front.split(source) == meta.get_data(source)
    assert front.parsed == 1


# -- values the start-up check read already (`known`) ---------------------------------------------------------


def test_a_front_matter_the_check_read_is_taken_from_it_once_and_the_markdown_cut_as_mkdocs_cuts_it():
    source = "---\ntitle: Chatbots\nreviewed: 2026-09-15\n---\n\n# Chatbots\n"
    marker = {"title": "as the check read it"}  # not what parsing gives: proves where the values came from
    known = {"title: Chatbots\nreviewed: 2026-09-15\n": marker}
    front = FrontMatter(None, lambda yaml_text: known.pop(yaml_text, None))
    assert front.split(source) == ("# Chatbots\n", marker)
    assert front.split(source) == meta.get_data(source)  # given once: the second page with it parses it
    assert (front.taken, front.parsed) == (1, 2)


def test_a_front_matter_the_check_did_not_read_is_parsed():
    front = FrontMatter(None, lambda yaml_text: None)
    for name in sorted(SOURCES):
        assert _typed(front.split(SOURCES[name])) == _typed(meta.get_data(SOURCES[name])), name
    assert front.taken == 0


def test_values_read_by_another_loader_than_mkdocs_are_not_asked_for(monkeypatch):
    import yaml

    asked = []
    monkeypatch.setattr(meta, "SafeLoader", yaml.SafeLoader)  # MkDocs without libyaml: another reader than the check's
    front = FrontMatter(None, lambda yaml_text: asked.append(yaml_text) or {"title": "x"})
    source = SOURCES["dates and lists"]
    assert front.split(source) == meta.get_data(source)
    assert asked == [] and front.taken == 0


def test_each_module_page_takes_the_front_matter_the_start_up_check_read(tmp_path):
    """The whole hand-over: the loader's values, through the curriculum's surface, to the pages' front matter."""
    from smartshare.core.loader import LoadOptions, load_curriculum
    from smartshare.curriculum.surface import CurriculumSurface

    (tmp_path / "ai").mkdir()
    (tmp_path / "ai" / "track.yml").write_text("title: AI\nmodules: [one, two]\n")
    sources = {
        "one": "---\ntitle: One\nsummary: S\nreviewed: 2026-09-15\nobjectives: [a, b]\nduration: 45\n---\n\nBody\n",
        "two": "---\ntitle: Two\nsummary: S\n2026-01-01: a date as a key\n---\nBody\n",
    }
    for slug, source in sources.items():
        (tmp_path / "ai" / f"{slug}.md").write_text(source)
    options = LoadOptions(front_matters={})
    curriculum, _ = load_curriculum(str(tmp_path), options)
    surface = CurriculumSurface()
    surface.start_build(curriculum, 90, options.front_matters)
    front = FrontMatter(None, surface.take_front_matter)
    for source in sources.values():
        markdown, values = front.split(source)
        assert _typed((markdown, values)) == _typed(meta.get_data(source))
        values.get("objectives", []).append("changed by a plugin")
    assert front.taken == 1  # the date key: read by the loader as text, so parsed again here
    assert curriculum.modules["ai/one"].objectives == ["a", "b"]
