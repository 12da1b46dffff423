"""Feedback link templates: a link with named placeholders in braces, filled in for each module page.

    https://forms.example.com/feedback?module={module}&rating={rating}
    mailto:learning@example.com?subject=Feedback on {title}&body=Rating: {rating}

Defined in the core because the schema checks templates written in track.yml and module front matter; the
feedback plugin fills them in.
"""

from __future__ import annotations

import string

from .fieldtypes import Invalid, Text, check_url

PLACEHOLDERS: dict[str, str] = {
    "module": "the module's id, e.g. ai/chatbots",
    "title": "the module's title",
    "track": "the title of the module's track",
    "mentor": "the names of the module's mentors, separated by commas",
    "rating": "the learner's rating: 1 (not useful), 2 (partly useful), 3 (very useful); empty for a comment",
    "score": "the self-check score, e.g. 3/4, once the learner has checked every quiz; empty before",
    "url": "the address of the module page",
    "session": "the id of the workshop session the learner came from (see sessions.yml); empty when unknown",
    "lang": "the language of the page, e.g. en or fr (the site's theme.language)",
    "build": "the git commit the site was built from; empty when the build is not in a git repository",
}

_KNOWN = ", ".join(f"{{{name}}}" for name in PLACEHOLDERS)


def placeholders_in(template: str, what: str = "feedback link") -> list[str]:
    """The placeholder names of `template`, in order; raises `Invalid` when one is unknown or malformed."""
    code = "feedback-template" if what == "feedback link" else "signup-template"
    try:
        parts = list(string.Formatter().parse(template))
    except ValueError as error:  # a lone `{` or `}`
        raise Invalid(code, f"malformed placeholder in '{template}': {error}", f"placeholders are {_KNOWN}") from None
    names = []
    for _, name, spec, conversion in parts:
        if name is None:
            continue
        if name not in PLACEHOLDERS:
            shown = "{" + name + "}" if name else "{}"
            raise Invalid(code, f"unknown placeholder {shown} in the {what}", f"use {_KNOWN}")
        if spec or conversion:
            raise Invalid(code, f"placeholder {{{name}}} cannot take a format", f"write it as {{{name}}}")
        names.append(name)
    return names


def check_template(template: str, what: str = "feedback link") -> str:
    """The template if its placeholders are known and its scheme is safe; `Invalid` otherwise."""
    placeholders_in(template, what)
    # the scheme sits before any placeholder in a usable template, so checking the template checks every link
    return check_url(template)


class LinkTemplate(Text):
    def check(self, value):
        return check_template(super().check(value))


class SignupTemplate(Text):
    """A session's sign-up link: the same placeholders as a feedback link ({session}, {module}, {title} …)."""

    def check(self, value):
        return check_template(super().check(value), "sign-up link")
