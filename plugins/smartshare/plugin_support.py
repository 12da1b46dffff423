"""What every Smartshare MkDocs plugin needs: report problems, add packaged templates and assets, translate.

Kept apart from the plain-Python core so that only the plugins depend on MkDocs.
"""

from __future__ import annotations

import os
import re
import secrets
from collections import ChainMap
from collections.abc import Callable, Iterable, Mapping, MutableMapping
from typing import Any

from jinja2 import BytecodeCache, Environment, FileSystemLoader, Template
from jinja2.runtime import Context, new_context
from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url

from .assetmin import minifiable, minified
from .core.defaults import CACHE_PLUGIN, CURRICULUM_PLUGIN
from .core.i18n import Translator
from .core.problems import Problem, Severity, summary
from .core.sourcetree import scan
from .curriculum.surface import CurriculumSurface

ASSET_PREFIX = "assets/smartshare"


def report(problems: Iterable[Problem], log, what: str) -> None:
    """Log every problem (warnings count for `--strict`), then stop the build once if any is an error."""
    problems = list(problems)
    errors = [p for p in problems if p.is_error]
    for problem in problems:
        if problem.severity is Severity.INFO:
            log.info(problem.format())  # a notice (a translation to write or update): not counted by --strict
        else:
            (log.error if problem.is_error else log.warning)(problem.format())
    if errors:
        warnings = sum(1 for p in problems if p.severity is Severity.WARNING)
        raise PluginError(f"{what}: {summary(len(errors), warnings)}; nothing was built. Fix the lines above.")


def find_curriculum(config: MkDocsConfig) -> CurriculumSurface | None:
    """The public surface of the `smartshare/curriculum` plugin, or None when it is not listed or disabled."""
    plugin = config.plugins.get(CURRICULUM_PLUGIN)
    if plugin is None or not plugin.config.enabled:
        return None
    return plugin.surface


def check_memory(config: MkDocsConfig, check: str) -> Any:
    """Where a check keeps what it found in each text across builds (`smartshare.cache.findings.FindingsStore`), or
    None when the `smartshare/cache` plugin is not listed or disabled: the check then reads every text."""
    plugin = config.plugins.get(CACHE_PLUGIN)
    findings = getattr(plugin, "findings", None)
    return findings(check) if findings is not None and plugin.config.enabled else None


def made_beside(config: MkDocsConfig, name: str, make: Callable[[], Any]) -> Callable[[], Any]:
    """`make` run by another process while the build reads its pages (`smartshare.cache.beside`), from a plugin's
    `on_files` or `on_nav`: the function returned gives its result at `on_env`, or None, when the plugin does the work
    itself (no `smartshare/cache` plugin, one core, a job that logged a message)."""
    plugin = config.plugins.get(CACHE_PLUGIN)
    beside = getattr(plugin, "made_beside", None)
    return beside(name, make) if beside is not None and plugin.config.enabled else lambda: None


def require_curriculum(config: MkDocsConfig, needed_by: str) -> CurriculumSurface:
    """The curriculum plugin's surface, or a `PluginError` saying what to write in mkdocs.yml."""
    surface = find_curriculum(config)
    if surface is not None:
        return surface
    plugin = config.plugins.get(CURRICULUM_PLUGIN)
    if plugin is None:
        fix = f"add '{CURRICULUM_PLUGIN}' to 'plugins' in mkdocs.yml"
    else:
        fix = f"remove 'enabled: false' from '{CURRICULUM_PLUGIN}' in mkdocs.yml, or disable '{needed_by}' too"
    raise PluginError(f"{needed_by} needs the {CURRICULUM_PLUGIN} plugin — {fix}")


def add_theme_dir(config: MkDocsConfig, path: str) -> None:
    """Append (never prepend) so the site's `custom_dir` and the theme keep precedence over our templates."""
    if path not in config.theme.dirs:
        config.theme.dirs.append(path)


def is_own_template(env, name: str, templates: str) -> bool:
    """Whether `env` finds `smartshare/<name>` in our `templates` folder (added by `add_theme_dir`), not a copy the
    site's `custom_dir` or theme puts before it: only our own is known well enough to render once and fill in."""
    return env.get_template(f"smartshare/{name}").filename == os.path.join(templates, "smartshare", name)


def add_stylesheet(config: MkDocsConfig, name: str) -> None:
    uri = f"{ASSET_PREFIX}/{name}"
    if uri not in config.extra_css:
        # first, so a site's own extra_css (listed by its author) overrides ours
        config.extra_css.insert(0, uri)


def add_script(config: MkDocsConfig, name: str) -> None:
    uri = f"{ASSET_PREFIX}/{name}"
    if all(str(script) != uri for script in config.extra_javascript):
        config.extra_javascript.append(uri)


def add_asset_files(files: Files, config: MkDocsConfig, folder: str, names: Iterable[str]) -> None:
    """Serve packaged assets from `assets/smartshare/` without copying them into the docs folder; our own scripts
    and stylesheets minified (`assetmin.py`), everything else (vendored libraries, fonts, licences) as it is."""
    for name in names:
        uri = f"{ASSET_PREFIX}/{name}"
        if files.get_file_from_path(uri) is None:
            path = os.path.join(folder, name)
            if minifiable(path):
                files.append(File.generated(config, uri, content=minified(path)))
            else:
                files.append(File.generated(config, uri, abs_src_path=path))


def site_translator(config: MkDocsConfig) -> Translator:
    return Translator(config.theme.get("language"))


def template_translator(t: Translator) -> Callable[..., Markup]:
    """`t` for templates: placeholders are escaped unless they are markup themselves (a `<time>`, a link).

    A string without placeholders (labels, buttons: most calls) is escaped and formatted once per translator, not
    on each of the tens of thousands of calls a build makes: `Markup.format` runs Python's formatter each time.
    """
    fixed: dict[str, Markup] = {}

    def translate(key: str, **values: object) -> Markup:
        if values:
            return Markup(escape(t.template(key))).format(**values)
        text = fixed.get(key)
        if text is None:
            text = fixed[key] = Markup(escape(t.template(key))).format()
        return text

    return translate


def template_bytecode(config: MkDocsConfig) -> BytecodeCache | None:
    """Where every Jinja environment of a build keeps its compiled templates between builds (the `smartshare/cache`
    plugin's `bytecode`, see cache/bytecode.py), or None when that plugin is not listed or disabled."""
    plugin = config.plugins.get(CACHE_PLUGIN)
    return getattr(plugin, "bytecode", None) if plugin is not None else None


def template_env(config: MkDocsConfig) -> Environment:
    """Our own autoescaping environment over the theme's folders, so `theme/` can override any partial."""
    # no auto_reload: each build makes a new environment, and checking every template's file on each of the
    # ~35,000 lookups of a 500-module build (macros included) cost more than rendering them
    env = BuildEnvironment(
        loader=FileSystemLoader(config.theme.dirs),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
        bytecode_cache=template_bytecode(config),
    )
    env.template_class = FlatGlobalsTemplate
    return env


class BuildEnvironment(Environment):
    """An environment for one build (`template_env`): a template, once loaded, is kept by its name to the end.

    Without `auto_reload` Jinja never reads a loaded template's file again either, but finds it in a cache of the
    least recently used, which takes a lock and searches its list on every hit: 5-10 µs for each of a module page's
    dozen lookups (`is_own_template`, the renders, every `import` and `include`). The preview server's next build
    makes new environments, which read an edited template or a new override of the site's."""

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self._kept: dict[str, Template] = {}

    def get_template(
        self, name: str | Template, parent: str | None = None, globals: MutableMapping[str, Any] | None = None
    ) -> Template:
        if globals or not isinstance(name, str):  # globals update the template: Jinja's own way
            return super().get_template(name, parent, globals)
        if parent is not None:
            name = self.join_path(name, parent)
        template = self._kept.get(name)
        if template is None:
            template = self._kept[name] = super().get_template(name)
        return template


class FlatGlobalsTemplate(Template):
    """A Jinja template whose every render (and include, import, macro module) starts from its globals flattened
    into one dict at C speed. Jinja keeps a template's globals as a `ChainMap` over the environment's and copies
    it into each new context key by key in Python, twice (`dict(globals, **vars)`, then `set(globals)`): about
    1 % of a build's time over the theme's partials and our renderers. The maps are read again at every render,
    so a global a plugin adds or replaces later is seen as before."""

    def new_context(
        self, vars: dict[str, Any] | None = None, shared: bool = False, locals: Mapping[str, Any] | None = None
    ) -> Context:
        return new_context(self.environment, self.name, self.blocks, vars, shared, flat_globals(self.globals), locals)


def flat_globals(globals: Any) -> Any:
    """`dict(globals)` for a `ChainMap` of dicts (what `Environment.make_globals` gives), with the same keys in the
    same order and the first map's value for each; anything else as it is."""
    if type(globals) is not ChainMap:
        return globals
    flat: dict[str, Any] = {}
    for layer in reversed(globals.maps):
        flat.update(layer)
    return flat


def search_excludes(page: Any) -> bool:
    """`search: {exclude: true}` in the page's front matter (the mentor area's pages, a language's fallback pages):
    the search indexer's own first test, after which it reads nothing of the page."""
    search = page.meta.get("search") or {}
    return isinstance(search, dict) and bool(search.get("exclude"))


def relative_url(target_url: str, page_url: str) -> str:
    return get_relative_url(target_url or ".", page_url or ".")


class LateHtml:
    """HTML that joins a page only after the search plugin has read `page.content`.

    Search parses every tag of the content, even those it then leaves out of the index, so card lists, footers,
    feedback blocks and mentor notes cost search time for nothing. A plugin holds such HTML in `on_page_content`
    (a comment marker takes its place) and puts it back in `on_post_page`, once the theme has rendered the page.
    """

    #: The shape of every marker, whatever the plugin: the build cache (smartshare/cache, `page.py`) finds them in a
    #: page's content to key and store its rendered template without this build's nonce.
    MARKER = re.compile(r"<!--smartshare-late-[A-Za-z0-9_]+-[0-9a-f]{16}-\d{1,9}-->")

    def __init__(self, name: str) -> None:
        # A nonce per build: an author who types a marker in Markdown cannot swallow content or pick a piece.
        # Every marker is replaced in `release`, so the nonce never reaches the site and builds stay reproducible.
        self._prefix = f"<!--smartshare-late-{name}-{secrets.token_hex(8)}-"
        self._marker = re.compile(rf"{re.escape(self._prefix)}(\d{{1,9}})-->")
        self._held: list[str] = []

    def hold(self, html: str | Callable[[], str]) -> str:
        """A marker for `html`; given a function, it is called when the marker is replaced (memory: see agenda)."""
        if not html:
            return ""
        self._held.append(html)
        return f"{self._prefix}{len(self._held) - 1}-->"

    def release(self, output: str, insert: tuple[int, str] | None = None) -> str:
        """`self._marker.sub(self._take, output)`, with the pattern tried only where `str.find` sees the prefix: four
        plugins release every themed page (55 KB a module page), and the pattern's own scan of a page took about
        twice as long as finding the prefix. A match can start only at the prefix, and the prefix cannot overlap
        itself (`<` is its first character only), so the matches and their order are those of `sub`.

        `insert`, an index of `output` and a text, gives what the release of `output[:index] + text + output[index:]`
        gives, in the same pass: the page is copied once, not twice (a copy of a themed page cut and joined costs
        about as much as finding the prefix in it). Done in two steps where a marker could be cut or made at the index
        (`_apart`)."""
        if insert is not None:
            index, text = insert
            if not self._apart(output, index, text):
                return self.release(output[:index] + text + output[index:])
        prefix, marker = self._prefix, self._marker
        at = output.find(prefix)
        if at < 0:
            return output if insert is None else "".join((output[:index], text, output[index:]))
        pieces: list[str] = []
        done = 0
        while at >= 0:
            found = marker.match(output, at)
            if found is None:
                at = output.find(prefix, at + 1)
                continue
            if insert is not None and index <= at:  # the text goes before this marker (and any later one)
                pieces += (output[done:index], text)
                done, insert = index, None
            pieces += (output[done:at], self._take(found))
            done = found.end()
            at = output.find(prefix, done)
        if insert is not None:
            pieces += (output[done:index], text)
            done = index
        pieces.append(output[done:])
        return "".join(pieces)

    def _apart(self, output: str, index: int, text: str) -> bool:
        """Whether the markers of `output[:index] + text + output[index:]` are those of `output`, moved: no prefix
        near `index` in `output` (a marker across it, or one the text would cut) and none in the text or made
        where it joins `output`. Markers of ours are at most a marker's length, so the first test looks that far
        back."""
        prefix = self._prefix
        longest = len(prefix) + len("999999999-->")
        if prefix in output[max(0, index - longest) : index + len(prefix) - 1]:
            return False
        edge = len(prefix) - 1
        return prefix not in output[max(0, index - edge) : index] + text + output[index : index + edge]

    def _take(self, match: re.Match) -> str:
        index = int(match.group(1))
        if index >= len(self._held):
            return ""  # not one of ours (the nonce is secret, so only a copied page could hold it): drop it
        html, self._held[index] = self._held[index], ""  # each piece is placed once: free it
        return html() if callable(html) else html


def drop_unsafe_files(files: Files, docs_dir: str, log) -> None:
    """Remove what MkDocs collected through links that leave the docs folder, loop or lead nowhere.

    MkDocs' own walk follows symbolic links. The curriculum plugin has already stopped the build on these (see
    `core.sourcetree`); removing them here too means no later change of event order can publish such a file.
    """
    tree = scan(docs_dir)
    if not tree.blocked:
        return
    for file in list(files):
        if tree.is_blocked(file.src_uri):
            files.remove(file)
    report(tree.problems, log, "files")
