"""`smartshare export moodle-xml` and `smartshare export gift`, read back by readers that are not ours.

Moodle XML is read by `moodle-xml-parser` (multiple choice) and checked element by element with lxml against
the structure Moodle documents for every question type; GIFT is read back by `pygiftparserrgmf`, a GIFT
parser built on PLY. Both are compared question by question with the Markdown source.
"""

from __future__ import annotations

import base64
import html
import re
from pathlib import Path

import pytest
from banktree import PNG, bank_tree, line_of
from lxml import etree
from moodle_xml_parser.parser import parse_string
from pygiftparser import parser as gift_parser

from sitebuilder import write_tree

NAMES = ["pick-one", "pick-many", "true-or-false", "capital", "minutes", "mixed"]
CATEGORY = "$course$/top/Tools // basics/The shell"


@pytest.fixture
def bank_site(site: Path) -> Path:
    write_tree(site / "curricula", bank_tree())
    (site / "curricula/tools/terminal.png").write_bytes(PNG)
    return site


@pytest.fixture
def moodle(bank_site: Path, run):
    result = run("export", "moodle-xml", "-o", "bank.xml")
    return result, (bank_site / "bank.xml").read_text(encoding="utf-8")


@pytest.fixture
def gift(bank_site: Path, run):
    result = run("export", "gift", "-o", "bank.gift")
    return result, (bank_site / "bank.gift").read_text(encoding="utf-8")


def shell_questions(root: etree._Element) -> list[etree._Element]:
    questions = root.findall("question")
    start = next(i for i, q in enumerate(questions) if q.findtext("category/text") == CATEGORY)
    return questions[start + 1 : start + 1 + len(NAMES)]


# -- Moodle XML ---------------------------------------------------------------------------------------------


def test_moodle_xml_has_a_category_per_track_and_module_then_its_questions_named_by_module_and_quiz_id(moodle):
    result, text = moodle
    assert result.code == 0
    root = etree.fromstring(text.encode("utf-8"))
    assert root.tag == "quiz"
    categories = [q.findtext("category/text") for q in root.findall("question[@type='category']")]
    assert CATEGORY in categories
    assert "$course$/top/AI for managers/Chatbots" in categories  # the other track of the project
    questions = shell_questions(root)
    assert [q.findtext("name/text") for q in questions] == [f"tools/shell/{n}" for n in NAMES]
    assert [q.findtext("idnumber") for q in questions] == [f"tools/shell/{n}" for n in NAMES]
    assert [q.get("type") for q in questions] == [
        "multichoice", "multichoice", "truefalse", "shortanswer", "numerical", "shortanswer"
    ]  # fmt: skip
    for question in questions:  # the elements every question type has, in the documented shape
        assert question.find("questiontext").get("format") == "html"
        assert question.find("questiontext/text") is not None
        assert question.find("generalfeedback/text") is not None
        assert question.findtext("defaultgrade") == "1"
        for answer in question.findall("answer"):
            assert float(answer.get("fraction")) <= 100
            assert answer.find("text") is not None and answer.find("feedback/text") is not None


def test_moodle_xml_single_choice_keeps_code_block_code_spans_feedback_hint_and_embeds_the_image(moodle):
    _, text = moodle
    parsed = {q.name: q for q in parse_string(text)["multichoice"]}
    one = parsed["tools/shell/pick-one"]
    assert one.single is True
    assert '<pre><code class="language-sh">ls -la {dir}  # a ~ b = c: #1\n</code></pre>' in one.text_pre_parse
    assert "<code>{dir}</code>" in one.text_pre_parse
    assert '<img alt="the terminal" src="@@PLUGINFILE@@/terminal.png"' in one.text_pre_parse
    assert [(o.answer, o.score_fraction) for o in one.options] == [
        ("<p><code>ls {dir}</code></p>", 100.0),
        ("<p><code>cat a:b = c</code></p>", 0.0),
    ]
    assert one.options[0].feedback == "<p>Right: <code>ls</code> lists; <code>-la</code> adds details.</p>"
    assert one.options[1].feedback == "<p>No: <code>cat</code> prints a file \\ it does not list.</p>"
    assert one.general_feedback == (
        "<p>Use <code>man ls</code> for more: {braces}, ~tildes~, #hashes and a \\ backslash.</p>"
    )
    root = etree.fromstring(text.encode("utf-8"))
    element = shell_questions(root)[0]
    image = element.find("questiontext/file")
    assert (image.get("name"), image.get("path"), image.get("encoding")) == ("terminal.png", "/", "base64")
    assert base64.b64decode(image.text) == PNG
    assert element.findtext("hint/text") == "<p>Think of the shortest command</p>"


def test_moodle_xml_multiple_choice_gives_partial_credit_summing_to_100_and_takes_it_back_for_wrong_options(moodle):
    _, text = moodle
    many = {q.name: q for q in parse_string(text)["multichoice"]}["tools/shell/pick-many"]
    assert many.single is False
    assert [(html.unescape(o.answer), o.score_fraction, o.feedback) for o in many.options] == [
        ("<p>Apples</p>", 50.0, "<p>Yes: orchards.</p>"),
        ("<p>Pears</p>", 50.0, ""),
        ("<p>Carrots</p>", -100.0, "<p>No: roots.</p>"),
    ]
    assert sum(o.score_fraction for o in many.options if o.score_fraction > 0) == 100


def test_moodle_xml_true_false_short_answer_and_numerical_with_tolerance(moodle):
    _, text = moodle
    questions = shell_questions(etree.fromstring(text.encode("utf-8")))
    true_false, capital, minutes, mixed = questions[2:]
    assert [
        (a.get("fraction"), a.findtext("text"), a.findtext("feedback/text")) for a in true_false.iter("answer")
    ] == [
        ("0", "true", "<p>No: it is blue.</p>"),
        ("100", "false", "<p>Right: it is blue.</p>"),
    ]
    assert true_false.findtext("generalfeedback/text") == "<p>Rayleigh scattering makes it blue.</p>"
    assert capital.findtext("usecase") == "0"
    assert [(a.get("fraction"), a.findtext("text")) for a in capital.iter("answer")] == [
        ("100", "Paris"),
        ("100", "Paris city"),
    ]
    assert [(a.findtext("text"), a.findtext("tolerance")) for a in minutes.iter("answer")] == [
        ("90", "5"),
        ("90.5", "0"),
    ]
    assert [a.findtext("text") for a in mixed.iter("answer")] == ["ninety", "90 ± 1"]


def test_what_an_lms_cannot_take_as_is_is_a_warning_at_its_line(moodle):
    result, _ = moodle
    line = line_of("", "- = 90 ± 1")
    assert result.err.splitlines()[0] == (
        f"curricula/tools/shell.md:{line}:3: warning [export-tolerance] '90 ± 1': a short answer that also accepts "
        "words cannot keep a tolerance; the LMS accepts the exact text only — make every accepted answer a number, "
        "or drop the tolerance"
    )
    assert result.err.splitlines()[1:] == ["0 errors, 1 warning", "bank.xml: 9 questions"]


def test_a_curriculum_with_errors_is_not_exported(site: Path, run):
    (site / "curricula/ai/chatbots.md").write_text(
        (site / "curricula/ai/chatbots.md").read_text() + "\n/// quiz\nNo options at all\n///\n"
    )
    result = run("export", "moodle-xml", "-o", "bank.xml")
    assert result.code == 1
    assert "[quiz-no-answers]" in result.err
    assert (
        result.err.splitlines()[-1] == "smartshare export moodle-xml: the curriculum has errors; nothing was exported"
    )
    assert not (site / "bank.xml").exists()


# -- GIFT ---------------------------------------------------------------------------------------------------


def unescape(text: str) -> str:
    """What Moodle's GIFT reader does to the text after parsing: `\\n` is a line break, `\\x` is x."""
    return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) == "n" else m.group(1), text)


def feedback(option) -> str:
    """An option's feedback as read back, without the general feedback this reader appends to the last one."""
    return re.split(r"\s*####", unescape(option.feedback or ""))[0]


def test_gift_read_back_by_an_independent_parser_matches_the_source_question_by_question(gift):
    result, text = gift
    assert result.code == 0
    parsed = gift_parser.parse(text).questions
    shell = [q for q in parsed if q.category == CATEGORY]
    assert [q.name for q in shell] == [f"tools/shell/{n}" for n in NAMES]
    assert [type(q.answer).__name__ for q in shell] == [
        "MultipleChoiceRadio", "MultipleChoiceCheckbox", "TrueFalse", "Short", "MultipleNumerical", "Short"
    ]  # fmt: skip
    one, many, true_false, capital, minutes, mixed = shell
    # the parser unescapes the question text itself; the code block and code spans arrive whole
    assert unescape(one.text.replace("\\n", "\n")) == (
        "[markdown]Which command lists the files of `{dir}`?\n\n```sh\nls -la {dir}  # a ~ b = c: #1\n```\n\n"
        "![the terminal](terminal.png)"
    )
    assert [(unescape(o.text), o.percentage, o.prefix) for o in one.answer.options] == [
        ("`ls {dir}`", 1.0, "="),
        ("`cat a:b = c`", 0.0, "~"),
    ]
    # (this reader ends a feedback at any '=', '~' or '}', escaped or not, so the feedback here has none;
    # the Moodle XML test carries them in feedback)
    assert unescape(one.answer.options[0].feedback) == "Right: `ls` lists; `-la` adds details."
    # this reader keeps the general feedback (`####`) with the last option's feedback, and stops it at an escaped
    # '}': the option's feedback is checked from it, the general feedback from the question's `####` line
    assert unescape(one.answer.options[1].feedback).startswith("No: `cat` prints a file \\ it does not list. ####")
    general = re.search(r"^\t####(.*)$", text[text.index("::tools/shell/pick-one::") :], re.M).group(1)
    assert unescape(general) == "Use `man ls` for more: {braces}, ~tildes~, #hashes and a \\ backslash."
    assert [(unescape(o.text), o.percentage, feedback(o)) for o in many.answer.options] == [
        ("Apples", 0.5, "Yes: orchards."),
        ("Pears", 0.5, ""),
        ("Carrots", -1.0, "No: roots."),
    ]
    assert [o.text for o in true_false.answer.options] == ["False"]
    assert [unescape(o.text) for o in capital.answer.options] == ["Paris", "Paris city"]
    assert [o.text for o in minutes.answer.options] == ["90:5", "90.5:0"]
    assert [unescape(o.text) for o in mixed.answer.options] == ["ninety", "90 ± 1"]


def test_gift_true_false_carries_the_feedback_for_a_wrong_then_a_right_answer(gift):
    _, text = gift
    assert (
        "::tools/shell/true-or-false::[markdown]The sky is green on a clear day. "
        "{FALSE#No\\: it is blue.#Right\\: it is blue.\n\t####Rayleigh scattering makes it blue.\n}"
    ) in text


def test_gift_says_at_their_lines_that_hints_and_images_do_not_travel(gift):
    result, _ = gift
    quiz = line_of("", "/// quiz\n    id: pick-one")
    tolerance = line_of("", "- = 90 ± 1")
    assert result.err.splitlines()[:3] == [
        f"curricula/tools/shell.md:{quiz}:1: warning [export-gift-hint] GIFT has no hints: this quiz's hint is left "
        "out of the GIFT export — use 'smartshare export moodle-xml', which keeps hints",
        f"curricula/tools/shell.md:{quiz}:1: warning [export-gift-image] GIFT cannot carry image files: "
        "'terminal.png' will not show in the LMS — use 'smartshare export moodle-xml', which embeds images",
        f"curricula/tools/shell.md:{tolerance}:3: warning [export-tolerance] '90 ± 1': a short answer that also "
        "accepts words cannot keep a tolerance; the LMS accepts the exact text only — make every accepted answer a "
        "number, or drop the tolerance",
    ]


def test_strict_export_fails_on_warnings(bank_site: Path, run):
    assert run("export", "gift", "-o", "-", "--strict").code == 1
