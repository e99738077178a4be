"""Rules for moving a cue by hand: snapping, the minimum gap, no overlaps.

One piece of code for the rule, used by every way of moving a cue (dragging on the waveform, typing
a time in the list), so the rule cannot drift apart between two copies.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from app.core.document import Cue
from app.core.rules import MIN_GAP_MS, room

DragMode = Literal["start", "end", "move"]

MIN_DURATION_MS = 100  # the shortest cue a drag may leave; the reading-speed checks flag short cues anyway


def constrain(
    cues: Sequence[Cue],
    index: int,
    mode: DragMode,
    start: int,
    end: int,
    *,
    min_gap: int = MIN_GAP_MS,
    snap: int = 0,
    media_end: int | None = None,
) -> tuple[int, int]:
    """Where cue ``index`` may go when the user asks for (start, end).

    The neighbours are never overlapped and ``min_gap`` ms are kept from them; an edge within ``snap`` ms
    of the gap's boundary snaps onto it. A moved cue keeps its duration. Times never go below zero nor
    past ``media_end``.
    """
    cue = cues[index]
    low, high = room(cues, index, min_gap=min_gap, media_end=media_end)

    def snapped(t: int) -> int:
        if snap > 0:
            if abs(t - low) <= snap:
                return low
            if high is not None and abs(t - high) <= snap:
                return high
        return t

    if mode == "move":
        duration = cue.end - cue.start
        start = snapped(start)
        if high is not None and abs(start + duration - high) <= snap:
            start = high - duration
        start = max(start, low)
        if high is not None:
            start = min(start, high - duration)
        return start, start + duration
    if mode == "start":
        # never overlapping wins over the minimum duration
        return max(min(snapped(start), cue.end - MIN_DURATION_MS), low), cue.end
    end = max(snapped(end), cue.start + MIN_DURATION_MS)
    return cue.start, end if high is None else min(end, high)
