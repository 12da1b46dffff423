from mkdocs.config import base
from mkdocs.config import config_options as c


class CacheConfig(base.Config):
    enabled = c.Type(bool, default=True)
    """Keep each page's rendered Markdown across builds. Turn off to render every page every time."""

    dir = c.Type(str, default=".cache/smartshare")
    """Where the cache lives, relative to mkdocs.yml (or absolute). Git-ignored; safe to delete at any time: the
    next build renders everything again and refills it. CI keeps it between runs (.gitlab-ci.yml, .github/)."""

    workers = c.Type(int, default=0)
    """Processes that render pages' Markdown into the cache before MkDocs reads them, once the navigation is
    known (0: one per available core; 1: none, everything on one core). Used by `mkdocs build` where processes
    can be forked (Linux); the preview server and `--dirty` builds render on one core. The output is the same."""
