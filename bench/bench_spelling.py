"""Spell checking: loading each dictionary in a thread (its time, and the longest pause it causes to a thread that
ticks every millisecond, standing in for the UI thread), and checking every text of a 10,000-cue document.

The window checks only the rows it paints (about 30), so the whole-document figure is the worst case, not a pause
a user meets. Run: python bench/bench_spelling.py [--cues N] [--languages en,de,...]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from app.text import spellcheck

WORDS = [
    "the",
    "quick",
    "brown",
    "fox",
    "jumps",
    "over",
    "lazy",
    "dog",
    "recieve",
    "mesage",
    "subtitels",
    "reading",
    "speed",
    "timing",
    "and",
    "you",
]


def load_in_thread(code: str) -> tuple[float, float]:
    """(seconds to load, longest pause of a ticking thread meanwhile, in seconds)."""
    done = threading.Event()
    start = time.perf_counter()
    thread = threading.Thread(target=lambda: (spellcheck.load(code), done.set()))
    thread.start()
    last, longest = time.perf_counter(), 0.0
    while not done.is_set():
        time.sleep(0.001)
        now = time.perf_counter()
        longest, last = max(longest, now - last), now
    thread.join()
    return time.perf_counter() - start, longest


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cues", type=int, default=10_000)
    parser.add_argument("--languages", default="en,de,fr,es,ru")
    args = parser.parse_args()
    for code in args.languages.split(","):
        seconds, pause = load_in_thread(code)
        print(f"load {code}: {seconds:.2f} s in a thread, longest pause of the ticking thread {pause * 1000:.0f} ms")
    english = spellcheck.load("en")
    assert english is not None
    rng = random.Random(1)
    texts = [" ".join(rng.choices(WORDS, k=9)) + f" {i}" for i in range(args.cues)]
    start = time.perf_counter()
    flagged = sum(len(english.misspelled(t)) for t in texts)
    took = time.perf_counter() - start
    print(f"check {args.cues} cue texts: {took:.3f} s ({flagged} misspelled words)")
    start = time.perf_counter()
    for word in ("recieve", "mesage", "subtitels", "qwertyuiop", "helo"):
        english.suggestions(word)
    print(f"suggestions for 5 words: {(time.perf_counter() - start) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
