"""Reading a large subtitle file (issue 17): seconds and MB/s of app.formats.srt.read_srt, phase by phase.

Files of 50 MB happen (a season in one file, generated captions); they took 13-47 s with no progress. Reading is
linear in the size of the file; this prints how fast, and how often progress was reported.
Run: python bench/bench_read.py [--mb 50] [--encoding utf-8|cp1252|...] [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from bench.bench_convert import make_srt


def main() -> None:
    from app.formats.srt import parse_srt, read_srt
    from app.formats.textio import decode_bytes, read_user_bytes

    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=float, default=50.0, help="size of the generated file in MB")
    parser.add_argument("--encoding", default="utf-8", help="cp1252 exercises the detection of a legacy encoding")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "big.srt")
        cues = int(args.mb * 1e6 / 75)  # about 75 bytes a cue
        make_srt(path, cues, args.encoding)
        size = os.path.getsize(path) / 1e6
        best: dict[str, float] = {}
        reports = 0
        for _ in range(args.runs):
            reports = 0

            def progress(_fraction: float) -> None:
                nonlocal reports
                reports += 1

            start = time.perf_counter()
            result = read_srt(path, progress=progress, cancelled=lambda: False)
            total = time.perf_counter() - start
            start = time.perf_counter()
            data = read_user_bytes(path)
            read = time.perf_counter() - start
            start = time.perf_counter()
            decoded = decode_bytes(data)
            decode = time.perf_counter() - start
            start = time.perf_counter()
            parse_srt(decoded.text)
            parse = time.perf_counter() - start
            for key, value in (("total", total), ("read", read), ("decode", decode), ("parse", parse)):
                best[key] = min(best.get(key, float("inf")), value)
    how = "detected" if result.detected else "known"
    print(f"input: {size:.1f} MB, {len(result.cues)} cues, {result.encoding} ({how})")
    rate = size / best["total"]
    print(f"read_srt: best of {args.runs} {best['total']:.2f} s, {rate:.1f} MB/s; {reports} progress reports")
    print(f"  bytes {best['read']:.2f} s, decode {best['decode']:.2f} s, parse {best['parse']:.2f} s")


if __name__ == "__main__":
    main()
