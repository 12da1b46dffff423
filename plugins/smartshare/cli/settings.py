"""The site's settings the command line shares with the plugins, read from mkdocs.yml without MkDocs."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

import yaml

from ..core.builddate import build_date
from ..core.defaults import CURRICULUM_PLUGIN, INCLUDE_DRAFTS, REVIEW_MAX_AGE_DAYS
from ..core.loader import LoadOptions
from .errors import UsageError

DEFAULT_CONFIG = "mkdocs.yml"
DEFAULT_DOCS_DIR = "curricula"  # the docs_dir of this project layout, used without a mkdocs.yml


class _PermissiveLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """mkdocs.yml may hold `!!python/name:` and `!ENV` tags; we only need plain keys, so tags read as nothing."""


_PermissiveLoader.add_multi_constructor("", lambda loader, suffix, node: None)


@dataclass(frozen=True)
class Settings:
    docs_dir: str = DEFAULT_DOCS_DIR
    include_drafts: bool = INCLUDE_DRAFTS
    review_max_age: int = REVIEW_MAX_AGE_DAYS
    language: str = "en"  # theme.language: the glossary needs a meaning in it

    def load_options(self, body_checks: tuple = ()) -> LoadOptions:
        return LoadOptions(
            include_drafts=self.include_drafts,
            review_max_age_days=self.review_max_age,
            today=build_date(),
            body_checks=body_checks,
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
    options = _plugin_options(data.get("plugins"))
    return Settings(
        docs_dir=os.path.join(os.path.dirname(path), docs_dir if isinstance(docs_dir, str) else DEFAULT_DOCS_DIR),
        include_drafts=_option(options, "include_drafts", bool, INCLUDE_DRAFTS, path),
        review_max_age=_option(options, "review_max_age", int, REVIEW_MAX_AGE_DAYS, path),
        language=str((data.get("theme") or {}).get("language") or "en")
        if isinstance(data.get("theme"), dict)
        else "en",
    )


def _plugin_options(plugins: Any) -> dict:
    """The options of smartshare/curriculum, whether `plugins` is written as a list or as a mapping."""
    entries = (
        plugins.items()
        if isinstance(plugins, dict)
        else (next(iter(p.items())) if isinstance(p, dict) and p else (p, None) for p in (plugins or []))
    )
    for name, options in entries:
        if name == CURRICULUM_PLUGIN:
            return options if isinstance(options, dict) else {}
    return {}


def _option(options: dict, name: str, kind: type, default: Any, path: str) -> Any:
    value = options.get(name, default)
    if type(value) is not kind:  # bool is an int subclass: `review_max_age: true` is a mistake too
        raise UsageError(
            f"{path}: '{name}' of {CURRICULUM_PLUGIN} must be {'true or false' if kind is bool else 'a whole number'}"
        )
    return value
