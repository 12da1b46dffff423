"""A card's links, made once per page for all the cards of that page, are the links made for each card alone."""

from __future__ import annotations

import random

from markupsafe import escape

from smartshare.curriculum import render
from smartshare.curriculum.render import _LinkTokens
from smartshare.plugin_support import relative_url

URLS = ["ai/chat&bots/", "mentors/ada/", "mentors/leo/", "tags/a<b/", "", "ai/", "index.html", "x/y/z.html"]
PAGES = ["", "ai/", "ai/chat&bots/", "tags/ai/", "mentors/ada/", "track-01/", "index.html", "a/b/c/"]


def test_cards_placed_on_pages_in_any_order_get_each_page_its_own_links():
    links = _LinkTokens()
    tokens = {url: links.token(url) for url in URLS}
    rng = random.Random(11)
    for _ in range(2_000):
        page = rng.choice(PAGES)
        chosen = [rng.choice(URLS) for _ in range(rng.randint(0, 4))]
        card = "".join(f'<a href="{tokens[url]}">{n}</a>' for n, url in enumerate(chosen))
        expected = "".join(f'<a href="{escape(relative_url(url, page))}">{n}</a>' for n, url in enumerate(chosen))
        assert links.place(card, page) == expected


def test_a_link_is_made_once_for_all_the_cards_of_a_page():
    links = _LinkTokens()
    mentor, module = links.token("mentors/ada/"), links.token("ai/chatbots/")
    made = []
    original = render.relative_url
    render.relative_url = lambda url, page: made.append((url, page)) or original(url, page)
    try:
        for _ in range(3):
            links.place(f"{module}{mentor}", "tags/ai/")
        links.place(mentor, "track-01/")
        links.place(mentor, "tags/ai/")  # another page came in between: made again
    finally:
        render.relative_url = original
    assert made == [
        ("ai/chatbots/", "tags/ai/"),
        ("mentors/ada/", "tags/ai/"),
        ("mentors/ada/", "track-01/"),
        ("mentors/ada/", "tags/ai/"),
    ]
