"""Re-time a whole subtitle file with the forced aligner (the ``align`` verb and Import SRT + media).

A thin layer over :mod:`app.asr.realign`, which holds the rules: offset and frame-rate drift removed first
(:mod:`app.asr.drift`), then windows well under the aligner's safe length (defect 3: past about 180 s trailing
words pile up), every cue on the span of its own words, locked cues kept, unplaceable text flagged
``needs_review`` with its old timing.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator, Sequence

import numpy as np

from app.asr.engine import Engine
from app.asr.realign import WINDOW_S, Realignment, realign
from app.asr.recognition import Progress
from app.core.document import Cue

PAD_MS = 500


def windows(cues: Sequence[Cue], *, max_s: float = 120.0) -> list[tuple[int, int]]:
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
    correct_drift: bool = True,
    rejected: Callable[[Realignment], Collection[int]] | None = None,
) -> Iterator[Progress | list[Cue]]:
    """Yield Progress, then the re-timed cues (same count and order, texts unchanged) as the last item.

    The whole-file run of :func:`app.asr.realign.realign`: offset and drift removed first (unless
    ``correct_drift`` is False), then every unlocked cue aligned in windows. ``rejected`` may name the moves to
    leave out (the command line's ``--keep-large``); by default everything is applied.
    """
    for item in realign(audio, cues, None, engine=engine, language=language, cancelled=cancelled,
                        correct_drift=correct_drift, max_window_s=max_window_s):  # fmt: skip
        if isinstance(item, Realignment):
            yield item.result(rejected(item) if rejected is not None else ())
        else:
            yield item
