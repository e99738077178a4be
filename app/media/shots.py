"""Shot changes: where the picture cuts, found by decoding the video at a low resolution.

The score is ffmpeg's ``scdet``: the mean absolute difference of a frame from the one before (``mafd``, in
percent of full scale), and the change of that difference from the frame before; a frame is a cut when the
smaller of the two passes the threshold (10, scdet's default). A hard cut is one large difference after small
ones. A fade or a cross-dissolve changes the picture a little on each of many frames: each difference is
small and close to the one before, so no frame of it scores, and fades are not cuts.

Every frame is decoded (a cut may fall on any frame, so skipping to keyframes is not an option), with ffmpeg's
frame threads, and only the luma plane is looked at, averaged down to about 64 pixels wide. Blocking and
Qt-free, like app.media.decode_audio: ``progress(fraction)`` and ``cancelled()`` are called from the calling
thread. Results are kept in a small disk cache next to the audio cache, keyed by the file's identity.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import queue
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import av
import av.error
import numpy as np

from app.core.errors import MediaError
from app.media.cache import default_cache_dir
from app.media.decode import DecodeCancelled
from app.media.probe import check_path, media_error
from app.media.video import open_video, origin_seconds

THRESHOLD = 10.0  # scdet's default, in percent of full scale
ANALYSIS_WIDTH = 64  # luma is averaged down to about this many pixels across
# The in-loop deblocking filter is skipped: it smooths block edges, which the averaging to 64 pixels removes
# anyway, and costs a good share of an H.264 decode. bench/bench_shots.py checks that the cuts stay the ones
# ffmpeg's scdet finds on the fully decoded picture.
DECODER_OPTIONS = {"skip_loop_filter": "all"}
ROWS_PER_BLOCK = 8  # of each block's rows, about this many are read (every 3rd or 4th row at 1080p)
CHECK_EVERY = 8
QUEUE_FRAMES = 8  # decoded frames waiting to be scored (small: each is a full-size picture)
_END = object()  # frames between two progress reports / cancel checks
CACHE_VERSION = 2  # 2: the stream index was read after closing the file in 1
CACHE_ENTRIES = 300  # the shot cache keeps this many files' results, least recently used go first


@dataclass(frozen=True)
class ShotScan:
    """The cuts (start time of each new shot's first frame) and every decoded frame's time, in ms."""

    stream_index: int
    cuts_ms: tuple[int, ...]
    frame_times_ms: tuple[int, ...]
    from_cache: bool = False

    def to_dict(self) -> dict:
        return {"stream_index": self.stream_index, "cuts_ms": list(self.cuts_ms),
                "frame_times_ms": list(self.frame_times_ms)}  # fmt: skip


class SceneScorer:
    """scdet's score over a sequence of small gray frames; ``push`` returns the frame's score (0 for the first)."""

    def __init__(self) -> None:
        self._previous: np.ndarray | None = None
        self._previous_mafd = 0.0

    def push(self, gray: np.ndarray) -> float:
        frame = gray.astype(np.int16, copy=False)
        if self._previous is None or self._previous.shape != frame.shape:
            self._previous = frame
            self._previous_mafd = 0.0
            return 0.0
        mafd = float(np.abs(frame - self._previous).mean()) * 100.0 / 256.0
        diff = abs(mafd - self._previous_mafd)
        self._previous, self._previous_mafd = frame, mafd
        return min(mafd, diff)


def small_luma(frame: av.VideoFrame, width: int = ANALYSIS_WIDTH) -> np.ndarray:
    """The frame's luma averaged over square blocks to about ``width`` pixels across (uint8 or float)."""
    if frame.format.name in ("yuv420p", "yuvj420p", "yuv422p", "yuvj422p", "yuv444p", "yuvj444p", "nv12", "gray"):
        plane = frame.planes[0]
        rows = np.frombuffer(plane, dtype=np.uint8).reshape(plane.height, plane.line_size)
        luma = rows[:, : plane.width]
    else:  # 10-bit, RGB, palettes...: let swscale make 8-bit gray first
        luma = frame.reformat(format="gray").to_ndarray()
    block = max(1, luma.shape[1] // width)
    h, w = luma.shape[0] // block * block, luma.shape[1] // block * block
    if block == 1:
        return luma[:h, :w]
    step = max(1, block // ROWS_PER_BLOCK)  # rows of a block are alike: reading some of them is enough
    rows = luma[:h:step, :w]
    per_block = block // step
    h = rows.shape[0] // per_block * per_block
    # sum the rows of each block first, then the columns of the much smaller result
    summed = rows[:h].reshape(h // per_block, per_block, w).sum(axis=1, dtype=np.uint32)
    return summed.reshape(h // per_block, w // block, block).sum(axis=2) / (per_block * block)


def detect_shots(
    path: str | os.PathLike[str],
    *,
    stream_index: int | None = None,
    threshold: float = THRESHOLD,
    progress: Callable[[float], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    use_cache: bool = True,
    cache_dir: str | os.PathLike[str] | None = None,
) -> ShotScan:
    """Decode the video stream of ``path`` and return its cuts. MediaError when it has no decodable video;
    DecodeCancelled once ``cancelled()`` returns True."""
    source = check_path(path)
    store = ShotCache(cache_dir) if use_cache else None
    key = store.key(source, stream_index, threshold) if store is not None else None
    if store is not None and key is not None:
        hit = store.load(key)
        if hit is not None:
            if progress is not None:
                progress(1.0)
            return hit
    scan = _scan(source, stream_index, threshold, progress, cancelled)
    if store is not None and key is not None:
        store.store(key, scan)
    return scan


def _scan(source, stream_index, threshold, progress, cancelled) -> ShotScan:
    """Decoding runs in a thread of its own (ffmpeg's C code, without the GIL) while this thread scores the
    frames (numpy, mostly without the GIL too), so the two overlap; a bounded queue keeps memory flat."""
    container, stream = open_video(source, stream_index)
    index = stream.index  # read while the container is open: the stream's memory goes with it
    stream.thread_type = "AUTO"
    stream.codec_context.options = dict(DECODER_OPTIONS)
    tb = stream.time_base
    origin = origin_seconds(container)
    duration_s = (container.duration or 0) / 1_000_000 or float((stream.duration or 0) * (tb or 0))
    rate = float(stream.average_rate or stream.guessed_rate or 25)
    frames: queue.Queue = queue.Queue(maxsize=QUEUE_FRAMES)
    stop = threading.Event()

    def decode() -> None:
        try:
            for frame in container.decode(stream):
                while not stop.is_set():
                    try:
                        frames.put(frame, timeout=0.1)
                        break
                    except queue.Full:
                        continue
                if stop.is_set():
                    return
            frames.put(_END)
        except BaseException as exc:  # handed to the scoring thread, which raises it
            frames.put(exc)
        finally:
            container.close()

    reader = threading.Thread(target=decode, name="shot-decoder", daemon=True)
    reader.start()
    scorer = SceneScorer()
    times: list[int] = []
    cuts: list[int] = []
    last_s = -1.0
    n = 0
    try:
        while True:
            item = frames.get()
            if item is _END:
                break
            if isinstance(item, BaseException):
                if isinstance(item, av.error.FFmpegError):
                    raise media_error(source, item) from None
                raise item
            frame = item
            # a frame without a timestamp comes one nominal frame after the last one
            t = float(frame.pts * tb) - origin if frame.pts is not None and tb is not None else last_s + 1 / rate
            last_s = t
            ms = round(t * 1000)
            score = scorer.push(small_luma(frame))
            n += 1
            if times and ms <= times[-1]:
                continue  # a repeated or out-of-order timestamp: not a frame of its own on the timeline
            times.append(ms)
            if score >= threshold:
                cuts.append(ms)
            if n % CHECK_EVERY == 0:
                if cancelled is not None and cancelled():
                    raise DecodeCancelled(source)
                if progress is not None and duration_s > 0:
                    progress(min(max(t, 0.0) / duration_s, 0.999))
    finally:
        stop.set()
        reader.join(5.0)
    if not times:
        raise MediaError(f"{source}: the video stream could not be decoded (no frames)")
    if progress is not None:
        progress(1.0)
    return ShotScan(index, tuple(cuts), tuple(times))


class ShotCache:
    """Scan results on disk as small JSON files, with the audio cache (``…/qwen-subtitle-studio/audio/shots``)."""

    def __init__(self, directory: str | os.PathLike[str] | None = None) -> None:
        # inside the audio cache's folder (which trims only its own *.qssa entries), so QSS_CACHE_DIR moves both
        self.directory = Path(directory) if directory is not None else default_cache_dir() / "shots"

    @staticmethod
    def key(source: str, stream_index: int | None, threshold: float) -> dict:
        st = os.stat(source)
        return {"path": os.path.realpath(source), "size": st.st_size, "mtime_ns": st.st_mtime_ns,
                "stream": stream_index, "threshold": threshold, "version": CACHE_VERSION}  # fmt: skip

    def entry_path(self, key: dict) -> Path:
        return self.directory / (hashlib.sha256(json.dumps(key, sort_keys=True).encode()).hexdigest()[:40] + ".json")

    def load(self, key: dict) -> ShotScan | None:
        path = self.entry_path(key)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("key") != key:
                return None
            scan = ShotScan(int(data["stream_index"]), tuple(int(t) for t in data["cuts_ms"]),
                            tuple(int(t) for t in data["frame_times_ms"]), from_cache=True)  # fmt: skip
        except (OSError, ValueError, KeyError, TypeError):
            return None
        with contextlib.suppress(OSError):
            os.utime(path)
        return scan

    def store(self, key: dict, scan: ShotScan) -> None:
        tmp = None
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".", suffix=".part", dir=self.directory)
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump({"key": key, **scan.to_dict()}, f, separators=(",", ":"))
            os.replace(tmp, self.entry_path(key))
            tmp = None
            self._trim()
        except OSError:
            pass  # costs only the cache
        finally:
            if tmp is not None:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)

    def _trim(self) -> None:
        entries = sorted(self.directory.glob("*.json"), key=lambda p: p.stat().st_mtime)
        for old in entries[: max(0, len(entries) - CACHE_ENTRIES)]:
            with contextlib.suppress(OSError):
                old.unlink()
