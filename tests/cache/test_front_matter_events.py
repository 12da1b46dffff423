"""cache/frontmatter.py, a source the cache has not seen: its YAML read from the parser's events (`plain_values`)
gives what MkDocs' `get_data` (PyYAML's `load`) gives, value for value and type for type, and YAML of any other kind is
left to `get_data`."""

from __future__ import annotations

import datetime as dt
import pickle
import random

import pytest
import yaml
from mkdocs.utils import meta

from smartshare.cache import frontmatter
from smartshare.cache.frontmatter import FrontMatter, get_data, plain_values

#: plain scalars of every kind PyYAML's resolver knows, written as authors write them (and as they mistype them)
SCALARS = [
    "text",
    "Text with: a colon",
    "yes",
    "No",
    "ON",
    "off",
    "true",
    "False",
    "y",
    "n",
    "~",
    "null",
    "Null",
    "",
    "0",
    "7",
    "-3",
    "+5",
    "017",
    "0o17",
    "0x1F",
    "0b101",
    "1_000",
    "1:30",
    "190:20:30",
    "12345678901234567890123",
    "0.5",
    ".5",
    "1e3",
    "-1.5e-3",
    "6.8523015e+5",
    ".inf",
    "-.Inf",
    ".NaN",
    "1_000.5",
    "1:30.5",
    "2026-09-15",
    "2026-9-5",
    "2030-01-15 09:30:00+01:00",
    "2030-01-15T09:30:00Z",
    "2030-01-15t09:30:00.25-05:30",
    "2026-13-01",
    "2026-02-30",
    "09:30",
    "1.2.3",
    "é à ü",
    "中文",
    "=",
    "<<",
    "'quoted'",
    '"double \\u00e9"',
    "'it''s'",
    '"\\x41\\t"',
    "[a, 1, yes]",
    "{a: 1, b: [2, 3]}",
    "[]",
    "{}",
    "|\n  block\n  text\n",
    ">-\n  folded\n  text\n",
]
KEYS = ["title", "1", "2", "true", "yes", "2026-01-01", "0.5", "~", "'quoted key'", "mentors", "title", "x"]


def _scalar(rng: random.Random) -> str:
    return rng.choice(SCALARS)


def _block(rng: random.Random, indent: int, depth: int) -> str:
    """A random mapping or list in block style, `indent` spaces in."""
    pad = " " * indent
    lines = []
    if rng.random() < 0.7 or depth == 0:
        for _ in range(rng.randint(1, 5)):
            key = rng.choice(KEYS)
            if depth < 3 and rng.random() < 0.3:
                lines.append(f"{pad}{key}:\n{_block(rng, indent + 2, depth + 1)}")
            else:
                value = _scalar(rng)
                value = value.replace("\n  ", "\n" + pad + "  ") if value[:1] in "|>" else value
                lines.append(f"{pad}{key}: {value}".rstrip() if value[:1] not in "|>" else f"{pad}{key}: {value}")
    else:
        for _ in range(rng.randint(1, 4)):
            if depth < 3 and rng.random() < 0.3:
                lines.append(f"{pad}-\n{_block(rng, indent + 2, depth + 1)}")
            else:
                value = _scalar(rng)
                value = value.replace("\n  ", "\n" + pad + "  ") if value[:1] in "|>" else value
                lines.append(f"{pad}- {value}".rstrip())
    return "\n".join(line.rstrip("\n") for line in lines) + "\n"


def _same(source: str) -> None:
    expected, found = meta.get_data(source), get_data(source)
    # pickled: types, order, equal values of other types (1 and True), NaN, and which lists are the same list
    assert pickle.dumps(found) == pickle.dumps(expected), source


def test_random_front_matter_is_split_as_get_data_splits_it():
    rng = random.Random(20261128)
    read_from_events = 0
    for _ in range(1000):
        yaml_text = _block(rng, 0, 0)
        source = f"---\n{yaml_text}---\n\n# Page\n\nText\n"
        _same(source)
        read_from_events += plain_values(yaml_text) is not None
    # most are plain and read from the events; the rest (syntax errors, bad dates) were left to `get_data`
    assert read_from_events > 500


@pytest.mark.parametrize(
    "yaml_text",
    [
        "title: Chatbots\nreviewed: 2026-09-15\nmentors: [amina-diallo]\n",
        "starts: 2030-01-15 09:30:00+01:00\ncount: 3\nshare: 0.5\nnothing: ~\nempty:\n",
        "1: one\ntrue: yes\n2026-01-01: a date as a key\n0.5: half\n~: none\n",
        "title: first\ntitle: second\n1: one\ntrue: the same key as 1\n",
        "session:\n  run_sheet:\n  - step: Explain\n    minutes: 10\n  - {step: Write, minutes: 017}\n",
        "text: |\n  a block\n  of text\nfolded: >\n  folded\n  text\n",
        "big: 123456789012345678901234567890\nhex: 0x1F\nsexagesimal: 1:30\nfloat: 1_000.5\nnan: .nan\n",
        "title: 'it''s' # a comment\n# a line of comment\nlang: \"fr\"\n",
        "é: à\n中文: 学习目标\n",
        "list:\n- - nested\n  - lists\n- {a: [1, {b: c}]}\n",
    ],
)
def test_plain_front_matter_is_read_from_the_events_as_load_reads_it(yaml_text):
    assert plain_values(yaml_text) is not None
    assert pickle.dumps(plain_values(yaml_text)) == pickle.dumps(yaml.load(yaml_text, meta.SafeLoader))
    _same(f"---\n{yaml_text}---\n\n\nText\n")


@pytest.mark.parametrize(
    "yaml_text",
    [
        "first: &kit [a, b]\nsecond: *kit\n",  # an alias: the same list twice
        "tags: !!set {a, b}\n",  # a tag
        "count: !!str 5\n",
        "base: &b {a: 1}\nother:\n  <<: *b\n  c: 2\n",  # a merge key
        "=: value key\n",
        "? [a, b]\n: a list as a key\n",
        "? {a: 1}\n: a mapping as a key\n",
        "reviewed: 2026-13-01\n",  # a date that is none: `load` raises, `get_data` gives no values
        "title: [unclosed\n",  # a syntax error
        "- a\n- b\n",  # no mapping
        "just text\n",
        "a: 1\n---\nb: 2\n",  # two documents
        "\n",  # no document
        "x: " + "[" * 100 + "]" * 100 + "\n",  # nested deeper than the events are read
    ],
)
def test_other_yaml_is_left_to_get_data(yaml_text):
    assert plain_values(yaml_text) is None
    _same(f"---\n{yaml_text}---\nText\n")


@pytest.mark.parametrize(
    "source",
    [
        "# No front matter\n",
        "Title: MultiMarkdown\n\nText\n",
        "---\r\ntitle: Windows\r\n---\r\nText\r\n",
        "---\n---\nx\n",
    ],
)
def test_sources_without_yaml_front_matter_are_split_by_get_data(source):
    _same(source)


def test_a_loader_with_a_constructor_of_its_own_is_left_to_load(monkeypatch):
    class Loader(meta.SafeLoader):
        pass

    Loader.add_constructor("tag:yaml.org,2002:str", lambda loader, node: node.value.upper())
    monkeypatch.setattr(meta, "SafeLoader", Loader)
    assert plain_values("title: chatbots\n") is None
    assert get_data("---\ntitle: chatbots\n---\nText\n") == ("Text\n", {"TITLE": "CHATBOTS"})


def test_a_build_without_the_cache_reads_plain_front_matter_from_the_events(monkeypatch):
    loads = []
    monkeypatch.setattr(frontmatter.mkdocs_meta, "get_data", lambda source: loads.append(source) or ("", {}))
    front = FrontMatter(None)
    markdown, values = front.split("---\ntitle: Chatbots\nreviewed: 2026-09-15\n---\n\n# Chatbots\n")
    assert (markdown, values) == ("# Chatbots\n", {"title": "Chatbots", "reviewed": dt.date(2026, 9, 15)})
    assert loads == [] and front.parsed == 1
    front.split("---\nfirst: &a [1]\nsecond: *a\n---\nText\n")
    assert len(loads) == 1  # an alias: left to `get_data`
