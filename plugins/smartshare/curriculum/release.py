"""Memory: what a large build let pile up, let go as it goes.

- A page's HTML and Markdown, once the page is written (`release_page`). MkDocs keeps every page's `content` and
  `markdown` until the build ends, though nothing reads them after the page's `on_post_page`: the theme renders a
  page from its own content only, the search index has its entries by then, and the sitemap reads URLs and dates.
  A module page and its mentor sheet each hold a copy of the module's HTML.
- The Markdown instances of rendered pages (`Collector`). MkDocs makes one per page; each is a web of reference
  cycles (its processors point back to it) holding the page's source lines and stashed HTML, so only Python's full
  collection frees it, and that runs ever more rarely as a build's live objects grow (CPython waits until a
  quarter as many new objects as old ones survived). A 1,000-module build held a few hundred MB of them. The
  collector runs a full collection every `EVERY` pages, after freezing what the build set up before the pages
  (`gc.freeze`), so that each collection walks only the objects made since.
"""

from __future__ import annotations

import gc

EVERY = 50  # pages between two collections


def release_page(page) -> None:
    # empty, not None: `Page.title` (which other pages' navigation reads) takes another path when either is None
    page.content = ""
    page.markdown = ""


class Collector:
    def __init__(self) -> None:
        self.pages = 0
        self.frozen = False

    def freeze(self) -> None:
        """Everything alive now stays to the end of the build: left out of later collections."""
        gc.collect()
        gc.freeze()
        self.frozen = True

    def page_done(self) -> None:
        self.pages += 1
        if self.pages % EVERY == 0:
            gc.collect()

    def finish(self) -> None:
        """The build is over (or failed): the preview server's next build starts with every object collectable."""
        if self.frozen:
            gc.unfreeze()
            self.frozen = False
        self.pages = 0
