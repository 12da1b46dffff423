"""Building feedback links from a template: placeholders, and encoding for each kind of channel."""

from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from smartshare.core.fieldtypes import Invalid
from smartshare.core.linktemplate import PLACEHOLDERS, check_template
from smartshare.feedback.links import build_link

TRICKY = {"title": "Données & « IA » : l'avenir?", "mentor": 'Léo "the data" Martin', "module": "ai/chatbots"}


def test_a_form_link_gets_each_value_in_its_own_field_whatever_it_contains():
    link = build_link(
        "https://forms.example.com/f?title={title}&mentor={mentor}&rating={rating}", {**TRICKY, "rating": "3"}
    )
    fields = parse_qs(urlsplit(link).query)
    assert fields == {"title": [TRICKY["title"]], "mentor": [TRICKY["mentor"]], "rating": ["3"]}
    assert " " not in link and '"' not in link and "«" not in link


def test_an_issue_tracker_link_keeps_line_breaks_in_the_body():
    link = build_link(
        "https://git.example.com/org/repo/issues/new?title=Feedback: {title}&body={mentor}",
        {"title": "Été", "mentor": "line one\nline two"},
    )
    fields = parse_qs(urlsplit(link).query)
    assert fields["title"] == ["Feedback: Été"]
    assert fields["body"] == ["line one\nline two"]


def test_a_mailto_link_encodes_spaces_as_percent_20_and_line_breaks_as_crlf():
    link = build_link(
        "mailto:learning@example.com?subject=About {title}&body={mentor}",
        {"title": TRICKY["title"], "mentor": "a & b\nc"},
    )
    assert link.startswith("mailto:learning@example.com?subject=About%20Donn%C3%A9es%20%26%20")
    assert "+" not in link  # a mail client shows a `+` literally
    subject, body = urlsplit(link).query.split("&")
    assert unquote(subject) == "subject=About " + TRICKY["title"]
    assert body == "body=a%20%26%20b%0D%0Ac"


def test_missing_values_leave_their_field_empty():
    assert (
        build_link("https://f.example.com/?score={score}&rating={rating}", {})
        == "https://f.example.com/?score=&rating="
    )


def test_the_authors_own_escapes_are_kept():
    assert (
        build_link("mailto:a@example.com?body=Hi%0D%0A{title}", {"title": "x"}) == "mailto:a@example.com?body=Hi%0D%0Ax"
    )


@pytest.mark.parametrize("name", PLACEHOLDERS)
def test_every_documented_placeholder_is_accepted(name):
    assert check_template(f"https://f.example.com/?v={{{name}}}")


@pytest.mark.parametrize(
    "template, message",
    [
        ("https://f.example.com/?m={modul}", "unknown placeholder {modul} in the feedback link"),
        ("https://f.example.com/?m={}", "unknown placeholder {} in the feedback link"),
        ("https://f.example.com/?m={title", "malformed placeholder in 'https://f.example.com/?m={title'"),
        ("https://f.example.com/?m={title!r}", "placeholder {title} cannot take a format"),
        ("javascript:alert({title})", "'javascript:alert({title})' is not an allowed link"),
        ("data:text/html,{title}", "'data:text/html,{title}' is not an allowed link"),
        ("{url}", "'{url}' is not an absolute link"),
    ],
)
def test_bad_templates_are_refused_with_a_message_naming_the_problem(template, message):
    with pytest.raises(Invalid) as caught:
        check_template(template)
    assert caught.value.message.startswith(message)
    assert caught.value.hint


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_field_reference_lists_every_placeholder_the_template_check_knows(language):
    from smartshare.core.i18n import Translator
    from smartshare.core.linktemplate import PLACEHOLDERS
    from smartshare.curriculum.reference import reference_markdown

    reference = reference_markdown(Translator(language))
    section = reference.split("`{module}`", 1)[1]
    assert {"lang", "build", "session"} <= set(PLACEHOLDERS)
    for name in PLACEHOLDERS:
        assert f"| `{{{name}}}` | " in reference
    assert "schema.placeholder" not in section  # every description translated


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_field_reference_documents_every_field_of_a_feedback_record(language):
    from dataclasses import fields

    from smartshare.core.feedbackrecords import FeedbackRecord
    from smartshare.core.i18n import Translator
    from smartshare.curriculum.reference import reference_markdown

    reference = reference_markdown(Translator(language))
    section = reference.split("(`feedback/*.jsonl`)", 1)[1]
    for spec in fields(FeedbackRecord):
        assert f"| `{spec.name}` | " in section
    assert "schema.record" not in section
