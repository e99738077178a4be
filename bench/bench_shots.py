"""Shot-change detection against ``ffmpeg -i F -vf scdet -f null -`` on the same file, in the same run.

    python bench/bench_shots.py [VIDEO] [--minutes 60] [--runs 1] [--method luma|reformat] [--full-decode]

Without VIDEO, a 1080p H.264 file of ``--minutes`` is made once (kept in the temporary folder): one minute of
six 10-second shots (testsrc2, colour bars, rgbtestsrc, testsrc, yuvtestsrc, a coloured gradient), encoded with
x264 ``superfast`` (CABAC, B-frames), then copied end to end as often as needed (a stream copy: every frame of
the hour is still decoded by both sides). Prints, for each run:

- wall and CPU time of the ffmpeg command line and of ``detect_shots`` (no cache), and their ratio
  (target: at most 1.0), with the cuts each found;
- the peak memory (max RSS) of each, both in fresh processes.

``--method reformat`` measures the other way of making the small gray picture: swscale
(``frame.reformat(64, 36, "gray")``) instead of averaging the decoded luma plane in numpy. ``--full-decode``
keeps H.264's deblocking filter, which detect_shots skips (app.media.shots.DECODER_OPTIONS).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

FFMPEG = ["ffmpeg", "-nostdin", "-hide_banner", "-y"]
SHOTS = ("testsrc2", "smptehdbars", "rgbtestsrc", "testsrc", "yuvtestsrc", "gradients=c0=0x603020:c1=0x2080c0")


def generate(minutes: int) -> Path:
    folder = Path(tempfile.gettempdir()) / "qss-bench"
    folder.mkdir(exist_ok=True)
    path = folder / f"h264-1080p-{minutes}min.mp4"
    if path.exists():
        return path
    unit = folder / "h264-1080p-unit.mp4"
    if not unit.exists():
        args: list[str] = []
        for source in SHOTS:
            joiner = ":" if "=" in source else "="
            args += ["-f", "lavfi", "-i", f"{source}{joiner}size=1920x1080:rate=25:duration=10"]
        graph = "".join(f"[{i}]" for i in range(len(SHOTS))) + f"concat=n={len(SHOTS)}:v=1:a=0,format=yuv420p[v]"
        started = time.perf_counter()
        subprocess.run([*FFMPEG, "-v", "error", *args, "-filter_complex", graph, "-map", "[v]", "-c:v", "libx264",
                        "-preset", "superfast", "-g", "250", str(unit)], check=True)  # fmt: skip
        print(f"made the 1-minute unit in {time.perf_counter() - started:.0f} s", flush=True)
    listing = folder / "list.txt"
    listing.write_text("".join(f"file '{unit}'\n" for _ in range(minutes)))
    subprocess.run([*FFMPEG, "-v", "error", "-f", "concat", "-safe", "0", "-i", str(listing), "-c", "copy",
                    str(path)], check=True)  # fmt: skip
    return path


def run_ffmpeg(path: Path) -> dict:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run([*FFMPEG, "-i", str(path), "-vf", "scdet", "-an", "-f", "null", "-"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cuts = [float(t) for t in re.findall(r"lavfi\.scd\.time: ([0-9.]+)", done.stderr)]
    return {"wall": wall, "cpu": (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime),
            "peak_mb": after.ru_maxrss / 1024, "cuts": cuts}  # fmt: skip


CHILD = r"""
import json, resource, sys, time
sys.path.insert(0, sys.argv[1])
import numpy as np
import app.media.shots as shots
if sys.argv[3] == "reformat":
    shots.small_luma = lambda frame, width=64: frame.reformat(width=64, height=36, format="gray").to_ndarray()
if sys.argv[4] == "full":
    shots.DECODER_OPTIONS = {}
started, cpu0 = time.perf_counter(), time.process_time()
scan = shots.detect_shots(sys.argv[2], use_cache=False)
wall, cpu = time.perf_counter() - started, time.process_time() - cpu0
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"wall": wall, "cpu": cpu, "peak_mb": peak, "cuts": [c / 1000 for c in scan.cuts_ms],
                  "frames": len(scan.frame_times_ms)}))
"""


def run_ours(path: Path, method: str, decode: str) -> dict:
    done = subprocess.run([sys.executable, "-c", CHILD, str(ROOT), str(path), method, decode],
                          capture_output=True, text=True, check=True)  # fmt: skip
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("video", nargs="?", help="a video file (default: a generated 1080p H.264 file)")
    parser.add_argument("--minutes", type=int, default=60, help="length of the generated file (default 60)")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--method", choices=("luma", "reformat"), default="luma")
    parser.add_argument("--full-decode", action="store_true", help="keep H.264's deblocking filter (as ffmpeg does)")
    args = parser.parse_args()
    path = Path(args.video) if args.video else generate(args.minutes)
    size_mb = os.path.getsize(path) / 1e6
    decode = "full" if args.full_decode else "fast"
    print(f"file: {path} ({size_mb:.0f} MB), {os.cpu_count()} CPUs, method {args.method}, {decode} decode", flush=True)
    ratios: list[tuple[float, float]] = []
    for n in range(args.runs):
        theirs = run_ffmpeg(path) if n % 2 == 0 else None
        ours = run_ours(path, args.method, decode)
        theirs = theirs or run_ffmpeg(path)  # alternating which goes first, so a busy spell hits both alike
        print(f"run {n + 1}: ffmpeg scdet {theirs['wall']:.1f} s wall, {theirs['cpu']:.1f} s CPU, "
              f"{theirs['peak_mb']:.0f} MB peak, {len(theirs['cuts'])} cuts", flush=True)  # fmt: skip
        print(f"       detect_shots {ours['wall']:.1f} s wall, {ours['cpu']:.1f} s CPU, {ours['peak_mb']:.0f} MB peak, "
              f"{len(ours['cuts'])} cuts, {ours['frames']} frames", flush=True)  # fmt: skip
        print(f"       ratio (ours / ffmpeg): wall {ours['wall'] / theirs['wall']:.2f}, "
              f"CPU {ours['cpu'] / max(theirs['cpu'], 1e-9):.2f}", flush=True)  # fmt: skip
        agree = sum(any(abs(a - b) <= 0.041 for b in theirs["cuts"]) for a in ours["cuts"])
        print(f"       cuts found by both (within a frame): {agree}", flush=True)
        ratios.append((ours["wall"] / theirs["wall"], ours["cpu"] / max(theirs["cpu"], 1e-9)))
    if len(ratios) > 1:
        walls, cpus = sorted(r[0] for r in ratios), sorted(r[1] for r in ratios)
        middle = len(ratios) // 2
        print(f"median ratio over {len(ratios)} runs: wall {walls[middle]:.2f}, CPU {cpus[middle]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
