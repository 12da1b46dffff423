"""`smartshare/intranet`: git dates, reproducible builds, broken links with their line, the offline edition."""

from __future__ import annotations

import os

from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger

from ..core.problems import display_path
from ..plugin_support import add_asset_files, report
from . import offline
from .config import IntranetConfig
from .gitdates import last_changed, last_commit_epoch
from .links import SiteIndex, anchors_in, check_links, defuse_malformed_links

log = get_plugin_logger(__name__)
HERE = os.path.dirname(__file__)
CURRICULUM = "smartshare/curriculum"


class IntranetPlugin(BasePlugin[IntranetConfig]):
    supports_multiple_instances = False

    def on_startup(self, *, command, dirty):
        self.command = command

    # First: the build date must be fixed before any plugin (curriculum review ages) or MkDocs reads it.
    @event_priority(100)
    def on_config(self, config):
        if not self.config.enabled:
            return
        if self.config.source_date_from_git and getattr(self, "command", "build") == "build":
            epoch = os.environ.get("SOURCE_DATE_EPOCH") or last_commit_epoch(os.path.dirname(config.config_file_path))
            if epoch:
                os.environ["SOURCE_DATE_EPOCH"] = epoch
        if self.config.offline:
            offline.prepare(config)

    def on_pre_build(self, config):
        self.sources: dict[str, tuple[str, str]] = {}  # src_uri → (display path, Markdown source)
        self.anchors: dict[str, set[str]] = {}

    # After the curriculum (50), whose renderer the module footer's "last changed" date is handed to.
    @event_priority(0)
    def on_files(self, files, config):
        if not self.config.enabled:
            return files
        if self.config.offline:
            add_asset_files(files, config, os.path.join(HERE, "assets"), [offline.SHIM])
        curriculum = config.plugins.get(CURRICULUM)
        if self.config.git_dates and getattr(curriculum, "renderer", None) is not None:
            dates = last_changed(config.docs_dir)
            curriculum.renderer.env.globals["last_changed"] = dates.get
        return files

    def on_page_markdown(self, markdown, page, config, files):
        file = page.file
        if self.config.enabled and self.config.check_links and not file.generated_by and file.abs_src_path:
            self.sources[file.src_uri] = (display_path(file.abs_src_path), file.content_string)
        # reported by the link check at its line; MkDocs itself would stop with a traceback on such a link
        return defuse_malformed_links(markdown) if self.config.enabled else markdown

    # Last: anchors added by any plugin (headers, quizzes) count as link targets.
    @event_priority(-100)
    def on_page_content(self, html, page, config, files):
        if self.config.enabled and self.config.check_links:
            self.anchors[page.file.src_uri] = anchors_in(html)
        return html

    # Every page is rendered by now, so every anchor is known.
    def on_env(self, env, config, files):
        if self.config.enabled and self.config.check_links:
            site = SiteIndex({f.src_uri: f.url for f in files}, self.anchors)
            problems = []
            for uri in sorted(self.sources):
                display, source = self.sources[uri]
                problems.extend(check_links(uri, display, source, site))
            report(problems, log, "links")
        return env

    # Last, after the search plugin has written its index.
    @event_priority(-100)
    def on_post_build(self, config):
        if self.config.enabled and self.config.offline:
            offline.inline_search_index(config.site_dir)
