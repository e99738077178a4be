"""Subtitles burned into the picture: the video decoded with PyAV, each cue's overlay alpha-blended into the
frames it covers, the frames encoded again as H.264 with the libx264 encoder of PyAV's wheel, the sound copied
packet by packet (or encoded as AAC where players take its codec from no MP4: Vorbis, PCM...); written
atomically (a temporary file renamed over the output, removed on error or cancel).

This module knows no Qt and no painting: the caller gives ``overlay(key, width, height)`` (app.render.subtitles
paints it with the picture pane's painter) and each span's key; an overlay is made once a cue and blended in the
YUV planes over the rows and columns it covers, so frames without a cue cost only the decode and the encode.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass

import av
import av.error
import numpy as np

from app.core.errors import MediaError
from app.core.messages import message
from app.media.mux import through_temporary
from app.media.probe import check_path, open_container

ENCODER = "libx264"
DEFAULT_CRF = 20
# sound codecs MP4 players take as they are; any other is encoded again as AAC
MP4_SOUND = frozenset({"aac", "mp3", "ac3", "eac3", "opus", "alac", "flac"})
_CHECK_EVERY_S = 0.2  # cancel is asked and progress told this often (a 1080p frame encodes in well under 2 s)
# an overlay: (top, left, RGBA pixels with straight alpha, uint8 (h, w, 4)), or None for nothing to draw
Overlay = tuple[int, int, np.ndarray] | None
OverlayMaker = Callable[[Hashable, int, int], Overlay]


class BurnCancelled(MediaError):
    """The caller's ``cancelled()`` returned True; nothing was written."""


@dataclass(frozen=True)
class Span:
    """A cue on the video's timeline: shown from ``start`` to ``end`` (ms, 0 = the video's first frame)."""

    start: int
    end: int
    key: Hashable


@dataclass(frozen=True)
class BurnResult:
    path: str
    frames: int
    frames_drawn: int  # frames a cue was drawn on
    width: int
    height: int
    sound: bool
    sound_encoded: str = ""  # the source's sound codec when it was encoded again as AAC; "" when copied


def burn_subtitles(
    video: str | os.PathLike[str],
    spans: Sequence[Span],
    overlay: OverlayMaker,
    out: str | os.PathLike[str],
    *,
    crf: int = DEFAULT_CRF,
    preset: str = "medium",
    progress: Callable[[float], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> BurnResult:
    """Write ``out`` (MP4, H.264): ``video``'s picture with each span's overlay drawn while it shows, its first
    sound stream copied. MediaError names what is wrong (no video stream, a full disk...)."""
    source = check_path(video)
    target = os.path.abspath(os.fspath(out))
    if ENCODER not in av.codecs_available:
        raise MediaError(message=message("burn.no_encoder", encoder=ENCODER))
    if not 0 <= crf <= 51:
        raise MediaError(message=message("burn.bad_crf", crf=crf))
    if os.path.exists(target) and os.path.samefile(source, target):
        raise MediaError(message=message("mux.same_file", path=target))
    ordered = sorted(spans, key=lambda s: s.start)
    return through_temporary(
        source, target,
        lambda temporary: _burn(source, ordered, overlay, temporary, target, crf, preset, progress, cancelled),
    )  # fmt: skip


def _burn(source, spans, overlay, temporary, target, crf, preset, progress, cancelled) -> BurnResult:
    container = open_container(source)
    try:
        pictures = [s for s in container.streams.video if not (s.disposition or 0) & av.stream.Disposition.attached_pic]
        if not pictures:
            raise MediaError(message=message("burn.no_video", path=source))
        picture = pictures[0]
        picture.thread_type = "AUTO"
        sound = container.streams.audio[0] if container.streams.audio else None
        width, height = picture.codec_context.width, picture.codec_context.height
        even_w, even_h = width + (width & 1), height + (height & 1)  # yuv420p wants even sizes
        output = av.open(temporary, "w", format="mp4")
        try:
            encoder = _encoder(output, picture, even_w, even_h, crf, preset)
            recode = sound is not None and sound.codec_context.name not in MP4_SOUND
            if sound is None:
                copy = None
            elif recode:
                copy = output.add_stream("aac", rate=sound.codec_context.sample_rate or 48000)
                layout = sound.codec_context.layout
                if layout.name.endswith("channels"):  # no named order ("1 channels"): AAC wants one
                    layout = av.AudioLayout("mono" if len(layout.channels) == 1 else "stereo")
                copy.codec_context.layout = layout
                resampler = av.AudioResampler(format="fltp", layout=copy.codec_context.layout,
                                              rate=copy.codec_context.sample_rate, frame_size=1024)  # fmt: skip
            else:
                copy = output.add_stream_from_template(sound)
            start = picture.start_time if picture.start_time is not None else 0
            blender = _Blender(spans, overlay, even_w, even_h)
            duration_ms = max((container.duration or 0) // 1000, 1)
            frames = drawn = 0
            last_check = float("-inf")
            wanted = [picture] + ([sound] if sound is not None else [])
            for packet in container.demux(wanted):
                if packet.stream is not picture:
                    if recode:
                        for decoded in packet.decode():
                            decoded.pts = None  # the encoder counts samples; the sound starts with the picture
                            for piece in resampler.resample(decoded):  # AAC takes 1,024 float samples a frame
                                output.mux(copy.encode(piece))
                    elif packet.dts is not None:
                        packet.stream = copy
                        output.mux(packet)
                    continue
                for frame in packet.decode():
                    ms = int((frame.pts - start) * picture.time_base * 1000) if frame.pts is not None else 0
                    if frame.format.name != "yuv420p" or (frame.width, frame.height) != (even_w, even_h):
                        pts, base = frame.pts, frame.time_base
                        frame = frame.reformat(width=even_w, height=even_h, format="yuv420p")
                        frame.pts, frame.time_base = pts, base
                    if blender.draw(frame, ms):
                        drawn += 1
                    frame.pict_type = av.video.frame.PictureType.NONE
                    output.mux(encoder.encode(frame))
                    frames += 1
                now = time.monotonic()
                if now - last_check >= _CHECK_EVERY_S:
                    last_check = now
                    if cancelled is not None and cancelled():
                        raise BurnCancelled(message=message("burn.cancelled", path=source))
                    if progress is not None and packet.pts is not None:
                        position = (packet.pts - start) * picture.time_base * 1000
                        progress(min(max(float(position) / duration_ms, 0.0), 0.99))
            output.mux(encoder.encode(None))
            if recode:
                for piece in resampler.resample(None):
                    output.mux(copy.encode(piece))
                output.mux(copy.encode(None))
        finally:
            output.close()
        with open(temporary, "rb+") as handle:  # the data on the disk before the name points at it
            os.fsync(handle.fileno())
    finally:
        container.close()
    if frames == 0:
        raise MediaError(message=message("burn.no_frames", path=source))
    if progress is not None:
        progress(1.0)
    encoded = sound.codec_context.name if sound is not None and recode else ""
    return BurnResult(target, frames, drawn, even_w, even_h, sound is not None, encoded)


def _encoder(output, picture, width: int, height: int, crf: int, preset: str):
    rate = picture.average_rate or picture.guessed_rate or 25
    stream = output.add_stream(ENCODER, rate=rate)
    stream.width, stream.height, stream.pix_fmt = width, height, "yuv420p"
    stream.time_base = picture.time_base
    stream.codec_context.time_base = picture.time_base
    if picture.sample_aspect_ratio:
        stream.codec_context.sample_aspect_ratio = picture.sample_aspect_ratio
    stream.options = {"crf": str(crf), "preset": preset}
    stream.thread_type = "AUTO"
    return stream


class _Blender:
    """Each span's overlay made once (when its first frame comes), turned into Y, U, V and alpha planes, and
    blended into the frames it covers: out = (src * (255 - a) + overlay * a) / 255, over its box only."""

    def __init__(self, spans: Sequence[Span], overlay: OverlayMaker, width: int, height: int) -> None:
        self.spans, self.overlay, self.width, self.height = spans, overlay, width, height
        self.planes: dict[Hashable, list | None] = {}
        self.first = 0  # spans before this one ended before the last frame asked

    def draw(self, frame, ms: int) -> bool:
        while self.first < len(self.spans) and self.spans[self.first].end <= ms:
            self.planes.pop(self.spans[self.first].key, None)  # cues change rarely: forget the ones gone by
            self.first += 1
        done = False
        for span in self.spans[self.first :]:
            if span.start > ms:
                break
            if span.end <= ms:
                continue
            if span.key not in self.planes:
                self.planes[span.key] = _planes(self.overlay(span.key, self.width, self.height))
            found = self.planes[span.key]
            if found is not None:
                if not done:  # the decoder may still predict other frames from this one's pictures: draw on a copy
                    frame.make_writable()
                for plane, (top, left, value, alpha) in zip(frame.planes, found, strict=True):
                    _blend(plane, top, left, value, alpha)
                done = True
        return done


def _planes(overlay: Overlay) -> list | None:
    """An RGBA overlay as (top, left, value, alpha) for the Y, U and V planes (BT.709, limited range; the
    chroma at half size, its box on even rows and columns)."""
    if overlay is None:
        return None
    top, left, rgba = overlay
    if top & 1 or left & 1 or rgba.shape[0] & 1 or rgba.shape[1] & 1:  # widen the box onto even lines
        pad = ((top & 1, (top + rgba.shape[0]) & 1), (left & 1, (left + rgba.shape[1]) & 1), (0, 0))
        rgba = np.pad(rgba, pad)
        top, left = top - (top & 1), left - (left & 1)
    rgb = rgba[:, :, :3].astype(np.float32)
    alpha = rgba[:, :, 3].astype(np.float32)
    r, g, b = rgb[:, :, 0], rgb[:, :, 1], rgb[:, :, 2]
    y = 16 + (0.1826 * r + 0.6142 * g + 0.0620 * b)
    u = 128 + (-0.1006 * r - 0.3386 * g + 0.4392 * b)
    v = 128 + (0.4392 * r - 0.3989 * g - 0.0403 * b)
    half_alpha = _half(alpha)
    weight = np.maximum(half_alpha, 1e-6)
    u_half = _half(u * alpha) / weight  # chroma weighted by how much of each pixel is drawn
    v_half = _half(v * alpha) / weight
    return [
        (top, left, _u32(y), alpha.astype(np.uint32)),
        (top // 2, left // 2, _u32(u_half), np.rint(half_alpha).astype(np.uint32)),
        (top // 2, left // 2, _u32(v_half), np.rint(half_alpha).astype(np.uint32)),
    ]


def _half(values: np.ndarray) -> np.ndarray:
    return (values[0::2, 0::2] + values[1::2, 0::2] + values[0::2, 1::2] + values[1::2, 1::2]) / 4


def _u32(values: np.ndarray) -> np.ndarray:
    return np.clip(np.rint(values), 0, 255).astype(np.uint32)


def _blend(plane, top: int, left: int, value: np.ndarray, alpha: np.ndarray) -> None:
    pixels = np.frombuffer(plane, np.uint8).reshape(-1, plane.line_size)
    rows, columns = value.shape
    rows = min(rows, pixels.shape[0] - top)
    columns = min(columns, plane.width - left)
    if rows <= 0 or columns <= 0:
        return
    box = pixels[top : top + rows, left : left + columns]
    a = alpha[:rows, :columns]
    box[...] = (box * (255 - a) + value[:rows, :columns] * a + 127) // 255
