"""Two builds of one commit, in two checkouts, give byte-identical sites."""

import hashlib

from .harness import build_example, copy_project


def fingerprint(site):
    return {
        p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


def test_two_builds_of_one_commit_are_identical(example_site, tmp_path):
    second = build_example(tmp_path / "site", source=copy_project(tmp_path / "checkout"))
    first, again = fingerprint(example_site), fingerprint(second)
    assert sorted(first) == sorted(again)
    assert [name for name in first if first[name] != again[name]] == []
