"""The picture of a media file: which stream is the video, and the real times of its frames.

Times are integer milliseconds on the same timeline as the decoded audio (app.media.decode): 0 is the
container's start (its ``start_time``), the origin QtMultimedia counts positions from. Frame times come from the
packets' presentation timestamps (a demux pass, no decoding), so a variable-frame-rate file gets its real
frames, not a rate multiplied out.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass

import av
import av.error

from app.core.errors import MediaError
from app.media.probe import MediaInfo, StreamInfo, check_path, media_error, open_container

PROGRESS_EVERY = 500  # packets between two progress reports / cancel checks


@dataclass(frozen=True)
class FrameTimes:
    """The start of every frame of one video stream, sorted, in ms from the container's start."""

    stream_index: int
    times_ms: tuple[int, ...]
    nominal_fps: float | None  # what the header states (average or guessed rate)


def picture_stream(info: MediaInfo) -> StreamInfo | None:
    """The video stream a player shows: the default-flagged one, else the first; never cover art."""
    videos = [s for s in info.streams if s.kind == "video" and not s.attached_pic]
    if not videos:
        return None
    return next((s for s in videos if s.default), videos[0])


def cover_art_stream(info: MediaInfo) -> StreamInfo | None:
    return next((s for s in info.streams if s.kind == "video" and s.attached_pic), None)


def open_video(path: str, stream_index: int | None = None) -> tuple[av.container.InputContainer, av.video.VideoStream]:
    """The container and its picture stream; a MediaError naming the file when there is none."""
    container = open_container(path)
    try:
        videos = [s for s in container.streams.video if not (s.disposition or 0) & av.stream.Disposition.attached_pic]
        if stream_index is not None:
            videos = [s for s in videos if s.index == stream_index]
        if not videos:
            raise MediaError(f"{path}: no video stream")
        default = [s for s in videos if (s.disposition or 0) & av.stream.Disposition.default]
        return container, (default or videos)[0]
    except BaseException:
        container.close()
        raise


def origin_seconds(container: av.container.InputContainer) -> float:
    """The container's zero, in seconds: the origin of every time the app shows."""
    return (container.start_time or 0) / 1_000_000


def read_frame_times(
    path: str | os.PathLike[str],
    *,
    stream_index: int | None = None,
    progress: Callable[[float], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> FrameTimes:
    """Every frame's start time, read from the packets (no decoding: seconds for an hour of video)."""
    source = check_path(path)
    container, stream = open_video(source, stream_index)
    index = stream.index  # read while the container is open: the stream's memory goes with it
    try:
        tb = stream.time_base
        origin = origin_seconds(container)
        duration_s = (container.duration or 0) / 1_000_000
        rate = stream.average_rate or stream.guessed_rate
        times: list[int] = []
        for n, packet in enumerate(container.demux(stream)):
            if packet.pts is None or packet.size == 0:
                continue
            times.append(round((float(packet.pts * tb) - origin) * 1000))
            if n % PROGRESS_EVERY == 0:
                if cancelled is not None and cancelled():
                    from app.media.decode import DecodeCancelled

                    raise DecodeCancelled(source)
                if progress is not None and duration_s > 0:
                    progress(min(times[-1] / 1000 / duration_s, 0.999))
    except av.error.FFmpegError as exc:
        raise media_error(source, exc) from None
    finally:
        container.close()
    if not times:
        raise MediaError(f"{source}: the video stream holds no frames")
    if progress is not None:
        progress(1.0)
    return FrameTimes(index, tuple(sorted(set(times))), float(rate) if rate else None)


def read_frame(
    path: str | os.PathLike[str], ms: int, *, stream_index: int | None = None, max_width: int = 1280
) -> tuple[int, object]:
    """The frame shown at ``ms`` (the last one starting at or before it), as an RGB array at most ``max_width``
    pixels wide, with its start time: the exact picture for a paused player and frame steps.

    Seeks to the keyframe before and decodes forward, so it costs at most one group of pictures.
    """
    source = check_path(path)
    container, stream = open_video(source, stream_index)
    try:
        stream.thread_type = "AUTO"
        tb = stream.time_base
        origin = origin_seconds(container)
        if tb is not None and ms > 0:
            container.seek(int((origin + ms / 1000) / tb), stream=stream, backward=True, any_frame=False)
        best, best_ms = None, 0
        for frame in container.decode(stream):
            t = round(((float(frame.pts * tb) if frame.pts is not None else 0.0) - origin) * 1000)
            if t > ms and best is not None:
                break
            best, best_ms = frame, t
        if best is None:
            raise MediaError(f"{source}: no frame at {ms} ms")
        width = min(best.width, max_width)
        height = max(2, round(best.height * width / best.width / 2) * 2)
        return best_ms, best.reformat(width=width, height=height, format="rgb24").to_ndarray()
    except av.error.FFmpegError as exc:
        raise media_error(source, exc) from None
    finally:
        container.close()
