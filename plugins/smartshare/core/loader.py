"""Read a curriculum folder into a `Curriculum`, collecting every problem on the way.

Reading never stops at the first mistake: each file is checked on its own, then the references between files
(mentors, prerequisites, track entries) are checked on whatever could be read.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import os
import posixpath
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field

from .checkcache import CheckCache, decode_issues, decode_problems, encode, encode_issues, encode_problems
from .defaults import INCLUDE_DRAFTS, REVIEW_MAX_AGE_DAYS
from .frontmatter import SplitSource, split_front_matter
from .model import Curriculum, Mentor, Module, Track
from .problems import Problem, Problems
from .scaffold import placeholders
from .schema import MENTOR, MODULE, SESSION, TRACK, Issue, Schema
from .sessions import SESSIONS_FILE, Session, SessionContext, read_sessions
from .sourcetree import read_page, scan
from .suggest import did_you_mean
from .translations import TranslationReader, Translations, is_translation, localize
from .yamlsource import YamlDocument, YamlSyntaxError, document_of, exact_values, load_yaml

TRACK_FILE = "track.yml"
MENTORS_FILE = "mentors.yml"
NOT_MODULES = {"index.md", "README.md"}  # pages of a track folder that are not modules

#: checks of a module's Markdown body (the quiz package provides one); each yields problems
BodyCheck = Callable[[Module, str], Iterable[Problem]]


class ModuleCache:
    """Parsed module files by absolute path, reused while a file's modification time and size stay the same.

    `mkdocs serve` rebuilds the whole site after each edit: parsing only the edited files keeps the preview of a
    2,000-module curriculum fast. The curriculum plugin owns one for as long as it lives (across rebuilds); a
    one-off run such as `smartshare check` needs none. Problems are kept with paths relative to the curriculum
    folder, so an entry means the same whatever the working folder is when it is printed.
    """

    def __init__(self) -> None:
        self._entries: dict[str, tuple] = {}  # absolute path → (stamp, module, its YAML source, its problems)

    def get(self, path: str, stamp: tuple[int, int]) -> tuple | None:
        entry = self._entries.get(path)
        return entry[1:] if entry and entry[0] == stamp else None

    def put(self, path: str, stamp: tuple[int, int], module: Module | None, source: object, problems: list) -> None:
        self._entries[path] = (stamp, module, source, problems)


@dataclass
class LoadOptions:
    include_drafts: bool = INCLUDE_DRAFTS
    review_max_age_days: int = REVIEW_MAX_AGE_DAYS
    today: dt.date = field(default_factory=dt.date.today)
    body_checks: tuple[BodyCheck, ...] = ()
    cache: ModuleCache | None = None  # modules parsed by an earlier load of the same owner
    #: the site's languages (smartshare/curriculum `languages`), the first the one the sources are written in
    languages: tuple[str, ...] = ()
    #: the language of the site being built: its curriculum comes back translated (None: the sources' language)
    language: str | None = None
    #: when given, filled with the text of each file read, by src_uri (`sitecheck` then reads each page once)
    texts: dict[str, str] | None = None
    #: when given, filled with each module's text split into front matter and body, by src_uri (split once)
    splits: dict[str, SplitSource] | None = None
    #: per-file results kept across runs (`core.checkcache`): what one file alone decides is read from it
    check_cache: CheckCache | None = None
    #: when given, filled with the values of each module front matter read here, by its YAML text, when they are
    #: exactly what PyYAML's `load` makes of that text with the loader of `yamlsource.reads_like` (a copy each): the
    #: build's pages then need not read the same front matter again (`cache.frontmatter`)
    front_matters: dict[str, dict] | None = None


#: what a module's entry in the check cache keeps: its fields but those its path and text say
_MODULE_KEPT = tuple(
    f.name for f in dataclasses.fields(Module) if f.name not in ("id", "src_uri", "track_id", "body", "body_line")
)


@dataclass
class _Source:
    """A file being read: its path relative to the curriculum folder (for messages) and its parsed YAML."""

    path: str
    doc: YamlDocument | None = None

    def problem(self, issue: Issue) -> Problem:
        assert self.doc is not None
        where = self.doc.key_at(*issue.path) if issue.on_key else self.doc.value_at(*issue.path)
        return Problem(self.path, where.line, where.column, issue.severity, issue.code, issue.message, issue.hint)


class _Where:
    """A value's position, found only when a problem asks for its line (finding it reads the YAML again)."""

    def __init__(self, doc: YamlDocument, path: tuple) -> None:
        self._doc, self._path = doc, path

    @property
    def line(self) -> int:
        return self._doc.value_at(*self._path).line

    @property
    def column(self) -> int:
        return self._doc.value_at(*self._path).column


def load_curriculum(root: str, options: LoadOptions | None = None) -> tuple[Curriculum, Problems]:
    options = options or LoadOptions()
    reader = _Reader(root, options)
    return reader.read(), reader.problems


class _Reader:
    def __init__(self, root: str, options: LoadOptions) -> None:
        self.root = root
        self.options = options
        self.problems = Problems(root=os.path.abspath(root))  # problems name files relative to the curriculum
        self.sources: dict[str, _Source] = {}  # by src_uri, for locating cross-file problems
        self.unreadable: set[str] = set()  # modules whose own errors are reported: references to them are not
        self.read_uris: set[str] = set()  # files read so far; every other page is checked once at the end

    # -- files -------------------------------------------------------------------------------------------

    def read(self) -> Curriculum:
        # links leading outside, loops and misnamed folders first: nothing blocked is ever opened
        self.tree = scan(self.root, self.problems.items)
        mentors = self._read_mentors()
        tracks, modules = self._read_tracks_and_modules()
        texts = self.options.texts
        for src_uri in self.tree.pages:
            if src_uri not in self.read_uris:
                # index pages and other Markdown: encoding and size, as MkDocs reads them
                text = read_page(self.tree, src_uri)
                if text is not None and texts is not None:
                    texts[src_uri] = text
        published = {mid: m for mid, m in modules.items() if self.options.include_drafts or not m.is_draft}
        mentors_read = mentors
        if mentors is None:
            mentors = {}
        else:
            self._check_mentors(modules, mentors)
        self._resolve_prerequisites(modules, published)
        self._check_cycles(modules)
        for module in modules.values():
            self._check_module_extras(module)
        for track in tracks:
            track.module_ids = [mid for mid in track.module_ids if mid in published]
        tracks.sort(key=lambda t: (t.order, t.id))
        left_out = sorted(m.src_uri for m in modules.values() if m.id not in published)
        sessions = self._read_sessions(
            SessionContext(modules, set(published), tracks, mentors_read, self.options.today)
        )
        curriculum = Curriculum(tracks=tracks, modules=published, mentors=mentors, left_out=left_out, sessions=sessions)
        curriculum.translations = self._read_translations(modules, tracks, mentors, curriculum)
        language = self.options.language
        if curriculum.translations is not None and language and language != curriculum.translations.default:
            curriculum = localize(curriculum, curriculum.translations, language)
        return curriculum

    def _read_translations(self, modules, tracks, mentors, curriculum: Curriculum) -> Translations | None:
        """`chatbots.fr.md`, `track.fr.yml`, `mentors.fr.yml` …: paired with their sources (core.translations)."""
        files = []
        for folder, subfolders, filenames in os.walk(self.root):
            subfolders[:] = sorted(d for d in subfolders if not d.startswith((".", "_")))
            prefix = os.path.relpath(folder, self.root).replace(os.sep, "/")
            for name in filenames:
                src_uri = name if prefix == "." else f"{prefix}/{name}"
                if is_translation(name) and not self.tree.is_blocked(src_uri):
                    files.append(src_uri)
        if not files and not self.options.languages:
            return None
        sources = {uri: source.doc for uri, source in self.sources.items()}
        published = [m.id for m in curriculum.ordered_modules()]
        reader = TranslationReader(self.root, tuple(self.options.languages), self.problems)
        return reader.read(files, modules, sources, tracks, mentors, published)

    def _read_yaml(self, src_uri: str, text: str, line_offset: int = 0, keep: bool = True) -> _Source:
        """`keep`: the values read are kept in the check cache (a module's are kept with their validation)."""
        source = _Source(src_uri)
        self.sources[src_uri] = source
        cache = self.options.check_cache if keep else None
        try:
            if cache is None:
                source.doc = load_yaml(text, line_offset)
            else:
                source.doc = cache.recall(
                    "yaml",
                    src_uri,
                    text,
                    read=lambda kept: document_of(text, line_offset, _only(kept)),
                    compute=lambda: load_yaml(text, line_offset),
                    write=lambda doc: [encode(doc.data)] if doc.located_later else None,
                    extra=str(line_offset),
                )
                if source.doc.located_later:
                    return source  # no duplicate key to report
        except YamlSyntaxError as error:
            pos = error.position
            self.problems.error(source.path, pos.line, pos.column, "yaml-syntax", error.message, error.hint)
            return source
        for path, where in source.doc.duplicate_keys:
            hint = "each field may appear once; remove or merge the duplicate"
            self.problems.error(
                source.path, where.line, where.column, "duplicate-key", f"'{path[-1]}' is set twice", hint
            )
        return source

    def _text(self, src_uri: str) -> str | None:
        """The file's text, or None once the reason it cannot be used (link, encoding, size) is reported."""
        self.read_uris.add(src_uri)
        if self.tree.is_blocked(src_uri):
            return None
        text = read_page(self.tree, src_uri)
        if text is not None and self.options.texts is not None:
            self.options.texts[src_uri] = text
        return text

    def _validate(self, source: _Source, schema: Schema, data: object, path: tuple = ()) -> dict:
        values, issues = schema.validate(data, path)
        self.problems.extend(source.problem(issue) for issue in issues)
        return values

    def _read_mentors(self) -> dict[str, Mentor] | None:
        path = os.path.join(self.root, MENTORS_FILE)
        if not os.path.lexists(path):
            return {}
        text = self._text(MENTORS_FILE)
        if text is None:
            return None
        source = self._read_yaml(MENTORS_FILE, text)
        if source.doc is None:
            return None  # unreadable: checking mentor ids against it would only add noise
        if source.doc.data is None:
            return {}
        if not isinstance(source.doc.data, dict):
            hint = "write each mentor's id followed by their fields, e.g. 'amina-diallo:' then indented 'name: …'"
            self.problems.error(source.path, 1, 1, "wrong-type", "mentors.yml must map mentor ids to mentors", hint)
            return {}
        mentors = {}
        for mentor_id, data in source.doc.data.items():
            values = self._validate(source, MENTOR, data, (mentor_id,))
            if values.get("name") and values.get("role"):
                mentors[str(mentor_id)] = Mentor(id=str(mentor_id), **values)
        return mentors

    def _read_sessions(self, context: SessionContext) -> list[Session]:
        """`sessions.yml`, checked against what was read above (see `core.sessions`)."""
        if not os.path.lexists(os.path.join(self.root, SESSIONS_FILE)):
            return []
        text = self._text(SESSIONS_FILE)
        if text is None:
            return []
        source = self._read_yaml(SESSIONS_FILE, text)
        if source.doc is None:
            return []
        context.unreadable = self.unreadable
        validated = self._validated_sessions(text, source.doc)
        sessions, problems = read_sessions(source.doc, source.path, context, validated)
        self.problems.extend(problems)
        return sessions

    def _validated_sessions(self, text: str, doc: YamlDocument) -> list[tuple[dict, list[Issue]]] | None:
        """Each session of the list validated by the schema alone, kept in the check cache (None: no cache)."""
        cache = self.options.check_cache
        if cache is None or not isinstance(doc.data, list):
            return None
        items = doc.data

        def read(kept: list) -> list[tuple[dict, list[Issue]]]:
            validated = [(values, decode_issues(issues)) for values, issues in kept]
            if len(validated) != len(items) or not all(isinstance(values, dict) for values, _ in validated):
                raise ValueError("not the sessions of this file")
            return validated

        return cache.recall(
            "sessions",
            SESSIONS_FILE,
            text,
            read=read,
            compute=lambda: [SESSION.validate(item, (index,)) for index, item in enumerate(items)],
            write=lambda validated: [[encode(v), encode_issues(i)] for v, i in validated],
        )

    def _read_tracks_and_modules(self) -> tuple[list[Track], dict[str, Module]]:
        tracks: list[Track] = []
        modules: dict[str, Module] = {}
        for folder, subfolders, filenames in os.walk(self.root):
            subfolders[:] = sorted(d for d in subfolders if not d.startswith((".", "_")))
            track_id = os.path.relpath(folder, self.root).replace(os.sep, "/")
            if TRACK_FILE not in filenames or self.tree.is_blocked(f"{track_id}/{TRACK_FILE}"):
                continue
            if track_id == ".":
                continue  # the curriculum root itself is not a track
            filenames = [f for f in filenames if not self.tree.is_blocked(f"{track_id}/{f}")]
            slugs = sorted(
                f[:-3] for f in filenames if f.endswith(".md") and f not in NOT_MODULES and not is_translation(f)
            )
            for slug in slugs:
                module = self._read_module(track_id, slug)
                if module:
                    modules[module.id] = module
                else:
                    self.unreadable.add(f"{track_id}/{slug}")
            track = self._read_track(track_id, set(slugs))
            if track:
                tracks.append(track)
                self._check_placement(track, [s for s in slugs if f"{track_id}/{s}" in modules])
        return tracks, modules

    def _read_track(self, track_id: str, slugs: set[str]) -> Track | None:
        src_uri = f"{track_id}/{TRACK_FILE}"
        text = self._text(src_uri)
        if text is None:
            return None
        source = self._read_yaml(src_uri, text)
        if source.doc is None:
            return None
        values = self._validate(source, TRACK, source.doc.data)
        if not values.get("title"):
            return None
        module_ids, seen = [], set()
        for index, slug in enumerate(values.get("modules") or []):
            slug = slug[:-3] if slug.endswith(".md") else slug
            where = _Where(source.doc, ("modules", index))  # located only when reported
            if slug in seen:
                self.problems.error(
                    source.path,
                    where.line,
                    where.column,
                    "duplicate-in-track",
                    f"module '{slug}' is listed twice in this track",
                    "keep it once, where it belongs in the order",
                )
                continue
            seen.add(slug)
            owner = self._other_track(track_id, slug)
            if slug not in slugs and owner:
                reference = owner[1]
                self.problems.error(
                    source.path,
                    where.line,
                    where.column,
                    "module-in-other-track",
                    f"'{reference}' is a module of track {owner[0]}/: a module belongs to one track",
                    f"remove this entry; to reuse the module, make it a prerequisite of a module of {track_id} "
                    f"('prerequisites: [{reference}]') or link to it from one",
                )
                continue
            if slug not in slugs:
                hint = did_you_mean(slug, slugs, f"create {track_id}/{slug}.md or remove this entry")
                self.problems.error(
                    source.path, where.line, where.column, "unknown-module", f"no module '{slug}' in {track_id}/", hint
                )
                continue
            module_ids.append(f"{track_id}/{slug}")
        fields = {k: v for k, v in values.items() if k != "modules"}
        return Track(id=track_id, module_ids=module_ids, **fields)

    def _other_track(self, track_id: str, entry: str) -> tuple[str, str] | None:
        """(track, module id) when a track's entry is a path to a module file of another track folder."""
        if "/" not in entry:
            return None
        module_id = posixpath.normpath(posixpath.join(track_id, entry) if entry.startswith("../") else entry)
        owner = posixpath.dirname(module_id)
        if not owner or owner == track_id or module_id.startswith("../"):
            return None
        if os.path.isfile(os.path.join(self.root, owner, TRACK_FILE)) and os.path.isfile(
            os.path.join(self.root, module_id + ".md")
        ):
            return owner, module_id
        return None

    def _read_module(self, track_id: str, slug: str) -> Module | None:
        """A module file, from the options' cache when it has not changed since the cache's owner last read it."""
        src_uri = f"{track_id}/{slug}.md"
        self.read_uris.add(src_uri)  # read here or answered by the cache: not read again as a plain page
        cache = self.options.cache
        abs_path = os.path.abspath(os.path.join(self.root, src_uri))
        try:
            stat = os.stat(abs_path) if cache is not None else None
        except OSError:
            stat = None
        stamp = (stat.st_mtime_ns, stat.st_size) if stat else None
        cached = cache.get(abs_path, stamp) if cache is not None and stamp else None
        if cached:
            module, source, problems = cached
            if source is not None:
                self.sources[src_uri] = source
            self.problems.extend(problems)
            if self.options.check_cache is not None:
                self.options.check_cache.retain("module", src_uri)
        else:
            before = len(self.problems.items)
            module = self._parse_module(track_id, slug, src_uri)
            if cache is not None and stamp:
                cache.put(abs_path, stamp, module, self.sources.get(src_uri), self.problems.items[before:])
        return dataclasses.replace(module) if module else None  # a copy: references are resolved on it

    def _parse_module(self, track_id: str, slug: str, src_uri: str) -> Module | None:
        path = src_uri
        text = self._text(src_uri)
        if text is None:
            self.sources[src_uri] = _Source(path)
            return None
        cache = self.options.check_cache
        split = split_front_matter(text)
        if self.options.splits is not None:
            self.options.splits[src_uri] = split
        if cache is None:
            return self._parse_front_matter(track_id, slug, src_uri, split)

        def read(kept: list) -> tuple[Module | None, list[Problem]]:
            values, problems = kept
            if not isinstance(problems, list) or not isinstance(values, (dict, type(None))):
                raise TypeError(kept)
            module = None
            if values is not None:
                module = Module(
                    id=f"{track_id}/{slug}",
                    src_uri=src_uri,
                    track_id=track_id,
                    body=split.body,
                    body_line=split.body_line,
                    **values,
                )
            problems = decode_problems(problems, self.problems.root)
            assert split.yaml_text is not None  # kept only when the front matter was read (below)
            self.sources[src_uri] = _Source(path, document_of(split.yaml_text, 1))
            return module, problems

        def compute() -> tuple[Module | None, list[Problem]]:
            before = len(self.problems.items)
            module = self._parse_front_matter(track_id, slug, src_uri, split)
            problems = self.problems.items[before:]
            del self.problems.items[before:]  # added below, as kept ones are
            return module, problems

        def write(result: tuple[Module | None, list[Problem]]) -> list | None:
            module, problems = result
            source = self.sources.get(src_uri)
            if source is None or source.doc is None or not source.doc.located_later:
                return None
            values = None if module is None else {name: getattr(module, name) for name in _MODULE_KEPT}
            return [encode(values), encode_problems(problems)]

        module, problems = cache.recall("module", src_uri, text, read, compute, write)
        self.problems.extend(problems)
        return module

    def _parse_front_matter(self, track_id: str, slug: str, src_uri: str, split: SplitSource) -> Module | None:
        path = src_uri
        if split.yaml_text is None:
            hint = "start the file with '---', the fields (title, summary, objectives …), then '---'"
            self.problems.error(path, 1, 1, "missing-front-matter", "a module needs front matter", hint)
            return None
        if split.unterminated:
            self.problems.error(
                path,
                1,
                1,
                "unterminated-front-matter",
                "front matter has no closing '---'",
                "add a line '---' after the last field",
            )
            return None
        source = self._read_yaml(src_uri, split.yaml_text, line_offset=1, keep=False)
        if source.doc is None:
            return None
        if self.options.front_matters is not None and type(source.doc.data) is dict:
            values = exact_values(source.doc)  # copied before the schema reads them
            if values is not None:
                self.options.front_matters[split.yaml_text] = values
        values = self._validate(source, MODULE, source.doc.data)
        if not values.get("title"):
            return None
        values["summary"] = values.get("summary") or ""
        values["objectives"] = values.get("objectives") or []
        return Module(
            id=f"{track_id}/{slug}",
            src_uri=src_uri,
            track_id=track_id,
            body=split.body,
            body_line=split.body_line,
            **values,
        )

    # -- references between files ------------------------------------------------------------------------

    def _at(self, src_uri: str, *path: object, key: bool = False) -> tuple[str, int, int]:
        source = self.sources[src_uri]
        where = (source.doc.key_at(*path) if key else source.doc.value_at(*path)) if source.doc else None
        return source.path, (where.line if where else 1), (where.column if where else 1)

    def _check_placement(self, track: Track, slugs: list[str]) -> None:
        listed = {mid.rsplit("/", 1)[-1] for mid in track.module_ids}
        for slug in slugs:
            if slug not in listed:
                path = self.sources[f"{track.id}/{slug}.md"].path
                hint = f"add '{slug}' to the modules of {track.id}/{TRACK_FILE}"
                self.problems.warning(path, 1, 1, "not-in-track", "module is in no track", hint)

    def _check_mentors(self, modules: dict[str, Module], mentors: dict[str, Mentor]) -> None:
        for module in modules.values():
            for index, mentor_id in enumerate(module.mentors):
                if mentor_id not in mentors:
                    fallback = f"add '{mentor_id}' to {MENTORS_FILE}"
                    hint = did_you_mean(mentor_id, mentors, fallback)
                    self.problems.error(
                        *self._at(module.src_uri, "mentors", index),
                        "unknown-mentor",
                        f"unknown mentor '{mentor_id}'",
                        hint,
                    )

    def _resolve_prerequisites(self, modules: dict[str, Module], published: dict[str, Module]) -> None:
        by_slug: dict[str, list[str]] = {}
        for mid in modules:
            by_slug.setdefault(mid.rsplit("/", 1)[-1], []).append(mid)
        for module in modules.values():
            resolved = []
            for index, ref in enumerate(module.prerequisites):
                # located only when reported: finding positions means reading the front matter again
                at = functools.partial(self._at, module.src_uri, "prerequisites", index)
                target = _resolve(ref, module.track_id, modules, by_slug)
                if target is None and _resolve(ref, module.track_id, self.unreadable, {}):
                    continue
                if target is None:
                    self.problems.error(
                        *at(),
                        "unknown-module",
                        f"prerequisite '{ref}' is not a module",
                        did_you_mean(ref, modules, "write it as track/module"),
                    )
                elif target == module.id:
                    self.problems.error(
                        *at(), "prerequisite-cycle", "a module cannot be its own prerequisite", "remove this entry"
                    )
                elif target not in published and not module.is_draft:
                    self.problems.warning(
                        *at(),
                        "draft-prerequisite",
                        f"prerequisite '{ref}' is a draft and is left out of the site",
                        "publish it or remove this entry",
                    )
                else:
                    resolved.append(target)
            module.prerequisites = resolved

    def _check_cycles(self, modules: dict[str, Module]) -> None:
        state: dict[str, int] = {}  # 1: on the current path, 2: done
        reported: set[frozenset] = set()

        def visit(mid: str, trail: list[str]) -> None:
            state[mid] = 1
            for target in modules[mid].prerequisites:
                if state.get(target) == 1:
                    cycle = [*trail[trail.index(target) :], target] if target in trail else [mid, target]
                    key = frozenset(cycle)
                    if key not in reported:
                        reported.add(key)
                        first = modules[cycle[0]]
                        at = self._at(first.src_uri, "prerequisites", first.prerequisites.index(cycle[1]))
                        shown = " → ".join(cycle)
                        self.problems.error(
                            *at,
                            "prerequisite-cycle",
                            f"prerequisites form a cycle: {shown}",
                            "remove one of these prerequisites",
                        )
                elif state.get(target) is None and target in modules:
                    visit(target, [*trail, target])
            state[mid] = 2

        for mid in sorted(modules):
            if mid not in state:
                visit(mid, [mid])

    def _check_module_extras(self, module: Module) -> None:
        source = self.sources[module.src_uri]
        # only a written date is reported: it is a line the author can update (never reviewed is shown on the page)
        age, max_age = module.review_age(self.options.today), self.options.review_max_age_days
        if age is not None and module.is_stale(self.options.today, max_age):
            self.problems.warning(
                *self._at(module.src_uri, "reviewed"),
                "stale-review",
                f"last reviewed {age} days ago (more than {max_age})",
                "review the content, then update 'reviewed'",
            )
        if module.run_sheet_disagrees:
            self.problems.warning(
                *self._at(module.src_uri, "session", "run_sheet", key=True),
                "run-sheet-total",
                f"run sheet adds up to {module.planned_minutes} minutes but the duration is {module.duration}",
                "adjust the steps' minutes or the duration",
            )
        if not module.is_draft:
            for path, line in placeholders(module):
                where = self._at(module.src_uri, *path) if path else (source.path, line, 1)
                self.problems.warning(
                    *where,
                    "placeholder",
                    "placeholder text of 'smartshare new' in a published module",
                    "replace it with the module's own text, or set 'status: draft' until it is written",
                )
        for check in self.options.body_checks:
            self.problems.extend(check(module, source.path))


def _only(kept: list) -> object:
    """The one value of a kept list (`[its values]`), or ValueError."""
    (value,) = kept
    return value


def _resolve(ref: str, track_id: str, modules: Collection[str], by_slug: dict[str, list[str]]) -> str | None:
    if ref in modules:
        return ref
    local = f"{track_id}/{ref}"
    if local in modules:
        return local
    candidates = by_slug.get(ref, [])
    return candidates[0] if len(candidates) == 1 else None
