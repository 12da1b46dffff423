"""Whole-site builds with smartshare/xapi: off until an endpoint is set, the page data the browser needs, and the
configuration mistakes it reports."""

from __future__ import annotations

import html
import json
import re

import pytest

from sitebuilder import build_site

from .conftest import site_tree

WRITE_ONLY = "Basic c2l0ZTp3cml0ZS1vbmx5"
ENDPOINT = "https://lrs.intranet.example.com/xAPI"
DATA = re.compile(r'<div hidden data-smartshare-xapi="([^"]*)"></div>')


def config(xapi: dict | None, **extra) -> dict:
    plugins = ["search", "smartshare/curriculum", "smartshare/quiz", "smartshare/intranet"]
    plugins.append({"smartshare/xapi": xapi} if xapi is not None else "smartshare/xapi")
    return {"site_url": "https://learn.example.com/courses/", "plugins": plugins, **extra}


def data(page_html: str) -> dict:
    found = DATA.findall(page_html)
    assert len(found) == 1
    return json.loads(html.unescape(found[0]))


@pytest.fixture(scope="module")
def on(tmp_path_factory):
    build = build_site(
        tmp_path_factory.mktemp("xapi-on"),
        site_tree(),
        config=config({"endpoint": ENDPOINT, "auth": WRITE_ONLY}),
        env={"SMARTSHARE_BUILD": "feedc0de"},
    )
    assert build.returncode == 0, build.output
    return build


def test_learning_events_are_off_until_an_endpoint_is_set(tmp_path):
    build = build_site(tmp_path, site_tree(), config=config(None))
    assert build.returncode == 0, build.output
    page = build.html("ai/chatbots/")
    assert "data-smartshare-xapi" not in page and "xapi.js" not in page
    assert not (build.site / "assets/smartshare/xapi.js").exists()


def test_a_module_page_carries_its_activities_and_the_write_only_credential(on):
    page = on.html("ai/chatbots/")
    assert 'src="../../assets/smartshare/xapi.js"' in page
    site = "https://learn.example.com/courses/"
    assert data(page) == {
        "endpoint": ENDPOINT + "/",
        "version": "1.0.3",
        "auth": WRITE_ONLY,
        "actor": None,
        "build": "feedc0de",
        "lang": "en",
        "site": site,
        "verbs": {
            "viewed": "http://id.tincanapi.com/verb/viewed",
            "answered": "http://adlnet.gov/expapi/verbs/answered",
            "completed": "http://adlnet.gov/expapi/verbs/completed",
            "rated": "http://id.tincanapi.com/verb/rated",
        },
        "types": {
            "site": "http://adlnet.gov/expapi/activities/course",
            "track": "http://adlnet.gov/expapi/activities/module",
            "module": "http://adlnet.gov/expapi/activities/lesson",
            "self-check": "http://adlnet.gov/expapi/activities/assessment",
            "question": "http://adlnet.gov/expapi/activities/cmi.interaction",
        },
        "ext": {
            name: f"{site}xapi/extensions/{name}"
            for name in ("module", "track", "session", "lang", "build", "first-try")
        },
        "module": {
            "id": "ai/chatbots",
            "track": "ai",
            "title": "Chatbots",
            "activity": f"{site}xapi/modules/ai/chatbots",
            "trackActivity": f"{site}xapi/tracks/ai",
            "selfCheck": f"{site}xapi/modules/ai/chatbots/self-check",
            "questions": f"{site}xapi/modules/ai/chatbots/quiz/",
        },
    }


def test_other_pages_carry_the_site_part_only_to_send_what_waits(on):
    assert "module" not in data(on.html("ai/"))
    assert data(on.html("ai/"))["endpoint"] == ENDPOINT + "/"


def test_the_lrs_is_the_one_other_host_and_the_host_check_still_passes(on):
    # smartshare/intranet's host check ran (it is in the plugins) and found nothing: the endpoint is data, not a
    # resource the page loads; the build says which host pages send events to
    assert "INFO    -  smartshare: pages send learning events (xAPI) to lrs.intranet.example.com" in on.output
    assert "remote-resource" not in on.output


@pytest.mark.parametrize(
    ("xapi", "extra", "message"),
    [
        (
            {"endpoint": "lrs.intranet/xAPI/"},
            {},
            "Plugin 'smartshare/xapi' option 'endpoint': The URL isn't valid, it should include the http:// (scheme)",
        ),
        (
            {"endpoint": ENDPOINT, "actor": "me"},
            {},
            "Plugin 'smartshare/xapi' option 'actor': expected 'anonymous' or an xAPI Agent with one of mbox, "
            "mbox_sha1sum, openid, account — e.g. actor: {account: {homePage: https://intranet.example.com/, "
            "name: learning-kiosk}}",
        ),
        ({"endpoint": ENDPOINT}, {"site_url": None}, "smartshare/xapi needs 'site_url' in mkdocs.yml"),
    ],
)
def test_configuration_mistakes_stop_the_build_with_what_to_write(tmp_path, xapi, extra, message):
    build = build_site(tmp_path, site_tree(), config=config(xapi, **extra))
    assert build.returncode != 0
    assert message in build.output, build.output
