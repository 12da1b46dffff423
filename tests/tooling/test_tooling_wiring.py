"""The checks that keep the code honest are wired in: `make test` lints first, tools are pinned, CI runs it."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[2]
# ours: vendored libraries (rich/assets/vendor/, minified) are their authors' and left out, as eslint.config.js says
ASSETS = [
    path
    for path in sorted(ROOT.glob("plugins/smartshare/**/assets/**/*.js")) + sorted(ROOT.glob("theme/**/*.js"))
    if "vendor" not in path.parts and not path.name.endswith(".min.js")
]
EXACT = re.compile(r"^\d+\.\d+\.\d+$")

needs_make = pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")


def dry_run(*targets: str) -> list[str]:
    """The commands `make` would run for `targets`, prerequisites included even when they are up to date."""
    result = subprocess.run(["make", "-n", "-B", *targets], cwd=ROOT, capture_output=True, text=True, check=True)
    return result.stdout.splitlines()


def position(lines: list[str], fragment: str) -> int:
    return next(i for i, line in enumerate(lines) if fragment in line)


@needs_make
def test_make_test_runs_every_lint_before_the_tests():
    lines = dry_run("test")
    order = [
        position(lines, fragment) for fragment in ("ruff check .", "ruff format --check .", "/mypy", "eslint", "pytest")
    ]
    assert order == sorted(order)


@needs_make
def test_make_test_installs_the_scorm_tests_npm_packages_before_the_tests_as_the_tests_would():
    from scorm.scormtree import INSTALLED, NPM_CI

    lines = dry_run("test")
    install = f"cd tests/scorm && npm {' '.join(NPM_CI)}"
    assert position(lines, install) < position(lines, "pytest")
    # the Makefile's target is the file the SCORM tests read as a finished install: installed there, not again
    assert install in dry_run(INSTALLED.relative_to(ROOT).as_posix())


@needs_make
def test_make_serve_installs_only_what_serving_needs():
    commands = "\n".join(dry_run("serve"))
    assert "uv pip install --quiet --python .venv/bin/python -c constraints.txt -e .\n" in commands
    for test_only in (".[test]", "npm", "ensure_chromium", "playwright"):
        assert test_only not in commands


@needs_make
def test_make_lint_installs_eslint_from_the_lock_file_without_audit_or_fund():
    commands = dry_run("lint")
    assert any(line.startswith("npm ci --no-audit --no-fund") for line in commands)


def test_ci_runs_make_test_then_the_slow_tests_it_leaves_out():
    assert (ROOT / ".ci/run").read_text(encoding="utf-8").rstrip().splitlines()[-2:] == ["make test", "make test-slow"]


def test_npm_tools_are_pinned_to_exact_versions_and_locked():
    manifest = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    pins = manifest["devDependencies"]
    assert "eslint" in pins and "dependencies" not in manifest and manifest["private"] is True
    assert {name: version for name, version in pins.items() if not EXACT.match(version)} == {}
    assert lock["packages"][""]["devDependencies"] == pins
    assert {name: lock["packages"][f"node_modules/{name}"]["version"] for name in pins} == pins


def constraints() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, version = line.split("==")
            pins[re.sub(r"[-_.]+", "-", name).lower()] = version
    return pins


def test_every_python_dependency_and_lint_tool_is_pinned():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = project["dependencies"] + project["optional-dependencies"]["test"]
    names = {re.sub(r"[-_.]+", "-", re.split(r"[<>=!~ ;\[]", spec)[0]).lower() for spec in wanted}
    assert {"ruff", "mypy", "types-pyyaml"} <= names
    assert names - set(constraints()) == set()
    assert all(EXACT.match(v) or re.match(r"^\d+(\.\d+)+(\.post\d+)?$", v) for v in constraints().values())


# One Node process (each start of ESLint costs seconds on a busy machine): lint the assets, read their dialect.
# With `make lint`'s cache (the Makefile's --cache-location): an asset `make lint` found clean, unchanged since and
# under the same configuration, is not linted again (about a second of CPU); ESLint keeps each file's messages in
# it and lints again any file whose content or configuration changed, so what is reported is what a lint would find.
ESLINT_REPORT = """
const { ESLint } = require("eslint");
(async () => {
  const eslint = new ESLint({ cache: true, cacheLocation: "node_modules/.cache/eslint/" });
  const files = process.argv.slice(1);
  const results = await eslint.lintFiles(files);
  const dialects = await Promise.all(files.map(async (file) => {
    const options = (await eslint.calculateConfigForFile(file)).languageOptions;
    return [options.ecmaVersion, options.sourceType, "document$" in options.globals];
  }));
  console.log(JSON.stringify({ results, dialects }));
})();
"""


@pytest.mark.skipif(shutil.which("node") is None or not (ROOT / "node_modules/eslint").is_dir(), reason="run make lint")
def test_every_javascript_asset_is_linted_in_one_dialect():
    command = ["node", "-e", ESLINT_REPORT, *map(str, ASSETS)]
    report = json.loads(subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=True).stdout)
    linted = {Path(r["filePath"]): r["messages"] for r in report["results"]}
    assert sorted(linted) == ASSETS
    assert {path.name: messages for path, messages in linted.items() if messages} == {}
    assert {tuple(dialect) for dialect in report["dialects"]} == {(2020, "script", True)}


def test_ci_jobs_that_run_make_test_have_node_for_eslint():
    gitlab = yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text(encoding="utf-8"))["test"]
    assert "make test" in gitlab["script"] and "npm" in " ".join(gitlab["before_script"])
    github = yaml.safe_load((ROOT / ".github/workflows/publish.yml").read_text(encoding="utf-8"))["jobs"]["build"]
    steps = [step.get("uses", "") + step.get("run", "") for step in github["steps"]]
    assert position(steps, "actions/setup-node") < position(steps, "make test")
