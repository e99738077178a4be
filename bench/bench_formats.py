"""`convert` of a 10,000-cue ASS (styles, speakers, positions, karaoke) to WebVTT and to TTML.

Target (issue 12): each under 1 s and under 100 MB on the project's 2-core machine. Every run is a fresh
`python -m app convert` process; peak memory is that process's maximum RSS.
Run: python bench/bench_formats.py [--cues N] [--runs N] [--targets vtt,ttml]
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time

HEAD = """[Script Info]
ScriptType: v4.00+
PlayResX: 1920
PlayResY: 1080

[V4+ Styles]
Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, Bold, Italic, \
Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, \
MarginV, Encoding
Style: Default,Arial,72,&H00FFFFFF,&H000000FF,&H00000000,&H80000000,0,0,0,0,100,100,0,0,1,3,1,2,60,60,50,1
Style: Sign,Arial,60,&H00FFFFFF,&H000000FF,&H00000000,&H00000000,-1,0,0,0,100,100,0,0,1,2,0,8,10,10,10,1

[Events]
Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text
"""
WORDS = ["the", "quick", "brown", "fox", "jumps", "over", "a", "lazy", "dog", "ça", "va", "très", "grüße", "köln"]


def _time(ms: int) -> str:
    cs = ms // 10
    return f"{cs // 360000}:{cs // 6000 % 60:02d}:{cs // 100 % 60:02d}.{cs % 100:02d}"


def make_ass(path: str, cues: int) -> None:
    rng = random.Random(12)
    lines, t = [HEAD.rstrip("\n")], 0
    for i in range(cues):
        start = t + rng.randint(80, 2000)
        end = start + rng.randint(800, 6000)
        t = end
        words = [rng.choice(WORDS) for _ in range(rng.randint(3, 12))]
        kind = i % 10
        if kind == 0:  # karaoke
            text = "".join(f"{{\\k{rng.randint(10, 60)}}}{w} " for w in words).rstrip()
        elif kind == 1:  # a sign at the top
            text = "{\\an8\\pos(960,80)\\fad(200,200)}" + " ".join(words).upper()
        elif kind == 2:
            text = "{\\i1}" + " ".join(words[:3]) + "{\\i0}\\N" + " ".join(words[3:])
        else:
            text = " ".join(words)
        style, name = ("Sign", "") if kind == 1 else ("Default", rng.choice(["", "Alice", "Bob"]))
        lines.append(f"Dialogue: 0,{_time(start)},{_time(end)},{style},{name},0,0,0,,{text}")
    with open(path, "w", encoding="utf-8", newline="\r\n") as handle:
        handle.write("\n".join(lines) + "\n")


def run_once(src: str, out: str) -> tuple[float, float, float]:
    """Wall time (s), CPU time (s, user + system: what a busy shared machine does not inflate) and peak RSS (MB)
    of one convert process."""
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "app", "convert", src, out], stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - start
    if status:
        raise SystemExit(f"convert failed with status {status}")
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cues", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--targets", default="vtt,ttml")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        src = os.path.join(folder, "in.ass")
        make_ass(src, args.cues)
        print(f"input: {args.cues} cues of ASS, {os.path.getsize(src) / 1e6:.2f} MB (karaoke, signs, italics)")
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", "import app.cli"], check=True)
        print(f"python start-up + import app.cli alone: {time.perf_counter() - start:.3f} s")
        for target in args.targets.split(","):
            out = os.path.join(folder, f"out.{target}")
            results = [run_once(src, out) for _ in range(args.runs)]
            times = sorted(t for t, _, _ in results)
            cpu = sorted(c for _, c, _ in results)
            peak = max(m for _, _, m in results)
            with open(out, encoding="utf-8") as handle:
                written = handle.read().count("-->" if target == "vtt" else "<p ")
            median = times[len(times) // 2]
            print(f"ASS -> {target}: {written} cues; wall time best {times[0]:.3f} s, median {median:.3f} s"
                  f" (target < 1 s); CPU time median {cpu[len(cpu) // 2]:.3f} s; peak memory {peak:.1f} MB"
                  " (target < 100 MB)")  # fmt: skip


if __name__ == "__main__":
    main()
