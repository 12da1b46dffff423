from mkdocs.config import base
from mkdocs.config import config_options as c


class CurriculumConfig(base.Config):
    enabled = c.Type(bool, default=True)
    """Turn the plugin off to build the Markdown as plain pages."""

    include_drafts = c.Type(bool, default=False)
    """Build `status: draft` modules too, marked as drafts (for previews, never for the published site)."""

    review_max_age = c.Type(int, default=365)
    """Days after which a module's `reviewed` date is reported as stale (a warning, so `--strict` fails)."""

    nav_window = c.Type(int, default=4)
    """Modules shown before and after the current one in its track's navigation; the track page lists all."""

    mentors_dir = c.Type(str, default="mentors")
    """Where the generated mentor pages live in the site."""

    tags_dir = c.Type(str, default="tags")
    """Where the generated tag pages live in the site."""

    reference_page = c.Type(str, default="reference/fields.md")
    """Where the generated field reference for mentors lives."""

    sessions_dir = c.Type(str, default="sessions")
    """Where the "Upcoming sessions" page and the calendar files (.ics) of sessions.yml live in the site."""
