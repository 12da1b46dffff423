"""The curriculum-wide glossary: jargon defined once in YAML, shown as abbreviations and on a glossary page.

Plain Python (no MkDocs): the plugin reads the file, appends the abbreviation definitions of the terms a page uses
to its Markdown (Python-Markdown's `abbr` turns each use into `<abbr title="…">`) and renders the page.

    LLM: Large language model — software trained on text to predict the next words.   # every language
    RAG:
      en: Retrieval-augmented generation — the model answers from documents you give it.
      fr: Génération augmentée par la recherche — le modèle répond à partir de vos documents.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field

from ..core.i18n import Translator
from ..core.problems import Problem, Severity
from ..core.translations import translated_uri
from ..core.yamlsource import YamlSyntaxError, load_yaml


@dataclass(frozen=True)
class Term:
    name: str
    definitions: dict[str, str]  # language → text; "" for a definition shared by every language
    line: int

    def definition(self, language: str) -> str | None:
        return self.definitions.get(language) or self.definitions.get("")


@dataclass
class Glossary:
    terms: list[Term] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def abbreviations(self, language: str) -> dict[str, str]:
        """Term → one-line meaning in `language`, for terms that have one."""
        found = {}
        for term in self.terms:
            text = term.definition(language)
            if text:
                found[term.name] = " ".join(text.split())
        return found


def load_glossary(text: str, path: str, language: str, *, require_language: bool = True) -> Glossary:
    """Every term of the file, and a problem (with its line) for each entry that cannot be used.

    `require_language`: a term with meanings per language but none in `language` is a warning (off where another
    file may give that meaning: a language site's `glossary.<lang>.yml`)."""
    glossary = Glossary()

    def problem(line: int, column: int, severity: Severity, code: str, message: str, hint: str) -> None:
        glossary.problems.append(Problem(path, line, column, severity, code, message, hint))

    try:
        doc = load_yaml(text)
    except YamlSyntaxError as error:
        problem(error.position.line, error.position.column, Severity.ERROR, "yaml", error.message, error.hint)
        return glossary
    if doc.data is None:
        return glossary
    if not isinstance(doc.data, dict):
        problem(1, 1, Severity.ERROR, "glossary", "the glossary must map each term to its meaning", _EXAMPLE)
        return glossary
    for name, value in doc.data.items():
        where = doc.key_at(name)
        name = str(name).strip()
        if not name or "]" in name:
            problem(where.line, where.column, Severity.ERROR, "glossary", f"'{name}' cannot be a term", _EXAMPLE)
            continue
        if isinstance(value, str) and value.strip():
            glossary.terms.append(Term(name, {"": value.strip()}, where.line))
        elif isinstance(value, dict) and value and all(isinstance(v, str) and v.strip() for v in value.values()):
            definitions = {str(k): v.strip() for k, v in value.items()}
            glossary.terms.append(Term(name, definitions, where.line))
            if require_language and language not in definitions:
                problem(
                    where.line,
                    where.column,
                    Severity.WARNING,
                    "glossary-language",
                    f"'{name}' has no meaning in '{language}', the site's language",
                    f"add `{language}: …` under '{name}'",
                )
        else:
            at = doc.value_at(name)
            problem(at.line, at.column, Severity.ERROR, "glossary", f"'{name}' has no meaning", _EXAMPLE)
    glossary.terms.sort(key=lambda term: term.name.casefold())
    return glossary


DEFAULT_FILE = "glossary.yml"  # the plugin's default `glossary` option, relative to the docs folder
DEFAULT_PAGE = "glossary.md"  # the plugin's default `glossary_page` option


def glossary_page(docs_dir: str, options: dict) -> str | None:
    """The page smartshare/rich generates from the glossary file (a link target), None without such a file.

    `options` are the plugin's, as written in mkdocs.yml or validated: `smartshare check` and the build agree."""
    source = options.get("glossary", DEFAULT_FILE)
    if not source or not os.path.isfile(os.path.join(docs_dir, source)):
        return None
    return options.get("glossary_page", DEFAULT_PAGE)


def check_glossary_file(docs_dir: str, language: str, name: str = DEFAULT_FILE) -> list[Problem]:
    """The problems of the docs folder's glossary, for `smartshare check` (none when there is no glossary).

    Named from the docs folder, like every problem `smartshare check` collects (see `Problems.root`)."""
    return read_glossary(docs_dir, name, language).problems


def check_language_glossaries(docs_dir: str, languages: tuple[str, ...], name: str = DEFAULT_FILE) -> list[Problem]:
    """The problems each other language's site reports of its glossary (`glossary.fr.yml`), for `smartshare check`;
    the default language's are `check_glossary_file`'s."""
    problems: list[Problem] = []
    for language in languages[1:]:
        problems += site_glossary(docs_dir, name, language, languages[0]).problems
    return [p for p in problems if p.path != name or p.code == "glossary-untranslated"]


def site_glossary(docs_dir: str, name: str, language: str, default_language: str | None = None) -> Glossary:
    """The glossary of the site in `language`. In a language site other than the default one, each term's meaning
    comes from `glossary.<language>.yml` (same shape as glossary.yml, a plain `TERM: meaning` being the meaning in
    that language) first, then from the `<language>:` meaning in glossary.yml, then from its meaning in every
    language; a term with none of these shows the default language's meaning, and one notice lists such terms.
    A term only `glossary.<language>.yml` defines is a term of that site."""
    if not name or not default_language or language == default_language:
        return read_glossary(docs_dir, name, language)
    base = read_glossary(docs_dir, name, language, require_language=False)
    translated_name = translated_uri(name, language)  # glossary.fr.yml
    own = read_glossary(docs_dir, translated_name, language, require_language=False)
    merged = Glossary(problems=base.problems + own.problems)
    own_terms = {term.name: term for term in own.terms}
    untranslated = []
    for term in base.terms:
        mine = own_terms.pop(term.name, None)
        text = (mine and mine.definition(language)) or term.definition(language)
        if not text:
            text = term.definition(default_language)
            if text:
                untranslated.append(term.name)
        merged.terms.append(Term(term.name, {language: text} if text else {}, term.line))
    merged.terms += [Term(t.name, {language: t.definition(language) or ""}, t.line) for t in own_terms.values()]
    merged.terms.sort(key=lambda term: term.name.casefold())
    if untranslated:
        listed = ", ".join(untranslated[:5]) + (" …" if len(untranslated) > 5 else "")
        count = f"{len(untranslated)} term" + ("s have" if len(untranslated) > 1 else " has")
        merged.problems.append(
            Problem(
                name,
                1,
                1,
                Severity.INFO,
                "glossary-untranslated",
                f"{count} no meaning in '{language}' ({listed}): "
                f"the {language} site shows the '{default_language}' one",
                f"add them to {translated_name} (`TERM: meaning`) or `{language}: …` under each term here",
            )
        )
    return merged


def read_glossary(docs_dir: str, name: str, language: str, *, require_language: bool = True) -> Glossary:
    """The glossary file of the docs folder (an empty glossary without one); problems named from the docs folder."""
    path = os.path.join(docs_dir, name)
    if not name or not os.path.isfile(path):
        return Glossary()
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    except (OSError, UnicodeDecodeError) as error:
        reason = "is not valid UTF-8" if isinstance(error, UnicodeDecodeError) else "cannot be read"
        problem = Problem(name, 1, 1, Severity.ERROR, "encoding", f"the glossary {reason}", "save it as UTF-8 text")
        return Glossary(problems=[problem])
    return load_glossary(text, name, language, require_language=require_language)


_EXAMPLE = "write `TERM: meaning`, or one meaning per language (`en: …`, `fr: …`) under the term"


def abbreviation_markdown(abbreviations: dict[str, str], markdown: str) -> str:
    """`*[TERM]: meaning` lines for the terms `markdown` uses (whole words), to append to it."""
    used = [term for term in abbreviations if term in markdown and _word(term).search(markdown)]
    if not used:
        return ""
    return "\n\n" + "\n".join(f"*[{term}]: {abbreviations[term]}" for term in used) + "\n"


def _word(term: str) -> re.Pattern:
    return re.compile(rf"(?<!\w){re.escape(term)}(?!\w)")


def page_markdown(glossary: Glossary, language: str, t: Translator) -> str:
    """The glossary page: every term with its meaning in the site's language, as a definition list."""
    lines = [f"# {t('rich.glossary')}", "", t("rich.glossary_intro"), ""]
    for term in glossary.terms:
        text = term.definition(language)
        if text:
            lines += [term.name, f":   {' '.join(text.split())}", ""]
    return "\n".join(lines)
