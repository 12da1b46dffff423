"""`make serve` shows what an author needs: no banner about the theme's future, no warning about its own flags."""

from __future__ import annotations

import contextlib
import os
import queue
import shutil
import signal
import socket
import subprocess
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
STAMP = ".venv/.installed"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def as_in_a_terminal() -> None:
    """Ctrl-C's signal as a terminal's foreground command has it (run in the child before `make` starts). A shell
    without job control makes its background commands ignore SIGINT, and an ignored signal stays ignored in every
    program started from them: a suite started in the background (`make test &`, a script's `( ... ) &`) had
    `make serve` ignore the test's Ctrl-C and the test wait out its guard, seen as a hang of the preview."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def drain(lines: queue.Queue[str | None]) -> list[str]:
    """The lines the reader has put in `lines` and nobody took yet, up to its end (None)."""
    taken = []
    with contextlib.suppress(queue.Empty):
        while (line := lines.get(timeout=5)) is not None:
            taken.append(line)
    return taken


# `make serve SERVE_LANGUAGE=en` builds one language site (a third of the example) through the same `mkdocs serve
# --dirty` and the same exported variable: `make test`; `make serve` of every language: `make test-slow`.
@pytest.mark.skipif(shutil.which("make") is None or not (ROOT / STAMP).exists(), reason="needs make and .venv")
@pytest.mark.parametrize(
    "languages",
    [pytest.param([], marks=pytest.mark.slow, id="every-language"), pytest.param(["SERVE_LANGUAGE=en"], id="en")],
)
def test_make_serve_prints_no_banner_and_no_warning_about_dirty_builds(languages):
    # -o: use the installed .venv as it is (a test never installs); the environment is the user's, without
    # the variable the Makefile sets, so the test fails if the Makefile stops setting it.
    env = {k: v for k, v in os.environ.items() if k not in ("NO_MKDOCS_2_WARNING", "MAKEFLAGS", "MAKELEVEL")}
    env["PYTHONFAULTHANDLER"] = "1"  # only for the guard below: a stuck server's stacks in the failure's output
    command = ["make", "--no-print-directory", "-o", STAMP, "serve", f"PORT={free_port()}", *languages]
    server = subprocess.Popen(
        command,
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
        preexec_fn=as_in_a_terminal,
    )
    lines: queue.Queue[str | None] = queue.Queue()

    def read() -> None:
        for line in server.stdout:
            lines.put(line.rstrip("\n"))
        lines.put(None)

    threading.Thread(target=read, daemon=True).start()
    output = []
    ended = True
    try:
        while not any("Serving on" in line for line in output):
            line = lines.get(timeout=180)  # a guard against a server that never starts, not a measure
            if line is None:
                break
            output.append(line)
    finally:
        os.killpg(server.pid, signal.SIGINT)  # as Ctrl-C: mkdocs removes its temporary site folder
        try:
            server.wait(timeout=60)
        except subprocess.TimeoutExpired:  # a guard against a server that ignores Ctrl-C, not a measure
            ended = False
            # where it is stuck: Python's fault handler prints every thread's stack on SIGABRT (PYTHONFAULTHANDLER)
            os.killpg(server.pid, signal.SIGABRT)
            with contextlib.suppress(subprocess.TimeoutExpired):
                server.wait(timeout=10)
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
            output += drain(lines)
    text = "\n".join(output)
    assert "Serving on http://127.0.0.1:" in text, text
    assert ended, "make serve did not end on Ctrl-C; its output, then its threads' stacks:\n" + text
    assert [line for line in output if line.startswith(("WARNING", "ERROR"))] == [], text
    assert "end of life" not in text and "NO_MKDOCS_2_WARNING" not in text, text
