"""`smartshare/quiz`: add the quiz Markdown extension and assets; broken quizzes stop the build (`buildchecks`)."""

from __future__ import annotations

import os
import re

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger

from .. import priorities
from ..buildchecks import QUIZ, check_build, defuse_links, runs_the_check
from ..plugin_support import (
    LateHtml,
    add_asset_files,
    add_script,
    add_stylesheet,
    search_excludes,
    site_translator,
)
from .checks import QuizCheck
from .config import QuizConfig
from .extension import QuizExtension
from .parse import ParseCache
from .render import SummaryHtml, hold_answer_keys, hold_unsearched, shows_quiz, strings_html

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
        self.late = LateHtml("quiz")  # answer keys, controls and hints join the page after search has read it
        if self.config.tries < 0:
            raise PluginError(f"smartshare/quiz: 'tries' must be 0 or more, not {self.config.tries}")
        # Each page is parsed once per build: the check before the build fills this cache, rendering empties it.
        self.check = QuizCheck(ParseCache())
        self.summaries = SummaryHtml(self.t, self.config.tries)  # the same on every page but for its address
        self.pages_with_quizzes: set[str] = set()
        # the page's summary is added in on_page_content, where the page is an argument (not extension config)
        language = config.theme.get("language") or "en"
        self.extension = QuizExtension(self.check.parsed, language=language, summary=False)
        # added here, so an author cannot forget it; a copy listed by hand in mkdocs.yml is replaced by ours
        config.markdown_extensions[:] = [e for e in config.markdown_extensions if e not in EXTENSION_NAMES]
        config.markdown_extensions.append(self.extension)
        add_stylesheet(config, "quiz.css")
        add_script(config, "quiz.js")

    # The curriculum plugin checks every page's quizzes before the build; without it, this plugin does.
    def on_pre_build(self, config):
        if self.config.enabled and runs_the_check(config, QUIZ):
            check_build(config, None, log)

    def on_files(self, files, config):
        if self.config.enabled:
            add_asset_files(files, config, os.path.join(HERE, "assets"), ASSETS)
        return files

    def on_page_markdown(self, markdown, page, config, files):
        markdown = defuse_links(config, QUIZ, markdown)  # when this plugin runs the check (see `buildchecks`)
        if self.config.enabled and self.check.parsed.parse(markdown):
            self.pages_with_quizzes.add(page.file.src_uri)
        return markdown

    @event_priority(priorities.QUIZ_SUMMARY)
    def _summary(self, html, page, config, files):
        if not self.config.enabled:
            return html
        quizzes = page.file.src_uri in self.pages_with_quizzes or shows_quiz(html)
        if quizzes and self.config.summary:
            html += "\n" + self.summaries.html(page.url)
        return hold_answer_keys(html, self.late.hold)

    @event_priority(priorities.QUIZ_UNSEARCHED)
    def _hold_unsearched(self, html, page, config, files):
        # a page search leaves out (a mentor sheet) is not parsed: what would be held stays, as it is put back
        if not self.config.enabled or search_excludes(page):
            return html
        return hold_unsearched(html, self.late.hold)

    on_page_content = CombinedEvent(_summary, _hold_unsearched)

    @event_priority(priorities.QUIZ_RELEASE)
    def on_post_page(self, output, page, config):
        if not self.config.enabled:
            return output
        output = self.late.release(output)
        slot = _progress_slot(output)
        if slot and "data-smartshare-quiz-strings" not in output:
            output = output[: slot.start()] + strings_html(self.t) + output[slot.start() :]
        return output


def _progress_slot(output: str) -> re.Match | None:
    """`PROGRESS_SLOT.search(output)`, started where a match can start: the pattern, tried at every tag of a whole
    themed page, cost more than the rest of this event. A match ends at the attribute's name and holds no `>`, so
    it starts after the last `>` before the name's first occurrence (or at no earlier place)."""
    name = output.find("data-smartshare-progress")
    if name < 0:
        return None
    return PROGRESS_SLOT.search(output, output.rfind(">", 0, name) + 1)
