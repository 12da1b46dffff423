"""Run corrupted curricula through `smartshare check` (in worker processes, with a time limit) and `mkdocs build`.

Each case must end in bounded time, without a traceback, with every line of output shaped `path:line:col: …`
(or the closing summary, or a one-line usage error), and without changing any input file.
"""

from __future__ import annotations

import contextlib
import io
import multiprocessing
import os
import re
import shutil
import subprocess
import sys
import time
import traceback
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from pathlib import Path

from corrupt import DOCS, SECRET, make_case, snapshot

PROBLEM_LINE = re.compile(r"^\S.*?:\d+:\d+: (?:error|warning|info) \[[a-z0-9-]+\] \S.*$")
PATH_LINE = re.compile(r"^\S[^:]*: \S.*$")  # `path: message`, for a file without lines
CLOSING_LINE = re.compile(
    r"^(?:No problems in \d+ modules?, \d+ tracks?(?:, \d+ sessions?)?\.|\d+ errors?, \d+ warnings? in \d+ files?)$"
)
# the only one-line usage errors a corrupted curriculum may give: a file-system error is a problem like any other
USAGE_LINE = re.compile(r"^smartshare check: error: no (?:track in|curriculum folder) \S.*$")
LATE_MARKER = re.compile(r"<!--smartshare-late-[a-z]+-[0-9a-f]{16}-")
BUILD_PROBLEM = re.compile(r"\S+:\d+:\d+: (?:error|warning|info) \[[a-z0-9-]+\] ")

#: mutations whose failures belong to code being rewritten elsewhere (Markdown structure scanning): a failing case
#: with one of them is counted apart, as known, and does not fail the run. Remove an entry once it is fixed.
KNOWN: dict[str, str] = {}


@dataclass
class Outcome:
    number: int
    mutations: list[str]
    kind: str = "check"
    seconds: float = 0.0
    traceback: str = ""
    hang: bool = False
    unshaped: list[str] = field(default_factory=list)
    modified: list[str] = field(default_factory=list)
    leaked: bool = False  # a build published something from outside the repository, or a late-HTML marker

    @property
    def failed(self) -> bool:
        return bool(self.traceback or self.hang or self.unshaped or self.modified or self.leaked)

    @property
    def known(self) -> bool:
        return any(m.split("(")[0] in KNOWN for m in self.mutations)

    def describe(self) -> str:
        what = []
        if self.traceback:
            what.append("traceback: " + self.traceback.strip().splitlines()[-1][:200])
        if self.hang:
            what.append(f"hang (> {self.seconds:.0f} s)")
        if self.unshaped:
            what.append(f"unshaped: {self.unshaped[0][:200]!r}")
        if self.modified:
            what.append(f"modified: {', '.join(self.modified[:3])}")
        if self.leaked:
            what.append("leaked: content from outside the repository or a late-HTML marker in the site")
        return f"{self.kind} case {self.number} {self.mutations}: " + "; ".join(what)


def unshaped_lines(out: str, err: str) -> list[str]:
    bad = []
    lines = out.splitlines()
    for index, line in enumerate(lines):
        last = index == len(lines) - 1
        if not (PROBLEM_LINE.match(line) or PATH_LINE.match(line) or (last and CLOSING_LINE.match(line))):
            bad.append(line)
    if out and not out.endswith("\n"):
        bad.append("(output does not end with a line break)")
    bad += [line for line in err.splitlines() if not USAGE_LINE.match(line)]
    return bad


def check_case(base: Path, workdir: Path, seed: int, number: int, exclude: frozenset[str] = frozenset()) -> Outcome:
    """One case of `smartshare check`, in this process (the caller bounds its time)."""
    from smartshare.cli import main

    try:
        case = make_case(base, workdir, seed, number, exclude)
    except Exception:  # a defect of the generator, not of the product: still a failure, named as such
        return Outcome(number, ["(generator)"], traceback="fuzz generator: " + traceback.format_exc())
    outcome = Outcome(number, case.mutations)
    before = snapshot(case.root)
    out, err = io.StringIO(), io.StringIO()
    start = time.perf_counter()
    cwd = os.getcwd()
    try:
        os.chdir(case.root)
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            main(["check", DOCS])
    except BaseException:
        outcome.traceback = traceback.format_exc()
    finally:
        os.chdir(cwd)
    outcome.seconds = time.perf_counter() - start
    if "Traceback (most recent call last)" in err.getvalue():
        outcome.traceback = err.getvalue()
    outcome.unshaped = unshaped_lines(out.getvalue(), err.getvalue())
    after = snapshot(case.root)
    outcome.modified = sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))
    _clear_caches()
    shutil.rmtree(case.root, ignore_errors=True)
    shutil.rmtree(workdir / f"outside-{number}", ignore_errors=True)
    return outcome


def _clear_caches() -> None:
    """Each case has its own folder, so no cache can answer for another; clearing keeps a worker's memory flat."""
    from smartshare.core import loader

    cache = getattr(loader, "_MODULE_CACHE", None)
    if isinstance(cache, dict):
        cache.clear()


def _worker(connection: Connection, base: Path, workdir: Path, seed: int, exclude: frozenset[str]) -> None:
    while True:
        number = connection.recv()
        if number is None:
            return
        connection.send(check_case(base, workdir, seed, number, exclude))


def run_checks(
    base: Path,
    workdir: Path,
    seed: int,
    numbers: Iterable[int],
    workers: int = 2,
    limit: float = 10.0,
    exclude: frozenset[str] = frozenset(),
) -> Iterator[Outcome]:
    """Every case in worker processes; a case still running after `limit` seconds is a hang (its worker is killed).

    Workers are forked (the command is imported once) and replaced after a hang or every 500 cases.
    """
    context = multiprocessing.get_context("fork")
    pending = list(numbers)[::-1]
    running: dict[Connection, tuple[multiprocessing.Process, int, float, int]] = {}

    def start() -> None:
        parent, child = context.Pipe()
        process = context.Process(target=_worker, args=(child, base, workdir, seed, exclude), daemon=True)
        process.start()
        child.close()
        running[parent] = (process, -1, 0.0, 0)

    def assign(connection: Connection) -> None:
        process, _, _, done = running[connection]
        if pending:
            number = pending.pop()
            connection.send(number)
            running[connection] = (process, number, time.monotonic(), done)
        else:
            connection.send(None)
            process.join(5)
            del running[connection]

    for _ in range(min(workers, len(pending))):
        start()
    for connection in list(running):
        assign(connection)
    while running:
        ready = wait(list(running), timeout=1.0)
        for connection in ready:
            process, number, _, done = running[connection]
            try:
                outcome = connection.recv()
            except EOFError:  # the worker died (a crash of the interpreter itself counts as a traceback)
                outcome = Outcome(number, [], traceback=f"worker exited with {process.exitcode}")
                del running[connection]
                if pending:
                    start()
                    assign(list(running)[-1])
                yield outcome
                continue
            yield outcome
            running[connection] = (process, -1, 0.0, done + 1)
            if done + 1 >= 500 and pending:
                connection.send(None)
                process.join(5)
                del running[connection]
                start()
                assign(list(running)[-1])
            else:
                assign(connection)
        now = time.monotonic()
        for connection, (process, number, started, _) in list(running.items()):
            if number >= 0 and now - started > limit:
                process.kill()
                process.join()
                del running[connection]
                try:  # rebuilt: the worker took them along
                    mutations = make_case(base, workdir, seed, number, exclude).mutations
                except Exception:
                    mutations = ["(generator)"]
                yield Outcome(number, mutations, hang=True, seconds=limit)
                shutil.rmtree(workdir / f"case-{number}", ignore_errors=True)
                shutil.rmtree(workdir / f"outside-{number}", ignore_errors=True)
                if pending:
                    start()
                    assign(list(running)[-1])


def build_case(
    base: Path,
    workdir: Path,
    seed: int,
    number: int,
    limit: float = 300.0,
    exclude: frozenset[str] = frozenset(),
    *,
    forked: bool = False,
) -> Outcome:
    """One case of `mkdocs build --strict`, in its own process: MkDocs is the real thing under test here. `forked`:
    that process forked from the test process's build server (tests/sitebuilder.py, `run_docs_tool`), with the same
    time limit; else a new interpreter (`make fuzz` runs builds side by side, which one server would take in turn)."""
    case = make_case(base, workdir, seed, number, exclude)
    outcome = Outcome(number, case.mutations, kind="build")
    before = snapshot(case.root)
    site = workdir / f"site-{number}"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SMARTSHARE_SITE_URL": "http://127.0.0.1:8000/"}
    args = ["build", "--strict", "--site-dir", str(site)]
    start = time.perf_counter()
    try:
        if forked:
            from sitebuilder import run_docs_tool

            returncode, log = run_docs_tool(case.root, args, env, timeout=limit)
        else:
            command = [sys.executable, "-m", "mkdocs", *args]
            result = subprocess.run(command, cwd=case.root, env=env, capture_output=True, text=True, timeout=limit)
            returncode, log = result.returncode, result.stdout + result.stderr
        if "Traceback (most recent call last)" in log or returncode not in (0, 1):
            outcome.traceback = log[-3000:] or f"exit status {returncode}"
        elif returncode == 1 and not BUILD_PROBLEM.search(log) and "Aborted with" not in log:
            outcome.unshaped = [line for line in log.splitlines() if "ERROR" in line][:3] or [log[-500:]]
    except subprocess.TimeoutExpired:
        outcome.hang = True
    outcome.seconds = time.perf_counter() - start
    if site.is_dir():
        outcome.leaked = _leaks(site)
    after = snapshot(case.root)
    outcome.modified = sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))
    for path in (case.root, site, workdir / f"outside-{number}"):
        shutil.rmtree(path, ignore_errors=True)
    return outcome


def _leaks(site: Path) -> bool:
    for folder, _, filenames in os.walk(site):
        for name in filenames:
            with open(os.path.join(folder, name), "rb") as handle:
                data = handle.read()
            if SECRET.encode() in data or LATE_MARKER.search(data.decode("utf-8", "replace")):
                return True
    return False
