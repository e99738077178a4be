"""The re-alignment rules, pure (numpy and app.core): which cues are aligned together, where a cue lands on its
aligned words, and which moves can be kept. The run that drives the aligner is app.asr.runtime.realign; what it
proposes is app.asr.client.realignment.Realignment.

The rules, each in one place:
- windows (:func:`plan_windows`): the target cues plus the cues within a few seconds of them (their text too, so
  the aligner is not tempted to stretch the target over a neighbour's speech), neighbouring windows merged,
  each cut at cue boundaries to stay well under the aligner's safe length (shared notes, defect 3);
- placing (:func:`place`): a cue takes the span of its own words, mapped back onto its text with punctuation;
  text that cannot have been placed (empty, another script, words piled onto one instant: defect 5) keeps its
  old timing and is flagged ``needs_review``, never scrambled;
- settling (:func:`settle`): locked cues never move, moved cues never overlap a neighbour, keep the minimum gap
  and lie within the media; a cue that cannot fit keeps its old timing and is flagged.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from app.asr.algorithms.wordmap import AlignedItem, aligner_language
from app.core.document import Cue, Word
from app.core.languages import majority_language
from app.core.rules import MIN_DURATION_MS, MIN_GAP_MS, settle_overlaps

CONTEXT_MS = 3000  # audio and neighbouring cues taken around each target
WINDOW_S = 60.0  # longest window given to the aligner: well under the 180 s where it starts to fail
MIN_CUE_MS = 100  # shorter than this after settling: the cue did not fit, it keeps its old timing
PILED_UP_CPS = 40.0  # letters per second faster than anyone speaks: the aligner piled the words up (not the
# reading-speed limit, app.core.rules.MAX_CPS)


# -- windows -----------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Window:
    """Cues [first, last) aligned together against the audio [start_ms, end_ms); ``targets`` get new times."""

    first: int
    last: int
    start_ms: int
    end_ms: int
    targets: tuple[int, ...]

    @property
    def duration_ms(self) -> int:
        return self.end_ms - self.start_ms


def plan_windows(
    cues: Sequence[Cue],
    targets: Collection[int],
    *,
    context_ms: int = CONTEXT_MS,
    max_s: float = WINDOW_S,
    media_end: int | None = None,
) -> list[Window]:
    """Windows around ``targets``: each target with the cues within ``context_ms`` of it, overlapping windows
    merged, long runs cut at cue boundaries so that no window passes ``max_s`` (a single cue longer than that
    excepted). Every target lies in exactly one window. The audio of a window reaches ``context_ms`` past its
    first and last cue, but not into the cue beyond."""
    n = len(cues)
    wanted = sorted({t for t in targets if 0 <= t < n})
    runs: list[list[int]] = []  # [first, last) ranges, merged as they come (targets are in order)
    for t in wanted:
        lo, hi = cues[t].start - context_ms, cues[t].end + context_ms
        a, b = t, t + 1
        while a > 0 and cues[a - 1].end > lo:
            a -= 1
        while b < n and cues[b].start < hi:
            b += 1
        if runs and a <= runs[-1][1]:
            runs[-1][1] = max(runs[-1][1], b)
        else:
            runs.append([a, b])
    limit = max(1, int(max_s * 1000) - 2 * context_ms)
    end_of_media = media_end if media_end is not None else max((c.end for c in cues), default=0) + context_ms
    out: list[Window] = []
    for a, b in runs:
        first = a
        for i in range(a + 1, b + 1):
            if i == b or cues[i].end - cues[first].start > limit:
                start = max(0, cues[first].start - context_ms, cues[first - 1].end if first > 0 else 0)
                end = min(end_of_media, cues[i - 1].end + context_ms, cues[i].start if i < n else end_of_media)
                start = min(start, max(0, end - 1))
                mine = tuple(t for t in wanted if first <= t < i)
                out.append(Window(first, i, start, max(end, start + 1), mine))
                first = i
    return out


# -- settling ----------------------------------------------------------------------------------------------
def settle(
    cues: Sequence[Cue],
    moved: Mapping[int, Cue],
    *,
    min_gap: int = MIN_GAP_MS,
    media_end: int | None = None,
) -> dict[int, Cue]:
    """The moves that can be kept (app.core.rules.settle_overlaps); a cue left shorter than MIN_CUE_MS keeps its
    old timing. A kept cue shorter than the minimum duration (its words were quick, or a neighbour clipped it)
    starts earlier, into the free time before it, so that it reads for the minimum where there is room."""
    final = settle_overlaps(cues, moved, min_gap=min_gap, media_end=media_end, min_duration=MIN_CUE_MS)
    for i in sorted(final):
        cue = final[i]
        if cue.duration >= MIN_DURATION_MS:
            continue
        free_from = final.get(i - 1, cues[i - 1]).end + min_gap if i > 0 else 0
        start = max(free_from, cue.end - MIN_DURATION_MS, 0)
        if start < cue.start:
            final[i] = cue.with_(start=start)
    return final


# -- placing -----------------------------------------------------------------------------------------------
_SCRIPTS = {
    "Chinese": ("CJK",), "Cantonese": ("CJK",), "Japanese": ("CJK", "HIRAGANA", "KATAKANA"),
    "Korean": ("HANGUL", "CJK"), "Russian": ("CYRILLIC",),
}  # fmt: skip


def _fold(text: str) -> str:
    """Letters and digits as the aligner keeps them (NFKD, case-folded): what gets a time."""
    return "".join(k for k in unicodedata.normalize("NFKD", text.casefold()) if unicodedata.category(k)[0] in "LN")


def alignable(text: str, language: str) -> bool:
    """Whether the aligner can place ``text`` in ``language``: it has letters or digits, and most of its letters
    are in the language's script (a Cyrillic line in an English film is not spoken English)."""
    if not _fold(text):
        return False
    letters = [c for c in text if c.isalpha()]
    scripts = _SCRIPTS.get(language, ("LATIN",))
    fitting = sum(1 for c in letters if unicodedata.name(c, "").startswith(scripts))
    return fitting * 2 >= len(letters)


def raw_spans(texts: list[str], items: Sequence[AlignedItem], offset_ms: int) -> list[tuple[int, int] | None] | None:
    """Each text's span in the aligner's own times, before the mapping repairs them (it gives piled-up words
    some room, which would hide the pile). None when the items do not spell the texts (then the mapped words
    are all there is)."""
    keys = [_fold(t) for t in texts]
    item_keys = [_fold(it.text) for it in items]
    if "".join(item_keys) != "".join(keys):
        return None
    spans: list[tuple[int, int] | None] = []
    pos = 0
    bounds = []
    for k in keys:
        bounds.append((pos, pos + len(k)))
        pos += len(k)
    starts = np.cumsum([0] + [len(k) for k in item_keys])
    for a, b in bounds:
        mine = [it for it, s in zip(items, starts[:-1], strict=True) if a <= s < b]
        if not mine:
            spans.append(None)
            continue
        lo = min(float(it.start_time) for it in mine)
        hi = max(float(it.end_time) for it in mine)
        spans.append((round(lo * 1000) + offset_ms, round(hi * 1000) + offset_ms))
    return spans


def place(cue: Cue, words: tuple[Word, ...], raw: tuple[int, int] | None) -> Cue | None:
    """The cue on its words, or None when they cannot have been placed (none, or piled onto one instant)."""
    if not words:
        return None
    letters = len(_fold(cue.text))
    start, end = words[0].start, max(w.end for w in words)
    span = (raw[1] - raw[0]) if raw is not None else end - start
    if span * PILED_UP_CPS < letters * 1000:
        return None
    end = max(end, start + MIN_DURATION_MS)  # into the silence after the words; settle() clips it to the room
    return cue.with_(start=start, end=end, words=words, edited=False, needs_review=False)


def cue_languages(cues: Sequence[Cue], chosen: Sequence[str] = (), fallback: str | None = None) -> list[str]:
    """Each cue's language for aligning it: ``chosen[i]`` (given for this run: the command line's --language, a
    guess from the text), else the cue's own, else ``fallback`` (the job's; "" when none is known)."""
    return [(chosen[i] if i < len(chosen) else "") or cue.language or (fallback or "") for i, cue in enumerate(cues)]


def aligner_languages(languages: Sequence[str]) -> list[str | None]:
    """The aligner's name for each language, None where the aligner does not cover it (nor "")."""
    covered: dict[str, str | None] = {}
    out = []
    for language in languages:
        if language not in covered:
            covered[language] = aligner_language(language) if language else None
        out.append(covered[language])
    return out


def window_language(indices: Sequence[int], languages: Sequence[str | None]) -> str | None:
    """The language a window is aligned in: the majority of its cues' (a Chinese line with an English cue beside it
    is aligned as Chinese, whose tokenizer keeps Latin words whole)."""
    return majority_language(lang for i in indices if (lang := languages[i])) or None
