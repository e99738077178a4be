"""Subtitle tracks muxed into a video: every stream of the video copied packet by packet (no re-encoding), new
text tracks added, the video's own subtitle tracks kept or left out; written atomically.

The tracks come as events already in the codec the container takes (app.session.mux makes them from cues with
app.formats): SubRip or ASS in Matroska, WebVTT in WebM (and Matroska), MP4 timed text (mov_text) in MP4/MOV.
Times are in ms on the timeline the readers use (0 is the source container's start, as app.media.subtitle_tracks
reads tracks back).
"""

from __future__ import annotations

import errno
import os
import shutil
import struct
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import TypeVar

import av
import av.error

from app.core.errors import MediaError
from app.core.messages import message
from app.media.probe import check_path, media_error, open_container

_T = TypeVar("_T")

# container by the output's extension: (ffmpeg muxer, the subtitle codecs it takes, best first)
CONTAINERS: dict[str, tuple[str, tuple[str, ...]]] = {
    ".mkv": ("matroska", ("ass", "subrip", "webvtt")),
    ".mka": ("matroska", ("ass", "subrip", "webvtt")),
    ".mp4": ("mp4", ("mov_text",)),
    ".m4v": ("mp4", ("mov_text",)),
    ".mov": ("mov", ("mov_text",)),
    ".webm": ("webm", ("webvtt",)),
}
_CHECK_EVERY_S = 0.2  # cancel is asked and progress told this often (cancel lands well within 2 s)
_MS = Fraction(1, 1000)
# the smallest ASS script head the text encoders accept (their parameters are made from it; packets are ours)
DEFAULT_ASS_HEAD = (
    "[Script Info]\nScriptType: v4.00+\nPlayResX: 384\nPlayResY: 288\n\n[V4+ Styles]\n"
    "Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, Bold, Italic, "
    "Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow, Alignment, MarginL, "
    "MarginR, MarginV, Encoding\n"
    "Style: Default,Arial,16,&Hffffff,&Hffffff,&H0,&H0,0,0,0,0,100,100,0,0,1,1,0,2,10,10,10,0\n\n"
    "[Events]\nFormat: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n"
)


class MuxCancelled(MediaError):
    """The caller's ``cancelled()`` returned True; nothing was written."""


@dataclass(frozen=True)
class TrackEvents:
    """One subtitle track to add. ``texts`` are packet payloads of ``codec``: SubRip and WebVTT cue text, ASS
    events as Matroska keeps them ("ReadOrder,Layer,Style,Name,MarginL,MarginR,MarginV,Effect,Text"), plain
    text for mov_text. ``header``: the ASS script's head (its [Events] Format line last). ``language``: an
    ISO 639-2 code ("" when unknown)."""

    codec: str
    starts: Sequence[int]
    ends: Sequence[int]
    texts: Sequence[str]
    language: str = ""
    title: str = ""
    default: bool = False
    header: str = ""


@dataclass(frozen=True)
class MuxResult:
    path: str
    streams_copied: int
    tracks_added: int
    tracks_dropped: list[int] = field(default_factory=list)  # the video's subtitle tracks left out (by number)
    tracks_converted: list[int] = field(default_factory=list)  # its tracks put in again in another codec


def container_of(path: str | os.PathLike[str]) -> tuple[str, tuple[str, ...]]:
    """The muxer and subtitle codecs of an output path; MediaError for an extension that is none of ours."""
    ext = os.path.splitext(os.fspath(path))[1].lower()
    if ext not in CONTAINERS:
        raise MediaError(message=message("mux.bad_container", path=os.fspath(path), ext=ext or "(none)"))
    return CONTAINERS[ext]


def mov_text_payload(text: str) -> bytes:
    """A 3GPP timed-text sample: the UTF-8 text after its 16-bit length."""
    data = text.encode("utf-8")[:65535]
    return struct.pack(">H", len(data)) + data


def mux_subtitles(
    video: str | os.PathLike[str],
    tracks: Sequence[TrackEvents],
    out: str | os.PathLike[str],
    *,
    keep_tracks: bool = True,
    progress: Callable[[float], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> MuxResult:
    """Write ``out``: ``video``'s streams copied, its subtitle tracks kept (``keep_tracks``, those the container
    can hold), then ``tracks``. Atomic: a temporary file in ``out``'s folder renamed over it at the end, removed
    on any error or cancel. MediaError names what is wrong (no video stream, a full disk...)."""
    source = check_path(video)
    target = os.path.abspath(os.fspath(out))
    muxer, codecs = container_of(target)
    for track in tracks:
        if track.codec not in codecs:
            raise MediaError(message=message("mux.codec", path=target, codec=track.codec))
    if os.path.exists(target) and os.path.samefile(source, target):
        raise MediaError(message=message("mux.same_file", path=target))
    return through_temporary(
        source, target, lambda temporary: _write(source, tracks, temporary, target, muxer, keep_tracks, progress,
                                                 cancelled)
    )  # fmt: skip


def through_temporary(source: str, target: str, write: Callable[[str], _T]) -> _T:
    """``write(temporary)`` into a temporary file beside ``target``, then renamed over it: a cancel, an error or a
    full disk leaves ``target`` as it was and no partial file (an OS or FFmpeg error becomes one MediaError line)."""
    fd, temporary = tempfile.mkstemp(prefix="." + os.path.basename(target) + ".", suffix=".part",
                                     dir=os.path.dirname(target))  # fmt: skip
    os.close(fd)
    try:
        result = write(temporary)
        os.replace(temporary, target)
    except BaseException as exc:
        remove_file(temporary)
        if isinstance(exc, (OSError, av.error.FFmpegError)) and not isinstance(exc, MediaError):
            raise write_error(source, target, exc) from None
        raise
    return result


def _write(source, tracks, temporary, target, muxer, keep_tracks, progress, cancelled) -> MuxResult:
    container = open_container(source)
    try:
        streams = list(container.streams)
        if not any(s.type == "video" and not _is_cover(s) for s in streams):
            raise MediaError(message=message("mux.no_video", path=source))
        offset_ms = (container.start_time or 0) // 1000
        duration_ms = max((container.duration or 0) // 1000, 1)
        output = av.open(temporary, "w", format=muxer)
        try:
            mapping, dropped = _copy_streams(output, streams, keep_tracks)
            added = [_add_track(output, track) for track in tracks]
            queue = _subtitle_queue(tracks, added, offset_ms)
            _remux(container, output, mapping, queue, duration_ms, offset_ms, progress, cancelled, source)
            copied = sum(1 for s in streams if s.index in mapping and s.type != "subtitle")
        finally:
            output.close()
        with open(temporary, "rb+") as handle:  # the data on the disk before the name points at it
            os.fsync(handle.fileno())
    finally:
        container.close()
    if progress is not None:
        progress(1.0)
    return MuxResult(target, copied, len(tracks), dropped)


def _is_cover(stream) -> bool:
    return bool((stream.disposition or 0) & av.stream.Disposition.attached_pic)


def _copy_streams(output, streams, keep_tracks: bool) -> tuple[dict[int, object], list[int]]:
    """Output streams copied from the input's (video, audio, and its subtitle tracks when kept and the
    container takes their codec); the subtitle tracks left out, by number."""
    mapping: dict[int, object] = {}
    dropped: list[int] = []
    number = 0
    for stream in streams:
        if stream.type == "subtitle":
            number += 1
            if not keep_tracks:
                dropped.append(number)
                continue
        elif stream.type not in ("video", "audio"):
            continue  # data and attachments: no packets a muxer could take
        try:
            copy = output.add_stream_from_template(stream)
        except ValueError:  # this container cannot hold the codec
            if stream.type != "subtitle":
                raise MediaError(
                    message=message("mux.stream_codec", path=output.name, stream=stream.index,
                                    codec=stream.codec_context.name if stream.codec_context else "?")
                ) from None  # fmt: skip
            dropped.append(number)
            continue
        # the template gives the codec only: the language, title and flags are the stream's own
        copy.metadata.update({k: v for k, v in (stream.metadata or {}).items() if k.upper() != "DURATION"})
        copy.disposition = stream.disposition
        mapping[stream.index] = copy
    return mapping, dropped


def _add_track(output, track: TrackEvents):
    stream = output.add_stream(track.codec)
    stream.time_base = _MS
    stream.codec_context.time_base = _MS
    stream.codec_context.subtitle_header = (track.header or DEFAULT_ASS_HEAD).encode("utf-8")
    if track.language:
        stream.metadata["language"] = track.language
    if track.title:
        stream.metadata["title"] = track.title
        if output.format.name in ("mp4", "mov"):
            stream.metadata["handler_name"] = track.title  # what MP4 keeps of a track's name
    stream.disposition = av.stream.Disposition.default if track.default else av.stream.Disposition(0)
    return stream


def _subtitle_queue(tracks: Sequence[TrackEvents], streams: list, offset_ms: int) -> list[tuple[int, int, int, str]]:
    """Every new event as (start on the source's clock, duration, track, payload), in time order."""
    queue = []
    for index, track in enumerate(tracks):
        for start, end, text in zip(track.starts, track.ends, track.texts, strict=True):
            queue.append((start + offset_ms, max(end - start, 1), index, text))
    queue.sort(key=lambda event: (event[0], event[2]))
    return queue


def _remux(container, output, mapping, queue, duration_ms, offset_ms, progress, cancelled, source) -> None:
    """Copy packets in the input's order; each new event goes in before the first packet at or after its start,
    so the muxer's interleaving never holds an hour of events. The loop is PyAV's demux and mux and a few integer
    operations (a Fraction a packet cost as much as the muxing itself)."""
    streams = list(output.streams)
    added = streams[len(mapping) :]
    codecs = [stream.codec_context.name for stream in added]
    # ms = ticks * numerator * 1000 / denominator, by each input stream's time base
    scales = {index: _scale(container.streams[index].time_base) for index in mapping}
    position, count = 0, len(queue)
    next_ms = queue[0][0] if queue else None
    last_check = float("-inf")  # asked at the first packet, then every _CHECK_EVERY_S
    wanted = [container.streams[index] for index in mapping]
    mux, clock = output.mux, time.monotonic
    for packet in container.demux(wanted):
        moment = packet.dts
        if moment is None:
            moment = packet.pts
            if moment is None:  # a flush packet at the end of a stream
                continue
        index = packet.stream_index
        if next_ms is not None:
            factor, divisor = scales[index]
            if moment * factor >= next_ms * divisor:
                ms = moment * factor // divisor
                while position < count and queue[position][0] <= ms:
                    _mux_event(output, added, codecs, queue[position])
                    position += 1
                next_ms = queue[position][0] if position < count else None
        packet.stream = mapping[index]
        mux(packet)
        now = clock()
        if now - last_check >= _CHECK_EVERY_S:
            last_check = now
            if cancelled is not None and cancelled():
                raise MuxCancelled(message=message("mux.cancelled", path=source))
            if progress is not None:
                factor, divisor = scales[index]
                progress(min(max((moment * factor // divisor - offset_ms) / duration_ms, 0.0), 0.99))
    for event in queue[position:]:
        _mux_event(output, added, codecs, event)


def _scale(time_base) -> tuple[int, int]:
    if not time_base:
        return 0, 1
    return time_base.numerator * 1000, time_base.denominator


def _mux_event(output, added: list, codecs: list[str], event: tuple[int, int, int, str]) -> None:
    start, duration, index, text = event
    data = mov_text_payload(text) if codecs[index] == "mov_text" else text.encode("utf-8")
    packet = av.Packet(data)
    packet.pts = packet.dts = start
    packet.duration = duration
    packet.time_base = _MS
    packet.stream = added[index]
    output.mux(packet)


_NO_ROOM = (errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC))


def write_error(source: str, target: str, exc: BaseException) -> MediaError:
    number = getattr(exc, "errno", None)
    if number in _NO_ROOM or number in tuple(-n for n in _NO_ROOM):
        try:
            free = shutil.disk_usage(os.path.dirname(target)).free // (1024 * 1024)
        except OSError:
            free = 0
        return MediaError(message=message("mux.no_room", path=target, free=free))
    if isinstance(exc, av.error.FFmpegError):
        return media_error(target, exc)
    return MediaError(message=message("media.os_error", path=target, reason=getattr(exc, "strerror", "") or str(exc)))


def remove_file(path: str) -> None:
    try:
        os.remove(path)
    except OSError:
        pass
