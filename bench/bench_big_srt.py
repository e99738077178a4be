"""A 50 MB SubRip file of 608,665 cues (hours past 100): CPU seconds of `convert` (to .srt and .vtt) and `check`
(and --json) as child processes, and in this process the writers (format_srt, WebVTT) and check's part after reading.

Target (issue 27, item 8): each command under 3 CPU seconds on the project's 2-core machine. Each command runs in
turn with ffmpeg's command line converting the same file to WebVTT, the reference that shows how fast the shared
machine is at the time (its speed drifts by a quarter within minutes).
Run: python bench/bench_big_srt.py [--cues N] [--runs N] [--srt EXISTING.srt]
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import resource
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from bench.bench_convert import make_srt
from bench.children import ROOT


def child_cpu(command: list[str]) -> float:
    """User + system CPU seconds of one child, as `/usr/bin/time -f "%U %S"` counts them."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(command, env={**os.environ, "PYTHONPATH": ROOT}, stdout=subprocess.DEVNULL, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def own_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def best(runs: int, work) -> float:  # type: ignore[no-untyped-def]
    """The least CPU seconds of ``runs`` calls (the machine is shared: the least is the one least disturbed)."""
    times = []
    for _ in range(runs):
        start = own_cpu()
        work()
        times.append(own_cpu() - start)
    return min(times)


def in_process(src: str, runs: int) -> None:
    import app.cli.subtitles as subtitles
    from app.cli import build_parser
    from app.cli.subtitle_options import read_input
    from app.formats.base import WriteOptions
    from app.formats.srt import format_srt
    from app.formats.vtt import VttFormat

    args = build_parser("check").parse_args(["check", src])
    read = subtitles.read_checked(args, read_input)
    cues = read[0].cues
    gc.disable()  # as convert writes them (app.core.collection.collection_paused)
    print(f"{'format_srt':16} {best(runs, lambda: format_srt(cues)):6.2f} CPU s")
    print(f"{'WebVTT format':16} {best(runs, lambda: VttFormat().format(cues, WriteOptions())):6.2f} CPU s")
    gc.enable()
    subtitles.read_checked = lambda _args, _read: read  # check's part after reading, its output thrown away
    with open(os.devnull, "w") as sink:
        for flags in ([], ["--json"]):
            args = build_parser("check").parse_args(["check", src, *flags])

            def check() -> None:
                with contextlib.redirect_stdout(sink):
                    subtitles.run_check(args)  # noqa: B023

            name = " ".join(["check", *flags])
            print(f"{name:16} {best(runs, check):6.2f} CPU s (after reading)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cues", type=int, default=608_665)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--srt", help="an existing file to time instead of a generated one")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        src = args.srt or os.path.join(folder, "big.srt")
        if not args.srt:
            make_srt(src, args.cues, "utf-8")  # 880 ms to 8 s a cue: hours reach three digits
        print(f"{src}: {os.path.getsize(src) / 1e6:.1f} MB")
        app = [sys.executable, "-m", "app"]
        commands = {
            "convert to .srt": [*app, "convert", src, os.path.join(folder, "out.srt")],
            "convert to .vtt": [*app, "convert", src, os.path.join(folder, "out.vtt")],
            "check": [*app, "check", src],
            "check --json": [*app, "check", "--json", src],
        }
        # the reference, each run in turn with ours: ffmpeg's command line reading the same file and writing WebVTT
        reference = ["ffmpeg", "-nostdin", "-v", "error", "-y", "-i", src, os.path.join(folder, "ffmpeg.vtt")]
        for name, command in commands.items():
            times = [(child_cpu(command), child_cpu(reference)) for _ in range(args.runs)]
            seconds, theirs = min(ours for ours, _ in times), min(ffmpeg for _, ffmpeg in times)
            print(f"{name:16} {seconds:6.2f} CPU s (whole command, least of {args.runs}); "
                  f"ffmpeg -i IN OUT.vtt {theirs:5.2f}, ours / ffmpeg's {seconds / theirs:.2f}")  # fmt: skip
        in_process(src, args.runs)


if __name__ == "__main__":
    main()
