"""Subtitle tracks inside video files (MKV, MP4/MOV, WebM), listed and read through PyAV.

Text tracks (SubRip, ASS/SSA, WebVTT, mov_text/tx3g) are read as their events: times, and texts as a subtitle file
of that format writes them (an ASS track as its script's head and Dialogue lines), which app.session turns into cues
with app.formats' own rules, so an ASS track keeps its styles and tags. Bitmap
tracks (PGS, VobSub, DVB) are named and refused: their text needs OCR. Times are on the same timeline as the
decoded audio (0 is the container's start).
"""

from __future__ import annotations

import operator
import os
import struct
from collections.abc import Callable
from dataclasses import dataclass
from itertools import islice

import av.error

from app.core.errors import MediaError
from app.core.timecode import clock_writer
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
_PACKETS_PER_REPORT = 4096  # how often progress is told and cancel asked


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
    """A text track's events in the order players show them, times in ms on the audio's timeline.

    ``format`` says what ``texts`` hold: "srt" (SubRip and MP4 timed text: each event's text, <i> <b> <u> markup),
    "vtt" (WebVTT cue payloads) or "ass" (``Dialogue:`` lines that hold their own times, after ``header``, the
    script's head up to its [Events] Format line). Blank SubRip and WebVTT events are left out; an event without
    a duration lasts until the next one.
    """

    track: SubtitleTrack
    format: str
    header: str
    starts: list[int]
    ends: list[int]
    texts: list[str]


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
                title=_title(stream.metadata or {}),
                default=bool(disposition & av.stream.Disposition.default),
                forced=bool(disposition & av.stream.Disposition.forced),
            )
        )
    return tracks


def _title(metadata: dict) -> str | None:
    """A track's name: Matroska's title, else MP4's handler name unless it is a muxer's own ("SubtitleHandler")."""
    handler = metadata.get("handler_name") or ""
    return metadata.get("title") or (None if not handler or handler.endswith("Handler") else handler)


def read_subtitle_track(
    path: str | os.PathLike[str],
    number: int | None = None,
    *,
    progress: Callable[[float], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> EmbeddedSubtitles:
    """Read one text track (``number`` from 1; default: the first text track). MediaError names what is wrong.

    ``progress(fraction)`` and ``cancelled()`` are called from the calling thread every few thousand packets;
    once ``cancelled()`` is True, DecodeCancelled is raised."""
    text = check_path(path)
    container = open_container(text)
    try:
        tracks = _tracks(container)
        track = _choose(text, tracks, number)
        stream = container.streams[track.stream_index]
        offset_ms = (container.start_time or 0) // 1000
        decode = _mov_texts if track.codec == "mov_text" else _decoded
        try:
            ticks, durations, texts = _packets(text, container, stream, track, decode, progress, cancelled)
        except av.error.FFmpegError as exc:
            raise media_error(text, exc) from None
        base = stream.time_base
        extradata = bytes(stream.codec_context.extradata or b"")
    finally:
        container.close()
    scale = (base.numerator * 1000, base.denominator) if base else (1, 1)
    starts, lengths = _times(ticks, scale, offset_ms), _times(durations, scale, 0)
    fmt = TEXT_CODECS[track.codec or ""]
    if fmt == "ass":
        head, lines = _ass_lines(extradata, starts, lengths, texts)
        return EmbeddedSubtitles(track, "ass", head, [], [], lines)
    starts, lengths, texts = _not_blank(starts, lengths, texts)
    return EmbeddedSubtitles(track, fmt, "", starts, _ends(starts, lengths), texts)


def _packets(
    path: str,
    container,
    stream,
    track: SubtitleTrack,
    decode: Callable[[list], tuple[list[str], int]],
    progress: Callable[[float], None] | None,
    cancelled: Callable[[], bool] | None,
) -> tuple[list[int], list[int], list[str]]:
    """Each packet's time and duration in ticks of the stream's time base, and its text. The loop does as little
    as it can (a million packets cost about 2.5 s in PyAV's own code alone); the payloads are decoded a few
    thousand at a time, so their bytes never pile up."""
    ticks: list[int] = []
    durations: list[int] = []
    texts: list[str] = []
    size = 0
    file_size = max(os.path.getsize(path), 1)
    packets = container.demux(stream)
    while batch := list(islice(packets, _PACKETS_PER_REPORT)):  # the attributes read a batch at a time, in C
        times = list(map(_PTS, batch))
        lasting = [duration or 0 for duration in map(_DURATION, batch)]
        last = batch[-1]
        if None in times:  # a packet without a time: none of it is read
            kept = [k for k, pts in enumerate(times) if pts is not None]
            times, lasting, batch = [times[k] for k in kept], [lasting[k] for k in kept], [batch[k] for k in kept]
        # an empty payload is an empty text, which the formats leave out as they leave out a blank one
        batch_texts, batch_size = decode(batch)
        size += batch_size
        if size > MAX_TRACK_BYTES:
            raise MediaError(f"{path}: subtitle track {track.number} is too large to be text")
        ticks += times
        durations += lasting
        texts += batch_texts
        if cancelled is not None and cancelled():
            from app.media.decode import DecodeCancelled

            raise DecodeCancelled(path)
        position = last.pos
        if progress is not None and position is not None and position >= 0:
            progress(min(position / file_size, 1.0))
    return ticks, durations, texts


_PTS, _DURATION = operator.attrgetter("pts"), operator.attrgetter("duration")


def _times(ticks: list[int], scale: tuple[int, int], offset_ms: int) -> list[int]:
    """Ticks in ms less the container's start. Matroska's time base is whole milliseconds: one multiplication."""
    factor, remainder = divmod(scale[0], scale[1])
    if remainder == 0:
        if factor == 1:
            return [t - offset_ms for t in ticks] if offset_ms else ticks
        return [t * factor - offset_ms for t in ticks]
    return [_ms(t, scale) - offset_ms for t in ticks]


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


def _decoded(packets: list) -> tuple[list[str], int]:
    """Each packet's payload as UTF-8 text (a damaged byte as U+FFFD), newlines as "\\n", no NUL and no BOM, and
    the payloads' bytes.

    Decoded together, joined by NULs straight from the packets' buffers, when no payload holds one: a million
    short decodes cost a second, and a million payloads copied out first another half. UTF-8 resynchronises at
    every ASCII byte, so each part decodes exactly as it would alone."""
    joined = b"\x00".join(packets)
    size = len(joined) - max(len(packets) - 1, 0)
    if packets and joined.count(0) == len(packets) - 1:
        return _clean(joined.decode("utf-8", errors="replace")).split("\x00"), size
    payloads = list(map(bytes, packets))
    return [_clean(data.decode("utf-8", errors="replace")).replace("\x00", "") for data in payloads], size


def _mov_texts(packets: list) -> tuple[list[str], int]:
    payloads = list(map(bytes, packets))
    return [_clean(_mov_text(data)) for data in payloads], sum(map(len, payloads))


def _clean(text: str) -> str:
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.replace("\ufeff", "") if "\ufeff" in text else text


def _not_blank(starts: list[int], lengths: list[int], texts: list[str]) -> tuple[list[int], list[int], list[str]]:
    """The events whose text is not blank (a blank event is a player's way to clear the screen)."""
    if "" not in texts and not any(map(str.isspace, texts)):
        return starts, lengths, texts
    kept = [i for i, text in enumerate(texts) if text and not text.isspace()]
    return [starts[i] for i in kept], [lengths[i] for i in kept], [texts[i] for i in kept]


def _ends(starts: list[int], lengths: list[int]) -> list[int]:
    """Each event's end; one without a duration lasts until the next one, the last one 2 s, as players show it."""
    if all(lengths):
        return list(map(operator.add, starts, lengths))
    ends = []
    for index, (start, length) in enumerate(zip(starts, lengths, strict=True)):
        if not length:
            following = starts[index + 1] if index + 1 < len(starts) else start + 2000
            length = max(following - start, 1)
        ends.append(start + length)
    return ends


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


def _ass_lines(extradata: bytes, starts: list[int], lengths: list[int], events: list[str]) -> tuple[str, list[str]]:
    """The head of a Matroska ASS track's script (the codec's extradata) and its events as Dialogue lines, in the
    order of the script (each event's ReadOrder)."""
    head = _clean(extradata.decode("utf-8", errors="replace")).rstrip("\n")
    if "[Events]" not in head:
        head += "\n\n[Events]\nFormat: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text"
    time = clock_writer(fraction=2)
    lines: list[tuple[int, str]] = []
    for start, length, event in zip(starts, lengths, events, strict=True):
        # Matroska keeps "ReadOrder, Layer, Style, Name, MarginL, MarginR, MarginV, Effect, Text"
        event = event.rstrip("\n")
        if event.count(",") < 8:
            continue
        order, layer, rest = event.split(",", 2)
        line = f"Dialogue: {layer},{time(start)},{time(start + length)},{rest}"
        lines.append((int(order) if order.strip().isdigit() else len(lines), line))
    lines.sort(key=lambda item: item[0])
    out = [line for _, line in lines]
    if any("\n" in line for line in out):  # a line break inside an event splits it, as in a script's text
        out = [part for line in out for part in line.split("\n")]
    return head, out
