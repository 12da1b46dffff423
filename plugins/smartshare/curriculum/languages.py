"""One site per language: `mkdocs build` builds the default language into `site/<default>/`, then each other
language in a process of its own into `site/<lang>/`, and writes the root page that sends readers to theirs.

Why processes: Material's advice is one build per language (its search index, stemmer, `<html lang>`, 404 page
and sitemap are per build), and re-running a build from inside another through MkDocs' internal hooks (what
mkdocs-static-i18n does) breaks as MkDocs changes. A child is the same `mkdocs build` a person would type, told
its language by the `SMARTSHARE_SITE_LANGUAGE` variable; it builds nothing else. `mkdocs serve` runs the same
children into its temporary folder after each build, so the preview shows every language.
"""

from __future__ import annotations

import gc
import html
import logging
import os
import re
import shutil
import subprocess
import sys
import threading
import traceback
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
    #: `mkdocs build` (not `serve`, whose server runs threads that a fork would copy half-way)
    may_fork: bool = False
    #: the other languages' builds forked before this language's pages, by language (the default build only)
    waiting: dict[str, WaitingBuild] = field(default_factory=dict)

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
        """The language switcher's links lead to this very page in each language.

        The same page in the other languages is named in the sitemaps (`sitemap_alternates`), not in the page's
        head: the theme fetches `sitemap.xml` next to every `<link rel="alternate">` of a page, so per-page links
        there cost each reader a failed request per language, and its own links name the language sites' home
        pages, which are no alternates of this page. Both are left out of the head."""
        depth = page_url.count("/") if page_url else 0
        up = "../" * depth  # from this page to its language site's root

        def switch(match: re.Match) -> str:
            code = match.group(2)
            return f'<a href="{html.escape(up + "../" + code + "/" + page_url)}" hreflang="{code}"{match.group(3)}'

        output = _switch_links(output, switch)
        return _without_head_alternates(output)

    def sitemap_alternates(self, sitemap: str) -> str:
        """Each address of this language's sitemap with the same page in every language (`xhtml:link` hreflang,
        as search engines read them), for a site with an address."""
        if not self.root_url:
            return sitemap
        root = self.root_url.rstrip("/")
        base = f"{root}/{self.language}/"

        def alternates(match: re.Match) -> str:
            url = html.unescape(match.group(1))
            if not url.startswith(base):
                return match.group(0)
            page = url[len(base) :]
            links = "".join(
                f'\n         <xhtml:link rel="alternate" hreflang="{code}" href="{html.escape(f"{root}/{code}/")}'
                f'{html.escape(page)}"/>'
                for code in self.languages
            )
            return match.group(0) + links

        sitemap = re.sub(r"<loc>([^<]*)</loc>", alternates, sitemap)
        return sitemap.replace(
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
            1,
        )

    # -- before the pages ----------------------------------------------------------------------------------------

    def fork_others(self, config) -> None:
        """The default build forks each other language's build now, after its configuration and before its own
        pages, and lets it wait for its turn (`build_others`). A fork made later would start from every page, HTML
        and parse this build still holds (300 MB resident at 2,000 modules) and grow from there; this one starts
        from the imports and configuration. It still waits: it reads what this language's check leaves in the
        build cache, and one language is built at a time, as before."""
        if not (self.is_default and self.root_dir and self.may_fork and hasattr(os, "fork")):
            return
        if threading.active_count() != 1:
            return  # a fork copies one thread only: the others' locks would stay held in it
        for code in self.languages[1:]:
            held = [fd for waiting in self.waiting.values() for fd in waiting.fds]
            self.waiting[code] = _fork_waiting(
                config.config_file_path, self._site_dir(code), config.strict, self._env(code), held
            )

    def cancel_others(self) -> None:
        """This language's build failed: each waiting fork is told so, leaves without building, and is waited for."""
        while self.waiting:
            self.waiting.popitem()[1].cancel()

    # -- after the build ------------------------------------------------------------------------------------------

    def build_others(self, config, log) -> None:
        """The default build builds every other language, each in a process of its own, then the root page."""
        if not self.is_default or not self.root_dir:
            return
        for code in self.languages[1:]:
            waiting = self.waiting.pop(code, None)
            if waiting is not None:
                returncode, output = waiting.run()
            else:
                site_dir, env = self._site_dir(code), self._env(code)
                returncode, output = _build_in_process(config.config_file_path, site_dir, config.strict, env)
            relay(output, code, log)
            if returncode != 0:
                self.cancel_others()
                said = [line for line in output.splitlines() if line.strip() and not _LEVEL.match(line)]
                why = "\n".join(said[-20:])  # what no log line said (a traceback); the warnings are above
                raise PluginError(f"the '{code}' site did not build (its problems are above, marked [{code}])\n{why}")
        write_root(self.root_dir, self.languages, self.root_url, config.site_name, config.use_directory_urls)

    def _site_dir(self, code: str) -> str:
        return os.path.join(self.root_dir, code)

    def _env(self, code: str) -> dict[str, str]:
        return {LANGUAGE_VARIABLE: code, ROOT_URL_VARIABLE: self.root_url}


def _build_in_process(config_file: str, site_dir: str, strict: bool, env: dict[str, str]) -> tuple[int, str]:
    """`mkdocs build` of one language in a new process: its exit status and log."""
    command = [sys.executable, "-m", _docs_tool(), "build", "-f", config_file, "--site-dir", site_dir]
    if strict:
        command.append("--strict")  # not --quiet: MkDocs' --quiet drops warnings before --strict can count them
    result = subprocess.run(command, env={**os.environ, **env}, capture_output=True, text=True, check=False)
    return result.returncode, result.stderr


@dataclass
class WaitingBuild:
    """A language's build in a fork of the default build, waiting on a pipe for its turn (`_fork_waiting`)."""

    pid: int
    go: int  # the pipe's end that starts the build (a byte) or ends the fork unbuilt (closed without one)
    output: int  # the pipe its log comes through

    @property
    def fds(self) -> tuple[int, int]:
        return self.go, self.output

    def run(self) -> tuple[int, str]:
        """Its turn: the build's exit status and log."""
        os.write(self.go, b"1")
        os.close(self.go)
        with os.fdopen(self.output, encoding="utf-8", errors="replace") as pipe:
            output = pipe.read()
        _, wait_status = os.waitpid(self.pid, 0)
        return os.waitstatus_to_exitcode(wait_status), output

    def cancel(self) -> None:
        os.close(self.go)
        os.close(self.output)
        os.waitpid(self.pid, 0)


def _fork_waiting(config_file: str, site_dir: str, strict: bool, env: dict[str, str], held: list[int]) -> WaitingBuild:
    """A fork of this process that waits until it is told to build (`WaitingBuild.run`), then builds as
    `mkdocs build` would, with MkDocs, the theme, the plugins and their libraries already imported: about 2 s of CPU
    saved per language, a third of a small site's build. It reads the configuration again from mkdocs.yml, as a new
    process would; the output is the same (tests/integration/test_language_sites.py compares the two). `held`: the
    pipes of the forks made before it, which it closes (or a fork would keep another's pipe open)."""
    for stream in (sys.stdout, sys.stderr):
        stream.flush()  # or the fork would write this process's buffered output again
    go_read, go_write = os.pipe()
    output_read, output_write = os.pipe()
    # frozen, what this process holds is never walked by the fork's garbage collector (each full collection would,
    # and so copy every page of that memory into the fork)
    gc.freeze()
    pid = os.fork()
    if pid == 0:  # the fork: wait, build, then leave without running this process's exit handlers
        status = 1
        try:
            for fd in (go_write, output_read, *held):
                os.close(fd)
            os.dup2(output_write, 1)  # from here on, whatever it writes goes to the default build's log
            os.dup2(output_write, 2)
            os.close(output_write)
            told = os.read(go_read, 1)  # nothing (the pipe closed): the default build failed or was stopped
            os.close(go_read)
            status = 0
            if told:
                status = 1
                os.environ.update(env)
                status = _build(config_file, site_dir, strict)
        except BaseException:
            traceback.print_exc()
        finally:
            logging.shutdown()
            for stream in (sys.stdout, sys.stderr):
                stream.flush()
            os._exit(status)
    gc.unfreeze()
    os.close(go_read)
    os.close(output_write)
    return WaitingBuild(pid, go_write, output_read)


def _build(config_file: str, site_dir: str, strict: bool) -> int:
    """What `mkdocs build -f <config_file> --site-dir <site_dir> [--strict]` does (mkdocs/__main__.py)."""
    from click import ClickException
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    try:
        config = load_config(config_file=config_file, site_dir=site_dir, strict=strict or None)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    except ClickException as error:  # MkDocs' own (a plugin's error, --strict's "Aborted with …")
        error.show()
        return error.exit_code
    return 0


def _docs_tool() -> str:
    """The command this build runs under: MkDocs, or ProperDocs (its maintained fork, same options)."""
    return "properdocs" if "properdocs" in sys.modules else "mkdocs"


#: the language switcher's links (the theme's partials/alternate.html)
_SWITCH_LINK = re.compile(r'<a href="([^"]*)" hreflang="([^"]+)"( class="md-select__link")')
_SWITCH_END = ' class="md-select__link"'
#: the theme's `<link rel="alternate">` to each language site's home page (from `extra.alternate`)
_HEAD_ALTERNATE = re.compile(r'<link rel="alternate" href="[^"]*" hreflang="[^"]*">')
_HEAD_ALTERNATE_START = '<link rel="alternate" href="'


def _switch_links(output: str, switch) -> str:
    """`_SWITCH_LINK.sub(switch, output)`, on the part of the page between the first and the last switcher link.

    The pattern begins with `<a href="`, which the regular expression engine tried at every link of the page (the
    navigation's hundreds) through 100 KB of HTML. Every match ends with `_SWITCH_END` and holds exactly four
    quotes before it (its `[^"]` parts hold none), so a match that ends at the first `_SWITCH_END` begins 8
    characters before the fourth quote back from there, and any later match begins later; none ends after the last
    `_SWITCH_END`. Found with `str.find`, that span holds every match; the rest of the page is copied as it is
    (tests/unit/test_language_links_rewrite.py compares both on random pages)."""
    first = output.find(_SWITCH_END)
    if first < 0:
        return output
    start = first
    for _ in range(4):  # back to the quote that ends the link's `<a href="`
        start = output.rfind('"', 0, start) if start > 0 else -1
    start = max(start - len("<a href="), 0)
    end = output.rfind(_SWITCH_END) + len(_SWITCH_END)
    return output[:start] + _SWITCH_LINK.sub(switch, output[start:end]) + output[end:]


def _without_head_alternates(output: str) -> str:
    """`output` without each `_HEAD_ALTERNATE` link and the whitespace right before it. The same as substituting
    `\\s*<link …>`, which tried its `\\s*` at every blank of the page's indentation (runs of hundreds): found by
    their text first, the whitespace before each is taken off by `rstrip` (the same characters as `\\s`)."""
    if _HEAD_ALTERNATE_START not in output:
        return output
    pieces = []
    rest = 0
    at = output.find(_HEAD_ALTERNATE_START)  # what `finditer` finds, each match tried only where one can begin
    while at >= 0:
        match = _HEAD_ALTERNATE.match(output, at)
        if match is None:
            at = output.find(_HEAD_ALTERNATE_START, at + 1)
            continue
        pieces.append(output[rest:at].rstrip())
        rest = match.end()
        at = output.find(_HEAD_ALTERNATE_START, rest)
    pieces.append(output[rest:])
    return "".join(pieces)


#: a record of MkDocs' log as printed: "WARNING -  message"
_LEVEL = re.compile(r"^(?P<level>DEBUG|INFO|WARNING|ERROR|CRITICAL) +- +")


def relay(output: str, code: str, log) -> None:
    """A child build's log, each line marked with its language: warnings and errors as such (the default build's
    `--strict` counts them too), the rest at debug level (`mkdocs build -v`): its notices repeat the default
    build's, which already printed them."""
    level = log.debug
    for line in output.splitlines():
        if not line.strip():
            continue
        record = _LEVEL.match(line)
        if record:
            level = {"WARNING": log.warning, "ERROR": log.error}.get(record["level"], log.debug)
            line = line[record.end() :]
        elif not line.startswith(" "):  # not a record of MkDocs' log (jieba's own messages)
            level = log.debug
        level(f"[{code}] {line}")  # indented lines continue the record before


def write_root(
    root_dir: str, languages: tuple[str, ...], root_url: str, site_name: str, directory_urls: bool = True
) -> None:
    """`index.html`: the reader's browser language if the site has it, else the default; a plain list without
    JavaScript. `sitemap.xml`: an index of the language sitemaps (when the site has an address). `404.html`: the
    default language's, for servers that serve the root's 404 page for any missing address (GitHub Pages, the
    sample configurations in deploy/); its links are absolute, so it works at any depth.

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
    not_found = os.path.join(root_dir, languages[0], "404.html")
    if os.path.isfile(not_found):
        shutil.copyfile(not_found, os.path.join(root_dir, "404.html"))
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
