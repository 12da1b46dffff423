"""Everything a page would make the browser fetch from another host, found at build time with its line.

An intranet has no way out: a script, stylesheet, font, frame, video or image from another host fails for every
learner, and the request itself leaks who reads what. The build checks three places:

- each page's HTML as browsers get it (the author's Markdown and raw HTML, and templates): an element that
  fetches (`<script src>`, `<link rel=stylesheet>`, `<iframe>`, `<video>`, `<img>`, …) or CSS `url()`/`@import`
  aimed at another host is an error, except an image, which is a warning (a remote picture is a common
  copy-paste: copy it into the repository);
- loaders in the theme's JavaScript bundle that a page's content triggers: a ```` ```mermaid ```` diagram makes
  mkdocs-material fetch Mermaid from unpkg.com unless the page carries a local
  `<script data-smartshare-provides="mermaid">` (added by the `smartshare/rich` plugin, which ships Mermaid);
- the site's configuration: `extra_css`/`extra_javascript` from another host, theme fonts from Google Fonts, a
  `repo_url` on github.com or gitlab.com (the theme asks their API for the repository's stars).

Links (`<a href>`) are not fetched and stay allowed. Plain Python; positions come from the Markdown source.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

from ..core.problems import Problem, Severity

THEME_MERMAID = "https://unpkg.com/mermaid@11/dist/mermaid.min.js"
DIAGRAM = '<pre class="mermaid"'  # pymdownx.superfences' Mermaid fence, what the theme's loader looks for
PROVIDES = "data-smartshare-provides"

# (tag, attribute) → what the browser fetches with it
FETCHING = {
    ("script", "src"): "script",
    ("iframe", "src"): "frame",
    ("frame", "src"): "frame",
    ("embed", "src"): "embedded object",
    ("object", "data"): "embedded object",
    ("video", "src"): "video",
    ("video", "poster"): "image",
    ("audio", "src"): "audio file",
    ("source", "src"): "media file",
    ("source", "srcset"): "image",
    ("track", "src"): "caption file",
    ("img", "src"): "image",
    ("img", "srcset"): "image",
    ("input", "src"): "image",
}
LINK_RELS = {
    "stylesheet": "stylesheet",
    "preload": "file",
    "prefetch": "file",
    "modulepreload": "script",
    "icon": "image",
    "apple-touch-icon": "image",
    "manifest": "file",
    "preconnect": "connection",
    "dns-prefetch": "connection",
}
CSS_URL = re.compile(r"""(?:url\(\s*["']?|@import\s+["'])((?:[a-z][a-z0-9+.-]*:)?//[^"')\s]+)""", re.I)
MERMAID_FENCE = re.compile(r"^[ \t>]*(`{3,}|~{3,})[ \t]*\{?[ \t]*\.?mermaid\b", re.M)


def is_remote(url: str) -> bool:
    """Another host: `https://…`, `//…` (not `data:`, `blob:`, relative or root-relative addresses)."""
    url = url.strip()
    if url.startswith("//"):
        return True
    parts = urlsplit(url)
    return parts.scheme in ("http", "https", "ftp", "ws", "wss") and bool(parts.netloc)


class _Fetches(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str]] = []  # (what, url)
        self.provides: set[str] = set()
        self.diagrams = False
        self._style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        for name, value in values.items():
            what = FETCHING.get((tag, name))
            if what and name.endswith("srcset"):
                self.found += [(what, c.split()[0]) for c in value.split(",") if c.strip()]
            elif what:
                self.found.append((what, value))
        if tag == "link":
            for rel in values.get("rel", "").lower().split():
                if rel in LINK_RELS and values.get("href"):
                    self.found.append((LINK_RELS[rel], values["href"]))
        if values.get("style"):
            self.found += [("stylesheet resource", url) for url in CSS_URL.findall(values["style"])]
        if tag == "script" and PROVIDES in values:
            self.provides.update(values[PROVIDES].split())
        if tag == "pre" and "mermaid" in values.get("class", "").split():
            self.diagrams = True
        self._style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._style = False

    def handle_data(self, data: str) -> None:
        if self._style:
            self.found += [("stylesheet resource", url) for url in CSS_URL.findall(data)]


# Cheap test first: most pages fetch nothing from elsewhere, and parsing every page of a 2,000-module site would
# cost seconds. Links (`href`) to other sites are common and harmless, so only fetching attributes count here.
#: an attribute or a style that fetches an address starting `//` (with or without a scheme): a match ends at it
_FETCHING = r"""(?:src|srcset|data|poster)\s*=\s*["']?\s*(?:[a-z]+:)?//|url\(\s*["']?\s*(?:[a-z]+:)?//"""
#: a link element that loads what its `href` names from `//…`
_LINKING = (
    r"""<link\b(?=[^>]*\brel=["']?(?:stylesheet|preload|prefetch|modulepreload|icon|"""
    r"""apple-touch-icon|manifest|preconnect|dns-prefetch))(?=[^>]*\bhref=["']?\s*(?:[a-z]+:)?//)"""
)
MAY_FETCH = re.compile(f"{_FETCHING}|@import|{_LINKING}", re.I)


def check_page(html: str, path: str, source: str) -> list[Problem]:
    """Both checks on the finished HTML of a page (what the build does in two steps, see the plugin)."""
    return check_fetches(html, path, source) + check_theme_loaders(html, path, source)


def _parse(html: str) -> _Fetches:
    parser = _Fetches()
    parser.feed(html)
    parser.close()
    return parser


# Every way `MAY_FETCH` matches holds `//` or `@import`: looking for those first is two fast scans, where the whole
# pattern (case-insensitive, no literal to start from) costs about a millisecond a page that has neither.
_IMPORT = re.compile("@import", re.I)
_FETCHING_END = re.compile(_FETCHING, re.I)
_LINK = re.compile(_LINKING, re.I)


def may_fetch(html: str) -> bool:
    """Whether `MAY_FETCH` finds something in `html`.

    Most pages hold `//` (links to other sites), where the whole pattern still costs about a millisecond a page: it
    is tried at every character. A match of `_FETCHING` ends at a `//` and holds no `<`, `>` or `/` before it, so
    it is looked for only between each `//` and the last of those three before it; `_LINKING` starts with `<`,
    which the engine skips to.
    """
    if _IMPORT.search(html) is not None:
        return True
    at = html.find("//")
    if at < 0:
        return False
    while at >= 0:
        start = max(html.rfind("<", 0, at), html.rfind(">", 0, at), html.rfind("/", 0, at)) + 1
        if _FETCHING_END.search(html, start, at + 2) is not None:
            return True
        at = html.find("//", at + 1)
    return _LINK.search(html) is not None


def check_fetches(html: str, path: str, source: str) -> list[Problem]:
    """Elements and styles of `html` that fetch from another host; `source` is the Markdown file (positions)."""
    if not may_fetch(html):
        return []
    parser = _parse(html)
    problems: list[Problem] = []
    seen: set[str] = set()
    for what, url in parser.found:
        if not is_remote(url) or url in seen:
            continue
        seen.add(url)
        host = urlsplit(url if "//" in url else "//" + url).hostname or url
        line, column = locate(source, url)
        if what == "image":
            problems.append(
                Problem(
                    path,
                    line,
                    column,
                    Severity.WARNING,
                    "remote-image",
                    f"image from another host ({host}): intranet readers cannot load it",
                    "copy the image into the repository next to the module and link it with a relative path",
                )
            )
        else:
            problems.append(
                Problem(
                    path,
                    line,
                    column,
                    Severity.ERROR,
                    "remote-resource",
                    f"this page would load a {what} from another host ({host}), which an intranet cannot reach",
                    "copy the file into the repository and use a relative path, or write a plain link to it",
                )
            )
    return problems


def may_load_from_theme(html: str) -> bool:
    """The quick test of `check_theme_loaders`: a diagram, and no local loader for it found without parsing."""
    return DIAGRAM in html and not _provides_mermaid(html)


def check_theme_loaders(html: str, path: str, source: str) -> list[Problem]:
    """A diagram the theme would render with Mermaid from unpkg.com, as no local script provides it."""
    if not may_load_from_theme(html):
        return []
    parser = _parse(html)
    problems: list[Problem] = []
    if parser.diagrams and "mermaid" not in parser.provides:
        line, column = _fence(source)
        problems.append(
            Problem(
                path,
                line,
                column,
                Severity.ERROR,
                "theme-loader",
                "this Mermaid diagram makes the theme load Mermaid from unpkg.com, which an intranet cannot reach",
                "add `- smartshare/rich` to the plugins in mkdocs.yml: it ships Mermaid inside the site",
            )
        )
    return problems


_PROVIDER = re.compile(rf'<script {PROVIDES}="([^"<>]*)">')
_SWALLOWING = re.compile(r"<!--|<(?:script|style)\b", re.I)  # what would hide a tag after it from the browser
# A comment of words and single hyphens, such as the placeholders plugins leave for HTML they write late
# (`<!--smartshare-late-quiz-…-->`): it holds no `--` before its end, so every parser closes it there.
_CLOSED_COMMENT = re.compile(r"<!--\w+(?:-\w+)*-->", re.A)


def _provides_mermaid(html: str) -> bool:
    """Cheap test first: `smartshare/rich` appends its loader to the content, after every diagram; when nothing
    between the first diagram and that loader can hide it (an open comment, script or style), the page is fine
    without parsing it whole (a page with a diagram is often one of the largest)."""
    first = html.find(DIAGRAM)
    for match in _PROVIDER.finditer(html, first):
        if "mermaid" in match[1].split() and not _may_hide(html, first, match.start()):
            return True
    return False


def _may_hide(html: str, start: int, end: int) -> bool:
    """Whether a comment, script or style opened between `start` and `end` may still be open at `end`."""
    for opening in _SWALLOWING.finditer(html, start, end):
        if not _CLOSED_COMMENT.match(html, opening.start(), end):
            return True
    return False


def check_config(config: dict, path: str, text: str) -> list[Problem]:
    """Problems in mkdocs.yml: assets, fonts and repository facts the theme would fetch from another host."""
    problems: list[Problem] = []

    def error(needle: str, code: str, message: str, hint: str) -> None:
        line, column = locate(text, needle)
        problems.append(Problem(path, line, column, Severity.ERROR, code, message, hint))

    for key in ("extra_css", "extra_javascript"):
        for item in config.get(key) or []:
            url = str(getattr(item, "path", item))
            if is_remote(url):
                error(url, "remote-resource", f"{key} entry from another host: {url}", "ship the file in the site")
    theme = config.get("theme")
    font = theme.get("font") if theme is not None else None
    if font:  # the theme links Google Fonts unless `font: false`
        error(
            "font:",
            "remote-font",
            "the theme loads its text fonts from fonts.googleapis.com",
            "set `font: false` under `theme:` (system fonts)",
        )
    repo = urlsplit(str(config.get("repo_url") or "")).hostname or ""
    if repo in ("github.com", "gitlab.com"):
        error(
            "repo_url",
            "remote-resource",
            f"with repo_url on {repo}, the theme asks {repo}'s API for the repository's facts on every page",
            "point repo_url at the intranet's own forge, or leave it out",
        )
    return problems


def locate(source: str, needle: str) -> tuple[int, int]:
    """1-based line and column of the first occurrence of `needle` in `source` (its HTML-escaped form too)."""
    for candidate in (needle, needle.replace("&", "&amp;")):
        index = source.find(candidate)
        if index >= 0:
            line = source.count("\n", 0, index) + 1
            return line, index - (source.rfind("\n", 0, index) + 1) + 1
    return 1, 1


def _fence(source: str) -> tuple[int, int]:
    match = MERMAID_FENCE.search(source)
    if not match:
        return 1, 1
    line = source.count("\n", 0, match.start(1)) + 1
    return line, match.start(1) - (source.rfind("\n", 0, match.start(1)) + 1) + 1
