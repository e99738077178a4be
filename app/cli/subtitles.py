"""``convert`` and ``check``: subtitle files without the window."""

from __future__ import annotations

import argparse
import json
import re
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
        description="Count cues, name the detected encoding, and list overlaps, reading speed and long lines; "
        "with --profile, every quality check of that profile (durations, gaps, order, lines, spaces, tags...).",
    )
    check.add_argument("input", metavar="IN")
    add_read_options(check)
    check.add_argument("--json", action="store_true", help="print the report as JSON")
    check.add_argument(
        "--max-cps", type=float, default=Limits.max_cps, help=f"reading speed limit (default {Limits.max_cps:g})"
    )
    check.add_argument("--max-line", type=int, default=Limits.max_line_chars, help="line length limit (default 42)")
    from app.cli.quality import add_profile_options

    add_profile_options(check, default=None)  # with a profile: every quality check of app.core.qc
    check.set_defaults(func=run_check)


def run_convert(args: argparse.Namespace) -> int:
    from app.cli.subtitle_options import read_input, write_output
    from app.core.collection import collection_paused

    with collection_paused():  # a million cues read and written: nothing for the cyclic collector to find
        result = read_input(args)
        for message in result.skipped:
            print(f"warning: {message}", file=sys.stderr)
        write_output(args, args.output, result.cues, result.header)
        del result  # freed by its count, before collection is back (it would walk every cue once more)
    return 0


def run_check(args: argparse.Namespace) -> int:
    from app.cli import EXIT_PROBLEMS, plural
    from app.cli.subtitle_options import read_input
    from app.formats.registry import by_name

    result = read_input(args)
    if result.format == "srt" and result.path is not None:
        numbers = file_numbers(args.input, result.encoding, result.cues)
    else:  # other formats number nothing (and a video is no text to look through)
        numbers = list(range(1, len(result.cues) + 1))
    if args.profile or getattr(args, "shots", None):  # shot changes are a profile check (Netflix by default)
        from app.cli.quality import run_profile_check

        return run_profile_check(args, result, numbers)
    limits = Limits(max_cps=args.max_cps, max_line_chars=args.max_line)
    problems = validate(result.cues) + readability(result.cues, limits)
    problems.sort(key=lambda p: p.index)
    status = EXIT_PROBLEMS if problems else 0
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
    kind = "" if result.format == "srt" else f"{by_name(result.format).label}, "
    print(f"{args.input}: {plural(len(result.cues), 'cue')}, {kind}encoding {result.encoding} ({how})")
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
