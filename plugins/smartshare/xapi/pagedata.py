"""What each page tells the browser about the statements to send: the LRS, the actor, and the page's activities.

Plain Python (no MkDocs). Every IRI comes from `core.xapi.Vocabulary`: the script builds none itself.
"""

from __future__ import annotations

import html
import json
from typing import Any

from ..core.model import Module
from ..core.xapi import VERSION, Vocabulary


class PageData:
    """The site's part, computed once per build, and each module page's part."""

    def __init__(
        self, endpoint: str, auth: str | None, actor: dict | None, site_url: str, lang: str, build: str
    ) -> None:
        self.words = Vocabulary.for_site(site_url)
        self.lang = lang
        self.site: dict[str, Any] = {
            "endpoint": endpoint,
            "version": VERSION,
            "auth": auth or "",
            "actor": actor,
            "build": build,
            **self.words.browser_data(),
        }

    def for_page(self, module: Module | None, title: str) -> dict[str, Any]:
        data = dict(self.site, lang=self.lang)
        if module is not None:
            data.update(
                lang=module.lang or self.lang,
                module={
                    "id": module.id,
                    "track": module.track_id,
                    "title": module.title or title,
                    "activity": self.words.module(module.id),
                    "trackActivity": self.words.track(module.track_id),
                    "selfCheck": self.words.self_check(module.id),
                    "questions": self.words.question_prefix(module.id),
                },
            )
        return data

    def element(self, module: Module | None, title: str) -> str:
        """A hidden element inside the page's content, which the theme's instant navigation swaps with the page."""
        text = json.dumps(self.for_page(module, title), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        return f'<div hidden data-smartshare-xapi="{html.escape(text, quote=True)}"></div>'
