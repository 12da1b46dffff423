"""Translations of a curriculum: which file translates which, what they may change, and which are out of date.

Plain Python: no MkDocs. The layout (README, "International curricula"):

- `ai/chatbots.fr.md` translates the module `ai/chatbots.md` (written in the site's default language). Its front
  matter holds only text fields (`TEXT_FIELDS`) and `translated_from: <git commit of the source it translates>`;
  every other field is the source's. Its body, quizzes (same ids) and mentor notes are its own.
- `index.fr.md` translates `index.md` (the home page, a track's page); `track.fr.yml` holds a track's translated
  text fields; `mentors.fr.yml` maps mentor ids to their translated text fields; `glossary.fr.yml` is the
  glossary in French (same shape as `glossary.yml`).

Git is asked through `subprocess`, once per translation; without git or outside a repository, staleness and
commits are not checked (and nothing is said about it: tests copy curricula into folders without `.git`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import re
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass, field

from .frontmatter import split_front_matter
from .model import Curriculum, Mentor, Module, Track
from .problems import Problems
from .suggest import did_you_mean
from .yamlsource import YamlDocument, YamlSyntaxError, load_yaml

#: the fields a translation writes in its own language; every other field is the source's
TEXT_FIELDS = ("title", "summary", "objectives", "audience")
TRACK_TEXT_FIELDS = ("title", "summary", "objectives", "audience")
MENTOR_TEXT_FIELDS = ("role", "bio", "expertise")
TRANSLATED_FROM = "translated_from"
#: paths given to one `git log` (far below any system's limit on a command line)
PATHS_PER_CALL = 500

#: `<name>.<lang>.md` or `.yml`: a language code of two or three letters, optionally with a region (`pt-BR`)
_LANG = r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})?"
TRANSLATION_FILE = re.compile(rf"^(?P<stem>.+)\.(?P<lang>{_LANG})\.(?P<ext>md|yml)$")
LANGUAGE_CODE = re.compile(rf"^{_LANG}$")

_QUIZ_ID = re.compile(r"^[ \t]*///[ \t]*quiz[ \t]*\|?[ \t]*(?P<id>[^\s|]+)?", re.MULTILINE)


def split_translation(src_uri: str) -> tuple[str, str] | None:
    """`("ai/chatbots.md", "fr")` for "ai/chatbots.fr.md"; None for a file that is no translation."""
    folder, _, name = src_uri.rpartition("/")
    match = TRANSLATION_FILE.match(name)
    if not match:
        return None
    source = f"{match['stem']}.{match['ext']}"
    return (f"{folder}/{source}" if folder else source), match["lang"]


def is_translation(src_uri: str) -> bool:
    return split_translation(src_uri) is not None


def translated_uri(src_uri: str, lang: str) -> str:
    """The file that translates `src_uri` into `lang`: "ai/chatbots.md" → "ai/chatbots.fr.md"."""
    stem, dot, ext = src_uri.rpartition(".")
    return f"{stem}.{lang}.{ext}" if dot else f"{src_uri}.{lang}"


@dataclass
class Staleness:
    """The source changed since the commit a translation was made from."""

    date: dt.date  # of the newest commit of the source since then
    lines: str  # "lines 12–18, 40" (of the source as it is now)

    def describe(self) -> str:
        return f"{self.lines} changed on {self.date.isoformat()}"


@dataclass
class Translation:
    """One translated module (or page): its own text, and how it stands against its source."""

    lang: str
    src_uri: str  # "ai/chatbots.fr.md"
    source_uri: str  # "ai/chatbots.md"
    fields: dict = field(default_factory=dict)  # the text fields it sets
    body: str = ""
    body_line: int = 1
    translated_from: str | None = None
    stale: Staleness | None = None


@dataclass
class Translations:
    """Every translation found, by language, and the translated text of tracks and mentors."""

    languages: tuple[str, ...] = ()  # configured; the first is the language the sources are written in
    modules: dict[str, dict[str, Translation]] = field(default_factory=dict)  # lang → module id → translation
    pages: dict[str, dict[str, Translation]] = field(default_factory=dict)  # lang → source src_uri → translation
    tracks: dict[str, dict[str, dict]] = field(default_factory=dict)  # lang → track id → text fields
    mentors: dict[str, dict[str, dict]] = field(default_factory=dict)  # lang → mentor id → text fields

    @property
    def default(self) -> str | None:
        return self.languages[0] if self.languages else None

    @property
    def others(self) -> tuple[str, ...]:
        return self.languages[1:]

    def module(self, lang: str, module_id: str) -> Translation | None:
        return self.modules.get(lang, {}).get(module_id)

    def page(self, lang: str, src_uri: str) -> Translation | None:
        """The translation of any source page (module or not) into `lang`."""
        return self.pages.get(lang, {}).get(src_uri)

    def coverage(self, lang: str, module_ids: list[str]) -> tuple[int, int, int]:
        """(translated, total, stale) over the published modules."""
        found = [self.module(lang, mid) for mid in module_ids]
        translated = [t for t in found if t is not None]
        return len(translated), len(module_ids), sum(1 for t in translated if t.stale)


# -- git ------------------------------------------------------------------------------------------------------


class Git:
    """The few questions asked of git, answered None when git or the repository is not there."""

    def __init__(self, folder: str) -> None:
        self.folder = folder
        self.available = self._run("rev-parse", "--is-inside-work-tree") == "true\n"

    def _run(self, *args: str, stdin: str | None = None) -> str | None:
        try:
            result = subprocess.run(
                ["git", "-c", "core.quotepath=off", *args],
                cwd=self.folder,
                input=stdin,
                capture_output=True,
                text=True,
                encoding="utf-8",
                check=False,
            )
        except (OSError, ValueError):
            return None
        return result.stdout if result.returncode == 0 else None

    def existing_commits(self, revisions: Iterable[str]) -> set[str]:
        """Those of `revisions` (hashes, or any name git accepts) that name a commit: one `git cat-file` for all, as
        one git process per translation cost more than the rest of reading it (about 5 ms of CPU each)."""
        # a line of the batch is one revision: one with blanks in it names nothing, and would break the batch
        asked = sorted({r for r in revisions if r and not any(c.isspace() for c in r)})
        answer = (
            self._run("cat-file", "--batch-check", stdin="".join(f"{r}^{{commit}}\n" for r in asked)) if asked else ""
        )
        lines = (answer or "").splitlines()
        # a commit: "<hash> commit <size>"; anything else: "<revision> missing" (or "ambiguous")
        return {r for r, line in zip(asked, lines, strict=False) if line.split(" ")[1:2] == ["commit"]}

    def staleness(self, commit: str, paths: list[str]) -> dict[str, Staleness]:
        """Of `paths`, those that changed between `commit` and HEAD, with how: one `git log` for all of them, then
        one `git diff` for each path that changed."""
        dates: dict[str, str] = {}  # path → the date of the latest commit that changed it
        for start in range(0, len(paths), PATHS_PER_CALL):
            log = self._run(
                "log",
                "-z",
                "--format=%x01%cs",
                "--name-only",
                "--relative",
                f"{commit}..HEAD",
                "--",
                *paths[start : start + PATHS_PER_CALL],
            )
            for entry in (log or "").split("\x01")[1:]:  # newest first: "<date>\0\n<path>\0<path>\0"
                date, _, names = entry.partition("\0")
                for name in names.lstrip("\n").split("\0"):
                    dates.setdefault(name, date)
        found = {}
        for path in paths:
            if path in dates and (stale := self._spans(commit, path, dates[path])) is not None:
                found[path] = stale
        return found

    def _spans(self, commit: str, path: str, date: str) -> Staleness | None:
        """The lines of `path` that differ between `commit` and HEAD, None when none do (changed, then back)."""
        diff = self._run("diff", "-U0", "--no-color", commit, "HEAD", "--", path)
        if not diff:
            return None
        spans = []
        for match in re.finditer(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@", diff, re.MULTILINE):
            start, count = int(match[1]), int(match[2]) if match[2] is not None else 1
            if count == 0:  # lines removed: the place where they were
                spans.append(str(max(start, 1)))
            else:
                spans.append(str(start) if count == 1 else f"{start}–{start + count - 1}")
        if not spans:
            return None
        word = "line" if len(spans) == 1 and "–" not in spans[0] else "lines"
        return Staleness(dt.date.fromisoformat(date), f"{word} {', '.join(spans)}")


# -- reading ------------------------------------------------------------------------------------------------


class TranslationReader:
    """Pairs translation files with their sources and reports every problem with its position."""

    def __init__(self, root: str, languages: tuple[str, ...], problems: Problems, git: Git | None = None) -> None:
        self.root = root
        self.languages = languages
        self.problems = problems
        self._git = git
        self.result = Translations(languages=languages)
        #: translations whose `translated_from` is asked of git once all are read: (translation, line, column)
        self._to_date: list[tuple[Translation, int, int]] = []

    @property
    def git(self) -> Git:
        if self._git is None:
            self._git = Git(self.root)
        return self._git

    def read(
        self,
        files: list[str],
        modules: dict[str, Module],
        sources: dict[str, YamlDocument | None],
        tracks: list[Track],
        mentors: dict[str, Mentor],
        published: list[str],
    ) -> Translations:
        """`files`: every src_uri of the curriculum folder; `sources`: each module's parsed front matter."""
        by_uri = {m.src_uri: m for m in modules.values()}
        track_ids = {t.id for t in tracks}
        translations = [(uri, pair) for uri in sorted(files) if (pair := split_translation(uri))]
        if translations and not self.languages:
            self._one_language_site([uri for uri, _ in translations], sorted({lang for _, (_, lang) in translations}))
            return self.result
        for src_uri, (source_uri, lang) in translations:
            if not self._language_ok(src_uri, lang):
                continue
            name = source_uri.rsplit("/", 1)[-1]
            if source_uri.endswith(".md"):
                module = by_uri.get(source_uri)
                if module is not None:
                    self._read_module(src_uri, lang, module, sources.get(source_uri))
                elif os.path.isfile(os.path.join(self.root, source_uri)):
                    self._read_page(src_uri, lang, source_uri)
                else:
                    self._no_source(src_uri, source_uri, [m.src_uri for m in modules.values()] + ["index.md"])
            elif name == "track.yml" and source_uri.rpartition("/")[0] in track_ids:
                self._read_text_yaml(src_uri, lang, TRACK_TEXT_FIELDS, self.result.tracks, source_uri)
            elif source_uri == "mentors.yml":
                self._read_mentors(src_uri, lang, mentors)
            elif source_uri == "glossary.yml" or name == "glossary.yml":
                continue  # the rich plugin reads and checks it
            else:
                self._no_source(src_uri, source_uri, [])
        for lang in self.languages[1:]:
            for module_id in published:
                if self.result.module(lang, module_id) is None:
                    module = modules[module_id]
                    self.problems.info(
                        module.src_uri,
                        1,
                        1,
                        "missing-translation",
                        f"no translation into '{lang}'",
                        f"translate it in {translated_uri(module.src_uri, lang)} (the {lang} site shows this page "
                        "meanwhile, marked as not yet translated)",
                    )
        self._date_translations()
        return self.result

    def _one_language_site(self, files: list[str], languages: list[str]) -> None:
        # a site without `languages` is the one-language site it always was: its translations wait, said once
        # (not per file: every build and preview would print them all)
        count = f"{len(files)} translation files" if len(files) > 1 else "1 translation file"
        self.problems.info(
            files[0],
            1,
            1,
            "one-language-site",
            f"{count} ({', '.join(languages)}) not published: the site has one language",
            "list the languages in 'languages' of smartshare/curriculum in mkdocs.yml, the sources' language first, "
            "to publish one site per language (README, 'International curricula')",
        )

    def _language_ok(self, src_uri: str, lang: str) -> bool:
        if lang in self.languages[1:]:
            return True
        if self.languages and lang == self.languages[0]:
            hint = f"the sources are written in '{lang}' (the first of 'languages'): write this in the source file"
        else:
            configured = ", ".join(self.languages) or "none"
            hint = did_you_mean(
                lang,
                self.languages,
                f"add '{lang}' to 'languages' of smartshare/curriculum in mkdocs.yml (now: {configured})",
            )
        self.problems.warning(
            src_uri, 1, 1, "unknown-language", f"translation into '{lang}', not a site language", hint
        )
        return False

    def _no_source(self, src_uri: str, source_uri: str, candidates: list[str]) -> None:
        hint = did_you_mean(source_uri, candidates, f"name it after the file it translates, e.g. {source_uri}")
        self.problems.warning(src_uri, 1, 1, "unknown-source", f"translates '{source_uri}', which does not exist", hint)

    def _front_matter(self, src_uri: str) -> tuple[YamlDocument | None, str, int] | None:
        try:
            with open(os.path.join(self.root, src_uri), encoding="utf-8-sig") as handle:
                text = handle.read()
        except (OSError, UnicodeDecodeError):
            return None  # the source tree reports unreadable files
        split = split_front_matter(text)
        if split.yaml_text is None or split.unterminated:
            return None, split.body, split.body_line
        try:
            doc = load_yaml(split.yaml_text, line_offset=1)
        except YamlSyntaxError as error:
            self.problems.error(src_uri, error.position.line, error.position.column, "yaml-syntax", error.message)
            return None
        return doc, split.body, split.body_line

    def _read_module(self, src_uri: str, lang: str, module: Module, source: YamlDocument | None) -> None:
        read = self._front_matter(src_uri)
        if read is None:
            return
        doc, body, body_line = read
        data = doc.data if doc is not None and isinstance(doc.data, dict) else {}
        translation = Translation(lang, src_uri, module.src_uri, body=body, body_line=body_line)
        source_data = source.data if source is not None and isinstance(source.data, dict) else {}
        for key, value in data.items():
            assert doc is not None  # data comes from it
            if key in TEXT_FIELDS:
                translation.fields[key] = value
            elif key == TRANSLATED_FROM:
                translation.translated_from = str(value) if value is not None else None
            elif key in source_data and source_data[key] != value:
                where = doc.value_at(key)
                self.problems.warning(
                    src_uri,
                    where.line,
                    where.column,
                    "shared-field-differs",
                    f"'{key}' differs from {module.src_uri}: the source's value is used",
                    f"a translation shares '{key}' with its source: remove it here, or change it in {module.src_uri}",
                )
            elif key not in source_data:
                where = doc.key_at(key)
                self.problems.warning(
                    src_uri,
                    where.line,
                    where.column,
                    "not-a-text-field",
                    f"'{key}' is not a text field: a translation takes it from {module.src_uri}",
                    f"a translation sets only {', '.join(TEXT_FIELDS)} and {TRANSLATED_FROM}; "
                    f"write '{key}' in {module.src_uri}",
                )
        self._check_quizzes(translation, module)
        self._check_commit(translation, doc)
        self.result.modules.setdefault(lang, {})[module.id] = translation
        self.result.pages.setdefault(lang, {})[module.src_uri] = translation

    def _read_page(self, src_uri: str, lang: str, source_uri: str) -> None:
        read = self._front_matter(src_uri)
        if read is None:
            return
        doc, body, body_line = read
        translation = Translation(lang, src_uri, source_uri, body=body, body_line=body_line)
        if doc is not None and isinstance(doc.data, dict):
            translation.fields = {k: v for k, v in doc.data.items() if k != TRANSLATED_FROM}
            value = doc.data.get(TRANSLATED_FROM)
            translation.translated_from = str(value) if value is not None else None
            self._check_commit(translation, doc)
        self.result.pages.setdefault(lang, {})[source_uri] = translation

    def _check_quizzes(self, translation: Translation, module: Module) -> None:
        ours = {m["id"]: m for m in _QUIZ_ID.finditer(translation.body) if m["id"]}
        theirs = {m["id"] for m in _QUIZ_ID.finditer(module.body) if m["id"]}
        for quiz_id, match in ours.items():
            if quiz_id not in theirs:
                line = translation.body_line + translation.body.count("\n", 0, match.start())
                self.problems.warning(
                    translation.src_uri,
                    line,
                    1,
                    "quiz-not-in-source",
                    f"quiz '{quiz_id}' is not in {module.src_uri}",
                    did_you_mean(quiz_id, theirs, "a translation keeps the quiz ids of its source"),
                )
        for quiz_id in sorted(theirs - set(ours)):
            self.problems.warning(
                translation.src_uri,
                translation.body_line,
                1,
                "quiz-missing",
                f"quiz '{quiz_id}' of {module.src_uri} is not translated",
                f"translate it here as '/// quiz | {quiz_id}', with the same id",
            )

    def _check_commit(self, translation: Translation, doc: YamlDocument | None) -> None:
        if translation.translated_from is None:
            self.problems.warning(
                translation.src_uri,
                1,
                1,
                "missing-translated-from",
                f"no '{TRANSLATED_FROM}': which version of {translation.source_uri} does this translate?",
                f"add '{TRANSLATED_FROM}: <commit>', the commit of the source you translated "
                f"(git log -1 --format=%h -- {translation.source_uri})",
            )
            return
        where = doc.value_at(TRANSLATED_FROM) if doc is not None else None
        self._to_date.append((translation, where.line, where.column) if where else (translation, 1, 1))

    def _date_translations(self) -> None:
        """Each translation's `translated_from` checked against git, for all of them at once: which commits exist
        (one git process), then per commit which sources changed since (one more, and one per changed source)."""
        pending, self._to_date = self._to_date, []
        if not pending or not self.git.available:
            return
        known = self.git.existing_commits(t.translated_from or "" for t, _, _ in pending)
        by_commit: dict[str, list[tuple[Translation, int, int]]] = {}
        for translation, line, column in pending:
            commit = translation.translated_from or ""
            if commit in known:
                by_commit.setdefault(commit, []).append((translation, line, column))
                continue
            self.problems.warning(
                translation.src_uri,
                line,
                column,
                "unknown-commit",
                f"'{commit}' is not a commit of this repository",
                f"write the commit of {translation.source_uri} you translated "
                f"(git log --format=%h -- {translation.source_uri})",
            )
        for commit, group in by_commit.items():
            stale = self.git.staleness(commit, sorted({t.source_uri for t, _, _ in group}))
            for translation, line, column in group:
                translation.stale = stale.get(translation.source_uri)
                if translation.stale:
                    self._report_stale(translation, line, column)

    def _report_stale(self, translation: Translation, line: int, column: int) -> None:
        assert translation.stale is not None
        self.problems.info(
            translation.src_uri,
            line,
            column,
            "stale-translation",
            f"{translation.source_uri} changed since this translation: {translation.stale.describe()}",
            f"update the translation (git diff {translation.translated_from} HEAD -- "
            f"{translation.source_uri}), then set '{TRANSLATED_FROM}' to the source's latest commit",
        )

    def _read_text_yaml(self, src_uri: str, lang: str, allowed: tuple[str, ...], into: dict, source_uri: str) -> None:
        doc = self._yaml(src_uri)
        if doc is None or not isinstance(doc.data, dict):
            return
        fields = {}
        for key, value in doc.data.items():
            if key in allowed:
                fields[key] = value
            elif key != TRANSLATED_FROM:  # a translated track says which version it translates, as a module does
                where = doc.key_at(key)
                self.problems.warning(
                    src_uri,
                    where.line,
                    where.column,
                    "not-a-text-field",
                    f"'{key}' is not a text field: the translation takes it from {source_uri}",
                    f"a translated track sets only {', '.join(allowed)} and {TRANSLATED_FROM}",
                )
        into.setdefault(lang, {})[source_uri.rpartition("/")[0]] = fields
        value = doc.data.get(TRANSLATED_FROM)
        if value is not None:  # optional for a track: its few lines are checked against git when it says which
            self._check_commit(Translation(lang, src_uri, source_uri, translated_from=str(value)), doc)

    def _read_mentors(self, src_uri: str, lang: str, mentors: dict[str, Mentor]) -> None:
        doc = self._yaml(src_uri)
        if doc is None or not isinstance(doc.data, dict):
            return
        translated = self.result.mentors.setdefault(lang, {})
        for mentor_id, data in doc.data.items():
            if mentor_id not in mentors:
                where = doc.key_at(mentor_id)
                self.problems.warning(
                    src_uri,
                    where.line,
                    where.column,
                    "unknown-mentor",
                    f"unknown mentor '{mentor_id}'",
                    did_you_mean(str(mentor_id), mentors, "use the mentor's id from mentors.yml"),
                )
                continue
            fields = {}
            for key, value in (data or {}).items() if isinstance(data, dict) else ():
                if key in MENTOR_TEXT_FIELDS:
                    fields[key] = value
                else:
                    where = doc.key_at(mentor_id, key)
                    self.problems.warning(
                        src_uri,
                        where.line,
                        where.column,
                        "not-a-text-field",
                        f"'{key}' is not a text field: the translation takes it from mentors.yml",
                        f"a translated mentor sets only {', '.join(MENTOR_TEXT_FIELDS)}",
                    )
            translated[str(mentor_id)] = fields

    def _yaml(self, src_uri: str) -> YamlDocument | None:
        try:
            with open(os.path.join(self.root, src_uri), encoding="utf-8-sig") as handle:
                text = handle.read()
        except (OSError, UnicodeDecodeError):
            return None
        try:
            return load_yaml(text)
        except YamlSyntaxError as error:
            self.problems.error(src_uri, error.position.line, error.position.column, "yaml-syntax", error.message)
            return None


# -- one language's curriculum ----------------------------------------------------------------------------------


def _text(fields: dict, key: str, default):
    value = fields.get(key)
    if key in ("objectives", "audience", "expertise"):
        return [str(v) for v in value] if isinstance(value, list) else default
    return str(value) if isinstance(value, str | int | float) and str(value).strip() else default


def localize(curriculum: Curriculum, translations: Translations, lang: str) -> Curriculum:
    """The curriculum as the `lang` site shows it: translated text where there is one, the source's elsewhere.

    Ids, order, durations, mentors and every other shared field stay the source's.
    """
    modules = {}
    for module_id, module in curriculum.modules.items():
        translation = translations.module(lang, module_id)
        if translation is None:
            modules[module_id] = module
            continue
        modules[module_id] = dataclasses.replace(
            module,
            title=_text(translation.fields, "title", module.title),
            summary=_text(translation.fields, "summary", module.summary),
            objectives=_text(translation.fields, "objectives", module.objectives),
            audience=_text(translation.fields, "audience", module.audience),
            body=translation.body,
            body_line=translation.body_line,
            lang=lang,
        )
    tracks = []
    for track in curriculum.tracks:
        fields = translations.tracks.get(lang, {}).get(track.id, {})
        tracks.append(
            dataclasses.replace(
                track,
                title=_text(fields, "title", track.title),
                summary=_text(fields, "summary", track.summary),
                objectives=_text(fields, "objectives", track.objectives),
                audience=_text(fields, "audience", track.audience),
                module_ids=list(track.module_ids),
            )
        )
    mentors = {}
    for mentor_id, mentor in curriculum.mentors.items():
        fields = translations.mentors.get(lang, {}).get(mentor_id, {})
        mentors[mentor_id] = dataclasses.replace(
            mentor,
            role=_text(fields, "role", mentor.role),
            bio=_text(fields, "bio", mentor.bio),
            expertise=_text(fields, "expertise", mentor.expertise),
        )
    return dataclasses.replace(
        curriculum, tracks=tracks, modules=modules, mentors=mentors, left_out=list(curriculum.left_out)
    )
