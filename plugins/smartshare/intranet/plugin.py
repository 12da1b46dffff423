"""`smartshare/intranet`: git dates, reproducible builds, broken links with their line, the offline edition."""

from __future__ import annotations

import os

from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger

from ..buildchecks import INTRANET, check_build, runs_the_check
from ..plugin_support import add_asset_files
from . import offline
from .config import IntranetConfig
from .gitdates import last_changed, last_commit_epoch

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

    # Links are checked from the sources before the build, with quizzes and mentor notes (`buildchecks`): by the
    # curriculum plugin, or here when it is not enabled.
    def on_pre_build(self, config):
        if self.config.enabled and runs_the_check(config, INTRANET):
            check_build(config, None, log)

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

    # Last, after the search plugin has written its index.
    @event_priority(-100)
    def on_post_build(self, config):
        if self.config.enabled and self.config.offline:
            offline.inline_search_index(config.site_dir)
