"""What int8 and bf16 cost in accuracy: the recognizer and aligner in each against fp32, on full-size random
checkpoints.

Real weights cannot be downloaded here, so this compares the two precisions of the same random full-size models
(bench/bench_asr.py builds them) on the same speech-like audio; a random model is not a real one, so the figures
bound the numerical drift, not the word error rate. It prints:

- whether the checkpoint's output depends on the audio at all (fp32 tokens of one chunk against another's);
- the recognizer's token agreement, each mode against fp32: the share of positions with the same token, and the
  first position where they part (greedy decoding continues from its own earlier tokens, so one flip changes the
  rest);
- the aligner's raw timestamp predictions (before the package's monotonic repair) and final word times, each mode
  against fp32: median and 95th percentile of the difference in ms, and the share exactly equal.

    python bench/bench_int8.py --chunks 4 --tokens-per-chunk 100 --modes int8,bf16
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_asr import SENTENCES, SR, _load, aligner_checkpoint, checkpoint, speech_like


def _engine(folder: Path, aligner: Path | None, mode: str, tokens: int):
    from app.asr.runtime.engine import Engine, EngineOptions

    return Engine(
        EngineOptions(
            model=str(folder), aligner=str(aligner) if aligner else None, device="cpu", idle_unload_s=0,
            download=False, max_new_tokens=tokens, tokens_per_second=1000.0, cpu_precision=mode,
        )
    )  # fmt: skip


def recognise(folder: Path, wavs: list[np.ndarray], mode: str, tokens: int) -> tuple[list[list[int]], float]:
    engine = _engine(folder, None, mode, tokens)
    model = engine.recognizer()
    thinker = model.model.thinker
    generated: list[list[int]] = []
    generate = thinker.generate

    def capture(*args, **kwargs):
        out = generate(*args, **kwargs)
        seqs = out.sequences if hasattr(out, "sequences") else out
        prompt = kwargs["input_ids"].shape[1]
        generated.extend(row[prompt:].tolist() for row in seqs)
        return out

    thinker.generate = capture
    t = time.perf_counter()
    with engine.session():
        engine.transcribe(wavs, language="English")
    seconds = time.perf_counter() - t
    engine.unload()
    return generated, seconds


def align(folder: Path, wavs: list[np.ndarray], texts: list[str], mode: str):
    engine = _engine(folder, folder, mode, 8)
    model = engine.aligner()
    raw: list[list[int]] = []
    parse = model.aligner_processor.parse_timestamp

    def capture(word_list, timestamp):
        raw.append([int(x) for x in timestamp])
        return parse(word_list, timestamp)

    model.aligner_processor.parse_timestamp = capture
    t = time.perf_counter()
    with engine.session():
        engine.align_batch = 1  # one chunk per call: the raw predictions come back in the chunks' order
        items = engine.align(wavs, texts, "English")
    seconds = time.perf_counter() - t
    engine.unload()
    return raw, items, seconds


def _agreement(a: list[int], b: list[int]) -> tuple[float, int]:
    n = min(len(a), len(b))
    same = sum(x == y for x, y in zip(a[:n], b[:n], strict=True))
    first = next((i for i in range(n) if a[i] != b[i]), n)
    return same / max(1, n), first


def _spread(diffs: list[float]) -> str:
    d = np.abs(np.asarray(diffs, dtype=float))
    return (
        f"median {np.median(d):.0f} ms, p95 {np.percentile(d, 95):.0f} ms, max {d.max():.0f} ms, "
        f"equal {np.mean(d == 0) * 100:.0f}% of {len(d)}"
    )


def main() -> None:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--checkpoint", help="full-size random recognizer (built when missing)")
    parser.add_argument("--aligner-checkpoint", help="full-size random aligner (built when missing)")
    parser.add_argument("--chunks", type=int, default=4)
    parser.add_argument("--tokens-per-chunk", type=int, default=100)
    parser.add_argument(
        "--modes", default="int8,bf16", help="precisions compared with fp32 (app.asr.runtime.precision)"
    )
    args = parser.parse_args()

    from app.asr.algorithms.chunking import split_at_pauses

    audio = speech_like(args.chunks * 30 + 30)
    chunks = split_at_pauses(audio)[: args.chunks]
    wavs = [audio[c.start : c.end] for c in chunks]
    print(f"{len(wavs)} chunks ({sum(len(w) for w in wavs) / SR:.0f} s); load average {_load()}", flush=True)

    folder = checkpoint(args.checkpoint)
    modes = [m.strip() for m in args.modes.split(",") if m.strip()]
    fp32, t32 = recognise(folder, wavs, "fp32", args.tokens_per_chunk)
    if len(fp32) > 1:
        share, _ = _agreement(fp32[0], fp32[1])
        print(f"audio dependence: fp32 tokens of chunk 1 against chunk 2 agree at {share * 100:.0f}% of positions "
              f"(100% would mean the random model ignores the audio)")  # fmt: skip
    for mode in modes:
        other, t = recognise(folder, wavs, mode, args.tokens_per_chunk)
        for k, (a, b) in enumerate(zip(fp32, other, strict=True)):
            share, first = _agreement(a, b)
            print(f"recognizer chunk {k + 1}: {mode} agrees with fp32 at {share * 100:.0f}% of {len(a)} tokens; "
                  f"first difference at token {first}")  # fmt: skip
        print(f"recognizer time: fp32 {t32:.1f} s, {mode} {t:.1f} s ({mode}/fp32 {t / t32:.2f}); load average "
              f"{_load()}", flush=True)  # fmt: skip

    unit = " ".join(SENTENCES).replace(",", "").replace(".", "").split()
    texts = [" ".join((unit * 20)[: max(1, round(len(w) / SR * 2.6))]) for w in wavs]
    aligner = aligner_checkpoint(args.aligner_checkpoint)
    raw32, items32, a32 = align(aligner, wavs, texts, "fp32")
    for mode in modes:
        raw, items, a = align(aligner, wavs, texts, mode)
        raw_diffs = [x - y for p, q in zip(raw32, raw, strict=True) for x, y in zip(p, q, strict=True)]
        word_diffs = [
            1000 * (getattr(x, f) - getattr(y, f))
            for p, q in zip(items32, items, strict=True)
            for x, y in zip(p, q, strict=True)
            for f in ("start_time", "end_time")
        ]
        print(f"aligner raw timestamps, {mode} against fp32: {_spread(raw_diffs)}")
        print(f"aligner word times (after the package's repair), {mode} against fp32: {_spread(word_diffs)}")
        print(f"aligner time: fp32 {a32:.1f} s, {mode} {a:.1f} s ({mode}/fp32 {a / a32:.2f}); load average "
              f"{_load()}", flush=True)  # fmt: skip


if __name__ == "__main__":
    main()
