"""Re-time existing subtitles with the forced aligner (the basic version: no drift correction yet).

Consecutive cues are grouped into windows well under the aligner's safe length (defect 3: past about 180 s
trailing words pile up), each window's text is aligned against its audio, and every cue takes the span of its
own words. Locked cues keep their timing; a cue none of whose words could be placed keeps its old timing and is
marked ``needs_review``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

import numpy as np

from app.asr.engine import SAMPLE_RATE, Engine, busy
from app.asr.languages import canonical_language
from app.asr.recognition import Progress
from app.asr.wordmap import aligner_language, aligner_text, map_aligned_words
from app.core.document import Cue, Word
from app.core.errors import ModelError

WINDOW_S = 120.0
PAD_MS = 500


def windows(cues: Sequence[Cue], *, max_s: float = WINDOW_S) -> list[tuple[int, int]]:
    """Index ranges [a, b) of consecutive cues whose padded span stays within ``max_s``."""
    groups: list[tuple[int, int]] = []
    a = 0
    limit = int(max_s * 1000) - 2 * PAD_MS
    for i in range(1, len(cues) + 1):
        if i == len(cues) or cues[i].end - cues[a].start > limit:
            groups.append((a, i))
            a = i
    return groups


def align_cues(
    audio: np.ndarray,
    cues: Sequence[Cue],
    *,
    engine: Engine,
    language: str | None = None,
    cancelled: Callable[[], bool] | None = None,
    max_window_s: float = WINDOW_S,
) -> Iterator[Progress | list[Cue]]:
    """Yield Progress, then the re-timed cues (same count and order, texts unchanged) as the last item."""
    samples = np.asarray(audio, dtype=np.float32).reshape(-1)
    total_ms = len(samples) * 1000 // SAMPLE_RATE
    out = list(cues)
    if busy():
        yield Progress(0, total_ms, "Waiting for another recognition or alignment to finish…")
    with engine.session():
        lang = canonical_language(language)
        if lang is None:
            yield Progress(0, total_ms, "Detecting the language…")
            first = cues[0].start * SAMPLE_RATE // 1000 if cues else 0
            ((lang, _),) = engine.transcribe([samples[first : first + 30 * SAMPLE_RATE]])
        align_as = aligner_language(lang)
        if align_as is None:
            raise ModelError(f"the forced aligner does not support {lang or 'this language'}")
        yield Progress(0, total_ms, "Loading the aligner…")
        engine.aligner(cancelled=cancelled)
        for a, b in windows(cues, max_s=max_window_s):
            if cancelled is not None and cancelled():
                return
            start = max(0, cues[a].start - PAD_MS)
            end = min(total_ms, max(cues[b - 1].end + PAD_MS, start + 1))
            out[a:b] = _align_window(engine, samples, cues[a:b], start, end, align_as)
            yield Progress(end, total_ms, "Aligning…")
    yield _fix_overlaps(out)


def _align_window(
    engine: Engine, samples: np.ndarray, cues: Sequence[Cue], start: int, end: int, language: str
) -> list[Cue]:
    text, offsets = "", []
    for cue in cues:
        text += " " if text else ""
        offsets.append(len(text))
        text += cue.text
    wav = samples[start * SAMPLE_RATE // 1000 : end * SAMPLE_RATE // 1000]
    (items,) = engine.align([wav], [aligner_text(text, language)], language)
    words = map_aligned_words(text, items, language=language, offset_ms=start, end_ms=end)
    result = []
    for cue, offset in zip(cues, offsets, strict=True):
        mine = tuple(
            w.shifted(0, -offset) for w in words if offset <= w.char_start and w.char_end <= offset + len(cue.text)
        )
        if cue.locked:
            result.append(cue)
        elif not mine:
            result.append(cue.with_(needs_review=True))
        else:
            first, last = mine[0].start, max(w.end for w in mine)
            result.append(cue.with_(start=first, end=max(last, first + 1), words=mine, edited=False))
    return result


def _fix_overlaps(cues: list[Cue]) -> list[Cue]:
    for i in range(1, len(cues)):
        prev, cur = cues[i - 1], cues[i]
        if cur.start < prev.end and not prev.locked and prev.start < cur.start:
            words = tuple(Word(w.start, min(w.end, cur.start), w.char_start, w.char_end) for w in prev.words)
            cues[i - 1] = prev.with_(end=cur.start, words=words)
    return cues
