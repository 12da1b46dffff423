"""The example site's server (tests/examplesite.py, tests/browser/harness.py): one address per checkout and prefix,
run after run, so that the themed pages the repository's cache keeps for that address serve the next run too."""

from __future__ import annotations

import socket
import urllib.request
from urllib.parse import urlsplit

from harness import serve_site

from examplesite import example_build, usual_port


def test_the_usual_port_is_one_per_prefix_outside_the_ports_linux_draws():
    ports = {usual_port(prefix) for prefix in ("/", "/learning/")}
    assert len(ports) == 2 and all(10000 <= port < 30000 for port in ports)
    assert usual_port("/") == usual_port("/")  # no state: the same in the next run's processes


def test_the_site_is_served_at_the_port_asked_for_or_at_another_when_it_is_taken(tmp_path):
    (tmp_path / "index.html").write_text("home", encoding="utf-8")
    with socket.socket() as probe:  # a port free a moment ago
        probe.bind(("127.0.0.1", 0))
        free = probe.getsockname()[1]
    with serve_site(tmp_path, "/", port=free) as url:
        assert url == f"http://127.0.0.1:{free}/"
        assert urllib.request.urlopen(url).read() == b"home"
        with serve_site(tmp_path, "/learning/", port=free) as other:  # taken by the first
            assert other != f"http://127.0.0.1:{free}/learning/" and other.endswith("/learning/")
            assert urllib.request.urlopen(other).read() == b"home"


def test_the_run_serves_the_example_at_its_usual_port_unless_another_program_holds_it(tmp_path_factory):
    served = example_build(tmp_path_factory, "strict")
    port = urlsplit(served.url).port
    if port != usual_port("/"):  # another run of this checkout, or another program, was there first
        with socket.create_connection(("127.0.0.1", usual_port("/")), timeout=5):
            pass
