"""Golden files are never created or rewritten by the tests that read them, unless asked to."""

from __future__ import annotations

import pytest

from golden import UPDATE, assert_golden


def test_a_missing_golden_file_fails_and_is_not_created(tmp_path, monkeypatch):
    monkeypatch.delenv(UPDATE, raising=False)
    with pytest.raises(pytest.fail.Exception, match="is missing: run with SMARTSHARE_UPDATE_GOLDEN=1"):
        assert_golden("<p>new</p>\n", tmp_path / "golden" / "new.html")
    assert not (tmp_path / "golden").exists()


def test_a_different_output_fails_with_the_difference_and_leaves_the_file(tmp_path, monkeypatch):
    monkeypatch.delenv(UPDATE, raising=False)
    golden = tmp_path / "quiz.html"
    golden.write_text("<p>old</p>\n", encoding="utf-8")
    with pytest.raises(pytest.fail.Exception, match=r"(?s)-<p>old</p>.*\+<p>new</p>"):
        assert_golden("<p>new</p>\n", golden)
    assert golden.read_text(encoding="utf-8") == "<p>old</p>\n"


def test_the_same_output_passes(tmp_path, monkeypatch):
    monkeypatch.delenv(UPDATE, raising=False)
    golden = tmp_path / "quiz.html"
    golden.write_text("<p>same</p>\n", encoding="utf-8")
    assert_golden("<p>same</p>\n", golden)


@pytest.mark.parametrize("flag", ["", "0"])
def test_only_a_set_update_flag_writes(tmp_path, monkeypatch, flag):
    monkeypatch.setenv(UPDATE, flag)
    with pytest.raises(pytest.fail.Exception):
        assert_golden("<p>x</p>\n", tmp_path / "x.html")


def test_asked_to_update_the_test_writes_the_golden_file(tmp_path, monkeypatch):
    monkeypatch.setenv(UPDATE, "1")
    assert_golden("<p>new</p>\n", tmp_path / "golden" / "new.html")
    assert (tmp_path / "golden" / "new.html").read_bytes() == b"<p>new</p>\n"
