"""``shots``: where the picture cuts, in seconds (the same detection the window runs)."""

from __future__ import annotations

import argparse
import json
import sys


def register(subparsers: argparse._SubParsersAction) -> None:
    shots = subparsers.add_parser(
        "shots",
        help="print the shot changes (cuts) of a video, in seconds",
        description="Decode the video at low resolution and print the time of each cut (the first frame of the "
        "new shot), one per line in seconds. Fades and dissolves are not cuts.",
    )
    shots.add_argument("media", metavar="VIDEO", help="video file")
    shots.add_argument("--json", action="store_true", help="print cuts, frame count and frame rate as JSON")
    shots.add_argument("--threshold", type=float, default=None, help="scene score for a cut (default 10, as scdet)")
    shots.add_argument("--no-cache", action="store_true", help="neither read nor store the result in the cache")
    shots.set_defaults(func=run_shots)


def run_shots(args: argparse.Namespace) -> int:
    from app.core.frames import FrameGrid
    from app.media.shots import THRESHOLD, detect_shots

    show = sys.stderr.isatty()

    def progress(fraction: float) -> None:
        if show:
            print(f"\rdetecting shot changes… {fraction * 100:5.1f}%", end="", file=sys.stderr, flush=True)

    scan = detect_shots(
        args.media,
        threshold=THRESHOLD if args.threshold is None else args.threshold,
        progress=progress,
        use_cache=not args.no_cache,
    )
    if show:
        print(file=sys.stderr)
    cuts = [round(ms / 1000, 3) for ms in scan.cuts_ms]
    if args.json:
        grid = FrameGrid(scan.frame_times_ms)
        report = {"cuts": cuts, "frames": len(grid), "fps": round(grid.fps, 3),
                  "variable_frame_rate": grid.is_variable(), "stream_index": scan.stream_index}  # fmt: skip
        print(json.dumps(report, indent=2))
        return 0
    for seconds in cuts:
        print(f"{seconds:.3f}")
    return 0
