"""`smartshare/intranet`: git dates, reproducible builds, broken links with their line, the offline edition."""

from __future__ import annotations

import os

from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger

from .. import priorities
from ..buildchecks import INTRANET, check_build, defuse_links, runs_the_check
from ..core.problems import display_path
from ..plugin_support import add_asset_files, find_curriculum, report
from . import external, offline
from .config import IntranetConfig
from .gitdates import head_commit, last_changed, last_commit_epoch

log = get_plugin_logger(__name__)
HERE = os.path.dirname(__file__)


class IntranetPlugin(BasePlugin[IntranetConfig]):
    supports_multiple_instances = False

    def on_startup(self, *, command, dirty):
        self.command = command

    @event_priority(priorities.BUILD_DATE)
    def on_config(self, config):
        if not self.config.enabled:
            return
        if self.config.source_date_from_git and getattr(self, "command", "build") == "build":
            epoch = os.environ.get("SOURCE_DATE_EPOCH") or last_commit_epoch(os.path.dirname(config.config_file_path))
            if epoch:
                os.environ["SOURCE_DATE_EPOCH"] = epoch
        if self.config.offline:
            offline.prepare(config)
        if self.config.check_hosts:
            path = config.config_file_path or "mkdocs.yml"
            text = ""  # only for the lines of the problems
            if os.path.isfile(path):
                with open(path, encoding="utf-8") as f:
                    text = f.read()
            report(external.check_config(config, display_path(path), text), log, "mkdocs.yml")

    # Links are checked from the sources before the build, with quizzes and mentor notes (`buildchecks`): by the
    # curriculum plugin, or here when it is not enabled.
    def on_pre_build(self, config):
        self.host_problems: list = []
        if self.config.enabled and runs_the_check(config, INTRANET):
            check_build(config, None, log)

    def on_files(self, files, config):
        if not self.config.enabled:
            return files
        if self.config.offline:
            add_asset_files(files, config, os.path.join(HERE, "assets"), [offline.SHIM])
        curriculum = find_curriculum(config)  # dates are shown in module footers: nothing to do without modules
        if self.config.git_dates and curriculum is not None:
            curriculum.provide_last_changed(last_changed(config.docs_dir).get)
        if curriculum is not None:  # `{build}` in feedback links: the commit learners' feedback refers to
            curriculum.provide_build_commit(head_commit(config.docs_dir))
        return files

    # reported by the check at its line; MkDocs itself would stop with a traceback on such a link
    def on_page_markdown(self, markdown, page, config, files):
        return defuse_links(config, INTRANET, markdown)

    # First: the HTML of everything the author wrote, before plugins hold parts of it back until after search
    # (quiz explanations, mentor notes), so a remote image in a mentor note is found too.
    @event_priority(priorities.HOST_CHECK_CONTENT)
    def _check_fetches(self, html, page, config, files):
        # the quick test first: the Markdown source (read from disk) only serves to place a problem
        if self.config.enabled and self.config.check_hosts and external.may_fetch(html):
            self.host_problems.extend(external.check_fetches(html, _display(page.file), page.file.content_string))
        return html

    # Last: the theme's loaders the content triggers, once other plugins (smartshare/rich) have added theirs.
    @event_priority(priorities.HOST_CHECK_LOADERS)
    def _check_theme_loaders(self, html, page, config, files):
        if self.config.enabled and self.config.check_hosts and external.may_load_from_theme(html):
            self.host_problems.extend(external.check_theme_loaders(html, _display(page.file), page.file.content_string))
        return html

    on_page_content = CombinedEvent(_check_fetches, _check_theme_loaders)

    # Every page is rendered by now: every fetch from another host is known, and nothing is written yet.
    def on_env(self, env, config, files):
        if self.config.enabled and self.config.check_hosts:
            report(sorted(self.host_problems), log, "other hosts")
        return env

    @event_priority(priorities.OFFLINE_EDITION)
    def on_post_build(self, config):
        if self.config.enabled and self.config.offline:
            offline.inline_search_index(config.site_dir)


def _display(file) -> str:
    """The Markdown file as the author knows it; generated pages by their site path."""
    return display_path(file.abs_src_path) if file.abs_src_path and not file.generated_by else file.src_uri
