"""``convert`` and ``check``: subtitle files without the window."""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Callable
from itertools import filterfalse
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from app.core.checks import Limits, readability, validate
from app.core.collection import collection_paused

if TYPE_CHECKING:
    from app.formats.base import SubtitleFile


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
    convert.add_argument(
        "--chinese",
        metavar="CONFIG",
        help="convert Chinese script with OpenCC, phrase by phrase (s2t, t2s, s2tw, tw2s, s2twp: Taiwan's words, "
        "tw2sp, s2hk, hk2s, t2tw, tw2t, t2hk, hk2t, t2jp, jp2t); times and words are kept",
    )
    convert.set_defaults(func=run_convert)

    check = subparsers.add_parser(
        "check",
        help="report timing and readability problems of a subtitle file",
        description="Count cues, name the detected encoding, and list overlaps, reading speed and long lines; "
        "with --profile, every quality check of that profile (durations, gaps, order, lines, spaces, tags...).",
    )
    check.add_argument(
        "input",
        metavar="IN",
        help="subtitle file, video, or project (.qssproj: its cues' "
        "translations are checked too, by the translation language's rules, and marked)",
    )
    add_read_options(check)
    check.add_argument("--json", action="store_true", help="print the report as JSON")
    check.add_argument(
        "--max-cps", type=float, help="reading speed limit for every cue (default: each cue's language's, as "
        "Netflix's guides: English 20, Chinese 9, Japanese 4, Korean 12, others 17)",
    )  # fmt: skip
    check.add_argument(
        "--max-line", type=int, help="line length limit for every cue (default: each cue's language's: 42, "
        "Chinese and Korean 16, Japanese 13)",
    )  # fmt: skip
    from app.cli.quality import add_profile_options

    add_profile_options(check, default=None)  # with a profile: every quality check of app.core.qc
    check.add_argument(
        "--translation-lang", metavar="CODE", help="the language of a project's translations, for their rules "
        "(default: the project's target language)",
    )  # fmt: skip
    check.set_defaults(func=run_check)


def run_convert(args: argparse.Namespace) -> int:
    from app.cli.subtitle_options import read_input, write_output
    from app.core.collection import collection_paused

    chinese = getattr(args, "chinese", None)
    if chinese is not None:  # an unknown name is said before anything is read
        from app.text.chinese import config_name

        chinese = config_name(chinese)
    from app.formats.registry import target_format

    # the cues' languages are guessed only for a format that writes them (WebVTT, TTML, ASS): not for SubRip
    languages = target_format(getattr(args, "format", None), args.output).writes_languages
    with collection_paused():  # a million cues read and written: nothing for the cyclic collector to find
        result = read_input(args, languages=languages)
        for message in result.skipped:
            print(f"warning: {message}", file=sys.stderr)
        cues = result.cues
        if chinese is not None:
            from app.text.chinese import convert_cues

            cues = convert_cues(cues, chinese)
        write_output(args, args.output, cues, result.header)
        del result, cues  # freed by their count, before collection is back (it would walk every cue once more)
    return 0


def run_check(args: argparse.Namespace) -> int:
    from app.cli import EXIT_PROBLEMS, plural
    from app.cli.subtitle_options import read_input
    from app.formats.registry import by_name

    result, translation_language = read_checked(args, read_input)
    if result.numbers is not None:
        numbers = result.numbers
    elif result.format == "srt" and result.path is not None:
        numbers = file_numbers(args.input, result.encoding, result.cues)
    else:  # other formats number nothing (and a video is no text to look through)
        numbers = list(range(1, len(result.cues) + 1))
    if args.profile or getattr(args, "shots", None):  # shot changes are a profile check (Netflix by default)
        from app.cli.quality import run_profile_check

        return run_profile_check(args, result, numbers, translation_language)
    given = {
        name: value
        for name, value in (("max_cps", args.max_cps), ("max_line_chars", args.max_line))
        if value is not None
    }
    from app.cli.subtitle_options import in_language

    cues = in_language(result.cues, getattr(args, "lang", None))
    languages = set(map(_LANGUAGE, cues))
    one_rule = len(languages) <= 1  # the summary names the limits of the file's one language, else "their language's"
    limits = Limits.for_language(languages.pop() if languages else None, **given)
    translated = Limits.for_language(translation_language, **given) if any(map(_TRANSLATION, cues)) else None
    with collection_paused():  # hundreds of thousands of problems, none in a cycle: no collection walks the cues
        problems = validate(cues) + readability(
            cues, limits, by_language=lambda lang: Limits.for_language(lang, **given), translation=translated
        )
        problems.sort(key=_INDEX)
    status = EXIT_PROBLEMS if problems else 0
    if numbers == list(range(1, len(numbers) + 1)):  # numbered as the messages count: nothing to rename
        messages = list(map(_MESSAGE, problems))
    else:
        messages = [_renumbered(problem.message, numbers) for problem in problems]
    if args.json:
        report = {
            "file": args.input,
            "cues": len(result.cues),
            "format": result.format,
            "encoding": result.encoding,
            "encoding_detected": result.detected,
            "bom": result.bom,
            "skipped": result.skipped,
            "counts": dict(Counter(map(_KIND, problems))),
            "problems": [
                {**p.as_dict(), "number": numbers[p.index], "message": message}
                for p, message in zip(problems, messages, strict=True)
            ],
        }
        sys.stdout.write(_json_report(report))
        sys.stdout.write("\n")
        return status
    how = "detected" if result.detected else ("byte-order mark" if result.bom else "valid UTF-8")
    if args.encoding:
        how = "as given"
    label = PROJECT if result.format == PROJECT else by_name(result.format).label
    kind = "" if result.format == "srt" else f"{label}, "
    print(f"{args.input}: {plural(len(result.cues), 'cue')}, {kind}encoding {result.encoding} ({how})")
    for message in result.skipped:
        print(f"skipped: {message}")
    counts = Counter(map(_KIND, filterfalse(_ON_TRANSLATION, problems)))
    names = {
        "overlap": lambda n: plural(n, "overlap"),
        "order": lambda n: f"{plural(n, 'cue')} out of order",
        "duration": lambda n: plural(n, "zero or negative duration"),
        "reading_speed": lambda n: (
            f"{plural(n, 'cue')} over "
            + (
                f"{limits.max_cps:g} characters per second"
                if one_rule or args.max_cps
                else "their language's reading speed"
            )
        ),
        "line_length": lambda n: (
            f"{plural(n, 'line')} over "
            + (f"{limits.max_line_chars} characters" if one_rule or args.max_line else "their language's line length")
        ),
        "line_count": lambda n: f"{plural(n, 'cue')} with more than {limits.max_lines} lines",
    }
    if problems:
        if counts:
            print("; ".join(names[k](counts[k]) if k in names else f"{counts[k]} {k}" for k in counts))
        if translated is not None and any(p.on_translation for p in problems):
            found = Counter(p.kind for p in problems if p.on_translation)
            print(f"translation ({translation_language or 'language not set'}: {translated.max_cps:g} characters "
                  f"a second, {translated.max_line_chars} a line): "
                  + "; ".join(f"{n} {kind.replace('_', ' ')}" for kind, n in found.items()))  # fmt: skip
        sys.stdout.write("  " + "\n  ".join(messages) + "\n")
    else:
        print("no problems found")
    return status


PROJECT = "project"


def read_checked(
    args: argparse.Namespace, read_input: Callable[[argparse.Namespace], SubtitleFile]
) -> tuple[SubtitleFile, str]:
    """The subtitles IN names and their translation language: a project (.qssproj) brings its cues' translations
    and its target language (``--translation-lang`` names another); a subtitle file has no translations."""
    from app.formats.base import SubtitleFile
    from app.formats.project import SUFFIX, load_project

    given = getattr(args, "translation_lang", None)
    if str(args.input).lower().endswith(SUFFIX):
        doc = load_project(args.input)
        language = doc.settings.translation_language
        result = SubtitleFile(args.input, PROJECT, list(doc.cues))
    else:
        result, language = read_input(args), ""
    if given:
        from app.core.languages import name_of

        language = name_of(given) or given
    return result, language


_TIMING_LINE = re.compile(r"-->|\u2192|\u27f6")
_CUE_REFERENCE = re.compile(r"\bcue (\d+)\b")


def file_numbers(path: str, encoding: str, cues: list) -> list[int]:
    """The number each cue has in the file (the index line above its timing), so that a report says "cue 17" for
    the cue the user sees as 17 in the file even when the file skips or repeats numbers. Position + 1 when the
    numbers cannot be matched to the cues (a WebVTT file without identifiers, unreadable timing lines)."""
    from app.formats.srt import parse_timing
    from app.formats.srt_bulk import numbered_timings

    by_position = list(range(1, len(cues) + 1))
    try:
        with open(path, encoding=encoding, errors="replace", newline=None) as handle:
            text = handle.read().lstrip("\ufeff")
    except (OSError, LookupError):
        return by_position
    starts, ends, above = numbered_timings(text)  # every timing line written the usual way: at once
    if starts == [cue.start for cue in cues] and ends == [cue.end for cue in cues]:
        labels = (label.strip() for label in above)
        return [
            int(label) if label.isdigit() else position for label, position in zip(labels, by_position, strict=True)
        ]
    lines = text.split("\n")
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


_KIND, _INDEX, _MESSAGE, _ON_TRANSLATION = map(attrgetter, ("kind", "index", "message", "on_translation"))
_LANGUAGE, _TRANSLATION = attrgetter("language"), attrgetter("translation")


def _json_report(report: dict[str, Any]) -> str:
    """``json.dumps(report, ensure_ascii=False, indent=2)``, its last item "problems" (flat dicts of text, numbers
    and booleans) written by json's C encoder: the indenting encoder is pure Python, seconds for 300,000 problems.

    The C encoder writes the list with ``",\\n      "`` between the items of each dict, which are the indented
    dict's lines; the same separator between two dicts (``"},\\n      {"``, found nowhere else: a line break in a
    string is written as an escape, a dict's item ends in a value) is then given the indented list's lines."""
    problems = report["problems"]
    text = json.dumps({**report, "problems": []}, ensure_ascii=False, indent=2)
    if not problems or not text.endswith('"problems": []\n}'):
        return json.dumps(report, ensure_ascii=False, indent=2)
    flat = json.JSONEncoder(ensure_ascii=False, separators=(",\n      ", ": ")).encode(problems)
    items = flat[len("[{") : -len("}]")].replace("},\n      {", "\n    },\n    {\n      ")
    return "".join([text[: -len("[]\n}")], "[\n    {\n      ", items, "\n    }\n  ]\n}"])  # one copy of 60 MB


def _renumbered(message: str, numbers: list[int]) -> str:
    """Core messages name cues by position ("cue 3"); the report names them as the file does."""

    def number(match: re.Match[str]) -> str:
        position = int(match.group(1))
        return f"cue {numbers[position - 1]}" if 0 < position <= len(numbers) else match.group(0)

    return _CUE_REFERENCE.sub(number, message)
