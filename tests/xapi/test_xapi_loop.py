"""The loop closed end to end: learners answer a quiz on the built site, the LRS stores their statements,
`smartshare feedback import --source xapi` brings them back, and the next build shows mentors the question's
first-try success rate (and learners nothing of it)."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from sitebuilder import build_site
from smartshare.cli import main
from smartshare.core.xapi import VERBS, Vocabulary

from .conftest import BUILD, site_config, site_tree
from .test_xapi_browser import QUEUE_EMPTY, Traffic, answer, learner, of

# one Ralph for all of them: with `make test` (--dist loadgroup) they run in the same test process
pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("lrs")]

FIRST_TRY = [True, True, True, False, False]  # five learners: three right at the first try, two wrong first


def learners_answer(browser, site: str, lrs, first_tries: list[bool]) -> list[str]:
    """One anonymous learner after another answers the question `purpose` (right or wrong at the first try); their
    names. Each learner is a new page with empty storage, as a new browser would be: the learner's id lives in the
    browser's local storage, emptied after each (one context for all, so the site's scripts are fetched and compiled
    once rather than once per learner)."""
    context = browser.new_context()
    traffic = Traffic(context, site, lrs.endpoint)
    names, previous = [], None
    for right_first in first_tries:
        page = context.new_page()
        if previous is not None:
            previous.close()  # after the new page is open: its renderer process serves the new one
        page.goto(site + "ai/chatbots/")
        if right_first:
            answer(page, "purpose", 0)
        else:
            answer(page, "purpose", 1)
            page.locator("#purpose [data-action=retry]").click()
            answer(page, "purpose", 0)
        page.wait_for_function(QUEUE_EMPTY)
        names.append(learner(page))
        page.evaluate("localStorage.clear()")  # the next learner's browser knows nothing of this one
        previous = page
    context.close()
    assert not traffic.blocked, f"requests to other hosts: {traffic.blocked}"
    return names


def text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_answers_sent_to_the_lrs_come_back_as_the_question_success_rate_in_the_next_build(
    browser, served, xapi_site, lrs, tmp_path, capsys
):
    since = datetime.now(UTC).isoformat()  # other tests of this process sent statements of the same site before
    names = learners_answer(browser, xapi_site, lrs, FIRST_TRY)
    assert len(set(names)) == 5  # each browser is its own anonymous learner

    words = Vocabulary.for_site(xapi_site)
    question = words.question("ai/chatbots", "purpose")
    first = words.extension("first-try")
    for name, right in zip(names, FIRST_TRY, strict=True):
        answered = [
            (s["verb"]["id"], s["object"]["id"], s["result"])
            for s in of(lrs, name)
            if s["verb"]["id"] != VERBS["viewed"]
        ]
        if right:
            assert answered == [
                (VERBS["answered"], question, {"success": True, "response": "0", "extensions": {first: True}})
            ]
        else:
            assert answered == [
                (VERBS["answered"], question, {"success": False, "response": "1", "extensions": {first: True}}),
                (VERBS["answered"], question, {"success": True, "response": "0", "extensions": {first: False}}),
            ]

    # the mentor's import, with a reading credential (never the site's), into the curriculum of the next build
    folder, _url = served
    curriculum = tmp_path / "curricula"
    files = site_tree()
    for relative, content in files.items():
        (curriculum / relative).parent.mkdir(parents=True, exist_ok=True)
        (curriculum / relative).write_text(content, encoding="utf-8")
    records = curriculum / "feedback/xapi.jsonl"
    command = ["feedback", "import", "--source", "xapi", lrs.endpoint, "--auth", lrs.reader, "--since", since]
    command += ["-f", str(folder / "mkdocs.yml"), "-C", str(curriculum), "-o", str(records)]
    assert main(command) == 0, capsys.readouterr().err
    out, err = capsys.readouterr()
    assert (out, err) == (f"{records}: 7 new records\n", "")  # 5 first answers, 2 second tries; views are no feedback
    imported = records.read_bytes()
    assert main(command) == 0
    out, err = capsys.readouterr()
    assert (out, err) == (f"{records}: 0 new records, 7 already there\n", "")  # known statement ids add nothing
    assert records.read_bytes() == imported

    config = site_config(xapi_site, lrs.endpoint, lrs.writer)
    config["plugins"].append("smartshare/mentor")
    files["feedback/xapi.jsonl"] = imported.decode("utf-8")
    build = build_site(tmp_path, files, config=config, env={"SMARTSHARE_BUILD": BUILD})
    assert build.returncode == 0, build.output
    landed = re.search(r'<section class="smartshare-landed".*?</section>', build.html("mentor/ai/chatbots/"), re.S)
    assert landed, "no 'How it landed' section"
    row = next(r for r in re.findall(r"<tr[^>]*>.*?</tr>", landed[0], re.S) if "<code>purpose</code>" in r)
    assert text(row) == "purpose What is a chatbot good at? 5 60% Delicate conversations (2)"
    for path in build.site.rglob("*.html"):
        if not path.relative_to(build.site).as_posix().startswith("mentor/"):
            assert "smartshare-landed" not in path.read_text(encoding="utf-8"), path
