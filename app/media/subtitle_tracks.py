"""Subtitle tracks inside video files (MKV, MP4/MOV, WebM), listed and read through PyAV.

Text tracks (SubRip, ASS/SSA, WebVTT, mov_text/tx3g) are read into the text of a subtitle file (SRT, ASS or
WebVTT) that app.formats then parses like any other file, so an ASS track keeps its styles and tags. Bitmap
tracks (PGS, VobSub, DVB) are named and refused: their text needs OCR. Times are on the same timeline as the
decoded audio (0 is the container's start).
"""

from __future__ import annotations

import os
import struct
from dataclasses import dataclass

import av.error

from app.core.errors import MediaError
from app.core.timecode import clock
from app.media.probe import check_path, media_error, open_container

TEXT_CODECS = {"subrip": "srt", "srt": "srt", "ass": "ass", "ssa": "ass", "webvtt": "vtt", "mov_text": "srt"}
BITMAP_CODECS = {  # by codec and by decoder name (what PyAV reports)
    "hdmv_pgs_subtitle": "PGS (Blu-ray)", "pgssub": "PGS (Blu-ray)", "dvd_subtitle": "VobSub (DVD)",
    "dvdsub": "VobSub (DVD)", "dvb_subtitle": "DVB", "dvbsub": "DVB", "xsub": "XSUB (DivX)",
    "dvb_teletext": "DVB teletext",
}  # fmt: skip
_TEXT_LABELS = {
    "subrip": "SubRip", "srt": "SubRip", "ass": "ASS/SSA", "ssa": "ASS/SSA", "webvtt": "WebVTT",
    "mov_text": "MP4 timed text",
}  # fmt: skip
MAX_TRACK_BYTES = 64 * 1024 * 1024  # no subtitle track is this big; stop rather than fill the memory


@dataclass(frozen=True)
class SubtitleTrack:
    """One subtitle stream. ``number`` counts subtitle tracks from 1 (what ``--track N`` and the picker use)."""

    number: int
    stream_index: int
    codec: str | None
    language: str | None
    title: str | None
    default: bool = False
    forced: bool = False

    @property
    def is_text(self) -> bool:
        return self.codec in TEXT_CODECS

    @property
    def label(self) -> str:
        """The track's format as users know it: "SubRip", "ASS/SSA", "PGS (Blu-ray)"..."""
        return _TEXT_LABELS.get(self.codec or "") or BITMAP_CODECS.get(self.codec or "") or (self.codec or "unknown")

    @property
    def kind(self) -> str:
        """ "text", or the bitmap format's name, or "unsupported"."""
        if self.is_text:
            return "text"
        return BITMAP_CODECS.get(self.codec or "", "unsupported")


@dataclass(frozen=True)
class EmbeddedSubtitles:
    """A text track as the text of a subtitle file: ``format`` is "srt", "ass" or "vtt"."""

    track: SubtitleTrack
    format: str
    text: str


def subtitle_tracks(path: str | os.PathLike[str]) -> list[SubtitleTrack]:
    """The subtitle tracks of a media file, in stream order (an empty list when it has none)."""
    text = check_path(path)
    container = open_container(text)
    try:
        return _tracks(container)
    finally:
        container.close()


def _tracks(container) -> list[SubtitleTrack]:
    tracks = []
    for stream in container.streams:
        if stream.type != "subtitle":
            continue
        cc = stream.codec_context
        disposition = stream.disposition or 0
        language = stream.language if stream.language not in (None, "", "und") else None
        tracks.append(
            SubtitleTrack(
                number=len(tracks) + 1,
                stream_index=stream.index,
                codec=cc.name if cc is not None else None,
                language=language,
                title=(stream.metadata or {}).get("title") or None,
                default=bool(disposition & av.stream.Disposition.default),
                forced=bool(disposition & av.stream.Disposition.forced),
            )
        )
    return tracks


def read_subtitle_track(path: str | os.PathLike[str], number: int | None = None) -> EmbeddedSubtitles:
    """Read one text track (``number`` from 1; default: the first text track). MediaError names what is wrong."""
    text = check_path(path)
    container = open_container(text)
    try:
        tracks = _tracks(container)
        track = _choose(text, tracks, number)
        stream = container.streams[track.stream_index]
        offset_ms = (container.start_time or 0) // 1000
        events: list[tuple[int, int | None, bytes]] = []
        size = 0
        scale: tuple[int, int] | None = None  # the stream's time base as integers: Fraction arithmetic per packet
        #                                       was most of the time of a long track (a million events: 20 s)
        try:
            for packet in container.demux(stream):
                pts = packet.pts
                if pts is None:
                    continue
                data = bytes(packet)
                if not data:
                    continue
                size += len(data)
                if size > MAX_TRACK_BYTES:
                    raise MediaError(f"{text}: subtitle track {track.number} is too large to be text")
                if scale is None:
                    base = packet.time_base
                    scale = (base.numerator * 1000, base.denominator)
                duration = packet.duration
                events.append((
                    _ms(pts, scale) - offset_ms,
                    _ms(duration, scale) if duration else None,
                    data,
                ))  # fmt: skip
        except av.error.FFmpegError as exc:
            raise media_error(text, exc) from None
        extradata = bytes(stream.codec_context.extradata or b"")
    finally:
        container.close()
    fmt = TEXT_CODECS[track.codec or ""]
    if fmt == "ass":
        return EmbeddedSubtitles(track, "ass", _ass_text(extradata, events))
    decode = _mov_text if track.codec == "mov_text" else _utf8
    cues = [(start, duration, decode(data)) for start, duration, data in events]
    cues = [(s, d, t) for s, d, t in cues if t.strip()]
    if fmt == "vtt":
        return EmbeddedSubtitles(track, "vtt", "WEBVTT\n\n" + _blocks(cues, _vtt_time, " --> ", numbered=False))
    return EmbeddedSubtitles(track, "srt", _blocks(cues, _srt_time, " --> ", numbered=True))


def _ms(ticks: int, scale: tuple[int, int]) -> int:
    """``ticks`` of a time base ``scale`` (numerator x 1000, denominator) in milliseconds, rounded half to even
    as ``round(Fraction)`` does."""
    quotient, remainder = divmod(ticks * scale[0], scale[1])
    twice = 2 * remainder
    if twice > scale[1] or (twice == scale[1] and quotient % 2):
        quotient += 1
    return quotient


def _choose(path: str, tracks: list[SubtitleTrack], number: int | None) -> SubtitleTrack:
    if not tracks:
        raise MediaError(f"{path}: no subtitle tracks")
    if number is not None:
        if not 1 <= number <= len(tracks):
            raise MediaError(f"{path}: no subtitle track {number} (the file has {len(tracks)})")
        track = tracks[number - 1]
    else:
        text_tracks = [t for t in tracks if t.is_text]
        track = text_tracks[0] if text_tracks else tracks[0]
    if not track.is_text:
        if track.kind == "unsupported":
            raise MediaError(f"{path}: subtitle track {track.number} ({track.codec or 'unknown codec'}) is not text")
        raise MediaError(
            f"{path}: subtitle track {track.number} is {track.kind}, pictures of text: reading them needs OCR, "
            "which this application does not do"
        )
    return track


def _utf8(data: bytes) -> str:
    return data.decode("utf-8", errors="replace").replace("\r\n", "\n").replace("\r", "\n").strip("\n")


_STYLE_TAGS = ((1, "b"), (2, "i"), (4, "u"))


def _mov_text(data: bytes) -> str:
    """A 3GPP timed-text sample: a 16-bit length, the UTF-8 text, then boxes; 'styl' gives bold/italic/underline."""
    if len(data) < 2:
        return ""
    (length,) = struct.unpack(">H", data[:2])
    raw = data[2 : 2 + length]
    text = raw.decode("utf-8", errors="replace")
    position = 2 + length
    marks: list[tuple[int, int, str]] = []
    while position + 8 <= len(data):
        size, kind = struct.unpack(">I4s", data[position : position + 8])
        if size < 8:
            break
        if kind == b"styl" and size >= 10:
            (count,) = struct.unpack(">H", data[position + 8 : position + 10])
            for record in range(count):
                at = position + 10 + record * 12
                if at + 12 > position + size:
                    break
                first, last, _font, flags = struct.unpack(">HHHB", data[at : at + 7])
                for bit, tag in _STYLE_TAGS:
                    if flags & bit and first < last:
                        marks.append((first, last, tag))
        position += size
    if not marks or len(text) != len(raw):  # offsets count bytes; apply them only where bytes are characters
        return text.replace("\r\n", "\n").strip("\n")
    inserts: dict[int, list[str]] = {}
    for first, last, tag in marks:
        inserts.setdefault(min(first, len(text)), []).append(f"<{tag}>")
        inserts.setdefault(min(last, len(text)), []).insert(0, f"</{tag}>")
    out = []
    for index in range(len(text) + 1):
        out.extend(inserts.get(index, []))
        if index < len(text):
            out.append(text[index])
    return "".join(out).replace("\r\n", "\n").strip("\n")


def _ass_text(header: bytes, events: list[tuple[int, int | None, bytes]]) -> str:
    """The ASS file of a Matroska track: its header (the codec's extradata), then each packet's event."""
    head = header.decode("utf-8", errors="replace").replace("\r\n", "\n").rstrip("\n")
    if "[Events]" not in head:
        head += "\n\n[Events]\nFormat: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text"
    lines: list[tuple[int, str]] = []
    for start, duration, data in events:
        # Matroska keeps "ReadOrder, Layer, Style, Name, MarginL, MarginR, MarginV, Effect, Text"
        fields = data.decode("utf-8", errors="replace").rstrip("\r\n").split(",", 8)
        if len(fields) < 9:
            continue
        order = int(fields[0]) if fields[0].strip().isdigit() else len(lines)
        end = start + (duration or 0)
        times = f"{_ass_time(start)},{_ass_time(end)}"
        lines.append((order, f"Dialogue: {fields[1]},{times},{','.join(fields[2:])}"))
    lines.sort(key=lambda item: item[0])
    return head + "\n" + "\n".join(line for _, line in lines) + "\n"


def _ass_time(ms: int) -> str:
    return clock(ms, fraction=2, clamp=True)


def _srt_time(ms: int) -> str:
    return clock(ms, hour_digits=2, separator=",", clamp=True)


def _vtt_time(ms: int) -> str:
    return clock(ms, hour_digits=2, clamp=True)


def _blocks(cues: list[tuple[int, int | None, str]], clock, arrow: str, numbered: bool) -> str:
    blocks = []
    for number, (start, duration, text) in enumerate(cues, start=1):
        if duration is None:  # until the next one, as players show it
            following = cues[number][0] if number < len(cues) else start + 2000
            duration = max(following - start, 1)
        head = f"{number}\n" if numbered else ""
        body = "\n".join(line for line in text.split("\n") if line.strip())
        blocks.append(f"{head}{clock(start)}{arrow}{clock(start + duration)}\n{body}")
    return "\n\n".join(blocks) + "\n"
