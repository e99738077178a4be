"""``check --profile`` and ``fix``: the quality checks and their fixes (app.core.qc, app.core.fixes) headless."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter

from app.core.errors import AppError
from app.core.messages import english, message


def add_profile_option(parser: argparse.ArgumentParser, *, default: str | None) -> None:
    from app.core.profiles import PROFILES

    parser.add_argument(
        "--profile", metavar="NAME", default=default, choices=list(PROFILES),
        help=f"quality profile: {', '.join(PROFILES)}" + (f" (default {default})" if default else ""),
    )  # fmt: skip


def add_profile_options(parser: argparse.ArgumentParser, *, default: str | None) -> None:
    add_profile_option(parser, default=default)
    parser.add_argument(
        "--lang",
        metavar="CODE",
        help="the language of every cue, for its rules (zh: 16 a line, 9 a second; ja: 13 "
        "and 4; ko: 16 and 12; en: 42 and 20); by default each cue's own, from the file or guessed from its text",
    )
    parser.add_argument(
        "--shots", metavar="VIDEO", help="check (and fix) cue edges against this video's shot changes (found as the "
        "shots command finds them, cached)",
    )  # fmt: skip


def shot_guide(args: argparse.Namespace):
    """The video's frames and shot changes for ``--shots`` (None without it); detection is cached."""
    if not getattr(args, "shots", None):
        return None
    from app.core.frames import FrameGrid, PictureGuide
    from app.media.shots import detect_shots

    scan = detect_shots(args.shots)
    return PictureGuide(FrameGrid(scan.frame_times_ms), scan.cuts_ms)


def register(subparsers: argparse._SubParsersAction) -> None:
    from app.cli.subtitle_options import add_read_options, add_write_options

    fix = subparsers.add_parser(
        "fix",
        help="fix timing and readability problems of a subtitle file against a quality profile",
        description="Trim spaces, put cues in time order, resolve overlaps, keep the minimum gap and duration "
        "(extending into free time, merging too-short or one-word cues), extend fast cues, close small gaps and "
        "re-break long or unbalanced lines; in Chinese and Japanese cues make punctuation full-width and split a "
        "cue too long for its lines at punctuation; locked cues are never changed and no text is lost. Writes OUT "
        "and says what changed.",
    )
    fix.add_argument("input", metavar="IN")
    fix.add_argument("output", metavar="OUT", help="file to write (replaced atomically)")
    add_read_options(fix)
    add_write_options(fix)
    add_profile_options(fix, default="netflix")
    fix.add_argument(
        "--line-end-punctuation", choices=("keep", "remove", "space"), default="keep",
        help="Chinese cues: remove the comma or full stop (，。) that ends a line, as many Chinese teams deliver "
        "(space: and put a space for those inside a line too; default keep)",
    )  # fmt: skip
    fix.set_defaults(func=run_fix)


def _profile(args: argparse.Namespace):
    from app.core.profiles import profile

    try:
        return profile(args.profile)
    except ValueError as exc:
        raise AppError(str(exc)) from None


def run_profile_check(args: argparse.Namespace, result, numbers: list[int], translation_language: str = "") -> int:
    """The findings of ``check --profile NAME``: exit 1 when there are any; a translation's marked as such."""
    from app.cli import EXIT_PROBLEMS, plural
    from app.cli.subtitle_options import in_language
    from app.core.qc import check

    prof = _profile(args)
    findings = check(
        in_language(result.cues, args.lang), prof, shots=shot_guide(args), translation_language=translation_language
    )
    status = EXIT_PROBLEMS if findings else 0
    counts = Counter(("translation " if f.on_translation else "") + f.code.removeprefix("qc.") for f in findings)
    if args.json:
        report = {
            "file": args.input, "profile": prof.name, "cues": len(result.cues), "format": result.format,
            "encoding": result.encoding, "skipped": result.skipped, "counts": dict(counts),
            "hard": sum(f.hard for f in findings),
            "findings": [{**f.as_dict(), "number": numbers[f.index]} for f in findings],
        }  # fmt: skip
        json.dump(report, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return status
    print(f"{args.input}: {plural(len(result.cues), 'cue')}, profile {prof.name}")
    for skipped in result.skipped:
        print(f"skipped: {skipped}")
    if not findings:
        print("no problems found")
        return status
    hard = sum(f.hard for f in findings)
    print(f"{plural(len(findings), 'problem')} ({hard} against hard rules): "
          + "; ".join(f"{n} {code.replace('_', ' ')}" for code, n in counts.items()))  # fmt: skip
    for f in findings:
        where = " (translation)" if f.on_translation else ""
        print(f"  cue {numbers[f.index]}{where}: {f.severity}: {english(f.message)}")
    return status


def run_fix(args: argparse.Namespace) -> int:
    from app.cli.subtitle_options import read_input, write_output
    from app.core.fixes import propose
    from app.core.fixes_cjk import FixOptions
    from app.core.qc import hard_findings

    prof = _profile(args)
    result = read_input(args)
    for skipped in result.skipped:
        print(f"warning: {skipped}", file=sys.stderr)
    from app.cli.subtitle_options import in_language

    cues = in_language(result.cues, args.lang)
    options = FixOptions(line_end_punctuation=args.line_end_punctuation)
    plan = propose(cues, prof, shots=shot_guide(args), options=options)
    write_output(args, args.output, plan.cues, result.header)
    print(english(message("cli.fixed", len(plan.proposals), path=args.output)))
    position = {id(cue): i for i, cue in enumerate(cues)}
    for proposal in plan.proposals:
        numbers = "+".join(str(position[id(c)] + 1) if id(c) in position else "?" for c in proposal.before)
        what = "; ".join(english(m) for m in proposal.messages)
        print(f"  cue {proposal.index + 1} (was {numbers}): {what}")
    left = hard_findings(plan.cues, prof)
    if left:
        from app.cli import plural

        print(f"{plural(len(left), 'problem')} against hard rules left (no room, locked, or a line with no break): "
              f"see check --profile {prof.name}")  # fmt: skip
    return 0
