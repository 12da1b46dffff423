import os

from mkdocs.config import base
from mkdocs.config import config_options as c

from ..core.defaults import (
    AGENDA_PAGE_LIMIT,
    CURRICULUM_PLUGIN,
    INCLUDE_DRAFTS,
    LEARNING_PAGE,
    MENTORS_DIR,
    NAV_WINDOW,
    REFERENCE_PAGE,
    REVIEW_MAX_AGE_DAYS,
    TAGS_DIR,
)
from ..core.loader import TRACK_FILE
from ..core.translations import LANGUAGE_CODE


class Count(c.Type):
    """A whole number of 0 or more (`true` is not a number, though Python counts it as 1)."""

    def __init__(self, default: int) -> None:
        super().__init__(int, default=default)

    def run_validation(self, value):
        if isinstance(value, bool):
            raise c.ValidationError(f"Expected a whole number (0 or more) but received: {value!r}")
        value = super().run_validation(value)
        if value < 0:
            raise c.ValidationError(f"Expected a whole number of 0 or more but received: {value}")
        return value


class SiteFolder(c.Type):
    """A folder of the site for generated pages, written relative to the site root ("tags", "people/mentors")."""

    def __init__(self, default: str) -> None:
        super().__init__(str, default=default)

    def run_validation(self, value):
        folder = super().run_validation(value).strip().strip("/")
        if not folder or any(part in ("", ".", "..") for part in folder.split("/")):
            raise c.ValidationError(f"Expected a folder inside the site, like 'tags', but received: {value!r}")
        return folder


class MarkdownPage(c.Type):
    """A page of the site given by its Markdown path ("reference/fields.md")."""

    def __init__(self, default: str) -> None:
        super().__init__(str, default=default)

    def run_validation(self, value):
        page = super().run_validation(value).strip().strip("/")
        if not page.endswith(".md") or any(part in ("", ".", "..") for part in page[:-3].split("/")):
            raise c.ValidationError(
                f"Expected the path of a Markdown page inside the site, ending in '.md' "
                f"(like 'reference/fields.md'), but received: {value!r}"
            )
        return page


class Languages(c.Type):
    """Language codes of the sites to build ("en", "fr", "zh", "pt-BR"), each once; the first is the default."""

    def __init__(self) -> None:
        super().__init__(list, default=[])

    def run_validation(self, value):
        value = super().run_validation(value)
        seen = []
        for code in value:
            if not isinstance(code, str) or not LANGUAGE_CODE.match(code):
                raise c.ValidationError(f"Expected language codes like 'en', 'fr', 'zh' but received: {code!r}")
            if code in seen:
                raise c.ValidationError(f"Language '{code}' is listed twice")
            seen.append(code)
        return seen


class CurriculumConfig(base.Config):
    enabled = c.Type(bool, default=True)
    """Turn the plugin off to build the Markdown as plain pages."""

    include_drafts = c.Type(bool, default=INCLUDE_DRAFTS)
    """Build `status: draft` modules too, marked as drafts (for previews, never for the published site)."""

    review_max_age = Count(default=REVIEW_MAX_AGE_DAYS)
    """Days after which a module's `reviewed` date is reported as stale (a warning, so `--strict` fails).
    A module never reviewed counts as due for review too (highlighted in the mentor view, listed by `stats`)."""

    nav_window = Count(default=NAV_WINDOW)
    """Modules shown before and after the current one in its track's navigation; the track page lists all. Tracks
    too, when there are more than such a window holds: the catalogue lists them all."""

    mentors_dir = SiteFolder(default=MENTORS_DIR)
    """Where the generated mentor pages live in the site (not the folder of a track)."""

    tags_dir = SiteFolder(default=TAGS_DIR)
    """Where the generated tag pages live in the site (not the folder of a track)."""

    reference_page = MarkdownPage(default=REFERENCE_PAGE)
    """Where the generated field reference for mentors lives (a Markdown path ending in `.md`)."""

    sessions_dir = c.Type(str, default="sessions")
    """Where the "Upcoming sessions" page and the calendar files (.ics) of sessions.yml live in the site."""

    agenda_page_limit = Count(default=AGENDA_PAGE_LIMIT)
    """Sessions the "Upcoming sessions" page lists at most. A larger programme gets one page per month, and the
    agenda shows the next months up to this many sessions, a link to every month and the latest past sessions."""
    languages = Languages()
    """The languages of the site: one site per language under `/<code>/`, the first the language the source files
    are written in (and the default site). `chatbots.fr.md` translates `chatbots.md` (README, "International
    curricula"). Unset or one language: one site at the root, as before."""

    learning_page = MarkdownPage(default=LEARNING_PAGE)
    """Where the generated "My learning" page lives: the learner's progress, kept in their browser, with export,
    import and reset (a Markdown path ending in `.md`)."""


def folder_problems(config: CurriculumConfig, docs_dir: str) -> list[str]:
    """Folders of generated pages that are a track's folder (or inside one): their pages would replace the track's.

    Checked against the docs folder when the site is configured, since an option alone cannot know the tracks.
    """
    problems = []
    for option in ("tags_dir", "mentors_dir"):
        parts = config[option].split("/")
        for depth in range(1, len(parts) + 1):
            track = "/".join(parts[:depth])
            if os.path.isfile(os.path.join(docs_dir, track, TRACK_FILE)):
                problems.append(
                    f"Plugin '{CURRICULUM_PLUGIN}' option '{option}': '{config[option]}' is inside the folder of "
                    f"track '{track}', whose pages it would replace — choose a folder that holds no track"
                )
                break
    return problems
