"""The repository's own example site, built once per test run for every folder that reads it.

An example build takes seconds; a dozen test modules read the same few variants (strict, offline), so each
variant is built once per `pytest` run: the first test process to need it builds it under a file lock in a folder
shared by the pytest-xdist workers (the parent of their base temporary folders), the others wait and read it.
Builds are never written into the repository. A failed build is kept too, so every user reports the same output.

    from examplesite import example_build
    site = example_build(tmp_path_factory, "strict").site       # the variants are in VARIANTS

A site served for a browser must be built for its served URL (`site_url`): those are per test process, see
`served_example` in tests/conftest.py.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

ROOT = Path(__file__).resolve().parents[1]
#: the build date of every example build here (2026-11-17): reviews age, the tests must not
EPOCH = "1795000000"
# `make test-properdocs` builds with ProperDocs
DOCS_TOOL = os.environ.get("SMARTSHARE_DOCS_TOOL", "mkdocs")

#: the example's default language, the first of `languages` in mkdocs.yml: its site is `<site>/en/`, served at
#: `<url>en/`; the other languages' sites are next to it, the language chooser at the root
DEFAULT_LANGUAGE = "en"

#: the environment of each variant, on top of `base_env()`
VARIANTS: dict[str, dict[str, str]] = {
    "strict": {},  # as CI builds it: `mkdocs build --strict`
    "offline": {"SMARTSHARE_OFFLINE": "true"},  # the offline edition (`make offline`)
}


@dataclass(frozen=True)
class ExampleBuild:
    site: Path
    returncode: int
    stdout: str
    stderr: str

    @property
    def default(self) -> Path:
        """The default language's site (`site` holds every language's)."""
        return self.site / DEFAULT_LANGUAGE

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


def base_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    """The environment of an example build: this one without Smartshare's switches, on a fixed date, no PDFs."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("SMARTSHARE_") and k != "SOURCE_DATE_EPOCH"}
    env.update(NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH=EPOCH, SMARTSHARE_HANDOUTS="false")  # tests/handouts: PDFs
    if "SMARTSHARE_DOCS_TOOL" in os.environ:
        env["SMARTSHARE_DOCS_TOOL"] = os.environ["SMARTSHARE_DOCS_TOOL"]
    env.update(extra or {})
    return env


def run_build(site: Path, env: dict[str, str], *, strict: bool = True, source: Path = ROOT) -> ExampleBuild:
    command = [sys.executable, "-m", DOCS_TOOL, "build", "--site-dir", str(site)] + (["--strict"] if strict else [])
    result = subprocess.run(command, cwd=source, capture_output=True, text=True, env=env)
    return ExampleBuild(site, result.returncode, result.stdout, result.stderr)


def shared_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder every test process of this run shares: the parent of the xdist workers' base folders (where file
    locks exist; elsewhere, as on Windows, each process keeps its own)."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") and fcntl is not None else base


def example_build(tmp_path_factory: pytest.TempPathFactory, variant: str = "strict") -> ExampleBuild:
    """The example site built as `variant` (see VARIANTS), once per run; the build may have failed (see returncode)."""
    folder = shared_folder(tmp_path_factory) / f"example-{variant}"
    with _locked(folder.with_suffix(".lock")):
        record = folder / "build.json"
        if not record.exists():
            folder.mkdir(parents=True, exist_ok=True)
            build = run_build(folder / "site", base_env(VARIANTS[variant]))
            record.write_text(json.dumps([build.returncode, build.stdout, build.stderr]), encoding="utf-8")
        returncode, stdout, stderr = json.loads(record.read_text(encoding="utf-8"))
    return ExampleBuild(folder / "site", returncode, stdout, stderr)


def built_example(tmp_path_factory: pytest.TempPathFactory, variant: str = "strict") -> Path:
    """The site folder of `example_build`, which must have built cleanly."""
    build = example_build(tmp_path_factory, variant)
    assert build.returncode == 0, build.output
    return build.site


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    path.parent.mkdir(parents=True, exist_ok=True)
    if fcntl is None:  # the folder is this process's own (see `shared_folder`)
        yield
        return
    with open(path, "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
