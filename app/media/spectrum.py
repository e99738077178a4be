"""The spectrogram of the decoded audio: computed once, in the background, then drawn at any zoom.

A short-time Fourier transform of the 16 kHz samples (512-sample Hann windows every 10 ms, 0-8 kHz), in
decibels mapped to 0-255, kept as a pyramid like the waveform's envelope: level k holds the maximum over 2**k
columns, so a zoomed-out view of an hour reads a few thousand columns, not 360,000. Qt-free; the ui turns
the columns of the visible range into an image.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from app.core.rules import SAMPLE_RATE
from app.media.decode import DecodeCancelled

HOP_MS = 10
WINDOW = 512  # 32 ms at 16 kHz: 31 Hz bins
BINS = 128  # frequency rows kept (0 to 8 kHz: the 256 bins of the transform averaged in pairs)
FLOOR_DB = -90.0
CHUNK_COLUMNS = 4096  # columns transformed at a time (bounded memory, a cancel check between)


@dataclass(frozen=True, eq=False)  # arrays inside: compared by identity
class Spectrogram:
    """``levels[k]`` is a uint8 array (columns, BINS): column c covers ``c * 2**k * HOP_MS`` ms onwards."""

    levels: tuple[np.ndarray, ...]
    hop_ms: int = HOP_MS

    @property
    def duration_ms(self) -> int:
        return self.levels[0].shape[0] * self.hop_ms

    def columns(self, start_ms: float, end_ms: float, width: int) -> tuple[np.ndarray, float, float]:
        """The columns that draw [start_ms, end_ms] at ``width`` pixels: (array (n, BINS), first_ms, last_ms).

        The level is the coarsest one that still gives at least a column per pixel.
        """
        start_ms, end_ms = max(start_ms, 0.0), min(end_ms, float(self.duration_ms))
        if end_ms <= start_ms or width <= 0:
            return np.zeros((0, BINS), np.uint8), start_ms, start_ms
        per_pixel = (end_ms - start_ms) / self.hop_ms / width
        level = int(np.clip(np.floor(np.log2(max(per_pixel, 1.0))), 0, len(self.levels) - 1))
        step = self.hop_ms * (1 << level)
        data = self.levels[level]
        first = int(start_ms // step)
        last = min(int(np.ceil(end_ms / step)), data.shape[0])
        return data[first:last], first * step, last * step


def compute_spectrogram(
    samples: np.ndarray,
    sample_rate: int = SAMPLE_RATE,
    *,
    progress: Callable[[float], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Spectrogram:
    hop = sample_rate * HOP_MS // 1000
    n_columns = max(1, len(samples) // hop)
    window = np.hanning(WINDOW).astype(np.float32)
    base = np.empty((n_columns, BINS), np.uint8)
    scale = 255.0 / -FLOOR_DB
    for first in range(0, n_columns, CHUNK_COLUMNS):
        if cancelled is not None and cancelled():
            raise DecodeCancelled()
        count = min(CHUNK_COLUMNS, n_columns - first)
        lo = first * hop - WINDOW // 2
        segment = np.zeros(count * hop + WINDOW, np.float32)
        a, b = max(lo, 0), min(lo + len(segment), len(samples))
        if b > a:
            segment[a - lo : b - lo] = samples[a:b]
        frames = np.lib.stride_tricks.sliding_window_view(segment, WINDOW)[: count * hop : hop]
        power = np.abs(np.fft.rfft(frames * window, axis=1)[:, : 2 * BINS]) ** 2
        power = power.reshape(count, BINS, 2).mean(axis=2)
        db = 10.0 * np.log10(power / (WINDOW / 4) ** 2 + 1e-12)
        base[first : first + count] = np.clip((db - FLOOR_DB) * scale, 0, 255).astype(np.uint8)
        if progress is not None:
            progress((first + count) / n_columns * 0.95)
    levels = [base]
    while levels[-1].shape[0] > 512:
        level = levels[-1]
        even = level[: level.shape[0] // 2 * 2]
        levels.append(np.maximum(even[0::2], even[1::2]))
    if progress is not None:
        progress(1.0)
    return Spectrogram(tuple(levels))
