"""``mux``: subtitle tracks into a video, every stream of it copied without re-encoding."""

from __future__ import annotations

import argparse
import sys


def register(subparsers: argparse._SubParsersAction) -> None:
    mux = subparsers.add_parser(
        "mux",
        help="add subtitle tracks to a video without re-encoding it (MKV, MP4, WebM)",
        description="Copy every stream of VIDEO into OUT and add a subtitle track for each SUBS file: SubRip or ASS "
        "in .mkv, MP4 timed text in .mp4/.mov, WebVTT in .webm (SUBS of another format are converted). Each track's "
        "language is --language, else its cues' own. OUT is replaced atomically.",
    )
    mux.add_argument("video", metavar="VIDEO", help="the video (MKV, MP4, WebM...)")
    mux.add_argument("subs", metavar="SUBS", nargs="+", help="subtitle files, one track each, in this order")
    mux.add_argument("-o", "--output", metavar="OUT", required=True, help="the video to write: .mkv, .mp4, .mov, .webm")
    mux.add_argument(
        "--language", metavar="CODE", action="append", default=[],
        help="a track's language (en, zh, ja, eng...), once for each SUBS in order; default: the cues' language",
    )  # fmt: skip
    mux.add_argument("--title", metavar="TEXT", action="append", default=[],
                     help="a track's title, once for each SUBS in order; default: its language's name")  # fmt: skip
    mux.add_argument("--default", metavar="N", type=int, help="new track N (from 1) is the one players show first")
    mux.add_argument("--replace-tracks", action="store_true", help="leave out the video's own subtitle tracks")
    mux.set_defaults(func=run_mux)


def run_mux(args: argparse.Namespace) -> int:
    from app.core.errors import MediaError
    from app.core.messages import message
    from app.media.mux import container_of
    from app.session.mux import check_language, mux_video, read_source

    container_of(args.output)  # a wrong extension is said before anything is read
    for option, values in (("--language", args.language), ("--title", args.title)):
        if len(values) > len(args.subs):
            raise MediaError(message=message("mux.too_many", count=len(values), option=option, tracks=len(args.subs)))
    for code in args.language:
        check_language(code)
    sources = []
    for index, path in enumerate(args.subs):
        language = args.language[index] if index < len(args.language) else ""
        title = args.title[index] if index < len(args.title) else ""
        sources.append(read_source(path, language=language, title=title))
    progress = _Progress() if sys.stderr.isatty() else None
    result = mux_video(args.video, sources, args.output, default=args.default, keep_tracks=not args.replace_tracks,
                       progress=progress)  # fmt: skip
    if progress is not None:
        print(file=sys.stderr)
    kept = "" if args.replace_tracks else " (its own subtitle tracks kept)"
    print(f"{result.path}: {result.streams_copied} stream(s) copied{kept}, {result.tracks_added} track(s) added")
    if result.tracks_converted:
        numbers = ", ".join(map(str, result.tracks_converted))
        print(f"note: the video's subtitle track(s) {numbers} converted to a format this container takes",
              file=sys.stderr)  # fmt: skip
    if result.tracks_dropped and not args.replace_tracks:
        numbers = ", ".join(map(str, result.tracks_dropped))
        print(f"warning: the video's subtitle track(s) {numbers} (pictures, not text) cannot go into this "
              "container; left out",
              file=sys.stderr)  # fmt: skip
    return 0


class _Progress:
    def __init__(self) -> None:
        self.shown = -1

    def __call__(self, fraction: float) -> None:
        percent = int(fraction * 100)
        if percent != self.shown:
            self.shown = percent
            print(f"\rmuxing… {percent}%", end="", file=sys.stderr, flush=True)
