"""Options every verb that reads or writes subtitles shares: formats, encodings, tracks, frame rates."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from app.core.document import Cue
from app.core.messages import english
from app.formats.base import ReadOptions, SubtitleFile, SubtitleFormat, WriteOptions


def add_read_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--encoding", metavar="NAME", help="encoding of IN (default: detected)")
    parser.add_argument(
        "--track",
        type=int,
        metavar="N",
        help="subtitle track N of a video (default: the first text track)",
    )
    parser.add_argument("--input-format", metavar="NAME", help="format of IN (default: by its content, then extension)")
    parser.add_argument("--fps", type=float, metavar="RATE", help="frame rate of frame-based formats (MicroDVD)")
    parser.add_argument("--language", metavar="NAME", help="which language of a SAMI file to read (default: first)")


def add_write_options(parser: argparse.ArgumentParser) -> None:
    from app.formats.registry import writable

    names = ", ".join(f.name for f in writable())
    parser.add_argument("--format", metavar="NAME", help=f"format of OUT (default: by its extension): {names}")
    parser.add_argument("--bom", action="store_true", help="start OUT with a UTF-8 byte-order mark")
    parser.add_argument("--crlf", action="store_true", help="end lines with CR LF (Windows) instead of LF")
    parser.add_argument("--times", action="store_true", help="plain text (.txt): each cue after its times")
    parser.add_argument("--no-times", action="store_true", help=argparse.SUPPRESS)  # the default since issue 27
    add_word_times_option(parser)


def add_word_times_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--karaoke", "--word-times", dest="word_times", action="store_true",
        help="write the word times: ASS/SSA karaoke (a \\k tag a word), WebVTT timestamps before each word",
    )  # fmt: skip


def read_input(args: argparse.Namespace, *, languages: bool = True) -> SubtitleFile:
    """The subtitles IN names: a subtitle file of any format, or a text track of a video; ``languages``: each cue's
    language guessed where the file does not say it (load_subtitles)."""
    import gc

    from app.session.subtitle_files import load_subtitles

    options = ReadOptions(fps=getattr(args, "fps", None), language=getattr(args, "language", None))
    result = load_subtitles(
        args.input, args.encoding, format=getattr(args, "input_format", None), track=getattr(args, "track", None),
        options=options, languages=languages,
    )  # fmt: skip
    # the file's cues live until the command ends: the cycle collector need not walk them again each time the
    # command's checks and writers make objects (a third of the time of checking 600,000 cues)
    gc.freeze()
    return result


def in_language(cues: Sequence[Cue], lang: str | None) -> list[Cue]:
    """The cues, all in ``lang`` when it is given (a command's ``--lang`` names every cue's language), else each
    in its own (from the file, recognition, or guessed from its text when it was read)."""
    if not lang:
        return list(cues)
    from app.core.languages import name_of

    name = name_of(lang) or lang
    return [cue if cue.language == name else cue.with_language(name) for cue in cues]


def write_output(
    args: argparse.Namespace, path: str, cues: Sequence[Cue], header: dict[str, str] | None = None
) -> None:
    """Write ``cues`` in the format of OUT (or --format); say in one line what that format could not keep."""
    from app.formats.registry import target_format, write_subtitles
    from app.session.subtitle_files import video_frame_rate

    fmt = target_format(getattr(args, "format", None), path)
    fps = getattr(args, "fps", None)
    if fmt.frame_based and fps is None:  # frames of the video the subtitles came from, else 23.976
        fps = video_frame_rate(getattr(args, "input", None)) or video_frame_rate(getattr(args, "media", None))
    word_times = bool(getattr(args, "word_times", False))
    options = WriteOptions(fps=fps, times=bool(getattr(args, "times", False)),
                           header=dict(header or {}), word_times=word_times)  # fmt: skip
    dropped = write_subtitles(
        path, list(cues), format=fmt.name, bom=getattr(args, "bom", False),
        newline="\r\n" if getattr(args, "crlf", False) else "\n", options=options,
    )  # fmt: skip
    if dropped:
        print(f"warning: {path}: {fmt.label} does not keep " + "; ".join(english(m) for m in dropped), file=sys.stderr)
    note = word_times_note(path, fmt, cues) if word_times else None
    if note:
        print(note, file=sys.stderr)


def word_times_note(path: str, fmt: SubtitleFormat, cues: Sequence[Cue]) -> str | None:
    """One line when --karaoke could not put word times in: the format has no way to, or cues have none."""
    if not fmt.word_timing:
        return f"note: {path}: {fmt.label} has no word timing; written without it (use .ass, .ssa, .vtt or .json)"
    without = sum(1 for cue in cues if not cue.words)
    if without and without == len(cues):
        return f"note: {path}: no cue has word times (recognise the media, or read a JSON words export); written plain"
    if without:
        return f"note: {path}: {without} of {len(cues)} cues have no word times; they are written plain"
    return None
