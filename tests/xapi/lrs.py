"""A real Ralph LRS on localhost for the xAPI tests: its own virtual environment (`make lrs`), its file-system
backend in a temporary folder, credentials made with `ralph auth`, and scopes enforced as in production.

Two users: `site`, write-only (the credential a site puts in its pages), and `mentor`, who may read.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from smartshare.core.xapi import VERSION, basic_auth

REPO = Path(__file__).resolve().parents[2]
RALPH = Path(os.environ.get("SMARTSHARE_RALPH", REPO / ".venv-ralph" / "bin" / "ralph"))
PAGE_SIZE = 4
STARTUP_SECONDS = 120  # a deadline for a server to come up, not a measured duration


@dataclass(frozen=True)
class Lrs:
    endpoint: str  # http://127.0.0.1:<port>/xAPI/
    writer: str  # Authorization header values
    reader: str
    log: Path

    def statements(self, **query: str) -> list[dict]:
        """Every statement the LRS holds (as the mentor, following `more`), oldest first.

        Statements made in the same millisecond (a question's answer and the self-check it completes) share a
        timestamp; the site sends its queue one statement at a time, oldest first, so the time the LRS stored them
        keeps their order (a random id would not)."""
        url = self.endpoint + "statements?" + urllib.parse.urlencode({"limit": "100", **query})
        found: list[dict] = []
        while url:
            answer = get(url, self.reader)
            found += answer["statements"]
            url = urllib.parse.urljoin(self.endpoint, answer["more"]) if answer.get("more") else ""
        return sorted(found, key=lambda s: (s["timestamp"], s["stored"], s["id"]))


def get(url: str, auth: str) -> dict:
    request = urllib.request.Request(url, headers={"Authorization": auth, "X-Experience-API-Version": VERSION})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.load(response)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _ralph_env(folder: Path, origins: list[str]) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("RALPH_")}
    env.update(
        RALPH_APP_DIR=str(folder / "app"),
        RALPH_AUTH_FILE=str(folder / "auth.json"),
        RALPH_RUNSERVER_BACKEND="fs",
        # as a production LRS must be set up for a site's public credential: scopes are enforced
        RALPH_LRS_RESTRICT_BY_AUTHORITY="true",
        RALPH_LRS_RESTRICT_BY_SCOPES="true",
        RALPH_RUNSERVER_CORS_ALLOW_ORIGINS=json.dumps(origins),
        # small pages, so that readers must follow `more`
        RALPH_RUNSERVER_MAX_SEARCH_HITS_COUNT=str(PAGE_SIZE),
        # the one fix to Ralph 5.1.0 (see its docstring): its file-system LRS stores only the first statement
        PYTHONPATH=str(Path(__file__).parent / "ralph_patch"),
    )
    return env


@contextlib.contextmanager
def running_ralph(
    folder: Path, origins: list[str], meanwhile: Callable[[Lrs], None] = lambda lrs: None
) -> Iterator[Lrs]:
    """Ralph on a free port, accepting browser requests from `origins` (CORS), its statements in `folder`/data.

    `meanwhile(lrs)` runs while Ralph starts (it takes seconds to import)."""
    if not RALPH.exists():
        raise FileNotFoundError(f"{RALPH} is missing: run `make lrs`")
    env = _ralph_env(folder, origins)
    (folder / "data").mkdir(parents=True, exist_ok=True)
    # what `ralph runserver -b fs --fs-default-directory-path DATA` writes into uvicorn's environment file
    env["RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH"] = str(folder / "data")
    home = "http://127.0.0.1/"
    users = {"site": ("statements/write", "write-only-but-public"), "mentor": ("statements/read", "mentor-secret")}
    port = free_port()
    log = folder / "ralph.log"
    quiet = folder / "cwd"  # an empty working folder, as `runserver` needed one for its reloader
    quiet.mkdir(exist_ok=True)
    # Ralph's own `auth` then its API under uvicorn, in one process of Ralph's interpreter (ralphserve.py: what
    # `ralph auth` twice and `ralph runserver` did in four, each importing Ralph); meanwhile `meanwhile` runs
    command = [str(RALPH.parent / "python"), str(Path(__file__).with_name("ralphserve.py")), "127.0.0.1", str(port)]
    command.append(json.dumps([[user, password, scope, home] for user, (scope, password) in users.items()]))
    with open(log, "wb") as out:
        server = subprocess.Popen(
            command, env=env, cwd=quiet, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    try:
        lrs = Lrs(
            f"http://127.0.0.1:{port}/xAPI/",
            basic_auth("site", users["site"][1]),
            basic_auth("mentor", users["mentor"][1]),
            log,
        )
        meanwhile(lrs)
        _wait_until_up(server, lrs)
        yield lrs
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


def _wait_until_up(server: subprocess.Popen, lrs: Lrs) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError("Ralph stopped:\n" + lrs.log.read_text(errors="replace"))
        try:
            get(lrs.endpoint + "statements?limit=1", lrs.reader)
            return
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.2)
    raise RuntimeError("Ralph did not start:\n" + lrs.log.read_text(errors="replace"))
