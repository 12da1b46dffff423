"""Search a built site the way a learner does: type in the theme's search box, read the results it lists."""

from __future__ import annotations

import re

from playwright.sync_api import expect

ANSWERED = re.compile("document")  # "1 matching document", "Aucun document trouvé"…: the worker has answered


def search(page, query: str, placeholder: str = "Type to start searching") -> list[str]:
    """The pages (URL paths, no anchors) the search lists for `query`, best first, without duplicates.

    `placeholder` is what the theme shows, in the site's language, once its worker is ready for a query.
    """
    box = page.locator(".md-search__input")
    meta = page.locator(".md-search-result__meta")
    box.focus()
    box.fill("")
    box.press("End")  # the theme reads the box on keyup
    expect(meta).to_have_text(placeholder, timeout=15000)  # ready, and not the previous query's count
    box.fill(query)
    box.press("End")
    expect(meta).to_have_text(ANSWERED, timeout=15000)
    links = page.locator(".md-search-result__item > .md-search-result__link")
    found: list[str] = []
    for href in links.evaluate_all("links => links.map(a => new URL(a.href).pathname)"):
        if href not in found:
            found.append(href)
    return found


def snippet(page) -> str:
    return page.locator(".md-search-result__item").first.inner_text()
