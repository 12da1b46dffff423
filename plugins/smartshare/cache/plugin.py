"""`smartshare/cache`: each page's rendered Markdown kept across builds, keyed by everything it depends on.

Wiring only: the cache itself is `store.py` (entries on disk) and `render.py` (the page render it wraps).
"""

from __future__ import annotations

import os

from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger

from .. import priorities
from .config import CacheConfig
from .render import CacheExtension, PageRenderCache
from .store import CacheStore, fingerprint, stable

log = get_plugin_logger(__name__)


class CachePlugin(BasePlugin[CacheConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.cache: PageRenderCache | None = None

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

    def _unreadable(self, path: str, reason: str) -> None:
        log.info(f"cache entry {path} ignored ({reason}): the page is rendered again")

    def on_post_build(self, config):
        if self.cache is None:
            return
        for src_uri in self.cache.rendered:
            log.debug(f"rendered {src_uri}")
        log.info(
            f"cache: {len(self.cache.hits)} pages from the cache, {len(self.cache.rendered)} rendered "
            f"({self.cache.store.folder})"
        )
        self.cache = None
