"""Survey exports as the tools write them (BOM, semicolons, quoted line breaks, XLSX) become feedback records."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from sitebuilder import basic_tree, module, write_tree
from smartshare.core.feedbackimport import import_table, load_mapping, read_table
from smartshare.core.loader import load_curriculum

QUIZ = """
/// quiz
Which request suits a chatbot best?

- [x] "When will my next payslip arrive?"
- [ ] A key account threatening to cancel
- [ ] A question about a **contract** clause
///
"""
SESSIONS = """\
- id: chatbots-paris-2026-09
  modules: [ai/chatbots]
  start: 2026-09-15 09:30
  timezone: Europe/Paris
  status: done
"""


@pytest.fixture(scope="module")
def curriculum(tmp_path_factory):
    root = tmp_path_factory.mktemp("import") / "curricula"
    files = basic_tree()
    files["ai/chatbots.md"] = module("Chatbots « pour tous »") + QUIZ
    files["sessions.yml"] = SESSIONS
    write_tree(root, files)
    curriculum, problems = load_curriculum(str(root))
    assert not problems.errors, [p.format() for p in problems]
    return curriculum


def options(curriculum):
    from smartshare.quiz.parse import find_quizzes

    def lookup(module_id, question):
        quiz = next((q for q in find_quizzes(curriculum.modules[module_id].body) if q.id == question), None)
        return [(o.text, o.correct) for o in quiz.options] if quiz else None

    return lookup


def run(tmp_path: Path, curriculum, name: str, data: bytes | str, source: str, mapping: str = "", keep=()):
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    survey = None
    if mapping:
        survey, problems = load_mapping("map.yml", mapping, curriculum.modules)
        assert not problems, [p.format() for p in problems]
    return import_table(read_table(str(path)), name, source, curriculum, survey, keep, options(curriculum))


GFORMS_EN = (
    '\ufeffTimestamp,Email Address,Module,Session code,How useful was this module?,"What worked, what did not?"\r\n'
    '11/26/2026 10:15:32,ana@example.com,ai/chatbots,chatbots-paris-2026-09,3,"The ""payslip"" example\r\n'
    'made it click — merci, Amélie"\r\n'
    "2026/11/26 11:17:05 AM GMT+1,bob@example.com,Machine learning,,1,\r\n"  # the form's own download
    "11/26/2026 10:20:00,,https://learn.example.com/ai/chatbots/,CHATBOTS-PARIS-2026-09,,Only a comment\r\n"
    ",,,,,\r\n"
)


def test_a_google_forms_export_in_english_with_bom_quotes_and_a_line_break(tmp_path, curriculum):
    result = run(tmp_path, curriculum, "responses.csv", GFORMS_EN, "gforms")
    assert result.problems == [] and result.rows == 3
    first, second, third = sorted(result.records, key=lambda r: r.time)
    assert (first.module, first.track, first.session, first.rating) == (
        "ai/chatbots",
        "ai",
        "chatbots-paris-2026-09",
        3,
    )
    assert first.comment == 'The "payslip" example\nmade it click — merci, Amélie'
    assert first.time == "2026-11-26T10:15:32Z" and first.kind == "rating" and first.source == "gforms"
    assert (second.module, second.rating, second.kind) == ("ai/machine-learning", 1, "rating")  # by title
    assert second.time == "2026-11-26T10:17:05Z"  # the offset written in the export, not the mapping's zone
    assert (third.module, third.session, third.kind) == ("ai/chatbots", "chatbots-paris-2026-09", "comment")  # URL
    assert result.dropped == ["Email Address"]
    assert not any("example.com" in record.to_line() for record in result.records)


GFORMS_FR = (
    "\ufeffHorodateur;Adresse e-mail;Quel module ?;Code de la séance;Ce module vous a-t-il été utile\u202f?;"
    "Score;Commentaire\n"
    '26/11/2026 09:05:00;léa@example.fr;Chatbots « pour tous »;chatbots-paris-2026-09;Très utile;0,75;"Génial ; '
    'vraiment"\n'
    "26/11/2026 09:06:10;;ai/machine-learning;;Pas utile;3 / 4;\n"
)


def test_a_french_google_forms_export_separated_by_semicolons_with_decimal_commas(tmp_path, curriculum):
    mapping = "timezone: Europe/Paris\n"
    result = run(tmp_path, curriculum, "réponses.csv", GFORMS_FR, "gforms", mapping)
    assert result.problems == []
    first, second = sorted(result.records, key=lambda r: r.time)
    assert (first.module, first.rating, first.score, first.comment) == ("ai/chatbots", 3, 0.75, "Génial ; vraiment")
    assert first.time == "2026-11-26T08:05:00Z"  # Paris time, written in UTC
    assert (second.rating, second.score) == (1, 0.75)
    assert result.dropped == ["Adresse e-mail"]


def test_a_microsoft_forms_xlsx_export(tmp_path, curriculum):
    import datetime as dt
    import io

    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(
        [
            "ID",
            "Start time",
            "Completion time",
            "Email",
            "Name",
            "Module",
            "Session code",
            "How useful was this module?",
            "Comments",
        ]
    )
    sheet.append(
        [
            1,
            dt.datetime(2026, 11, 26, 9, 0),
            dt.datetime(2026, 11, 26, 9, 4, 30),
            "anonymous",
            None,
            "ai/chatbots",
            "chatbots-paris-2026-09",
            2,
            "Trop court,\nmais utile",
        ]
    )
    sheet.append(
        [
            2,
            dt.datetime(2026, 11, 26, 9, 1),
            dt.datetime(2026, 11, 26, 9, 6),
            "jo@example.com",
            "Jo Smith",
            "ai/machine-learning",
            None,
            3,
            None,
        ]
    )
    data = io.BytesIO()
    book.save(data)
    result = run(tmp_path, curriculum, "Feedback(1-2).xlsx", data.getvalue(), "msforms")
    assert result.problems == []
    first, second = sorted(result.records, key=lambda r: r.time)
    assert (first.rating, first.comment, first.time) == (2, "Trop court,\nmais utile", "2026-11-26T09:04:30Z")
    assert (second.module, second.rating, second.session) == ("ai/machine-learning", 3, "")
    assert result.dropped == ["Email", "Name"]  # "Start time" is known and ignored, not reported
    assert "Jo Smith" not in "".join(r.to_line() for r in result.records)


LIMESURVEY = (
    '"id","submitdate","lastpage","startlanguage","seed","ipaddr","module","session","rating","comment"\n'
    '"12","2026-11-26 14:02:11","2","fr","1234","10.0.0.7","ai/chatbots","","3","Très clair"\n'
)


def test_a_limesurvey_export_keeps_the_response_id_and_language(tmp_path, curriculum):
    result = run(tmp_path, curriculum, "results-survey123456.csv", LIMESURVEY, "limesurvey")
    assert result.problems == []
    (record,) = result.records
    assert (record.lang, record.rating, record.comment, record.time) == ("fr", 3, "Très clair", "2026-11-26T14:02:11Z")
    assert result.dropped == ["ipaddr"]


def test_a_column_is_kept_only_when_asked_for(tmp_path, curriculum):
    result = run(tmp_path, curriculum, "results.csv", LIMESURVEY, "limesurvey", keep=["seed"])
    assert result.records[0].kept == {"seed": "1234"}
    assert '"kept": {"seed": "1234"}' in result.records[0].to_line()


QUIZ_SURVEY_MAP = """\
source: gforms
module: ai/chatbots  # the survey of one session of this module
columns:
  Timestamp: time
  "Which request suits a chatbot best?": {question: quiz-1}
  Votre avis: rating
values:
  rating: {"Top": 3, "Bof": 1}
"""


def test_a_survey_in_quiz_mode_gives_one_answer_per_question_right_or_wrong(tmp_path, curriculum):
    export = (
        "Timestamp,Which request suits a chatbot best?,Votre avis\n"
        '11/26/2026 10:00:00,"""When will my next payslip arrive?""",Top\n'
        "11/26/2026 10:01:00,A question about a contract clause,Bof\n"
    )
    result = run(tmp_path, curriculum, "quiz.csv", export, "gforms", QUIZ_SURVEY_MAP)
    assert result.problems == []
    answers = sorted((r for r in result.records if r.kind == "answer"), key=lambda r: r.time)
    assert [(a.question, a.choice, a.correct, a.first_try) for a in answers] == [
        ("quiz-1", "0", True, True),
        ("quiz-1", "2", False, True),
    ]
    assert sorted(r.rating for r in result.records if r.kind == "rating") == [1, 3]
    assert len({r.key for r in result.records}) == 4


def test_the_same_export_read_twice_gives_the_same_keys(tmp_path, curriculum):
    one = run(tmp_path, curriculum, "a.csv", GFORMS_EN, "gforms")
    two = run(tmp_path, curriculum, "b.csv", GFORMS_EN.replace("\ufeff", ""), "gforms")
    assert sorted(r.key for r in one.records) == sorted(r.key for r in two.records)
    assert len({r.key for r in one.records}) == 3
    # a question added to the form later: the old responses' new cell is empty, they are still the same responses
    rows = list(csv.reader(io.StringIO(GFORMS_EN, newline="")))
    grown = io.StringIO()
    csv.writer(grown).writerows([[*rows[0], "Added later"], *([*row, ""] for row in rows[1:])])
    three = run(tmp_path, curriculum, "c.csv", grown.getvalue(), "gforms")
    assert three.problems == [] and sorted(r.key for r in three.records) == sorted(r.key for r in one.records)


def test_every_bad_row_is_reported_at_its_row_and_column_and_none_imported(tmp_path, curriculum):
    export = (
        "Timestamp,Module,Session code,How useful was this module?,Score,Comment\n"
        "11/26/2026 10:00:00,ai/chatbot,,3,,\n"  # row 2: misspelt module
        '11/26/2026 10:01:00,ai/chatbots,,5,,"two\nlines"\n'  # row 3 (and 4): off the scale
        "11/26/2026 10:02:00,ai/chatbots,,2,lots,\n"  # row 5: not a score
        "26.11.2026,ai/chatbots,,2,,\n"  # row 6: a date in another format
        "11/26/2026 10:04:00,ai/chatbots,paris-sept,2,,\n"  # row 7: unknown session
        "11/26/2026 10:05:00,ai/chatbots,,3,1/2,fine\n"  # row 8: good
    )
    result = run(tmp_path, curriculum, "bad.csv", export, "gforms")
    assert [p.format() for p in result.problems] == [
        "bad.csv:2:2: error [feedback-row] unknown module 'ai/chatbot' — did you mean 'ai/chatbots'?",
        "bad.csv:3:4: error [feedback-row] rating '5' is not on the site's scale (1, 2, 3) — map the survey's labels "
        "under 'values: rating:' in the mapping file, e.g. \"Very useful\": 3",
        "bad.csv:5:5: error [feedback-row] score 'lots' is not a score — write it as 3/4, 75 %, 0.75 or 0,75",
        "bad.csv:6:1: error [feedback-row] date '26.11.2026' is not in the export's format (%m/%d/%Y %H:%M:%S, "
        "%Y/%m/%d %I:%M:%S %p) — set 'date_format' in the mapping file (strftime codes)",
        "bad.csv:7:3: error [feedback-row] unknown session 'paris-sept' — session ids are in sessions.yml; map a "
        "misspelt code under 'values: session:'",
    ]
    assert result.bad_rows == 5 and result.rows == 6 and len(result.records) == 1


def test_an_answer_that_is_no_option_of_the_quiz_is_a_bad_row(tmp_path, curriculum):
    export = "Timestamp,Which request suits a chatbot best?\n11/26/2026 10:00:00,A key account threatening\n"
    result = run(
        tmp_path, curriculum, "quiz.csv", export, "gforms", QUIZ_SURVEY_MAP.replace("  Votre avis: rating\n", "")
    )
    assert [p.format() for p in result.problems] == [
        "quiz.csv:2:2: error [feedback-row] 'A key account threatening' is not an option of quiz 'quiz-1' — did you "
        "mean 'A key account threatening to cancel'?"
    ]


def test_an_export_without_a_module_column_says_how_to_map_one(tmp_path, curriculum):
    result = run(tmp_path, curriculum, "x.csv", "Timestamp,Avis\n11/26/2026 10:00:00,3\n", "gforms")
    (problem,) = result.problems
    assert problem.format().startswith("x.csv:1:1: error [feedback-column] no column says which module")


def test_mistakes_in_a_mapping_file_are_reported_at_their_line_and_column(curriculum):
    text = (
        "source: gform\n"
        "timezone: Europe/Pariss\n"
        "colums: {}\n"
        "columns:\n"
        "  Module: modul\n"
        "  Q1: {question: 3}\n"
        "values:\n"
        "  rating: {Top: 4}\n"
    )
    _, problems = load_mapping("map.yml", text, curriculum.modules)
    assert [p.format() for p in problems] == [
        "map.yml:3:1: error [feedback-map] unknown key 'colums' — did you mean 'columns'?",
        "map.yml:1:9: error [feedback-map] unknown source 'gform' — sources: gforms, msforms, limesurvey, csv",
        "map.yml:2:11: error [feedback-map] unknown time zone 'Europe/Pariss' — e.g. Europe/Paris or UTC",
        "map.yml:5:11: error [feedback-map] column 'Module' cannot be mapped to 'modul' — did you mean 'module'?",
        "map.yml:6:7: error [feedback-map] column 'Q1' cannot be mapped to {'question': 3} — a field (id, time, module, "
        "track, session, lang, build, rating, score, comment, ignore) or {question: QUIZ-ID}",
        "map.yml:8:17: error [feedback-map] rating 4 is not on the site's scale — use 1, 2 or 3",
    ]


def test_a_file_that_is_no_table_cannot_be_read(tmp_path):
    from smartshare.core.feedbackimport import Unreadable

    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(Unreadable, match="not a readable XLSX workbook"):
        read_table(str(broken))
    empty = tmp_path / "empty.csv"
    empty.write_text("\n", encoding="utf-8")
    with pytest.raises(Unreadable, match="the file is empty"):
        read_table(str(empty))


def test_the_mapping_file_shown_in_the_readme_is_valid():
    import re

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Closing the loop", 1)[1].split("\n## ", 1)[0]
    (example,) = [block for block in re.findall(r"```yaml\n(.*?)```", section, re.S) if "columns:" in block]
    mapping, problems = load_mapping("README.md", example, ["ai/chatbots"])
    assert problems == []
    assert mapping.module == "ai/chatbots" and mapping.values["rating"]["très utile"] == 3
