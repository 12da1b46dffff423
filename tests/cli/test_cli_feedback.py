"""`smartshare feedback import`: an export in, sorted JSON Lines out, re-imports adding nothing, bad rows blocking."""

from __future__ import annotations

import json

EXPORT = (
    "\ufeffTimestamp,Email Address,Module,How useful was this module?,Comment\r\n"
    '11/26/2026 10:15:32,ana@example.com,ai/chatbots,3,"Clear, and\r\nuseful"\r\n'
    "11/26/2026 10:17:05,bob@example.com,Machine learning,1,\r\n"
)
RECORDS = "curricula/feedback/responses.jsonl"


def test_an_export_becomes_sorted_records_under_the_feedback_folder_and_personal_columns_stay_out(site, run):
    (site / "responses.csv").write_text(EXPORT, encoding="utf-8", newline="")
    result = run("feedback", "import", "responses.csv", "--source", "gforms")
    assert (result.code, result.err) == (0, "")
    assert result.out == (f"{RECORDS}: 2 new records\nleft out (not mapped, or personal): Email Address\n")
    text = (site / RECORDS).read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines == sorted(lines) and text.endswith("\n") and "example.com" not in text
    records = [json.loads(line) for line in lines]
    assert {(r["module"], r["rating"]) for r in records} == {("ai/chatbots", 3), ("ai/machine-learning", 1)}
    assert all(list(r) == sorted(r) for r in records)


def test_importing_the_same_export_again_adds_nothing_and_a_grown_export_adds_only_its_new_rows(site, run):
    (site / "responses.csv").write_text(EXPORT, encoding="utf-8", newline="")
    assert run("feedback", "import", "responses.csv", "--source", "gforms").code == 0
    before = (site / RECORDS).read_bytes()
    again = run("feedback", "import", "responses.csv", "--source", "gforms")
    assert again.out.startswith(f"{RECORDS}: 0 new records, 2 already there\n")
    assert (site / RECORDS).read_bytes() == before
    (site / "responses.csv").write_text(EXPORT + "11/27/2026 08:00:00,,ai/chatbots,2,\r\n", encoding="utf-8")
    grown = run("feedback", "import", "responses.csv", "--source", "gforms")
    assert grown.out.startswith(f"{RECORDS}: 1 new record, 2 already there\n")


def test_a_mapping_improved_after_a_first_import_updates_its_records_instead_of_adding_them_again(site, run):
    # the first import left the rating out (the survey's own question), and read the times as UTC
    export = EXPORT.replace("How useful was this module?", "Votre avis")
    (site / "responses.csv").write_text(export, encoding="utf-8", newline="")
    first = run("feedback", "import", "responses.csv", "--source", "gforms")
    assert first.out == f"{RECORDS}: 1 new record\nleft out (not mapped, or personal): Email Address, Votre avis\n"
    (site / "map.yml").write_text("timezone: Europe/Paris\ncolumns:\n  Votre avis: rating\n", encoding="utf-8")
    second = run("feedback", "import", "responses.csv", "--source", "gforms", "--map", "map.yml")
    assert second.out.startswith(f"{RECORDS}: 1 new record, 1 updated\n")
    records = [json.loads(line) for line in (site / RECORDS).read_text(encoding="utf-8").splitlines()]
    assert sorted((r["module"], r["kind"], r.get("rating"), r["time"]) for r in records) == [
        ("ai/chatbots", "rating", 3, "2026-11-26T09:15:32Z"),
        ("ai/machine-learning", "rating", 1, "2026-11-26T09:17:05Z"),
    ]


def test_bad_rows_are_all_reported_and_nothing_is_written_unless_they_are_skipped(site, run):
    export = EXPORT + "11/27/2026 08:00:00,,ai/chatbot,2,\r\n11/27/2026 08:01:00,,ai/chatbots,9,\r\n"
    (site / "bad.csv").write_text(export, encoding="utf-8", newline="")
    result = run("feedback", "import", "bad.csv", "--source", "gforms")
    assert result.code == 1 and result.out == ""
    assert result.err.splitlines() == [
        "bad.csv:5:3: error [feedback-row] unknown module 'ai/chatbot' — did you mean 'ai/chatbots' or 'Chatbots'?",
        "bad.csv:6:4: error [feedback-row] rating '9' is not on the site's scale (1, 2, 3) — map the survey's labels "
        "under 'values: rating:' in the mapping file, e.g. \"Very useful\": 3",
        "2 errors, 0 warnings",
        "smartshare feedback import: nothing was written (2 of 4 rows); fix the export or the mapping file, or pass "
        "--skip-bad-rows to import the other rows",
    ]
    assert not (site / "curricula/feedback").exists()
    skipped = run("feedback", "import", "bad.csv", "--source", "gforms", "--skip-bad-rows", "-o", "out.jsonl")
    assert skipped.code == 0 and "bad.csv:5:3: warning [feedback-row]" in skipped.err
    assert skipped.out.startswith("out.jsonl: 2 new records, 2 bad rows skipped\n")


def test_a_mapping_file_with_mistakes_stops_the_import_at_its_lines(site, run):
    (site / "responses.csv").write_text(EXPORT, encoding="utf-8", newline="")
    (site / "map.yml").write_text("columns:\n  Modules: module\n", encoding="utf-8")
    result = run("feedback", "import", "responses.csv", "--source", "gforms", "--map", "map.yml")
    assert result.code == 1
    assert result.err.startswith(
        "map.yml:2:3: error [feedback-map] the export has no column 'modules' — did you mean 'module'?\n"
    )


def test_an_unreadable_export_writes_nothing(site, run):
    (site / "export.xlsx").write_bytes(b"PK\x03\x04broken")
    result = run("feedback", "import", "export.xlsx", "--source", "msforms")
    assert result.code == 1
    assert result.err.startswith(
        "export.xlsx:1:1: error [feedback-unreadable] cannot read the export: not a readable XLSX workbook"
    )
    # no row to skip: the way out offered is the export itself
    assert result.err.endswith("smartshare feedback import: nothing was written; fix the export or the mapping file\n")
    assert not (site / "curricula/feedback").exists()


def test_a_missing_file_and_an_lrs_without_its_address_are_usage_errors(site, run):
    missing = run("feedback", "import", "nowhere.csv", "--source", "csv")
    assert (missing.code, missing.err) == (2, "smartshare feedback import: error: no file 'nowhere.csv'\n")
    lrs = run("feedback", "import", "--source", "xapi", "--auth", "Basic abc")
    assert lrs.code == 2
    assert lrs.err == (
        "smartshare feedback import: error: --source xapi reads from a Learning Record Store: give its address, e.g. "
        "https://lrs.example.com/xAPI/\n"
    )


def test_check_reports_a_line_of_the_records_that_is_no_record(site, run):
    records = site / "curricula/feedback/old.jsonl"
    records.parent.mkdir()
    records.write_text('{"key": "a", "source": "csv", "kind": "rating", "module": "ai/chatbots"}\n{"key": \n', "utf-8")
    result = run("check")
    assert result.code == 1
    assert result.out.splitlines()[0].startswith(
        "curricula/feedback/old.jsonl:2:1: error [feedback-record] not a feedback record: Expecting value: line 1"
    )
