"""`make bench`: build synthetic curricula with Smartshare and with plain mkdocs-material, and check the budget.

For each size: generate a curriculum (benchmarks/generate.py), write two configurations next to it, build them
in alternation (`--runs` times each, a fresh site folder every time), time `smartshare check`, then time an edit
seen through `mkdocs serve`. Prints one Markdown table of medians and the budget, saves them in benchmarks/out/,
and with `--readme` (the default when run with the default sizes) writes them into README.md between the
benchmark markers. Exit status 1 when a budget does not hold.

Only public tools: Python's timers, `os.wait4` for a build's peak memory (ru_maxrss), `gzip` for asset sizes.
"""

from __future__ import annotations

import argparse
import compileall
import datetime as dt
import gzip
import json
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import asdict, dataclass, field
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))
from benchmarks.example_shaped import generate_example_shaped  # noqa: E402
from benchmarks.generate import break_links, generate  # noqa: E402

DEFAULT_SIZES = (200, 2000)
QUICK_SIZES = (250,)  # `make bench-quick`: one size, one run of each build, no preview, while developing
# the synthetic curriculum (generate.py) and one made of the example's own modules (example_shaped.py)
SHAPES = {"synthetic": generate, "example": generate_example_shaped}
SOURCE_DATE_EPOCH = "1790000000"  # 2026-09-21, the generator's "today"
VARIANTS = ("baseline", "smartshare")
ONE_CORE = "one-core"  # the Smartshare build with smartshare/cache's workers off: every page rendered in one process
BROKEN = "broken-links"  # the Smartshare build of the same curriculum with broken links (1 for 10 modules)
BROKEN_PER_MODULE = 0.1  # 200 broken links at 2,000 modules
WARM = "warm"  # the Smartshare build again with its cache (smartshare/cache) kept and one module edited
README_START, README_END = "<!-- benchmark:start -->", "<!-- benchmark:end -->"
ASSET_PACKAGES = ("quiz", "feedback", "mentor")  # whose assets a learner page loads share the 6 KB gzipped budget
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH, "PYTHONUNBUFFERED": "1"}
# the PDF handouts (opt-in, about 0.5 s of CPU per PDF) are left out of the build budget; README, "Exports"
ENV.setdefault("SMARTSHARE_HANDOUTS", "false")


# -- configurations ------------------------------------------------------------------------------------------


@dataclass
class _Tagged:
    """A YAML value with a tag (`!ENV`, `!!python/name:`), carried through unchanged into the copied config."""

    tag: str
    value: object


class _Loader(yaml.SafeLoader):
    pass


class _Dumper(yaml.SafeDumper):
    pass


def _construct_tagged(loader, suffix, node):
    if isinstance(node, yaml.ScalarNode):
        return _Tagged(node.tag, loader.construct_scalar(node))
    if isinstance(node, yaml.SequenceNode):
        return _Tagged(node.tag, loader.construct_sequence(node, deep=True))
    return _Tagged(node.tag, loader.construct_mapping(node, deep=True))


def _represent_tagged(dumper, data: _Tagged):
    if isinstance(data.value, list):
        return dumper.represent_sequence(data.tag, data.value)
    if isinstance(data.value, dict):
        return dumper.represent_mapping(data.tag, data.value)
    return dumper.represent_scalar(data.tag, data.value)


_Loader.add_multi_constructor("!", _construct_tagged)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", _construct_tagged)
_Dumper.add_representer(_Tagged, _represent_tagged)


def site_config(path: Path = REPO / "mkdocs.yml") -> dict:
    with open(path, encoding="utf-8") as handle:
        return yaml.load(handle, Loader=_Loader)


def _name(entry) -> str:
    return next(iter(entry)) if isinstance(entry, dict) else str(entry)


def smartshare_config(site: dict, languages: list[str] | None = None) -> dict:
    """The site's own mkdocs.yml (plugins, extensions, theme) with the synthetic curriculum as docs_dir, in one
    language (the example's `languages` left out) or in `languages`."""
    config = {k: v for k, v in site.items() if k != "nav"}
    config.update(docs_dir="curricula", site_dir="site-smartshare")
    config["plugins"] = [_with_languages(p, languages) for p in config.get("plugins") or []]
    theme = dict(config.get("theme") or {})
    if isinstance(theme.get("custom_dir"), str):
        theme["custom_dir"] = str((REPO / theme["custom_dir"]).resolve())
    config["theme"] = theme
    return config


def baseline_config(site: dict) -> dict:
    """Plain mkdocs-material on the same Markdown: pruned navigation, search, our extensions left out, and the
    Markdown extensions smartshare/rich adds (highlighting, tabs, …) listed the way the theme's documentation does."""
    theme = site.get("theme") or {}
    extensions = [e for e in site.get("markdown_extensions") or [] if not _name(e).startswith("smartshare")]
    if any(_name(p) == "smartshare/rich" for p in site.get("plugins") or []):
        extensions = _with_rich_extensions(extensions)
    return {
        "site_name": site.get("site_name", "Baseline"),
        "docs_dir": "curricula",
        "site_dir": "site-baseline",
        "theme": {
            "name": "material",
            "language": theme.get("language", "en"),
            "font": False,
            "features": ["navigation.prune"],
        },
        "plugins": ["search"],
        "markdown_extensions": extensions,
    }


def _with_rich_extensions(extensions: list) -> list:
    from smartshare.rich.extensions import extensions as rich_extensions

    table = rich_extensions(diagrams=True, maths=True)
    kept = [e for e in extensions if _name(e) not in table]
    return kept + [{name: _yaml_value(settings)} if settings else name for name, settings in table.items()]


def _yaml_value(value):
    """Settings for mkdocs.yml: functions become `!!python/name:` tags, as the theme's documentation writes them."""
    if callable(value):
        return _Tagged(f"tag:yaml.org,2002:python/name:{value.__module__}.{value.__name__}", "")
    if isinstance(value, dict):
        return {k: _yaml_value(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_yaml_value(v) for v in value]
    return value


def _with_languages(plugin, languages: list[str] | None):
    """The plugins entry of smartshare/curriculum with `languages` set (or left out); any other entry as it is."""
    if _name(plugin) != "smartshare/curriculum":
        return plugin
    settings = (
        {k: v for k, v in ((plugin or {}).get("smartshare/curriculum") or {}).items() if k != "languages"}
        if (isinstance(plugin, dict))
        else {}
    )
    if languages:
        settings["languages"] = languages
    return {"smartshare/curriculum": settings} if settings else "smartshare/curriculum"


def _one_core(plugin):
    """The plugins entry of smartshare/cache with its workers turned off (any other entry as it is)."""
    if _name(plugin) != "smartshare/cache":
        return plugin
    settings = plugin["smartshare/cache"] if isinstance(plugin, dict) else {}
    return {"smartshare/cache": {**(settings or {}), "workers": 1}}


def translation_patterns(curricula: Path) -> str:
    """`exclude_docs` patterns for the translations in `curricula` (`*.fr.md`, …): a one-language Smartshare build
    publishes none of them, so the baseline of the same Markdown leaves them out too."""
    from smartshare.core.translations import split_translation

    found = (split_translation(p.relative_to(curricula).as_posix()) for p in curricula.rglob("*.md"))
    return "".join(f"*.{lang}.md\n" for lang in sorted({t[1] for t in found if t}))


def write_configs(folder: Path) -> dict[str, Path]:
    site = site_config()
    paths = {}
    ours = smartshare_config(site)
    one_core = {**ours, "plugins": [_one_core(p) for p in ours["plugins"]], "site_dir": "site-one-core"}
    baseline = baseline_config(site)
    if excluded := translation_patterns(folder / "curricula"):
        baseline["exclude_docs"] = excluded
    for variant, config in (("baseline", baseline), ("smartshare", ours), (ONE_CORE, one_core)):
        paths[variant] = folder / f"{variant}.yml"
        paths[variant].write_text(
            yaml.dump(config, Dumper=_Dumper, sort_keys=False, allow_unicode=True), encoding="utf-8"
        )
    return paths


# -- measuring -----------------------------------------------------------------------------------------------


@dataclass
class Measure:
    seconds: float
    cpu_seconds: float  # user + system: less disturbed than wall time when other work shares the cores
    peak_mb: float
    returncode: int
    log: str


def measure(command: list[str], cwd: Path, log: Path) -> Measure:
    """Wall time, CPU time and peak resident memory of one command, its output kept in `log`.

    The CPU time is the command's user + system time and that of the processes it waited for (Linux's wait4 reports
    both, as a shell's `time` does), so work done in a pool of worker processes is counted."""
    with open(log, "w", encoding="utf-8") as out:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=ENV, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    return Measure(
        seconds,
        usage.ru_utime + usage.ru_stime,
        usage.ru_maxrss / 1024,
        process.returncode,
        log.read_text(encoding="utf-8"),
    )


@dataclass
class BuildResult:
    seconds: float
    cpu_seconds: float
    peak_mb: float
    output_mb: float
    html_kb: float  # median HTML of a module page
    search_kb: float
    warnings: int
    page_weight_kb: float = 0.0  # a module page and the scripts and stylesheets it loads (smartshare/rich: none)
    rich_libraries: int = 0  # module pages that load Mermaid or KaTeX (the synthetic modules have no diagram)
    # the assets of ASSET_PACKAGES the heaviest module page loads: gzipped bytes by package/file (None: not measured)
    learner_assets: dict[str, int] | None = None


def build(folder: Path, variant: str, config: Path, module_ids: list[str], keep_cache: bool = False) -> BuildResult:
    site = folder / f"site-{variant}"
    shutil.rmtree(site, ignore_errors=True)  # outside the timing: both variants start from nothing
    if not keep_cache:
        shutil.rmtree(folder / ".cache", ignore_errors=True)  # a cold build: smartshare/cache starts empty
    run = measure(
        [sys.executable, "-m", os.environ.get("SMARTSHARE_DOCS_TOOL", "mkdocs"), "build", "-f", config.name],
        folder,
        folder / f"{variant}.log",
    )
    if run.returncode != 0:
        raise SystemExit(f"{variant} build of {folder.name} failed:\n{run.log[-3000:]}")
    pages = [site / mid / "index.html" for mid in module_ids]
    index = site / "search" / "search_index.json"
    return BuildResult(
        seconds=run.seconds,
        cpu_seconds=run.cpu_seconds,
        peak_mb=run.peak_mb,
        output_mb=sum(f.stat().st_size for f in site.rglob("*") if f.is_file()) / 1e6,
        html_kb=statistics.median(p.stat().st_size for p in pages) / 1e3,
        search_kb=(index.stat().st_size / 1e3) if index.exists() else 0.0,
        warnings=sum(1 for line in run.log.splitlines() if line.startswith(("WARNING", "ERROR"))),
        page_weight_kb=statistics.median(page_weight(site, p)[0] for p in pages[:20]) / 1e3,
        rich_libraries=sum(page_weight(site, p)[1] for p in pages),
        learner_assets=learner_assets(site, pages[:20]),
    )


ASSET_REFERENCE = re.compile(r'<script[^>]*\ssrc="([^"]+)"|<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"')


def page_weight(site: Path, page: Path) -> tuple[int, bool]:
    """Bytes of a page plus the local scripts and stylesheets it references, and whether it loads a library of
    smartshare/rich (Mermaid, KaTeX), which only pages with diagrams or formulas should."""
    html = page.read_text(encoding="utf-8")
    total = len(html.encode("utf-8"))
    for match in ASSET_REFERENCE.finditer(html):
        target = (page.parent / (match.group(1) or match.group(2)).split("?")[0]).resolve()
        if target.is_file() and site.resolve() in target.parents:
            total += target.stat().st_size
    return total, "data-smartshare-provides" in html or "/vendor/mermaid/" in html or "/vendor/katex/" in html


def time_check(folder: Path, config: Path, curricula: str = "curricula") -> Measure:
    """`smartshare check` of the folder's curriculum: its wall and CPU time (the budget is judged on CPU time)."""
    command = [str(Path(sys.executable).with_name("smartshare")), "check", curricula, "-f", config.name]
    run = measure(command, folder, folder / f"check-{curricula}.log")
    if run.returncode != 0:
        raise SystemExit(f"smartshare check of {folder.name} failed:\n{run.log[-3000:]}")
    return run


NO_SESSIONS = "curricula-without-sessions"  # the same curriculum without sessions.yml: what the sessions cost check


def count_sessions(root: Path) -> int:
    """Items of sessions.yml (the generators write each as `- id: …` at the start of a line)."""
    path = root / "sessions.yml"
    if not path.is_file():
        return 0
    return sum(1 for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("- id:"))


def without_sessions(folder: Path) -> str:
    """A copy of the folder's curriculum without its sessions.yml (a copy: the loader refuses links leading out)."""
    copy = folder / NO_SESSIONS
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(folder / "curricula", copy, ignore=shutil.ignore_patterns("sessions.yml"))
    return NO_SESSIONS


# -- preview through mkdocs serve ----------------------------------------------------------------------------


def serve_flags(makefile: Path = REPO / "Makefile") -> list[str]:
    """The flags `make serve` gives mkdocs serve, minus the address, so the benchmark follows the Makefile."""
    line = next((text for text in makefile.read_text(encoding="utf-8").splitlines() if "mkdocs serve" in text), "")
    flags = line.split("mkdocs serve", 1)[-1].split()
    kept, skip = [], False
    for flag in flags:
        if skip or flag in ("--dev-addr", "-a"):
            skip = not skip
            continue
        kept.append(flag)
    return kept


@dataclass
class Preview:
    flags: str
    first_build_s: float
    body_edit_s: float | None  # edit of a module's Markdown until the served page has it
    title_edit_s: float | None  # edit of a module's title until its track page shows it
    title_on_module_page: bool


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return None


def _wait_for(url: str, text: str, timeout: float) -> float | None:
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        page = _get(url)
        if page is not None and text in page:
            return time.perf_counter() - start
        time.sleep(0.05)
    return None


def measure_preview(folder: Path, config: Path, module_id: str, timeout: float = 30.0) -> Preview:
    """Start the serve command the README documents, edit one module twice, time until the server shows it."""
    flags = serve_flags()
    port = _free_port()
    base = f"http://127.0.0.1:{port}/"
    command = [
        sys.executable,
        "-m",
        os.environ.get("SMARTSHARE_DOCS_TOOL", "mkdocs"),
        "serve",
        "-f",
        config.name,
        "--dev-addr",
        f"127.0.0.1:{port}",
        *flags,
    ]
    source = folder / "curricula" / f"{module_id}.md"
    original = source.read_text(encoding="utf-8")
    track_id = module_id.split("/")[0]
    with open(folder / "serve.log", "w", encoding="utf-8") as log:
        start = time.perf_counter()
        server = subprocess.Popen(command, cwd=folder, env=ENV, stdout=log, stderr=subprocess.STDOUT)
        try:
            first = _wait_for(base + module_id + "/", "</html>", timeout=900)
            if first is None:
                raise SystemExit(f"mkdocs serve never served {module_id}: see {folder / 'serve.log'}")
            first = time.perf_counter() - start
            time.sleep(1.0)  # let the watcher settle after the first build
            marker = f"Edited for the benchmark {int(time.time())}"
            source.write_text(original + f"\n{marker}\n", encoding="utf-8")
            body = _wait_for(base + module_id + "/", marker, timeout)
            time.sleep(1.0)
            title = re.search(r"^title: (.*)$", original, re.M).group(1)
            new_title = f"{title} renamed {int(time.time())}"
            source.write_text(original.replace(f"title: {title}", f"title: {new_title}", 1), encoding="utf-8")
            on_track = _wait_for(base + track_id + "/", new_title, timeout)
            on_module = _wait_for(base + module_id + "/", new_title, 5) is not None
        finally:
            server.send_signal(2)  # SIGINT, as Ctrl-C: mkdocs serve removes its temporary site folder
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
            source.write_text(original, encoding="utf-8")
    return Preview(" ".join(flags), first, body, on_track, on_module)


# -- assets --------------------------------------------------------------------------------------------------


def package_assets() -> dict[str, str]:
    """The scripts and stylesheets of ASSET_PACKAGES, as the site serves them (`assets/smartshare/<name>`) → their
    `package/name`."""
    owners = {}
    for package in ASSET_PACKAGES:
        folder = REPO / "plugins" / "smartshare" / package / "assets"
        for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
            if path.is_file() and path.suffix in (".js", ".css"):
                owners[f"assets/smartshare/{path.relative_to(folder).as_posix()}"] = f"{package}/{path.name}"
    return owners


def learner_assets(site: Path, pages: list[Path]) -> dict[str, int]:
    """Gzipped bytes of each asset of ASSET_PACKAGES that a learner page loads, as a browser downloads them: the
    scripts and stylesheets the heaviest of `pages` references (the mentor area's own assets load on its pages
    only, so they are not in a learner's budget). Empty when no page loads any (a plain-Material build)."""
    owners = package_assets()
    heaviest: dict[str, int] = {}
    for page in pages:
        if not page.is_file():
            continue
        sizes = {}
        for match in ASSET_REFERENCE.finditer(page.read_text(encoding="utf-8")):
            target = (page.parent / (match.group(1) or match.group(2)).split("?")[0]).resolve()
            try:
                served = target.relative_to(site.resolve()).as_posix()
            except ValueError:
                continue
            if served in owners and target.is_file():
                sizes[owners[served]] = len(gzip.compress(target.read_bytes(), 9))
        if sum(sizes.values()) > sum(heaviest.values()):
            heaviest = sizes
    return heaviest


def asset_sizes(results: list[SizeResult]) -> dict[str, int] | None:
    """The learner page's assets of the Smartshare builds measured (the heaviest), or None if none measured them
    (results written before they were)."""
    measured = [
        b.learner_assets for r in results for b in r.builds.get("smartshare", []) if b.learner_assets is not None
    ]
    return max(measured, key=lambda sizes: sum(sizes.values())) if measured else None


# -- the run -------------------------------------------------------------------------------------------------


@dataclass
class SizeResult:
    modules: int
    shape: str = "synthetic"
    builds: dict[str, list[BuildResult]] = field(default_factory=dict)
    check_s: list[float] = field(default_factory=list)  # wall times of `smartshare check`
    preview: Preview | None = None
    broken_links: int = 0  # in the BROKEN build
    sessions: int = 0  # items of the curriculum's sessions.yml (2.5 per module)
    check_cpu_s: list[float] = field(default_factory=list)  # CPU times of `smartshare check`, sessions included
    check_without_sessions_cpu_s: list[float] = field(default_factory=list)  # the same curriculum without them

    def broken_ratio(self, name: str) -> float | None:
        """The build with broken links against the same build without them (None in results from before)."""
        if not self.builds.get(BROKEN):
            return None
        return self.median(BROKEN, name) / self.median("smartshare", name)

    def median(self, variant: str, name: str) -> float:
        """The least of the runs (not their median, despite the name kept for older results): on a shared machine
        other work only ever adds time, so the fastest of alternated runs is the closest to the build's own cost."""
        return min(getattr(b, name) for b in self.builds[variant])

    def ms_per_module(self, variant: str) -> float:
        return self.median(variant, "cpu_seconds") * 1000 / self.modules

    def ratio(self, name: str) -> float:
        return self.median("smartshare", name) / max(self.median("baseline", name), 1e-9)


def warm_build(folder: Path, config: Path, module_ids: list[str], index: int, shape: str, say) -> BuildResult:
    """Right after a cold Smartshare build of the same configuration, with one module edited as an author would."""
    edited = folder / "curricula" / f"{module_ids[len(module_ids) // 2]}.md"
    original = edited.read_text(encoding="utf-8")
    edited.write_text(original + f"\nEdited before warm build {index + 1}.\n", encoding="utf-8")
    try:
        built = build(folder, "smartshare", config, module_ids, keep_cache=True)
    finally:
        edited.write_text(original, encoding="utf-8")
    say(f"  {shape}, run {index + 1}, {WARM}: {built.seconds:.1f} s wall, {built.cpu_seconds:.1f} s CPU")
    return built


def run_size(
    size: int, runs: int, out: Path, preview: bool, say, shape: str = "synthetic", check: bool = True
) -> SizeResult:
    folder = out / (f"size-{size}" if shape == "synthetic" else f"{shape}-{size}")
    folder.mkdir(parents=True, exist_ok=True)
    make = SHAPES[shape]
    module_ids = make(folder / "curricula", size)
    configs = write_configs(folder)
    broken = folder / BROKEN  # the same curriculum (same seed), then links broken as renaming modules breaks them
    make(broken / "curricula", size)
    result = SizeResult(size, shape, {v: [] for v in (*VARIANTS, ONE_CORE, BROKEN, WARM)})
    result.sessions = count_sessions(folder / "curricula")
    bare = without_sessions(folder) if check and result.sessions else None
    result.broken_links = len(break_links(broken / "curricula", module_ids, round(size * BROKEN_PER_MODULE)))
    builds = {v: (folder, configs[v]) for v in (*VARIANTS, ONE_CORE)}
    builds[BROKEN] = (broken, write_configs(broken)["smartshare"])
    for index in range(runs):
        order = list(builds) if index % 2 == 0 else list(builds)[::-1]  # alternate, so a slower moment hits all
        for variant in order:
            where, config = builds[variant]
            built = build(where, "smartshare" if variant == BROKEN else variant, config, module_ids)
            result.builds[variant].append(built)
            say(
                f"  {shape} {size}, run {index + 1}/{runs}, {variant}: {built.seconds:.1f} s wall, "
                f"{built.cpu_seconds:.1f} s CPU, {built.peak_mb:.0f} MB"
            )
            if variant == "smartshare":  # its cache is the one the warm build must find, whatever the order
                result.builds[WARM].append(warm_build(folder, configs["smartshare"], module_ids, index, shape, say))
        if check:
            checked = time_check(folder, configs["smartshare"])
            result.check_s.append(checked.seconds)
            result.check_cpu_s.append(checked.cpu_seconds)
            if bare:  # alternated with the check above, so the difference is what the sessions cost
                result.check_without_sessions_cpu_s.append(time_check(folder, configs["smartshare"], bare).cpu_seconds)
            say(f"  {shape} {size}, run {index + 1}/{runs}, check: {checked.cpu_seconds:.2f} s CPU")
    for variant in (*VARIANTS, ONE_CORE):
        shutil.rmtree(folder / f"site-{variant}", ignore_errors=True)  # up to a few hundred MB each
    shutil.rmtree(broken / "site-smartshare", ignore_errors=True)
    shutil.rmtree(folder / NO_SESSIONS, ignore_errors=True)
    if preview:
        middle = module_ids[len(module_ids) // 2]
        result.preview = measure_preview(folder, configs["smartshare"], middle)
        say(f"  {size} modules, preview: edit shown in {_seconds(result.preview.body_edit_s)}")
    return result


# -- a curriculum in two languages ----------------------------------------------------------------------------

LANGUAGES = ["en", "fr"]  # the two-language curriculum: every module translated (`<id>.fr.md`)
TWO_LANGUAGES = "two-languages"


def translate_modules(curricula: Path, module_ids: list[str], lang: str = "fr") -> None:
    """`<id>.fr.md` next to each module: its text fields marked as French, `translated_from` the repository's
    commit (a translation up to date), its body and quizzes unchanged (same work to render as a translation's)."""
    from smartshare.core.frontmatter import split_front_matter
    from smartshare.core.translations import TEXT_FIELDS, TRANSLATED_FROM

    head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True)
    commit = head.stdout.strip() or "0000000"
    for module_id in module_ids:
        source = (curricula / f"{module_id}.md").read_text(encoding="utf-8")
        split = split_front_matter(source)
        meta = yaml.safe_load(split.yaml_text or "") or {}
        fields = {k: meta[k] for k in TEXT_FIELDS if k in meta}
        fields["title"] = f"{fields.get('title', module_id)} (fr)"
        fields[TRANSLATED_FROM] = commit
        front = yaml.safe_dump(fields, allow_unicode=True, sort_keys=False)
        (curricula / f"{module_id}.{lang}.md").write_text(f"---\n{front}---\n{split.body}", encoding="utf-8")


def plain_language_copy(curricula: Path, target: Path, lang: str = "fr") -> None:
    """The baseline's second site: the curriculum with each translation in its source's place (`x.md` holds the
    text of `x.fr.md`), no translation files."""
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(curricula, target, ignore=shutil.ignore_patterns(f"*.{lang}.md"))
    for translation in curricula.rglob(f"*.{lang}.md"):
        relative = translation.relative_to(curricula)
        shutil.copyfile(translation, target / relative.parent / relative.name.replace(f".{lang}.md", ".md"))


def write_language_configs(folder: Path) -> dict[str, Path]:
    """Smartshare with `languages: [en, fr]` (one core, as the one-language budget), and the two plain
    mkdocs-material builds of the same pages: English (translations left out) and French (their copy)."""
    site = site_config()
    ours = smartshare_config(site, LANGUAGES)
    ours["plugins"] = [_one_core(p) for p in ours["plugins"]]
    english = {**baseline_config(site), "exclude_docs": "*.fr.md\n", "site_dir": "site-baseline/en"}
    french = {**baseline_config(site), "docs_dir": "curricula-fr", "site_dir": "site-baseline/fr"}
    french["theme"] = {**french["theme"], "language": "fr"}
    paths = {}
    for name, config in (("smartshare", ours), ("baseline", english), ("baseline-fr", french)):
        paths[name] = folder / f"{name}.yml"
        paths[name].write_text(yaml.dump(config, Dumper=_Dumper, sort_keys=False, allow_unicode=True), "utf-8")
    return paths


def run_languages(size: int, runs: int, out: Path, say) -> SizeResult:
    """`size` modules in two languages: Smartshare's one build (both language sites) against two pruned
    mkdocs-material builds of the same pages, their CPU times added."""
    folder = out / f"{TWO_LANGUAGES}-{size}"
    folder.mkdir(parents=True, exist_ok=True)
    module_ids = generate(folder / "curricula", size)
    translate_modules(folder / "curricula", module_ids)
    plain_language_copy(folder / "curricula", folder / "curricula-fr")
    configs = write_language_configs(folder)
    result = SizeResult(size, TWO_LANGUAGES, {"baseline": [], ONE_CORE: []})
    for index in range(runs):
        order = ["baseline", ONE_CORE] if index % 2 == 0 else [ONE_CORE, "baseline"]
        for variant in order:
            if variant == ONE_CORE:
                built = language_build(folder, "smartshare", [configs["smartshare"]], module_ids)
            else:
                built = language_build(folder, "baseline", [configs["baseline"], configs["baseline-fr"]], module_ids)
            result.builds[variant].append(built)
            say(
                f"  {TWO_LANGUAGES} {size}, run {index + 1}/{runs}, {variant}: {built.seconds:.1f} s wall, "
                f"{built.cpu_seconds:.1f} s CPU, {built.peak_mb:.0f} MB"
            )
    for site in ("baseline", "smartshare"):
        shutil.rmtree(folder / f"site-{site}", ignore_errors=True)
    return result


def language_build(folder: Path, variant: str, configs: list[Path], module_ids: list[str]) -> BuildResult:
    """One build per configuration, one after the other, from nothing: their times added, the English site's
    pages and search index measured, both languages' pages checked to exist."""
    site = folder / f"site-{variant}"
    shutil.rmtree(site, ignore_errors=True)
    shutil.rmtree(folder / ".cache", ignore_errors=True)
    tool = os.environ.get("SMARTSHARE_DOCS_TOOL", "mkdocs")
    runs = []
    for config in configs:
        run = measure([sys.executable, "-m", tool, "build", "-f", config.name], folder, folder / f"{config.stem}.log")
        if run.returncode != 0:
            raise SystemExit(f"{config.stem} build of {folder.name} failed:\n{run.log[-3000:]}")
        runs.append(run)
    for lang in LANGUAGES:
        missing = [m for m in module_ids if not (site / lang / m / "index.html").is_file()]
        if missing:
            raise SystemExit(f"{variant}: {len(missing)} {lang} module pages missing, e.g. {missing[0]}")
    pages = [site / "en" / mid / "index.html" for mid in module_ids]
    index = site / "en" / "search" / "search_index.json"
    return BuildResult(
        seconds=sum(r.seconds for r in runs),
        cpu_seconds=sum(r.cpu_seconds for r in runs),
        peak_mb=max(r.peak_mb for r in runs),
        output_mb=sum(f.stat().st_size for f in site.rglob("*") if f.is_file()) / 1e6,
        html_kb=statistics.median(p.stat().st_size for p in pages) / 1e3,
        search_kb=(index.stat().st_size / 1e3) if index.exists() else 0.0,
        warnings=sum(1 for r in runs for line in r.log.splitlines() if line.startswith(("WARNING", "ERROR"))),
    )


def _language_budgets(results: list[SizeResult]) -> list[tuple[str, bool | None, str]]:
    large = results[-1]
    ratio = large.median(ONE_CORE, "cpu_seconds") / large.median("baseline", "cpu_seconds")
    return [
        (
            f"build of {large.modules} modules in two languages on one core ≤ 1.10 × two pruned mkdocs-material "
            "builds of the same pages (CPU)",
            ratio <= 1.10 if large.modules >= 2000 else None,
            f"{ratio:.2f} × ({large.median(ONE_CORE, 'cpu_seconds'):.1f} s against "
            f"{large.median('baseline', 'cpu_seconds'):.1f} s)",
        )
    ]


# -- the report ----------------------------------------------------------------------------------------------


def _links(count: int) -> str:
    return f"{count} broken link" + ("" if count == 1 else "s")


def _seconds(value: float | None) -> str:
    return "not shown" if value is None else f"{value:.2f} s"


def builds_table(results: list[SizeResult]) -> str:
    head = (
        "| Curriculum | Modules | Build | Wall time (s) | CPU time (s) | CPU ms / module | Peak memory (MB) "
        "| Output (MB) | HTML / module page (KB) | Search index (KB) | Warnings |"
    )
    rows = [head, "|---|" + "---:|" * 10]
    labels = {
        "baseline": "mkdocs-material, pruned",
        "smartshare": "Smartshare, cold, both cores",
        ONE_CORE: "Smartshare, cold, one core",
        WARM: "Smartshare, warm (cache kept, 1 module edited)",
    }
    languages = {"baseline": "mkdocs-material, pruned, one build per language", ONE_CORE: "Smartshare, cold, one core"}
    for r in results:
        for variant in [v for v in (*VARIANTS, ONE_CORE, BROKEN, WARM) if r.builds.get(v)]:
            label = (languages if r.shape == TWO_LANGUAGES else labels).get(variant)
            label = label or f"Smartshare, {_links(r.broken_links)}"
            rows.append(
                f"| {r.shape} | {r.modules} | {label} | {r.median(variant, 'seconds'):.1f} "
                f"| {r.median(variant, 'cpu_seconds'):.1f} | {r.ms_per_module(variant):.1f} | "
                f"{r.median(variant, 'peak_mb'):.0f} | {r.median(variant, 'output_mb'):.1f} | "
                f"{r.median(variant, 'html_kb'):.1f} | {r.median(variant, 'search_kb'):.0f} "
                f"| {max(b.warnings for b in r.builds[variant])} |"
            )
    return "\n".join(rows)


def extras_table(results: list[SizeResult]) -> str:
    head = (
        "| Curriculum | Modules | Build time Smartshare / baseline (CPU; wall) | Search index Smartshare / baseline "
        "| Sessions | `smartshare check` CPU (s; without sessions) | Preview: body edit shown "
        "| Preview: new title on track page "
        "| New title on module page |"
    )
    rows = [head, "|---|" + "---:|" * 8]
    for r in results:
        if r.shape == TWO_LANGUAGES:  # its one budget is in the budgets' table
            continue
        p = r.preview
        rows.append(
            f"| {r.shape} | {r.modules} | {r.ratio('cpu_seconds'):.2f}; {r.ratio('seconds'):.2f} "
            f"| {r.ratio('search_kb'):.2f} | {r.sessions:,} | {_check_cell(r)} | "
            + (
                f"{_seconds(p.body_edit_s)} | {_seconds(p.title_edit_s)} "
                f"| {'yes' if p.title_on_module_page else 'no'} |"
                if p
                else "— | — | — |"
            )
        )
    return "\n".join(rows)


def _check_cell(r: SizeResult) -> str:
    if not (r.check_cpu_s or r.check_s):
        return "—"
    cell = f"{min(r.check_cpu_s or r.check_s):.2f}"
    return cell + (f"; {min(r.check_without_sessions_cpu_s):.2f}" if r.check_without_sessions_cpu_s else "")


def _of(r: SizeResult) -> str:
    """`2000 modules` or `2000 modules and 5,000 sessions`: every budget row names the sessions it was measured with."""
    return f"{r.modules} modules" + (f" and {r.sessions:,} sessions" if r.sessions else "")


def budgets(results: list[SizeResult], assets: dict[str, int] | None) -> list[tuple[str, bool | None, str]]:
    """Each budget of the issue, for each curriculum: (what, held? or None when this run cannot tell, measured).
    Build times are judged on CPU time, the least of the alternated runs."""
    checks: list[tuple[str, bool | None, str]] = []
    shapes = list(dict.fromkeys(r.shape for r in results))
    for shape in shapes:
        of_shape = sorted((r for r in results if r.shape == shape), key=lambda r: r.modules)
        one_language = [s for s in shapes if s != TWO_LANGUAGES]  # the two-language run always says its name
        prefix = f"{shape}: " if len(one_language) > 1 or shape != "synthetic" else ""
        judge = _language_budgets if shape == TWO_LANGUAGES else _budgets
        checks += [(prefix + what, held, measured) for what, held, measured in judge(of_shape)]
    what = "quiz + feedback + mentor assets a module page loads ≤ 6 KB gzipped"
    if assets is None:
        checks.append((what, None, "not measured in these results"))
    else:
        total = sum(assets.values())
        listed = ", ".join(f"{name} {size / 1024:.1f}" for name, size in assets.items()) or "none"
        checks.append((what, total <= 6 * 1024, f"{total / 1024:.1f} KB ({listed})"))
    return checks


def _budgets(results: list[SizeResult]) -> list[tuple[str, bool | None, str]]:
    small, large = results[0], results[-1]
    two_sizes = len(results) > 1
    checks: list[tuple[str, bool | None, str]] = []
    ours = ONE_CORE if large.builds.get(ONE_CORE) else "smartshare"  # CPU: the work itself, without the workers'
    ratio = large.median(ours, "cpu_seconds") / large.median("baseline", "cpu_seconds")
    checks.append(
        (
            f"cold build of {_of(large)} on one core ≤ 1.10 × pruned mkdocs-material (CPU)",
            ratio <= 1.10,
            f"{ratio:.2f} ×",
        )
    )
    if large.builds.get(ONE_CORE):
        wall = large.median("smartshare", "seconds") / large.median("baseline", "seconds")
        checks.append(
            (
                f"cold build of {_of(large)} on both cores faster than pruned mkdocs-material (wall)",
                wall < 1.0,
                f"{wall:.2f} × (wall times are the least disturbed measure only when the machine is idle)",
            )
        )
    growth = large.ms_per_module(ours) / small.ms_per_module(ours)
    checks.append(
        (
            f"CPU ms / module at {large.modules} ≤ 1.25 × at {small.modules}",
            growth <= 1.25 if two_sizes else None,
            f"{growth:.2f} ×",
        )
    )
    html = large.median("smartshare", "html_kb") / small.median("smartshare", "html_kb")
    checks.append(
        (
            f"module page HTML at {large.modules} ≤ 1.2 × at {small.modules}",
            html <= 1.2 if two_sizes else None,
            f"{html:.2f} ×",
        )
    )
    search = max(r.ratio("search_kb") for r in results)
    checks.append(("search index ≤ 1.2 × baseline's (worst size)", search <= 1.2, f"{search:.2f} ×"))
    cpu = large.broken_ratio("cpu_seconds")
    if cpu is not None:
        wall = large.broken_ratio("seconds") or 0.0
        checks.append(
            (
                f"build of {large.modules} modules with {_links(large.broken_links)} ≤ 1.10 × without (CPU)",
                cpu <= 1.10,
                f"{cpu:.2f} × (wall {wall:.2f} ×)",
            )
        )
    if large.builds.get(WARM):
        warm, cold = large.median(WARM, "cpu_seconds"), large.median(ours, "cpu_seconds")
        checks.append(
            (
                f"warm build of {large.modules} modules, 1 module edited, < 0.5 × a cold build (CPU)",
                warm < 0.5 * cold,
                f"{warm / cold:.2f} × ({warm:.1f} s against {cold:.1f} s)",
            )
        )
        wall = large.median(WARM, "seconds")
        checks.append(
            (
                f"warm build of {large.modules} modules < 25 s wall",
                wall < 25 if large.modules >= 2000 else None,
                f"{wall:.1f} s",
            )
        )
    if large.check_cpu_s or large.check_s:
        check_s = min(large.check_cpu_s or large.check_s)  # CPU time when measured (results from before: wall)
        bare = large.check_without_sessions_cpu_s
        detail = f"{check_s:.2f} s" + (f" ({min(bare):.2f} s without the sessions)" if bare else "")
        checks.append((f"`smartshare check` on {_of(large)} < 2 s (CPU)", check_s < 2, detail))
    peak = large.median("smartshare", "peak_mb")
    checks.append((f"peak memory of a build of {_of(large)} < 500 MB", peak < 500, f"{peak:.0f} MB"))
    if large.shape == "synthetic":  # the example's modules have diagrams and formulas of their own
        weight = large.median("smartshare", "page_weight_kb")
        loading = max(b.rich_libraries for r in results for b in r.builds["smartshare"])
        checks.append(
            (
                "module pages without diagrams or maths load no Mermaid or KaTeX",
                loading == 0,
                f"{loading} pages do; page weight {weight:.0f} KB (HTML, scripts, stylesheets; baseline "
                f"{large.median('baseline', 'page_weight_kb'):.0f} KB)",
            )
        )
    p = large.preview
    if p:
        shown = p.body_edit_s is not None and p.body_edit_s < 3
        checks.append(
            (f"edit shown by the preview server in < 3 s at {large.modules} modules", shown, _seconds(p.body_edit_s))
        )
        checks.append(
            ("a new title shows on the track page in the preview", p.title_edit_s is not None, _seconds(p.title_edit_s))
        )
    return checks


def _read_lines(path: str) -> list[str]:
    """A system file's lines, or none where it does not exist (the benchmark also runs outside Linux)."""
    try:
        return Path(path).read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return []


def machine() -> str:
    cpuinfo = _read_lines("/proc/cpuinfo")
    cpu = next(
        (line.split(":", 1)[1].strip() for line in cpuinfo if line.startswith("model name")), platform.processor()
    )
    meminfo = _read_lines("/proc/meminfo")
    memory = next((int(line.split()[1]) / 1024 / 1024 for line in meminfo if line.startswith("MemTotal")), 0)
    stack = ", ".join(
        f"{p} {_version(p)}"
        for p in ("mkdocs", "properdocs", "mkdocs-material", "pymdown-extensions", "Markdown")
        if _version(p)
    )
    return (
        f"{cpu}, {os.cpu_count()} cores, {memory:.1f} GB RAM; {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}; {stack}"
    )


def report(
    results: list[SizeResult], runs: int, assets: dict[str, int] | None, started: dt.datetime
) -> tuple[str, bool]:
    checks = budgets(results, assets)
    load = " / ".join(_read_lines("/proc/loadavg")[0].split()[:3]) if _read_lines("/proc/loadavg") else "unknown"
    lines = [
        f"Measured {started:%Y-%m-%d %H:%M} UTC with `make bench` (the least of {runs} run{'s' * (runs > 1)} per "
        f"build, the builds in alternation; load average {load} when it ended).",
        f"Machine: {machine()}.",
        "",
        builds_table(results),
        "",
        extras_table(results),
        "",
        "| Budget | Measured | Holds |",
        "|---|---:|:---:|",
    ]
    for what, held, measured in checks:
        lines.append(f"| {what} | {measured} | {'n/a' if held is None else ('yes' if held else '**NO**')} |")
    return "\n".join(lines), all(held is not False for _, held, _ in checks)


def write_readme(section: str, readme: Path = REPO / "README.md") -> None:
    text = readme.read_text(encoding="utf-8")
    if README_START not in text:
        text = text.rstrip("\n") + f"\n\n{README_START}\n{README_END}\n"
    before, rest = text.split(README_START, 1)
    after = rest.split(README_END, 1)[1]
    readme.write_text(f"{before}{README_START}\n{section}\n{README_END}{after}", encoding="utf-8")


def _version(package: str) -> str:
    """The installed version, or "" (ProperDocs stands in for MkDocs under `make test-properdocs`)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(package)
    except PackageNotFoundError:
        return ""


def compile_package() -> None:
    """Write our package's bytecode once, as installing a package does: with PYTHONDONTWRITEBYTECODE set (some
    machines set it) every measured build and check would otherwise compile our modules from source, while the
    baseline's packages were compiled when they were installed."""
    compileall.compile_dir(REPO / "plugins" / "smartshare", quiet=1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes",
        default=",".join(map(str, DEFAULT_SIZES)),
        help="module counts, comma-separated (default: %(default)s)",
    )
    parser.add_argument(
        "--runs",
        type=int,
        default=3,
        help="builds of each variant per size; the least is reported (default: %(default)s)",
    )
    parser.add_argument(
        "--shapes",
        default=",".join(SHAPES),
        help="curricula to build: synthetic (generate.py), example (the example's modules copied; "
        "default: %(default)s)",
    )
    parser.add_argument(
        "--languages",
        type=int,
        default=None,
        metavar="MODULES",
        help="also build a curriculum of MODULES modules in two languages (every module translated) against two "
        "plain mkdocs-material builds (default: the largest size; 0: not at all)",
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help=f"while developing: {QUICK_SIZES[0]} modules, one run of each build, no check or preview timing",
    )
    parser.add_argument(
        "--out", type=Path, default=HERE / "out", help="where curricula, sites and results go (default: benchmarks/out)"
    )
    parser.add_argument("--no-preview", action="store_true", help="skip the mkdocs serve edit measure")
    parser.add_argument(
        "--report-only", action="store_true", help="print (and write) the table again from the last results.json"
    )
    parser.add_argument(
        "--readme",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="write the results into README.md (default: only with the default sizes)",
    )
    args = parser.parse_args(argv)
    if args.quick:
        args.sizes, args.runs, args.no_preview = ",".join(map(str, QUICK_SIZES)), 1, True
    sizes = sorted(int(s) for s in args.sizes.split(","))
    shapes = [s for s in args.shapes.split(",") if s]
    unknown = [s for s in shapes if s not in SHAPES]
    if unknown:
        parser.error(f"unknown curriculum {', '.join(unknown)}: choose among {', '.join(SHAPES)}")
    started = dt.datetime.now(dt.timezone.utc)
    compile_package()

    def say(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    if args.report_only:
        started, runs, results = load_results(args.out / "results.json")
        sizes = sorted({r.modules for r in results})
    else:
        results, runs = [], args.runs
        for shape in shapes:
            for size in sizes:
                say(f"{shape} curriculum, {size} modules:")
                results.append(
                    run_size(size, args.runs, args.out, not args.no_preview, say, shape, check=not args.quick)
                )
        languages = max(sizes) if args.languages is None else args.languages
        if languages:
            say(f"{TWO_LANGUAGES} curriculum, {languages} modules per language:")
            results.append(run_languages(languages, args.runs, args.out, say))
    assets = asset_sizes(results)
    table, held = report(results, runs, assets, started)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "results.md").write_text(table + "\n", encoding="utf-8")
    if not args.report_only:
        saved = {"started": started.isoformat(), "runs": runs, "sizes": [asdict(r) for r in results]}
        (args.out / "results.json").write_text(json.dumps(saved, indent=2), encoding="utf-8")
    if args.readme or (args.readme is None and tuple(sizes) == DEFAULT_SIZES and not args.quick):
        write_readme(_readme_section(table, quick=args.quick))
    print(table)
    return 0 if held else 1


def load_results(path: Path) -> tuple[dt.datetime, int, list[SizeResult]]:
    saved = json.loads(path.read_text(encoding="utf-8"))
    if isinstance(saved, list):  # the first format: sizes only
        saved = {
            "started": dt.datetime.fromtimestamp(path.stat().st_mtime, dt.timezone.utc).isoformat(),
            "runs": 3,
            "sizes": saved,
        }
    results = []
    for size in saved["sizes"]:
        builds = {v: [BuildResult(**b) for b in runs] for v, runs in size["builds"].items()}
        preview = Preview(**size["preview"]) if size.get("preview") else None
        results.append(
            SizeResult(
                size["modules"],
                size.get("shape", "synthetic"),
                builds,
                size["check_s"],
                preview,
                size.get("broken_links", 0),
                size.get("sessions", 0),
                size.get("check_cpu_s", []),
                size.get("check_without_sessions_cpu_s", []),
            )
        )
    return dt.datetime.fromisoformat(saved["started"]), saved["runs"], results


def _readme_section(table: str, quick: bool = False) -> str:
    return (
        "## Performance\n\n"
        "`make bench` generates two kinds of curricula: synthetic ones (10 tracks, modules of about 800 words with "
        "every front-matter field, a table, code, an admonition, links, a mentor note and three quiz questions) and "
        "example-shaped ones (the example's own modules copied until there are enough: quizzes, mentor notes, "
        "session kits, diagrams, glossary terms, mentors and tags shared by hundreds of modules, 2.5 sessions per "
        "module). It builds each with the whole Smartshare stack of `mkdocs.yml` and with plain mkdocs-material "
        "(navigation pruning on, same Markdown), and checks the performance budget on CPU time.\n\n"
        + (
            "**These numbers come from `make bench-quick` (250 modules, one run of each build): the 2,000-module "
            "budgets are not judged here.** Run `make bench` on a quiet machine for the budgets.\n\n"
            if quick
            else ""
        )
        + table
        + "\n\nCaveat: the machine has 2 cores shared with other work (tests of other engineers may run at the same "
        "time), so single builds can vary a lot; the table shows the least of alternated runs, and the ratios "
        "compare builds run in alternation in the same run. CPU time (user + system of the build process and the "
        "processes it waited for) is shown because it is far less disturbed by that load than wall time. How the "
        "build was brought to these numbers, pass by pass, with profiles and what was tried and left out: "
        "`benchmarks/NOTES.md`.\n"
    )


if __name__ == "__main__":
    sys.exit(main())
