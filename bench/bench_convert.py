"""`convert` of a 10,000-cue SRT: wall time and peak memory of the whole command.

Target (issue 2): under 1 s and under 100 MB on the project's 2-core machine.
Run: python bench/bench_convert.py [--cues N] [--encoding cp1252]
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import subprocess
import sys
import tempfile
import time

WORDS = [
    "the",
    "quick",
    "brown",
    "fox",
    "jumps",
    "over",
    "a",
    "lazy",
    "dog",
    "while",
    "ça",
    "va",
    "très",
    "bien",
    "und",
    "grüße",
    "aus",
    "köln",
]


def make_srt(path: str, cues: int, encoding: str) -> None:
    rng = random.Random(7)
    parts = []
    t = 0
    for i in range(1, cues + 1):
        start = t + rng.randint(80, 2000)
        end = start + rng.randint(800, 6000)
        t = end
        lines = [" ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 7))) for _ in range(rng.randint(1, 2))]
        parts.append(f"{i}\r\n{_ts(start)} --> {_ts(end)}\r\n" + "\r\n".join(lines) + "\r\n\r\n")
    with open(path, "wb") as handle:
        handle.write("".join(parts).encode(encoding))


def _ts(ms: int) -> str:
    return f"{ms // 3_600_000:02d}:{ms // 60_000 % 60:02d}:{ms // 1000 % 60:02d},{ms % 1000:03d}"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cues", type=int, default=10_000)
    parser.add_argument("--encoding", default="cp1252", help="encoding of the input (cp1252 exercises detection)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        src, out = os.path.join(folder, "in.srt"), os.path.join(folder, "out.srt")
        make_srt(src, args.cues, args.encoding)
        size = os.path.getsize(src)
        times = []
        for _ in range(args.runs):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "app", "convert", src, out], check=True)
            times.append(time.perf_counter() - start)
        peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        code = "import app.cli"  # the interpreter alone, to show what start-up costs
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        bare = time.perf_counter() - start
        with open(out, encoding="utf-8") as handle:
            written = handle.read().count(" --> ")
    print(f"input: {args.cues} cues, {size / 1e6:.2f} MB, {args.encoding}; output cues: {written}")
    print(f"convert wall time: best {min(times):.3f} s, median {sorted(times)[len(times) // 2]:.3f} s (target < 1 s)")
    print(f"python start-up + import app.cli alone: {bare:.3f} s")
    print(f"peak memory (max RSS of the convert processes): {peak_kb / 1024:.1f} MB (target < 100 MB)")


if __name__ == "__main__":
    main()
