"""Quality checks and fixes on a 10,000-cue document full of problems: seconds for each.

Target (issue 14): check and fix each under 1 s. Measures the core calls (app.core.qc.check, app.core.fixes.propose)
and the whole commands (`check --profile netflix`, `fix`), start-up and file reading included.
Run: python bench/bench_qc.py [--cues N] [--runs N]
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from app.core.document import Cue
from app.core.fixes import propose
from app.core.frames import FrameGrid, PictureGuide
from app.core.profiles import NETFLIX
from app.core.qc import check, hard_findings
from app.formats.registry import write_subtitles

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


def make_cues(count: int, seed: int = 14) -> list[Cue]:
    """Cues with every kind of problem: 1 ms and 74 ms cues, overlaps, tiny gaps, long lines, spaces, one word."""
    rng = random.Random(seed)
    cues, t = [], 0
    for _ in range(count):
        kind = rng.random()
        start = t + rng.choice([-400, 0, 10, 40, 200, 1000])
        duration = rng.choice([1, 74, 500, 1500, 3000, 8000]) if kind < 0.5 else rng.randint(900, 5000)
        words = [rng.choice(WORDS) for _ in range(rng.choice([1, 3, 6, 12, 16]))]
        text = " ".join(words)
        if rng.random() < 0.2:
            text = " " + text.replace(" ", "  ", 1) + " "
        start = max(0, start)
        cues.append(Cue(start, start + duration, text))
        t = start + duration
    return cues


def best(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        begin = time.perf_counter()
        fn()
        times.append(time.perf_counter() - begin)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cues", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    cues = make_cues(args.cues)
    findings = check(cues, NETFLIX)
    plan = propose(cues, NETFLIX)
    print(f"{args.cues} cues: {len(findings)} findings ({len(hard_findings(cues, NETFLIX))} hard); fix: "
          f"{len(plan.proposals)} changed cues, {len(plan.cues)} cues after, "
          f"{len(hard_findings(plan.cues, NETFLIX))} hard findings left")  # fmt: skip
    print(f"check (core): {best(lambda: check(cues, NETFLIX), args.runs):.3f} s")
    print(f"fix (core):   {best(lambda: propose(cues, NETFLIX), args.runs):.3f} s")
    end = max(c.end for c in cues)
    shots = PictureGuide(FrameGrid.constant(25.0, end), tuple(range(3_000, end, 4_000)))  # a cut every 4 s
    print(f"check with {len(shots.cuts)} shot changes (core, the Checks panel's call): "
          f"{best(lambda: check(cues, NETFLIX, shots=shots), args.runs):.3f} s")  # fmt: skip
    print(f"fix with shot changes (core): {best(lambda: propose(cues, NETFLIX, shots=shots), args.runs):.3f} s")
    with tempfile.TemporaryDirectory() as folder:
        src, out = os.path.join(folder, "in.srt"), os.path.join(folder, "out.srt")
        write_subtitles(src, cues)
        command = [sys.executable, "-m", "app"]
        run_check = lambda: subprocess.run([*command, "check", src, "--profile", "netflix"], capture_output=True)  # noqa: E731
        run_fix = lambda: subprocess.run([*command, "fix", src, out], capture_output=True, check=True)  # noqa: E731
        print(f"check --profile netflix (command, start-up included): {best(run_check, args.runs):.3f} s")
        print(f"fix (command, start-up included):                     {best(run_fix, args.runs):.3f} s")


if __name__ == "__main__":
    main()
