"""`mkdocs build` in a fresh process, without paying for its imports on every build of the test suite.

A test process starts this file once (`BuildServer`); it imports MkDocs, the theme and our plugins, then forks one
child per build. The child is what `python -m mkdocs build …` would be: its own working directory, environment,
time zone, standard output and error (files), exit status, and a traceback printed if the build raises. Only the
imports, compiled templates and the list of the installed theme's files are shared: nothing has been configured or
built before the fork. What a fork cannot vary is the hash
seed (PYTHONHASHSEED) of the process: a test that compares two builds for reproducibility passes `fresh=True`
to `sitebuilder.build_site`, which then runs a new interpreter as before.

Each request is one JSON line on standard input: {"cwd", "env", "args", "stdout", "stderr", "before", "timeout"}; the
answer is one JSON line with the exit status. Standard input closed: the server ends. "before" is Python code the
child runs before the build (what `python -c "<before>; <mkdocs>" build …` would run first), "" for none; "timeout"
the seconds after which the child is ended by SIGALRM (its status then -SIGALRM), 0 for none.
"""

from __future__ import annotations

import atexit
import contextlib
import gc
import importlib
import json
import logging
import math
import os
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time
import traceback
from pathlib import Path
from types import SimpleNamespace
from typing import Any

#: what a build of the test sites imports (each skipped if it is not installed)
PRELOAD = (
    "mkdocs.__main__",
    "mkdocs.commands.build",
    "mkdocs.config.defaults",
    "mkdocs.structure.pages",
    "material.plugins.search.plugin",
    "material.templates",
    "markdown",
    "markdown.extensions.admonition",
    "markdown.extensions.attr_list",
    "markdown.extensions.md_in_html",
    "markdown.extensions.toc",
    "markdown.extensions.tables",
    "markdown.extensions.abbr",
    "markdown.extensions.footnotes",
    "pymdownx.superfences",
    "pymdownx.highlight",
    "pymdownx.inlinehilite",
    "pymdownx.details",
    "pymdownx.tabbed",
    "pymdownx.arithmatex",
    "pymdownx.keys",
    "pymdownx.tasklist",
    "pymdownx.emoji",
    "pymdownx.snippets",
    "pymdownx.blocks",
    "pygments.lexers.python",
    "pygments.formatters.html",
    "jinja2",
    "babel.dates",
    "yaml",
    "smartshare.curriculum.plugin",
    "smartshare.quiz.plugin",
    "smartshare.feedback.plugin",
    "smartshare.intranet.plugin",
    "smartshare.mentor.plugin",
    "smartshare.rich.plugin",
    "smartshare.certificate.plugin",
    "smartshare.sitecheck",
    # what the example-shaped sites import on first use (blocks and captions, calendars, the cache, the handouts'
    # plugin without its PDFs, code blocks): 0.1-0.4 s of each such build, pymdownx.blocks' patterns most of it
    "pymdownx.blocks.html",
    "pymdownx.blocks.caption",
    "pymdownx.mark",
    "markdown.extensions.fenced_code",
    "markdown.extensions.codehilite",
    "markdown.extensions.def_list",
    "icalendar",
    "smartshare.cache.plugin",
    "smartshare.feedback.checks",
    "smartshare.handouts.plugin",
)

#: the languages of the code blocks our pages and the test sites hold (the curriculum's reference page: YAML); a
#: lexer's patterns are compiled by its class's first use, once per process
LEXERS = ("yaml", "python", "text")


def preload() -> None:
    for name in PRELOAD:
        # not installed, or not importable here: the build imports it (or fails) itself
        with contextlib.suppress(Exception):
            importlib.import_module(name)
    load_data()


def load_data() -> None:
    """What a build loads on first use from the installed packages' own files, the same for every build, loaded here
    once rather than by each: jieba's dictionary (Material's search segments every run of Chinese characters with
    it, in any language: 0.8 s of CPU in each build process that meets one, a fifth of a cold build of the example),
    the index of the theme's icons (`material.extensions.emoji`, read by every page of a site with
    `smartshare/rich`: 0.1 s) and the code blocks' lexers (`LEXERS`: 0.01-0.06 s each). Each is what the build's own
    first call would compute, kept as that call keeps it (jieba's tokenizer, `functools.lru_cache`, the lexer's
    class); a build that sets another dictionary loads that one itself."""
    with contextlib.suppress(Exception):  # not installed: the build does without, as it would
        import jieba

        level = jieba.default_logger.level
        jieba.setLogLevel(logging.WARNING)  # its "Building prefix dict…" lines belong to no build
        try:
            jieba.initialize()
        finally:
            jieba.setLogLevel(level)
    with contextlib.suppress(Exception):
        from material.extensions.emoji import _load_twemoji_index

        _load_twemoji_index(())  # the index of `twemoji` without custom icons, as pymdownx.emoji asks for it
    with contextlib.suppress(Exception):
        from pygments.lexers import get_lexer_by_name

        for name in LEXERS:  # its token table, kept on the class (`RegexLexerMeta`) as the first call keeps it
            get_lexer_by_name(name)


def share_compiled_templates(folder: str) -> None:
    """Every Jinja environment of a build without a bytecode cache of its own gets this server's, in `folder`: made
    without one, or set to None later (without `smartshare/cache`, our search defaults' environment: the theme's
    translations, compiled again in every build before: 7 % of a small site's build).

    Compiling the theme's and our templates was almost half the time of a build of a small test site, every build
    compiling the same files again. The cache is the one `smartshare/cache` keeps between a site's builds
    (`TemplateBytecode`): its key holds the environment as the compiler sees it, Python's, Jinja's and our code's
    versions, and Jinja checks the stored template against its source, so a build gets the code it would have
    compiled. A build with `smartshare/cache` uses that plugin's own cache (it replaces this one), as it would."""
    try:
        import jinja2

        from smartshare.cache.bytecode import TemplateBytecode
    except ImportError:  # not installed here: each build compiles its templates
        return
    shared = TemplateBytecode(folder, lambda path, reason: None)  # an unreadable entry: compiled again
    shared.get_bucket(jinja2.Environment(), "warm-up", None, "")  # its versions and our code's digest: once, here

    class SharedUnlessOwn:
        """`Environment.bytecode_cache`: the environment's own, this server's while it has none (None, as it is made
        without one or set later: our plugins set the `smartshare/cache` plugin's, None without that plugin)."""

        def __get__(self, env: jinja2.Environment | None, owner: type | None = None) -> Any:
            if env is None:
                return self
            own = env.__dict__.get("_own_bytecode_cache")
            return shared if own is None else own

        def __set__(self, env: jinja2.Environment, value: Any) -> None:
            env.__dict__["_own_bytecode_cache"] = value

    jinja2.Environment.bytecode_cache = SharedUnlessOwn()  # type: ignore[assignment]


def share_theme_listing(theme: str = "material") -> None:
    """Every build's list of the installed theme's files is the one this server walked once.

    MkDocs asks Jinja for every file of every theme folder in each build (`Files.add_files_from_theme`), to publish
    the static ones: mkdocs-material's folder holds 14,500 files (its icons), a walk of 0.05 s of CPU, about a sixth of
    a build of a small test site, each build walking the same installed files again. The list is what Jinja's own
    `list_templates` gives for that folder (a package the run never changes); a site's own theme folder, and any other,
    is walked by each build as before."""
    try:
        import jinja2
        from mkdocs.utils import get_theme_dir

        installed = get_theme_dir(theme)
    except Exception:  # not installed here: each build walks it
        return
    walk = jinja2.FileSystemLoader.list_templates
    listed = walk(jinja2.FileSystemLoader([installed]))

    def list_templates(self: jinja2.FileSystemLoader) -> list[str]:
        found: set[str] = set()
        for searchpath in self.searchpath:
            if searchpath == installed and not self.followlinks:
                found.update(listed)
            else:
                found.update(walk(jinja2.FileSystemLoader([searchpath], followlinks=self.followlinks)))
        return sorted(found)

    jinja2.FileSystemLoader.list_templates = list_templates  # type: ignore[method-assign]
    skip_unpublished(installed, listed)


def skip_unpublished(installed: str, listed: list[str]) -> None:
    """MkDocs' filter of the theme's files to publish (`Files.add_files_from_theme`) is not asked again, in each
    build, about the installed theme's files it refuses whatever the site's configuration: 14,348 of its 14,509
    (`.icons/`): a fifth of a small site's build was that filter.

    The filter refuses a name matching any of its patterns: its own, the Markdown extensions' and the theme's static
    templates. Asked here with no static template, it refuses a name that it refuses for every theme. The names it
    refused are then left out before it is asked, when the filter is that very function (its code) and the Markdown
    extensions are those it was asked with; the other names are asked as before."""
    try:
        import jinja2
        from mkdocs import utils
        from mkdocs.structure.files import Files
    except Exception:  # not installed here: each build asks about every file
        return
    found: list[Any] = []

    class Asked:  # an environment that only notes the filter MkDocs hands it
        def list_templates(self, filter_func: Any = None) -> list[str]:
            found.append(filter_func)
            return []

    no_static = SimpleNamespace(theme=SimpleNamespace(static_templates=[], dirs=[]))
    try:
        Files([]).add_files_from_theme(Asked(), no_static)  # type: ignore[arg-type]
        [published] = found
        refused = frozenset(name for name in listed if not published(name))
    except Exception:  # another MkDocs: each build asks about every file
        return
    code, markdown = published.__code__, tuple(utils.markdown_extensions)
    ask = jinja2.Environment.list_templates

    def list_templates(self: jinja2.Environment, extensions: Any = None, filter_func: Any = None) -> list[str]:
        if (
            extensions is None
            and getattr(filter_func, "__code__", None) is code
            and tuple(utils.markdown_extensions) == markdown
            and isinstance(self.loader, jinja2.FileSystemLoader)
            and installed in self.loader.searchpath
        ):
            return [name for name in self.loader.list_templates() if name not in refused and filter_func(name)]
        return ask(self, extensions, filter_func)

    jinja2.Environment.list_templates = list_templates  # type: ignore[method-assign]


def run_child(request: dict) -> None:
    """In the forked child: become `python -m mkdocs <args>` and exit with its status."""
    code = 1
    try:
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        time.tzset()  # TZ from the new environment, as a new process reads it
        for fd, path in ((1, request["stdout"]), (2, request["stderr"])):
            target = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
            os.dup2(target, fd)
            os.close(target)
        nothing = os.open(os.devnull, os.O_RDONLY)  # no input, as `subprocess.run` without `input` gives none
        os.dup2(nothing, 0)
        os.close(nothing)
        sys.argv = [sys.argv[0], *request["args"]]
        if request.get("timeout"):  # a build still running then is ended as a timed-out subprocess would be
            signal.alarm(math.ceil(request["timeout"]))
        if request.get("before"):
            exec(compile(request["before"], "<before>", "exec"), {"__name__": "__main__"})
        from mkdocs.__main__ import cli

        try:
            cli.main(args=request["args"], prog_name="mkdocs", standalone_mode=True)
            code = 0
        except SystemExit as exit:
            code = exit.code if isinstance(exit.code, int) else (0 if exit.code is None else 1)
        except BaseException:  # what the interpreter prints for an uncaught exception
            traceback.print_exc()
            code = 1
    finally:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(code)


def main() -> None:
    answers = os.fdopen(os.dup(1), "w")  # the answers' own channel: whatever an import prints goes to stderr
    os.dup2(2, 1)
    preload()
    templates = tempfile.TemporaryDirectory(prefix="smartshare-templates-")
    share_compiled_templates(templates.name)
    share_theme_listing()
    # What the server imported stays as it is in every child: frozen, Python's collections in the children (each a
    # build) no longer walk those objects again, nor copy the pages they sit on (about 5 % of a small site's build).
    gc.freeze()
    for line in sys.stdin:
        request = json.loads(line)
        pid = os.fork()
        if pid == 0:
            answers.close()
            run_child(request)
        _, status = os.waitpid(pid, 0)
        answers.write(json.dumps({"code": os.waitstatus_to_exitcode(status)}) + "\n")
        answers.flush()


class BuildServer:
    """The test process's side: one server per process, started on the first build."""

    _shared: BuildServer | None = None

    def __init__(self) -> None:
        #: the hash seed of every build forked here (the environment's, when it fixes one): a test comparing two builds
        #: for reproducibility compares it with the first build's (`examplesite.ExampleBuild.hash_seed`)
        self.hash_seed = os.environ.get("PYTHONHASHSEED", "")
        if not self.hash_seed.isdigit():
            self.hash_seed = str(random.SystemRandom().randrange(1, 2**32))
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONHASHSEED": self.hash_seed}
        self._lock = threading.Lock()
        self._process = subprocess.Popen(
            [sys.executable, __file__], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env
        )
        atexit.register(self.close)

    @classmethod
    def shared(cls) -> BuildServer:
        if cls._shared is None or cls._shared._process.poll() is not None:
            cls._shared = cls()
        return cls._shared

    def run(self, cwd: Path | str, args: list[str], env: dict[str, str]) -> tuple[int, str]:
        """`python -m mkdocs <args>` in `cwd` with exactly `env`: its exit status, and its output then its errors."""
        code, out, err = self.run_apart(cwd, args, env)
        return code, out + err

    def run_apart(
        self, cwd: Path | str, args: list[str], env: dict[str, str], before: str = "", timeout: float = 0
    ) -> tuple[int, str, str]:
        """`run`, with the output and the errors apart; `before`: code the build's process runs first; `timeout`:
        the seconds after which it is ended (its status then -SIGALRM)."""
        with self._lock, tempfile.TemporaryDirectory(prefix="smartshare-build-") as tmp:
            out, err = os.path.join(tmp, "stdout"), os.path.join(tmp, "stderr")
            request = {
                "cwd": str(cwd),
                "env": dict(env),
                "args": list(args),
                "stdout": out,
                "stderr": err,
                "before": before,
                "timeout": timeout,
            }
            assert self._process.stdin is not None and self._process.stdout is not None
            self._process.stdin.write(json.dumps(request) + "\n")
            self._process.stdin.flush()
            answer = self._process.stdout.readline()
            if not answer:
                raise RuntimeError("the build server ended (see its errors above)")
            code = json.loads(answer)["code"]
            texts = []
            for path in (out, err):
                with open(path, encoding="utf-8", errors="replace") as handle:  # as `text=True` would decode
                    texts.append(handle.read())
        return code, texts[0], texts[1]

    def close(self) -> None:
        if self._process.poll() is None:
            assert self._process.stdin is not None
            self._process.stdin.close()
            try:
                self._process.wait(10)
            except subprocess.TimeoutExpired:
                self._process.kill()


if __name__ == "__main__":
    main()
