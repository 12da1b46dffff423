"""`yamlsource.exact_values`: the values of a document read by the fast path are handed on only when they are exactly
what `yaml.load(text, CSafeLoader)` makes, type for type (the build's pages take a module's front matter from the
start-up check, `cache.frontmatter`); the loader's own readings that differ (a date key made text, a date that is no
date kept as text) are never handed on, whatever was read before in the process."""

from __future__ import annotations

import random

import pytest
import yaml

from smartshare.cache.frontmatter import plain_values
from smartshare.core import yamlsource
from smartshare.core.loader import LoadOptions, load_curriculum
from smartshare.core.yamlsource import exact_values, load_yaml, reads_like

pytestmark = pytest.mark.skipif(yamlsource._Loader is yaml.SafeLoader, reason="PyYAML without libyaml")

KEYS = ["title", "'quoted key'", "2026-01-01", "1", "1.5", "yes", "~", "null", "0x1F", "2026-13-01", "a b", "é"]
VALUES = [
    "Chatbots",
    "60",
    "007",
    "0x1F",
    "1_000",
    "-3",
    "1.5",
    ".inf",
    "yes",
    "No",
    "null",
    "~",
    "",
    "2026-02-03",
    "2026-13-01",
    "2026-02-03 10:00",
    "2026-02-03T10:00:00+01:00",
    "'2026-02-03'",
    '"a: b"',
    "[a, 2, 2026-02-03]",
    "{x: 1, 2026-01-01: y}",
    "|\n  two\n  lines",
    "99999999999999999999999999",
]


def _typed(value):
    """A value with the type of every part written out (a date and its text, 1 and True compare different)."""
    if isinstance(value, dict):
        return ("dict", [(_typed(k), _typed(v)) for k, v in value.items()])
    if isinstance(value, list):
        return ("list", [_typed(v) for v in value])
    return (type(value).__name__, repr(value))


def _random_document(rng: random.Random) -> str:
    lines = []
    for _ in range(rng.randint(1, 6)):
        key, value = rng.choice(KEYS), rng.choice(VALUES)
        if rng.random() < 0.2:
            items = [f"  - {rng.choice(VALUES[:19])}" for _ in range(rng.randint(1, 3))]
            lines.append(f"{key}:\n" + "\n".join(items))
        elif rng.random() < 0.2:
            lines.append(f"{key}:\n  {rng.choice(KEYS)}: {rng.choice(VALUES[:19])}")
        else:
            lines.append(f"{key}: {value}")
    return "\n".join(lines) + "\n"


def _exact(text: str):
    try:
        doc = load_yaml(text, 1)
    except yamlsource.YamlSyntaxError:
        return None
    return exact_values(doc)


@pytest.mark.parametrize("seed", range(4))
def test_values_handed_on_are_what_pyyaml_and_the_builds_reader_make_of_the_text(seed):
    rng = random.Random(seed)
    handed = withheld = 0
    for _ in range(500):
        text = _random_document(rng)
        values = _exact(text)
        if values is None:
            withheld += 1
            continue
        handed += 1
        assert _typed(values) == _typed(yaml.load(text, yamlsource._Loader)), text
        assert _typed(values) == _typed(plain_values(text)), text
    assert handed > 100 and withheld > 100  # both kinds of documents were met


@pytest.mark.parametrize(
    "text",
    [
        "2026-01-01: a date as a key\n",  # the loader keys by its text; `load` by the date
        "reviewed: 2026-13-01\n",  # no date: the loader keeps the text, `load` refuses it
        "a: 1\na: 2\n",  # a duplicate key: `load` keeps the last value
        "a: &x 1\nb: *x\n",  # the full path
    ],
)
def test_values_read_otherwise_than_pyyaml_reads_them_are_not_handed_on(text):
    assert _exact(text) is None


def test_a_key_made_text_is_withheld_every_time_it_is_read_not_only_the_first():
    """Keys are remembered across documents: one made text must not come back as if read as `load` reads it."""
    for _ in range(3):
        assert _exact("2026-01-02: x\n") is None
        assert _exact("title: x\n2026-01-02: y\n") is None
    assert _exact("title: x\n") == {"title": "x"}


def test_values_handed_on_are_a_copy_of_the_documents():
    doc = load_yaml("title: x\nmentors: [a, b]\nkit: {room: 1}\n", 1)
    values = exact_values(doc)
    values["mentors"].append("c")
    values["kit"]["room"] = 2
    assert doc.data == {"title": "x", "mentors": ["a", "b"], "kit": {"room": 1}}


def test_only_the_fast_paths_own_loader_and_resolvers_read_like_it():
    assert reads_like(yamlsource._Loader)
    assert not reads_like(yaml.SafeLoader)

    class Other(yamlsource._Loader):  # a loader another plugin taught a resolver of its own
        pass

    Other.add_implicit_resolver("tag:example.org,2026:x", yamlsource.re.compile("x"), ["x"])
    assert not reads_like(Other)


def test_the_loader_hands_on_each_module_front_matter_read_as_pyyaml_reads_it(tmp_path):
    (tmp_path / "ai").mkdir()
    (tmp_path / "ai" / "track.yml").write_text("title: AI\nmodules: [plain, dated]\n")
    plain = "title: Plain\nsummary: S\nreviewed: 2026-09-15\nobjectives: [Learn]\n"
    dated = "title: Dated\nsummary: S\n2026-01-01: a date as a key\n"
    (tmp_path / "ai" / "plain.md").write_text(f"---\n{plain}---\n\nBody\n")
    (tmp_path / "ai" / "dated.md").write_text(f"---\n{dated}---\n\nBody\n")
    front_matters: dict = {}
    curriculum, _ = load_curriculum(str(tmp_path), LoadOptions(front_matters=front_matters))
    assert list(front_matters) == [plain]
    assert _typed(front_matters[plain]) == _typed(yaml.load(plain, yamlsource._Loader))
    front_matters[plain]["objectives"].append("changed by a page")  # a copy of its own
    assert curriculum.modules["ai/plain"].objectives == ["Learn"]
