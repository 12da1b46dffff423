"""The benchmark's own tools: the synthetic curriculum is valid, and `benchmarks/run.py` runs end to end.

No timing is asserted here: the budget is checked by `make bench` itself, never by a unit test.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

import datetime as dt  # noqa: E402

from benchmarks.example_shaped import generate_example_shaped  # noqa: E402
from benchmarks.generate import break_links, generate  # noqa: E402
from benchmarks.run import (  # noqa: E402
    BROKEN,
    ONE_CORE,
    TWO_LANGUAGES,
    VARIANTS,
    WARM,
    SizeResult,
    asset_sizes,
    baseline_config,
    plain_language_copy,
    report,
    serve_flags,
    site_config,
    smartshare_config,
    time_check,
    translate_modules,
    write_configs,
    write_language_configs,
    write_readme,
)
from benchmarks.run import build as measured_build  # noqa: E402

from smartshare.core.frontmatter import split_front_matter  # noqa: E402
from smartshare.core.loader import LoadOptions, load_curriculum  # noqa: E402
from smartshare.core.schema import MODULE  # noqa: E402


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    root = tmp_path_factory.mktemp("synthetic") / "curricula"
    return root, generate(root, 30)


def test_generated_curriculum_loads_without_any_problem(generated):
    root, ids = generated
    curriculum, problems = load_curriculum(str(root), LoadOptions(today=dt.date(2026, 9, 21)))
    assert [p.format() for p in problems] == []
    assert len(curriculum.tracks) == 10
    assert sorted(curriculum.modules) == sorted(ids)
    assert len(curriculum.mentors) == 20


def test_generated_modules_use_every_field_and_the_real_block_syntax(generated):
    root, ids = generated
    text = (root / f"{ids[-1]}.md").read_text(encoding="utf-8")
    split = split_front_matter(text)
    assert list(yaml.safe_load(split.yaml_text)) == MODULE.names
    assert split.body.count("/// quiz\n") == 3 and split.body.count("/// mentor\n") == 1
    assert re.search(r"^- \[x\] .+\n(    .+\n)?", split.body, re.M)
    assert "| Item | Count | Note |" in split.body and "```" in split.body and "!!! tip" in split.body
    assert 700 <= len(split.body.split()) <= 1000  # about 800 words


def test_example_shaped_curriculum_copies_whole_tracks_and_loads_without_any_problem(tmp_path):
    root = tmp_path / "curricula"
    ids = generate_example_shaped(root, 30)
    curriculum, problems = load_curriculum(str(root), LoadOptions(today=dt.date(2026, 9, 21)))
    assert [p.format() for p in problems if p.is_error] == []
    assert 30 <= len(ids) < 45 and set(ids) <= set(curriculum.modules)
    assert "ai-002/chatbots" in ids and (root / "collaboration-002" / "shared-document.svg").is_file()
    assert "(2)" in curriculum.modules["ai-002/chatbots"].title
    # mentors are shared across the copies; 2.5 generated sessions per module besides the example's own
    assert len(curriculum.mentors) == len(yaml.safe_load((REPO / "curricula" / "mentors.yml").read_text("utf-8")))
    assert len(curriculum.sessions) >= round(len(ids) * 2.5)


def test_generation_is_deterministic(tmp_path):
    generate(tmp_path / "a", 12)
    generate(tmp_path / "b", 12)
    for path in (tmp_path / "a").rglob("*"):
        if path.is_file():
            assert path.read_bytes() == (tmp_path / "b" / path.relative_to(tmp_path / "a")).read_bytes()


def test_broken_links_are_spread_over_the_modules_and_lead_nowhere(tmp_path):
    root = tmp_path / "curricula"
    ids = generate(root, 40)
    changed = break_links(root, ids, 4)
    assert changed == [ids[0], ids[10], ids[20], ids[30]]
    targets = []
    for module_id in changed:
        text = (root / f"{module_id}.md").read_text(encoding="utf-8")
        [target] = re.findall(r"\[the module before it was renamed\]\(([^)]+)\)", text)
        targets.append(target)
        assert not (root / module_id).parent.joinpath(target).exists()
    assert targets[0] == ids[0].split("/")[1][:-1] + ".md" and targets[1].startswith("../archive/")


def test_configs_follow_the_site_and_the_baseline_is_plain_material():
    site = site_config()
    ours, base = smartshare_config(site), baseline_config(site)
    # the site's plugins, the curriculum in one language (the example's `languages` left out)
    assert [next(iter(p)) if isinstance(p, dict) else p for p in ours["plugins"]] == [
        next(iter(p)) if isinstance(p, dict) else p for p in site["plugins"]
    ]
    assert "languages" not in str(ours["plugins"]) and "languages" in str(site["plugins"])
    assert ours["docs_dir"] == "curricula"
    assert Path(ours["theme"]["custom_dir"]).is_absolute()
    assert base["plugins"] == ["search"] and base["theme"]["features"] == ["navigation.prune"]
    assert not any("smartshare" in str(e) for e in base["markdown_extensions"])
    assert "--dirty" in " ".join(serve_flags())


def test_the_baseline_leaves_out_the_translations_a_one_language_build_does_not_publish(tmp_path):
    generate_example_shaped(tmp_path / "curricula", 30)
    assert list((tmp_path / "curricula").rglob("*.fr.md")) and list((tmp_path / "curricula").rglob("*.zh.md"))
    base = site_config(write_configs(tmp_path)["baseline"])
    assert base["exclude_docs"].split() == ["*.fr.md", "*.zh.md"]
    synthetic = tmp_path / "synthetic"
    generate(synthetic / "curricula", 12)
    assert "exclude_docs" not in site_config(write_configs(synthetic)["baseline"])


def test_readme_section_is_written_between_the_markers_only(tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text(
        "# Site\n\nintro\n<!-- benchmark:start -->\nold\n<!-- benchmark:end -->\nafter\n", encoding="utf-8"
    )
    write_readme("| new table |", readme)
    assert (
        readme.read_text(encoding="utf-8")
        == "# Site\n\nintro\n<!-- benchmark:start -->\n| new table |\n<!-- benchmark:end -->\nafter\n"
    )


def run_benchmark(out: Path, *options: str) -> subprocess.CompletedProcess:
    command = [sys.executable, str(REPO / "benchmarks" / "run.py"), "--sizes", "10", "--runs", "1", "--out", str(out)]
    command += ["--no-readme", "--shapes", "synthetic", *options]
    return subprocess.run(command, capture_output=True, text=True, cwd=REPO, timeout=900)  # a loaded machine


def test_one_measured_build_and_check_fill_every_row_of_the_report(tmp_path):
    """`make test`'s test of the benchmark's code: one real build and one `smartshare check` measured the way
    `make bench` measures them (run.build, run.time_check), then the report written from those measures, each standing
    for every variant. The whole run (ten builds, two curricula) is the slow test below (`make test-slow`)."""
    folder = tmp_path / "size-10"
    ids = generate(folder / "curricula", 10)
    configs = write_configs(folder)
    built = measured_build(folder, ONE_CORE, configs[ONE_CORE], ids)
    assert built.warnings == 0 and built.cpu_seconds > 0 and built.peak_mb > 0
    assert built.html_kb > 0 and built.search_kb > 0 and built.rich_libraries == 0
    assert {"quiz/quiz.js", "feedback/feedback.js", "mentor/mentor-view.js"} <= set(built.learner_assets)
    assert not {"mentor/mentor.css", "mentor/mentor.js"} & set(built.learner_assets)
    checked = time_check(folder, configs["smartshare"])
    assert checked.returncode == 0 and checked.cpu_seconds > 0
    # the two-language curriculum's files and configurations (its builds are the slow test's)
    languages = tmp_path / "two-languages-10"
    translated = generate(languages / "curricula", 10)
    translate_modules(languages / "curricula", translated)
    plain_language_copy(languages / "curricula", languages / "curricula-fr")
    assert sorted(p.name for p in (languages / "curricula").rglob("*.fr.md")) == sorted(
        f"{i.split('/')[1]}.fr.md" for i in translated
    )
    assert not list((languages / "curricula-fr").rglob("*.fr.md"))
    assert {p.stem for p in write_language_configs(languages).values()} == {"smartshare", "baseline", "baseline-fr"}

    size = SizeResult(10, builds={v: [built] for v in (*VARIANTS, ONE_CORE, BROKEN, WARM)}, broken_links=1)
    size.sessions, size.check_s, size.check_cpu_s = 25, [checked.seconds], [checked.cpu_seconds]
    two = SizeResult(10, TWO_LANGUAGES, {"baseline": [built], ONE_CORE: [built]})
    table, _held = report([size, two], 1, asset_sizes([size]), dt.datetime(2026, 11, 27, tzinfo=dt.timezone.utc))
    assert_every_row(table)


@pytest.mark.slow  # ten builds of two curricula (71 s of a worker on a loaded machine): `make test-slow`
def test_benchmark_builds_and_reports_end_to_end_on_a_tiny_curriculum(tmp_path):
    """The builds and the report; the preview's edit measure (a `mkdocs serve`) is in the slow test below."""
    out = tmp_path / "out"
    result = run_benchmark(out, "--no-preview", "--languages", "10")
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode in (0, 1), result.stderr  # 1 only says a budget failed: timings are not this test's
    table = result.stdout
    assert_every_row(table)
    # the curriculum in two languages (each module translated) against one plain build per language
    assert "| two-languages | 10 | Smartshare, cold, one core |" in table
    assert (out / "results.md").read_text(encoding="utf-8").strip() == table.strip()
    size, languages = json.loads((out / "results.json").read_text(encoding="utf-8"))["sizes"]
    assert languages["shape"] == "two-languages" and [b["warnings"] for b in languages["builds"]["one-core"]] == [0]
    assert size["modules"] == 10 and size["broken_links"] == 1
    # the curricula are measured with their sessions (2.5 per module), and the check also without them
    assert size["sessions"] == 25
    assert len(size["check_cpu_s"]) == 1 and len(size["check_without_sessions_cpu_s"]) == 1
    assert [b["warnings"] for b in size["builds"]["broken-links"]] == [1]
    for build in ("smartshare", "warm", "one-core"):
        assert [b["warnings"] for b in size["builds"][build]] == [0], build
    # the asset budget counts what a module page loads: the quiz's, the feedback's and the mentor view's switch,
    # not the mentor area's own stylesheet and script
    (assets,) = [b["learner_assets"] for b in size["builds"]["smartshare"]]
    assert {"quiz/quiz.js", "feedback/feedback.js", "mentor/mentor-view.js"} <= set(assets), assets
    assert not {"mentor/mentor.css", "mentor/mentor.js"} & set(assets), assets


@pytest.mark.slow  # minutes of `mkdocs serve` edits: `make test-slow` (and `make bench` measures it for real)
def test_benchmark_measures_the_preview_on_a_tiny_curriculum(tmp_path):
    out = tmp_path / "out"
    result = run_benchmark(out, "--languages", "0")  # the two-language builds are the test above's
    assert result.returncode in (0, 1), result.stderr
    [size] = json.loads((out / "results.json").read_text(encoding="utf-8"))["sizes"]
    assert size["preview"]["body_edit_s"] is not None
    assert size["preview"]["title_edit_s"] is not None  # the track page shows an edited title in the preview


def assert_every_row(table: str) -> None:
    """Every variant's row and every budget's line of the report of a 10-module run (sessions included)."""
    for label in (
        "Smartshare, cold, both cores",
        "mkdocs-material, pruned",
        "Smartshare, cold, one core",
        "Smartshare, warm (cache kept, 1 module edited)",
        "Smartshare, 1 broken link",
    ):
        assert f"| synthetic | 10 | {label} |" in table
    assert "| two-languages | 10 | mkdocs-material, pruned, one build per language |" in table
    assert "two-languages: build of 10 modules in two languages on one core ≤ 1.10 × two pruned" in table
    assert "| build of 10 modules with 1 broken link ≤ 1.10 × without (CPU) |" in table
    assert "| `smartshare check` on 10 modules and 25 sessions < 2 s (CPU) |" in table
    assert "| peak memory of a build of 10 modules and 25 sessions < 500 MB |" in table
    assert "| cold build of 10 modules and 25 sessions on one core ≤ 1.10 × pruned mkdocs-material (CPU) |" in table
    assert "| quiz + feedback + mentor assets a module page loads ≤ 6 KB gzipped |" in table
    assert "| Budget | Measured | Holds |" in table and "Machine:" in table
