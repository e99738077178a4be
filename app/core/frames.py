"""Frames and shot changes: the picture's own timing rules, in integer milliseconds.

A video's frames do not fall on whole milliseconds (23.976 fps: every 41.708 ms), and a variable-frame-rate
file has no single frame length at all, so the frame grid is the list of the real frame times as the media
gives them (each rounded to the millisecond), never a rate multiplied out. Everything here is stdlib only:
the media layer reads the times, the ui draws them, and the rules are tested without either.

The shot-change rules are the Netflix Timed Text Style Guide's: an in-time within 12 frames of a shot change
moves onto it; an out-time within 12 frames of one moves to 2 frames before it (2 clear frames before the
cut); the minimum gap between cues is 2 frames.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from app.core.timecode import clock

SHOT_SNAP_FRAMES = 12  # an edge this many frames or fewer from a shot change snaps to it
SHOT_CLEAR_FRAMES = 2  # an out-time near a cut ends this many frames before it
MIN_GAP_FRAMES = 2  # Netflix: at least 2 frames between two cues


class FrameGrid:
    """The start times (ms, from the media's start) of the frames of one video, in presentation order."""

    def __init__(self, times_ms: Sequence[int]) -> None:
        times = sorted(set(int(t) for t in times_ms))
        if not times:
            raise ValueError("a frame grid needs at least one frame")
        self.times = times

    @classmethod
    def constant(cls, fps: float, duration_ms: int, start_ms: int = 0) -> FrameGrid:
        """A constant-rate grid: what a file that states only its rate is taken to have."""
        if fps <= 0:
            raise ValueError("the frame rate must be positive")
        count = max(1, int((duration_ms - start_ms) * fps / 1000) + 1)
        return cls([start_ms + round(i * 1000 / fps) for i in range(count)])

    def __len__(self) -> int:
        return len(self.times)

    @property
    def fps(self) -> float:
        """The average rate over the whole grid (a single frame counts as 25 fps)."""
        if len(self.times) < 2:
            return 25.0
        return (len(self.times) - 1) * 1000 / (self.times[-1] - self.times[0])

    @property
    def frame_ms(self) -> float:
        """The typical length of a frame: the median step (robust to the odd long frame of a VFR file)."""
        steps = sorted(b - a for a, b in zip(self.times, self.times[1:], strict=False))
        return float(steps[len(steps) // 2]) if steps else 40.0

    def is_variable(self, tolerance_ms: int = 2) -> bool:
        steps = [b - a for a, b in zip(self.times, self.times[1:], strict=False)]
        return bool(steps) and max(steps) - min(steps) > tolerance_ms

    def index_at(self, ms: int) -> int:
        """The frame shown at ``ms``: the last one starting at or before it (the first before the video starts)."""
        return max(bisect_right(self.times, ms) - 1, 0)

    def nearest(self, ms: int) -> int:
        """The frame boundary closest to ``ms`` (ties go to the earlier one)."""
        i = bisect_left(self.times, ms)
        if i == 0:
            return self.times[0]
        if i == len(self.times):
            return self.times[-1]
        before, after = self.times[i - 1], self.times[i]
        return before if ms - before <= after - ms else after

    def step(self, ms: int, frames: int) -> int:
        """The start of the frame ``frames`` away from the one shown at ``ms`` (clamped to the video)."""
        i = min(max(self.index_at(ms) + frames, 0), len(self.times) - 1)
        if frames > 0 and ms < self.times[0]:
            i = min(frames - 1, len(self.times) - 1)
        return self.times[i]

    def frames_between(self, a_ms: int, b_ms: int) -> int:
        """How many frames apart two times are (by the frames shown at them); positive when b is later."""
        return self.index_at(b_ms) - self.index_at(a_ms)

    def timecode(self, ms: int) -> str:
        """``HH:MM:SS:FF``: the second and the frame within it (counted on the real frames of that second)."""
        ms = max(ms, 0)
        before_video = ms < self.times[0]
        i = self.index_at(ms)
        shown = ms if before_video else self.times[i]
        second_ms = shown // 1000 * 1000
        ff = 0 if before_video else i - bisect_left(self.times, second_ms)
        return f"{clock(second_ms, hour_digits=2, fraction=0)}:{ff:02d}"


def format_clock(ms: int) -> str:
    """``HH:MM:SS.mmm``: the clock the picture pane shows when frames are not asked for."""
    return clock(ms, hour_digits=2, clamp=True)


@dataclass
class PictureGuide:
    """What a cue edge snaps to when it is dragged or set: shot changes first, then (if asked) frame boundaries.

    ``cuts`` are the start times of the first frame of each new shot. The neighbours' rules (no overlap, the
    minimum gap) are app.core.timing's and are applied after this, so they always win.
    """

    frames: FrameGrid
    cuts: Sequence[int] = ()
    snap_to_frames: bool = False
    snap_frames: int = SHOT_SNAP_FRAMES
    clear_frames: int = SHOT_CLEAR_FRAMES

    def snap_start(self, ms: int) -> int:
        cut = self._near_cut(ms)
        if cut is not None:
            return cut
        return self.frames.nearest(ms) if self.snap_to_frames else ms

    def snap_end(self, ms: int) -> int:
        cut = self._near_cut(ms)
        if cut is not None:
            return self.frames.step(cut, -self.clear_frames)
        return self.frames.nearest(ms) if self.snap_to_frames else ms

    def apply(self, mode: str, start: int, end: int) -> tuple[int, int]:
        """The (start, end) a drag or a set asked for, with the edge that moves snapped; a moved cue keeps its
        length and snaps by whichever of its edges is closer to a cut."""
        if mode == "start":
            return self.snap_start(start), end
        if mode == "end":
            return start, self.snap_end(end)
        duration = end - start
        shifts = [d for d in (self.snap_start(start) - start, self.snap_end(end) - end) if d]
        shift = min(shifts, key=abs) if shifts else 0
        return start + shift, start + shift + duration

    def min_gap_ms(self, frames: int = MIN_GAP_FRAMES) -> int:
        """A gap of ``frames`` frames in whole ms at this video's rate, rounded down so that ``frames`` real frames
        always hold it (25 fps: 80 ms; 23.976: 83; 29.97: 66): an end 2 frames before a cut and the next cue on
        the cut keep it."""
        return int(frames * 1000 / self.frames.fps + 1e-6)

    def _near_cut(self, ms: int) -> int | None:
        if not self.cuts:
            return None
        i = bisect_left(self.cuts, ms)
        best: int | None = None
        for cut in self.cuts[max(i - 1, 0) : i + 1]:
            distance = abs(self.frames.frames_between(cut, ms))
            if distance <= self.snap_frames and (best is None or abs(cut - ms) < abs(best - ms)):
                best = cut
        return best
