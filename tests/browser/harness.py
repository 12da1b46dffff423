"""Serve a built site on localhost and drive it with Playwright, refusing every request to another host.

Chromium is launched with a proxy that does not exist (NOWHERE): every request to another host fails there, in
Chromium, while localhost is never proxied (Chromium's own rule); `guard_requests` records those failures. A
Playwright route would do the same at the cost of a round trip to Python for every request of every page (and no
HTTP cache), which doubled the time a page takes to load.

Reusable by any browser test: `serve_site(site_dir, prefix="/docs/")` and `launch_chromium(playwright)`. The
example site itself is built once per test process and prefix by the `served_example` fixture (tests/conftest.py).
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

from ensure_chromium import chromium_path

REPO = Path(__file__).resolve().parents[2]
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
#: Chromium keeps only the last `--disable-features` of its command line: ours repeats the features Playwright
#: turns off itself (playwright-core's chromiumSwitches.ts, 1.65) and adds UNSEEN_FEATURES.
#: tests/browser/test_harness_guard.py fails when Playwright turns off one this list lacks.
PLAYWRIGHT_DISABLED_FEATURES = (
    "AvoidUnnecessaryBeforeUnloadCheckSync",
    "DestroyProfileOnBrowserClose",
    "HttpsUpgrades",
    "HttpsFirstBalancedModeAutoEnable",
    "LensOverlay",
    "MediaRouter",
    "PaintHolding",
    "ThirdPartyStoragePartitioning",
    "AvoidCorsURLLoaderRestartOnRedirect",
    "TcpPortRandomizationWin",
    "OptimizationHints",
    "NetworkTimeServiceQuerying",
    "AimEnabled",
    "PreconnectToSearch",
    "msForceBrowserSignIn",
    "msEdgeUpdateLaunchServicesPreferredVersion",
)
#: the address bar's suggestion popups, which Chromium draws as pages of its own (chrome://omnibox-popup.top-chrome/):
#: headless, every browser context's window still loaded two of them, each in a renderer process of its own, and
#: updated them at every navigation; no page of a test can see them. Without them a new context with one page costs
#: about half the CPU (six contexts loading a page of the site: 13.5 s against 7.0 s, 2026-11-27).
UNSEEN_FEATURES = ("WebUIOmniboxPopup", "WebUIOmniboxAimPopup", "WebUIOmniboxFullPopup")
DISABLED_FEATURES = "--disable-features=" + ",".join([*PLAYWRIGHT_DISABLED_FEATURES, *UNSEEN_FEATURES])


def build_example_site(site_dir: Path, site_url: str) -> None:
    """`mkdocs build` of the repository's own mkdocs.yml into `site_dir`, for serving at `site_url`.

    The theme's instant navigation only follows links of its sitemap, so site_url must be the served address.
    """
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SMARTSHARE_SITE_URL": site_url}
    command = [
        sys.executable,
        "-m",
        os.environ.get("SMARTSHARE_DOCS_TOOL", "mkdocs"),
        "build",
        "--site-dir",
        str(site_dir),
    ]
    result = subprocess.run(command, cwd=REPO, capture_output=True, text=True, env=env)
    if result.returncode:
        raise RuntimeError("the example site does not build:\n" + result.stdout + result.stderr)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    prefix = "/"
    cache_control = "no-store"

    def log_message(self, *args) -> None:
        pass

    def end_headers(self) -> None:
        # by default never from the browser's cache: a test may rebuild the site within the second (the precision of
        # Last-Modified); a site that never changes may be cached (see `serve_site`)
        self.send_header("Cache-Control", self.cache_control)
        super().end_headers()

    def send_error(self, code, message=None, explain=None) -> None:
        """A missing page gets the site's 404.html, with status 404, as deploy/nginx.conf and apache.conf serve it."""
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def translate_path(self, path: str) -> str:
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "__outside_the_prefix__")  # 404
        return super().translate_path("/" + path[len(self.prefix) :])


@contextlib.contextmanager
def serve_site(site_dir: Path, prefix: str = "/", *, unchanging: bool = False, port: int = 0) -> Iterator[str]:
    """Serve `site_dir` at http://127.0.0.1:<free port><prefix> in a thread; yields that base URL.

    `unchanging`: the site is built once and never again while served, so a browser context may keep what it
    fetched (its scripts are then compiled once per context rather than on every page). `port`: the port wanted,
    if it is free (another one otherwise)."""
    prefix = "/" + prefix.strip("/") + "/" if prefix.strip("/") else "/"
    cache_control = "max-age=3600" if unchanging else "no-store"
    handler = type("Handler", (_QuietHandler,), {"prefix": prefix, "cache_control": cache_control})
    serve = functools.partial(handler, directory=str(site_dir))
    try:
        server = http.server.ThreadingHTTPServer(("127.0.0.1", port), serve)
    except OSError:  # taken (another run of this checkout, another program): any free one
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), serve)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()


#: every request to another host goes through this proxy, where nothing listens: it fails without leaving the machine
NOWHERE = "--proxy-server=http://127.0.0.1:9"


def serve_until_gone(site_dir: Path, prefix: str, watched: int, port: int = 0) -> None:
    """Serve `site_dir` at `prefix` in this process until process `watched` (the test run) has ended; the first line
    of standard output is the base URL. `python harness.py SITE PREFIX PID [PORT]` runs this (see
    tests/examplesite.py); `port`: see `serve_site`."""
    with serve_site(site_dir, prefix, unchanging=True, port=port) as url:
        print(url, flush=True)
        sys.stdout.close()
        while True:
            try:
                os.kill(watched, 0)
            except ProcessLookupError:
                return
            time.sleep(0.5)


@functools.cache
def axe_script() -> str:
    """axe-core, as axe-playwright-python ships it (`Axe().run` sends it to the page again at each call)."""
    from axe_playwright_python.base import AXE_SCRIPT

    return AXE_SCRIPT


def launch_chromium(playwright):
    return playwright.chromium.launch(
        executable_path=chromium_path(), args=[*CHROMIUM_FLAGS, DISABLED_FEATURES, NOWHERE]
    )


def is_other_host(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("http", "https", "ws", "wss") and parts.hostname not in LOCAL_HOSTS


def guard_requests(context, blocked: list[str]) -> None:
    """Record every request to a host other than this machine (Chromium refuses them, see NOWHERE)."""
    context.on("requestfailed", lambda request: is_other_host(request.url) and blocked.append(request.url))


#: the first document a test's page loads from an origin empties that origin's local storage, which the module's
#: earlier tests left in their shared context (`ContextPool`); later documents of the same page (a reload, a link
#: followed) keep it. The page notes the origins it has emptied in its session storage, which no other page shares,
#: and in `window.name`, which a reload keeps: Chromium sometimes gives a reloaded file:// page's first script an
#: empty session storage (about one reload in ten), and that page's answers were then erased.
FRESH_STORAGE = """(() => {
  if (window.top !== window) return
  const MARK = "smartshare-test-page"
  const mark = MARK + " " + location.origin
  try {
    const noted = window.name.startsWith(MARK) ? window.name.split("\\n") : []
    if (!sessionStorage.getItem(MARK) && !noted.includes(mark)) localStorage.clear()
    sessionStorage.setItem(MARK, "1")
    if (!noted.includes(mark)) window.name = [...noted, mark].join("\\n")
  } catch (error) {}
})()"""


#: Material's search worker replaced, in the pages of tests that do not search, by one that never answers: the worker
#: indexes the whole site on every page load (about a third of the CPU a page load costs). The theme's search box then
#: says "Initializing search"; every other script of the page runs as served. The page still asks for every file it
#: names: the search index (the theme's own request) and the worker's file, fetched (from http only: Chromium refuses
#: `fetch` of a file:// address) though never run, so that a test recording failed requests sees a worker's address
#: that does not resolve. What the worker itself loads (the theme's worker, lunr's languages) is not asked for.
NO_SEARCH_WORKER = """(() => {
  const Worker = window.Worker
  if (!Worker) return
  const idle = function (url, options) {
    if (!/\\/workers\\/[^/]*search[^/]*\\.js(\\?|#|$)/.test(String(url))) return new Worker(url, options)
    if (/^https?:$/.test(location.protocol)) fetch(url).then(response => response.arrayBuffer(), () => {})
    const worker = new EventTarget()
    worker.postMessage = () => {}
    worker.terminate = () => {}
    return worker
  }
  idle.prototype = Worker.prototype
  window.Worker = idle
})()"""


#: `ContextPool`'s key of a context with the default options
DEFAULT_OPTIONS = json.dumps({})


class ContextPool:
    """Browser contexts, one per set of options (`new_context(**options)`), shared by the tests of a module, and those
    of the default options (and the default tab) by the modules that follow it (`end_module`).

    A new context costs a page load about twice what a page in a context that has loaded the site costs (its cache
    is empty: every script fetched and compiled again). Each test's first page with given options is a new page in
    the module's context of those options, with that context's cookies and permissions cleared and the local
    storage of each origin emptied by the page's first document there (FRESH_STORAGE): as a new context would
    start. A test's second page with the same options gets a new context of its own (another browser, its own
    storage), closed with the test. Each context reports requests that failed to `on_failed` of the test it serves.

    A test's page is not closed when the test ends but sent to about:blank (its document and scripts gone, nothing
    left running) and closed once the next test's page of that context is open: the new page then joins a renderer
    process that has already compiled the site's scripts, and loads with about half the CPU it takes when the last
    page of the site was closed first (a new renderer process, every script compiled again).
    """

    def __init__(self, browser) -> None:
        self.browser = browser
        self.contexts: dict[str, object] = {}
        self.on_failed = lambda request: None
        self.used: set[str] = set()
        self.own: list = []
        self.parked: dict[str, list] = {}  # a context's last page, on about:blank, until its next test opens one
        self.depth = 0
        self.tabs: dict[str, Tab] = {}  # `open_tab`: the module's tabs, by options
        self.tabs_used: set[str] = set()

    @contextlib.contextmanager
    def test(self, on_failed) -> Iterator:
        """For one test: yields `open_page(**options)`; `on_failed(request)` for each request that fails meanwhile."""
        self.depth += 1
        previous, self.on_failed = self.on_failed, on_failed
        try:
            yield self.open_page
        finally:
            self.depth -= 1
            if not self.depth:
                self._end_test()
            self.on_failed = previous

    def open_page(self, *, search: bool = True, **options):
        """A page in a context of `options` (the class's docstring says which); `search=False`: Material's search
        worker idle (NO_SEARCH_WORKER), for a test that neither searches nor checks what the worker loads."""
        key = json.dumps(options, sort_keys=True, default=str)
        if key in self.used:
            context = self._new_context(options)
            self.own.append(context)
            page = context.new_page()
        else:
            self.used.add(key)
            context = self.contexts.get(key)
            if context is None:
                context = self.contexts[key] = self._new_context(options)
            page = context.new_page()
            for parked in self.parked.pop(key, []):  # after the new page: its renderer serves the new one
                parked.close()
            page.add_init_script(FRESH_STORAGE)
        if not search:
            page.add_init_script(NO_SEARCH_WORKER)
        return page

    def open_tab(self, *, search: bool = True, **options):
        """The module's one tab with these context options (`open_page`'s), kept from test to test: a test's first
        page with the same options would be a new page in a new renderer process, whose first load of the site costs
        half as much again as a load in a tab that has loaded it before.

        It starts each test as a new context would, but for what the browser keeps of the site's files: no cookies, no
        permissions, no local or session storage of any origin it opened, on about:blank, with the context's colour
        scheme and viewport (see `Tab.reset`). What a test sets on the page object itself is kept: a test that adds an
        init script, a route or an event handler to its page, or emulates what `Tab.reset` does not restore, takes a
        page of `open_page`. `search=False`: Material's search worker never starts (NO_SEARCH_WORKER), for the tests
        that do not search. Asked for twice in one test, the same tab."""
        key = json.dumps({**options, "search (tab)": search}, sort_keys=True, default=str)
        tab = self.tabs.get(key)
        if tab is None:
            context = self._new_context(options)
            tab = self.tabs[key] = Tab(context, options, search=search)
        self.tabs_used.add(key)
        return tab.page

    def _new_context(self, options):
        context = self.browser.new_context(**options)
        context.on("requestfailed", lambda request: self.on_failed(request))
        return context

    def _end_test(self) -> None:
        for context in self.own:
            context.close()
        self.own = []
        for key in self.used:
            context = self.contexts[key]
            pages = [page for page in context.pages if not page.is_closed()]
            for page in pages[1:]:
                page.close()
            if pages:  # parked on a blank document until the next test's page is open (see the class's docstring)
                pages[0].goto("about:blank")
                self.parked[key] = pages[:1]
            context.clear_cookies()
            context.clear_permissions()
        self.used = set()
        for key in self.tabs_used:
            self.tabs[key].reset()
        self.tabs_used = set()

    def end_module(self) -> None:
        """After a test module: its contexts and tabs of other options than the defaults are closed (each keeps a
        renderer process, and few modules share options); those of the default options stay for the next module,
        whose first page then loads the site as a page of a context that has loaded it. A module whose tests change
        their context in a way the start of a test does not undo (Playwright's clock, which belongs to the context
        and cannot be unset) takes a pool of its own (tests/browser/test_sessions_browser.py)."""
        for key in [key for key in self.contexts if key != DEFAULT_OPTIONS]:
            self.contexts.pop(key).close()
            self.parked.pop(key, None)
        for key in [key for key, tab in self.tabs.items() if tab.options]:
            self.tabs.pop(key).context.close()

    def close(self) -> None:
        for context in self.contexts.values():
            context.close()
        self.contexts = {}
        for tab in self.tabs.values():
            tab.context.close()
        self.tabs = {}


#: what `Tab.reset` removes of each origin the tab opened (the HTTP cache stays: the site's files, compiled once)
ORIGIN_DATA = "cookies,local_storage,indexeddb,cache_storage,service_workers,file_systems"


class Tab:
    """One page kept from test to test in a context of its own (`ContextPool.open_tab`)."""

    def __init__(self, context, options: dict, *, search: bool) -> None:
        self.context = context
        self.options = options
        self.search = search
        self.origins: set[str] = set()
        self.page = self._new_page()

    def _new_page(self):
        page = self.context.new_page()
        if not self.search:
            page.add_init_script(NO_SEARCH_WORKER)
        page.on("framenavigated", self._opened)
        return page

    def _opened(self, frame) -> None:
        origin = _origin(frame.url)
        if origin:
            self.origins.add(origin)

    def reset(self) -> None:
        """As a new context starts: the test's other pages closed; the tab's session storage emptied, then the tab
        sent to about:blank (the last document's own handlers have run, so nothing it writes in local storage on
        leaving outlives the reset); the local storage, cookies, IndexedDB and caches of scripts of every origin it
        opened removed; the context's cookies and permissions cleared, and its colour scheme, media and viewport
        emulated again. Session storage belongs to a tab and an origin: a test that opened more than one origin (or
        left the tab elsewhere) gets a new tab, as it would a new context."""
        page = self.page
        for other in self.context.pages:
            if other is not page:
                other.close()
        if page.is_closed():
            self.page = page = self._new_page()
        here = _origin(page.url)
        replace = len(self.origins) > 1 or bool(self.origins and here not in self.origins)
        if here and not replace:
            try:
                page.evaluate("() => sessionStorage.clear()")
            except Exception:  # the document refuses (a sandboxed page, storage disabled by the test): a new tab
                replace = True
        if page.url != "about:blank":
            page.goto("about:blank")
        cdp = self.context.new_cdp_session(page)
        try:
            for origin in sorted(self.origins):
                cdp.send("Storage.clearDataForOrigin", {"origin": origin, "storageTypes": ORIGIN_DATA})
        finally:
            cdp.detach()
        self.origins.clear()
        self.context.clear_cookies()
        self.context.clear_permissions()
        if replace:
            page.close()
            self.page = self._new_page()
            return
        page.emulate_media(
            media="null",
            color_scheme=self.options.get("color_scheme", "light"),
            reduced_motion=self.options.get("reduced_motion", "no-preference"),
            forced_colors=self.options.get("forced_colors", "none"),
        )
        viewport = self.options.get("viewport", {"width": 1280, "height": 720})
        if viewport and page.viewport_size != viewport:
            page.set_viewport_size(viewport)


def _origin(url: str) -> str | None:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme in ("http", "https") else None


if __name__ == "__main__":
    serve_until_gone(Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]), int(sys.argv[4]) if sys.argv[4:] else 0)
