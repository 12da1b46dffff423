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
    return build, build.default  # the default language's site (en/); the others are tests/integration/ below


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
    # the translations are read with `languages` (mkdocs.yml): without it, one notice says they are not published
    assert [p.code for p in problems] == ["one-language-site"], [p.format() for p in problems]
    assert len(curriculum.tracks) >= 3 and len(curriculum.modules) >= 10
    assert len(curriculum.mentors) >= 3
    roles = " ".join(m.role.lower() for m in curriculum.mentors.values())
    assert "freelance" in roles and "internal" in roles
    for module in curriculum.modules.values():
        assert len(module.body.split()) >= 400, f"{module.id} is too short to teach anything"


def test_the_example_is_published_in_english_french_and_chinese(example_build):
    """mkdocs.yml lists `languages: [en, fr, zh]`: the root chooses among three sites, each in its language, the
    French translations and the Chinese chatbots module read from their own files, and nothing but notices said."""
    result, site = example_build
    root = site.parent
    assert sorted(p.name for p in root.iterdir() if p.is_dir()) == ["en", "fr", "zh"]
    chooser = (root / "index.html").read_text(encoding="utf-8")
    assert all(f'href="{code}/"' in chooser for code in ("en", "fr", "zh"))
    for code, title in (("en", "Chatbots for managers"), ("zh", "管理者的聊天机器人课")):
        page = (root / code / "ai" / "chatbots" / "index.html").read_text(encoding="utf-8")
        assert f'<html lang="{code}"' in page and title in page, code
    french = (root / "fr" / "mentoring" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="fr"' in french and "smartshare-untranslated" not in french
    stale = (root / "fr" / "marketing" / "social-ads" / "index.html").read_text(encoding="utf-8")
    assert "smartshare-stale-translation" in stale
    notices = [line for line in result.stderr.splitlines() if line.startswith("INFO") and "info [" in line]
    assert any("[stale-translation]" in line for line in notices)
    assert not [line for line in notices if "[one-language-site]" in line]


def test_french_pages_take_glossary_meanings_from_glossary_fr_yml(example_build):
    _, site = example_build
    root = site.parent
    french = (root / "fr" / "marketing" / "measuring-campaigns" / "index.html").read_text(encoding="utf-8")
    # glossary.fr.yml says "balises"; glossary.yml's own `fr:` meaning says "étiquettes"
    assert 'title="Urchin Tracking Module — balises ajoutées à un lien' in french
    assert "étiquettes ajoutées" not in french
    english = (site / "marketing" / "measuring-campaigns" / "index.html").read_text(encoding="utf-8")
    assert 'title="Urchin Tracking Module — tags added to a link' in english
    glossary = (root / "fr" / "glossary" / "index.html").read_text(encoding="utf-8")
    assert "balises ajoutées à un lien" in glossary
