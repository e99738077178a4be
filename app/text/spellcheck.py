"""Spell checking with pyspellchecker, which ships its dictionaries (word frequency lists) in its wheel.

A dictionary takes 0.1-0.5 s to load, so nothing is loaded on import: :func:`load` is called from a worker (the
window) or on first need (tests, the command line), and a loaded one is kept for the process. Languages without a
dictionary give ``None``: the caller then checks nothing, quietly.
"""

from __future__ import annotations

import threading
from collections.abc import Collection
from typing import Any

from app.core.spelling import APOSTROPHES, dictionary_code, normalised, tokens

SUGGESTIONS = 5
# edit distance 2 builds ~(54 * length)^2 strings: about 2 s for an 8-letter word on a slow CPU, so it is tried only
# for short words (distance 1 is a millisecond at any length)
_DISTANCE_2_UP_TO = 6
_loaded: dict[str, SpellDictionary] = {}
_lock = threading.Lock()


class SpellDictionary:
    """One language's dictionary; thread-safe to query (lookups only read)."""

    def __init__(self, code: str, checker: Any) -> None:
        self.code = code
        self._checker = checker
        self._words = checker.word_frequency.dictionary  # word -> count, lower case

    def knows(self, word: str, extra: Collection[str] = ()) -> bool:
        """Whether ``word`` is spelt right: in the dictionary or ``extra`` (case-folded words the user added). A
        word with an apostrophe is also right when each part of two letters or more is ("l'homme", "aujourd'hui")."""
        key = normalised(word)
        if key in self._words or key in extra:
            return True
        if not any(a in key for a in APOSTROPHES):
            return False
        parts = [p for p in key.split("'") if len(p) > 1]
        return bool(parts) and all(p in self._words or p in extra for p in parts)

    def misspelled(self, text: str, extra: Collection[str] = ()) -> list[tuple[int, int]]:
        """(start, end) of each word in ``text`` that is not spelt right."""
        return [(a, b) for a, b in tokens(text) if not self.knows(text[a:b], extra)]

    def suggestions(self, word: str, count: int = SUGGESTIONS) -> list[str]:
        """Up to ``count`` corrections, the most frequent first, in the word's own capitalisation."""
        key = normalised(word)
        found = self._checker.known(self._checker.edit_distance_1(key))
        if not found and len(key) <= _DISTANCE_2_UP_TO:
            found = self._checker.known(self._checker.edit_distance_2(key))
        ranked = sorted(found - {key}, key=lambda w: (-self._words.get(w, 0), w))[:count]
        return [_like(word, w) for w in ranked]


def _like(original: str, word: str) -> str:
    if len(original) > 1 and original.isupper():
        return word.upper()
    if original[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def load(language: str | None) -> SpellDictionary | None:
    """The dictionary for a document language, loaded once per process; None when the language has none."""
    code = dictionary_code(language)
    if code is None:
        return None
    with _lock:
        if code not in _loaded:
            from spellchecker import SpellChecker  # lazily: a dictionary is megabytes of JSON

            _loaded[code] = SpellDictionary(code, SpellChecker(language=code, distance=2))
        return _loaded[code]


def loaded(language: str | None) -> SpellDictionary | None:
    """The dictionary if it is loaded already (never loads: safe on the UI thread)."""
    code = dictionary_code(language)
    return _loaded.get(code) if code else None
