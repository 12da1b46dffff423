"""The digest a check keeps its findings by: one text read one way, one digest; any other, another."""

from __future__ import annotations

import hashlib

from smartshare.cache.findings import digest


def test_the_digest_tells_apart_texts_and_where_their_parts_end():
    page = b"<p>A page of the learner site</p>\n" * 100
    assert digest(b"", page) == digest(b"", bytes(page))  # the same bytes: the same digest, build after build
    assert digest(b"", page) != digest(b"", page + b"\n")
    assert digest(b".json", page) != digest(b"", page)  # read as JSON, the same bytes are another text
    assert digest(b"a", b"bc") != digest(b"ab", b"c")  # parts are not simply concatenated
    assert len(digest(b"", page)) == 64 and int(digest(b"", page), 16) >= 0  # 32 bytes, as hex


def test_the_digest_is_blake2b_of_the_parts_with_their_lengths():
    # BLAKE2b rather than SHA-256: every learner file is digested in every build (see `digest`)
    expected = hashlib.blake2b(digest_size=32)
    for part in (b".gz", b"\x1f\x8b data"):
        expected.update(len(part).to_bytes(8, "little") + part)
    assert digest(b".gz", b"\x1f\x8b data") == expected.hexdigest()
