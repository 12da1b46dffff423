"""The repository's own example site, built once per test run for every folder that reads it.

An example build takes seconds; a dozen test modules read the same few variants (strict, offline), so each
variant is built once per `pytest` run: the first test process to need it builds it under a file lock in a folder
shared by the pytest-xdist workers (the parent of their base temporary folders), the others wait and read it.
Builds are never written into the repository. A failed build is kept too, so every user reports the same output.

    from examplesite import example_build
    site = example_build(tmp_path_factory, "strict").site       # the variants are in VARIANTS

A site served for a browser must be built for its served URL (`site_url`): `served_example(tmp_path_factory,
prefix)` starts one server per prefix and run (a process of its own, which the test processes share and which ends
with the run), then builds the example for its address, once.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import signal
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
    url: str | None = None  # the address it was built for (`SMARTSHARE_SITE_URL`), if not mkdocs.yml's default
    hash_seed: str | None = None  # the hash seed it was built with (`sitebuilder.hash_seed`), None if drawn at random

    @property
    def default(self) -> Path:
        """The default language's site (`site` holds every language's)."""
        return self.site / DEFAULT_LANGUAGE

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


#: the cache's workers of an example build: one, the suite's default (tests/conftest.py), whose test processes
#: already keep the cores busy (a second worker cost about 0.8 s more CPU a build, for the same files); what a build
#: on every core writes is pinned by tests/cache and by tests/intranet/test_reproducible.py's second build
WORKERS = "1"


def base_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    """The environment of an example build: this one without Smartshare's switches, on a fixed date, no PDFs, one
    process (WORKERS)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("SMARTSHARE_") and k != "SOURCE_DATE_EPOCH"}
    env.update(NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH=EPOCH, SMARTSHARE_HANDOUTS="false")  # tests/handouts: PDFs
    env["SMARTSHARE_CACHE_WORKERS"] = WORKERS
    if "SMARTSHARE_DOCS_TOOL" in os.environ:
        env["SMARTSHARE_DOCS_TOOL"] = os.environ["SMARTSHARE_DOCS_TOOL"]
    env.update(extra or {})
    return env


def run_build(
    site: Path, env: dict[str, str], *, strict: bool = True, source: Path = ROOT, fresh: bool = False
) -> ExampleBuild:
    """`mkdocs build` of the example, forked from this process's build server as the test sites are
    (`sitebuilder.run_docs_tool`; `fresh`: in a new interpreter)."""
    from sitebuilder import hash_seed, run_docs_tool_apart

    args = ["build", "--site-dir", str(site)] + (["--strict"] if strict else [])
    returncode, stdout, stderr = run_docs_tool_apart(source, args, env, fresh=fresh)
    return ExampleBuild(site, returncode, stdout, stderr, hash_seed=hash_seed(env, fresh=fresh))


def shared_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder every test process of this run shares: the parent of the xdist workers' base folders (where file
    locks exist; elsewhere, as on Windows, each process keeps its own)."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") and fcntl is not None else base


def example_build(tmp_path_factory: pytest.TempPathFactory, variant: str = "strict") -> ExampleBuild:
    """The example site built as `variant` (see VARIANTS), once per run; the build may have failed (see returncode).

    "strict" is the build served at the root (`served_example(…, "/")`): the same strict build, for the served
    address rather than mkdocs.yml's default `site_url`, so that the run builds the three-language example once
    for both (its `url` says which address it was built for)."""
    if variant == "strict":
        return _served_build(shared_folder(tmp_path_factory), "/", _run_pid())
    return _variant_build(_variant_folder(shared_folder(tmp_path_factory), variant), variant)


def _variant_folder(shared: Path, variant: str) -> Path:
    return shared / f"example-{variant}"


def _served_folder(shared: Path, prefix: str) -> Path:
    return shared / ("served-example-" + (prefix.strip("/").replace("/", "-") or "root"))


def _variant_build(folder: Path, variant: str) -> ExampleBuild:
    with _locked(folder.with_suffix(".lock")):
        record = folder / "build.json"
        if not record.exists():
            folder.mkdir(parents=True, exist_ok=True)
            build = run_build(folder / "site", base_env(VARIANTS[variant]))
            written = [build.returncode, build.stdout, build.stderr, build.hash_seed]
            record.write_text(json.dumps(written), encoding="utf-8")
        returncode, stdout, stderr, seed = json.loads(record.read_text(encoding="utf-8"))
    return ExampleBuild(folder / "site", returncode, stdout, stderr, hash_seed=seed)


def built_example(tmp_path_factory: pytest.TempPathFactory, variant: str = "strict") -> Path:
    """The site folder of `example_build`, which must have built cleanly."""
    build = example_build(tmp_path_factory, variant)
    assert build.returncode == 0, build.output
    return build.site


@dataclass(frozen=True)
class Served:
    url: str  # ends in the prefix: http://127.0.0.1:<port>/learning/
    site: Path

    @property
    def default(self) -> Served:
        """The default language's site (at `url` itself: the language chooser; see DEFAULT_LANGUAGE)."""
        return Served(f"{self.url}{DEFAULT_LANGUAGE}/", self.site / DEFAULT_LANGUAGE)


def served_example(tmp_path_factory: pytest.TempPathFactory, prefix: str = "/") -> Served:
    """The example site built strictly for, and served at, http://127.0.0.1:<port><prefix> (the theme's instant
    navigation needs `site_url` to be the served address), once per run and prefix for every test process.

    The server is a process of its own (tests/browser/harness.py), started by the first test process to need it (or
    before any test, see `prepare_in_background`); it watches the pytest process that started the run (the parent of
    the xdist workers) and ends with it."""
    build = _served_build(shared_folder(tmp_path_factory), prefix, _run_pid())
    assert build.returncode == 0, build.output
    assert build.url is not None
    return Served(build.url, build.site)


def usual_port(prefix: str) -> int:
    """The port the example is served at for `prefix`, the same in every run of this checkout (if free): the address
    is the site's `site_url`, part of what `smartshare/cache` keys a themed page by, so that a run themes again only
    what changed since the last (a port drawn at random made every served page a new one: about 1 s of CPU per
    build). Outside the range Linux draws its own ports from (32768-60999), one checkout's apart from another's."""
    digest = hashlib.sha256(f"{ROOT}\0{prefix}".encode()).digest()
    return 10000 + int.from_bytes(digest[:4], "big") % 20000


def _run_pid() -> int:
    """The pytest process that started the run: the parent of the xdist workers, or this one."""
    return os.getppid() if os.environ.get("PYTEST_XDIST_WORKER") and fcntl is not None else os.getpid()


def _served_build(shared: Path, prefix: str, run: int, *, locked: bool = False) -> ExampleBuild:
    """`locked`: this process already holds the build's lock (`_prepare`)."""
    folder = _served_folder(shared, prefix)
    with contextlib.nullcontext() if locked else _locked(folder.with_suffix(".lock")):
        record = folder / "served.json"
        if not record.exists():
            folder.mkdir(parents=True, exist_ok=True)
            server = subprocess.Popen(
                [
                    sys.executable,
                    str(ROOT / "tests" / "browser" / "harness.py"),
                    str(folder / "site"),
                    prefix,
                    str(run),
                    str(usual_port(prefix)),
                ],
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                text=True,
                start_new_session=True,  # outlives the test process that started it, not the run
            )
            assert server.stdout is not None
            url = server.stdout.readline().strip()
            server.stdout.close()
            assert url, "the example site's server did not start"
            build = run_build(folder / "site", base_env({"SMARTSHARE_SITE_URL": url}))
            written = [url, build.returncode, build.stdout, build.stderr, build.hash_seed]
            record.write_text(json.dumps(written), encoding="utf-8")
        url, returncode, stdout, stderr, seed = json.loads(record.read_text(encoding="utf-8"))
    return ExampleBuild(folder / "site", returncode, stdout, stderr, url, seed)


#: what `prepare_in_background` builds, in this order: the served root (the strict build too) is read by most
#: browser tests, the offline edition by the intranet tests, the sub-path by two intranet modules
PREPARED = (("served", "/"), ("variant", "offline"), ("served", "/learning/"))


def prepare_in_background(shared: Path, run: int) -> subprocess.Popen:
    """Start building the example sites the run will read in a process of its own, at once: its builds (a minute of
    CPU) overlap with the tests that need no example, rather than holding up the first test that needs one.

    Returns once that process holds the lock of its first build, so a test process that needs it waits for it rather
    than building it again; a test process that needs a later one before the process reaches it builds it itself
    (the process then finds it built). Returns the process: `end_preparation` at the end of the run."""
    process = subprocess.Popen(
        [sys.executable, __file__, str(shared), str(run)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        start_new_session=True,  # its server outlives it, not the run
    )
    assert process.stdout is not None
    process.stdout.readline()  # "locked"
    process.stdout.close()
    return process


def end_preparation(process: subprocess.Popen) -> None:
    """Stop what the run did not need (a build still under way when the tests are over) and wait for the process, so
    that its time counts in the run's (`time make test`)."""
    if process.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)  # its group: the build it runs too, not the servers it started
    process.wait()


def _prepare(shared: Path, run: int) -> None:
    for index, (kind, which) in enumerate(PREPARED):
        folder = _served_folder(shared, which) if kind == "served" else _variant_folder(shared, which)
        if index == 0:  # the first (served) build: say when its lock is held (`prepare_in_background`)
            with _locked(folder.with_suffix(".lock")):
                print("locked", flush=True)
                sys.stdout.close()
                _served_build(shared, which, run, locked=True)
        elif not _alive(run):
            return  # the run ended (interrupted) before needing it
        elif kind == "served":
            _served_build(shared, which, run)
        else:
            _variant_build(folder, which)


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


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


if __name__ == "__main__":  # `prepare_in_background`
    _prepare(Path(sys.argv[1]), int(sys.argv[2]))
