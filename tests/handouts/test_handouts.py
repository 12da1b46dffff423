"""`smartshare/handouts`: PDFs written by a real build, read back with pypdf, QR codes decoded with zxing-cpp."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin

import pytest
import zxingcpp
from pypdf import PdfReader

from sitebuilder import MENTORS, build_site, module

SITE_URL = "https://intranet.example.com/learning/"
CHANNEL = "https://forms.example.com/f?module={module}&rating={rating}"
QUIZZES = """
## Self-check

/// quiz
Which request suits a chatbot best?

- [x] A recurring payslip question
    EXPLAIN-RIGHT frequent and factual.
- [ ] A key account threatening to leave
    EXPLAIN-WRONG this needs a person.

GENERAL-FEEDBACK chatbots automate the predictable part.
///

/// quiz
    hint: HINT-TEXT think of units
Which unit measures electrical power?

- = kilowatt
///

/// mentor
MENTOR-NOTE bring twenty real questions from the team's inbox.
///
"""
SESSION = {
    "discovery": ["DISCOVERY which questions come ten times a week?"],
    "run_sheet": [{"step": "RUN-STEP warm-up", "minutes": 60}],
    "debrief": ["DEBRIEF-ITEM send the slides"],
}
TRACK = "title: AI for managers\nsummary: Use AI tools with judgement.\nobjectives: [Choose an AI use case]\nmodules: [chatbots, machine-learning]\n"


def tree() -> dict[str, str]:
    return {
        "mentors.yml": MENTORS,
        "ai/track.yml": TRACK,
        "ai/chatbots.md": module("Chatbots", objectives=["OBJECTIVE name three tasks"], session=SESSION) + QUIZZES,
        "ai/machine-learning.md": module("Machine learning", objectives=["OBJECTIVE read a confusion matrix"]),
    }


def config(language: str) -> dict:
    return {
        "site_url": SITE_URL,
        "theme": {"name": "material", "font": False, "language": language},
        "plugins": [
            "search",
            "smartshare/curriculum",
            "smartshare/quiz",
            {"smartshare/feedback": {"channel": CHANNEL}},
            "smartshare/mentor",  # mentor sheets take their notes from the mentor area's module sheets
            "smartshare/handouts",
        ],
    }


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    build = build_site(tmp_path_factory.mktemp("handouts"), tree(), config=config("en"), strict=True)
    assert build.returncode == 0, build.output
    return build


def text_of(pdf: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(pdf).pages)


def qr_codes(pdf: Path) -> list[str]:
    found = []
    for page in PdfReader(pdf).pages:
        for image in page.images:
            found += [code.text for code in zxingcpp.read_barcodes(image.image)]
    return found


def test_the_learner_handout_has_objectives_content_and_questions_and_no_answer(site):
    text = text_of(site.site / "handouts/ai/chatbots.pdf")
    for expected in ("Chatbots", "OBJECTIVE name three tasks", "Some content about it."):
        assert expected in text
    for question in ("Which request suits a chatbot best?", "A recurring payslip question", "A key account"):
        assert question in text
    assert "Which unit measures electrical power?" in text
    for secret in ("EXPLAIN-RIGHT", "EXPLAIN-WRONG", "GENERAL-FEEDBACK", "kilowatt", "HINT-TEXT", "MENTOR-NOTE"):
        assert secret not in text
    for kit in ("DISCOVERY", "RUN-STEP", "DEBRIEF-ITEM"):
        assert kit not in text


def test_the_qr_codes_lead_to_the_module_page_and_to_its_feedback_form(site):
    assert qr_codes(site.site / "handouts/ai/chatbots.pdf") == [
        urljoin(SITE_URL, "ai/chatbots/"),
        "https://forms.example.com/f?module=ai%2Fchatbots&rating=",
    ]


def test_the_track_handout_holds_every_module_after_a_cover_with_the_track_objectives(site):
    text = text_of(site.site / "handouts/ai.pdf")
    assert text.index("Choose an AI use case") < text.index("OBJECTIVE name three tasks")
    assert text.index("OBJECTIVE name three tasks") < text.index("OBJECTIVE read a confusion matrix")
    assert "EXPLAIN-RIGHT" not in text
    assert qr_codes(site.site / "handouts/ai.pdf")[-2:] == [
        urljoin(SITE_URL, "ai/machine-learning/"),
        "https://forms.example.com/f?module=ai%2Fmachine-learning&rating=",
    ]


def test_the_mentor_sheet_is_one_page_with_notes_session_kit_and_answer_key_in_the_mentor_area(site):
    pdf = site.site / "mentor/handouts/ai/chatbots.pdf"
    assert len(PdfReader(pdf).pages) == 1
    text = " ".join(text_of(pdf).split())
    for expected in ("MENTOR-NOTE bring twenty real questions", "DISCOVERY", "RUN-STEP warm-up", "DEBRIEF-ITEM"):
        assert expected in text
    assert "Answer key" in text
    assert "Which request suits a chatbot best? — A recurring payslip question" in text
    assert "Which unit measures electrical power? — kilowatt" in text


def test_module_and_track_pages_offer_the_handouts_and_no_page_links_the_mentor_sheets(site):
    page = site.html("ai/chatbots/")
    assert '<a href="../../handouts/ai/chatbots.pdf" download>Handout (PDF)</a>' in page
    assert '<a href="../handouts/ai.pdf" download>Track handout (PDF)</a>' in site.html("ai/")
    for html in site.site.rglob("*.html"):
        assert "mentor/handouts" not in html.read_text(encoding="utf-8"), html
    assert re.search(r"INFO\s+-\s+smartshare: 5 PDF files in [\d.]+ s", site.output)


def test_handouts_follow_the_site_language(tmp_path):
    files = tree()
    files["ai/track.yml"] = files["ai/track.yml"].replace("machine-learning]", "]").replace(", ]", "]")
    del files["ai/machine-learning.md"]
    build = build_site(tmp_path, files, config=config("fr"))
    assert build.returncode == 0, build.output
    assert '<a href="../../handouts/ai/chatbots.pdf" download>Support (PDF)</a>' in build.html("ai/chatbots/")
    assert "Ce module en ligne" in text_of(build.site / "handouts/ai/chatbots.pdf")
    assert "Corrigé" in text_of(build.site / "mentor/handouts/ai/chatbots.pdf")


def test_two_builds_write_identical_pdfs(site, tmp_path):
    again = build_site(tmp_path, tree(), config=config("en"), strict=True, fresh=True)  # a new hash seed too
    assert again.returncode == 0, again.output
    pdfs = sorted(p.relative_to(site.site) for p in site.site.rglob("*.pdf"))
    assert len(pdfs) == 5
    assert [p for p in pdfs if (site.site / p).read_bytes() != (again.site / p).read_bytes()] == []
