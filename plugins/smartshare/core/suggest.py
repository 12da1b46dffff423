"""'Did you mean …?' hints for misspelt keys and ids."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def closest(word: str, candidates: Iterable[str], limit: int = 3) -> list[str]:
    return difflib.get_close_matches(str(word), sorted(set(candidates)), n=limit, cutoff=0.6)


def did_you_mean(word: str, candidates: Iterable[str], fallback: str = "") -> str:
    """A hint naming the closest candidates, or `fallback` when none is close."""
    return suggestion(closest(word, candidates), fallback)


def suggestion(matches: Iterable[str], fallback: str = "") -> str:
    """ "did you mean 'a' or 'b'?" for the matches found, or `fallback` when there is none."""
    quoted = " or ".join(f"'{m}'" for m in matches)
    return f"did you mean {quoted}?" if quoted else fallback


class NearIndex:
    """Candidates filed once under a key, for "did you mean" among thousands of them (every file of a site).

    `closest` compares a word with every candidate, which is fine for the dozen fields of a schema but makes each
    broken link of a 2,000-page site cost 2,000 comparisons. Here each candidate is filed under its key and under
    every variant of the key with one character removed (the symmetric-delete method), so a lookup finds the keys
    within one edit of the word — a character missing, extra, changed, or two swapped — in time that depends on
    the word's length, not on how many candidates there are.
    """

    def __init__(self, items: Iterable[tuple[str, str]]) -> None:
        self._exact: dict[str, list[str]] = {}
        self._near: dict[str, set[str]] = {}  # key with one character removed → keys
        for key, value in items:
            key = key.casefold()
            if key not in self._exact:
                self._exact[key] = []
                for variant in _deletes(key):
                    self._near.setdefault(variant, set()).add(key)
            self._exact[key].append(value)

    def lookup(self, word: str) -> list[str]:
        """The values filed under `word`'s key if any, else under the keys one edit away (in key order)."""
        word = word.casefold()
        if word in self._exact:
            return list(self._exact[word])
        keys: set[str] = set(self._near.get(word, ()))  # a character too many in `word`
        for variant in _deletes(word):
            keys.update(self._near.get(variant, ()))  # one changed, or two swapped
            if variant in self._exact:
                keys.add(variant)  # a character missing from `word`
        return [value for key in sorted(keys) for value in self._exact[key]]


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}
