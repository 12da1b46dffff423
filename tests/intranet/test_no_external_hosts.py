"""Nothing in the built site makes the browser fetch from another host; author links stay plain links.

Scans every HTML, CSS and JS file for what a browser fetches on its own (scripts, stylesheets, images, fonts,
preconnects, CSS url() and @import, URL strings in scripts). `<a href>` to other sites are author links: a
learner clicks them, nothing is fetched.
"""

import re
from pathlib import Path

import lxml.html
import yaml

from .harness import ROOT

FETCHING_LINK_RELS = {
    "stylesheet",
    "preload",
    "prefetch",
    "preconnect",
    "dns-prefetch",
    "icon",
    "manifest",
    "modulepreload",
    "apple-touch-icon",
}
EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//", re.IGNORECASE)
CSS_URL = re.compile(r"""(?:url\(\s*["']?|@import\s+["'])((?:https?:)?//[^"')\s]+)""", re.IGNORECASE)
JS_URL = re.compile(r"""["'`]((?:https?:)?//[a-z0-9.-]+\.[a-z]{2,}[^"'`\s]*)""", re.IGNORECASE)

# URL strings in mkdocs-material's bundle that are only fetched in situations this site never creates;
# each is checked below to stay inactive.
DORMANT_IN_THEME = {
    # pages with diagrams define `mermaid` first (smartshare/rich ships it): checked below
    "https://unpkg.com/mermaid@11/dist/mermaid.min.js": "only when a page has a diagram and no global `mermaid`",
    "https://unpkg.com/resize-observer-polyfill": "only in browsers without ResizeObserver (none supported)",
    "https://api.github.com": "repository facts, only when repo_url is on github.com",
}
# XML namespace names in Mermaid's and KaTeX's code (`createElementNS`): identifiers, never fetched.
XML_NAMESPACES = {
    "http://www.w3.org/1998/Math/MathML",
    "http://www.w3.org/1999/xhtml",
    "http://www.w3.org/1999/xlink",
    "http://www.w3.org/2000/svg",
    "http://www.w3.org/2000/xmlns/",
    "http://www.w3.org/XML/1998/namespace",
}


def html_fetches(text: str) -> tuple[list[str], list[str]]:
    """What a page fetches by its elements' attributes, and its inline code (<script>/<style> text and style=""
    attributes), read with lxml's HTML parser (libxml2: the pages of a three-language site in a tenth of the time of
    Python's html.parser)."""
    fetched: list[str] = []
    inline: list[str] = []
    for element in lxml.html.document_fromstring(text).iter():
        if not isinstance(element.tag, str):  # comments and processing instructions
            continue
        attrs = element.attrib
        rels = set((attrs.get("rel") or "").lower().split())
        for name in ("src", "poster", "data", "background"):
            if attrs.get(name):
                fetched.append(attrs[name])
        for candidate in (attrs.get("srcset") or "").split(","):
            if candidate.strip():
                fetched.append(candidate.split()[0])
        if element.tag == "link" and rels & FETCHING_LINK_RELS and attrs.get("href"):
            fetched.append(attrs["href"])
        if attrs.get("style"):
            inline.append(attrs["style"])
        if element.tag in ("script", "style") and element.text:
            inline.append(element.text)
    return fetched, inline


def external_fetches(site: Path) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for path in sorted(site.rglob("*")):
        name = path.relative_to(site).as_posix()
        if path.suffix == ".html":
            fetched, inline = html_fetches(path.read_text(encoding="utf-8"))
            urls = [u for u in fetched if EXTERNAL.match(u)]
            urls += [u for text in inline for u in CSS_URL.findall(text) + JS_URL.findall(text)]
        elif path.suffix == ".css":
            urls = CSS_URL.findall(path.read_text(encoding="utf-8"))
        elif path.suffix == ".js":
            if name.endswith("search/search_index.js"):
                continue  # the offline edition's search index: the pages' text as data, never fetched
            urls = [
                u
                for u in JS_URL.findall(_without_comments(path.read_text(encoding="utf-8")))
                if not u.startswith(tuple(DORMANT_IN_THEME)) and u not in XML_NAMESPACES
            ]
        else:
            continue
        if urls:
            found[name] = sorted(set(urls))
    return found


def _without_comments(script: str) -> str:
    """Licence headers and doc comments name their projects' sites; they are never fetched."""
    return re.sub(r"/\*.*?\*/", "", script, flags=re.DOTALL)


#: the example's language sites (mkdocs.yml `languages`): each is scanned, and the language chooser at the root
LANGUAGES = ("en", "fr", "zh")


def test_no_page_stylesheet_or_script_fetches_from_another_host(example_site):
    assert all((example_site / code / "index.html").is_file() for code in LANGUAGES)
    assert external_fetches(example_site) == {}


def test_the_offline_edition_fetches_nothing_from_another_host(offline_site):
    assert all((offline_site / code / "index.html").is_file() for code in LANGUAGES)
    assert external_fetches(offline_site) == {}
    for code in LANGUAGES:
        assert "unpkg.com" not in (offline_site / code / "index.html").read_text(encoding="utf-8")


def test_the_scan_catches_what_the_theme_would_fetch(tmp_path):
    """Guard against a scan that finds nothing because it looks nowhere."""
    (tmp_path / "index.html").write_text(
        '<link rel="preconnect" href="https://fonts.gstatic.com"><a href="https://example.com/doc">doc</a>'
        '<script src="https://unpkg.com/iframe-worker/shim"></script><img srcset="//cdn.example.com/a.png 2x">'
    )
    (tmp_path / "extra.css").write_text("@import 'https://fonts.googleapis.com/css'; a { background: url(/local.png) }")
    assert external_fetches(tmp_path) == {
        "extra.css": ["https://fonts.googleapis.com/css"],
        "index.html": ["//cdn.example.com/a.png", "https://fonts.gstatic.com", "https://unpkg.com/iframe-worker/shim"],
    }


def test_author_links_to_other_sites_stay_plain_links(example_site):
    pages = [p.read_text(encoding="utf-8") for p in example_site.rglob("*.html")]
    assert any(re.search(r'<a [^>]*href="https://', page) for page in pages)


def test_the_packaged_libraries_are_scanned_too(example_site):
    """Mermaid and KaTeX are part of the site: the scan above reads them like the theme's own script."""
    for code in LANGUAGES:
        vendor = example_site / code / "assets/smartshare/vendor"
        assert (vendor / "mermaid/mermaid.min.js").is_file() and (vendor / "katex/katex.min.js").is_file()
        assert external_fetches(vendor) == {}


def test_the_theme_urls_left_in_its_script_stay_dormant(example_site):
    pages = {p: p.read_text(encoding="utf-8") for p in example_site.rglob("*.html")}
    with_diagrams = [p for p, html in pages.items() if '<pre class="mermaid">' in html]
    assert len(with_diagrams) >= 3 * len(LANGUAGES)  # the example curriculum has diagrams on three pages
    for path in with_diagrams:
        # the theme fetches Mermaid from unpkg.com unless `mermaid` is defined: smartshare/rich defines it first
        html = pages[path]
        loader = html.index('<script data-smartshare-provides="mermaid')
        assert loader < html.index("assets/javascripts/bundle."), path
        assert "window.mermaid = {" in html[loader:], path
    config = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)
    assert config["theme"]["font"] == "false"  # no Google Fonts
    assert "github.com" not in config.get("repo_url", "") and "gitlab" not in config.get("repo_url", "")
