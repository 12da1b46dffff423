"""One site per language: `mkdocs build` builds the default language into `site/<default>/`, then each other
language in a process of its own into `site/<lang>/`, and writes the root page that sends readers to theirs.

Why processes: Material's advice is one build per language (its search index, stemmer, `<html lang>`, 404 page
and sitemap are per build), and re-running a build from inside another through MkDocs' internal hooks (what
mkdocs-static-i18n does) breaks as MkDocs changes. A child is the same `mkdocs build` a person would type, told
its language by the `SMARTSHARE_SITE_LANGUAGE` variable; it builds nothing else. `mkdocs serve` runs the same
children into its temporary folder after each build, so the preview shows every language.
"""

from __future__ import annotations

import html
import os
import re
import subprocess
import sys
from dataclasses import dataclass, field

from mkdocs.exceptions import PluginError

#: set by the default build for each child: the language that child builds (internal: not for authors)
LANGUAGE_VARIABLE = "SMARTSHARE_SITE_LANGUAGE"
#: the site's root address, for children to place themselves under it
ROOT_URL_VARIABLE = "SMARTSHARE_SITE_ROOT_URL"

#: each language's own name, for the switcher and the root page (written in that language, as readers look for it)
NAMES = {
    "en": "English",
    "fr": "Français",
    "zh": "中文",
    "ja": "日本語",
    "de": "Deutsch",
    "es": "Español",
    "it": "Italiano",
    "pt": "Português",
    "nl": "Nederlands",
}


def language_name(code: str) -> str:
    return NAMES.get(code, NAMES.get(code.split("-")[0], code))


@dataclass
class LanguageSites:
    """Where this build stands among the language sites."""

    languages: tuple[str, ...]
    language: str  # of this build
    root_dir: str = ""  # the folder holding every language's site (the default build only)
    root_url: str = ""
    children: list[str] = field(default_factory=list)

    @property
    def default(self) -> str:
        return self.languages[0]

    @property
    def is_default(self) -> bool:
        return self.language == self.default

    @classmethod
    def configure(cls, languages: list[str], config) -> LanguageSites | None:
        """Put this build in its folder and address, with its interface language; None for a one-language site."""
        if len(languages) < 2:
            return None
        child = os.environ.get(LANGUAGE_VARIABLE)
        if child and child in languages:
            root_url = os.environ.get(ROOT_URL_VARIABLE, "")
            sites = cls(tuple(languages), child, root_url=root_url)
        else:
            root_url = config.site_url or ""
            sites = cls(tuple(languages), languages[0], root_dir=config.site_dir, root_url=root_url)
            config.site_dir = os.path.join(config.site_dir, languages[0])
        if sites.root_url:
            config.site_url = sites.root_url.rstrip("/") + f"/{sites.language}/"
        config.theme["language"] = sites.language  # <html lang>, Material's labels, and search's language
        alternate = [{"name": language_name(code), "link": f"../{code}/", "lang": code} for code in languages]
        config.extra["alternate"] = alternate
        return sites

    # -- each page --------------------------------------------------------------------------------------------

    def alternates(self, output: str, page_url: str) -> str:
        """`<link rel="alternate" hreflang>` in the head, and the switcher's links to this very page."""
        depth = page_url.count("/") if page_url else 0
        up = "../" * depth  # from this page to its language site's root
        links = []
        for code in self.languages:
            href = f"{up}../{code}/{page_url}"
            links.append(f'<link rel="alternate" hreflang="{code}" href="{html.escape(href)}">')

        def switch(match: re.Match) -> str:
            code = match.group(2)
            return f'<a href="{html.escape(up + "../" + code + "/" + page_url)}" hreflang="{code}"{match.group(3)}'

        output = re.sub(r'<a href="([^"]*)" hreflang="([^"]+)"( class="md-select__link")', switch, output)
        return output.replace("</head>", "\n".join(links) + "\n</head>", 1)

    # -- after the build ------------------------------------------------------------------------------------------

    def build_others(self, config, log) -> None:
        """The default build builds every other language, each in a process of its own, then the root page."""
        if not self.is_default or not self.root_dir:
            return
        for code in self.languages[1:]:
            env = {**os.environ, LANGUAGE_VARIABLE: code, ROOT_URL_VARIABLE: self.root_url}
            command = [sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", config.config_file_path]
            command += ["--site-dir", os.path.join(self.root_dir, code)]
            if config.strict:
                command.append("--strict")
            result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
            for line in result.stderr.splitlines():
                if line.strip():
                    log.info(f"[{code}] {line}")
            if result.returncode != 0:
                raise PluginError(f"the '{code}' site did not build:\n{result.stderr.strip()}")
        write_root(self.root_dir, self.languages, self.root_url, config.site_name, config.use_directory_urls)


def write_root(
    root_dir: str, languages: tuple[str, ...], root_url: str, site_name: str, directory_urls: bool = True
) -> None:
    """`index.html`: the reader's browser language if the site has it, else the default; a plain list without
    JavaScript. `sitemap.xml`: an index of the language sitemaps (when the site has an address).

    Without directory URLs (the offline edition, opened from file://), links name `index.html` themselves."""
    page_name = "" if directory_urls else "index.html"
    items = "\n".join(
        f'      <li><a href="{code}/{page_name}" hreflang="{code}" lang="{code}">'
        f"{html.escape(language_name(code))}</a></li>"
        for code in languages
    )
    codes = ", ".join(f'"{code}"' for code in languages)
    page = f"""<!doctype html>
<html lang="{languages[0]}">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>{html.escape(site_name)}</title>
    <script>
      (function () {{
        var supported = [{codes}];
        var wanted = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language];
        var chosen = supported[0];
        outer: for (var i = 0; i < wanted.length; i++) {{
          var tag = String(wanted[i] || "").toLowerCase();
          for (var j = 0; j < supported.length; j++) {{
            var code = supported[j].toLowerCase();
            if (tag === code || tag.split("-")[0] === code.split("-")[0]) {{ chosen = supported[j]; break outer; }}
          }}
        }}
        location.replace(chosen + "/{page_name}" + location.search + location.hash);
      }})();
    </script>
  </head>
  <body>
    <main>
    <h1>{html.escape(site_name)}</h1>
    <ul>
{items}
    </ul>
    </main>
  </body>
</html>
"""
    with open(os.path.join(root_dir, "index.html"), "w", encoding="utf-8") as handle:
        handle.write(page)
    if root_url:
        base = root_url.rstrip("/")
        entries = "\n".join(
            f"  <sitemap><loc>{html.escape(base)}/{code}/sitemap.xml</loc></sitemap>" for code in languages
        )
        sitemap = (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
            f"{entries}\n</sitemapindex>\n"
        )
        with open(os.path.join(root_dir, "sitemap.xml"), "w", encoding="utf-8") as handle:
            handle.write(sitemap)


# -- a language site's pages ----------------------------------------------------------------------------------


def use_translations(files, translations, lang: str, docs_dir: str) -> None:
    """Each page with a translation into `lang` is read from it: same address, the translation's own text."""
    if translations is None:
        return
    for file in files.documentation_pages():
        translation = translations.page(lang, file.src_uri)
        if translation is not None:
            file.abs_src_path = os.path.normpath(os.path.join(docs_dir, translation.src_uri))
            file.edit_uri = translation.src_uri  # "Edit this page" opens the translation


def language_notice(sites: LanguageSites, translations, src_uri: str, page_url: str, content: str, t) -> str:
    """A page not translated yet is marked and its text carries `lang`; a stale translation says so, with a link
    to the source language's page."""
    translation = translations.page(sites.language, src_uri) if translations is not None else None
    source = spoken_name(t, sites.default)
    up = "../" * page_url.count("/")
    source_href = html.escape(f"{up}../{sites.default}/{page_url}")
    if translation is None:
        notice = t("i18n.not_translated", language=spoken_name(t, sites.language), source=source)
        return (
            f'<div class="admonition note smartshare-untranslated" role="note"><p>{html.escape(notice)}</p></div>\n'
            f'<div lang="{sites.default}">\n{content}\n</div>'
        )
    if translation.stale is None:
        return content
    date = translation.stale.date.isoformat()
    text = html.escape(t("i18n.stale", source=source, date="\x00")).replace(
        "\x00", f'<time datetime="{date}">{html.escape(format_date(translation.stale.date, sites.language))}</time>'
    )
    link = html.escape(t("i18n.read_source", source=source))
    return (
        f'<div class="admonition warning smartshare-stale-translation" role="note"><p>{text} '
        f'<a href="{source_href}" hreflang="{sites.default}" lang="{sites.default}">{link}</a></p></div>\n{content}'
    )


def spoken_name(t, code: str) -> str:
    """The language's name in the site's language ("anglais" on the French site); its own name when untranslated."""
    try:
        return t(f"language.{code.split('-')[0]}")
    except KeyError:
        return language_name(code)


def format_date(date, lang: str) -> str:
    """A date as readers of `lang` write it: 20 November 2026, 20 novembre 2026, 2026年11月20日."""
    base = lang.split("-")[0]
    if base in ("zh", "ja"):
        return f"{date.year}年{date.month}月{date.day}日"
    months = MONTHS.get(base)
    if months is None:
        return date.isoformat()
    return f"{date.day} {months[date.month - 1]} {date.year}"


MONTHS = {
    "en": [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ],
    "fr": [
        "janvier", "février", "mars", "avril", "mai", "juin",
        "juillet", "août", "septembre", "octobre", "novembre", "décembre",
    ],
}  # fmt: skip
