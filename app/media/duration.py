"""How long a file really is, when its header does not say or cannot be trusted.

A header's duration is exact for most containers (MP4, Ogg, FLAC, WAV, Matroska written to a file). It is not:

- for raw streams (MP3, ADTS AAC, AC-3...: :data:`CONTINUOUS_FORMATS`): the demuxer takes it from a Xing/Info
  frame count or from the first frame's bitrate times the file size, so a truncated download of a 10-minute
  MP3 still "lasts" 10 minutes, a VBR file without a Xing frame is off by any factor, and a LAME tag whose
  padding exceeds its few frames makes the stream's duration negative;
- for Matroska/WebM written to a pipe (a browser's MediaRecorder, ``ffmpeg -f webm -``): the header has no
  duration at all, though every packet carries its timestamp.

Both are measured here without decoding: a raw stream's packets are walked from the start (demuxing costs
about 4 microseconds a packet, so an hour of MP3 takes well under a second); a timestamped file is sought to
its end and its last packets read. Both are bounded by :data:`MEASURE_BUDGET_S`; a walk that runs out of time
leaves the header's figure, flagged as an estimate.
"""

from __future__ import annotations

import time
from dataclasses import replace

import av
import av.error

from app.core.errors import MediaError

# Raw elementary streams: no container timestamps, a duration that is only an estimate.
CONTINUOUS_FORMATS = frozenset(
    {"aac", "ac3", "eac3", "dts", "mp3", "amr", "amrnb", "amrwb", "truehd", "mlp", "loas", "mpc", "mpc8"}
)
MEASURE_BUDGET_S = 3.0
# A header duration this close to the measured one is kept: it knows the encoder's delay and padding (gapless
# MP3), which packets alone do not.
AGREE_MS = (100, 0.01)  # (ms, fraction): within either
_END_US = 2**62  # "seek to the end": ffmpeg lands on the last key frame before it


def settle_durations(info, container: av.container.InputContainer, *, budget_s: float | None = None):
    """``info`` (a MediaInfo read from ``container``'s header) with measured durations where the header fails.

    Moves ``container``'s read position: call it on a container opened only to probe.
    """
    try:
        chosen = info.audio_stream()
    except MediaError:  # no audio: nothing this application needs measured
        return info
    stream = container.streams[chosen.index]
    budget_s = MEASURE_BUDGET_S if budget_s is None else budget_s
    start_ms = chosen.start_ms if chosen.start_ms is not None else info.start_ms
    if info.format_name in CONTINUOUS_FORMATS:
        end_ms, complete = _walk(container, stream, budget_s)
    elif info.duration_ms is None or chosen.duration_ms is None:
        end_ms, complete = _from_the_end(container, stream, budget_s)
    else:
        return info
    if not complete:  # out of time: the header's figure, if any, for want of a better one
        return replace(info, duration_estimated=True)
    if end_ms is None:  # no packet with a timestamp: nothing to go by
        return info
    measured = max(0, end_ms - start_ms)
    stated = chosen.duration_ms
    if stated is not None and abs(stated - measured) <= max(AGREE_MS[0], AGREE_MS[1] * measured):
        return info
    streams = tuple(replace(s, duration_ms=measured) if s.index == chosen.index else s for s in info.streams)
    total = max(0, end_ms - info.start_ms)
    bit_rate = info.bit_rate
    if info.format_name in CONTINUOUS_FORMATS:
        bit_rate = round(info.size_bytes * 8000 / measured) if measured else bit_rate  # ffmpeg's used the guess
    elif info.duration_ms is not None:
        total = max(total, info.duration_ms)  # a longer video keeps its length
    return replace(info, streams=streams, duration_ms=total, bit_rate=bit_rate)


def _walk(container, stream, budget_s: float) -> tuple[int | None, bool]:
    """The end of ``stream``'s last packet, in ms on the container's timeline, reading from the start."""
    return _scan(container, stream, time.monotonic() + budget_s)


def _from_the_end(container, stream, budget_s: float) -> tuple[int | None, bool]:
    deadline = time.monotonic() + budget_s
    try:
        container.seek(_END_US, backward=True, any_frame=False)
    except (av.error.FFmpegError, OverflowError, ValueError):
        try:  # back to the start for a plain walk
            container.seek(0, backward=True, any_frame=False)
        except (av.error.FFmpegError, ValueError):
            return None, False
    end, complete = _scan(container, stream, deadline)
    if end is None and complete:  # the seek overshot: nothing after it; walk from the start instead
        try:
            container.seek(0, backward=True, any_frame=False)
        except (av.error.FFmpegError, ValueError):
            return None, False
        end, complete = _scan(container, stream, deadline)
    return end, complete


def _scan(container, stream, deadline: float) -> tuple[int | None, bool]:
    tb = stream.time_base
    if not tb:
        return None, False
    end = None
    count = 0
    try:
        for packet in container.demux(stream):
            if packet.pts is None:
                continue
            stop = packet.pts + (packet.duration or 0)
            if end is None or stop > end:
                end = stop
            count += 1
            if not count % 1024 and time.monotonic() > deadline:
                return _ms(end, tb), False
    except av.error.FFmpegError:  # damaged or cut short past here: what came before counts
        pass
    return (_ms(end, tb) if end is not None else None), True


def _ms(ticks: int, tb) -> int:
    return round(ticks * tb * 1000)
