"""Search a built site the way a learner does: type in the theme's search box, read the results it lists."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator

from harness import serve_site
from playwright.sync_api import expect

from sitebuilder import BASE_CONFIG, build_site

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


@contextlib.contextmanager
def served_search_site(root, pages: dict[str, str], language: str = "en") -> Iterator[tuple[str, object]]:
    """`pages` built into `root` with the theme in `language` and instant navigation, served on localhost:
    yields (its URL, the build)."""
    with serve_site(root / "site") as url:
        theme = {**BASE_CONFIG["theme"], "language": language, "features": ["navigation.instant"]}
        build = build_site(root, pages, config={"theme": theme, "site_url": url})
        assert build.returncode == 0, build.output
        yield url, build


@contextlib.contextmanager
def learner_at(browser, url: str):
    """A laptop-sized page at `url`, in a context of its own."""
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    page = context.new_page()
    page.goto(url)
    yield page
    context.close()
