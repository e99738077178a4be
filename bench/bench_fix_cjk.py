"""``fix`` (app.core.fixes.propose) on 10,000 cues: English, mixed English and Chinese, and Chinese with long cues
that are split (issue 24 items 3 and 4): seconds and peak memory for each, best of ``--runs``.

Run: python bench/bench_fix_cjk.py [--cues N] [--runs N]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
import tracemalloc

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from app.core.document import Cue
from app.core.fixes import propose
from app.core.profiles import NETFLIX

ENGLISH = (
    "Hello there, how are you today?",
    "A line that is much longer than forty-two characters allows here.",
    "Fine.",
)
CHINESE = (
    "我们用 OK 东京的 app 很好",
    "我们今天在东京的会议上讨论了很多问题和计划, 明天我们要去大阪看看那边的朋友们最近过得怎么样",
    "你好, 我们走吧.",
)


def cues_of(pool: tuple[str, ...], count: int) -> list[Cue]:
    rng = random.Random(1)
    cues, t = [], 0
    for _ in range(count):
        text = rng.choice(pool)
        duration = rng.choice((500, 2000, 4000, 9000))
        cues.append(Cue(t, t + duration, text, language="Chinese" if text in CHINESE else "English"))
        t += duration + rng.choice((0, 40, 300, 1000))
    return cues


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cues", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    for name, pool, language in (("English", ENGLISH, "en"), ("mixed", ENGLISH + CHINESE, None),
                                 ("Chinese", CHINESE, "Chinese")):  # fmt: skip
        cues = cues_of(pool, args.cues)
        best = float("inf")
        for _ in range(args.runs):
            start = time.perf_counter()
            plan = propose(cues, NETFLIX, language)
            best = min(best, time.perf_counter() - start)
        tracemalloc.start()
        propose(cues, NETFLIX, language)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        print(f"{name}: {len(cues)} cues -> {len(plan.cues)}, {len(plan.proposals)} changed; "
              f"{best:.2f} s, peak {peak / 1e6:.0f} MB (traced)")  # fmt: skip


if __name__ == "__main__":
    main()
