"""The offline edition (opened from file://) sends its statements through the shipped nginx configuration in front
of Ralph, which accepts the `null` origin of file:// pages for writing only."""

from __future__ import annotations

import contextlib
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from nginxmain import write_main_config
from sitebuilder import build_site
from smartshare.core.xapi import VERBS, VERSION

from .conftest import site_config, site_tree
from .lrs import free_port

# one Ralph for all of them: with `make test` (--dist loadgroup) they run in the same test process
pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("lrs")]
ROOT = Path(__file__).resolve().parents[2]
QUEUE_EMPTY = "() => (__md_get('smartshare.xapi.queue') || []).length == 0"


@pytest.fixture(scope="module")
def nginx_lrs(lrs, tmp_path_factory):
    """nginx on a free port with deploy/nginx-lrs.conf as shipped (only Ralph's address changed); yields the
    endpoint the offline edition sends to."""
    nginx = shutil.which("nginx", path="/usr/sbin:/usr/bin")
    if not nginx:
        pytest.skip("nginx is not installed: `make servers` installs it as root with apt-get (package nginx)")
    root = tmp_path_factory.mktemp("nginx-lrs")
    text = (ROOT / "deploy/nginx-lrs.conf").read_text()
    assert text.count("http://127.0.0.1:8100") == 2
    (root / "lrs.conf").write_text(text.replace("http://127.0.0.1:8100", "http://" + urlsplit(lrs.endpoint).netloc))
    port, log = free_port(), root / "error.log"
    main = write_main_config(root, port, root / "lrs.conf", log)
    process = subprocess.Popen([nginx, "-p", str(root), "-e", str(log), "-c", str(main)])
    try:
        for _ in range(400):  # until it listens (or has died)
            if process.poll() is not None:
                pytest.fail(f"nginx did not start: {log.read_text() if log.exists() else ''}")
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
                break
            time.sleep(0.05)
        yield f"http://127.0.0.1:{port}/xAPI/"
    finally:
        process.terminate()
        process.wait(timeout=20)


@pytest.fixture(scope="module")
def offline_edition(tmp_path_factory, xapi_site, lrs, nginx_lrs) -> Path:
    config = site_config(xapi_site, nginx_lrs, lrs.writer)
    config["plugins"].append({"smartshare/intranet": {"offline": True, "git_dates": False}})
    build = build_site(tmp_path_factory.mktemp("xapi-offline"), site_tree(), config=config)
    assert build.returncode == 0, build.output
    return build.site


def test_the_offline_edition_sends_through_nginx_which_lets_file_pages_write_only(
    browser, offline_edition, nginx_lrs, lrs
):
    context = browser.new_context()
    blocked: list[str] = []
    nginx_host = urlsplit(nginx_lrs).netloc

    # listened to, not routed: a Playwright route answers the CORS preflight itself, and nginx's answer to it, which
    # the offline edition needs, went untested (it was 403: deploy/nginx-lrs.conf's limit_except)
    def request(request_) -> None:
        parts = urlsplit(request_.url)
        if parts.scheme in ("http", "https", "ws", "wss") and parts.netloc != nginx_host:
            blocked.append(request_.url)

    context.on("request", request)
    try:
        page = context.new_page()
        page.goto((offline_edition / "ai/chatbots.html").as_uri())
        page.locator("#hours input[value='0']").check()
        page.locator("#hours [data-action=check]").click()
        page.wait_for_function(QUEUE_EMPTY)
        name = page.evaluate("__md_get('smartshare.xapi.actor')")
    finally:
        context.close()
    assert blocked == []
    mine = [s for s in lrs.statements() if s["actor"]["account"]["name"] == name]
    assert [s["verb"]["id"] for s in mine] == [VERBS["viewed"], VERBS["answered"]]

    # what nginx lets the `null` origin do: write, never read
    request = urllib.request.Request(
        nginx_lrs + "statements",
        headers={"Origin": "null", "Authorization": lrs.reader, "X-Experience-API-Version": VERSION},
    )
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=30)
    assert refused.value.code == 403
