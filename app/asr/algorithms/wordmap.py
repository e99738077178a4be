"""Map Qwen3 forced-aligner items back onto the text the user sees.

The aligner keeps only letters, digits and the ASCII apostrophe (Japanese after NFKC), splits Chinese per
ideograph, Japanese per nagisa word, Korean per soynlp piece and everything else on whitespace, and reports
times that can be zero-length, piled up, out of order or past the end of the audio (shared notes, defects 4
and 5). So items are never a slice of the original text: we compare both sides through a folded form
(NFKD, case-folded, letters and digits only), walk the two character streams together, give every item
the span of original characters it covers, and attach the punctuation around it. Pure Python on purpose:
the engine imports torch; this module must stay importable (and testable) without it.
"""

from __future__ import annotations

import bisect
import difflib
import math
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from typing import Protocol

from app.core.document import Word
from app.core.rules import is_unspaced_char, is_unspaced_language

__all__ = [
    "ALIGNER_LANGUAGES",
    "AlignedItem",
    "aligner_language",
    "aligner_text",
    "is_cjk",
    "map_aligned_words",
    "supports_alignment",
    "words_without_aligner",
]

#: The languages Qwen3-ForcedAligner-0.6B covers: ISO code -> the name its ``align()`` expects.
ALIGNER_LANGUAGES: Mapping[str, str] = {
    "zh": "Chinese", "en": "English", "yue": "Cantonese", "fr": "French", "de": "German", "it": "Italian",
    "ja": "Japanese", "ko": "Korean", "pt": "Portuguese", "ru": "Russian", "es": "Spanish",
}  # fmt: skip
_BY_NAME = {name.lower(): name for name in ALIGNER_LANGUAGES.values()}
_MS_PER_CHAR = 65  # about 15 characters a second: the length we give a word whose aligned span is empty


class AlignedItem(Protocol):
    """What ``Qwen3ForcedAligner.align`` returns per unit (``ForcedAlignItem``); times in seconds."""

    @property
    def text(self) -> str: ...
    @property
    def start_time(self) -> float: ...
    @property
    def end_time(self) -> float: ...


# -- languages ---------------------------------------------------------------------------------------------
def aligner_language(language: str | None) -> str | None:
    """The language name to pass to ``align()``, or None when the aligner does not cover the language.

    The package picks its tokenizer by comparing the lower-cased name with "japanese" and "korean", so a
    code such as "ja" would silently be split on whitespace (one item per sentence). Always pass this name.
    Accepts codes with regions ("zh-CN", "pt_BR") and names in any case.
    """
    if not language:
        return None
    key = language.strip().lower().replace("_", "-")
    if key in _BY_NAME:
        return _BY_NAME[key]
    if key in ALIGNER_LANGUAGES:
        return ALIGNER_LANGUAGES[key]
    base = key.split("-", 1)[0]
    if base == "cmn":
        base = "zh"
    return ALIGNER_LANGUAGES.get(base)


def supports_alignment(language: str | None) -> bool:
    """Whether the forced aligner covers this language (name or code); otherwise use words_without_aligner."""
    return aligner_language(language) is not None


def _space_language(language: str | None) -> bool:
    return not is_unspaced_language(aligner_language(language))


_CURLY_APOSTROPHE = re.compile(r"(?<=\w)[\u2019\u02bc](?=\w)")
_GLUED_SENTENCE = re.compile(r"(?<=[^\W\d_])([.!?…,;:]+)(?=[^\W\d_])")


def aligner_text(text: str, language: str | None) -> str:
    """The text to give ``align()`` for this original text.

    Sending the original as-is is correct (mapping copes with anything); this only helps the aligner: a
    curly apostrophe inside a word becomes ASCII (the package would drop it and align "dont"), and for
    languages written with spaces a sentence glued to the next by the chunk seam ("one.Part", defect 1)
    gets a space so it yields two items. Only characters the mapping ignores change, so the items still map
    onto the original text.
    """
    text = _CURLY_APOSTROPHE.sub("'", text)
    if _space_language(language):
        text = _GLUED_SENTENCE.sub(r"\1 ", text)
    return text


# -- characters --------------------------------------------------------------------------------------------
def is_cjk(ch: str) -> bool:
    """Text that may break between characters (app.core.rules.is_unspaced_char)."""
    return is_unspaced_char(ch)


def _is_ideograph(ch: str) -> bool:
    code = ord(ch)
    return (
        0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0x20000 <= code <= 0x2CEAF or 0xF900 <= code <= 0xFAFF
    )


def _fold(chars: str) -> str:
    """The comparison form: NFKD, case-folded, letters and digits only (marks and apostrophes fall away)."""
    return "".join(k for k in unicodedata.normalize("NFKD", chars.casefold()) if unicodedata.category(k)[0] in "LN")


def _aligner_keeps(ch: str) -> bool:
    """The package's own rule (``Qwen3ForceAlignProcessor.is_kept_char``)."""
    return ch == "'" or unicodedata.category(ch)[0] in "LN"


def _key_stream(text: str, japanese: bool) -> tuple[str, list[int]]:
    """Folded characters of everything the aligner keeps, each with the index of its original character."""
    keys: list[str] = []
    owner: list[int] = []
    for i, ch in enumerate(text):
        if japanese:
            kept = "".join(c for c in unicodedata.normalize("NFKC", ch) if _aligner_keeps(c))
        else:
            kept = ch if _aligner_keeps(ch) else ""
        for k in _fold(kept):
            keys.append(k)
            owner.append(i)
    return "".join(keys), owner


_OPENERS = frozenset("¿¡")


def _is_opener(token: str) -> bool:
    return all(unicodedata.category(c) in ("Ps", "Pi") or c in _OPENERS for c in token)


def _attach_punctuation(text: str, cores: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Grow word cores over the characters around them: closing and trailing marks join the word before,
    opening quotes and brackets the word after; spaces separate. Spans stay ordered and disjoint."""
    spans = [list(c) for c in cores]
    if not spans:
        return []
    for i in range(len(spans) + 1):
        g0 = spans[i - 1][1] if i > 0 else 0
        g1 = spans[i][0] if i < len(spans) else len(text)
        tokens = [(m.start() + g0, m.end() + g0) for m in re.finditer(r"\S+", text[g0:g1])]
        if not tokens:
            continue
        if i == 0:
            spans[0][0] = tokens[0][0]
            continue
        if i == len(spans):
            spans[-1][1] = tokens[-1][1]
            continue
        if len(tokens) == 1 and tokens[0] == (g0, g1):  # no space at all: split before the first opener
            cut = next((p for p in range(g0, g1) if _is_opener(text[p])), g1)
            spans[i - 1][1], spans[i][0] = cut, cut
            continue
        left_end, right_start = g0, g1
        for t0, t1 in tokens:  # touching the word before, or loose and not an opener: to the left
            if right_start == g1 and (t0 == g0 or (t1 != g1 and not _is_opener(text[t0:t1]))):
                left_end = t1
            elif right_start == g1:
                right_start = t0
        spans[i - 1][1], spans[i][0] = left_end, right_start
    return [(a, b) for a, b in spans]


def _extend_over_marks(text: str, end: int) -> int:
    """Combining marks (Thai, Hindi vowel signs, accents typed separately) belong to the letter before."""
    while end < len(text) and (unicodedata.category(text[end])[0] == "M" or text[end] in "\u200c\u200d"):
        end += 1
    return end


def _units(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Word-like pieces of text[start:end] that contain letters or digits: split on whitespace and around
    each ideograph, the way the aligner splits languages written with spaces and Chinese."""
    units: list[tuple[int, int]] = []
    for m in re.finditer(r"\S+", text[start:end]):
        run_start: int | None = None
        for p in range(m.start() + start, m.end() + start):
            if _is_ideograph(text[p]):
                if run_start is not None:
                    units.append((run_start, p))
                    run_start = None
                units.append((p, p + 1))
            elif run_start is None:
                run_start = p
        if run_start is not None:
            units.append((run_start, m.end() + start))
    keyed = []
    for a, b in units:
        has_key = [p for p in range(a, b) if _aligner_keeps(text[p]) and _fold(text[p])]
        if has_key:
            keyed.append((has_key[0], _extend_over_marks(text, has_key[-1] + 1)))
    return keyed


# -- times -------------------------------------------------------------------------------------------------
def _non_decreasing(values: list[int]) -> list[int]:
    """Keep a longest non-decreasing subsequence (O(n log n)) and interpolate the rest between neighbours."""
    n = len(values)
    if n == 0:
        return []
    tails: list[int] = []  # index of the last element of the best subsequence of each length
    parent = [-1] * n
    tail_values: list[int] = []
    for i, v in enumerate(values):
        k = bisect.bisect_right(tail_values, v)
        parent[i] = tails[k - 1] if k else -1
        if k == len(tails):
            tails.append(i)
            tail_values.append(v)
        else:
            tails[k] = i
            tail_values[k] = v
    keep = [False] * n
    i = tails[-1]
    while i != -1:
        keep[i] = True
        i = parent[i]
    out = list(values)
    i = 0
    while i < n:
        if keep[i]:
            i += 1
            continue
        j = i
        while j < n and not keep[j]:
            j += 1
        left = out[i - 1] if i > 0 else None
        right = out[j] if j < n else None
        for k in range(i, j):
            if left is None:
                out[k] = right  # type: ignore[assignment]
            elif right is None:
                out[k] = left
            else:
                out[k] = left + round((right - left) * (k - i + 1) / (j - i + 1))
        i = j
    return out


def _spread(spans: list[list[int]], weights: list[int], low: int, high: int | None) -> None:
    """Give zero-length words room: each run of them gets about _MS_PER_CHAR a character, taken from the
    silence around it (never past a neighbour), shared in proportion to characters."""
    n = len(spans)
    i = 0
    while i < n:
        if spans[i][1] > spans[i][0]:
            i += 1
            continue
        j = i
        while j < n and spans[j][1] == spans[j][0] == spans[i][0]:
            j += 1
        t = spans[i][0]
        left = spans[i - 1][1] if i > 0 else low
        right = spans[j][0] if j < n else (high if high is not None else t + _MS_PER_CHAR * sum(weights[i:j]))
        left, right = min(left, t), max(right, t)
        want = min(_MS_PER_CHAR * sum(weights[i:j]), right - left)
        begin = min(max(t, left), right - want)
        _share(spans, weights, i, j, begin, begin + want)
        i = j


def _share(spans: list[list[int]], weights: list[int], i: int, j: int, begin: int, end: int) -> None:
    total = sum(weights[i:j]) or 1
    acc = 0
    for k in range(i, j):
        s = begin + (end - begin) * acc // total
        acc += weights[k]
        spans[k][0], spans[k][1] = s, begin + (end - begin) * acc // total


# -- the mapping -------------------------------------------------------------------------------------------
def map_aligned_words(
    text: str,
    items: Iterable[AlignedItem],
    *,
    language: str | None = None,
    offset_ms: int = 0,
    end_ms: int | None = None,
) -> tuple[Word, ...]:
    """Words with integer-ms times and character spans into ``text`` (punctuation included), in text order.

    ``offset_ms`` is added to every item time (the start of the aligned window); times are clamped to
    [offset_ms, end_ms]. Items that match nothing are dropped; text no item covers still gets words, timed
    between their neighbours, so every word of the text is timed. Never raises on odd aligner output.
    """
    items = list(items)
    japanese = aligner_language(language) == "Japanese"
    keys, owner = _key_stream(text, japanese)
    low = offset_ms
    high = None if end_ms is None else max(end_ms, low)

    raw: list[int] = []
    for item in items:
        for t in (item.start_time, item.end_time):
            seconds = float(t)
            ms = round(seconds * 1000) + offset_ms if math.isfinite(seconds) else low
            raw.append(min(max(ms, low), high) if high is not None else max(ms, low))
    times = _non_decreasing(raw)

    # Which original characters each item covers: a straight walk when the streams agree, else a diff.
    item_keys = [_fold(it.text) for it in items]
    query = "".join(item_keys)
    per_item: list[list[int]] = [[] for _ in items]
    item_of = [i for i, k in enumerate(item_keys) for _ in k]
    if query == keys:
        for q, i in enumerate(item_of):
            per_item[i].append(q)
    else:
        matcher = difflib.SequenceMatcher(None, query, keys, autojunk=False)
        for a, b, size in matcher.get_matching_blocks():
            for d in range(size):
                per_item[item_of[a + d]].append(b + d)

    cores: list[tuple[int, int, int, int]] = []  # char_start, char_end, start, end
    for i, matched in enumerate(per_item):
        if not matched or len(matched) * 2 < len(item_keys[i]):
            continue  # an item the text does not contain: skip it, the walk resynchronises on the next one
        a, b = owner[matched[0]], _extend_over_marks(text, owner[matched[-1]] + 1)
        if cores and a < cores[-1][1]:
            continue
        cores.append((a, b, times[2 * i], max(times[2 * i], times[2 * i + 1])))

    cores = _fill_uncovered(text, cores, low, high)
    spans = [[c[2], c[3]] for c in cores]
    _spread(spans, [max(1, len(_fold(text[c[0] : c[1]]))) for c in cores], low, high)
    chars = _attach_punctuation(text, [(c[0], c[1]) for c in cores])
    return tuple(Word(s, e, a, b) for (s, e), (a, b) in zip(spans, chars, strict=True))


def _fill_uncovered(
    text: str, cores: list[tuple[int, int, int, int]], low: int, high: int | None
) -> list[tuple[int, int, int, int]]:
    """Words for text no item covered: glued to a neighbour when part of the same written word, else
    placed in the time between the neighbours in proportion to their characters."""
    bounds = [0] + [x for c in cores for x in (c[0], c[1])] + [len(text)]
    out: list[tuple[int, int, int, int]] = []
    for g in range(len(cores) + 1):
        g0, g1 = bounds[2 * g], bounds[2 * g + 1]
        units = _units(text, g0, g1)
        prev = out[-1] if out else None
        nxt = cores[g] if g < len(cores) else None
        if units and prev and units[0][0] == prev[1] and not (is_cjk(text[prev[1] - 1]) or is_cjk(text[units[0][0]])):
            out[-1] = (prev[0], units[0][1], prev[2], prev[3])  # the rest of a word the item only partly matched
            units = units[1:]
        glue_next = None
        if units and nxt and units[-1][1] == nxt[0] and not (is_cjk(text[nxt[0]]) or is_cjk(text[nxt[0] - 1])):
            glue_next = units.pop()[0]
        if units:
            left = out[-1][3] if out else low
            right = nxt[2] if nxt else (high if high is not None else left)
            right = max(right, left)
            spans = [[left, left] for _ in units]
            _share(spans, [max(1, len(_fold(text[a:b]))) for a, b in units], 0, len(units), left, right)
            out.extend((a, b, s, e) for (a, b), (s, e) in zip(units, spans, strict=True))
        if nxt:
            out.append((glue_next if glue_next is not None else nxt[0], nxt[1], nxt[2], nxt[3]))
    return out


def words_without_aligner(text: str, start_ms: int, end_ms: int, language: str | None = None) -> tuple[Word, ...]:
    """Words spread over [start_ms, end_ms] in proportion to their characters.

    For languages the aligner does not cover (and when it fails): rough, but every word gets a span, so
    segmentation and editing work the same way. Text without spaces is split per ideograph (Chinese,
    Japanese) and otherwise per whitespace run.
    """
    end_ms = max(end_ms, start_ms)
    units = _units(text, 0, len(text))
    spans = [[start_ms, start_ms] for _ in units]
    _share(spans, [max(1, len(_fold(text[a:b]))) for a, b in units], 0, len(units), start_ms, end_ms)
    chars = _attach_punctuation(text, units)
    return tuple(Word(s, e, a, b) for (s, e), (a, b) in zip(spans, chars, strict=True))


def word_texts(text: str, words: Sequence[Word]) -> list[str]:
    """The text of each word (for logs and tests)."""
    return [text[w.char_start : w.char_end] for w in words]
