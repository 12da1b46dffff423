"""The site build's side of `sitecheck`: which page checks the enabled plugins ask for, run once before building.

`smartshare check` runs the same `sitecheck.check_site` with the checks of the plugins mkdocs.yml lists
(`cli/settings.py`), so a build and a check report the same problems, every one of them, before anything is
written. One plugin runs the check for all: the curriculum plugin when it is enabled (it needs the curriculum
anyway), else the first enabled of the quiz and intranet plugins.
"""

from __future__ import annotations

import os
from collections.abc import Collection

from mkdocs.config.defaults import MkDocsConfig

from .core.defaults import CACHE_PLUGIN, CURRICULUM_PLUGIN
from .core.loader import LoadOptions
from .core.model import Curriculum
from .intranet.links import defuse_malformed_links
from .plugin_support import report
from .rich.glossary import glossary_page
from .sitecheck import SiteChecks, check_site

CURRICULUM = CURRICULUM_PLUGIN
QUIZ, FEEDBACK, INTRANET, RICH = (f"smartshare/{name}" for name in ("quiz", "feedback", "intranet", "rich"))
RUNNERS = (CURRICULUM, QUIZ, INTRANET)  # in this order, the first enabled one runs the check


def _enabled(config: MkDocsConfig, name: str):
    plugin = config.plugins.get(name)
    return plugin if plugin is not None and plugin.config.enabled else None


def runs_the_check(config: MkDocsConfig, name: str) -> bool:
    return next((runner for runner in RUNNERS if _enabled(config, runner)), None) == name


def defuse_links(config: MkDocsConfig, name: str, markdown: str, sound: Collection[bytes] = ()) -> str:
    """A page's Markdown with links too malformed to read made harmless, by the plugin that runs the check.

    MkDocs itself stops with a traceback on such a link (`http://[x`); the check has reported each at its line,
    whether links are checked or not (`sitecheck`). `sound`: what `check_build` filled in (texts not searched again).
    """
    return defuse_malformed_links(markdown, sound) if runs_the_check(config, name) else markdown


def site_checks(config: MkDocsConfig, generated=None) -> SiteChecks:
    checks = SiteChecks(use_directory_urls=config.use_directory_urls)
    quiz = _enabled(config, QUIZ)
    if quiz is not None:
        checks.pages += (quiz.check,)
        checks.extra_anchors += (quiz.check.anchors,)
    if _enabled(config, FEEDBACK) is not None:
        from .feedback.checks import check_page

        checks.pages += (check_page,)
    intranet = _enabled(config, INTRANET)
    checks.links = intranet is not None and intranet.config.check_links
    rich = _enabled(config, RICH)
    glossary = glossary_page(config.docs_dir, dict(rich.config)) if rich is not None else None
    if generated is not None or glossary:
        checks.generated = lambda curriculum: [*(generated(curriculum) if generated else ()), *filter(None, [glossary])]
    return checks


def cache_folder(config: MkDocsConfig) -> str | None:
    """The folder of smartshare/cache when it is enabled: the check keeps per-file results there too, where
    `smartshare check` finds them (`cli.settings`)."""
    cache = _enabled(config, CACHE_PLUGIN)
    if cache is None:
        return None
    return os.path.join(os.path.dirname(config.config_file_path or "mkdocs.yml"), cache.config.dir)


def check_build(
    config: MkDocsConfig, options: LoadOptions | None, log, generated=None, sound: set[bytes] | None = None
) -> Curriculum:
    """Every problem of the docs folder, logged; the build stops here, once, if any is an error.

    `options` are the curriculum plugin's; None when it is off (the pages are then checked, not the curriculum).
    `sound`: filled with the page texts whose links the check found all well-formed, for `defuse_links`.
    """
    checks = site_checks(config, generated)
    checks.sound = sound
    curriculum, problems = check_site(config.docs_dir, options, checks, cache_folder(config))
    report(problems, log, "curriculum")
    return curriculum
