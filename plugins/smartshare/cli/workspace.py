"""The curriculum folder a command works on, and what the command line reads from it."""

from __future__ import annotations

import os
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

from ..core.defaults import LEARNING_PAGE, MENTORS_DIR, REFERENCE_PAGE, TAGS_DIR
from ..core.loader import MENTORS_FILE, NOT_MODULES, TRACK_FILE
from ..core.model import Curriculum
from ..core.problems import Problems, display_path
from ..core.suggest import did_you_mean
from ..sitecheck import SiteChecks, check_site
from .errors import UsageError
from .settings import Settings


@dataclass(frozen=True)
class Inventory:
    """The author files of a curriculum, counted the way the loader finds them."""

    tracks: tuple[str, ...]  # track ids, in folder order
    modules: int
    has_mentors: bool

    @property
    def files(self) -> int:
        return len(self.tracks) + self.modules + self.has_mentors


def curriculum_root(path: str | None, settings: Settings) -> str:
    """The folder to work on: the one given, else the docs_dir of mkdocs.yml."""
    root = path or settings.docs_dir
    if not os.path.isdir(root):
        where = "" if path else " (the docs_dir of mkdocs.yml)"
        raise UsageError(f"no curriculum folder '{display_path(root)}'{where}")
    return root


def inventory(root: str, require_tracks: bool = False) -> Inventory:
    """Walks folders like `core.loader` does: a folder holding a track.yml is a track, its Markdown files modules.

    With `require_tracks`, a folder without any track is a usage error: most likely the wrong folder.
    """
    tracks, modules = [], 0
    for folder, subfolders, filenames in os.walk(root):
        subfolders[:] = sorted(d for d in subfolders if not d.startswith((".", "_")))
        if TRACK_FILE in filenames and folder != root:
            tracks.append(os.path.relpath(folder, root).replace(os.sep, "/"))
            modules += sum(1 for f in filenames if f.endswith(".md") and f not in NOT_MODULES)
    if require_tracks and not tracks:
        hint = "a track is a folder with a track.yml; start one with 'smartshare new track SLUG'"
        raise UsageError(f"no track in {display_path(root)}/ — {hint}")
    return Inventory(tuple(tracks), modules, os.path.isfile(os.path.join(root, MENTORS_FILE)))


def require_track(root: str, track_id: str) -> None:
    tracks = inventory(root).tracks
    if track_id not in tracks:
        known = ", ".join(tracks) if tracks else "none yet: create one with 'smartshare new track SLUG'"
        hint = did_you_mean(track_id, tracks, f"existing tracks: {known}")
        raise UsageError(f"no track '{track_id}' in {display_path(root)}/ — {hint}")


def read(root: str, settings: Settings, cache: bool = False) -> tuple[Curriculum, Problems]:
    """The curriculum and every problem of the docs folder: the same `check_site` as a site build, with the
    page checks of the plugins mkdocs.yml enables (quizzes, mentor blocks, links) and the pages it generates.

    `cache`: per-file results are kept in the build cache's folder, found as the build finds it (`cache_dir`)."""
    folder = settings.cache_dir if cache else None
    return check_site(root, settings.load_options(), site_checks(settings), folder)


def site_checks(settings: Settings) -> SiteChecks:
    checks = SiteChecks(use_directory_urls=settings.use_directory_urls, links="links" in settings.checks)
    if "quizzes" in settings.checks:
        from ..quiz.checks import QuizCheck

        quiz = QuizCheck()
        checks.pages += (quiz,)
        checks.extra_anchors += (quiz.anchors,)
    if "mentor-blocks" in settings.checks:
        from ..feedback.checks import check_page

        checks.pages += (check_page,)
    if checks.links:
        checks.generated = lambda curriculum: _generated_uris(curriculum, settings)
    return checks


def _generated_uris(curriculum: Curriculum, settings: Settings) -> list[str]:
    """The pages the plugins add (track pages, catalogue, mentors, tags; the glossary), as link targets."""
    from ..core.i18n import Translator
    from ..curriculum.pages import plan_pages
    from ..rich.glossary import glossary_page

    pages = list(plan_pages(curriculum, _page_options(settings), Translator(settings.language)).pages)
    glossary = glossary_page(settings.docs_dir, settings.rich_options) if settings.rich_options is not None else None
    return [*pages, glossary] if glossary else pages


#: the options of smartshare/curriculum that say where its generated pages go, and their defaults
_PAGE_OPTIONS = {
    "mentors_dir": MENTORS_DIR,
    "tags_dir": TAGS_DIR,
    "reference_page": REFERENCE_PAGE,
    "learning_page": LEARNING_PAGE,
}


def _page_options(settings: Settings) -> Any:
    """Where the generated pages go: the defaults when mkdocs.yml sets none of these options (importing MkDocs to
    validate options costs a check as much as reading 300 modules), else the options as the build validates them."""
    if not any(name in settings.curriculum_options for name in _PAGE_OPTIONS):
        return SimpleNamespace(**_PAGE_OPTIONS)
    from ..curriculum.config import CurriculumConfig

    config = CurriculumConfig()
    config.load_dict(dict(settings.curriculum_options))
    config.validate()
    return config
