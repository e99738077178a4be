"""Re-alignment speed on this machine with a full-size random Qwen3-ForcedAligner-0.6B checkpoint.

    python bench/bench_realign.py [--checkpoint DIR] [--minutes 10] [--threads N] [--skip-file]

Prints: seconds to re-align one edited cue (its window: the cue, its neighbours, 3 s of context), seconds for a
whole file of ``--minutes`` (drift estimation + every cue in windows of at most 60 s), and the drift estimation
alone on two hours of audio. Random weights cost what real ones do (the same shapes; the aligner does one
forward pass per window, no generation). The checkpoint is built once (about 2.4 GB of float32) and kept.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from bench.bench_asr import SENTENCES, speech_like

SR = 16000


def checkpoint(path: str | None) -> Path:
    from tests.support.checkpoints import FULL_SIZE_0_6B, build_checkpoint

    folder = Path(path or Path.home() / ".cache" / "qss-bench" / "full-aligner-0.6b")
    if not (folder / "model.safetensors").exists():
        print(f"building the full-size random aligner in {folder} …", flush=True)
        build_checkpoint(folder, aligner=True, dims=FULL_SIZE_0_6B, init_scale=0.02, seed=1, classify_num=5000)
    return folder


def cues_for(seconds: float):
    """One cue per sentence of speech_like's tiling, timed roughly (the aligner's job is to fix them)."""
    from app.core.document import Cue

    cues, t, i = [], 600, 0
    while t < seconds * 1000 - 4000:
        text = SENTENCES[i % len(SENTENCES)]
        length = 60 * len(text)
        cues.append(Cue(t, t + length, text))
        t += length + 500
        i += 1
    return cues


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--checkpoint", help="folder for the full-size random aligner (built when missing)")
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--threads", type=int, default=None)
    parser.add_argument("--skip-file", action="store_true", help="only the one-cue and the drift figures")
    args = parser.parse_args()

    from app.asr.algorithms.drift import estimate_drift, speech_activity
    from app.asr.client.realignment import Realignment
    from app.asr.runtime.engine import Engine, EngineOptions
    from app.asr.runtime.realign import realign

    folder = checkpoint(args.checkpoint)
    engine = Engine(EngineOptions(aligner=str(folder), device="cpu", idle_unload_s=0, download=False,
                                  threads=args.threads))  # fmt: skip
    audio = speech_like(args.minutes * 60)
    cues = cues_for(len(audio) / SR)
    t0 = time.perf_counter()
    with engine.session():
        engine.aligner()
    print(f"aligner load: {time.perf_counter() - t0:.1f} s; {len(cues)} cues over {len(audio) / SR / 60:.1f} min")

    def timed(targets, **kwargs) -> tuple[float, Realignment]:
        t = time.perf_counter()
        *_, result = realign(audio, cues, targets, engine=engine, language="English", **kwargs)
        return time.perf_counter() - t, result

    middle = len(cues) // 2
    cues[middle] = cues[middle].with_(text=cues[middle].text.replace(".", ", really."), edited=True)
    timed([middle])  # warm-up: first-call allocations
    runs = [timed([middle])[0] for _ in range(3)]
    print(f"one edited cue: {min(runs):.2f} s (best of 3; runs {', '.join(f'{r:.2f}' for r in runs)})")

    two_hours = np.tile(audio, max(1, round(120 / args.minutes)))
    long_cues = [c.with_(start=c.start + k * len(audio) * 1000 // SR, end=c.end + k * len(audio) * 1000 // SR)
                 for k in range(len(two_hours) // len(audio)) for c in cues]  # fmt: skip
    t = time.perf_counter()
    activity = speech_activity(two_hours)
    drift = estimate_drift(activity, long_cues)
    print(f"drift estimation, {len(two_hours) / SR / 3600:.1f} h, {len(long_cues)} cues: "
          f"{time.perf_counter() - t:.2f} s ({drift.describe()})")  # fmt: skip

    if not args.skip_file:
        seconds, result = timed(None, correct_drift=True)
        placed = len(result.aligned)
        print(f"whole file, {args.minutes:g} min, {len(cues)} cues: {seconds:.1f} s "
              f"(RTF {seconds / (len(audio) / SR):.3f}; {placed} placed, {len(result.unplaced)} flagged)")  # fmt: skip


if __name__ == "__main__":
    main()
