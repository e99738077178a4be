"""Threads on a busy machine (issue 28, item 3): recognition with the engine's own thread choice (the cores free
now, app.asr.runtime.threads) against every fixed choice, with ``--busy`` busy-loop processes running beside it.

    python bench/bench_threads.py [--busy 2] [--chunks 2] [--rounds 3] [--precision auto]

The modes alternate (picked, 1, 2, ..., picked, 1, 2, ...) so a drift of the machine touches them alike; each
figure is the median of ``--rounds``. The target: the picked choice at most 1.10 x the best fixed one. The
full-size random checkpoint of bench_asr.py is used (built on the first run).
"""

from __future__ import annotations

import argparse
import dataclasses
import multiprocessing
import os
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))


def _spin() -> None:
    while True:
        pass


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--busy", type=int, default=2, help="busy-loop processes started beside the bench")
    parser.add_argument("--chunks", type=int, default=2, help="30 s chunks recognised a measurement")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--precision", default="auto")
    parser.add_argument("--checkpoint")
    parser.add_argument("--tokens-per-chunk", type=int, default=100)
    args = parser.parse_args()

    import torch
    from bench_asr import _load, checkpoint, engine_for, run_chunks, speech_like, spoken_text

    from app.asr.runtime import threads as thread_choice

    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    settings = argparse.Namespace(device="cpu", batch=None, tokens_per_chunk=args.tokens_per_chunk, threads=None,
                                  int8=False, precision=args.precision)  # fmt: skip
    engine = engine_for(checkpoint(args.checkpoint), settings, None)
    spoken_text(engine)
    engine.load(recognizer=True, aligner=False)
    audio = speech_like(30 * args.chunks + 5)
    run_chunks(engine, audio[: 5 * 16000], 1)  # warm-up
    with open("/proc/cpuinfo") as fh:
        model = next((line.split(":", 1)[1].strip() for line in fh if line.startswith("model name")), "?")
    print(f"CPU {model}, {cores} cores; torch default threads {torch.get_num_threads()}; load {_load()}")
    spinners = [multiprocessing.Process(target=_spin, daemon=True) for _ in range(args.busy)]
    for p in spinners:
        p.start()
    modes: list[int | None] = [None, *range(1, cores + 1)]
    times: dict[int | None, list[float]] = {m: [] for m in modes}
    picks: list[int] = []
    try:
        for r in range(args.rounds):
            for mode in modes:
                engine.options = dataclasses.replace(engine.options, threads=mode)
                if mode is None:
                    thread_choice._last = None  # a fresh pick, as after REPICK_AFTER_S
                else:
                    torch.set_num_threads(mode)
                n, seconds, _covered = run_chunks(engine, audio, args.chunks)
                if mode is None:
                    picks.append(torch.get_num_threads())
                times[mode].append(seconds)
                name = "picked" if mode is None else f"{mode} thread{'s' if mode > 1 else ''}"
                print(f"round {r + 1} {name}: {n} chunks in {seconds:.1f} s (load {_load()})", flush=True)
    finally:
        for p in spinners:
            p.kill()
    best_fixed = min(statistics.median(times[m]) for m in modes if m is not None)
    for mode in modes:
        med = statistics.median(times[mode])
        name = f"picked ({', '.join(map(str, picks))} threads)" if mode is None else f"{mode} fixed"
        print(f"{name}: median {med:.1f} s, {med / best_fixed:.2f} x the best fixed choice")
    print(f"with {args.busy} busy loops; target: picked at most 1.10 x the best fixed")


if __name__ == "__main__":
    main()
