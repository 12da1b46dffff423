"""The site's settings the command line shares with the plugins, read from mkdocs.yml without MkDocs."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

import yaml

from ..core.builddate import build_date
from ..core.defaults import CACHE_DIR, CACHE_PLUGIN, CURRICULUM_PLUGIN, INCLUDE_DRAFTS, REVIEW_MAX_AGE_DAYS
from ..core.loader import LoadOptions
from .errors import UsageError

DEFAULT_CONFIG = "mkdocs.yml"
DEFAULT_DOCS_DIR = "curricula"  # the docs_dir of this project layout, used without a mkdocs.yml
#: the page checks a build runs, by the plugin that asks for them (see `buildchecks.site_checks`)
PAGE_CHECKS = {"smartshare/quiz": "quizzes", "smartshare/feedback": "mentor-blocks", "smartshare/intranet": "links"}


class _PermissiveLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """mkdocs.yml may hold `!!python/name:` and `!ENV` tags; we only need plain keys, so tags read as nothing."""


_PermissiveLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def _environment_value(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    """`!ENV VAR` or `!ENV [VAR, …, default]` as MkDocs reads it: the first variable set, else the default."""
    if isinstance(node, yaml.ScalarNode):
        return os.environ.get(str(loader.construct_scalar(node)))
    if not isinstance(node, yaml.SequenceNode) or not node.value:
        return None
    *names, default = [loader.construct_object(item) for item in node.value]
    for name in names or [default]:
        if isinstance(name, str) and name in os.environ:
            return os.environ[name]
    return default if names else None


_PermissiveLoader.add_constructor("!ENV", _environment_value)


@dataclass(frozen=True)
class Settings:
    docs_dir: str = DEFAULT_DOCS_DIR
    include_drafts: bool = INCLUDE_DRAFTS
    review_max_age: int = REVIEW_MAX_AGE_DAYS
    language: str = "en"  # theme.language: the glossary needs a meaning in it
    #: page checks of the plugins mkdocs.yml lists and enables (all of them without a mkdocs.yml)
    checks: frozenset[str] = frozenset(PAGE_CHECKS.values())
    use_directory_urls: bool = True
    #: the options of smartshare/curriculum as written (where its generated pages go, for link checks)
    curriculum_options: dict = field(default_factory=dict)
    #: the options of smartshare/rich, None when it is not enabled (its glossary page is a link target)
    rich_options: dict | None = None
    #: where the site is published (`feedback import --source xapi` asks the LRS for this site's statements)
    site_url: str = ""
    #: the folder of smartshare/cache (`dir`, relative to mkdocs.yml), None when it is not listed or not enabled: the
    #: check keeps per-file results there, as the build's check does (`core.checkcache`)
    cache_dir: str | None = None

    def load_options(self, body_checks: tuple = ()) -> LoadOptions:
        return LoadOptions(
            include_drafts=self.include_drafts,
            review_max_age_days=self.review_max_age,
            today=build_date(),
            body_checks=body_checks,
            languages=_languages(self.curriculum_options.get("languages")),
        )


def read_settings(config_file: str | None) -> Settings:
    """Settings from `config_file`, or from ./mkdocs.yml when it exists, else the defaults."""
    path = config_file or DEFAULT_CONFIG
    if not os.path.isfile(path):
        if config_file:
            raise UsageError(f"no configuration file '{config_file}'")
        return Settings()
    try:
        with open(path, encoding="utf-8-sig") as handle:
            data = yaml.load(handle, Loader=_PermissiveLoader) or {}
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else path
        raise UsageError(f"{where}: invalid YAML: {error.problem}") from None
    except (yaml.YAMLError, OSError, UnicodeDecodeError) as error:
        raise UsageError(f"cannot read {path}: {error}") from None
    if not isinstance(data, dict):
        raise UsageError(f"{path} is not a mapping of settings")
    docs_dir = data.get("docs_dir")
    plugins = _plugins(data.get("plugins"))
    options = plugins.get(CURRICULUM_PLUGIN, {})
    checks = {
        check
        for name, check in PAGE_CHECKS.items()
        if name in plugins
        and plugins[name].get("enabled", True) is not False
        and (check != "links" or plugins[name].get("check_links", True) is not False)
    }
    return Settings(
        docs_dir=os.path.join(os.path.dirname(path), docs_dir if isinstance(docs_dir, str) else DEFAULT_DOCS_DIR),
        include_drafts=_option(options, "include_drafts", bool, INCLUDE_DRAFTS, path),
        review_max_age=_option(options, "review_max_age", int, REVIEW_MAX_AGE_DAYS, path),
        language=str((data.get("theme") or {}).get("language") or "en")
        if isinstance(data.get("theme"), dict)
        else "en",
        checks=frozenset(checks),
        use_directory_urls=data.get("use_directory_urls", True) is not False,
        curriculum_options=options,
        rich_options=plugins["smartshare/rich"]
        if "smartshare/rich" in plugins and plugins["smartshare/rich"].get("enabled", True) is not False
        else None,
        site_url=data["site_url"] if isinstance(data.get("site_url"), str) else "",
        cache_dir=_cache_dir(plugins, path),
    )


def _cache_dir(plugins: dict[str, dict], path: str) -> str | None:
    """Where smartshare/cache keeps its entries, as `cache.plugin` finds it (its defaults in `cache.config`)."""
    options = plugins.get(CACHE_PLUGIN)
    if options is None or options.get("enabled", True) is False:
        return None
    folder = options.get("dir", CACHE_DIR)
    return os.path.join(os.path.dirname(path), folder) if isinstance(folder, str) else None


def _languages(value: Any) -> tuple[str, ...]:
    """smartshare/curriculum `languages` as written (MkDocs validates it when it builds)."""
    return tuple(code for code in value if isinstance(code, str)) if isinstance(value, list) else ()


def _plugins(plugins: Any) -> dict[str, dict]:
    """The options of every plugin, whether `plugins` is written as a list or as a mapping."""
    entries = (
        plugins.items()
        if isinstance(plugins, dict)
        else (next(iter(p.items())) if isinstance(p, dict) and p else (p, None) for p in (plugins or []))
    )
    return {name: options if isinstance(options, dict) else {} for name, options in entries if isinstance(name, str)}


def _option(options: dict, name: str, kind: type, default: Any, path: str) -> Any:
    value = options.get(name, default)
    if type(value) is not kind:  # bool is an int subclass: `review_max_age: true` is a mistake too
        raise UsageError(
            f"{path}: '{name}' of {CURRICULUM_PLUGIN} must be {'true or false' if kind is bool else 'a whole number'}"
        )
    return value
