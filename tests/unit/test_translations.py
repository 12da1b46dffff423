"""Translations: pairing with their sources, shared fields, quiz ids, and staleness on a real git repository."""

import datetime as dt
import os
import subprocess

import pytest

from sitebuilder import TRACK, basic_tree, write_tree
from smartshare.core.loader import LoadOptions, load_curriculum
from smartshare.core.translations import split_translation

TODAY = dt.date(2026, 9, 21)
LANGS = ("en", "fr", "zh")

SOURCE = """\
---
title: Chatbots
summary: What chatbots can do for your team.
mentors: [amina-diallo]
duration: 60
objectives: [Name three tasks a chatbot handles well]
---

Some **content** about it.

/// quiz | chatbots-basics
Question?

- [x] Yes
- [ ] No
///
"""

FRENCH = """\
---
title: Les chatbots
summary: Ce que les chatbots font pour votre équipe.
objectives: [Citer trois tâches]
translated_from: {commit}
---

Du **contenu** à ce sujet.

/// quiz | chatbots-basics
Question ?

- [x] Oui
- [ ] Non
///
"""


def load(root, language=None, languages=LANGS):
    curriculum, problems = load_curriculum(str(root), LoadOptions(today=TODAY, languages=languages, language=language))
    return curriculum, [p.format().replace(str(root) + "/", "") for p in problems]


def git(root, *args):
    env = {**os.environ, "GIT_AUTHOR_DATE": "2026-11-20T10:00:00", "GIT_COMMITTER_DATE": "2026-11-20T10:00:00"}
    return subprocess.run(
        ["git", "-c", "user.name=T", "-c", "user.email=t@example.com", *args],
        cwd=root,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()


def tree(**extra):
    files = basic_tree()
    files["ai/chatbots.md"] = SOURCE
    files.update(extra)
    return files


@pytest.fixture
def repo(tmp_path):
    """A curriculum in a git repository: the French translation made from the first commit, the source changed."""
    write_tree(tmp_path, tree())
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "first")
    first = git(tmp_path, "rev-parse", "--short", "HEAD")
    (tmp_path / "ai" / "chatbots.fr.md").write_text(FRENCH.format(commit=first), encoding="utf-8")
    source = tmp_path / "ai" / "chatbots.md"
    source.write_text(SOURCE.replace("Some **content**", "Some new **content**"), encoding="utf-8")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "second")
    return tmp_path, first


def test_translation_files_are_named_after_their_source():
    assert split_translation("ai/chatbots.fr.md") == ("ai/chatbots.md", "fr")
    assert split_translation("ai/track.zh.yml") == ("ai/track.yml", "zh")
    assert split_translation("index.pt-BR.md") == ("index.md", "pt-BR")
    assert split_translation("ai/chatbots.md") is None


def test_a_translation_is_paired_with_its_module_and_is_no_module_of_its_own(tmp_path):
    write_tree(tmp_path, tree(**{"ai/chatbots.fr.md": FRENCH.format(commit="abc1234")}))
    curriculum, shown = load(tmp_path)
    assert "ai/chatbots.fr" not in curriculum.modules
    translation = curriculum.translations.module("fr", "ai/chatbots")
    assert translation.fields["title"] == "Les chatbots"
    assert "Du **contenu**" in translation.body
    # no git here: the commit is not checked, and nothing is said about it
    assert not [line for line in shown if "commit" in line]


def test_the_french_curriculum_has_translated_text_and_the_sources_shared_fields(tmp_path):
    write_tree(tmp_path, tree(**{"ai/chatbots.fr.md": FRENCH.format(commit="abc1234")}))
    curriculum, _ = load(tmp_path, language="fr")
    chatbots = curriculum.modules["ai/chatbots"]
    assert (chatbots.title, chatbots.duration, chatbots.mentors) == ("Les chatbots", 60, ["amina-diallo"])
    assert curriculum.modules["ai/machine-learning"].title == "Machine learning"  # not translated: the source


def test_a_shared_field_that_differs_is_a_warning_at_its_line(tmp_path):
    text = FRENCH.format(commit="abc1234").replace("translated_from", "duration: 90\ntranslated_from")
    write_tree(tmp_path, tree(**{"ai/chatbots.fr.md": text}))
    _, shown = load(tmp_path)
    assert (
        "ai/chatbots.fr.md:5:11: warning [shared-field-differs] 'duration' differs from ai/chatbots.md: the source's "
        "value is used — a translation shares 'duration' with its source: remove it here, or change it in "
        "ai/chatbots.md"
    ) in shown


def test_a_translation_of_a_module_that_does_not_exist_suggests_the_closest(tmp_path):
    write_tree(tmp_path, tree(**{"ai/chatbot.fr.md": FRENCH.format(commit="abc1234")}))
    _, shown = load(tmp_path)
    assert (
        "ai/chatbot.fr.md:1:1: warning [unknown-source] translates 'ai/chatbot.md', which does not exist — "
        "did you mean 'ai/chatbots.md'?"
    ) in shown


def test_a_language_that_is_not_configured_is_a_warning(tmp_path):
    write_tree(tmp_path, tree(**{"ai/chatbots.de.md": FRENCH.format(commit="abc1234")}))
    _, shown = load(tmp_path)
    assert [line for line in shown if "[unknown-language]" in line] == [
        "ai/chatbots.de.md:1:1: warning [unknown-language] translation into 'de', not a site language — add 'de' "
        "to 'languages' of smartshare/curriculum in mkdocs.yml (now: en, fr, zh)"
    ]


def test_missing_translated_from_and_quiz_ids_that_differ_are_warnings(tmp_path):
    text = FRENCH.format(commit="x").replace("translated_from: x\n", "").replace("chatbots-basics", "chatbot-basic")
    write_tree(tmp_path, tree(**{"ai/chatbots.fr.md": text}))
    _, shown = load(tmp_path)
    codes = sorted(line.split("[")[1].split("]")[0] for line in shown if line.startswith("ai/chatbots.fr.md"))
    assert codes == ["missing-translated-from", "quiz-missing", "quiz-not-in-source"]
    assert any("quiz 'chatbot-basic' is not in ai/chatbots.md — did you mean 'chatbots-basics'?" in s for s in shown)


def test_missing_translations_are_notices_not_warnings(tmp_path):
    write_tree(tmp_path, tree())
    _, shown = load(tmp_path)
    assert "ai/chatbots.md:1:1: info [missing-translation] no translation into 'fr'" in [
        s.split(" — ")[0] for s in shown
    ]


def test_a_translation_older_than_its_source_says_when_and_which_lines_changed(repo):
    root, first = repo
    curriculum, shown = load(root)
    stale = curriculum.translations.module("fr", "ai/chatbots")
    assert stale.stale.date == dt.date(2026, 11, 20)
    assert stale.stale.lines == "line 9"
    assert (
        "ai/chatbots.fr.md:5:18: info [stale-translation] ai/chatbots.md changed since this translation: line 9 "
        f"changed on 2026-11-20 — update the translation (git diff {first} HEAD -- ai/chatbots.md), then set "
        "'translated_from' to the source's latest commit"
    ) in shown
    assert curriculum.translations.coverage("fr", ["ai/chatbots", "ai/machine-learning"]) == (1, 2, 1)


def test_a_translation_of_the_latest_source_is_not_stale(repo):
    root, _ = repo
    head = git(root, "rev-parse", "HEAD")
    path = root / "ai" / "chatbots.fr.md"
    path.write_text(path.read_text(encoding="utf-8").split("translated_from")[0] + f"translated_from: {head}\n---\n")
    curriculum, shown = load(root)
    assert curriculum.translations.module("fr", "ai/chatbots").stale is None
    assert not [s for s in shown if "stale-translation" in s]


def test_an_unknown_commit_is_a_warning(repo):
    root, _ = repo
    path = root / "ai" / "chatbots.fr.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("translated_from: ", "translated_from: deadbeef0 #"), encoding="utf-8")
    _, shown = load(root)
    assert [s.split(" — ")[0] for s in shown if "unknown-commit" in s] == [
        "ai/chatbots.fr.md:5:18: warning [unknown-commit] 'deadbeef0' is not a commit of this repository"
    ]


def test_translated_tracks_and_mentors_give_their_text_to_the_language_site(tmp_path):
    files = tree(
        **{
            "ai/track.fr.yml": "title: L'IA pour les managers\norder: 3\n",
            "mentors.fr.yml": "amina-diallo:\n  role: Conceptrice conversationnelle\n",
        }
    )
    write_tree(tmp_path, files)
    curriculum, shown = load(tmp_path, language="fr")
    assert curriculum.track("ai").title == "L'IA pour les managers"
    assert curriculum.mentors["amina-diallo"].role == "Conceptrice conversationnelle"
    assert curriculum.mentors["amina-diallo"].name == "Amina Diallo"
    assert any(s.startswith("ai/track.fr.yml:2:1: warning [not-a-text-field] 'order'") for s in shown)


def test_without_languages_a_curriculum_without_translations_reads_as_before(tmp_path):
    write_tree(tmp_path, basic_tree())
    curriculum, shown = load(tmp_path, languages=())
    assert shown == [] and curriculum.translations is None


def test_stats_count_translations_and_stale_ones_per_language(repo):
    from smartshare.core.stats import compute

    root, _ = repo
    curriculum, _ = load(root)
    stats = compute(curriculum, TODAY, 365, lambda body: 0)
    assert stats.translations == {"fr": (1, 2, 1), "zh": (0, 2, 0)}
    assert stats.as_dict()["translations"]["fr"] == {"translated": 1, "total": 2, "stale": 1}


def test_many_translations_ask_git_a_few_times_and_get_the_answers_one_would_each(tmp_path, monkeypatch):
    """Commits are checked all at once, sources per commit: 24 translations, a few git processes (one per
    translation, three each, cost a two-language build of 2,000 modules about 20 s of CPU)."""
    names = [f"m{n:02d}{' spaced' if n == 4 else ''}" for n in range(24)]  # a path git would quote
    track = TRACK.split("modules:")[0] + "modules:\n" + "".join(f"  - {name}\n" for name in names)
    files = {"mentors.yml": basic_tree()["mentors.yml"], "ai/track.yml": track}
    files.update({f"ai/{name}.md": SOURCE for name in names})
    write_tree(tmp_path, files)
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "first")
    first = git(tmp_path, "rev-parse", "--short", "HEAD")
    for name in names[:5]:  # changed after the first commit: their translations from it are stale
        (tmp_path / "ai" / f"{name}.md").write_text(SOURCE.replace("Some", "Some new"), encoding="utf-8")
    git(tmp_path, "commit", "-q", "-am", "second")
    second = git(tmp_path, "rev-parse", "HEAD")
    commits = [first, second, "deadbeef0", "no such"]  # by position: a stale, a current, an unknown commit
    for n, name in enumerate(names):
        (tmp_path / "ai" / f"{name}.fr.md").write_text(FRENCH.format(commit=commits[n % 4]), encoding="utf-8")
    runs = []
    real = subprocess.run
    monkeypatch.setattr(subprocess, "run", lambda args, **kw: runs.append(args[3]) or real(args, **kw))

    _, shown = load(tmp_path)
    problems = sorted(s.split(" — ")[0] for s in shown if "commit" in s or "stale" in s)
    assert problems == sorted(
        [
            f"ai/{name}.fr.md:5:18: info [stale-translation] ai/{name}.md changed since this translation: line 9 "
            "changed on 2026-11-20"
            for name in ("m00", "m04 spaced")
        ]
        + [
            f"ai/{names[n]}.fr.md:5:18: warning [unknown-commit] 'deadbeef0' is not a commit of this repository"
            for n in range(2, 24, 4)
        ]
        + [
            f"ai/{names[n]}.fr.md:5:18: warning [unknown-commit] 'no such' is not a commit of this repository"
            for n in range(3, 24, 4)
        ]
    )
    # is it a repository; which commits exist; per existing commit, which sources changed; a diff per changed one
    assert sorted(runs) == sorted(["rev-parse", "cat-file", "log", "log", "diff", "diff"])
