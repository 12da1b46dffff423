"""Defaults of the settings that the plugins' options, the loader and the command line share: one value each.

`smartshare check` reads the same options from mkdocs.yml as a build does; when an option is not written, both
must fall back to the same value, so both take it from here.
"""

from __future__ import annotations

#: the MkDocs plugin whose options the command line reads (its entry point in pyproject.toml)
CURRICULUM_PLUGIN = "smartshare/curriculum"
#: the build cache's plugin, and its folder relative to mkdocs.yml: every Jinja environment of a build keeps its
#: compiled templates there (plugin_support.template_env), `smartshare check` its per-file results
CACHE_PLUGIN = "smartshare/cache"
CACHE_DIR = ".cache/smartshare"

#: days after which a module's `reviewed` date is due for a new review
REVIEW_MAX_AGE_DAYS = 365

#: drafts stay out of the published site unless a preview asks for them
INCLUDE_DRAFTS = False

#: modules shown before and after the current one in its track's navigation
NAV_WINDOW = 4

#: sessions the agenda page lists at most; a larger programme gets a page per month (curriculum/agenda.py)
AGENDA_PAGE_LIMIT = 300

#: where the curriculum's generated pages go in the site, unless its options say otherwise (curriculum/config.py);
#: `smartshare check` knows them as link targets without reading the options through MkDocs
MENTORS_DIR = "mentors"
TAGS_DIR = "tags"
REFERENCE_PAGE = "reference/fields.md"
LEARNING_PAGE = "my-learning.md"
