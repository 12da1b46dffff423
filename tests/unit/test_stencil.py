"""A stencil is usable only when its render wrote every token once, as it was; filled, it is the render of the values."""

from __future__ import annotations

import random

import pytest
from markupsafe import Markup, escape

from smartshare.core.stencil import Stencil


def test_a_stencil_fills_its_values_in_escaped_in_the_order_the_render_wrote_them():
    stencil = Stencil(lambda tokens: f"<a href='{tokens[1]}'>{tokens[0]}</a>{tokens[2]}", 3, ["", "http"])
    assert stencil.usable
    values = ["<b>&", "https://x/?a=1&b=2", Markup("<time>1</time>")]
    assert stencil.fill(values) == "<a href='https://x/?a=1&amp;b=2'>&lt;b&gt;&amp;</a><time>1</time>"


@pytest.mark.parametrize(
    "render",
    [
        lambda tokens: tokens[0],  # a token lost
        lambda tokens: tokens[0] + tokens[1] + tokens[1],  # a token doubled
        lambda tokens: tokens[0] + tokens[1].upper(),  # a token changed
        lambda tokens: tokens[0] + tokens[1][4:],  # a token without its prefix
        lambda tokens: tokens[0] + tokens[1] + tokens[1][:-1],  # the nonce outside a token
        lambda tokens: tokens[0] + tokens[1] + tokens[1].replace("-1-", "-01-"),
        lambda tokens: tokens[0] + tokens[1] + tokens[1].replace("-1-", "-7-"),
    ],
)
def test_a_stencil_whose_render_loses_doubles_or_changes_a_token_is_not_usable(render):
    stencil = Stencil(render, 2, ["", "http"])
    assert not stencil.usable
    with pytest.raises(ValueError):
        stencil.fill(["a", "b"])


def test_a_stencil_of_no_values_is_its_render():
    assert Stencil(lambda tokens: "<p>&amp;</p>", 0).fill([]) == "<p>&amp;</p>"


def test_a_stencil_with_repeats_fills_a_value_everywhere_its_token_was_written():
    stencil = Stencil(
        lambda tokens: f"<li id='{tokens[0]}'><a href='{tokens[1]}?s={tokens[0]}'>{tokens[0]}</a>", 2, repeats=True
    )
    assert stencil.usable
    assert stencil.fill(["a&b", "x/"]) == "<li id='a&amp;b'><a href='x/?s=a&amp;b'>a&amp;b</a>"


@pytest.mark.parametrize(
    "render",
    [
        lambda tokens: tokens[0] + tokens[0],  # a token lost
        lambda tokens: tokens[0] + tokens[1] + tokens[1].replace("-1-", "-01-"),  # changed where written again
        lambda tokens: tokens[0] + tokens[1] + tokens[1][4:],  # written again without its prefix
    ],
)
def test_a_stencil_with_repeats_still_needs_every_token_as_it_was(render):
    assert not Stencil(render, 2, ["", "http"], repeats=True).usable


def test_a_stencil_fills_in_any_value_as_jinja_s_escape_writes_it():
    """Plain strings, strings with each character escaping changes, markup, numbers, none: each value is written as
    `{{ value }}` writes it, whether or not it has anything to escape."""
    stencil = Stencil(lambda tokens: "<p title='" + "'>".join(tokens) + "</p>", 4)
    pieces = ["a", "é", "聊", " ", "&", "<", ">", '"', "'", "&amp;", "%", "\\", "\x00", "\u2028", "{", "-0-"]
    draw = random.Random(5)
    for _ in range(2_000):
        values = ["".join(draw.choice(pieces) for _ in range(draw.randint(0, 5))) for _ in range(4)]
        values[draw.randrange(4)] = draw.choice([Markup(values[0]), 7, 2.5, None, values[1]])
        written = "<p title='" + "'>".join(str(escape(value)) for value in values) + "</p>"
        assert stencil.fill(values) == written, values
