"""``convert`` and ``check``: subtitle files without the window."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter

from app.core.checks import Limits, readability, validate


def register(subparsers: argparse._SubParsersAction) -> None:
    from app.cli.subtitle_options import add_read_options, add_write_options

    convert = subparsers.add_parser(
        "convert",
        help="convert subtitles between formats (SRT, WebVTT, ASS, TTML...), or take them out of a video",
        description="Read subtitles of any supported format and encoding, or a text track of a video (MKV, MP4, "
        "WebM), and write them in the format OUT's extension (or --format) names, as UTF-8.",
    )
    convert.add_argument("input", metavar="IN", help="subtitle file, or a video with a subtitle track")
    convert.add_argument("output", metavar="OUT", help="file to write (replaced atomically), e.g. out.vtt")
    add_read_options(convert)
    add_write_options(convert)
    convert.set_defaults(func=run_convert)

    check = subparsers.add_parser(
        "check",
        help="report timing and readability problems of a subtitle file",
        description="Count cues, name the detected encoding, and list overlaps, reading speed and long lines.",
    )
    check.add_argument("input", metavar="IN")
    add_read_options(check)
    check.add_argument("--json", action="store_true", help="print the report as JSON")
    check.add_argument("--max-cps", type=float, default=Limits.max_cps, help="reading speed limit (default 17)")
    check.add_argument("--max-line", type=int, default=Limits.max_line_chars, help="line length limit (default 42)")
    check.set_defaults(func=run_check)


def run_convert(args: argparse.Namespace) -> int:
    from app.cli.subtitle_options import read_input, write_output

    result = read_input(args)
    for message in result.skipped:
        print(f"warning: {message}", file=sys.stderr)
    write_output(args, args.output, result.cues, result.header)
    return 0


def run_check(args: argparse.Namespace) -> int:
    from app.cli.subtitle_options import read_input

    result = read_input(args)
    limits = Limits(max_cps=args.max_cps, max_line_chars=args.max_line)
    problems = validate(result.cues) + readability(result.cues, limits)
    problems.sort(key=lambda p: p.index)
    if args.json:
        report = {
            "file": args.input,
            "cues": len(result.cues),
            "format": result.format,
            "encoding": result.encoding,
            "encoding_detected": result.detected,
            "bom": result.bom,
            "skipped": result.skipped,
            "counts": dict(Counter(p.kind for p in problems)),
            "problems": [p.as_dict() for p in problems],
        }
        json.dump(report, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    how = "detected" if result.detected else ("byte-order mark" if result.bom else "valid UTF-8")
    if args.encoding:
        how = "as given"
    from app.formats.registry import by_name

    kind = "" if result.format == "srt" else f"{by_name(result.format).label}, "
    print(f"{args.input}: {len(result.cues)} cues, {kind}encoding {result.encoding} ({how})")
    for message in result.skipped:
        print(f"skipped: {message}")
    counts = Counter(p.kind for p in problems)
    names = {
        "overlap": "overlaps",
        "order": "out of order",
        "duration": "zero or negative durations",
        "reading_speed": f"over {limits.max_cps:g} characters per second",
        "line_length": f"lines over {limits.max_line_chars} characters",
        "line_count": "more than 2 lines",
    }
    if problems:
        print("; ".join(f"{counts[k]} {names.get(k, k)}" for k in names if counts[k]))
        for problem in problems:
            print(f"  {problem.message}")
    else:
        print("no problems found")
    return 0
