"""``bench_asr.py package``: qwen-asr's own word-timed pipeline beside ours, on the same audio and the same words.

A random checkpoint's transcript is empty, and qwen-asr skips alignment for empty text, so its "word-timed" figure
was recognition alone. Here ours runs first (bench_asr.spoken_text gives each chunk the words speech_like speaks);
the words our chunks were aligned with are then handed to qwen-asr as its transcript (its recognition still runs
and costs what it costs; only its decoded text is replaced before its aligner sees it). Both sides' aligned word
counts are printed, and the bench fails when either is 0.
"""

from __future__ import annotations

import argparse
import os
import time
from typing import Any

SR = 16000


def feed_text(model: Any, text: str) -> None:
    """Make qwen-asr's ``Qwen3ASRModel.transcribe`` align ``text``: its recognition runs as usual (generation and
    all), then each chunk's decoded text is replaced by ``text`` (one clip under the package's 180 s cut is one
    chunk), so its forced aligner times the same words as ours."""
    infer = model._infer_asr

    def with_text(contexts: list, wavs: list, languages: list) -> list[str]:
        infer(contexts, wavs, languages)
        return [text] * len(wavs)

    model._infer_asr = with_text


def word_counts(ours: int, theirs: int) -> str:
    """The line naming both sides' aligned word counts; SystemExit (non-zero) when either side timed no word."""
    line = f"aligned words: ours {ours}, qwen-asr {theirs}"
    if ours == 0 or theirs == 0:
        raise SystemExit(f"{line}: a side timed no word, so its figure is recognition alone; not comparable")
    return line


def run_ours(args: argparse.Namespace, audio: Any) -> tuple[float, int, str]:
    """Our word-timed recognition of ``audio``: (seconds, aligned words, the chunks' texts joined)."""
    import bench_asr

    from app.asr.runtime.recognition import ChunkResult, recognize

    args.device, args.batch, args.threads, args.int8 = "cpu", None, args.threads, False
    args.tokens_per_chunk = args.tokens_per_chunk or 100
    folder, aligner = bench_asr.checkpoint(args.checkpoint), bench_asr.aligner_checkpoint(args.aligner_checkpoint)
    engine = bench_asr.engine_for(folder, args, aligner, together=True)
    bench_asr.spoken_text(engine)
    engine.load(recognizer=True, aligner=True)
    try:
        bench_asr.run_chunks(engine, audio[: 5 * SR], 1, word_timing=True)  # warm-up
        done: list[ChunkResult] = []
        t = time.perf_counter()
        for item in recognize(audio, engine=engine, language="English", word_timing=True):
            if isinstance(item, ChunkResult):
                done.append(item)
        seconds = time.perf_counter() - t
    finally:
        engine.unload()
    words = sum(len(c.words) for c in done if c.timing == "aligned")
    return seconds, words, " ".join(c.text.strip() for c in done if c.text.strip())


def run_package(args: argparse.Namespace, audio: Any, text: str) -> tuple[float, int]:
    """qwen-asr's ``transcribe(..., return_time_stamps=True)`` with its forced aligner, in ``--package-dtype`` on
    the CPU, none of this project's fixes: (seconds, aligned words)."""
    import bench_asr
    import torch
    from qwen_asr import Qwen3ASRModel

    dtype = getattr(torch, args.package_dtype)
    folder, aligner = bench_asr.checkpoint(args.checkpoint), bench_asr.aligner_checkpoint(args.aligner_checkpoint)
    t = time.perf_counter()
    model = Qwen3ASRModel.from_pretrained(
        str(folder), dtype=dtype, device_map="cpu", max_new_tokens=args.tokens, forced_aligner=str(aligner),
        forced_aligner_kwargs={"dtype": dtype, "device_map": "cpu"},
    )  # fmt: skip
    print(f"qwen-asr load {time.perf_counter() - t:.1f} s ({args.package_dtype}, {torch.get_num_threads()} threads, as "
          f"ours last picked unless --threads); load average {bench_asr._load()}")  # fmt: skip
    feed_text(model, text)
    model.max_new_tokens = 8
    model.transcribe((audio[: 5 * SR], SR), language="English", return_time_stamps=True)  # warm-up
    model.max_new_tokens = args.tokens
    t = time.perf_counter()
    out = model.transcribe((audio, SR), language="English", return_time_stamps=True)
    seconds = time.perf_counter() - t
    return seconds, sum(len(r.time_stamps.items) for r in out if r.time_stamps is not None)


def cmd_package(args: argparse.Namespace) -> None:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import bench_asr
    import torch

    from app.asr.runtime.loading import import_runtime

    import_runtime()
    if args.threads:
        torch.set_num_threads(args.threads)
    audio = bench_asr.speech_like(args.seconds)
    print(f"{args.seconds:g} s clip; ours {args.precision}, {args.tokens_per_chunk} tokens per chunk; qwen-asr "
          f"{args.package_dtype}, {args.tokens} tokens; torch threads {torch.get_num_threads()}; load average "
          f"{bench_asr._load()}", flush=True)  # fmt: skip
    ours_s, ours_words, text = run_ours(args, audio)
    print(f"ours word-timed: {ours_words} words in {ours_s:.1f} s, RTF {ours_s / args.seconds:.3f}; load average "
          f"{bench_asr._load()}", flush=True)  # fmt: skip
    theirs_s, theirs_words = run_package(args, audio, text)
    print(f"qwen-asr transcribe with time stamps: {theirs_words} words in {theirs_s:.1f} s, RTF "
          f"{theirs_s / args.seconds:.3f} ({theirs_s / ours_s:.2f} x ours); load average "
          f"{bench_asr._load()}")  # fmt: skip
    print(word_counts(ours_words, theirs_words))


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--checkpoint")
    p.add_argument("--aligner-checkpoint")
    p.add_argument("--seconds", type=float, default=112, help="one clip, under the package's 180 s cut")
    p.add_argument("--tokens", type=int, default=400, help="qwen-asr's max_new_tokens (random weights never stop)")
    p.add_argument("--tokens-per-chunk", type=int, default=100, help="ours, per chunk of about 30 s")
    p.add_argument("--precision", default="auto", help="ours: EngineOptions.cpu_precision (auto, fp32, bf16, int8)")
    p.add_argument("--package-dtype", default="float32", choices=("float32", "bfloat16"), help="qwen-asr's dtype")
    p.add_argument("--threads", type=int, default=None)
