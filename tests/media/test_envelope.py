"""The min/max pyramid: exact where it can be, independent of how the samples arrived, cheap at every zoom."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from app.media import decode_audio
from app.media.envelope import BASE_BIN, FACTOR, Envelope, EnvelopeBuilder, build_levels

RATE = 16000
f16 = np.float16

samples_strategy = hnp.arrays(
    np.float32,
    st.integers(1, 5000),
    elements=st.floats(-1, 1, width=32, allow_nan=False, allow_subnormal=False),
)


def _envelope(samples: np.ndarray, chunks: list[int] | None = None, keep_samples: bool = True) -> Envelope:
    builder = EnvelopeBuilder(RATE)
    start = 0
    for size in chunks or [samples.size]:
        builder.add(samples[start : start + size])
        start += size
    builder.add(samples[start:])
    return builder.finish(samples if keep_samples else None)


@settings(deadline=None)  # a loaded machine must not make these flaky
@given(samples_strategy, st.lists(st.integers(0, 700), max_size=12))
def test_levels_do_not_depend_on_how_the_samples_arrived(samples: np.ndarray, chunks: list[int]) -> None:
    whole = _envelope(samples)
    pieces = _envelope(samples, chunks)
    assert pieces.n_samples == whole.n_samples == samples.size
    for (a_lo, a_hi), (b_lo, b_hi) in zip(whole.levels, pieces.levels, strict=True):
        np.testing.assert_array_equal(a_lo, b_lo)
        np.testing.assert_array_equal(a_hi, b_hi)


@settings(deadline=None)
@given(samples_strategy)
def test_each_level_bounds_its_samples(samples: np.ndarray) -> None:
    env = _envelope(samples)
    assert env.levels[-1][0].size <= FACTOR
    for level, (lo, hi) in enumerate(env.levels):
        size = env.bin_samples(level)
        assert lo.size == -(-samples.size // size)
        for i in range(lo.size):
            part = samples[i * size : (i + 1) * size]
            assert lo[i] == f16(part.min()) and hi[i] == f16(part.max())


@settings(max_examples=200, deadline=None)
@given(
    samples_strategy,
    st.floats(-200, 400, allow_subnormal=False),
    st.floats(0.01, 600, allow_subnormal=False),
    st.integers(1, 400),
    st.booleans(),
)
def test_minmax_matches_a_direct_computation(
    samples: np.ndarray, start_ms: float, span_ms: float, bins: int, keep: bool
) -> None:
    env = _envelope(samples, keep_samples=keep)
    mins, maxs = env.minmax(start_ms, start_ms + span_ms, bins)
    assert mins.shape == maxs.shape == (bins,) and mins.dtype == np.float32
    per_bin = span_ms * RATE / 1000 / bins
    level = env.level_for(per_bin)
    size = 1 if level < 0 else env.bin_samples(level)
    first = start_ms * RATE / 1000 / size
    for i in range(bins):
        lo_i = int(np.floor(first + i * per_bin / size))
        hi_i = max(int(np.floor(first + (i + 1) * per_bin / size)), lo_i + 1)
        part = samples[max(lo_i, 0) * size : min(hi_i * size, samples.size)]
        if hi_i <= 0 or lo_i * size >= samples.size or not part.size:
            assert mins[i] == 0 and maxs[i] == 0
            continue
        expected_lo, expected_hi = part.min(), part.max()
        if level >= 0:
            expected_lo, expected_hi = f16(expected_lo), f16(expected_hi)
        assert mins[i] == np.float32(expected_lo) and maxs[i] == np.float32(expected_hi)


def test_one_bin_over_everything_is_the_global_extremes() -> None:
    rng = np.random.default_rng(1)
    samples = rng.uniform(-0.7, 0.9, 123_457).astype(np.float32)
    env = _envelope(samples)
    mins, maxs = env.minmax(0, samples.size * 1000 / RATE, 1)
    assert mins[0] == f16(samples.min()) and maxs[0] == f16(samples.max())


def test_zoom_picks_the_coarsest_level_finer_than_a_pixel() -> None:
    two_hours = 2 * 3600 * RATE
    bins = -(-two_hours // BASE_BIN)
    base = (np.zeros(bins, dtype=f16), np.zeros(bins, dtype=f16))
    env = Envelope(build_levels(base), RATE, two_hours)
    assert env.duration_ms == 7_200_000
    per_pixel = two_hours / 1920  # the whole file across a screen
    level = env.level_for(per_pixel)
    assert env.bin_samples(level) <= per_pixel < env.bin_samples(level + 1)
    assert env.levels[level][0].size < 4 * 1920  # a few bins a pixel to read, not millions
    assert env.level_for(1.0) == 0  # without samples at hand, level 0 is the finest
    assert env.minmax(0, 7_200_000, 1920)[0].shape == (1920,)
    assert env.minmax(3_600_000, 3_600_050, 1920)[1].shape == (1920,)  # 50 ms across the screen


def test_sizes_of_a_long_pyramid() -> None:
    hour = 3600 * RATE
    base = (np.zeros(hour // BASE_BIN, dtype=f16), np.zeros(hour // BASE_BIN, dtype=f16))
    levels = build_levels(base)
    total = sum(lo.nbytes + hi.nbytes for lo, hi in levels)
    assert total < 20 * 1024 * 1024  # an hour's pyramid stays under 20 MB


def test_bad_requests() -> None:
    env = _envelope(np.zeros(100, dtype=np.float32))
    with pytest.raises(ValueError):
        env.minmax(10, 10, 5)
    with pytest.raises(ValueError):
        env.minmax(0, 10, 0)


def test_envelope_of_a_decoded_file(media_dir: Path) -> None:
    decoded = decode_audio(media_dir / "late.mp4", use_cache=False)
    env = decoded.envelope
    assert env.n_samples == decoded.samples.size
    mins, maxs = env.minmax(0, decoded.duration_ms, 100)
    quiet, loud = maxs[:13], maxs[20:]  # silence before 1.5 s of 10, then the sine
    assert np.all(quiet < 1e-3) and np.all(loud > 0.05) and np.all(mins[20:] < -0.05)
    fine_lo, fine_hi = env.minmax(5000, 5002, 64)  # under 1 ms a bin: read from the samples
    window = decoded.samples[80000:80032]
    assert fine_lo.min() == window.min() and fine_hi.max() == window.max()


def test_more_samples_than_expected_grow_level_zero() -> None:
    rng = np.random.default_rng(7)
    samples = rng.uniform(-1, 1, 100_003).astype(np.float32)
    short = EnvelopeBuilder(RATE, expected_samples=10)
    for start in range(0, samples.size, 4099):
        short.add(samples[start : start + 4099])
    grown = short.finish()
    exact = _envelope(samples)
    assert grown.n_samples == exact.n_samples == samples.size
    for (a_lo, a_hi), (b_lo, b_hi) in zip(grown.levels, exact.levels, strict=True):
        np.testing.assert_array_equal(a_lo, b_lo)
        np.testing.assert_array_equal(a_hi, b_hi)
