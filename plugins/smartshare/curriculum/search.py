"""Search that understands the site's language, on mkdocs-material's own search (no fork of the theme).

The theme's search plugin already picks the lunr language of `theme.language` (its `lang` option follows it).
Three gaps remained, each closed here, for every language the theme knows:

- **Stemming.** The theme's default pipeline for most languages is only `stopWordFilter`: "retours" never found
  "retour". When the site sets no `pipeline` of its own, we use the theme's default for the language plus
  `stemmer`.
- **Elision.** French writes "l'équipe", "d'une réunion": with the default separator (spaces and hyphens) the
  word indexed is "l'équipe", which "équipe" does not find. When the site sets no `separator`, we use the
  theme's default for the language with apostrophes added.
- **Accents and queries as typed.** The theme runs its search in a worker; `search-worker.js`, published beside
  it, loads it and adds one lunr pipeline function that folds accents (équipe → equipe) at indexing and at query
  time, and passes a query word with the theme's trailing wildcard ("retours*") through the language's search
  pipeline, which lunr skips for wildcard terms (so a stemmed index never matched what a learner types). The
  `__config` of each page names our worker instead of the theme's; the theme's worker is unchanged, found by
  name among the theme's files, so a theme upgrade needs nothing here.

The index itself (search_index.json) keeps the text as written: results show "équipe", not "equipe".
"""

from __future__ import annotations

import os
import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from ..plugin_support import template_bytecode

WORKER = "smartshare-search.js"
WORKERS_DIR = "assets/javascripts/workers/"  # ours sits beside the theme's: it finds the lunr languages at ../lunr
_THEME_WORKER = re.compile(r"^assets/javascripts/workers/search\.[0-9a-f]+\.min\.js$")
_CONFIG_OPEN = '<script id="__config" type="application/json">'  # the theme's page settings, once per page
_APOSTROPHES = "'\u2019"  # ' and ’


def search_plugin(config: MkDocsConfig) -> BasePlugin | None:
    """mkdocs-material's search plugin when it is listed and enabled."""
    plugin = config.plugins.get("material/search")
    return plugin if plugin is not None and plugin.config.enabled else None


def fill_language_defaults(config: MkDocsConfig) -> None:
    """Stemming and elision for the site's language, unless the site chose its own `pipeline` or `separator`.

    Must run before the search plugin's `on_config`, which replaces an unset option by the theme's default.
    """
    plugin = search_plugin(config)
    if plugin is None:
        return
    if plugin.config.pipeline is None:
        default = _theme_default(config, "search.config.pipeline")
        pipeline = [name for name in re.split(r"\s*,\s*", default) if name]
        plugin.config.pipeline = pipeline + ([] if "stemmer" in pipeline else ["stemmer"])
    if plugin.config.separator is None:
        plugin.config.separator = with_apostrophes(_theme_default(config, "search.config.separator"))


def with_apostrophes(separator: str) -> str:
    """`[\\s\\-]+` → `[\\s\\-'’]+`: apostrophes split words too, so "l'équipe" is indexed as "l" and "équipe"."""
    if separator.startswith("[") and "]" in separator:
        end = separator.index("]", 1)
        missing = "".join(c for c in _APOSTROPHES if c not in separator[:end])
        return separator[:end] + missing + separator[end:]
    return separator  # a separator of another shape is the theme's or the site's choice: left as it is


def _theme_default(config: MkDocsConfig, key: str) -> str:
    """What the theme's translations give for `key` in the site's language (as the search plugin reads it)."""
    env = config.theme.get_env()
    env.bytecode_cache = template_bytecode(config)
    template = env.get_template("partials/language.html", None, {"config": config})
    return str(template.module.t(key))


def add_worker(files: Files, config: MkDocsConfig, source: str) -> str | None:
    """Publish our worker beside the theme's; returns the theme worker's file name, or None without search."""
    if search_plugin(config) is None:
        return None
    theme_worker = next((f.src_uri for f in files if _THEME_WORKER.match(f.src_uri)), None)
    if theme_worker is None:
        return None  # not mkdocs-material 9's layout: leave the theme's search as it is
    name = theme_worker.rpartition("/")[2]
    with open(source, encoding="utf-8") as f:
        content = f.read().replace("__THEME_WORKER__", name)
    uri = WORKERS_DIR + WORKER
    if files.get_file_from_path(uri) is None:
        files.append(File.generated(config, uri, content=content))
    return name


def use_worker(html: str, theme_worker: str | None) -> str:
    """The page's `__config` names our worker instead of the theme's (same folder)."""
    if not theme_worker:
        return html
    # two plain searches (the same span as the pattern `<script id="__config" …>.*?</script>`): a quarter of its time
    start = html.find(_CONFIG_OPEN)
    end = html.find("</script>", start + len(_CONFIG_OPEN)) if start >= 0 else -1
    if end < 0:
        return html
    end += len("</script>")
    script = html[start:end].replace(f'/{theme_worker}"', f'/{WORKER}"', 1)
    return html[:start] + script + html[end:]


def worker_source(assets_dir: str) -> str:
    return os.path.join(assets_dir, "search-worker.js")
