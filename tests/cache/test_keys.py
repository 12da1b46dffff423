"""smartshare/cache, what a key covers, for the cheaper ways the keys are made: each input the key depends on
changes it (a page's content through its digest, a front matter whose value changed only in type, the Markdown
render's source, path and URL, a package's version read once per process)."""

from __future__ import annotations

import datetime as dt
import hashlib
import pickle

from markupsafe import Markup

from smartshare.cache import context, store
from smartshare.cache.context import Metas, Templates, content_digest
from smartshare.cache.frontmatter import FrontMatter
from smartshare.cache.render import PageRenderCache
from smartshare.cache.store import CacheStore, fingerprint, new_digest

NONCE, OTHER_BUILD = "a" * 16, "b" * 16


def _markers(count: int, nonce: str = NONCE) -> list[str]:
    return [f"<!--smartshare-late-curriculum-{nonce}-{index}-->" for index in range(count)]


def test_the_keys_hash_is_blake2b_of_32_bytes():
    assert new_digest(b"page").hexdigest() == hashlib.blake2b(b"page", digest_size=32).hexdigest()
    assert len(new_digest().hexdigest()) == 64  # as long as SHA-256's: entry names keep their length


def test_the_content_in_a_key_is_its_text_and_where_its_markers_stood_whatever_their_nonce():
    first, other_build = _markers(2), _markers(2, OTHER_BUILD)
    page = "<p>é \udcff</p>{0}<p>x</p>{1}"  # non-ASCII, and a lone surrogate (written as MkDocs may read it)
    digest, positions = content_digest(page.format(*first), first)
    assert content_digest(page.format(*other_build), other_build) == (digest, positions)
    assert positions == ["13:0", f"{13 + len(first[0]) + 8}:1"]  # in bytes: "é" is two, the lone surrogate three
    different = [
        ("<p>é \udcff</p>{0}<p>y</p>{1}", first),  # a character of the text
        ("<p>e \udcff</p>{0}<p>x</p>{1}", first),  # a character less in bytes, the markers moved with it
        ("<p>é \udcfe</p>{0}<p>x</p>{1}", first),  # another lone surrogate
        ("<p>é \udcff</p><p>x</p>{0}{1}", first),  # a marker elsewhere
        ("<p>é \udcff</p>{0}<p>x</p>", first[:1]),  # a marker less
    ]
    for text, markers in different:
        assert content_digest(text.format(*markers), markers) != (digest, positions), text
    # the pieces are told apart: text moved from one side of a marker to the other is another content
    assert content_digest(f"ab{first[0]}c", first[:1])[0] != content_digest(f"a{first[0]}bc", first[:1])[0]
    assert content_digest(f"a{first[0]}", first[:1])[0] != content_digest("a", [])[0]
    assert content_digest("", [])[0] != content_digest("\0", [])[0]


def test_a_marker_is_found_in_the_bytes_where_it_stands_in_the_text():
    # every marker the pattern finds, also one an author wrote with other digits than ASCII's (`\d`)
    odd = f"<!--smartshare-late-x-{NONCE}-\u0663-->"
    text = f"—{odd}ü{_markers(1)[0]}\U0001f600{odd}"
    markers = [odd, _markers(1)[0], odd]
    _, positions = content_digest(text, markers)
    starts, at = [], 0
    for marker in markers:
        at = text.index(marker, at)
        starts.append(len(text[:at].encode("utf-8")))
        at += len(marker)
    assert positions == [f"{start}:{index}" for index, start in enumerate(starts)]


def test_a_front_matter_changed_only_in_type_has_another_text():
    metas = Metas()
    meta = {"count": 1, "share": 0.5, "flag": True, "when": dt.date(2026, 9, 15), "note": "n"}
    text = metas.text(meta)
    assert metas.text(meta) == text  # its first pickle kept, the same bytes again
    for name, value in [("count", 1.0), ("count", True), ("flag", 1), ("note", Markup("n")), ("when", "2026-09-15")]:
        before = meta[name]
        meta[name] = value  # equal (==) or not, another value for a template
        assert metas.text(meta) != text, (name, value)
        meta[name] = before
        assert metas.text(meta) == text


def test_a_front_matter_that_is_no_longer_plain_data_is_written_out_again():
    metas = Metas()
    meta = {"title": "A"}
    text = metas.text(meta)
    meta["kit"] = {1, 2}  # plain data, of another shape
    assert metas.text(meta) != text
    meta["kit"] = object()  # no longer data a pickle vouches for: written out (which refuses it)
    try:
        metas.text(meta)
    except context.Uncacheable:
        pass
    else:
        raise AssertionError("an object in the front matter was not refused")


def test_within_one_keys_description_a_front_matter_is_pickled_once(monkeypatch):
    metas = Metas()
    meta = {"title": "A", "tags": ["x"]}
    text = metas.text(meta)
    dumps, real = [], pickle.dumps
    monkeypatch.setattr(context.pickle, "dumps", lambda *a, **k: dumps.append(1) or real(*a, **k))
    with metas.checking():
        assert [metas.text(meta) for _ in range(5)] == [text] * 5
    assert len(dumps) == 1
    meta["tags"].append("y")  # between two pages' keys: seen
    assert metas.text(meta) != text


def test_the_markdown_renders_key_covers_the_fingerprint_the_path_the_url_and_the_source(tmp_path):
    cache = PageRenderCache(CacheStore(tmp_path, lambda *a: None), "fingerprint")
    key = cache.key("a.md", "a/", "# A")
    assert cache.key("a.md", "a/", "# A") == key
    others = [cache.key("b.md", "a/", "# A"), cache.key("a.md", "b/", "# A"), cache.key("a.md", "a/", "# B")]
    others.append(PageRenderCache(CacheStore(tmp_path, lambda *a: None), "another").key("a.md", "a/", "# A"))
    assert key not in others and len(set(others)) == len(others)


def test_the_front_matters_key_covers_the_whole_source_and_the_base(tmp_path):
    front = FrontMatter(CacheStore(tmp_path, lambda *a: None))
    key = front.key("---\ntitle: A\n---\nText\n")
    assert front.key("---\ntitle: A\n---\nText\n") == key
    assert front.key("---\ntitle: B\n---\nText\n") != key and front.key("---\ntitle: A\n---\nText!\n") != key
    front.base += b"another PyYAML"
    assert front.key("---\ntitle: A\n---\nText\n") != key


def test_package_versions_are_read_once_per_process_and_each_is_in_the_fingerprint(monkeypatch):
    import importlib.metadata

    asked: list[str] = []
    monkeypatch.setattr(store, "_VERSIONS", {})
    real = importlib.metadata.version
    monkeypatch.setattr(importlib.metadata, "version", lambda name: asked.append(name) or real(name))
    base = fingerprint()
    assert fingerprint() == base and fingerprint("x") != base
    assert sorted(asked) == sorted(store.PACKAGES)  # each package asked for once, however many fingerprints
    versions = dict(store._VERSIONS)
    for package in store.PACKAGES:
        store._VERSIONS[package] = "99.0"
        assert fingerprint() != base, package
        store._VERSIONS[package] = versions[package]
    assert fingerprint() == base


def test_every_word_of_the_templates_is_found_also_beside_other_letters_and_signs(tmp_path):
    (tmp_path / "main.html").write_text("{{ config.site_name }}—{{ foo_bar }}«x9»\n{# naïve zèbre #}", "utf-8")
    (tmp_path / "latin1.html").write_bytes("{{ caf\xe9 }} {{ tail }}".encode("latin-1"))  # not UTF-8: read anyway
    templates = Templates([str(tmp_path)])
    for word in ("config", "site_name", "foo_bar", "x9", "tail", "caf"):
        assert templates.names(word), word
    # ASCII runs of words with other letters are taken as named too: more described, never less
    assert templates.names("na") and templates.names("ve") and templates.names("z") and templates.names("bre")
    assert not templates.names("build_date_utc") and not templates.names("site")
    assert templates.names("naïve")  # not an ASCII word: always described
