"""What the learner's progress needs from the build: the site's id, the curriculum's modules and tracks by their
stable ids, and the strings progress.js and learning.js write themselves.

Progress lives in the learner's browser only (no server); this module only describes the site to it. Modules are
named by their curriculum id ("ai/chatbots"), never by URL, so progress survives renamed pages and reordered tracks;
URLs and titles are given for display and refreshed on every page that carries this map.
"""

from __future__ import annotations

import hashlib
import json

from ..core.i18n import Translator
from ..core.model import Curriculum

SCHEMA_VERSION = 1  # of the stored progress and of exported files; progress.js migrates or refuses the others

STRING_KEYS = (
    "done",
    "mark_done",
    "marked_done",
    "undo_done",
    "continue",
    "start",
    "progress",
    "storage_off",
    "storage_full",
    "corrupted",
    "migrated",
    "newer",
    "import_done",
    "import_malformed",
    "import_other_site",
    "import_newer",
    "reset_confirm",
    "reset_done",
    "score",
    "by_hand",
    "nothing_yet",
)


def site_id(site_url: str | None, site_name: str) -> str:
    """A short id of the site, so that a progress file exported from another site is refused on import."""
    return hashlib.sha256(f"{(site_url or '').rstrip('/')}\n{site_name}".encode()).hexdigest()[:16]


def strings(t: Translator) -> dict[str, str]:
    return {key: t(f"progress.{key}") for key in STRING_KEYS}


def progress_json(curriculum: Curriculum, urls: dict[str, str], t: Translator, site: str, language: str) -> str:
    """The data block of pages that show progress: strings, site id, and (compactly) every module and track."""
    modules = {
        module.id: {"t": module.title, "u": urls.get(module.src_uri, ""), "k": curriculum.position(module)[0].id}
        for module in curriculum.ordered_modules()
        if curriculum.position(module)[0] is not None
    }
    tracks = {
        track.id: {"t": track.title, "u": urls.get(track.index_uri, ""), "m": list(track.module_ids)}
        for track in curriculum.tracks
    }
    data = {"v": SCHEMA_VERSION, "site": site, "lang": language, "s": strings(t), "modules": modules, "tracks": tracks}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def module_json(t: Translator, site: str, language: str) -> str:
    """The data block of a module page: its module is named by the page's `data-smartshare-module`."""
    data = {"v": SCHEMA_VERSION, "site": site, "lang": language, "s": strings(t)}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
