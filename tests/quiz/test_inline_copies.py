"""The answer key's options copied from the options as the inline patterns left them: the same HTML as processing
each option's text a second time, for pages of random options, and the text read by the patterns only once."""

from __future__ import annotations

import random

import markdown
import pytest
from markdown.treeprocessors import InlineProcessor

from smartshare.quiz import extension

EXTENSIONS = [
    "smartshare.quiz.extension",
    "abbr",
    "attr_list",
    "footnotes",
    "md_in_html",
    "tables",
    "toc",
    "pymdownx.arithmatex",
    "pymdownx.emoji",
    "pymdownx.inlinehilite",
    "pymdownx.keys",
    "pymdownx.mark",
    "pymdownx.superfences",
    "pymdownx.details",
]

PIECES = [
    "plain words",
    "**bold**",
    "*emphasis*",
    "`code`",
    "[a link](other.md)",
    "[a link](https://example.com/x?a=1&b=2)",
    "<https://example.com/>",
    ":smile:",
    "++ctrl+alt+del++",
    "==marked==",
    "$x^2$",
    "`#!python print(1)`",
    "a footnote[^1]",
    "another[^2]",
    "AI",
    "&amp; &copy; 3 < 4",
    "<b>not html</b>",
    "a\\*b",
    "{: .cls }",
    "text{: #anchor }",
    "![an image](pic.png)",
    "H~2~O",
]


def random_quiz(rng: random.Random, number: int) -> str:
    lines = [f"/// quiz\n    id: q{number}", f"Question {number} with {rng.choice(PIECES)}?", ""]
    for option in range(rng.randint(2, 4)):
        text = " ".join(rng.choice(PIECES) for _ in range(rng.randint(1, 3)))
        lines.append(f"- [{'x' if option == 0 else ' '}] {text}")
        if rng.random() < 0.3:  # a second line of the option's text
            lines.append(f"  and {rng.choice(PIECES)}")
        if rng.random() < 0.5:
            lines.append(f"    Because {rng.choice(PIECES)}.")
    lines += ["", f"Overall {rng.choice(PIECES)}.", "///", ""]
    return "\n".join(lines)


def random_page(seed: int) -> str:
    rng = random.Random(seed)
    parts = ["# A page\n", "Some text with a footnote[^1] and AI.\n"]
    parts += [random_quiz(rng, number) for number in range(rng.randint(1, 4))]
    parts += ["[^1]: The first note.\n", "[^2]: The second note.\n", "*[AI]: Artificial intelligence\n"]
    return "\n".join(parts)


def render(text: str) -> str:
    return markdown.markdown(text, extensions=EXTENSIONS, extension_configs={"toc": {"permalink": True}})


@pytest.mark.parametrize("seed", range(40))
def test_copied_answer_keys_are_the_html_of_a_second_rendering(seed, monkeypatch):
    text = random_page(seed)
    copied = render(text)
    monkeypatch.setattr(extension._InlineCopies, "accepts", lambda self, text: False)
    assert copied == render(text)


def test_an_option_with_a_footnote_is_rendered_twice_as_footnotes_number_each_reference():
    html = render("/// quiz\n    id: q\nWhich?\n\n- [x] Yes[^1]\n- [ ] No\n///\n\n[^1]: A note.\n")
    assert 'id="fnref:1"' in html and 'id="fnref2:1"' in html


def test_the_key_s_options_are_not_read_again_by_the_inline_patterns(monkeypatch):
    seen: list[str] = []
    handle = InlineProcessor._InlineProcessor__handleInline  # type: ignore[attr-defined]

    def spy(self, data, patternIndex=0):
        if patternIndex == 0:
            seen.append(data)
        return handle(self, data, patternIndex)

    monkeypatch.setattr(InlineProcessor, "_InlineProcessor__handleInline", spy)
    html = render("/// quiz\n    id: q\nWhich?\n\n- [x] The *first* option\n- [ ] The second\n///\n")
    assert html.count("<span>The <em>first</em> option</span>") == 2
    assert html.count("<span>The second</span>") == 2
    assert seen.count("The *first* option") == 1 and seen.count("The second") == 1


def test_a_page_with_an_inline_pattern_of_another_module_renders_the_key_s_options_again(monkeypatch):
    from markdown.extensions import Extension
    from markdown.inlinepatterns import SimpleTagInlineProcessor

    class Other(SimpleTagInlineProcessor):  # this module's: not one of the patterns read for the copies
        pass

    class OtherExtension(Extension):
        def extendMarkdown(self, md):
            md.inlinePatterns.register(Other(r"(\^)(.+?)\^", "sup"), "other", 1)

    taken: list[str] = []
    monkeypatch.setattr(extension._InlineCopies, "add", lambda self, source, target: taken.append("copy"))
    html = markdown.markdown(
        "/// quiz\n    id: q\nWhich?\n\n- [x] ^Up^\n- [ ] No\n///\n", extensions=[*EXTENSIONS[:1], OtherExtension()]
    )
    assert html.count("<span><sup>Up</sup></span>") == 2 and not taken
