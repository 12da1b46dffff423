"""The example's mentor area shows how its modules landed, from records imported from the example survey."""

from __future__ import annotations

import re
from pathlib import Path

from smartshare.cli import main

ROOT = Path(__file__).resolve().parents[2]
SURVEY = ROOT / "examples/surveys/autumn-2026-survey.csv"
RECORDS = ROOT / "curricula/feedback/autumn-2026-survey.jsonl"
MAPPING = ROOT / "curricula/feedback/autumn-2026-survey.yml"


def text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_the_example_records_are_what_the_importer_makes_of_the_example_survey(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(ROOT)
    target = tmp_path / "records.jsonl"
    args = ["feedback", "import", str(SURVEY), "--source", "gforms", "--map", str(MAPPING), "-o", str(target)]
    assert main(args) == 0, capsys.readouterr().err
    assert target.read_bytes() == RECORDS.read_bytes()
    assert "example.com" not in RECORDS.read_text(encoding="utf-8")  # the survey's e-mail column stays out


def test_a_module_with_enough_responses_shows_its_figures_and_a_question_too_hard(example_build):
    sheet = (example_build / "mentor/ai/chatbots/index.html").read_text(encoding="utf-8")
    landed = re.search(r'<section class="smartshare-landed".*?</section>', sheet, re.S)[0]
    assert '<svg xmlns="http://www.w3.org/2000/svg" class="smartshare-chart" role="img"' in landed
    assert "12 responses, mean rating 2.8" in text(landed)
    assert re.search(r'<tr class="smartshare-question--too-hard"><th scope="row"><code>quiz-3</code>', landed)
    assert "25% too hard True (9)" in text(landed)


def test_a_module_with_fewer_than_five_responses_shows_how_many_only(example_build):
    sheet = (example_build / "mentor/marketing/inbound-marketing/index.html").read_text(encoding="utf-8")
    landed = re.search(r'<section class="smartshare-landed".*?</section>', sheet, re.S)[0]
    assert text(landed) == "How it landed Not enough responses yet (3 of 5)."


def test_low_ratings_reach_the_needs_attention_lists(example_build):
    stats = text((example_build / "mentor/statistics/index.html").read_text(encoding="utf-8"))
    assert "Running remote meetings ( collaboration/running-remote-meetings ): low ratings (mean 1.8)" in stats
    track = text((example_build / "mentor/collaboration/index.html").read_text(encoding="utf-8"))
    assert "Feedback on Working together, near and far" in track and "low ratings (mean 1.8)" in track


def test_survey_comments_reach_no_learner_file(example_build):
    comments = ["The payslip example made it click", "The camera etiquette debate", "un peu trop de théorie"]
    for path in example_build.rglob("*"):
        if path.is_file() and not path.relative_to(example_build).as_posix().startswith("mentor/"):
            data = path.read_bytes()
            for comment in comments:
                assert comment.encode() not in data, path
    assert not (example_build / "feedback").exists()
