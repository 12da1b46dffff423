"""An area page's front matter reads back, through MkDocs' own reader, as the title and keys it was written from."""

from __future__ import annotations

import random

import pytest
import yaml
from mkdocs.utils.meta import get_data

from smartshare.mentor import area
from smartshare.mentor.area import PAGE_TEMPLATE, SHEET_TEMPLATE

#: YAML's indicators and quotes, tabs and line breaks, characters PyYAML's two emitters escape differently (a line
#: separator, NEL, a byte order mark, a bell, emoji), accented and CJK text
ALPHABET = "abc XYZ09 :#-'\"!&*?|>%@`,[]{}\\\té€数😀\u00a0\u2028\x85\ufeff\x07\n\r"
ORDINARY = ["Mentor sheet: Chatbots for managers", "Fiche mentor : Données & pratique — partie 2", "导师笔记：数据实践"]


@pytest.mark.parametrize("seed", range(3))
def test_a_page_reads_back_its_title_and_its_template(seed):
    rng = random.Random(seed)
    for _ in range(1500):
        size = rng.choice([*range(0, 20), rng.randint(20, 300)])
        title = rng.choice(["", "Mentor sheet: ", "yes", "1.5", "~", "- "]) + "".join(
            rng.choice(ALPHABET) for _ in range(size)
        )
        template = rng.choice([PAGE_TEMPLATE, SHEET_TEMPLATE])
        body, meta = get_data(area._page(title, "# Body\n", template))
        assert meta == {"title": title, "template": template, "search": {"exclude": True}}, repr(title)
        assert body == "# Body\n"


def test_an_ordinary_title_is_written_as_the_python_emitter_writes_it():
    for title in [*ORDINARY, "Mentor sheet: " + "word " * 30]:  # a title folded at YAML's width too
        expected = yaml.safe_dump({"title": title}, allow_unicode=True)
        assert area._page(title, "").startswith("---\n" + expected + "template: ")
