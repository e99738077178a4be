"""``convert`` and ``check``: subtitle files without the window."""

from __future__ import annotations

import argparse
import json
import re
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
    from app.cli import EXIT_PROBLEMS, plural
    from app.formats.srt import read_srt

    result = read_srt(args.input, args.encoding)
    limits = Limits(max_cps=args.max_cps, max_line_chars=args.max_line)
    problems = validate(result.cues) + readability(result.cues, limits)
    problems.sort(key=lambda p: p.index)
    numbers = file_numbers(args.input, result.encoding, result.cues)
    status = EXIT_PROBLEMS if problems else 0
    if args.json:
        report = {
            "file": args.input,
            "cues": len(result.cues),
            "encoding": result.encoding,
            "encoding_detected": result.detected,
            "bom": result.bom,
            "skipped": result.skipped,
            "counts": dict(Counter(p.kind for p in problems)),
            "problems": [
                {**p.as_dict(), "number": numbers[p.index], "message": _renumbered(p.message, numbers)}
                for p in problems
            ],
        }
        json.dump(report, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return status
    how = "detected" if result.detected else ("byte-order mark" if result.bom else "valid UTF-8")
    if args.encoding:
        how = "as given"
    print(f"{args.input}: {plural(len(result.cues), 'cue')}, encoding {result.encoding} ({how})")
    for message in result.skipped:
        print(f"skipped: {message}")
    counts = Counter(p.kind for p in problems)
    names = {
        "overlap": lambda n: plural(n, "overlap"),
        "order": lambda n: f"{plural(n, 'cue')} out of order",
        "duration": lambda n: plural(n, "zero or negative duration"),
        "reading_speed": lambda n: f"{plural(n, 'cue')} over {limits.max_cps:g} characters per second",
        "line_length": lambda n: f"{plural(n, 'line')} over {limits.max_line_chars} characters",
        "line_count": lambda n: f"{plural(n, 'cue')} with more than {limits.max_lines} lines",
    }
    if problems:
        print("; ".join(names[k](counts[k]) if k in names else f"{counts[k]} {k}" for k in counts))
        for problem in problems:
            print(f"  {_renumbered(problem.message, numbers)}")
    else:
        print("no problems found")
    return status


_TIMING_LINE = re.compile(r"-->|\u2192|\u27f6")
_CUE_REFERENCE = re.compile(r"\bcue (\d+)\b")


def file_numbers(path: str, encoding: str, cues: list) -> list[int]:
    """The number each cue has in the file (the index line above its timing), so that a report says "cue 17" for
    the cue the user sees as 17 in the file even when the file skips or repeats numbers. Position + 1 when the
    numbers cannot be matched to the cues (a WebVTT file without identifiers, unreadable timing lines)."""
    from app.formats.srt import parse_timing

    by_position = list(range(1, len(cues) + 1))
    try:
        with open(path, encoding=encoding, errors="replace", newline=None) as handle:
            lines = handle.read().lstrip("\ufeff").split("\n")
    except (OSError, LookupError):
        return by_position
    found: list[tuple[int, int, int | None]] = []
    previous = ""
    for line in lines:
        timing = parse_timing(line) if _TIMING_LINE.search(line) else None
        if timing is not None:
            label = previous.strip()
            found.append((*timing, int(label) if label.isdigit() else None))
        previous = line
    if len(found) != len(cues) or any(
        (max(start, 0), max(end, 0)) != (cue.start, cue.end) for (start, end, _), cue in zip(found, cues, strict=True)
    ):
        return by_position
    pairs = zip(found, by_position, strict=True)
    return [position if number is None else number for (_start, _end, number), position in pairs]


def _renumbered(message: str, numbers: list[int]) -> str:
    """Core messages name cues by position ("cue 3"); the report names them as the file does."""

    def number(match: re.Match[str]) -> str:
        position = int(match.group(1))
        return f"cue {numbers[position - 1]}" if 0 < position <= len(numbers) else match.group(0)

    return _CUE_REFERENCE.sub(number, message)
