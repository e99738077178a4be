from __future__ import annotations

import itertools

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from app.asr.algorithms.chunking import SAMPLE_RATE, split_at_pauses

SR = SAMPLE_RATE


def _tone(seconds: float, freq: float = 220.0, level: float = 0.3) -> np.ndarray:
    t = np.arange(int(seconds * SR)) / SR
    return (level * np.sin(2 * np.pi * freq * t)).astype(np.float32)


def _silence(seconds: float) -> np.ndarray:
    return np.zeros(int(seconds * SR), dtype=np.float32)


def _assert_cover(chunks, n, max_s=30.0):
    assert chunks[0].start == 0 and chunks[-1].end == n
    for a, b in itertools.pairwise(chunks):
        assert a.end == b.start
    assert all(0 < c.samples <= max_s * SR for c in chunks)


def test_short_audio_is_one_chunk():
    audio = _tone(12)
    assert [(c.start, c.end) for c in split_at_pauses(audio)] == [(0, len(audio))]
    assert split_at_pauses(np.zeros(0, dtype=np.float32)) == []


def test_cuts_fall_in_pauses():
    # speech-like bursts of 7 s with 1 s pauses, 70 s in all
    parts, pauses = [], []
    pos = 0
    for _ in range(9):
        parts += [_tone(7), _silence(1)]
        pos += 7 * SR
        pauses.append((pos, pos + SR))
        pos += SR
    audio = np.concatenate(parts)
    chunks = split_at_pauses(audio)
    _assert_cover(chunks, len(audio))
    assert len(chunks) >= 3
    for c in chunks[:-1]:
        assert any(a <= c.end <= b for a, b in pauses), c


def test_music_without_pauses_still_splits_at_most_every_30s():
    rng = np.random.default_rng(1)
    seconds = 95
    t = np.arange(seconds * SR) / SR
    # a continuous note whose loudness wobbles; the quietest moments are where the envelope dips
    envelope = 0.5 + 0.4 * np.sin(2 * np.pi * t / 11.0)
    audio = (envelope * np.sin(2 * np.pi * 330 * t) + 0.01 * rng.standard_normal(len(t))).astype(np.float32)
    chunks = split_at_pauses(audio)
    _assert_cover(chunks, len(audio))
    assert len(chunks) >= 4
    for c in chunks[:-1]:  # cut near a dip of the envelope, not at an arbitrary point
        assert envelope[c.end] < 0.3


@settings(max_examples=25, deadline=None)
@given(
    st.lists(st.tuples(st.floats(0.2, 40, allow_subnormal=False), st.booleans()), min_size=1, max_size=8),
    st.floats(5, 30, allow_subnormal=False),
)
def test_chunks_cover_everything_and_respect_the_limit(segments, max_s):
    audio = np.concatenate([_tone(s) if loud else _silence(s) for s, loud in segments])
    chunks = split_at_pauses(audio, max_s=max_s, target_s=min(20.0, max_s * 2 / 3))
    _assert_cover(chunks, len(audio), max_s)
