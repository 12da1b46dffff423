"""Corrupted and hostile input: each is a located problem reported with the others, never a traceback or a hang."""

import os

import pytest
from test_loader import TODAY, load, with_file

from sitebuilder import basic_tree, module, write_tree
from smartshare.core.fieldtypes import Contact, Duration, Invalid
from smartshare.core.loader import LoadOptions
from smartshare.core.problems import Problem, Severity, quoted
from smartshare.core.yamlsource import Position, YamlSyntaxError, load_yaml
from smartshare.sitecheck import SiteChecks, check_site

MODULE = module()


def broken(text: str, old: str = "level: beginner") -> dict:
    assert old in MODULE
    return with_file("ai/chatbots.md", MODULE.replace(old, text, 1))


def test_a_tab_that_indents_front_matter_is_named_at_its_line_and_column(tmp_path):
    _, shown = load(tmp_path, broken("level: beginner\n\tduration: 60"))
    assert shown == [
        "ai/chatbots.md:7:1: error [yaml-syntax] invalid YAML: a tab cannot indent YAML — indent with spaces, not tabs"
    ]


def test_a_tab_where_no_token_may_start_is_named_too():
    with pytest.raises(YamlSyntaxError) as raised:
        load_yaml("a: 1\nb:\n  \tc: 2\n", line_offset=1)
    assert (raised.value.message, raised.value.position) == ("invalid YAML: a tab cannot indent YAML", Position(4, 3))


@pytest.mark.parametrize("anchor", ["&x [a, *x]", "&x {b: *x}", "&x [[[*x]]]"])
def test_an_alias_inside_its_own_anchor_is_a_problem_not_a_recursion_error(tmp_path, anchor):
    _, shown = load(tmp_path, broken(f"level: {anchor}"))
    assert shown == [
        "ai/chatbots.md:6:8: error [yaml-syntax] invalid YAML: an alias refers to the anchor that contains it"
        " — an anchor (&name) cannot be used (*name) inside its own value"
    ]


def test_aliases_expanding_to_millions_of_values_are_refused():
    levels = "".join(f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 10) + "]\n" for i in range(1, 9))
    with pytest.raises(YamlSyntaxError) as raised:
        load_yaml("l0: &l0 [lol]\n" + levels)
    assert raised.value.message == "invalid YAML: more than 50,000 values once aliases are expanded"


@pytest.mark.parametrize(
    ("value", "tag"), [("!!bool maybe", "!!bool"), ("!!timestamp nope", "!!timestamp"), ("!!bool 'x'", "!!bool")]
)
def test_an_explicit_tag_on_a_value_it_cannot_build_is_a_problem(tmp_path, value, tag):
    _, shown = load(tmp_path, broken(f"level: {value}"))
    written = value.split(" ", 1)[1].strip("'")
    assert shown == [
        f"ai/chatbots.md:6:8: error [yaml-syntax] invalid YAML: '{written}' is not a valid {tag} value"
        f" — remove '{tag}' or write a value of that type"
    ]


@pytest.mark.parametrize("number", ["9" * 5000, "0x" + "f" * 5000, "1" * 30])
def test_an_integer_too_large_for_any_field_is_a_problem(tmp_path, number):
    _, shown = load(tmp_path, broken(f"duration: {number}", "duration: 60"))
    assert shown == [
        f"ai/chatbots.md:7:11: error [yaml-syntax] invalid YAML: the number is too large ({len(number):,} characters)"
        " — put quotes around it if it is text"
    ]


def test_run_sheet_minutes_too_large_to_add_up_are_a_problem(tmp_path):
    run_sheet = "duration: 60\nsession:\n  run_sheet:\n    - step: Intro\n      minutes: 0x" + "f" * 4000
    _, shown = load(tmp_path, broken(run_sheet, "duration: 60"))
    assert shown == [
        "ai/chatbots.md:11:16: error [yaml-syntax] invalid YAML: the number is too large (4,002 characters)"
        " — put quotes around it if it is text"
    ]


def test_a_quoted_line_break_or_control_character_keeps_the_problem_on_one_line(tmp_path):
    _, shown = load(tmp_path, broken('level: "be\\nginner\\u2028x\\x07"'))
    assert shown == [
        "ai/chatbots.md:6:8: error [bad-value] 'be\\nginner\\u2028x\\x07' is not a valid choice — did you mean 'beginner'?"
    ]


def test_a_lone_surrogate_in_a_message_prints_in_any_encoding():
    problem = Problem("a\udcff.md", 1, 1, Severity.ERROR, "x", "value '\ud800'", "hint\n2")
    assert problem.format() == "a\\udcff.md:1:1: error [x] value '\\ud800' — hint\\n2"
    problem.format().encode("utf-8")  # would raise UnicodeEncodeError if any lone surrogate were left
    assert problem.as_dict()["message"] == "value '\\ud800'"


def test_a_long_value_is_quoted_with_its_middle_elided():
    assert quoted("x" * 300) == "'" + "x" * 40 + " … " + "x" * 20 + "' (300 characters)"
    assert quoted("1h30") == "'1h30'"


def test_lines_are_counted_at_line_feeds_only_as_editors_do(tmp_path):
    text = MODULE.replace("title: Chatbots", "title: Chatbots\u2028\u0085").replace("level: beginner", "level: beginer")
    _, shown = load(tmp_path, with_file("ai/chatbots.md", text))
    assert shown == ["ai/chatbots.md:6:8: error [bad-value] 'beginer' is not a valid choice — did you mean 'beginner'?"]
    with pytest.raises(YamlSyntaxError) as raised:
        load_yaml("a: 'b\u2028c\x85d\re'\n\nx: [\n")
    assert raised.value.position == Position(4, 1)  # PyYAML alone says line 7


def test_a_nul_byte_in_front_matter_is_located(tmp_path):
    _, shown = load(tmp_path, broken("level: begi\x00nner"))
    assert shown == [
        "ai/chatbots.md:6:12: error [yaml-syntax] invalid YAML: character U+0000 is not allowed"
        " — remove it (it may come from copying text out of another program)"
    ]


def test_a_page_that_is_not_utf8_is_reported_even_when_it_is_no_module(tmp_path):
    (tmp_path / "index.md").write_bytes(b"# Home\n\nCaf\xe9\n")
    _, shown = load(tmp_path, basic_tree())
    assert shown == ["index.md:3:4: error [encoding] the file is not valid UTF-8 — save it as UTF-8"]


def test_absurd_lines_and_bracket_runs_are_refused_before_markdown_reads_them(tmp_path):
    tree = with_file("ai/machine-learning.md", module("Machine learning", mentors=["leo-martin"]) + "x" * 20001 + "\n")
    tree["index.md"] = "# Home\n\n" + "[" * 600 + "\n" + "[" * 600 + "\n\n- [a](b)\n" * 2000
    _, shown = load(tmp_path, tree)
    assert shown == [
        "ai/machine-learning.md:16:20001: error [too-large] line is 20,001 characters long (at most 20,000)"
        " — break it into lines, or link to the file instead of pasting it",
        "index.md:3:1: error [too-large] more than 1,000 '[' in one paragraph: Markdown would take minutes to read it"
        " — split the paragraph with blank lines, or put the text in a code block",
    ]


def test_a_paragraph_of_thousands_of_html_tags_left_open_is_refused_before_markdown_reads_it(tmp_path):
    tree = basic_tree()
    tree["index.md"] = "# Home\n\nSee " + "<a " * 3000 + "\n"
    _, shown = load(tmp_path, tree)
    assert shown == [
        "index.md:3:1: error [too-large] more than 1,000 HTML tags left open ('<a' without '>') in one paragraph:"
        " Markdown would take minutes to read it — close each tag with '>', or write '&lt;' for a '<' meant as text",
    ]


def test_thousands_of_closed_html_tags_and_comparisons_are_no_absurd_paragraph(tmp_path):
    tree = basic_tree()
    rows = "".join(f"<tr><td>{i}</td><td>a</td></tr>\n" for i in range(1500))
    tree["index.md"] = "# Home\n\n<table>\n" + rows + "</table>\n\n" + "x<y and " * 900 + "\n"
    _, shown = load(tmp_path, tree)
    assert shown == []


def test_a_list_of_many_links_is_no_absurd_paragraph(tmp_path):
    tree = basic_tree()
    tree["index.md"] = "# Home\n\n" + "".join(f"- [page {i}](ai/chatbots.md)\n" for i in range(1500))
    _, shown = load(tmp_path, tree)
    assert shown == []


def test_links_that_loop_lead_nowhere_or_leave_and_folders_named_like_files_are_all_reported(tmp_path):
    write = basic_tree()
    write.pop("mentors.yml")
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "secret.md").write_text("---\ntitle: Secret\n---\n", encoding="utf-8")
    docs = tmp_path / "curricula"
    docs.mkdir()
    (docs / "mentors.yml").mkdir()
    (docs / "ai").mkdir()
    (docs / "ai" / "folder.md").mkdir()
    os.symlink("../../outside", docs / "ai" / "leak")
    os.symlink(str(tmp_path / "outside" / "secret.md"), docs / "ai" / "secret.md")
    os.symlink("nowhere.md", docs / "ai" / "ghost.md")
    os.symlink(".", docs / "ai" / "loop")
    os.symlink("self.md", docs / "self.md")
    _, shown = load(docs, {**write, "ai/track.yml": "title: AI\nsummary: S.\nmodules: [chatbots, machine-learning]\n"})
    assert shown == [
        "ai/folder.md:1:1: error [not-a-file] 'folder.md' is a folder, but its name is that of a page"
        " — rename the folder, or move its content into a file named folder.md",
        "ai/ghost.md:1:1: error [bad-link] symbolic link leads nowhere (to 'nowhere.md')"
        " — point the link at an existing file, or remove it",
        "ai/leak:1:1: error [link-outside] symbolic link leads outside the curriculum folder (to '../../outside')"
        " — copy what it points to into the curriculum folder, or remove the link",
        "ai/loop:1:1: error [bad-link] symbolic link loops back on itself (to '.')"
        " — a link to a folder that contains it makes the folder endless: remove it",
        f"ai/secret.md:1:1: error [link-outside] symbolic link leads outside the curriculum folder"
        f" (to '{tmp_path}/outside/secret.md') — copy what it points to into the curriculum folder, or remove the link",
        "mentors.yml:1:1: error [not-a-file] 'mentors.yml' is a folder, but its name is that of a YAML file"
        " — rename the folder, or move its content into a file named mentors.yml",
        "self.md:1:1: error [bad-link] symbolic link loops back on itself (to 'self.md')"
        " — point the link at a real file or folder, or remove it",
    ]


def test_folder_links_that_lead_into_each_other_are_a_loop_reported_at_each_link(tmp_path):
    docs = tmp_path / "curricula"
    (docs / "extra" / "a").mkdir(parents=True)
    (docs / "extra" / "b").mkdir()
    os.symlink("../b", docs / "extra" / "a" / "to-b")
    os.symlink("../a", docs / "extra" / "b" / "to-a")
    os.symlink("b", docs / "extra" / "fine")  # a link to a folder that links nowhere back is no loop
    _, shown = load(docs, basic_tree())
    assert shown == [
        "extra/a/to-b:1:1: error [bad-link] symbolic link loops back on itself through 'extra/b/to-a' (to '../b')"
        " — links to folders that link back make the folders endless: remove one of them",
        "extra/b/to-a:1:1: error [bad-link] symbolic link loops back on itself through 'extra/a/to-b' (to '../a')"
        " — links to folders that link back make the folders endless: remove one of them",
    ]


def test_mutual_file_links_loop_and_are_reported_without_hanging(tmp_path):
    docs = tmp_path / "curricula"
    docs.mkdir()
    os.symlink("b.md", docs / "a.md")
    os.symlink("a.md", docs / "b.md")
    _, shown = load(docs, basic_tree())
    assert shown == [
        "a.md:1:1: error [bad-link] symbolic link loops back on itself (to 'b.md')"
        " — point the link at a real file or folder, or remove it",
        "b.md:1:1: error [bad-link] symbolic link loops back on itself (to 'a.md')"
        " — point the link at a real file or folder, or remove it",
    ]


def test_a_track_file_that_is_a_folder_is_reported_with_the_other_problems(tmp_path):
    tree = with_file("ai/chatbots.md", MODULE.replace("level: beginner", "level: beginer"))
    tree.pop("ai/track.yml")
    (tmp_path / "ai" / "track.yml").mkdir(parents=True)
    _, shown = load(tmp_path, tree)
    assert shown == [
        "ai/track.yml:1:1: error [not-a-file] 'track.yml' is a folder, but its name is that of a YAML file"
        " — rename the folder, or move its content into a file named track.yml"
    ]


def test_a_duration_of_thousands_of_blanks_is_checked_in_linear_time():
    # three adjacent `\s*` made this cubic: 3,000 blanks did not finish
    with pytest.raises(Invalid) as raised:
        Duration().check("1" + " " * 3000 + "x")
    assert raised.value.code == "bad-duration"
    assert Duration().check("  1h  30  ") == 90
    with pytest.raises(Invalid, match="too long to be a duration"):
        Duration().check("9" * 400 + "h")


def test_an_email_check_of_a_long_dotted_value_is_linear_and_still_exact():
    assert Contact().check("amina.diallo@example.com") == "mailto:amina.diallo@example.com"
    with pytest.raises(Invalid):
        Contact().check("a@" + "." * 30000 + "@")  # quadratic backtracking before
    with pytest.raises(Invalid) as raised:
        Contact().check("http://[oops")
    assert raised.value.message == "'http://[oops' is not a valid link: Invalid IPv6 URL"


def test_late_html_markers_cannot_be_forged_and_unknown_ones_are_dropped():
    from smartshare.plugin_support import LateHtml

    late = LateHtml("quiz")
    held = late.hold("<p>answer</p>")
    forged = "<!--smartshare-late-quiz-0--><!--smartshare-late-quiz-7-->"
    unknown = held.replace("-0-->", "-5-->")
    assert late.release(f"{forged}{held}{unknown}") == forged + "<p>answer</p>"
    assert LateHtml("quiz").hold("x") != LateHtml("quiz").hold("x")  # a new nonce for each build


def test_a_long_file_without_aliases_is_not_refused_for_its_number_of_values():
    text = "".join(
        f"- {{id: s{n}, a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8, i: 9, j: 10}}\n" for n in range(5000)
    )
    assert len(load_yaml(text).data) == 5000


def test_aliases_in_a_long_file_are_refused_once_they_expand_past_its_length():
    # longer than the fixed limit (50,000 values), a file may hold as many values as it has characters; long lines
    # make it long at little cost (each value is parsed, each character only read)
    padding = "".join(f"p{n}: {'x' * 48}\n" for n in range(1_000))  # 1,000 values, 54,890 characters
    levels = "".join(f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 10) + "]\n" for i in range(1, 9))
    text = padding + "l0: &l0 [lol]\n" + levels
    assert len(text) > 50_000
    with pytest.raises(YamlSyntaxError) as raised:
        load_yaml(text)
    assert raised.value.message == f"invalid YAML: more than {len(text):,} values once aliases are expanded"


@pytest.mark.parametrize("curriculum", [True, False], ids=["curriculum", "pages-only"])
def test_a_page_refused_as_too_large_is_reported_once_and_not_link_checked(tmp_path, curriculum):
    tree = basic_tree()
    tree["index.md"] = "# Home\n\n" + "[x](y) " * 3000 + "\n"
    write_tree(tmp_path, tree)
    options = LoadOptions(today=TODAY) if curriculum else None
    _, problems = check_site(str(tmp_path), options, SiteChecks(links=True))
    assert [p.format().replace(str(tmp_path) + "/", "") for p in problems] == [
        "index.md:3:20001: error [too-large] line is 21,000 characters long (at most 20,000)"
        " — break it into lines, or link to the file instead of pasting it"
    ]
