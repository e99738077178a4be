"""Put subtitles roughly in place before aligning them: estimate and remove a constant offset and a rate drift.

Subtitles made for another cut or another frame rate are off by a constant (an intro that was trimmed) and/or by
a factor (timed at 25 fps, played at 23.976 fps: 4.3 % slower, 5 minutes late after 2 hours). The forced aligner
only looks a few seconds around each cue, so these are removed first, the way ffsubsync does: speech activity
from the audio's energy is correlated with the cue intervals, for every plausible frame-rate ratio, over every
offset at once (one FFT per ratio), and the best ratio is then refined. Pure numpy: a 2-hour film takes about a
second, and no model is needed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from app.asr.algorithms.chunking import frame_energy
from app.core.document import Cue, Word
from app.core.rules import SAMPLE_RATE

FRAME_MS = 20

#: true time = scale * subtitle time + offset. Frame-rate pairs that subtitles are commonly converted between.
SCALES: tuple[float, ...] = tuple(
    sorted(
        {1.0}
        | {a / b for a, b in ((25, 23.976), (25, 24), (24, 23.976), (30, 29.97), (30, 25), (29.97, 23.976))}
        | {b / a for a, b in ((25, 23.976), (25, 24), (24, 23.976), (30, 29.97), (30, 25), (29.97, 23.976))}
    )
)
MAX_OFFSET_S = 300.0
MIN_GAIN = 0.05  # correlation gain (per cue frame) below which the subtitles are left where they are
MIN_CUES = 8  # fewer cues than this say too little about where the speech is: left where they are


@dataclass(frozen=True)
class Drift:
    """``true = scale * subtitle + offset_ms``; ``gain`` is how much better that fits than the times as they are."""

    scale: float = 1.0
    offset_ms: int = 0
    gain: float = 0.0

    @property
    def is_identity(self) -> bool:
        return self.scale == 1.0 and self.offset_ms == 0

    def map(self, t: int) -> int:
        return round(t * self.scale + self.offset_ms)

    def describe(self) -> str:
        if self.is_identity:
            return "no offset or drift found"
        parts = []
        if self.offset_ms:
            parts.append(f"offset {self.offset_ms / 1000:+.2f} s")
        if self.scale != 1.0:
            parts.append(f"rate ×{self.scale:.5f}")
        return ", ".join(parts)


def speech_activity(samples: np.ndarray, *, sample_rate: int = SAMPLE_RATE, frame_ms: int = FRAME_MS) -> np.ndarray:
    """One boolean per frame: louder than the recording's quiet floor by a margin (speech, or at least sound).

    The threshold sits between the quiet level (10th percentile) and the loud level (95th), and never lower than
    30 dB under the loud level, so a silent recording with a little noise does not read as all speech.
    """
    samples = np.asarray(samples, dtype=np.float32).reshape(-1)
    if len(samples) == 0:
        return np.zeros(0, dtype=bool)
    energy = frame_energy(samples, sample_rate * frame_ms // 1000)
    quiet, loud = float(np.percentile(energy, 10)), float(np.percentile(energy, 95))
    return energy > max((quiet + loud) / 2, loud - 30.0)


def cue_activity(cues: Iterable[Cue], frames: int, *, scale: float = 1.0, frame_ms: int = FRAME_MS) -> np.ndarray:
    """1.0 on the frames the (scaled) cues cover, 0.0 elsewhere; ``frames`` long."""
    marks = np.zeros(frames + 1, dtype=np.float64)
    for cue in cues:
        a = min(frames, max(0, round(cue.start * scale / frame_ms)))
        b = min(frames, max(0, round(cue.end * scale / frame_ms)))
        if b > a:
            marks[a] += 1.0
            marks[b] -= 1.0
    return (np.cumsum(marks[:frames]) > 0).astype(np.float64)


def _scores(voice: np.ndarray, covered: np.ndarray, max_shift: int) -> np.ndarray:
    """score[k + max_shift] = sum_t voice[t + k] * covered[t] for shifts k in [-max_shift, max_shift]."""
    n = 1 << int(np.ceil(np.log2(len(voice) + len(covered) + 1)))
    corr = np.fft.irfft(np.fft.rfft(voice, n) * np.conj(np.fft.rfft(covered, n)), n)
    return np.concatenate((corr[n - max_shift :], corr[: max_shift + 1]))


def estimate_drift(
    activity: np.ndarray,
    cues: Sequence[Cue],
    *,
    frame_ms: int = FRAME_MS,
    scales: Sequence[float] = SCALES,
    max_offset_s: float = MAX_OFFSET_S,
    min_gain: float = MIN_GAIN,
) -> Drift:
    """The scale and offset that best lay ``cues`` over the speech ``activity`` (from :func:`speech_activity`).

    Returns the identity when nothing fits clearly better than the times as they are (``min_gain``) or there
    are fewer than MIN_CUES cues, so well-timed subtitles are never disturbed.
    """
    cues = [c for c in cues if c.end > c.start]
    frames = len(activity)
    if frames == 0 or len(cues) < MIN_CUES:
        return Drift()
    voice = activity.astype(np.float64) - float(np.mean(activity))
    max_shift = max(1, min(int(max_offset_s * 1000 / frame_ms), frames))
    span = cues[-1].end

    def best_for(scale: float) -> tuple[float, int]:
        covered = cue_activity(cues, max(frames, int(span * scale / frame_ms) + 2), scale=scale, frame_ms=frame_ms)
        total = covered.sum()
        if total == 0:
            return -np.inf, 0
        scores = _scores(voice, covered, max_shift)
        k = int(np.argmax(scores))
        return float(scores[k]) / total, k - max_shift

    identity_covered = cue_activity(cues, frames, frame_ms=frame_ms)
    identity = float(voice @ identity_covered) / max(1.0, identity_covered.sum())
    results = {scale: best_for(scale) for scale in scales}
    scale = max(results, key=lambda s: results[s][0])
    # refine the ratio around the best candidate: a drift need not be one of the listed frame-rate pairs
    for step in (2e-3, 5e-4, 1.25e-4):
        for candidate in (scale * (1 - step), scale * (1 + step)):
            results[candidate] = best_for(candidate)
        scale = max((scale, scale * (1 - step), scale * (1 + step)), key=lambda s: results[s][0])
    score, shift = results[scale]
    if score - identity < min_gain:
        return Drift(gain=0.0)
    return Drift(scale=float(scale), offset_ms=int(shift * frame_ms), gain=float(score - identity))


def drifted(cues: Sequence[Cue], drift: Drift) -> dict[int, Cue]:
    """The cues the drift moves (locked cues stay), times and words mapped; overlaps are the caller's to settle."""
    if drift.is_identity:
        return {}
    moved: dict[int, Cue] = {}
    for i, cue in enumerate(cues):
        if cue.locked:
            continue
        start, end = max(0, drift.map(cue.start)), max(0, drift.map(cue.end))
        words = tuple(Word(drift.map(w.start), drift.map(w.end), w.char_start, w.char_end) for w in cue.words)
        moved[i] = cue.with_(start=start, end=max(end, start + 1), words=words)
    return moved
