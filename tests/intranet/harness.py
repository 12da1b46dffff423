"""Helpers for intranet tests: a second checkout of the project, a server, and a browser that may not leave.

The example site itself is built once per run (tests/examplesite.py). The browser blocks and records every request
to a host other than localhost or a file:// URL, so a test can assert that nothing leaves the intranet.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import threading
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[2]


def copy_project(target: Path) -> Path:
    """The files a build reads, copied elsewhere: a second checkout of the same commit."""
    for name in ("curricula", "theme"):
        shutil.copytree(ROOT / name, target / name)
    # the same history, so the same "last changed" dates; `git clone` also where .git is a file (a worktree)
    subprocess.run(["git", "clone", "-q", "--no-checkout", str(ROOT), str(target / "clone")], check=True)
    (target / "clone" / ".git").rename(target / ".git")
    (target / "clone").rmdir()
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    return target


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output readable
        pass

    def end_headers(self):
        # never from the browser's cache: a test may rebuild the site within the second (Last-Modified's precision)
        self.send_header("Cache-Control", "no-store")
        super().end_headers()


class _Prefixed(_Quiet):
    """Serves the site under a URL prefix, the way an intranet server serves it at /learning/."""

    prefix = "/"

    def translate_path(self, path):
        if not path.startswith(self.prefix):
            return os.path.join(self.directory, "__outside_the_prefix__")
        return super().translate_path("/" + path[len(self.prefix) :])

    def send_error(self, code, message=None, explain=None):
        """Like the sample server configurations in deploy/: a missing page gets the site's 404.html."""
        page = os.path.join(self.directory, "404.html")
        if code != 404 or not os.path.isfile(page):
            return super().send_error(code, message, explain)
        with open(page, "rb") as f:
            body = f.read()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def serve(directory: Path, prefix: str = "/"):
    """Serve `directory` on a free localhost port; returns (server, base URL ending in `prefix`)."""
    handler = type("Handler", (_Prefixed,), {"prefix": prefix})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}{prefix}"


@dataclass
class Traffic:
    """Every request the page made, and those that would have left localhost (aborted)."""

    blocked: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)  # HTTP errors on our own host (a broken sub-path)


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("file", "data", "blob", "about") or parts.hostname in ("127.0.0.1", "localhost")
