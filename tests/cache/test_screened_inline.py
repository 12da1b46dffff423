"""Inline patterns tried only on texts holding one of their first characters (smartshare/cache/inline.py): the same
HTML as Python-Markdown's own inline processing, for random pages of every pattern's syntax and its near misses,
with the site's extensions and with others; each pattern's first characters read from its expression."""

from __future__ import annotations

import random
import re

import markdown
import pytest
from markdown.treeprocessors import InlineProcessor

from smartshare.cache import inline
from smartshare.cache.inline import ScreenedInlineProcessor, first_chars, use_screened_inline
from smartshare.cache.instance import SharedMarkdown
from smartshare.rich.extensions import extensions

SITE = extensions(diagrams=True, maths=True)  # what smartshare/rich adds to every site
SITE_EXTENSIONS = [*SITE, "smartshare.quiz.extension"]
#: patterns of other modules: many characters (caret, tilde, critic marks), case-insensitive ones (magiclink), a
#: line break at every newline (nl2br)
OTHER_EXTENSIONS = [
    *SITE,
    "nl2br",
    "wikilinks",
    "smarty",
    "pymdownx.betterem",
    "pymdownx.caret",
    "pymdownx.tilde",
    "pymdownx.critic",
    "pymdownx.magiclink",
    "pymdownx.smartsymbols",
]

#: each pattern's syntax, and near misses: escaped, unclosed, doubled, spaced
PIECES = [
    "plain words",
    "**bold**",
    "*emphasis*",
    "_under_",
    "snake_case_name",
    "2 * 3 * 4",
    "`code`",
    "``double `tick` code``",
    "\\`not code`",
    "\\\\`code after a backslash`",
    "`#!python print(1)`",
    "[a link](other.md)",
    "[ref link][r]",
    "[r]",
    "[unclosed",
    "a ] alone",
    "![an image](pic.png)",
    "![ref image][r]",
    "! not an image",
    "<https://example.com/>",
    "<someone@example.com>",
    "< not a tag >",
    "<b>html</b>",
    "3 < 4",
    "&amp; &copy; &#169; &#xA9;",
    "& alone;",
    ":smile:",
    "time 10:30: ok",
    "++ctrl+alt+del++",
    "+ + plus",
    "\\++ctrl++",
    "\\\\++ctrl++",
    "++ctrl+\n",
    "==marked==",
    "a = b",
    "==",
    "$x^2$",
    "$ x$",
    "\\$5 and $6",
    "\\\\$x$",
    "\\(a+b\\)",
    "\\\\(not maths\\\\)",
    "a footnote[^1]",
    "[^missing]",
    "a\\*b",
    "back\\\\slash",
    "a line ending in two spaces  \nnext",
    "H~2~O ^sup^ ~~gone~~ ^^ins^^",
    "{++added++} {--gone--} {~~a~>b~~}",
    "www.example.com and https://example.org",
    "(c) (tm) --> 1/2 +/-",
    "[[Wiki Link]]",
    "\"quoted\" and 'single' -- dash...",
    "\x02 stray \x03",
    "AI",
]


def random_text(rng: random.Random) -> str:
    return " ".join(rng.choice(PIECES) for _ in range(rng.randint(1, 5)))


def random_page(seed: int) -> str:
    rng = random.Random(seed)
    blocks = ["# A page " + random_text(rng)]
    for _ in range(rng.randint(6, 14)):
        kind = rng.randrange(6)
        if kind == 0:
            blocks.append("\n".join(f"- {random_text(rng)}" for _ in range(rng.randint(1, 3))))
        elif kind == 1:
            blocks.append(f"| a | b |\n|---|---|\n| {random_text(rng)} | {random_text(rng)} |")
        elif kind == 2:
            blocks.append(f'!!! note "{random_text(rng)}"\n\n    {random_text(rng)}')
        elif kind == 3:
            blocks.append(f"Term {rng.choice(PIECES)}\n:   {random_text(rng)}")
        elif kind == 4:
            blocks.append(
                f"/// quiz\n    id: q{seed}-{len(blocks)}\n{random_text(rng)}?\n\n"
                f"- [x] {random_text(rng)}\n- [ ] {random_text(rng)}\n    Because {random_text(rng)}.\n///"
            )
        else:
            blocks.append(random_text(rng))
    blocks += ["[r]: https://example.com/ref", "[^1]: The note, with **bold**.", "*[AI]: Artificial intelligence"]
    return "\n\n".join(blocks) + "\n"


def converter(names: list[str], *, screened: bool) -> markdown.Markdown:
    md = markdown.Markdown(extensions=names, extension_configs={k: v for k, v in SITE.items() if k in names})
    if screened:
        use_screened_inline(md)
    return md


def convert(md: markdown.Markdown, text: str) -> str:
    md.reset()
    return md.convert(text)


@pytest.mark.parametrize("names", [SITE_EXTENSIONS, OTHER_EXTENSIONS], ids=["site", "other"])
def test_random_pages_give_the_same_html_as_pythons_markdown_own(names):
    plain, screened = converter(names, screened=False), converter(names, screened=True)
    assert isinstance(screened.treeprocessors["inline"], ScreenedInlineProcessor)
    for seed in range(40):
        page = random_page(seed)
        assert convert(screened, page) == convert(plain, page), page


def test_a_text_is_searched_only_by_the_patterns_whose_first_characters_it_holds(monkeypatch):
    tried: list[str] = []
    apply = InlineProcessor._InlineProcessor__applyPattern  # type: ignore[attr-defined]

    def noted(self, pattern, data, index, start=0):
        tried.append(type(pattern).__name__)
        return apply(self, pattern, data, index, start)

    monkeypatch.setattr(InlineProcessor, "_InlineProcessor__applyPattern", noted)
    md = converter(SITE_EXTENSIONS, screened=True)
    assert convert(md, "Plain words, with a colon: and *emphasis*.") == (
        "<p>Plain words, with a colon: and <em>emphasis</em>.</p>"
    )
    # the spaces are the line break's, the colon emoji's, the stars emphasis' (not tried again on the rest, which has
    # none left); the 17 others are not tried at all
    assert tried == ["SubstituteTagInlineProcessor", "EmojiPattern", "DelimiterProcessor"]


@pytest.mark.parametrize(
    ("expression", "chars"),
    [
        (r"\\(.)", "\\"),
        (r"(?<!\!)\[", "["),
        (r"\*|_", "*_"),
        (r"(?:(?<!\\)((?:\\{2})+)(?=\$)|(?<!\\)(\$)(?!\s)((?:\\.|[^\\$])+?)(?<!\s)(?:\$))", "\\$"),
        (r"(?<!x)(?:ab|cd)+", "ac"),
        (r"x*y", "xy"),
        (r"(?:x|)y", "xy"),
        (r"^\b(?=a)[a-c]", "abc"),
        (r"(?>ab)|c", "ac"),
        (r"[\]\\^-]z", "]\\^-"),
    ],
)
def test_first_characters_are_read_from_the_expression(expression, chars):
    assert first_chars(re.compile(expression)) == frozenset(chars)


@pytest.mark.parametrize(
    "expression",
    [r"a?", r"(?:ab)*", r"x|", r"\w+", r".a", r"[^a]", r"(?i)a", r"(?i:a)b", r"(a)?\1b", r"[\x00-\uffff]"],
)
def test_no_first_characters_when_they_cannot_be_told(expression):
    assert first_chars(re.compile(expression)) is None
    assert first_chars(re.compile("a", re.IGNORECASE)) is None


def test_every_match_of_the_sites_patterns_starts_with_one_of_their_first_characters():
    md = converter(OTHER_EXTENSIONS, screened=True)
    rng = random.Random(7)
    texts = [random_text(rng) for _ in range(400)]
    for pattern in md.inlinePatterns:
        expression = pattern.getCompiledRegExp()
        chars = first_chars(expression)
        if chars is None:
            continue
        for text in texts:
            for match in expression.finditer(text):
                assert match.group(0) and text[match.start()] in chars, (expression.pattern, text)


def test_the_builds_one_instance_screens_its_inline_patterns():
    config = {"markdown_extensions": ["toc", "pymdownx.keys"], "mdx_configs": {}}
    assert isinstance(SharedMarkdown()._instance(config).treeprocessors["inline"], ScreenedInlineProcessor)


def test_screens_are_made_once_an_expression():
    inline._screen.cache_clear()
    first = converter(SITE_EXTENSIONS, screened=True)
    convert(first, "text")
    made = inline._screen.cache_info().misses
    convert(converter(SITE_EXTENSIONS, screened=True), "more text")
    assert inline._screen.cache_info().misses == made
