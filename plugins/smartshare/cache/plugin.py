"""`smartshare/cache`: each page's rendered Markdown kept across builds, keyed by everything it depends on.

Wiring only: the cache itself is `store.py` (entries on disk) and `render.py` (the page render it wraps).
"""

from __future__ import annotations

import os

from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.pages import Page

from .. import priorities
from .config import CacheConfig
from .parallel import available_cores, can_fork, prefill
from .render import CacheExtension, PageRenderCache
from .store import CacheStore, fingerprint, stable

log = get_plugin_logger(__name__)


class CachePlugin(BasePlugin[CacheConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.cache: PageRenderCache | None = None
        self.command, self.dirty = "build", False
        self.prefilled: tuple[int, int] | None = None  # (pages, workers) when workers rendered ahead

    def on_startup(self, *, command, dirty):
        self.command, self.dirty = command, dirty

    @event_priority(priorities.CACHE_EXTENSION)
    def on_config(self, config):
        if self.config.enabled:
            self.extension = CacheExtension(lambda: self.cache)
            config.markdown_extensions.append(self.extension)

    @event_priority(priorities.CACHE_OPEN)
    def on_pre_build(self, config):
        if not self.config.enabled:
            return
        folder = os.path.join(os.path.dirname(config.config_file_path or "mkdocs.yml"), self.config.dir)
        extensions = [e for e in config.markdown_extensions if e is not self.extension]
        markdown = fingerprint(
            stable(extensions),
            stable(dict(config.mdx_configs)),
            stable(config.use_directory_urls),
            stable({k: str(v) for k, v in config.validation.links.items()}),
        )
        self.cache = PageRenderCache(CacheStore(folder, self._unreadable), markdown)

    @event_priority(priorities.CACHE_PREFILL)
    def on_nav(self, nav, config, files):
        workers = self.config.workers or available_cores()
        if self.cache is None or workers < 2 or self.command != "build" or self.dirty or not can_fork():
            return
        pages = [file for file in files.documentation_pages() if not file.inclusion.is_excluded()]

        def render(file):  # what MkDocs' _populate_page does up to the render (parallel.py says why)
            page = file.page if file.page is not None else Page(None, file, config)
            page = config.plugins.on_pre_page(page, config=config, files=files)
            page.read_source(config)
            page.markdown = config.plugins.on_page_markdown(page.markdown, page=page, config=config, files=files)
            page.render(config, files)

        prefill(pages, workers, render)
        self.prefilled = (len(pages), workers)

    def _unreadable(self, path: str, reason: str) -> None:
        log.info(f"cache entry {path} ignored ({reason}): the page is rendered again")

    def on_post_build(self, config):
        if self.cache is None:
            return
        for src_uri in self.cache.rendered:
            log.debug(f"rendered {src_uri}")
        ahead = (
            f" ({self.prefilled[0]} pages prepared ahead by {self.prefilled[1]} processes)" if self.prefilled else ""
        )
        log.info(
            f"cache: {len(self.cache.hits)} pages from the cache{ahead}, {len(self.cache.rendered)} rendered "
            f"({self.cache.store.folder})"
        )
        self.cache = None
