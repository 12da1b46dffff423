from mkdocs.config import base
from mkdocs.config import config_options as c


class CacheConfig(base.Config):
    enabled = c.Type(bool, default=True)
    """Keep each page's rendered Markdown across builds. Turn off to render every page every time."""

    dir = c.Type(str, default=".cache/smartshare")
    """Where the cache lives, relative to mkdocs.yml (or absolute). Git-ignored; safe to delete at any time: the
    next build renders everything again and refills it. CI keeps it between runs (.gitlab-ci.yml, .github/)."""
