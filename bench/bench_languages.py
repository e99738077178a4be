"""`check` and `fix` of 10,000 mixed-language cues beside 10,000 English ones (issue 24): CPU time and peak memory
of each whole command, and the ratio mixed / English measured in the same run.

The mixed file holds Chinese, Chinese with English words, Japanese, Korean and English lines, no language given:
each cue's language is guessed from its text when the file is read and picks its rules (Netflix's guides).
Run: python bench/bench_languages.py [--cues 10000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import subprocess
import sys
import tempfile

ENGLISH = ["I don't know what you mean.", "Where are we going tonight?", "She said she would call back later.",
           "That's not what I asked for.", "We have to leave before the rain starts."]  # fmt: skip
MIXED = ["今天天气很好我们去公园散步吧", "我们明天去 Starbucks 喝咖啡，好吗？", "这个 iPhone 是新的吗？",
         "東京の天気はどうですか", "내일 다시 만나요", "会议的 agenda 已经发给你了，请查收",
         "I don't know what you mean.", "Where are we going tonight?"]  # fmt: skip


def _ts(ms: int) -> str:
    return f"{ms // 3_600_000:02d}:{ms // 60_000 % 60:02d}:{ms // 1000 % 60:02d},{ms % 1000:03d}"


def make_srt(path: str, cues: int, texts: list[str], seed: int = 7) -> None:
    rng = random.Random(seed)
    parts, t = [], 0
    for i in range(1, cues + 1):
        start = t + rng.randint(80, 1500)
        end = start + rng.randint(700, 4000)
        t = end
        text = rng.choice(texts) if rng.random() < 0.7 else rng.choice(texts) + "\n" + rng.choice(texts)
        parts.append(f"{i}\n{_ts(start)} --> {_ts(end)}\n{text}\n\n")
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("".join(parts))


def measure(argv: list[str]) -> tuple[float, float]:
    """CPU seconds (user + system) and peak memory (MB) of one command run in a child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    env = {**os.environ, "PYTHONPATH": os.path.dirname(os.path.dirname(os.path.abspath(__file__)))}
    subprocess.run([sys.executable, "-m", "app", *argv], capture_output=True, env=env, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, after.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cues", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        files = {}
        for name, texts in (("english", ENGLISH), ("mixed", MIXED)):
            files[name] = os.path.join(folder, f"{name}.srt")
            make_srt(files[name], args.cues, texts)
        print(f"{args.cues} cues; best of {args.repeat}; CPU seconds of the whole command, peak MB")
        for command in ("check", "fix"):
            best: dict[str, float] = {}
            for name, path in files.items():
                argv = [command, path] if command == "check" else [command, path, os.path.join(folder, "out.srt")]
                runs = [measure(argv) for _ in range(args.repeat)]
                best[name] = min(cpu for cpu, _ in runs)
                peak = max(mb for _, mb in runs)  # children's peak so far: the largest of them
                print(f"  {command:5s} {name:8s} {best[name]:6.2f} s  peak {peak:6.0f} MB (largest child so far)")
            print(f"  {command:5s} mixed / english: {best['mixed'] / best['english']:.2f}x")


if __name__ == "__main__":
    main()
