"""The README's examples are what the product does: its module, track and mentor files build, and the problems
it shows for two typos are the exact lines a build prints."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sitebuilder import build_site, module

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


def section(title: str) -> str:
    """The README's text under the heading `title`, up to the next heading (outside code blocks)."""
    lines = README.splitlines(keepends=True)
    start = lines.index(title + "\n") + 1
    fenced = False
    for end in range(start, len(lines)):
        fenced ^= lines[end].startswith("```")
        if not fenced and lines[end].startswith("#"):
            break
    return "".join(lines[start:end])


def blocks(text: str, language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", text, re.DOTALL)


WRITING = section("## Writing a module")
[MODULE] = blocks(WRITING, "markdown")
TRACK, MENTORS = blocks(WRITING, "yaml")
[EXPECTED] = blocks(section("### When something is wrong"), "text")


def readme_tree(chatbots: str) -> dict[str, str]:
    return {
        "mentors.yml": MENTORS,
        "ai/track.yml": TRACK,
        "ai/chatbots.md": chatbots,
        "ai/machine-learning-for-decision-makers.md": module("Machine learning for decision makers"),
    }


@pytest.fixture(scope="module")
def typo_build(tmp_path_factory):
    typos = MODULE.replace("mentors: [amina-diallo]", "mentors: [amina-dialo]").replace("duration:", "duraton:")
    assert typos.count("amina-dialo") == 1 and typos.count("duraton:") == 1
    return build_site(tmp_path_factory.mktemp("readme-typos"), readme_tree(typos))


def test_the_readme_example_module_builds_strictly(tmp_path):
    result = build_site(tmp_path, readme_tree(MODULE), strict=True)
    assert (result.returncode, result.warnings) == (0, [])


def test_the_problems_the_readme_shows_are_the_lines_a_build_prints(typo_build):
    shown = [line for line in EXPECTED.splitlines() if line.strip()]
    assert typo_build.returncode == 1
    assert shown[-1] == "Aborted with a BuildError!" and shown[-1] in typo_build.output.splitlines()  # by MkDocs
    assert typo_build.warnings == shown[:-1]
