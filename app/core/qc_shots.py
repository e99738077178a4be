"""Cues against the picture's shot changes (Netflix Timed Text Style Guide), checked and snapped.

An in-time within the profile's frames (12 for Netflix) of a shot change belongs on it; an out-time that close
belongs 2 frames before it; a cue that runs across a shot change far from both its edges is worth a look. The
frames and shot changes are the picture's (app.core.frames.PictureGuide, found by app.media.shots); without them
nothing here is checked. Findings are warnings: timing to speech may rightly win over timing to the picture.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import replace

from app.core.document import Cue
from app.core.frames import PictureGuide
from app.core.messages import Message, message
from app.core.timecode import format_time

SHOT_CODES = frozenset({"qc.shot_start", "qc.shot_end", "qc.shot_across"})


def guide_for(shots: PictureGuide, snap_frames: int) -> PictureGuide:
    """The guide with the profile's snapping distance, snapping to shot changes only (never to bare frames)."""
    return replace(shots, snap_frames=snap_frames, snap_to_frames=False)


def shot_targets(cue: Cue, guide: PictureGuide) -> tuple[int, int]:
    """Where the cue's start and end belong given the shot changes (unchanged where no cut is near)."""
    return guide.snap_start(cue.start), guide.snap_end(cue.end)


def check_shots(cues: Sequence[Cue], shots: PictureGuide, snap_frames: int) -> list[tuple[int, str, Message]]:
    """(cue index, code, message) for edges near a shot change but not on it, and cues across one (app.core.qc
    makes them findings). The rule is PictureGuide's, with each cut's frame found once (a long film has
    thousands of cuts and tens of thousands of cues)."""
    guide = guide_for(shots, snap_frames)
    cuts = list(guide.cuts)
    found: list[tuple[int, str, Message]] = []
    if not cuts:
        return found
    frames = guide.frames
    cut_frame = [frames.index_at(cut) for cut in cuts]

    def near(ms: int, frame: int) -> int | None:
        """The position in ``cuts`` of the cut an edge at ``ms`` (shown at ``frame``) snaps to, or None."""
        i = bisect_left(cuts, ms)
        best: int | None = None
        for k in range(max(i - 1, 0), min(i + 1, len(cuts))):
            if abs(frame - cut_frame[k]) <= snap_frames and (best is None or abs(cuts[k] - ms) < abs(cuts[best] - ms)):
                best = k
        return best

    for i, cue in enumerate(cues):
        if cue.end <= cue.start:
            continue
        start_frame, end_frame = frames.index_at(cue.start), frames.index_at(cue.end)
        k = near(cue.start, start_frame)
        if k is not None and cuts[k] != cue.start:
            found.append((i, "qc.shot_start", message("qc.shot_start", max(abs(start_frame - cut_frame[k]), 1))))
        k = near(cue.end, end_frame)
        if k is not None and frames.step(cuts[k], -guide.clear_frames) != cue.end:
            found.append((i, "qc.shot_end", message("qc.shot_end", abs(end_frame - cut_frame[k]))))
        for k in range(bisect_right(cuts, cue.start), bisect_left(cuts, cue.end)):
            if cut_frame[k] - start_frame > snap_frames and end_frame - cut_frame[k] > snap_frames:
                found.append((i, "qc.shot_across", message("qc.shot_across", time=format_time(cuts[k]))))
                break
    return found


def snapped(cues: Sequence[Cue], index: int, guide: PictureGuide, min_gap: int, min_duration: int) -> Cue | None:
    """Cue ``index`` with its edges moved to where the shot changes want them, as far as its neighbours allow (the
    minimum gap, no overlap) and never shorter than it was when that would take it under ``min_duration``; None
    when nothing can move. Locked cues are not moved."""
    cue = cues[index]
    if cue.locked or cue.end <= cue.start:
        return None
    start, end = shot_targets(cue, guide)
    low = cues[index - 1].end + min_gap if index > 0 else 0
    high = cues[index + 1].start - min_gap if index + 1 < len(cues) else None
    if start != cue.start and not (start >= low and start < end):
        start = cue.start
    if end != cue.end and not ((high is None or end <= high) and end > start):
        end = cue.end
    if end - start < min(min_duration, cue.end - cue.start):
        # a snap must not make a cue too short: keep the edge that shortens it
        if start > cue.start:
            start = cue.start
        if end - start < min(min_duration, cue.end - cue.start) and end < cue.end:
            end = cue.end
    if (start, end) == (cue.start, cue.end):
        return None
    return cue.with_(start=start, end=end, words=_clamped_words(cue, start, end))


def _clamped_words(cue: Cue, start: int, end: int) -> tuple:
    from app.core.document import Word

    return tuple(
        Word(min(max(w.start, start), end), min(max(w.end, start), end), w.char_start, w.char_end) for w in cue.words
    )
