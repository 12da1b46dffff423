"""The fast path of `load_yaml` (values straight from the C parser's events) reads plain YAML exactly as the full
path does, values, positions and duplicate keys alike, and leaves every other document to the full path."""

from pathlib import Path

import pytest

from smartshare.core import yamlsource
from smartshare.core.frontmatter import split_front_matter
from smartshare.core.yamlsource import YamlSyntaxError, load_yaml

pytestmark = pytest.mark.skipif(yamlsource._Loader is yamlsource.yaml.SafeLoader, reason="PyYAML without libyaml")

REPO = Path(__file__).resolve().parents[2]

PLAIN = [
    "",
    "# only a comment\n",
    "---\n",
    "title: Chatbots\nduration: 60\nmentors: [amina-diallo, 'jo']\n",
    "a: 1\na: 2\nb:\n  c: 1\n  c: [x]\n",
    "yes: no\n~: null\n'': x\n2026-01-01: date key\n1: int key\n",
    "- id: s1\n  start: 2027-03-02 09:30\n  capacity: 12\n- id: s2\n  notes: |\n    two\n    lines\n",
    "reviewed: 2026-13-01\nratio: 1.5\ninf: .inf\nhex: 0x1F\nunder: 1_000\nempty:\nflow: {a, b: [c, {d: e}]}\n",
    "- - - - deep\n",
    '"quoted key": "value: with colon"\nfolded: >\n  a\n  b\n',
]

NOT_PLAIN = [
    "<<: {a: 1}\nb: 2\n",  # merge key
    "a: &x 1\nb: *x\n",  # anchor and alias
    "? [a, b]\n: c\n",  # a list as a key
    "a: !!str 1\n",  # explicit tag
    "a: ! x\n",
    "a: 1\n---\nb: 2\n",  # two documents
    "=: 3\n",
    "[" * 80 + "]" * 80,  # deeper than the fast path goes
]

ERRORS = [
    "a: 99999999999999999999999999\n",
    "a: !!bool maybe\n",
    "a: b: c\n",
    "a:\n\t- b\n",
    "a: [1, 2\nb: 3\n",
    "a: &x [1, *x]\n",
]


def full(text: str, offset: int = 0):
    return yamlsource._load_full(text, yamlsource._Locator(text, offset))


def fast(text: str, offset: int = 0):
    return yamlsource._load_plain(text, yamlsource._Locator(text, offset))


def same(a, b) -> None:
    assert (a.data, a.values, a.keys, a.duplicate_keys, a.start) == (
        b.data,
        b.values,
        b.keys,
        b.duplicate_keys,
        b.start,
    )
    assert [type(v) for v in _leaves(a.data)] == [type(v) for v in _leaves(b.data)]


def _leaves(value):
    if isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from _leaves(item)
    elif isinstance(value, list):
        for item in value:
            yield from _leaves(item)
    else:
        yield value


@pytest.mark.parametrize("text", PLAIN)
def test_plain_yaml_reads_the_same_on_both_paths(text):
    same(fast(text, 1), full(text, 1))
    same(load_yaml(text, 1), full(text, 1))


@pytest.mark.parametrize("text", NOT_PLAIN)
def test_other_yaml_is_left_to_the_full_path_and_reads_as_before(text):
    with pytest.raises(yamlsource._NotPlain):
        fast(text)
    try:
        expected = full(text)
    except YamlSyntaxError as error:
        with pytest.raises(YamlSyntaxError) as raised:
            load_yaml(text)
        assert (raised.value.message, raised.value.position) == (error.message, error.position)
    else:
        same(load_yaml(text), expected)


@pytest.mark.parametrize("text", ERRORS)
def test_malformed_yaml_gets_the_full_paths_problem(text):
    with pytest.raises(YamlSyntaxError) as expected:
        full(text)
    with pytest.raises(YamlSyntaxError) as raised:
        load_yaml(text)
    assert (raised.value.message, raised.value.position, raised.value.hint) == (
        expected.value.message,
        expected.value.position,
        expected.value.hint,
    )


def test_every_yaml_file_and_front_matter_of_the_example_reads_the_same_on_both_paths():
    checked = 0
    for path in sorted((REPO / "curricula").rglob("*")):
        if path.suffix in (".yml", ".yaml"):
            text, offset = path.read_text(encoding="utf-8"), 0
        elif path.suffix == ".md":
            text, offset = split_front_matter(path.read_text(encoding="utf-8")).yaml_text, 1
            if text is None:
                continue
        else:
            continue
        same(fast(text, offset), full(text, offset))
        checked += 1
    assert checked > 20


def data_only(text: str, offset: int = 0):
    return yamlsource._load_data(text, yamlsource._Locator(text, offset))


@pytest.mark.parametrize("text", PLAIN)
def test_values_read_without_positions_are_located_when_asked_where_the_full_path_locates_them(text):
    if full(text).duplicate_keys:  # `a` twice, or `yes` (True) and `1`: equal keys, reported with positions
        with pytest.raises(yamlsource._NotPlain):
            data_only(text, 1)
        return
    doc = data_only(text, 1)
    assert doc._values is None  # nothing located yet: most documents never need it
    same(doc, full(text, 1))


def test_a_document_with_a_duplicate_key_is_read_with_positions_to_report_it():
    text = "title: A\nsummary: B\ntitle: C\n"
    with pytest.raises(yamlsource._NotPlain):
        data_only(text)
    doc = load_yaml(text, 1)
    assert doc.duplicate_keys == [(("title",), yamlsource.Position(4, 1))]
    assert doc.key_at("title") == yamlsource.Position(4, 1)


def test_plain_integers_and_words_read_as_pyyaml_reads_them():
    text = "a: 0\nb: 010\nc: 12345678901234567890\nd: 1_000\ne: 90\nf: falsey\ng: False\nh: nothing\ni: Null\n"
    assert (
        load_yaml(text).data
        == full(text).data
        == {
            "a": 0,
            "b": 8,  # YAML 1.1: a leading 0 is octal
            "c": 12345678901234567890,
            "d": 1000,
            "e": 90,
            "f": "falsey",
            "g": False,
            "h": "nothing",
            "i": None,
        }
    )


def test_a_problem_in_a_front_matter_read_without_positions_points_at_its_line(tmp_path):
    from smartshare.core.loader import load_curriculum

    (tmp_path / "ai").mkdir()
    (tmp_path / "ai" / "track.yml").write_text("title: AI\nsummary: S\nmodules:\n  - chatbots\n  - chatbot\n")
    (tmp_path / "ai" / "chatbots.md").write_text(
        "---\ntitle: Chatbots\nsummary: S\nobjectives: [x]\nprerequisites:\n  - ai/chatbots\n  - ai/nope\n"
        "duration: 1h30\nlevel: expert\n---\nBody\n"
    )
    _, problems = load_curriculum(str(tmp_path))
    found = sorted((p.path, p.line, p.column, p.code) for p in problems)
    assert found == [
        ("ai/chatbots.md", 6, 5, "prerequisite-cycle"),
        ("ai/chatbots.md", 7, 5, "unknown-module"),
        ("ai/chatbots.md", 9, 8, "bad-value"),
        ("ai/track.yml", 5, 5, "unknown-module"),
    ]
