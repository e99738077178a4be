"""The Qt-free half of playback: what to play, when to stop, where the playhead is.

The window plays the original file through QtMultimedia (``QMediaPlayer`` with
``QUrl.fromLocalFile(decoded.source)`` and ``setActiveAudioTrack(info.audio_track(decoded.stream_index))``)
and forwards what the player says to a :class:`PlaybackModel`:

- to play a cue: ``player.setPosition(model.play_range(cue.start_ms, cue.end_ms)); player.play()``;
  arm a single-shot timer for ``model.remaining_ms(player.position())`` (``positionChanged`` comes only
  every few tens of ms, too coarse to stop on the cue's last word);
- on ``positionChanged(ms)`` and on that timer: ``action = model.on_position(ms)``; on ``Action.STOP``
  pause the player and seek to ``model.playhead_ms``; on ``Action.RESTART`` seek to ``model.start_ms``.

All times are integer milliseconds from the container's start, the same timeline as the decoded samples
(sample ``n`` is at ``ms_for_sample(n)``).
"""

from __future__ import annotations

import enum
import math
from dataclasses import dataclass

from app.media.decode import SAMPLE_RATE


class Action(enum.Enum):
    CONTINUE = "continue"
    STOP = "stop"  # pause, and put the playhead at ``playhead_ms``
    RESTART = "restart"  # looping a range: seek back to ``start_ms``


class PlaybackModel:
    """The range being played (the whole file or one cue), whether to loop it, and the playhead."""

    def __init__(self, duration_ms: int) -> None:
        self._duration_ms = max(0, int(duration_ms))
        self.start_ms = 0
        self.end_ms = self._duration_ms
        self.loop = False
        self.playing = False
        self.playhead_ms = 0
        self._return_to_start = False

    @property
    def duration_ms(self) -> int:
        return self._duration_ms

    @duration_ms.setter
    def duration_ms(self, value: int) -> None:
        """The player may learn the true duration later than the decoder (or the reverse): keep within it."""
        self._duration_ms = max(0, int(value))
        self.start_ms = min(self.start_ms, self._duration_ms)
        self.end_ms = min(self.end_ms, self._duration_ms) if self.is_range else self._duration_ms
        self.playhead_ms = self.clamp(self.playhead_ms)

    @property
    def is_range(self) -> bool:
        return self._return_to_start or self.loop

    def clamp(self, ms: float) -> int:
        return int(min(max(0, round(ms)), self._duration_ms))

    def play_all(self, from_ms: int | None = None) -> int:
        """Play the file from ``from_ms`` (default: the playhead) to its end; returns where to seek."""
        self.start_ms, self.end_ms = 0, self._duration_ms
        self.loop = self._return_to_start = False
        start = self.clamp(self.playhead_ms if from_ms is None else from_ms)
        if start >= self._duration_ms:  # at the end: start over, as players do
            start = 0
        self.playhead_ms = start
        self.playing = True
        return start

    def play_range(self, start_ms: int, end_ms: int, *, loop: bool = False) -> int:
        """Play [start_ms, end_ms) (a cue), then stop with the playhead back at its start; returns where to seek."""
        start, end = self.clamp(start_ms), self.clamp(end_ms)
        if end <= start:
            raise ValueError(f"an empty range to play: {start_ms}..{end_ms} ms in {self._duration_ms} ms")
        self.start_ms, self.end_ms = start, end
        self.loop = loop
        self._return_to_start = True
        self.playhead_ms = start
        self.playing = True
        return start

    def pause(self) -> None:
        self.playing = False

    def seek(self, ms: int) -> int:
        """The user moved the playhead; returns the clamped position. Leaving the range ends range playback."""
        self.playhead_ms = self.clamp(ms)
        if self.is_range and not self.start_ms <= self.playhead_ms < self.end_ms:
            self.start_ms, self.end_ms = 0, self._duration_ms
            self.loop = self._return_to_start = False
        return self.playhead_ms

    def on_position(self, position_ms: int) -> Action:
        """What to do now that the player reports ``position_ms``."""
        self.playhead_ms = self.clamp(position_ms)
        if not self.playing or position_ms < self.end_ms:
            return Action.CONTINUE
        if self.loop:
            self.playhead_ms = self.start_ms
            return Action.RESTART
        self.playing = False
        self.playhead_ms = self.start_ms if self._return_to_start else self._duration_ms
        return Action.STOP

    def remaining_ms(self, position_ms: int) -> int:
        """Milliseconds until playback must stop (or loop) from ``position_ms``: the delay for a stop timer."""
        return max(0, self.end_ms - self.clamp(position_ms))


@dataclass(frozen=True)
class TimeScale:
    """A view of [start_ms, end_ms) drawn across ``width_px`` pixels: where a time is, which time a pixel is."""

    start_ms: float
    end_ms: float
    width_px: int

    def __post_init__(self) -> None:
        if not self.end_ms > self.start_ms or self.width_px <= 0:
            raise ValueError("a time scale needs end_ms > start_ms and a positive width")

    @property
    def ms_per_px(self) -> float:
        return (self.end_ms - self.start_ms) / self.width_px

    def x_for_ms(self, ms: float) -> float:
        return (ms - self.start_ms) / self.ms_per_px

    def ms_for_x(self, x: float) -> int:
        return round(self.start_ms + x * self.ms_per_px)


def ms_for_sample(index: int, sample_rate: int = SAMPLE_RATE) -> int:
    return round(index * 1000 / sample_rate)


def sample_for_ms(ms: float, sample_rate: int = SAMPLE_RATE) -> int:
    """The first sample at or after ``ms``."""
    return max(0, math.ceil(ms * sample_rate / 1000 - 1e-9))
