"""The example curriculum is the showcase a new user sees first: it must build strictly, with no warning."""

import re
from pathlib import Path

import pytest

import examplesite

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def example_build(tmp_path_factory):
    """The strict build shared by every folder (tests/examplesite.py: once per run, without the PDF handouts,
    which tests/handouts builds), with its output."""
    build = examplesite.example_build(tmp_path_factory, "strict")
    return build, build.site


def test_example_site_builds_strictly_without_warnings(example_build):
    result, _ = example_build
    assert result.returncode == 0, result.stdout + result.stderr
    assert not [line for line in result.stderr.splitlines() if line.startswith(("WARNING", "ERROR"))]


def test_example_site_has_every_page_type(example_build):
    _, site = example_build
    for page in (
        "index.html",
        "ai/index.html",
        "ai/chatbots/index.html",
        "mentors/index.html",
        "tags/index.html",
        "reference/fields/index.html",
    ):
        assert (site / page).exists(), page
    catalogue = (site / "index.html").read_text()
    assert len(re.findall(r'class="smartshare-card smartshare-card--track"', catalogue)) >= 3


def test_example_curriculum_is_substantial():
    import datetime as dt

    from smartshare.core.loader import LoadOptions, load_curriculum

    # the date of the build in `example_build`: reviews age, the test must not
    curriculum, problems = load_curriculum(str(ROOT / "curricula"), LoadOptions(today=dt.date(2026, 11, 17)))
    # the translations wait for `languages` in mkdocs.yml: one notice says so, nothing else is reported
    assert [p.code for p in problems] == ["one-language-site"], [p.format() for p in problems]
    assert len(curriculum.tracks) >= 3 and len(curriculum.modules) >= 10
    assert len(curriculum.mentors) >= 3
    roles = " ".join(m.role.lower() for m in curriculum.mentors.values())
    assert "freelance" in roles and "internal" in roles
    for module in curriculum.modules.values():
        assert len(module.body.split()) >= 400, f"{module.id} is too short to teach anything"
