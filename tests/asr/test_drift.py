"""Offset and frame-rate drift: found from speech activity alone, no model."""

from __future__ import annotations

import numpy as np
import pytest

from app.asr.algorithms.drift import Drift, cue_activity, drifted, estimate_drift, speech_activity
from app.asr.algorithms.realign import settle
from app.core.document import Cue, Word

SR = 16000


def recording(minutes: float, seed: int = 1) -> tuple[np.ndarray, list[Cue]]:
    """Faint noise with utterances (modulated noise, 0.8-5 s) separated by 0.2-3 s pauses, and their true cues."""
    rng = np.random.default_rng(seed)
    total = int(minutes * 60_000)
    audio = (rng.standard_normal(total * SR // 1000) * 0.001).astype(np.float32)
    cues, t = [], 1000
    while t < total - 8000:
        d = int(rng.uniform(800, 5000))
        n = d * SR // 1000
        envelope = np.abs(np.sin(np.linspace(0, d / 180, n))) + 0.2
        audio[t * SR // 1000 : t * SR // 1000 + n] += (rng.standard_normal(n) * 0.2 * envelope).astype(np.float32)
        cues.append(Cue(t, t + d, f"line {len(cues)}", words=(Word(t, t + d, 0, 4),)))
        t += d + int(rng.uniform(200, 3000))
    return audio, cues


@pytest.fixture(scope="module")
def ten_minutes():
    return recording(10)


def max_error(a: list[Cue], b: list[Cue]) -> int:
    return max(max(abs(x.start - y.start), abs(x.end - y.end)) for x, y in zip(a, b, strict=True))


@pytest.mark.parametrize(
    ("offset_ms", "stretch"), [(7000, 25 / 23.976), (7000, 1.0), (-4000, 23.976 / 25), (0, 25 / 24), (1500, 1.0012)]
)
def test_offset_and_drift_are_removed_before_aligning(ten_minutes, offset_ms, stretch):
    audio, truth = ten_minutes
    subs = [
        c.with_(start=round(c.start * stretch) + offset_ms, end=round(c.end * stretch) + offset_ms, words=())
        for c in truth
    ]
    drift = estimate_drift(speech_activity(audio), subs)
    moved = settle(subs, drifted(subs, drift), media_end=len(audio) * 1000 // SR)
    back = [moved.get(i, c) for i, c in enumerate(subs)]
    inside = [i for i, c in enumerate(truth) if c.end * stretch + offset_ms < len(audio) * 1000 // SR]
    assert len(inside) > 100
    assert max_error([back[i] for i in inside], [truth[i] for i in inside]) <= 300, drift


def test_well_timed_subtitles_are_left_alone(ten_minutes):
    audio, truth = ten_minutes
    drift = estimate_drift(speech_activity(audio), truth)
    assert drift.is_identity or max_error(list(drifted(truth, drift).values()), truth) <= 60
    assert drifted(truth, Drift()) == {}


def test_silence_or_no_cues_gives_the_identity():
    many = [Cue(i * 2000, i * 2000 + 1000, "a") for i in range(12)]
    assert estimate_drift(speech_activity(np.zeros(SR * 30, dtype=np.float32)), many).is_identity
    assert estimate_drift(speech_activity(np.ones(SR, dtype=np.float32)), []).is_identity


def test_too_few_cues_say_nothing_about_drift(ten_minutes):
    audio, truth = ten_minutes
    few = [c.with_(start=c.start + 7000, end=c.end + 7000) for c in truth[:5]]
    assert estimate_drift(speech_activity(audio), few).is_identity


def test_locked_cues_do_not_drift_and_words_follow():
    cues = [Cue(1000, 2000, "a", words=(Word(1000, 1500, 0, 1),)), Cue(3000, 4000, "b", locked=True)]
    moved = drifted(cues, Drift(scale=2.0, offset_ms=-500))
    assert list(moved) == [0]
    assert (moved[0].start, moved[0].end, moved[0].words[0].end) == (1500, 3500, 2500)


def test_cue_activity_marks_the_covered_frames():
    act = cue_activity([Cue(0, 100, "a"), Cue(200, 260, "b")], 20, frame_ms=20)
    assert act.tolist() == [1.0] * 5 + [0.0] * 5 + [1.0] * 3 + [0.0] * 7
