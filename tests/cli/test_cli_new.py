"""`smartshare new`: files from the schema that pass `check` at once, and nothing ever overwritten."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from smartshare.core.frontmatter import split_front_matter
from smartshare.core.schema import MODULE, TRACK

CLEAN_4 = "No problems in 4 modules, 2 tracks.\n"


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def front_matter(path: Path) -> dict:
    return yaml.safe_load(split_front_matter(read(path)).yaml_text)


def test_new_module_then_check_passes_strict(site, run):
    track = site / "curricula/ai/track.yml"
    track.write_text(
        "# AI track\ntitle: AI for managers   # shown in the nav\nsummary: Use AI.\nmodules:\n  - chatbots   # start here\n  - machine-learning\norder: 10\n",
        encoding="utf-8",
    )
    result = run("new", "module", "ai", "prompt-basics", "--title", "Prompt basics", "--mentor", "amina-diallo")
    assert (result.code, result.err) == (0, "")
    assert result.out == (
        "Created curricula/ai/prompt-basics.md\n"
        "Added 'prompt-basics' to the modules of curricula/ai/track.yml\n"
        "Next: write the module, set 'status: published', then run 'smartshare check'.\n"
    )
    # the author's comments and layout survive: one line added, nothing else touched
    assert read(track) == (
        "# AI track\ntitle: AI for managers   # shown in the nav\nsummary: Use AI.\nmodules:\n  - chatbots   # start here\n"
        "  - machine-learning\n  - prompt-basics\norder: 10\n"
    )
    check = run("check", "--strict")
    assert (check.code, check.out) == (0, CLEAN_4)


def test_a_new_module_has_every_field_described_and_a_valid_self_check(site, run):
    run(
        "new",
        "module",
        "ai",
        "prompt-basics",
        "--title",
        "Prompt basics: a start",
        "--mentor",
        "leo-martin",
        "--publish",
    )
    path = site / "curricula/ai/prompt-basics.md"
    text = read(path)
    for spec in MODULE.fields:
        assert spec.description[:30] in text
        assert f"\n{spec.name}:" in text or f"\n# {spec.name}:" in text
    assert front_matter(path) == {
        "title": "Prompt basics: a start",
        "summary": "Replace with one sentence saying what the learner gets.",
        "mentors": ["leo-martin"],
        "objectives": ["Replace with what the learner can do afterwards, one outcome per line"],
        "reviewed": __import__("datetime").date(2026, 9, 21),
        "status": "published",
    }
    assert "\n## Self-check\n\n/// quiz\n" in text
    stats = run("stats", "--format", "json").out
    assert '"id": "ai/prompt-basics"' in stats and '"questions": 1,' in stats


def test_a_new_module_is_a_draft_and_its_placeholders_are_warnings_once_published(site, run):
    assert run("new", "module", "ai", "prompt-basics").code == 0
    path = site / "curricula/ai/prompt-basics.md"
    assert front_matter(path)["status"] == "draft"
    assert run("check", "--strict").out == CLEAN_4  # a draft is left out of the site: nothing of it is shown
    path.write_text(read(path).replace("status: draft", "status: published"), encoding="utf-8")
    check = run("check", "--strict")
    lines = read(path).splitlines()
    summary = lines.index("summary: Replace with one sentence saying what the learner gets.") + 1
    objective = lines.index("  - Replace with what the learner can do afterwards, one outcome per line") + 1
    introduction = next(i for i, line in enumerate(lines, 1) if line.startswith("Replace this paragraph"))
    question = next(i for i, line in enumerate(lines, 1) if line.startswith("Replace this question"))
    warning = (
        "warning [placeholder] placeholder text of 'smartshare new' in a published module — "
        "replace it with the module's own text, or set 'status: draft' until it is written"
    )
    assert check.code == 1
    assert check.out == (
        f"curricula/ai/prompt-basics.md:{summary}:10: {warning}\n"
        f"curricula/ai/prompt-basics.md:{objective}:5: {warning}\n"
        f"curricula/ai/prompt-basics.md:{introduction}:1: {warning}\n"
        f"curricula/ai/prompt-basics.md:{question}:1: {warning}\n"
        "0 errors, 4 warnings in 7 files\n"
    )


def test_a_flow_style_module_list_gets_the_slug_in_place(site, run):
    assert run("new", "module", "data", "pivot-tables").code == 0
    assert (
        read(site / "curricula/data/track.yml")
        == "title: Data\nsummary: Work with data.\nmodules: [spreadsheets, pivot-tables]\norder: 20\n"
    )
    assert front_matter(site / "curricula/data/pivot-tables.md")["title"] == "Pivot tables"
    assert front_matter(site / "curricula/data/pivot-tables.md")["status"] == "draft"
    assert run("check", "--strict").out == CLEAN_4


def test_a_module_already_listed_in_the_track_is_not_listed_twice(site, run):
    track = site / "curricula/ai/track.yml"
    track.write_text(read(track) + "  - ethics\n", encoding="utf-8")
    assert run("check").out.startswith("curricula/ai/track.yml:8:5: error [unknown-module] no module 'ethics'")
    before = read(track)
    result = run("new", "module", "ai", "ethics")
    assert result.out == (
        "Created curricula/ai/ethics.md\nNext: write the module, set 'status: published', then run 'smartshare check'.\n"
    )
    assert read(track) == before
    assert run("check", "--strict").out == CLEAN_4


def test_new_track_then_check_passes_and_a_module_can_follow(site, run):
    result = run("new", "track", "privacy", "--title", "Data privacy", "--summary", "Handle personal data lawfully.")
    assert (result.code, result.err) == (0, "")
    assert result.out == (
        "Created curricula/privacy/track.yml\n"
        "Created curricula/privacy/introduction.md, its first module (a track needs one), a draft until published\n"
        "Next: fill in the summaries, add modules with 'smartshare new module privacy SLUG', then run 'smartshare check'.\n"
    )
    text = read(site / "curricula/privacy/track.yml")
    for spec in TRACK.fields:
        assert f"\n{spec.name}:" in text or f"\n# {spec.name}:" in text
    assert yaml.safe_load(text) == {
        "title": "Data privacy",
        "summary": "Handle personal data lawfully.",
        "modules": ["introduction"],
        "order": 30,  # after the last track: data, order 20
    }
    assert run("check", "--strict").out == "No problems in 4 modules, 3 tracks.\n"
    assert run("new", "module", "privacy", "gdpr-basics").code == 0
    assert yaml.safe_load(read(site / "curricula/privacy/track.yml"))["modules"] == ["introduction", "gdpr-basics"]
    assert run("check", "--strict").out == "No problems in 5 modules, 3 tracks.\n"


def test_new_track_in_an_empty_folder_starts_a_curriculum(project, run):
    (project / "curricula").mkdir()
    assert run("new", "track", "ai").code == 0
    assert yaml.safe_load(read(project / "curricula/ai/track.yml"))["title"] == "Ai"
    assert run("check", "--strict").out == "No problems in 1 module, 1 track.\n"


# -- refusals: one line on stderr, exit status 2, nothing written ------------------------------------------


@pytest.mark.parametrize(
    "args, message",
    [
        (["module", "ai", "chatbots"], "curricula/ai/chatbots.md already exists — nothing was written"),
        (["module", "dta", "vision"], "no track 'dta' in curricula/ — did you mean 'data'?"),
        (["module", "marketing", "vision"], "no track 'marketing' in curricula/ — existing tracks: ai, data"),
        (
            ["module", "ai", "Computer Vision"],
            "'Computer Vision' is not a valid module slug — use lower-case letters, digits and dashes",
        ),
        (["module", "ai", "index"], "'index' is reserved for the track's own page — choose another slug"),
        (
            ["module", "../etc", "vision"],
            "'../etc' is not a valid track id — use lower-case letters, digits and dashes",
        ),
        (
            ["module", "ai", "vision", "--mentor", "amina-dialo"],
            "no mentor 'amina-dialo' in curricula/mentors.yml — did you mean 'amina-diallo'?",
        ),
        (["module", "ai", "vision", "-C", "courses"], "no curriculum folder 'courses'"),
        (["track", "ai"], "track 'ai' already exists: curricula/ai/track.yml"),
        (
            ["track", "Data Privacy"],
            "'Data Privacy' is not a valid track id — use lower-case letters, digits and dashes",
        ),
    ],
)
def test_refusals_are_one_line_and_write_nothing(site, run, args, message):
    before = sorted((p, p.read_bytes()) for p in (site / "curricula").rglob("*") if p.is_file())
    result = run("new", *args)
    command = f"smartshare new {args[0]}"
    assert (result.code, result.out, result.err) == (2, "", f"{command}: error: {message}\n")
    assert sorted((p, p.read_bytes()) for p in (site / "curricula").rglob("*") if p.is_file()) == before


def test_a_malformed_track_yml_is_reported_and_left_alone(site, run):
    track = site / "curricula/ai/track.yml"
    track.write_text("title: AI\nmodules:\n  - chatbots\n - vision\n", encoding="utf-8")
    result = run("new", "module", "ai", "vision")
    assert result.code == 1
    assert result.err == (
        "smartshare new module: error: curricula/ai/track.yml:4:2: invalid YAML (expected <block end>, but found '<block sequence start>')"
        " — fix it first; nothing was written\n"
    )
    assert not (site / "curricula/ai/vision.md").exists()


# -- help -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("command", [[], ["check"], ["stats"], ["new"], ["new", "track"], ["new", "module"]])
def test_every_command_has_help_with_examples(run, command):
    result = run(*command, "--help")
    assert result.code == 0
    assert result.out.startswith("usage: smartshare")
    assert "\nexamples:\n  smartshare " in result.out


def test_python_dash_m_smartshare_runs_the_command_line():
    result = subprocess.run([sys.executable, "-m", "smartshare", "--help"], capture_output=True, text=True)
    assert result.returncode == 0
    assert result.stdout.startswith("usage: smartshare [-h] [--version] COMMAND ...")
    for command in ("check", "stats", "new"):
        assert f"\n    {command} " in result.stdout
