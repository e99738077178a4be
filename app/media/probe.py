"""What a media file holds: container, duration, streams; and the one place that opens files with PyAV.

Opening is guarded so that every failure becomes a one-line :class:`MediaError`: a missing path, a folder,
a pipe or device (which would block forever), an empty file, something ffmpeg cannot read.
"""

from __future__ import annotations

import os
import stat
import struct
from dataclasses import asdict, dataclass

import av
import av.error

from app.core.errors import MediaError
from app.core.messages import message
from app.media.duration import settle_durations

# Seconds one open or one read may take before ffmpeg gives up (a stuck network drive, a demuxer in trouble).
OPEN_TIMEOUT_S = 30.0
READ_TIMEOUT_S = 30.0
# Local files only: a playlist or reference movie must not make ffmpeg fetch URLs or other protocols.
_CONTAINER_OPTIONS = {"protocol_whitelist": "file,crypto,data"}
# Tags are text in no stated encoding: a QuickTime file from a Spanish-locale Mac names its handler
# "Gestor de contenido de vídeo Apple" in Latin-1. PyAV decodes every tag as UTF-8, strictly by default, and a
# strict decode fails the whole open; a stray byte becomes U+FFFD instead, as ffprobe shows it.
METADATA_ERRORS = "replace"


@dataclass(frozen=True)
class StreamInfo:
    """One stream of a container. ``codec`` is None when this build of ffmpeg has no decoder for it."""

    index: int
    kind: str  # "audio", "video", "subtitle", "data", "attachment"
    codec: str | None
    codec_long_name: str | None
    start_ms: int | None
    duration_ms: int | None
    language: str | None
    sample_rate: int | None = None
    channels: int | None = None
    channel_layout: str | None = None
    sample_format: str | None = None
    width: int | None = None
    height: int | None = None
    frame_rate: float | None = None
    default: bool = False  # flagged as the stream to play by default (what a player picks among several)
    attached_pic: bool = False  # a video "stream" that is only cover art (mp3, m4a, flac)
    title: str | None = None  # the track's name ("English SDH", "Commentary")


@dataclass(frozen=True)
class MediaInfo:
    """The container and its streams; times in integer milliseconds, ``start_ms`` is the container's zero."""

    path: str
    format_name: str
    format_long_name: str
    size_bytes: int
    duration_ms: int | None
    start_ms: int
    bit_rate: int | None
    streams: tuple[StreamInfo, ...]
    # True when no better figure than the header's guess was found (a raw stream too long to measure in time)
    duration_estimated: bool = False

    @property
    def audio_streams(self) -> tuple[StreamInfo, ...]:
        return tuple(s for s in self.streams if s.kind == "audio")

    def audio_stream(self, stream_index: int | None = None) -> StreamInfo:
        """The audio stream to decode: ``stream_index``, or the one a player picks; a MediaError if there is none.

        By default, as QtMultimedia's player (and ffmpeg) do, the audio stream flagged as default, else the first
        one; streams this build cannot decode are passed over while another one can be decoded. A file with a
        commentary track first and the main track flagged default thus gives the main track, the one played.
        """
        audio = self.audio_streams
        if stream_index is None:
            if not audio:
                kinds = sorted({s.kind for s in self.streams})
                if kinds == ["subtitle"]:  # ffmpeg reads SRT, ASS, WebVTT... whatever their name ends with
                    raise MediaError(message=message("media.subtitle_file", path=self.path, format=self.format_name))
                raise MediaError(message=message("media.no_audio", path=self.path, streams=", ".join(kinds) or "none"))
            usable = [s for s in audio if s.codec is not None] or list(audio)
            return next((s for s in usable if s.default), usable[0])
        for s in self.streams:
            if s.index == stream_index:
                if s.kind != "audio":
                    listed = ", ".join(str(a.index) for a in audio) or "none"
                    raise MediaError(
                        f"{self.path}: stream {stream_index} is {s.kind}, not audio (audio streams: {listed})"
                    )
                return s
        raise MediaError(f"{self.path}: no stream {stream_index} (the file has {len(self.streams)})")

    def audio_track(self, stream_index: int) -> int:
        """The ordinal of a stream among the audio streams: what a player's audio-track selector counts."""
        for ordinal, s in enumerate(self.audio_streams):
            if s.index == stream_index:
                return ordinal
        raise MediaError(f"{self.path}: stream {stream_index} is not an audio stream")

    def to_dict(self) -> dict:
        return asdict(self)


def check_path(path: str | os.PathLike[str]) -> str:
    """The path as a string if it names a regular, non-empty file; otherwise a one-line MediaError."""
    text = os.fspath(path)
    try:
        st = os.stat(text)
    except FileNotFoundError:
        raise MediaError(message=message("media.no_file", path=text)) from None
    except PermissionError:
        raise MediaError(message=message("media.permission", path=text)) from None
    except OSError as exc:
        raise MediaError(message=message("media.os_error", path=text, reason=exc.strerror or str(exc))) from None
    if stat.S_ISDIR(st.st_mode):
        raise MediaError(message=message("media.folder", path=text))
    if not stat.S_ISREG(st.st_mode):  # a pipe or a device would block the open forever
        raise MediaError(message=message("media.not_regular", path=text))
    if st.st_size == 0:
        raise MediaError(message=message("media.empty", path=text))
    return text


def open_container(path: str) -> av.container.InputContainer:
    """Open a checked path with PyAV, bounded in time; ffmpeg's failures become MediaError."""
    url = "file:" + os.path.abspath(path)  # never let a colon in the name select another protocol
    try:
        return av.open(
            url,
            "r",
            container_options=_CONTAINER_OPTIONS,
            timeout=(OPEN_TIMEOUT_S, READ_TIMEOUT_S),
            metadata_errors=METADATA_ERRORS,
        )
    except (av.error.InvalidDataError, av.error.EOFError) as exc:
        kind = sniff_container(path)
        if kind is None:
            if _looks_like_text(path):
                raise MediaError(message=message("media.text_file", path=path)) from None
            raise media_error(path, exc) from None
        raise MediaError(message=message("media.corrupt_container", path=path, kind=kind)) from None
    except av.error.FFmpegError as exc:
        raise media_error(path, exc) from None


# Magic numbers of the containers users bring: a file that starts like one but that ffmpeg cannot open is a
# damaged or unfinished media file (a recording that was stopped, a download cut short), not something else.
_MAGIC = (
    (0, b"\x1a\x45\xdf\xa3", "a Matroska/WebM file that cannot be read"),
    (0, b"OggS", "an Ogg file that cannot be read"),
    (0, b"fLaC", "a FLAC file that cannot be read"),
    (0, b"ID3", "an MP3 file with a tag but no readable audio after it"),
    (0, b"FLV", "an FLV file that cannot be read"),
    (0, b"\x30\x26\xb2\x75\x8e\x66\xcf\x11", "a WMA/ASF file that cannot be read"),
    (0, b"#!AMR", "an AMR file that cannot be read"),
    (0, b"\x00\x00\x01\xba", "an MPEG program stream that cannot be read"),
)
_MP4_BOXES = {b"ftyp", b"moov", b"mdat", b"free", b"wide", b"skip", b"pnot", b"uuid"}


def _looks_like_text(path: str) -> bool:
    try:
        with open(path, "rb") as f:
            head = f.read(4096)
    except OSError:
        return False
    if not head or b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 4:  # not just a character cut at the end of the block
            return False
    return True


def sniff_container(path: str) -> str | None:
    """What a file that ffmpeg refused looks like from its first bytes: a few words for the message, or None."""
    try:
        with open(path, "rb") as f:
            head = f.read(16)
    except OSError:
        return None
    if len(head) >= 8 and head[4:8] in _MP4_BOXES:
        return "an MP4/MOV file whose index, the 'moov' box, is missing or cut: it was cut short or never finished"
    if head[:4] == b"RIFF" and len(head) >= 12:
        form = head[8:12]
        if form == b"WAVE":
            return "a WAV file without a readable header or data"
        if form.startswith(b"AVI"):
            return "an AVI file that cannot be read"
    for offset, magic, what in _MAGIC:
        if head[offset : offset + len(magic)] == magic:
            return what
    return None


def wav_seconds(path: str) -> float | None:
    """How long a WAV (RIFF or RF64) file's audio is, from its header and size; None for other files.

    Read here, not by ffmpeg, because ffmpeg's open of a WAV reads on past the data looking for more chunks:
    over gigabytes of zeros (a sparse file, a header claiming 4 GB) that scan runs for minutes.
    The data is what the header claims or what the file holds, whichever is less.
    """
    try:
        with open(path, "rb") as f:
            head = f.read(12)
            if len(head) < 12 or head[:4] not in (b"RIFF", b"RF64") or head[8:12] != b"WAVE":
                return None
            size = os.fstat(f.fileno()).st_size
            byte_rate = 0
            long_data = None  # RF64: the data size in the ds64 chunk
            for _ in range(64):  # a handful of chunks precede the data in any real file
                chunk = f.read(8)
                if len(chunk) < 8:
                    return None
                tag, length = chunk[:4], int.from_bytes(chunk[4:], "little")
                if tag == b"data":
                    claimed = long_data if length == 0xFFFFFFFF and long_data is not None else length
                    held = size - f.tell()
                    data = min(claimed, held) if claimed else held  # 0: a recorder that never finished it
                    return data / byte_rate if byte_rate else None
                body = f.read(min(length, 64))
                if tag == b"fmt " and len(body) >= 14:
                    rate, byte_rate, block = struct.unpack_from("<IIH", body, 4)
                    byte_rate = byte_rate or rate * block
                elif tag == b"ds64" and len(body) >= 16:
                    long_data = int.from_bytes(body[8:16], "little")
                f.seek(f.tell() - len(body) + length + (length & 1))
    except OSError:
        return None
    return None


def media_error(path: str, exc: BaseException) -> MediaError:
    """Translate an ffmpeg error into the one line a user reads."""
    if isinstance(exc, MediaError):
        return exc
    if isinstance(exc, av.error.InvalidDataError):
        return MediaError(message=message("media.not_media", path=path))
    if isinstance(exc, av.error.EOFError):
        return MediaError(message=message("media.truncated", path=path))
    if isinstance(exc, av.error.DecoderNotFoundError):
        return MediaError(message=message("media.unsupported_codec", path=path))
    if isinstance(exc, av.error.ExitError):  # the interrupt callback fired: a read took too long
        return MediaError(message=message("media.timed_out", path=path))
    if isinstance(exc, av.error.PermissionError):
        return MediaError(message=message("media.permission", path=path))
    if isinstance(exc, av.error.FFmpegError):
        reason = exc.strerror or type(exc).__name__
        return MediaError(message=message("media.cannot_decode", path=path, reason=reason))
    return MediaError(f"{path}: {exc}")


def probe(path: str | os.PathLike[str]) -> MediaInfo:
    """Read the container's header: format, duration and streams. Decodes nothing.

    Where the header's duration is missing or only a guess (a WebM from a pipe, a raw MP3 stream), the audio
    stream's packets are measured instead, in bounded time (duration.py).
    """
    text = check_path(path)
    container = open_container(text)
    try:
        return settle_durations(info_from_container(text, container), container)
    finally:
        container.close()


def info_from_container(path: str, container: av.container.InputContainer) -> MediaInfo:
    start = container.start_time
    return MediaInfo(
        path=path,
        format_name=container.format.name,
        format_long_name=container.format.long_name,
        size_bytes=os.path.getsize(path),
        duration_ms=_positive(_us_to_ms(container.duration)),
        start_ms=_us_to_ms(start) or 0,
        bit_rate=container.bit_rate or None,
        streams=tuple(_stream_info(s) for s in container.streams),
    )


def _stream_info(stream: av.stream.Stream) -> StreamInfo:
    cc = stream.codec_context
    tb = stream.time_base
    disposition = stream.disposition or 0
    info = {
        "index": stream.index,
        "kind": stream.type,
        "codec": cc.name if cc is not None else None,
        "codec_long_name": cc.codec.long_name if cc is not None else None,
        "start_ms": _ticks_to_ms(stream.start_time, tb),
        "duration_ms": _positive(_ticks_to_ms(stream.duration, tb)),
        "language": stream.language if stream.language not in (None, "", "und") else None,
        "default": bool(disposition & av.stream.Disposition.default),
        "attached_pic": bool(disposition & av.stream.Disposition.attached_pic),
        "title": (stream.metadata or {}).get("title") or None,
    }
    if stream.type == "audio" and cc is not None:
        info.update(
            sample_rate=cc.sample_rate or None,
            channels=cc.channels or None,
            channel_layout=cc.layout.name if cc.layout is not None else None,
            sample_format=cc.format.name if cc.format is not None else None,
        )
    elif stream.type == "video" and cc is not None:
        rate = stream.average_rate or stream.guessed_rate
        info.update(width=cc.width or None, height=cc.height or None, frame_rate=float(rate) if rate else None)
    return StreamInfo(**info)


def _us_to_ms(value: int | None) -> int | None:
    return None if value is None else round(value / 1000)


def _positive(ms: int | None) -> int | None:
    """A duration of zero or less is none at all (a LAME tag whose padding outnumbers its frames says -12 ms)."""
    return ms if ms is not None and ms > 0 else None


def _ticks_to_ms(value: int | None, time_base) -> int | None:
    if value is None or time_base is None:
        return None
    return round(value * time_base * 1000)
