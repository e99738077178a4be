"""Split decoded audio into recognition chunks of at most 30 s, at pauses.

Pure numpy, so it is fast to test. An energy splitter rather than a neural VAD: it needs no model, and for music
(no pause at all) it still cuts, at the quietest point, so no chunk is ever longer than the limit.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from app.core.rules import SAMPLE_RATE

FRAME_MS = 20


@dataclass(frozen=True, slots=True)
class Chunk:
    """A span of the audio in samples; ``start_ms``/``end_ms`` are the same span in integer milliseconds."""

    start: int
    end: int

    @property
    def start_ms(self) -> int:
        return self.start * 1000 // SAMPLE_RATE

    @property
    def end_ms(self) -> int:
        return self.end * 1000 // SAMPLE_RATE

    @property
    def samples(self) -> int:
        return self.end - self.start


def frame_energy(samples: np.ndarray, frame: int) -> np.ndarray:
    """RMS level in dB of consecutive frames (the last partial frame included).

    Works in blocks of about 1.3 M samples so that a 2-hour recording (440 MB of float32) needs no full-length
    float64 temporaries: memory stays flat whatever the length.
    """
    n = len(samples)
    count = max(1, -(-n // frame))
    power = np.zeros(count, dtype=np.float64)
    step = frame * 4096
    for i in range(0, n, step):
        block = np.asarray(samples[i : i + step], dtype=np.float64)
        k = -(-len(block) // frame)
        if len(block) < k * frame:
            block = np.pad(block, (0, k * frame - len(block)))
        power[i // frame : i // frame + k] = np.mean(np.square(block.reshape(k, frame)), axis=1)
    return 10.0 * np.log10(power + 1e-10)


def split_at_pauses(
    samples: np.ndarray,
    *,
    sample_rate: int = SAMPLE_RATE,
    max_s: float = 30.0,
    target_s: float = 20.0,
    min_pause_ms: int = 300,
    silence_db: float = 35.0,
) -> list[Chunk]:
    """Cut ``samples`` into chunks of at most ``max_s`` that together cover all of it, without gaps.

    A frame is quiet when it is ``silence_db`` below the recording's loud level (its 95th percentile). Each chunk
    ends in the middle of the longest quiet run between ``target_s`` and ``max_s`` after its start (a pause of at
    least ``min_pause_ms``), else the longest pause between 5 s and ``max_s``, else at the quietest frame in the
    last third of the allowed span. Leading and trailing silence of the whole recording stays inside the chunks,
    so chunk times are plain offsets into the recording.
    """
    samples = np.asarray(samples, dtype=np.float32).reshape(-1)
    n = len(samples)
    if n == 0:
        return []
    frame = sample_rate * FRAME_MS // 1000
    max_frames = int(max_s * 1000) // FRAME_MS
    if n <= max_frames * frame:
        return [Chunk(0, n)]
    energy = frame_energy(samples, frame)
    loud = float(np.percentile(energy, 95))
    quiet = energy < loud - silence_db
    target_frames = int(target_s * 1000) // FRAME_MS
    min_pause = max(1, min_pause_ms // FRAME_MS)
    total_frames = len(energy)

    chunks: list[Chunk] = []
    start_f = 0
    while total_frames - start_f > max_frames:
        cut = _best_cut(energy, quiet, start_f, target_frames, max_frames, min_pause)
        chunks.append(Chunk(start_f * frame, cut * frame))
        start_f = cut
    chunks.append(Chunk(start_f * frame, n))
    return chunks


def sounding(
    samples: np.ndarray,
    chunks: list[Chunk],
    *,
    sample_rate: int = SAMPLE_RATE,
    silence_db: float = 35.0,
    floor_db: float = -90.0,
    min_sound_ms: int = 200,
) -> list[bool]:
    """Which chunks hold any sound worth recognising: at least ``min_sound_ms`` of frames within ``silence_db`` of
    the recording's loud level (and above ``floor_db``, so digital silence never counts).

    A chunk of silence sent to a recognizer costs a full batch slot and invites a hallucinated sentence; the
    caller skips the ones marked False. Music and noise count as sound: only silence is skipped.
    """
    samples = np.asarray(samples, dtype=np.float32).reshape(-1)
    if len(samples) == 0:
        return [False] * len(chunks)
    frame = sample_rate * FRAME_MS // 1000
    energy = frame_energy(samples, frame)
    loud = energy >= max(float(np.percentile(energy, 95)) - silence_db, floor_db)
    need = max(1, min_sound_ms // FRAME_MS)
    return [int(loud[c.start // frame : -(-c.end // frame)].sum()) >= need for c in chunks]


def _best_cut(energy: np.ndarray, quiet: np.ndarray, start: int, target: int, limit: int, min_pause: int) -> int:
    end = start + limit  # the cut is at a frame boundary <= end
    for lo in (start + target, start + min(target, 5000 // FRAME_MS)):
        run = _longest_quiet_run(quiet, lo, end, min_pause)
        if run is not None:
            return (run[0] + run[1]) // 2
    lo = start + (2 * limit) // 3
    # quietest point, smoothed over 100 ms so one lucky frame inside a note does not win
    window = np.convolve(energy[lo:end], np.ones(5) / 5.0, mode="same")
    return lo + int(np.argmin(window)) if len(window) else end


def _longest_quiet_run(quiet: np.ndarray, lo: int, hi: int, min_len: int) -> tuple[int, int] | None:
    seg = quiet[lo:hi].astype(np.int8)
    if not seg.any():
        return None
    edges = np.diff(np.concatenate(([0], seg, [0])))
    starts = np.flatnonzero(edges == 1)
    ends = np.flatnonzero(edges == -1)
    lengths = ends - starts
    best = int(np.argmax(lengths))
    if lengths[best] < min_len:
        return None
    return lo + int(starts[best]), lo + int(ends[best])


def pauses(samples: np.ndarray, *, sample_rate: int = SAMPLE_RATE, min_pause_ms: int = 200,
           silence_db: float = 35.0) -> list[tuple[int, int]]:  # fmt: skip
    """Quiet runs of at least ``min_pause_ms`` as (start_ms, end_ms); used to time words without an aligner."""
    samples = np.asarray(samples, dtype=np.float32).reshape(-1)
    if len(samples) == 0:
        return []
    frame = sample_rate * FRAME_MS // 1000
    energy = frame_energy(samples, frame)
    quiet = (energy < float(np.percentile(energy, 95)) - silence_db).astype(np.int8)
    edges = np.diff(np.concatenate(([0], quiet, [0])))
    starts, ends = np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)
    keep = (ends - starts) * FRAME_MS >= min_pause_ms
    return [(int(s) * FRAME_MS, int(e) * FRAME_MS) for s, e in zip(starts[keep], ends[keep], strict=True)]


def speech_span(wav: np.ndarray) -> tuple[int, int]:
    """Where speech starts and ends in a chunk, in ms from its start: leading and trailing pauses trimmed."""
    duration = len(wav) * 1000 // SAMPLE_RATE
    start, end = 0, duration
    for a, b in pauses(wav):
        if a == 0:
            start = min(b, duration)
        if b >= duration - FRAME_MS:
            end = max(a, start)
    return (start, end) if end > start else (0, duration)
