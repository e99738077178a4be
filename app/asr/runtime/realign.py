"""Re-align cues whose text the user edited (or every cue of an imported file) with the forced aligner.

The run is a Qt-free generator: it yields Progress, then one :class:`~app.asr.client.realignment.Realignment`
that holds what the aligner proposes (the rules it follows are app.asr.algorithms.realign's).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator, Sequence

import numpy as np

from app.asr.algorithms.drift import Drift, drifted, estimate_drift, speech_activity
from app.asr.algorithms.realign import (
    CONTEXT_MS,
    WINDOW_S,
    Window,
    alignable,
    aligner_languages,
    cue_languages,
    place,
    plan_windows,
    raw_spans,
    settle,
    window_language,
)
from app.asr.algorithms.wordmap import ALIGNER_LANGUAGES, aligner_text, map_aligned_words
from app.asr.client.languages import canonical_language
from app.asr.client.realignment import Realignment
from app.asr.runtime.engine import Engine, RunCancelled, busy
from app.asr.runtime.recognition import Progress
from app.core.document import Cue
from app.core.errors import ModelError
from app.core.messages import message
from app.core.rules import MIN_GAP_MS, SAMPLE_RATE, text_joiner


def realign(
    audio: np.ndarray,
    cues: Sequence[Cue],
    targets: Collection[int] | None = None,
    *,
    engine: Engine,
    language: str | None = None,
    cancelled: Callable[[], bool] | None = None,
    correct_drift: bool = False,
    context_ms: int = CONTEXT_MS,
    max_window_s: float = WINDOW_S,
    min_gap: int = MIN_GAP_MS,
    languages: Sequence[str] = (),
) -> Iterator[Progress | Realignment]:
    """Yield Progress, then a :class:`Realignment` as the last item (nothing when cancelled).

    ``targets``: indices to re-time (None: every cue). ``correct_drift`` first removes a constant offset and a
    frame-rate drift (for whole files from elsewhere). Locked cues are never targets but lend their text as
    context. Each cue is aligned in its language: ``languages[i]`` (chosen for this run), else the cue's own, else
    ``language``; where none is known the recognizer detects one on the first 30 s of speech. A cue in a language
    the aligner does not cover keeps its time and is marked for review; when none of them is covered, one clear
    error names the languages it aligns.
    """
    samples = np.asarray(audio, dtype=np.float32).reshape(-1)
    total_ms = len(samples) * 1000 // SAMPLE_RATE
    cues = tuple(cues)
    base = cues
    drift = Drift()
    if correct_drift and cues:
        yield Progress(0, total_ms, message("realign.drift"))
        drift = estimate_drift(speech_activity(samples), cues)
        moved = settle(cues, drifted(cues, drift), min_gap=min_gap, media_end=total_ms)
        base = tuple(moved.get(i, c) for i, c in enumerate(cues))
    wanted = range(len(cues)) if targets is None else targets
    wanted = sorted({i for i in wanted if 0 <= i < len(cues) and not cues[i].locked})
    if not wanted:
        yield Realignment(cues, base, {}, frozenset(), drift, min_gap, total_ms)
        return
    if busy():
        yield Progress(0, total_ms, message("engine.waiting"))
    with engine.session(cancelled=cancelled):
        lang = canonical_language(language)
        own = cue_languages(base, languages, lang)
        unknown = {i for i in wanted if not own[i]}
        if unknown:
            yield Progress(0, total_ms, message("realign.detecting_language"))
            first = base[min(unknown)].start * SAMPLE_RATE // 1000
            ((heard, _),) = engine.transcribe([samples[first : first + 30 * SAMPLE_RATE]])
            own = [name or heard for name in own]
        align_as = aligner_languages(own)
        if not any(align_as[i] for i in wanted):
            named = next((i for i in wanted if own[i]), None)
            if named is None:
                raise ModelError(message=message("model.no_language_detected"))
            code = "model.aligner_language_detected" if named in unknown else "model.aligner_language"
            choices = ", ".join(sorted(set(ALIGNER_LANGUAGES.values())))
            raise ModelError(message=message(code, language=own[named], choices=choices))
        ok = [a is not None and alignable(c.text, a) and c.start < total_ms
              for c, a in zip(base, align_as, strict=True)]  # fmt: skip
        unplaced = {i for i in wanted if not ok[i]}
        plan = plan_windows(base, [i for i in wanted if ok[i]], context_ms=context_ms, max_s=max_window_s,
                            media_end=total_ms)  # fmt: skip
        work = sum(w.duration_ms for w in plan) or 1
        yield Progress(0, work, message("engine.loading_aligner"))
        engine.aligner(cancelled=cancelled)
        aligned: dict[int, Cue] = {}
        done = 0
        for window in plan:
            if cancelled is not None and cancelled():
                return
            indices = [i for i in range(window.first, window.last) if ok[i]]
            in_language = window_language(indices, align_as)
            try:
                placed = _align_window(engine, samples, base, indices, window, in_language) if in_language else {}
            except RunCancelled:
                return
            for i in window.targets:
                if i in placed:
                    aligned[i] = placed[i]
                else:
                    unplaced.add(i)
            done += window.duration_ms
            yield Progress(done, work, message("realign.aligning_seconds", done=done // 1000, total=work // 1000))
    yield Realignment(cues, base, aligned, frozenset(unplaced), drift, min_gap, total_ms)


def _align_window(
    engine: Engine, samples: np.ndarray, cues: Sequence[Cue], indices: list[int], window: Window, language: str
) -> dict[int, Cue]:
    """Align the text of cues ``indices`` against the window's audio; the placed cues by index."""
    joiner = text_joiner(language)
    text, offsets = "", []
    for i in indices:
        text += joiner if text else ""
        offsets.append(len(text))
        text += cues[i].text
    if not indices:
        return {}
    wav = samples[window.start_ms * SAMPLE_RATE // 1000 : window.end_ms * SAMPLE_RATE // 1000]
    (items,) = engine.align([wav], [aligner_text(text, language)], language)
    words = map_aligned_words(text, items, language=language, offset_ms=window.start_ms, end_ms=window.end_ms)
    raw = raw_spans([cues[i].text for i in indices], items, window.start_ms)
    out = {}
    for k, (i, offset) in enumerate(zip(indices, offsets, strict=True)):
        cue = cues[i]
        mine = tuple(
            w.shifted(0, -offset) for w in words if offset <= w.char_start and w.char_end <= offset + len(cue.text)
        )
        new = place(cue, mine, raw[k] if raw is not None else None)
        if new is not None:
            out[i] = new
    return out
