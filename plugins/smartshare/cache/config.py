from mkdocs.config import base
from mkdocs.config import config_options as c

from ..core.defaults import CACHE_DIR


class CacheConfig(base.Config):
    enabled = c.Type(bool, default=True)
    """Keep each page's rendered Markdown, search entries and themed HTML across builds. Turn off to render every
    page every time."""

    dir = c.Type(str, default=CACHE_DIR)
    """Where the cache lives, relative to mkdocs.yml (or absolute). Git-ignored; safe to delete at any time: the
    next build renders everything again and refills it. CI keeps it between runs (.gitlab-ci.yml, .github/)."""

    workers = c.Type(int, default=0)
    """Processes in all, the build's own included (0: one per available core; 1: the build alone). The others are
    forked at the start of each pass and prepare pages from its end into the cache while the build goes from its
    start (parallel.py). Used by `mkdocs build` where processes can be forked (Linux); the preview server and
    `--dirty` builds run on one core. The output is the same."""
