"""Subtitle tracks into a video, from cues: what the command line's ``mux`` and File ▸ Export ▸ Video with
Subtitle Tracks share.

Each source (a subtitle file read with load_subtitles, or the open document's cues) becomes a track in the codec
the container takes: ASS in Matroska when the cues came from ASS (styles and tags kept), else SubRip; WebVTT in
WebM; MP4 timed text in MP4 (its markup left out: the track holds plain text). The language is the one given, else
the cues' own (their majority); the title the one given, else the language's name.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from app.core.document import Cue
from app.core.errors import MediaError
from app.core.languages import container_code, majority_language, name_of
from app.core.messages import message
from app.formats.base import WriteOptions, plain
from app.formats.registry import by_name
from app.media.mux import MuxResult, TrackEvents, container_of, mux_subtitles

_ASS_FORMATS = ("ass", "ssa")


@dataclass(frozen=True)
class TrackSource:
    """Cues to put in a track. ``format``: the format they were read from ("ass" keeps an ASS track in
    Matroska); ``header``: that file's header (app.formats); ``language``/``title``: given by the user, or ""."""

    name: str
    cues: Sequence[Cue]
    format: str = ""
    header: dict[str, str] | None = None
    language: str = ""
    title: str = ""


def read_source(path: str, *, language: str = "", title: str = "", cancelled=None) -> TrackSource:
    """A subtitle file (any readable format, or a video's first text track) as a track source."""
    from app.session.subtitle_files import load_subtitles

    result = load_subtitles(path, cancelled=cancelled)
    return TrackSource(os.path.basename(path), result.cues, result.format, dict(result.header or {}), language, title)


def check_language(code: str) -> str:
    """The container code of a language the user typed; MediaError when it is none we know."""
    found = container_code(code)
    if code and not found:
        raise MediaError(message=message("mux.bad_language", code=code))
    return found


def track_events(source: TrackSource, codec: str, *, default: bool = False) -> TrackEvents:
    """The source's cues as packets of ``codec``, with its language (given, else the cues') and title."""
    cues = [cue for cue in source.cues if cue.text.strip()]
    if not cues:
        raise MediaError(message=message("mux.no_cues", name=source.name))
    spoken = majority_language(cue.language for cue in cues)
    code = check_language(source.language) if source.language else container_code(spoken)
    title = source.title or name_of(source.language) or spoken
    starts = [cue.start for cue in cues]
    ends = [max(cue.end, cue.start + 1) for cue in cues]
    header = ""
    if codec == "ass":
        header, starts, ends, texts = _ass_events(cues, source)
    elif codec == "mov_text":
        texts = [plain(cue.text) for cue in cues]
    elif codec == "webvtt":
        texts = [_payload(by_name("vtt").format([cue], WriteOptions()), 1) for cue in cues]
    else:
        srt = by_name("srt")
        texts = [_payload(srt.format([cue], WriteOptions()), 2) for cue in cues]
    return TrackEvents(codec, starts, ends, texts, code, title, default, header)


def codec_for(source: TrackSource, codecs: Sequence[str]) -> str:
    """The codec a container takes for these cues: ASS where it can hold it and the cues came from ASS, else
    the first text codec it takes (SubRip in Matroska, WebVTT in WebM, mov_text in MP4)."""
    if source.format in _ASS_FORMATS and "ass" in codecs:
        return "ass"
    return next(codec for codec in codecs if codec != "ass")


def mux_video(
    video: str,
    sources: Sequence[TrackSource],
    out: str,
    *,
    default: int | None = None,
    keep_tracks: bool = True,
    progress: Callable[[float], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> MuxResult:
    """Write ``out``: ``video`` with a track for each source (``default``: the number, from 1, of the new track
    players show first). Raises MediaError with one line for what is wrong."""
    _muxer, codecs = container_of(out)
    if default is not None and not 1 <= default <= len(sources):
        raise MediaError(message=message("mux.bad_default", number=default, tracks=len(sources)))
    own = _converted_tracks(video, codecs, cancelled) if keep_tracks else []
    tracks = [track_events(source, codec_for(source, codecs)) for source in own] + [
        track_events(source, codec_for(source, codecs), default=default == number)
        for number, source in enumerate(sources, start=1)
    ]
    result = mux_subtitles(video, tracks, out, keep_tracks=keep_tracks, progress=progress, cancelled=cancelled)
    converted = {source.number for source in own}
    dropped = [number for number in result.tracks_dropped if number not in converted]
    return replace(result, tracks_added=result.tracks_added - len(own), tracks_dropped=dropped,
                   tracks_converted=sorted(converted))  # fmt: skip


@dataclass(frozen=True)
class _OwnTrack(TrackSource):
    number: int = 0


def _converted_tracks(video: str, codecs: Sequence[str], cancelled) -> list[_OwnTrack]:
    """The video's own text tracks this container cannot hold as they are (MP4 timed text into Matroska, SubRip
    into MP4...), read as cues to go in again in a codec it takes, with their language and title."""
    from app.media.subtitle_tracks import subtitle_tracks
    from app.session.subtitle_files import read_track

    kept = []
    for track in subtitle_tracks(video):
        codec = _SAME_CODEC.get(track.codec or "", track.codec or "")
        if not track.is_text or codec in codecs:
            continue
        result = read_track(video, track.number, cancelled=cancelled)
        if not any(cue.text.strip() for cue in result.cues):
            continue
        title = track.title or name_of(track.language)
        kept.append(_OwnTrack(f"track {track.number}", result.cues, result.format, dict(result.header or {}),
                              container_code(track.language), title, track.number))  # fmt: skip
    return kept


_SAME_CODEC = {"srt": "subrip", "ssa": "ass"}  # a decoder's name -> the codec a muxer takes


def _payload(text: str, skip: int) -> str:
    """A one-cue file's text after its first ``skip`` blocks of lines (SubRip's number and times, WebVTT's head)."""
    lines = text.rstrip("\n").split("\n")
    if skip == 1:  # WebVTT: the head, a blank line, then the cue's times line
        lines = lines[lines.index("") + 1 :] if "" in lines else lines
        lines = lines[1:] if lines and "-->" in lines[0] else lines[2:]
    else:
        lines = lines[skip:]
    return "\n".join(lines)


def _ass_events(cues: list[Cue], source: TrackSource) -> tuple[str, list[int], list[int], list[str]]:
    """The ASS script of the cues split as Matroska keeps it: the head (to the [Events] Format line) and each
    Dialogue line as "ReadOrder,Layer,Style,Name,MarginL,MarginR,MarginV,Effect,Text" with its times."""
    fmt = by_name(source.format if source.format in _ASS_FORMATS else "ass")
    if fmt.name == "ssa":  # Matroska's SSA tracks are rare; write it as ASS, which every player reads
        fmt = by_name("ass")
    header = dict(source.header or {}) if source.format == "ass" else {}
    text = fmt.format(cues, WriteOptions(header=header))
    head: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    texts: list[str] = []
    in_events = False
    for line in text.split("\n"):
        if not starts and not texts:
            if line.strip().lower() == "[events]":
                in_events = True
            if not (in_events and line.startswith("Dialogue:")):
                head.append(line)
                continue
        if not line.startswith("Dialogue:"):
            continue
        fields = line[len("Dialogue:") :].strip().split(",", 9)
        if len(fields) < 10:
            continue
        layer, start, end, *rest = fields
        starts.append(_ass_ms(start))
        ends.append(max(_ass_ms(end), starts[-1] + 1))
        texts.append(",".join([str(len(texts)), layer, *rest]))
    return "\n".join(head).rstrip("\n") + "\n", starts, ends, texts


def _ass_ms(stamp: str) -> int:
    hours, minutes, seconds = stamp.strip().split(":")
    whole, _, hundredths = seconds.partition(".")
    return ((int(hours) * 60 + int(minutes)) * 60 + int(whole)) * 1000 + int((hundredths + "00")[:2]) * 10
