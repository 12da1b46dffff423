"""Memory: what a large build let pile up, let go as it goes.

- A page's HTML and Markdown, once the page is written (`release_page`). MkDocs keeps every page's `content` and
  `markdown` until the build ends, though nothing reads them after the page's `on_post_page`: the theme renders a
  page from its own content only, the search index has its entries by then, and the sitemap reads URLs and dates.
  A module page and its mentor sheet each hold a copy of the module's HTML.
- The Markdown instances of rendered pages (`Collector.take_apart`). MkDocs makes one per page; each is a web of
  reference cycles (its processors point back to it) holding the page's source lines and stashed HTML, which only
  Python's full collection would free, ever more rarely as a build's live objects grow. `MarkdownRelease` hands
  each instance to the collector, which clears the instance and its block parser once the page is rendered (at
  the next page): reference counting then frees the rest at once, and no full collection runs during the pages
  (a 300-module build peaked the same with or without one every 50 pages). What the build set up
  before the pages is frozen (`gc.freeze`), so that Python's own collections walk only the objects made since.
- Everything, at the process's exit (`skip_exit_collection`): Python collects once more over every object still
  alive before it exits, only for the operating system to take the memory back anyway.
- Every page's HTML between the two passes (`PackedContent`): compressed, about a sixth of its size.
"""

from __future__ import annotations

import atexit
import functools
import gc
import zlib

from markdown import Extension, Markdown


class PackedContent:
    """Every page's finished content, compressed from the end of its `on_page_content` until its `on_page_context`.

    MkDocs renders the Markdown of every page before it themes the first, so a build holds all their HTML at once
    (about 30 KB a module page, 4 times its Markdown); nothing reads a page's content in between. Compressed, it
    takes a sixth of that; compressing and expanding it costs about 0.1 ms a page.
    """

    def __init__(self) -> None:
        self._packed: dict[int, bytes] = {}

    def pack(self, html: str, page) -> str:
        if len(html) < 2048:
            return html
        self._packed[id(page)] = zlib.compress(html.encode("utf-8", "surrogatepass"), 1)
        return ""  # empty, not None (see release_page)

    def unpack(self, page) -> None:
        packed = self._packed.pop(id(page), None)
        if packed is not None:
            page.content = zlib.decompress(packed).decode("utf-8", "surrogatepass")

    def clear(self) -> None:
        self._packed.clear()


def release_page(page) -> None:
    # empty, not None: `Page.title` (which other pages' navigation reads) takes another path when either is None
    page.content = ""
    page.markdown = ""


#: set on a Markdown instance that renders many pages (mentor/titles.py): the collector leaves it whole
SHARED = "smartshare_shared"


class Collector:
    def __init__(self) -> None:
        self.frozen = False
        self.markdowns: list[Markdown] = []  # made since the last page began (`MarkdownRelease`)

    def markdown_made(self, md: Markdown) -> None:
        self.markdowns.append(md)

    def take_apart(self) -> None:
        """Break the reference cycles of the pages' Markdown instances made since the last call (none is in use:
        called between two pages), so that reference counting frees them at once; others are only let go."""
        markdowns, self.markdowns = self.markdowns, []
        for md in markdowns:
            if "relpath" in getattr(md, "treeprocessors", ()) and not getattr(md, SHARED, False):
                # made by MkDocs' `Page.render`, used once
                parser = md.__dict__.get("parser")
                md.__dict__.clear()
                if parser is not None:
                    parser.__dict__.clear()

    def freeze(self) -> None:
        """Everything alive now stays to the end of the build: left out of later collections."""
        gc.collect()
        gc.freeze()
        self.frozen = True

    def finish(self) -> None:
        """The build is over (or failed): the preview server's next build starts with every object collectable."""
        if self.frozen:
            gc.unfreeze()
            self.frozen = False


class MarkdownRelease(Extension):
    """Hands every Markdown instance to the collector, which takes each page's apart once it is rendered."""

    def __init__(self, collector: Collector) -> None:
        super().__init__()
        self.collector = collector

    def extendMarkdown(self, md: Markdown) -> None:
        self.collector.markdown_made(md)


@functools.cache  # one handler a process, however many builds it runs
def skip_exit_collection() -> None:
    """Leave every object alive at the interpreter's exit out of its last garbage collection.

    That collection walks every object a build kept (hundreds of thousands after a large one: about 2 % of a
    2,000-module build's CPU time) to free memory the operating system takes back a moment later. Exit handlers
    run before it, and frozen objects are left out of every collection; what must happen at exit (log handlers
    flushed, temporary folders removed, caches written) is done by exit handlers and plugin events, never by it."""
    atexit.register(gc.freeze)
