import re

from mkdocs.config import base
from mkdocs.config import config_options as c

from .toggle import SOURCE_LINKS

_SEGMENT = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")


class AreaPrefix(c.Type):
    """A path inside the site, made of plain segments (`mentor`, `staff/mentor`), without leading or trailing '/'."""

    def __init__(self, default: str) -> None:
        super().__init__(str, default=default)

    def run_validation(self, value):
        value = super().run_validation(value).strip().strip("/")
        if not value or not all(_SEGMENT.fullmatch(part) for part in value.split("/")):
            raise c.ValidationError(
                f"'{value}' is not a usable path for the mentor area — use letters, digits, '-' and '_', "
                "e.g. 'mentor' or 'staff/mentor'"
            )
        return value


class MentorConfig(base.Config):
    enabled = c.Type(bool, default=True)
    """Turn the plugin off to build without a mentor area (mentor notes are still left out of every page)."""

    prefix = AreaPrefix("mentor")
    """Where the mentor area lives in the site (`mentor` → `/mentor/`). The web server restricts this path
    (deploy/nginx.conf, deploy/apache.conf): change both together."""

    learner_links = c.Type(bool, default=True)
    """On course pages, a link to the page's mentor page, shown only in browsers where a mentor opted in (from
    the mentor area's home page). The link is the only trace of the mentor area in a learner page."""

    source_links = c.Choice(SOURCE_LINKS, default="mentor-view")
    """Who sees the theme's repository link ("Git", from `repo_url`) and edit pencil (`edit_uri`): `mentor-view`
    (default), only in browsers where the mentor view is on, since learners have nothing to do in the repository;
    or `everyone`, as the theme shows them."""
