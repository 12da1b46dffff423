"""`smartshare/quiz`: add the quiz Markdown extension and assets, and stop the build on any broken quiz."""

from __future__ import annotations

import os
import re

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger

from .. import priorities
from ..core.problems import display_path
from ..plugin_support import LateHtml, add_asset_files, add_script, add_stylesheet, report, site_translator
from .checks import check_markdown
from .config import QuizConfig
from .extension import QuizExtension
from .render import hold_answer_keys, strings_html

log = get_plugin_logger(__name__)
HERE = os.path.dirname(__file__)
ASSETS = ("quiz.css", "quiz.js")
EXTENSION_NAMES = ("smartshare.quiz.extension", "smartshare.quiz")


PROGRESS_SLOT = re.compile(r"<[a-z]+ [^>]*data-smartshare-progress")


class QuizPlugin(BasePlugin[QuizConfig]):
    supports_multiple_instances = False

    def on_config(self, config):
        if not self.config.enabled:
            return
        if self.config.tries < 0:
            raise PluginError(f"smartshare/quiz: 'tries' must be 0 or more, not {self.config.tries}")
        self.t = site_translator(config)
        self.problems = []
        self.late = LateHtml("quiz")  # answer keys join the page after search has read it
        self.extension = QuizExtension(
            language=config.theme.get("language") or "en", summary=self.config.summary, tries=self.config.tries
        )
        # added here, so an author cannot forget it; a copy listed by hand in mkdocs.yml is replaced by ours
        config.markdown_extensions[:] = [e for e in config.markdown_extensions if e not in EXTENSION_NAMES]
        config.markdown_extensions.append(self.extension)
        add_stylesheet(config, "quiz.css")
        add_script(config, "quiz.js")

    def on_files(self, files, config):
        if self.config.enabled:
            add_asset_files(files, config, os.path.join(HERE, "assets"), ASSETS)
        return files

    @event_priority(priorities.QUIZ_CHECK)
    def on_page_markdown(self, markdown, page, config, files):
        if not self.config.enabled:
            return markdown
        path = display_path(page.file.abs_src_path or os.path.join(config.docs_dir, page.file.src_uri))
        self.problems.extend(check_markdown(markdown, path, _first_line(page.file.content_string, markdown)))
        self.extension.setConfig("page_url", page.url)  # rendering of this page follows right after this event
        return markdown

    def on_page_content(self, html, page, config, files):
        return hold_answer_keys(html, self.late.hold) if self.config.enabled else html

    @event_priority(priorities.QUIZ_RELEASE)
    def on_post_page(self, output, page, config):
        if not self.config.enabled:
            return output
        output = self.late.release(output)
        slot = PROGRESS_SLOT.search(output)
        if slot and "data-smartshare-quiz-strings" not in output:
            output = output[: slot.start()] + strings_html(self.t) + output[slot.start() :]
        return output

    @event_priority(priorities.QUIZ_REPORT)
    def on_env(self, env, config, files):
        if self.config.enabled:
            report(self.problems, log, "quizzes")
            self.problems = []
        return env


def _first_line(source: str, markdown: str) -> int:
    """The file line where `markdown` (the source without its front matter) starts."""
    if source and source.endswith(markdown):
        return source[: len(source) - len(markdown)].count("\n") + 1
    return 1
