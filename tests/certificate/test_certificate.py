"""The certificate of completion on a track page, in headless Chromium: shown only once the track is done,
printed on one page (A4 and Letter), the learner's name never sent."""

from __future__ import annotations

import io

import pytest
from harness import NO_SEARCH_WORKER, serve_site
from pypdf import PdfReader

from sitebuilder import MENTORS, build_site, module

pytestmark = pytest.mark.browser

QUIZ = """
/// quiz
Which request suits a chatbot best?

- [x] A recurring payslip question
- [ ] A key account threatening to leave
///
"""
TRACK = """\
title: AI for managers
summary: Use AI tools with judgement.
modules: [chatbots, machine-learning, reading]
"""


@pytest.fixture(scope="module")
def site_url(tmp_path_factory):
    files = {
        "mentors.yml": MENTORS,
        "ai/track.yml": TRACK,
        "ai/chatbots.md": module("Chatbots") + QUIZ,
        "ai/machine-learning.md": module("Machine learning", mentors=["leo-martin"]) + QUIZ,
        "ai/reading.md": module("Further reading"),  # no self-check: nothing to do
    }
    plugins = ["search", "smartshare/curriculum", "smartshare/quiz", "smartshare/certificate"]
    build = build_site(tmp_path_factory.mktemp("certificate"), files, config={"plugins": plugins}, strict=True)
    assert build.returncode == 0, build.output
    with serve_site(build.site) as url:
        yield url


def do_self_check(page, url: str) -> None:
    page.goto(url)
    page.locator(".smartshare-quiz input[value='0']").check()
    page.locator(".smartshare-quiz [data-action=check]").click()
    page.locator(".smartshare-quiz.is-checked").wait_for()


def test_the_certificate_appears_once_every_self_check_of_the_track_is_done_and_prints_on_one_page(browser, site_url):
    context = browser.new_context()
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url + " " + (request.post_data or "")))
    page = context.new_page()
    page.add_init_script(NO_SEARCH_WORKER)  # nothing searched: the search worker idle
    page.set_default_timeout(10_000)
    certificate = page.locator(".smartshare-certificate")
    form = certificate.locator(".smartshare-certificate__form")

    page.goto(site_url + "ai/")
    assert certificate.locator(".smartshare-certificate__pending").inner_text() == (
        "Complete the self-check of every module of this track to print a certificate of completion (0 of 2 done)."
    )
    assert not form.is_visible() and not certificate.locator(".smartshare-certificate__sheet").is_visible()

    do_self_check(page, site_url + "ai/chatbots/")
    page.goto(site_url + "ai/")
    assert "(1 of 2 done)" in certificate.locator(".smartshare-certificate__pending").inner_text()
    assert not form.is_visible()

    do_self_check(page, site_url + "ai/machine-learning/")  # a wrong answer would do too: the check is done
    page.goto(site_url + "ai/")
    assert not certificate.locator(".smartshare-certificate__pending").is_visible()
    assert form.is_visible()
    form.get_by_label("Your name").fill("Ada Lovelace")
    sheet = certificate.locator(".smartshare-certificate__sheet")
    assert sheet.locator(".smartshare-certificate__name").inner_text() == "Ada Lovelace"
    assert sheet.locator(".smartshare-certificate__track").inner_text() == "AI for managers"

    page.evaluate("window.print = () => { window.printed = true }")  # the dialog itself cannot be driven
    for paper in ("A4", "Letter"):
        form.get_by_role("button", name="Print the certificate").click()  # printing ends with 'afterprint'
        assert page.evaluate("window.printed") is True
        pdf = PdfReader(io.BytesIO(page.pdf(format=paper, print_background=True)))
        assert len(pdf.pages) == 1, paper
        text = pdf.pages[0].extract_text()
        assert "Ada Lovelace" in text and "AI for managers" in text and "Further reading" in text
        assert "Use AI tools with judgement." not in text  # the rest of the page is not printed
    assert not [r for r in requests if "Ada" in r or "Lovelace" in r]
    printed_again = PdfReader(io.BytesIO(page.pdf(format="A4")))  # after printing, the page prints as before
    assert "Use AI tools with judgement." in printed_again.pages[0].extract_text()

    page.reload()  # the name is remembered in this browser
    assert form.get_by_label("Your name").input_value() == "Ada Lovelace"
    context.close()


def test_a_track_without_any_self_check_offers_no_certificate(tmp_path):
    files = {"mentors.yml": MENTORS, "ai/track.yml": "title: T\nsummary: S.\nmodules: [reading]\n"}
    files["ai/reading.md"] = module("Further reading")
    plugins = ["search", "smartshare/curriculum", "smartshare/quiz", "smartshare/certificate"]
    build = build_site(tmp_path, files, config={"plugins": plugins})
    assert build.returncode == 0, build.output
    assert "smartshare-certificate" not in build.html("ai/").split("</head>", 1)[1]
