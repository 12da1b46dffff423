"""`smartshare/cache`: each page's rendered Markdown, search entries and themed HTML kept across builds, each keyed
by everything it depends on.

Wiring only: the cache itself is `store.py` (entries on disk), `render.py` (the Markdown render it wraps),
`search.py` (the search index's entries of a page) and `page.py` with `context.py` (the theme's render of a page).
"""

from __future__ import annotations

import functools
import hashlib
import os
from collections.abc import Callable
from typing import Any

from jinja2 import Template
from mkdocs import utils as mkdocs_utils
from mkdocs.commands.build import get_context
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import InclusionLevel
from mkdocs.structure.pages import Page

from .. import priorities
from ..plugin_support import FlatGlobalsTemplate, find_curriculum
from .beside import Beside
from .bytecode import TemplateBytecode
from .config import CacheConfig
from .context import Metas, Templates
from .elsewhere import ThemePass
from .findings import FindingsStore
from .frontmatter import FrontMatter
from .instance import SAME_RENDER
from .memo import BytesMemo
from .outputs import KeptOutputs
from .page import TemplateCache
from .parallel import Ahead, available_cores, can_fork
from .render import CacheExtension, PageRenderCache
from .search import SearchIndexCache, quicker_hook
from .static import Early
from .store import CacheStore, fingerprint, new_digest, stable
from .sweep import Sweep

log = get_plugin_logger(__name__)

#: pages whose source changed since the last build, below which no worker is started: a warm build's few changed
#: pages are quicker rendered by the build than by a worker that must first repeat every plugin's work
AHEAD_FROM = 16


def _quicker_search_hook(config, plugin) -> None:
    """Material's search hook in the theme pass, in its place among the hooks, done as `search.quicker_hook` does."""
    hooks = config.plugins.events.get("page_context", [])
    for place, hook in enumerate(hooks):
        if getattr(hook, "__self__", None) is plugin and getattr(hook, "__name__", None) == "on_page_context":
            quicker = quicker_hook(plugin)
            if quicker is not None:
                hooks[place] = quicker


class CachePlugin(BasePlugin[CacheConfig]):
    supports_multiple_instances = False
    #: its settings (folder, processes) change how the site is built, never a page: left out of every page's key
    output_neutral = True

    def __init__(self) -> None:
        self.cache: PageRenderCache | None = None
        self.pages: TemplateCache | None = None
        self.search: SearchIndexCache | None = None
        self.env = self.nav = None
        self.command, self.dirty = "build", False
        self.ahead: Ahead | None = None  # the workers of the current pass
        self.theme_pass: ThemePass | None = None  # the theme pass shared with workers (elsewhere.py)
        self.build_pid = os.getpid()
        self.prepared = [0, 0]  # pages the workers prepared in each pass
        self.built_whole = False  # the second pass's pages were themed and written by the workers (`theme_pass`)
        self.manifest: dict = {}
        self.metas: Metas | None = None
        self.sources: dict[str, str] = {}
        #: the compiled templates of every Jinja environment of the build (None: the cache is off)
        self.bytecode: TemplateBytecode | None = None
        self.store: CacheStore | None = None  # kept after the build, for the checks that run last (`findings`)
        self.sweep: Sweep | None = None  # the process deleting the last build's site (sweep.py)
        self.memos: list[BytesMemo] = []  # handed out this build: a helper's use of them is handed back (static.py)
        self.early: Early | None = None  # the static files copied during the Markdown pass (static.py)
        self.beside: Beside | None = None  # parts of the theme pass made during the Markdown pass (beside.py)
        self.front: FrontMatter | None = None  # the pages' front matter kept across builds (frontmatter.py)
        self.outputs: KeptOutputs | None = None  # the last site's files, linked back where written again (outputs.py)
        self.mkdocs_write = mkdocs_utils.write_file  # MkDocs' own, put back once the build is written

    def on_startup(self, *, command, dirty):
        self.command, self.dirty = command, dirty

    @event_priority(priorities.CACHE_BYTECODE)
    def _open_bytecode(self, config):
        # documented surface: `plugin_support.template_bytecode` hands it to every environment of the build
        if self.config.enabled:
            self.bytecode = TemplateBytecode(os.path.join(self._folder(config), "jinja"), self._unreadable)

    @event_priority(priorities.CACHE_EXTENSION)
    def _add_extension(self, config):
        if self.config.enabled:
            self.extension = CacheExtension(lambda: self.cache)
            config.markdown_extensions.append(self.extension)

    on_config = CombinedEvent(_open_bytecode, _add_extension)

    def _folder(self, config) -> str:
        return os.path.join(os.path.dirname(config.config_file_path or "mkdocs.yml"), self.config.dir)

    @event_priority(priorities.CACHE_SWEEP)
    def _sweep(self, config):
        # not in a dirty build (MkDocs keeps the site), nor when the cache is off (it has no folder to move it to)
        if self.config.enabled and not self.dirty and config.site_dir:
            self.sweep = Sweep(os.path.join(self._folder(config), "trash"))
            if moved := self.sweep.start(config.site_dir):
                log.debug(f"cache: {moved} entries of the last site are deleted by another process")

    def _wait_sweep(self) -> None:
        if self.sweep is not None:
            self.sweep.wait()
            self.sweep = None

    @event_priority(priorities.CACHE_OPEN)
    def _open(self, config):
        if not self.config.enabled:
            return
        folder = self._folder(config)
        extensions = [e for e in config.markdown_extensions if e is not self.extension]
        markdown = fingerprint(
            stable(extensions),
            stable(dict(config.mdx_configs)),
            stable(config.use_directory_urls),
            stable({k: str(v) for k, v in config.validation.links.items()}),
        )
        store = self.store = CacheStore(folder, self._unreadable)
        self.cache = PageRenderCache(store, markdown, extensions)
        self.metas = Metas()  # each page's front matter written out once per build, for every key that holds it
        self.search = SearchIndexCache(store.of_kind("search"), fingerprint(), self.metas)
        self.build_pid, self.prepared, self.built_whole = os.getpid(), [0, 0], False
        self.memos, self.early = [], None
        self.beside = Beside() if self._workers() else None
        # one manifest per source folder and language, whichever configuration file builds it (a build on one core
        # and one on two share their cache): it only tells which sources changed; each value is compared before use
        language = config.theme.get("language") or ""
        self.manifest_key = hashlib.sha256(f"{config.docs_dir}\0{language}".encode()).hexdigest()
        self.manifest = store.of_kind("manifest").load(self.manifest_key) or {}
        curriculum = find_curriculum(config)  # its start-up check read the modules' front matter already
        known = curriculum.take_front_matter if curriculum is not None else None
        self.front = FrontMatter(store.of_kind("front"), known) if FrontMatter.usable() else None
        self._route_writes(folder, config)

    def _route_writes(self, folder: str, config) -> None:
        """Every site file MkDocs, its plugins or the calendars write goes through `outputs.KeptOutputs.write`
        (forked workers and helpers too: they start later), until `_keep_outputs`."""
        # not in the preview server: its site is a temporary folder, deleted when it stops
        if config.site_dir and self.command == "build":
            self.outputs = KeptOutputs(folder, config.site_dir)
            mkdocs_utils.write_file = self.outputs.write

    def _unroute_writes(self, outputs: KeptOutputs | None) -> None:
        if outputs is not None and mkdocs_utils.write_file == outputs.write:
            mkdocs_utils.write_file = self.mkdocs_write

    on_pre_build = CombinedEvent(_open, _sweep)

    def memo(self, name: str, *parts: str) -> BytesMemo | None:
        """Bytes another plugin makes the same way build after build (memo.py): `name` tells its site and kind,
        `parts` what else its bytes depend on (a library's version). None when the cache is off; from
        `on_pre_build` to `on_post_build`."""
        if self.cache is None:
            return None
        told = lambda path, reason: log.info(f"cache entry {path} ignored ({reason}): its items are made again")  # noqa: E731
        memo = BytesMemo(CacheStore(self.cache.store.folder, told, "memo"), name, *parts)
        self.memos.append(memo)
        return memo

    def made_beside(self, name: str, make) -> Callable[[], Any]:
        """`make` run by another process during the Markdown pass (beside.py): the function returned gives its result
        (waiting for it), or None when the build must do the work itself, as it always must without the cache or a
        second core. From `on_pre_build` to the cache's `on_nav` (the last): `make` must read only what is final by
        then."""
        beside = self.beside
        return beside.add(name, make) if beside is not None else lambda: None

    def findings(self, check: str) -> FindingsStore | None:
        """Where `check` keeps what it found in each text across builds (findings.py); None when the cache is off.
        Other plugins reach it through `plugin_support.check_memory`."""
        return FindingsStore(self.store, check) if self.config.enabled and self.store is not None else None

    def _workers(self) -> int:
        """Processes to fork besides the build (parallel.py): none in the preview server or a dirty build."""
        cores = self.config.workers or available_cores()
        if self.cache is None or cores < 2 or self.command != "build" or self.dirty or not can_fork():
            return 0
        return cores - 1

    @event_priority(priorities.CACHE_PREFILL)
    def on_nav(self, nav, config, files):
        self.nav = nav
        if self.cache is None:
            return
        pages = [file for file in files.documentation_pages() if not file.inclusion.is_excluded()]
        self.sources = {f.src_uri: new_digest(f.content_bytes).hexdigest() for f in pages}
        known = self.manifest.get("sources") if self.manifest.get("markdown") == self.cache.fingerprint else None
        changed = [f for f in pages if not known or known.get(f.src_uri) != self.sources[f.src_uri]]
        workers = self._workers()
        if workers and config.site_dir:
            # the static files are written by another process while the build reads its pages (static.py)
            early = Early(files, config.site_dir, self.memos)
            self.early = early if early.start() else None
        if self.beside is not None and not self.beside.start():
            self.beside = None
        if not workers or len(changed) < AHEAD_FROM:
            return

        def render(file):  # what MkDocs' _populate_page does up to the render (parallel.py says why)
            page = file.page if file.page is not None else Page(None, file, config)
            page = config.plugins.on_pre_page(page, config=config, files=files)
            page.read_source(config)
            page.markdown = config.plugins.on_page_markdown(page.markdown, page=page, config=config, files=files)
            page.render(config, files)

        self.ahead = Ahead(changed, workers, render, key=lambda file: file.src_uri)

    # First of all on each page: the workers leave it to the build; its source is read next (frontmatter.py).
    @event_priority(priorities.CACHE_CLAIM)
    def on_pre_page(self, page, config, files):
        if self.ahead is not None and os.getpid() == self.build_pid:
            self.ahead.claim(page.file.src_uri)
        if self.front is not None and "read_source" not in vars(page):  # not routed (nor replaced by another plugin)
            page.read_source = functools.partial(self.front.read_source, page)
        return page

    # Last of all on the Markdown: MkDocs renders the page next, through the cache (render.render_page).
    @event_priority(priorities.CACHE_PAGE_RENDER)
    def on_page_markdown(self, markdown, page, config, files):
        cache = self.cache
        # not already routed, nor replaced by another plugin unless by a render like MkDocs' own (the sheets' titles)
        replaced = vars(page).get("render")
        if cache is not None and (replaced is None or getattr(replaced, SAME_RENDER, False)):
            original = replaced or functools.partial(type(page).render, page)
            page.render = functools.partial(cache.render_page, page, render=original)
        return markdown

    @event_priority(priorities.CACHE_THEME_BYTECODE)
    def _theme_bytecode(self, env, config, files):
        if self.bytecode is not None:
            env.bytecode_cache = self.bytecode
        if env.template_class is Template:  # each render starts from the globals flattened once (plugin_support)
            env.template_class = FlatGlobalsTemplate
        return env

    # Every page's Markdown is rendered by now; the theme's templates are known and every plugin has set up.
    @event_priority(priorities.CACHE_THEME)
    def _theme_cache(self, env, config, files):
        if self.cache is None:
            return env
        if self.front is not None:  # every page's source is read
            front = self.front
            taken = f"{front.taken} of them read by the start-up check"
            log.debug(f"cache: {front.hits} front matters from the cache, {front.parsed} parsed ({taken})")
            self.front = None
        if self.ahead is not None:
            self.prepared[0] = self.ahead.finish()
        self.env = env
        templates = Templates(list(config.theme.dirs))
        self.pages = TemplateCache(self.cache.store.of_kind("theme"), fingerprint(), templates, self.metas)
        for plugin in config.plugins.values():
            index = getattr(plugin, "search_index", None)
            if index is not None and self.search is not None:
                self.search.wrap(index, plugin.config)
                _quicker_search_hook(config, plugin)
        same = self.manifest.get("templates") == self.pages.templates.digest and self.manifest.get(
            "config"
        ) == self.pages.config_digest(config)
        workers = self._workers()
        doc_files = files.documentation_pages(inclusion=InclusionLevel.is_included)
        if workers and len(doc_files) >= AHEAD_FROM and ThemePass.possible(config):
            # the workers build whole pages from the end (elsewhere.py): they start with the first page
            self.ahead = None
            search, themed = self.search, self.pages
            self.theme_pass = ThemePass(
                config,
                workers,
                lambda: [themed.hits, themed.rendered, themed.uncacheable, search.hits, search.rendered],
                self.cache.store,
            )
            last = config.plugins.events["env"][-1]
            if getattr(last, "__self__", None) is self and getattr(last, "__func__", None) is CachePlugin._theme_cache:
                # the last hook of `on_env`: the workers start now, while MkDocs copies the static files
                self.theme_pass.start(config, doc_files, self.nav, env)
        elif workers and (self.ahead is not None or not same):
            pages = [f.page for f in doc_files if f.page]
            self.ahead = Ahead(pages, workers, lambda page: self._theme(page, config, files), key=id)
        else:
            self.ahead = None
        return env

    on_env = CombinedEvent(_theme_bytecode, _theme_cache)

    def _theme(self, page, config, files):
        """What MkDocs' _build_page does up to the theme's render (in a worker; parallel.py says why)."""
        config._current_page = page
        page.active = True
        try:
            doc_files = files.documentation_pages(inclusion=InclusionLevel.is_included)
            context = get_context(self.nav, doc_files, config, page)
            template = self.env.get_template(page.meta.get("template", "main.html"))
            context = config.plugins.on_page_context(context, page=page, config=config, nav=self.nav)
            template.render(context)
        finally:
            page.active = False
            config._current_page = None

    @event_priority(priorities.CACHE_CLAIM)
    def _claim_theme(self, context, page, config, nav):
        if self.ahead is not None and os.getpid() == self.build_pid:
            self.ahead.claim(id(page))
        return context

    @event_priority(priorities.CACHE_PAGE_TEMPLATE)
    def _wrap_theme(self, context, page, config, nav):
        if self.pages is not None and self.env is not None:
            self.pages.wrap(self.env.get_template(page.meta.get("template", "main.html")))
        return context

    on_page_context = CombinedEvent(_claim_theme, _wrap_theme)

    def _unreadable(self, path: str, reason: str) -> None:
        log.info(f"cache entry {path} ignored ({reason}): the page is rendered again")

    def on_build_error(self, error):
        self._wait_sweep()
        self._unroute_writes(self.outputs)
        self.outputs = None
        if self.beside is not None and os.getpid() == self.build_pid:
            self.beside.abandon()
            self.beside = None
        if self.early is not None and os.getpid() == self.build_pid:
            self.early.abandon()
            self.early = None
        if self.theme_pass is not None and os.getpid() == self.build_pid:
            self.theme_pass.abandon()
            self.theme_pass = None
        if self.ahead is not None and os.getpid() == self.build_pid:
            self.ahead.abandon()
            self.ahead = None

    @event_priority(priorities.CACHE_PAGES_DONE)
    def _pages_done(self, config):
        if self.theme_pass is not None:
            self.prepared[1] = self.theme_pass.finish()
            self.built_whole = True
            self.theme_pass = None
        elif self.ahead is not None:
            self.prepared[1] = self.ahead.finish()
            self.ahead = None

    def _post_build(self, config):
        self._wait_sweep()  # started before the first page: long done, except in the smallest builds
        if self.cache is None:
            return
        for src_uri in self.cache.rendered:
            log.debug(f"rendered {src_uri}")
        search, pages = self.search, self.pages
        for src_uri in search.rendered if search else []:
            log.debug(f"indexed {src_uri}")
        for src_uri in pages.rendered if pages else []:
            log.debug(f"themed {src_uri}")
        for src_uri, reason in pages.uncacheable if pages else []:
            log.debug(f"themed {src_uri} without the cache ({reason})")
        if self.beside is not None:
            self.beside.finish()
            if self.beside.taken:
                log.debug(f"cache: made by another process while the pages were read: {', '.join(self.beside.taken)}")
            self.beside = None
        if self.early is not None:
            log.debug(f"cache: {self.early.taken} static files written by another process while the pages were read")
            self.early = None
        others = self._workers()
        by = f"by {others} other process" + ("es" if others > 1 else "")
        ahead = f" ({self.prepared[0]} pages prepared ahead {by})" if self.prepared[0] else ""
        log.info(
            f"cache: {len(self.cache.hits)} pages from the cache{ahead}, {len(self.cache.rendered)} rendered "
            f"({self.cache.store.folder})"
        )
        if pages is not None and search is not None:
            done = "themed and written" if self.built_whole else "prepared ahead"
            ahead = f" ({self.prepared[1]} {done} {by})" if self.prepared[1] else ""
            log.info(
                f"cache: {len(pages.hits)} themed pages from the cache{ahead}, "
                f"{len(pages.rendered) + len(pages.uncacheable)} rendered; {len(search.hits)} pages' search entries "
                f"from the cache, {len(search.rendered)} indexed"
            )
            self.cache.store.of_kind("manifest").save(
                self.manifest_key,
                {
                    "markdown": self.cache.fingerprint,
                    "sources": self.sources,
                    "templates": pages.templates.digest,
                    "config": pages.config_digest(config),
                },
            )
        self.cache = self.pages = self.search = self.env = self.nav = None
        self.metas = None

    # Last: every plugin has written its files (search index, offline edition, handouts, other languages).
    @event_priority(priorities.CACHE_KEEP_OUTPUTS)
    def _keep_outputs(self, config):
        outputs, self.outputs = self.outputs, None
        if outputs is not None and os.getpid() == self.build_pid:
            self._unroute_writes(outputs)
            added = outputs.keep()
            log.debug(f"cache: {outputs.linked} site files linked by the build from the last one's, {added} newly kept")

    on_post_build = CombinedEvent(_pages_done, _post_build, _keep_outputs)

    def on_shutdown(self):
        # after every plugin's `on_post_build` (the leak check reads its findings there): the entries this build used
        # are written down for the next compaction (packs.py)
        if self.store is not None:
            self.store.finish()
