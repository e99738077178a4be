"""Reading SAMI against reading WebVTT: the same generated cues, each file read by read_subtitles.

SAMI reading was quadratic (issue 27, item 8: 200,000 SYNCs took 90 s where the same cues as WebVTT took
3.1 s); it should now take about as long as WebVTT, growing linearly with the cues.
Run: python bench/bench_sami.py [--cues 200000] [--runs 1]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from app.core.document import Cue
from app.formats.registry import read_subtitles, write_subtitles

WORDS = ["the", "quick", "brown", "fox", "jumps", "over", "a", "lazy", "dog", "ça", "va", "très", "grüße"]


def cues(count: int) -> list[Cue]:
    out = []
    for number in range(count):
        words = [WORDS[(number * 7 + k) % len(WORDS)] for k in range(3 + number % 6)]
        text = " ".join(words) + ("\n<i>second line</i>" if number % 4 == 0 else "")
        start = number * 2000 + (number % 3) * 100
        out.append(Cue(start, start + 1500 + (number % 5) * 100, text))  # a gap after each: two SYNCs a cue
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--cues", type=int, default=200_000)
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    source = cues(args.cues)
    with tempfile.TemporaryDirectory() as folder:
        for name in ("vtt", "sami"):
            path = os.path.join(folder, f"bench.{'smi' if name == 'sami' else name}")
            write_subtitles(path, source, format=name)
            best = float("inf")
            for _ in range(args.runs):
                began = time.perf_counter()
                read = read_subtitles(path)
                best = min(best, time.perf_counter() - began)
            assert len(read.cues) == len(source), (name, len(read.cues))
            size = os.path.getsize(path) / 1e6
            syncs = f", {2 * args.cues:,} SYNCs" if name == "sami" else ""
            print(f"{name:5} {args.cues:,} cues{syncs}, {size:.1f} MB: read in {best:.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
