"""The one scanner of Markdown structure: what is code, where `///` blocks are, where code spans are."""

from __future__ import annotations

import pytest

from smartshare.core.mdscan import blank_code_spans, block_end, block_header, code_spans, scan


def code(text: str, indented_code: bool = True) -> list[int]:
    """1-based numbers of the lines that are code."""
    return [n for n, (_, is_code) in enumerate(scan(text.split("\n"), indented_code), start=1) if is_code]


def test_a_fence_closes_only_with_the_same_run_alone_on_its_line():
    text = "```\na\n````\n``` python\n~~~\n```\nafter"
    assert code(text) == [1, 2, 3, 4, 5, 6]  # a longer run and a run with text are content (superfences)


def test_tildes_and_backticks_do_not_close_each_other():
    assert code("~~~~\n```\n~~~\n~~~~\ntext") == [1, 2, 3, 4]


def test_fences_are_indented_by_up_to_three_columns_and_a_tab_counts_four():
    assert code("   ```\nx\n   ```\ntext") == [1, 2, 3]
    assert code("para\n\t```\nx") == []  # a tab is four columns: not a fence, and after a paragraph, not code


def test_the_closing_fence_has_the_opening_fence_indentation():
    assert code("- item\n\n    ```\n    x\n```\n    ```\nafter") == [3, 4, 5, 6]


def test_a_backtick_fence_with_a_backtick_in_its_info_string_is_inline_code():
    assert code("```a` b```\ntext") == []


def test_indented_code_needs_a_blank_line_before_and_no_list_around():
    assert code("para\n    not code\n\n    code\n\n    still code\nend") == [4, 5, 6]
    assert code("- item\n\n    continuation\n") == []
    assert code("\tcode at the start") == [1]
    assert code("\n    x", indented_code=False) == []


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("/// quiz", ("///", "quiz", 5, "", None)),
        ("  //// mentor | Timing  ", ("////", "mentor", 8, "| Timing", "Timing")),
        ("/// quiz extra", ("///", "quiz", 5, "extra", None)),
        ("///quiz", ("///", "quiz", 4, "", None)),
        ("    /// quiz", None),
        ("/// quiz.", None),
        ("// quiz", None),
    ],
)
def test_block_headers(line, expected):
    header = block_header(line)
    got = header and (header.slashes, header.name, header.name_column, header.rest, header.argument)
    assert got == expected


def test_block_ends():
    assert [block_end(line) for line in ("///", " ////  ", "/// x", "    ///")] == ["///", "////", None, None]


def test_code_spans_pair_runs_of_equal_length_and_skip_escaped_backticks():
    assert code_spans("a `b` c ``d ` e`` f") == [(2, 5), (8, 17)]
    assert code_spans("\\`not` `yes`") == [(5, 8)]  # as Python-Markdown: the span is "` `"
    assert code_spans("``` no partner") == []
    assert blank_code_spans("x `[a](b)` y") == "x          y"


@pytest.mark.parametrize(
    "line",
    [
        " " * 200_000 + "x",
        "\t" * 200_000 + "x",
        "`" * 200_000,
        "` " * 100_000,
        "/" * 200_000 + " quiz",
        "///" + " " * 200_000 + "quiz" + " " * 200_000 + "|" + " " * 200_000 + "x",
        "``a" * 70_000,
    ],
)
def test_long_runs_of_blanks_tabs_backticks_or_slashes_are_read_in_one_pass(line):
    """These lines made the old patterns backtrack for minutes; now each is read at once (the test would hang)."""
    list(scan([line, line]))
    block_header(line)
    block_end(line)
    code_spans(line)
