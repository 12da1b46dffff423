"""The shipped server configurations protect the mentor area: real nginx and Apache httpd on a local port, with
deploy/nginx.conf and deploy/apache.conf as shipped (only the site's folder and the password file's path
changed), answer 401 for /learning/mentor/ without credentials, 200 with them, and 200 for course pages. The mentor
area of every language site (/learning/fr/mentor/, /learning/zh/mentor/) is protected the same way: the served folder
holds the built site also under fr/ and zh/, where a multilingual build puts its other language sites."""

from __future__ import annotations

import base64
import contextlib
import hashlib
import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from nginxmain import write_main_config

ROOT = Path(__file__).resolve().parents[2]
USER, PASSWORD = "mentor", "s3cret-for-tests"
SBIN = "/usr/sbin:/usr/bin"
LANGUAGES = ("en", "fr", "zh")  # the example's language sites


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def served_root(example_root):
    """The site (every language) and a password file in a folder the servers' unprivileged workers can read."""
    root = Path(tempfile.mkdtemp(prefix="smartshare-servers-"))
    root.chmod(0o755)
    shutil.copytree(example_root, root / "site")
    digest = base64.b64encode(hashlib.sha1(PASSWORD.encode()).digest()).decode()
    (root / "htpasswd").write_text(f"{USER}:{{SHA}}{digest}\n")  # nginx and Apache both read {SHA}
    for path in [root, *root.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    yield root
    shutil.rmtree(root, ignore_errors=True)


def shipped(name: str, root: Path, password_file: str) -> str:
    text = (ROOT / "deploy" / name).read_text()
    assert "/srv/learning/site" in text and password_file in text
    return text.replace("/srv/learning/site", str(root / "site")).replace(password_file, str(root / "htpasswd"))


def get(url: str, auth: bool = False) -> tuple[int, str]:
    request = urllib.request.Request(url)
    if auth:
        request.add_header("Authorization", "Basic " + base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode())
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")


@contextlib.contextmanager
def running(command: list[str], port: int, log: Path):
    output = log.with_suffix(".out")
    with output.open("w") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT)
    try:
        for _ in range(200):  # wait until it listens (or has died)
            if process.poll() is not None:
                break
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
                break
            time.sleep(0.05)
        if process.poll() is not None:
            logged = log.read_text() if log.exists() else ""
            pytest.fail(f"{command[0]} did not start: {output.read_text()} {logged}")
        yield f"http://127.0.0.1:{port}/learning/"
    finally:
        process.terminate()
        process.wait(timeout=20)


#: words of the chatbots module's mentor note in each language site (zh has its own translation; fr shows English)
MENTOR_NOTE = {
    "en": "Answer with the demo, not with theory",
    "fr": "Answer with the demo, not with theory",
    "zh": "用演示来回答",
}


def assert_mentor_area_is_protected(base: str) -> None:
    status, chooser = get(base)  # the language chooser
    assert status == 200 and 'href="fr/"' in chooser
    for language in LANGUAGES:
        site = f"{base}{language}/"
        status, page = get(site + "ai/chatbots/")
        assert status == 200 and f'<html lang="{language}"' in page, language
        for path in ("mentor/", "mentor/ai/chatbots/", "mentor/ai/chatbots/index.html", "mentor/statistics/"):
            assert get(site + path)[0] == 401, site + path
        assert get(site + "mentor/any.css")[0] == 401  # no asset rule serves the area around the password
        status, sheet = get(site + "mentor/ai/chatbots/", auth=True)
        assert status == 200 and MENTOR_NOTE[language] in sheet, language
        assert get(site + "mentor/", auth=True)[0] == 200
        status, missing = get(site + "ai/no-such-module/")  # the language site's own 404 page
        assert status == 404 and f'<html lang="{language}"' in missing and "search" in missing, language
    status, missing = get(base + "no-such-page/")
    assert status == 404 and '<html lang="en"' in missing


def test_nginx_asks_for_credentials_for_the_mentor_area_only(served_root):
    nginx = shutil.which("nginx", path=SBIN)
    if not nginx:
        pytest.skip("nginx is not installed: `make servers` installs it as root with apt-get (package nginx)")
    port = free_port()
    (served_root / "smartshare.conf").write_text(
        shipped("nginx.conf", served_root, "/etc/nginx/smartshare-mentors.htpasswd")
    )
    log = served_root / "nginx-error.log"
    main = write_main_config(served_root, port, served_root / "smartshare.conf", log)
    command = [nginx, "-p", str(served_root), "-e", str(log), "-c", str(main)]
    with running(command, port, log) as base:
        assert_mentor_area_is_protected(base)


APACHE_MODULES = [
    "mpm_event",
    "authz_core",
    "authz_user",
    "authn_core",
    "authn_file",
    "auth_basic",
    "alias",
    "mime",
    "headers",
    "dir",
    "unixd",
]


def test_apache_asks_for_credentials_for_the_mentor_area_only(served_root):
    apache = shutil.which("apache2", path=SBIN)
    if not apache:
        pytest.skip("Apache httpd is not installed: `make servers` installs it as root with apt-get (package apache2)")
    modules = Path("/usr/lib/apache2/modules")
    port = free_port()
    (served_root / "apache-smartshare.conf").write_text(
        shipped("apache.conf", served_root, "/etc/apache2/smartshare-mentors.htpasswd")
    )
    log = served_root / "apache-error.log"
    user = "User www-data\nGroup www-data\n" if os.geteuid() == 0 else ""
    # modules built into this apache2 (unixd, core) have no .so to load
    loads = "\n".join(
        f"LoadModule {m}_module {modules}/mod_{m}.so" for m in APACHE_MODULES if (modules / f"mod_{m}.so").exists()
    )
    (served_root / "apache-main.conf").write_text(f"""
ServerRoot {served_root}
ServerName localhost
Listen 127.0.0.1:{port}
PidFile {served_root}/httpd.pid
DefaultRuntimeDir {served_root}
ErrorLog {log}
TypesConfig /dev/null
{user}{loads}
DocumentRoot {served_root}/site
Include {served_root}/apache-smartshare.conf
""")
    command = [apache, "-f", str(served_root / "apache-main.conf"), "-DFOREGROUND"]
    with running(command, port, log) as base:
        assert_mentor_area_is_protected(base)
