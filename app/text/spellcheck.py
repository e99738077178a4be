"""Spell checking with the dictionaries pyspellchecker ships in its wheel (word frequency lists per language).

A dictionary takes 0.1-0.5 s to load, so nothing is loaded on import: :func:`load` is called from a thread (the
window) or on first need (tests, the command line), and a loaded one is kept for the process. Languages without a
dictionary give ``None``: the caller then checks nothing, quietly.

Only the library's data is used. Its own loader parses a file with one json.loads and indexes the letters with one
set union: single calls that hold the GIL for 0.2-0.6 s, during which the window could not repaint although the
load runs in a thread. Here the file is parsed in small pieces, and the suggestions (Norvig's edit distance, as
the library does it) are computed over the dictionary's common letters.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Collection, Iterable

from app.core.spelling import APOSTROPHES, BRITISH, dictionary_code, normalised, tokens

SUGGESTIONS = 5
# distance 2 builds ~(2 * letters * length)^2 strings: tried only for short words when distance 1 finds nothing
_DISTANCE_2_UP_TO = 6
_PIECE = 64 * 1024  # characters of the dictionary file parsed in one call (a few ms)
_RARE_LETTER = 1 / 5000  # a letter in fewer of the words than this is not tried in suggestions
_loaded: dict[str, SpellDictionary] = {}
_lock = threading.Lock()


class SpellDictionary:
    """One language's dictionary; thread-safe to query (lookups only read)."""

    def __init__(self, code: str, words: dict[str, int]) -> None:
        self.code = code
        self._words = words  # lower-case word -> how often it occurs
        counts: Counter[str] = Counter()
        for word in words:
            counts.update(set(word))
        self._letters = "".join(sorted(c for c, n in counts.items() if n >= len(words) * _RARE_LETTER))

    def __len__(self) -> int:
        return len(self._words)

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
        near = _edits(key, self._letters)
        found = {w for w in near if w in self._words}
        if not found and len(key) <= _DISTANCE_2_UP_TO:
            found = {w for e in near for w in _edits(e, self._letters) if w in self._words}
        ranked = sorted(found - {key}, key=lambda w: (-self._words[w], w))[:count]
        return [_like(word, w) for w in ranked]


def _edits(word: str, letters: Iterable[str]) -> set[str]:
    """Every string one edit away: a letter deleted, two swapped, one replaced or one inserted."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out.update(a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1)
    out.update(a + c + b[1:] for a, b in splits if b for c in letters)
    out.update(a + c + b for a, b in splits for c in letters)
    return out


def _like(original: str, word: str) -> str:
    if len(original) > 1 and original.isupper():
        return word.upper()
    if original[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def load(language: str | None) -> SpellDictionary | None:
    """The dictionary for a language name or code ("English", "fr", "en_GB": British English), loaded once per
    process; None when the language has none."""
    code = dictionary_code(language)
    if code is None:
        return None
    with _lock:
        if code not in _loaded:
            _loaded[code] = SpellDictionary(code, _words_of(code))
        return _loaded[code]


def _words_of(code: str) -> dict[str, int]:
    if code != BRITISH:
        return _lower_case(_read_words(code))
    from app.text.british import british_forms, pairs

    american = _loaded.get("en")
    words = dict(american._words) if american is not None else _lower_case(_read_words("en"))
    for form, source in british_forms(words, pairs()).items():
        words[form] = words[source] + 1  # a British suggestion first: "harbuor" -> harbour, then harbor
    return words


def _lower_case(words: dict[str, int]) -> dict[str, int]:
    """Keys in lower case, the counts of words that differ only in case summed (as the library does)."""
    out: dict[str, int] = {}
    for word, count in words.items():
        key = word.lower()
        out[key] = out.get(key, 0) + count
    return out


def _read_words(code: str) -> dict[str, int]:
    """The dictionary's word counts, parsed in pieces of about 64 KB.

    pyspellchecker parses the whole file with one json.loads: a single call that holds the GIL for 0.2 s (English)
    to 0.6 s (German) on a slow CPU, during which the window, though the load runs in a thread, cannot repaint.
    The file is one flat object of word counts, so it splits between two entries; a piece that does not parse
    (a word holding the separator) makes the whole file parse at once, as the library would."""
    import gzip
    import json
    import pkgutil

    raw = pkgutil.get_data("spellchecker", f"resources/{code}.json.gz")  # imports the package: light
    if raw is None:
        raise ValueError(f"no dictionary for {code!r}")
    text = gzip.decompress(raw).decode("utf-8").strip()
    if not (text.startswith("{") and text.endswith("}")):
        return json.loads(text)
    words: dict[str, int] = {}
    body, pos = text[1:-1], 0
    try:
        while pos < len(body):
            cut = body.find(",", pos + _PIECE)
            cut = len(body) if cut < 0 else cut
            words.update(json.loads("{" + body[pos:cut] + "}"))
            pos = cut + 1
    except ValueError:
        return json.loads(text)
    return words


def loaded(language: str | None) -> SpellDictionary | None:
    """The dictionary if it is loaded already (never loads: safe on the UI thread)."""
    code = dictionary_code(language)
    return _loaded.get(code) if code else None
