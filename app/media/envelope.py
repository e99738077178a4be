"""The waveform envelope: min/max pyramid of the decoded samples, so a view can draw any zoom of a long file.

Level 0 holds the min and max of every ``BASE_BIN`` samples (1 ms at 16 kHz); each level above merges
``FACTOR`` bins of the one below, up to a handful of bins for the whole file. A request for a time range at
some number of pixels reads the coarsest level that is still at least as fine as one pixel, so drawing costs
about the same at every zoom. Only a window finer than level 0 (under 1 ms a pixel, a few thousand
samples at most) reads the samples themselves.

Values are stored as float16: plenty for drawing, and a 2-hour file's pyramid stays near 38 MB.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

BASE_BIN = 16
FACTOR = 4
STORE_DTYPE = np.float16


class EnvelopeBuilder:
    """Fed the samples as they are decoded; keeps level 0 and derives the other levels at the end.

    Level 0 goes straight into arrays sized from ``expected_samples`` (grown if more come), so building it
    costs no second copy at the end.
    """

    def __init__(self, sample_rate: int, expected_samples: int = 0) -> None:
        self.sample_rate = sample_rate
        capacity = max(expected_samples // BASE_BIN + 1, 1024)
        self._mins = np.empty(capacity, dtype=STORE_DTYPE)
        self._maxs = np.empty(capacity, dtype=STORE_DTYPE)
        self._bins = 0
        self._carry = np.empty(0, dtype=np.float32)  # fewer than BASE_BIN samples left over from the last chunk

    def add(self, chunk: np.ndarray) -> None:
        if self._carry.size:
            chunk = np.concatenate((self._carry, chunk))
        whole = chunk.size - chunk.size % BASE_BIN
        if whole:
            lo, hi = _block_minmax(chunk[:whole])
            self._append(lo, hi)
        self._carry = chunk[whole:].copy()

    def _append(self, lo: np.ndarray, hi: np.ndarray) -> None:
        end = self._bins + lo.size
        if end > self._mins.size:  # more audio than the header promised
            capacity = max(end, int(self._mins.size * 1.5))
            self._mins.resize(capacity, refcheck=False)
            self._maxs.resize(capacity, refcheck=False)
        self._mins[self._bins : end] = lo
        self._maxs[self._bins : end] = hi
        self._bins = end

    def finish(self, samples: np.ndarray | None = None) -> Envelope:
        """The pyramid over everything added; ``samples`` (the decoded array) serves zooms finer than level 0."""
        n_samples = self._bins * BASE_BIN + self._carry.size
        if self._carry.size:
            self._append(self._carry.min(keepdims=True), self._carry.max(keepdims=True))
        mins, maxs = self._mins, self._maxs
        mins.resize(self._bins, refcheck=False)
        maxs.resize(self._bins, refcheck=False)
        self._mins = self._maxs = np.empty(0, dtype=STORE_DTYPE)
        self._bins = 0
        self._carry = np.empty(0, dtype=np.float32)
        return Envelope(build_levels((mins, maxs)), self.sample_rate, n_samples, samples=samples)


def _block_minmax(samples: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Min and max of each BASE_BIN samples, by pairwise halving: about twice as fast as reshape().min(axis=1)."""
    lo = np.minimum(samples[0::2], samples[1::2])
    hi = np.maximum(samples[0::2], samples[1::2])
    width = 2
    while width < BASE_BIN:
        lo = np.minimum(lo[0::2], lo[1::2])
        hi = np.maximum(hi[0::2], hi[1::2])
        width *= 2
    return lo, hi


def build_levels(base: tuple[np.ndarray, np.ndarray]) -> list[tuple[np.ndarray, np.ndarray]]:
    """Level 0 plus every coarser level, each FACTOR times fewer bins, down to at most FACTOR bins."""
    levels = [base]
    mins, maxs = base
    while mins.size > FACTOR:
        pad = (-mins.size) % FACTOR
        if pad:  # repeat the edge so the padding changes neither min nor max
            mins = np.concatenate((mins, np.repeat(mins[-1:], pad)))
            maxs = np.concatenate((maxs, np.repeat(maxs[-1:], pad)))
        mins = mins.reshape(-1, FACTOR).min(axis=1)
        maxs = maxs.reshape(-1, FACTOR).max(axis=1)
        levels.append((mins, maxs))
    return levels


class Envelope:
    """A min/max pyramid; ``minmax`` answers a time range at a number of bins (pixels)."""

    def __init__(
        self,
        levels: Sequence[tuple[np.ndarray, np.ndarray]],
        sample_rate: int,
        n_samples: int,
        *,
        samples: np.ndarray | None = None,
    ) -> None:
        if not levels:
            raise ValueError("an envelope needs at least level 0")
        self.levels = list(levels)
        self.sample_rate = sample_rate
        self.n_samples = n_samples
        self._samples = samples

    @property
    def duration_ms(self) -> int:
        return round(self.n_samples * 1000 / self.sample_rate)

    @staticmethod
    def bin_samples(level: int) -> int:
        """How many samples one bin of a level covers."""
        return BASE_BIN * FACTOR**level

    def minmax(self, start_ms: float, end_ms: float, bins: int) -> tuple[np.ndarray, np.ndarray]:
        """Min and max (float32, ``bins`` each) of equal slices of [start_ms, end_ms).

        Slices outside the audio read 0. A slice narrower than one sample repeats the nearest sample.
        """
        if bins <= 0:
            raise ValueError("bins must be positive")
        if not end_ms > start_ms:
            raise ValueError("end_ms must be after start_ms")
        first = start_ms * self.sample_rate / 1000.0  # in samples
        per_bin = (end_ms - start_ms) * self.sample_rate / 1000.0 / bins
        level = self.level_for(per_bin)
        if level < 0:
            return _reduce(self._samples, self._samples, first, per_bin, bins)
        size = self.bin_samples(level)
        mins, maxs = self.levels[level]
        return _reduce(mins, maxs, first / size, per_bin / size, bins)

    def level_for(self, samples_per_bin: float) -> int:
        """The coarsest level whose bins are no wider than ``samples_per_bin``; -1: the samples themselves."""
        if samples_per_bin < BASE_BIN and self._samples is not None:
            return -1
        level = 0
        while level + 1 < len(self.levels) and self.bin_samples(level + 1) <= samples_per_bin:
            level += 1
        return level


def _reduce(mins: np.ndarray, maxs: np.ndarray, first: float, step: float, bins: int) -> tuple[np.ndarray, np.ndarray]:
    """Min of ``mins`` and max of ``maxs`` over the index ranges [first + i*step, first + (i+1)*step)."""
    out_min = np.zeros(bins, dtype=np.float32)
    out_max = np.zeros(bins, dtype=np.float32)
    n = mins.shape[0]
    edges = np.floor(first + np.arange(bins + 1) * step).astype(np.int64)
    lo = edges[:-1]
    hi = np.maximum(edges[1:], lo + 1)  # at least one element: a slice inside one bin reads that bin
    valid = (lo < n) & (hi > 0)
    if not valid.any():
        return out_min, out_max
    lo_c = np.clip(lo[valid], 0, n - 1)
    start, stop = int(lo_c[0]), int(min(hi[valid][-1], n))
    idx = lo_c - start
    # reduceat reads [idx[i], idx[i+1]); where idx repeats (slices narrower than one bin) it reads the element at idx[i]
    out_min[valid] = np.minimum.reduceat(mins[start:stop], idx)
    out_max[valid] = np.maximum.reduceat(maxs[start:stop], idx)
    return out_min, out_max
