"""``convert`` and ``check``: subtitle files without the window."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter

from app.core.checks import Limits, readability, validate


def register(subparsers: argparse._SubParsersAction) -> None:
    convert = subparsers.add_parser(
        "convert",
        help="read any SRT (any encoding, any newline) and write a clean UTF-8 SRT",
        description="Read an SRT in any encoding and write it as clean UTF-8, renumbered from 1.",
    )
    convert.add_argument("input", metavar="IN", help="SRT file to read")
    convert.add_argument("output", metavar="OUT.srt", help="SRT file to write (replaced atomically)")
    convert.add_argument("--encoding", metavar="NAME", help="encoding of IN (default: detected)")
    convert.add_argument("--bom", action="store_true", help="start OUT with a UTF-8 byte-order mark")
    convert.add_argument("--crlf", action="store_true", help="end lines with CR LF (Windows) instead of LF")
    convert.set_defaults(func=run_convert)

    check = subparsers.add_parser(
        "check",
        help="report timing and readability problems of an SRT",
        description="Count cues, name the detected encoding, and list overlaps, reading speed and long lines.",
    )
    check.add_argument("input", metavar="IN.srt")
    check.add_argument("--encoding", metavar="NAME", help="encoding of IN (default: detected)")
    check.add_argument("--json", action="store_true", help="print the report as JSON")
    check.add_argument(
        "--max-cps", type=float, default=Limits.max_cps, help=f"reading speed limit (default {Limits.max_cps:g})"
    )
    check.add_argument("--max-line", type=int, default=Limits.max_line_chars, help="line length limit (default 42)")
    check.set_defaults(func=run_check)


def run_convert(args: argparse.Namespace) -> int:
    from app.formats.srt import read_srt, write_srt

    result = read_srt(args.input, args.encoding)
    write_srt(args.output, result.cues, bom=args.bom, crlf=args.crlf)
    for message in result.skipped:
        print(f"warning: {message}", file=sys.stderr)
    return 0


def run_check(args: argparse.Namespace) -> int:
    from app.formats.srt import read_srt

    result = read_srt(args.input, args.encoding)
    limits = Limits(max_cps=args.max_cps, max_line_chars=args.max_line)
    problems = validate(result.cues) + readability(result.cues, limits)
    problems.sort(key=lambda p: p.index)
    if args.json:
        report = {
            "file": args.input,
            "cues": len(result.cues),
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
    print(f"{args.input}: {len(result.cues)} cues, encoding {result.encoding} ({how})")
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
