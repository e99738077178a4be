"""``probe``: what a media file holds, without decoding it."""

from __future__ import annotations

import argparse
import json

from app.core.timecode import clock


def register(subparsers: argparse._SubParsersAction) -> None:
    probe = subparsers.add_parser(
        "probe",
        help="show the duration and streams of a media file",
        description="Read a media file's header: container, duration, and each stream's codec, rate and channels.",
    )
    probe.add_argument("media", metavar="MEDIA", help="audio or video file")
    probe.add_argument("--json", action="store_true", help="print the report as JSON")
    probe.set_defaults(func=run_probe)


def run_probe(args: argparse.Namespace) -> int:
    from app.media.probe import probe

    info = probe(args.media)
    if args.json:
        print(json.dumps(info.to_dict(), indent=2, ensure_ascii=False))
        return 0
    print(f"file:      {info.path}")
    print(f"format:    {info.format_name} ({info.format_long_name})")
    estimate = " (estimated)" if info.duration_estimated else ""
    start = f"  (starts at {info.start_ms} ms)" if info.start_ms else ""
    print(f"duration:  {_clock(info.duration_ms)}{estimate}{start}")
    print(f"size:      {info.size_bytes} bytes" + (f", {info.bit_rate // 1000} kb/s" if info.bit_rate else ""))
    for s in info.streams:
        print(f"stream {s.index}:  {_describe(s)}")
    _print_subtitle_tracks(info)
    return 0


def _print_subtitle_tracks(info) -> None:
    """Subtitle tracks as `convert VIDEO OUT --track N` counts them, and whether their text can be read."""
    from app.media.subtitle_tracks import BITMAP_CODECS, TEXT_CODECS

    subtitles = [s for s in info.streams if s.kind == "subtitle"]
    for number, s in enumerate(subtitles, start=1):
        if s.codec in TEXT_CODECS:
            kind = "text"
        elif s.codec in BITMAP_CODECS:
            kind = f"{BITMAP_CODECS[s.codec]} pictures, not readable (needs OCR)"
        else:
            kind = "not readable"
        parts = [f"track {number}: stream {s.index}, {s.codec or 'unknown codec'}, {kind}"]
        if s.language:
            parts.append(f"[{s.language}]")
        if s.title:
            parts.append(f'"{s.title}"')
        print("subtitle " + " ".join(parts))


def _describe(s) -> str:
    parts = [s.kind, s.codec or "unsupported codec"]
    if s.kind == "audio":
        if s.sample_rate:
            parts.append(f"{s.sample_rate} Hz")
        if s.channels:
            parts.append(f"{s.channels} ch" + (f" ({s.channel_layout})" if s.channel_layout else ""))
        if s.sample_format:
            parts.append(s.sample_format)
    elif s.kind == "video" and s.width and s.height:
        parts.append(f"{s.width}x{s.height}")
        if s.frame_rate:
            parts.append(f"{s.frame_rate:g} fps")
    if s.duration_ms is not None:
        parts.append(_clock(s.duration_ms))
    if s.language:
        parts.append(f"[{s.language}]")
    return ", ".join(parts)


def _clock(ms: int | None) -> str:
    if ms is None:
        return "unknown"
    return clock(ms)
