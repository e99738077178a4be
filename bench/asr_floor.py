"""``bench_asr.py rtf``'s decode-step figures: the time of one token-by-token step at batch 1 and 8, beside its
memory floor (the bytes of weights a step reads, divided by the memory bandwidth).

A decode step reads every weight of the text decoder and the vocabulary head once, whatever the batch, so on a CPU
it cannot take less than weight bytes / bandwidth. The bandwidth is measured with a large copy (read and write
counted, as STREAM's Copy does) unless ``--bandwidth`` gives it. The step time is the median interval between
successive calls of the text decoder during one generate call, the prompt's call excluded.
"""

from __future__ import annotations

import argparse
import itertools
import os
import statistics
import time
from typing import Any

SR = 16000


def memory_bandwidth(megabytes: int = 512, rounds: int = 5) -> float:
    """Bytes per second of a large tensor copy with torch's threads (the best of ``rounds``; 2 x size moved)."""
    import torch

    n = megabytes << 20
    src = torch.ones(n // 4, dtype=torch.float32)
    dst = torch.empty_like(src)
    dst.copy_(src)  # fault the pages in
    best = float("inf")
    for _ in range(rounds):
        t = time.perf_counter()
        dst.copy_(src)
        best = min(best, time.perf_counter() - t)
    return 2 * n / best


def decode_weight_bytes(thinker: Any) -> int:
    """Bytes of weights one decode step reads: the text decoder's layers and norm, and the vocabulary head (the
    int8 head's packed weights, not the embedding it keeps a reference to)."""
    from app.asr.runtime.weights import loaded_bytes

    head = thinker.lm_head
    head = getattr(head, "head", head)  # the engine's last-position wrapper
    text = thinker.model
    return loaded_bytes(text.layers) + loaded_bytes(text.norm) + loaded_bytes(head)


def step_seconds(model: Any, audio: Any, batch: int, tokens: int) -> float:
    """Median seconds of one decode step of ``model`` (a loaded Qwen3ASRModel) over ``batch`` copies of ``audio``
    generating ``tokens`` tokens each (random weights never stop early)."""
    thinker = model.model.thinker
    calls: list[float] = []
    hook = thinker.model.register_forward_pre_hook(lambda *_: calls.append(time.perf_counter()))
    before = (model.max_new_tokens, model.max_inference_batch_size)
    model.max_new_tokens, model.max_inference_batch_size = tokens + 1, batch
    try:
        model.transcribe([(audio, SR)] * batch, language="English")
    finally:
        hook.remove()
        model.max_new_tokens, model.max_inference_batch_size = before
    steps = [b - a for a, b in itertools.pairwise(calls[1:])]  # calls[0] is the prompt
    return statistics.median(steps) if steps else float("nan")


def report_steps(engine: Any, audio: Any, args: argparse.Namespace) -> None:
    """Print the decode step's time and its floor at each of ``--step-batches``."""
    import torch

    from app.asr.runtime.threads import free_core_threads

    bandwidth = args.bandwidth * 1e9 if args.bandwidth else memory_bandwidth()
    how = "given" if args.bandwidth else "measured with a 512 MiB copy"
    with engine.session():
        model = engine.recognizer()
        weights = decode_weight_bytes(model.model.thinker)
        floor = weights / bandwidth
        clip = audio[: int(args.step_seconds * SR)]
        print(f"decode step floor: {weights / 1e9:.3f} GB of weights / {bandwidth / 1e9:.1f} GB/s ({how}) = "
              f"{floor * 1e3:.1f} ms", flush=True)  # fmt: skip
        for batch in args.step_batches:
            if not args.threads:  # as the engine does before each batch
                free_core_threads()
            threads = torch.get_num_threads()
            step = step_seconds(model, clip, batch, args.step_tokens)
            print(f"decode step at batch {batch} ({len(clip) / SR:.0f} s chunks, {args.step_tokens} steps, {threads} "
                  f"threads): {step * 1e3:.1f} ms = {step / floor:.2f} x the floor; load average "
                  f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}", flush=True)  # fmt: skip


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--bandwidth", type=float, default=None, help="GB/s for the floor (default: measured)")
    p.add_argument("--step-batches", type=int, nargs="*", default=[1, 8], help="batches to time a decode step at")
    p.add_argument("--step-seconds", type=float, default=30, help="chunk length for the decode-step timing")
    p.add_argument("--step-tokens", type=int, default=16, help="decode steps timed per batch")
