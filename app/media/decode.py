"""decode_audio: any file ffmpeg reads -> 16 kHz mono float32 on the file's own timeline, with its envelope.

Two threads share the work: the reader (reader.py) demuxes and decodes; the calling thread resamples,
downmixes, stores the samples into an array sized from the header's duration (grown if the header lied),
feeds the envelope, reports progress and watches for a cancel. Decoding and resampling run in ffmpeg's C code
without the GIL, so the two overlap on two cores.

The timeline: sample 0 is the container's start (``start_time``, the earliest stream's first timestamp), the
origin QtMultimedia's player and other players count positions from: a transport stream whose clock starts at
1.4 s or 100 s still plays from 0:00. Audio that starts later than that (``-itsoffset``, a video that begins
before its sound) is preceded by silence, and gaps in its timestamps are filled (``aresample=async=1``), so a
time in the samples is the same time in the video and a cue timed on the waveform shows at that time.

Raw audio streams (ADTS AAC, MP3, AC-3, DTS, AMR...: :data:`CONTINUOUS_FORMATS`) carry no timestamps of their
own; the demuxer makes them up from the first header's frame length, and they go wrong where the rate changes
midway (files glued together). There the samples are simply laid end to end, as a player plays them.
"""

from __future__ import annotations

import math
import os
import queue
import time
from collections.abc import Callable
from dataclasses import dataclass

import av
import av.error
import av.filter
import numpy as np

from app.core.errors import AppError, MediaError
from app.core.messages import message
from app.core.rules import SAMPLE_RATE
from app.core.timecode import clock
from app.media.cache import AudioCache
from app.media.duration import CONTINUOUS_FORMATS, settle_durations  # no gap in a raw stream is real
from app.media.envelope import Envelope, EnvelopeBuilder
from app.media.memory import BYTES_PER_SAMPLE, budget, needed_bytes, small_pages, too_long
from app.media.probe import check_path, info_from_container, media_error, open_container, wav_seconds
from app.media.reader import END, RESTART, AudioReader

# A file that yields no audio for this long is given up on (a reader stuck in a huge file without audio).
NO_AUDIO_TIMEOUT_S = 20.0
POLL_S = 0.1  # how often a waiting decode looks at its cancel callback
PROGRESS_STEP = 0.002
# A decode that ends this much short of the duration the file states gets a "may be cut short" warning: the
# stream's own duration is exact (MP4, Ogg); the container's may include a longer video (Matroska).
# Raw streams (CONTINUOUS_FORMATS) get none: their stated duration is only a bitrate estimate.
CUT_SHORT_STREAM = (0.02, 1000)  # (fraction, ms): both must be exceeded
CUT_SHORT_CONTAINER = (0.2, 2000)


class DecodeCancelled(AppError):
    """The caller's ``cancelled()`` returned True. Not a MediaError: nothing is wrong with the file."""

    def __init__(self, path: str = "") -> None:
        super().__init__(f"{path}: decoding cancelled" if path else "decoding cancelled")


@dataclass(frozen=True, eq=False)
class DecodedAudio:
    """The decoded audio of one stream of a file.

    ``samples`` is read-only float32 mono at ``sample_rate`` (16000); from the cache it is a memory map.
    ``stream_index`` is the container stream that was decoded.
    """

    samples: np.ndarray
    sample_rate: int
    source: str
    stream_index: int
    envelope: Envelope
    from_cache: bool = False
    warnings: tuple[str, ...] = ()  # damage that was decoded around: skipped packets, a file cut short

    @property
    def duration_ms(self) -> int:
        return round(self.samples.shape[0] * 1000 / self.sample_rate)


def decode_audio(
    path: str | os.PathLike[str],
    *,
    stream_index: int | None = None,
    progress: Callable[[float], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    use_cache: bool = True,
    cache: AudioCache | None = None,
) -> DecodedAudio:
    """Decode one audio stream of ``path`` (the first by default) to 16 kHz mono float32.

    ``progress(fraction)`` is called from the calling thread with a growing fraction in [0, 1], ending with 1.0.
    ``cancelled()`` is polled at least every ~0.1 s; once it returns True, DecodeCancelled is raised.
    ``use_cache``: look in, and store into, the disk cache (``cache``, or the default folder).
    Every failure is a MediaError with a one-line message.
    """
    source = check_path(path)
    store = (cache or AudioCache()) if use_cache else None
    key = None
    if store is not None:
        key = store.key(source, stream_index, SAMPLE_RATE)
        hit = store.load(key)
        if hit is not None:
            if progress is not None:
                progress(1.0)
            envelope = Envelope(hit.levels, hit.sample_rate, hit.samples.shape[0], samples=hit.samples)
            return DecodedAudio(
                hit.samples, hit.sample_rate, source, hit.stream_index, envelope, True, tuple(hit.warnings)
            )
    small_pages()  # the sample array is written as it grows: huge pages cost seconds in the kernel (memory.py)
    decoded = _decode(source, stream_index, progress, cancelled)
    if store is not None and key is not None:
        store.store(key, decoded.samples, decoded.envelope.levels, SAMPLE_RATE, decoded.stream_index, decoded.warnings)
    return decoded


def _decode(
    source: str,
    stream_index: int | None,
    progress: Callable[[float], None] | None,
    cancelled: Callable[[], bool] | None,
) -> DecodedAudio:
    limit, available = budget()
    # before ffmpeg opens it: a WAV header may claim days over a sparse file, and opening one scans it all
    _check_fits(source, wav_seconds(source), limit, available)
    container = open_container(source)
    try:
        info = info_from_container(source, container)
        chosen = info.audio_stream(stream_index)
        if chosen.codec is None:
            raise MediaError(message=message("media.unsupported_audio_codec", path=source, stream=chosen.index))
        stream = container.streams[chosen.index]
        start_us = container.start_time or 0
        stated_ms = _stated_ms(info.duration_ms, chosen.duration_ms, chosen.start_ms, info.start_ms)
        continuous = container.format.name in CONTINUOUS_FORMATS
        if not stated_ms and not continuous:  # a WebM from a pipe: measured from its end (duration.py)
            stated_ms = _measured_ms(source)
        if not continuous:  # a raw stream's stated duration is a bitrate guess: only its samples are checked
            _check_fits(source, stated_ms / 1000 if stated_ms else None, limit, available)
        expected = _expected_samples(stated_ms, limit)
    except BaseException:
        container.close()
        raise
    reader = AudioReader(source, container, stream, start_us / 1_000_000, continuous=continuous)
    out = _Output(expected, progress, _Bound(source, limit, available))
    decoded_s = 0.0  # of native audio handed over by the reader
    zero = round(start_us * SAMPLE_RATE / 1_000_000)  # the container's start, in output samples
    resampler: _Resampler | None = None
    reader.start()
    try:
        deadline = time.monotonic() + NO_AUDIO_TIMEOUT_S
        while True:
            if cancelled is not None and cancelled():
                raise DecodeCancelled(source)
            try:
                item = reader.frames.get(timeout=POLL_S)
            except queue.Empty:
                if time.monotonic() > deadline:
                    raise MediaError(f"{source}: no audio came out of the file in {NO_AUDIO_TIMEOUT_S:g} s") from None
                continue
            if item is END:
                break
            if item is RESTART:  # the reader starts over the careful way: so do we
                out = out.restarted()
                resampler = None
                continue
            if isinstance(item, BaseException):
                raise item
            deadline = time.monotonic() + NO_AUDIO_TIMEOUT_S
            if item.sample_rate:
                decoded_s += item.samples / item.sample_rate
            if resampler is None or not resampler.accepts(item):
                if resampler is not None:
                    resampler.flush(out)
                resampler = _Resampler(item, zero + out.count, continuous=continuous)
            resampler.push(item, out)
        if resampler is not None:
            resampler.flush(out)
    except (MediaError, DecodeCancelled):
        raise
    except av.error.FFmpegError as exc:
        raise media_error(source, exc) from None
    finally:
        reader.stop()
    samples = out.finish()
    if not samples.size:
        if decoded_s > 0:  # a few samples: fewer than the resampler's filter needs to give any out
            raise MediaError(message=message("media.too_short", path=source, ms=f"{decoded_s * 1000:.2g}"))
        raise MediaError(message=message("media.zero_length", path=source))
    envelope = out.envelope.finish(samples)
    warnings = list(reader.warnings)
    # a raw stream states no duration: the demuxer's is the first frames' bitrate times the file size, which a
    # VBR MP3 without a Xing header or an ADTS file that opens quietly overstates many times over
    cut = None if continuous else _cut_short(samples.shape[0], info, chosen)
    if cut:
        warnings.append(cut)
    if progress is not None:
        progress(1.0)
    return DecodedAudio(samples, SAMPLE_RATE, source, chosen.index, envelope, warnings=tuple(warnings))


def _cut_short(n_samples: int, info, chosen) -> str | None:
    """A warning when the audio ends well before the duration the file states (a download or copy cut short)."""
    got_ms = n_samples * 1000 // SAMPLE_RATE
    if chosen.duration_ms:
        stated = (chosen.start_ms if chosen.start_ms is not None else info.start_ms) - info.start_ms
        stated += chosen.duration_ms
        fraction, margin = CUT_SHORT_STREAM
    elif info.duration_ms:
        stated, (fraction, margin) = info.duration_ms, CUT_SHORT_CONTAINER
    else:
        return None
    if stated - got_ms > max(margin, fraction * stated):
        return f"the audio ends at {_clock(got_ms)} but the file states {_clock(stated)}: it may be cut short"
    return None


def _clock(ms: int) -> str:
    return clock(int(ms))


def _stated_ms(container_ms: int | None, stream_ms: int | None, stream_start_ms: int | None, start_ms: int) -> int:
    """How long the header says the audio runs on the container's timeline; 0 when it does not say."""
    candidates = [container_ms or 0]
    if stream_ms:
        candidates.append((stream_start_ms or start_ms) - start_ms + stream_ms)
    return max(candidates)


def _measured_ms(source: str) -> int:
    """The duration of a file whose header states none, found in bounded time by a probe of its own; 0 if not."""
    container = open_container(source)
    try:
        return settle_durations(info_from_container(source, container), container).duration_ms or 0
    except av.error.FFmpegError:
        return 0
    finally:
        container.close()


def _expected_samples(stated_ms: int, limit: int) -> int:
    """A first guess for the array and the progress, never more than the memory bound allows.

    The whole stated length is reserved at once (untouched pages cost nothing): growing a large array later
    copies it, which for a 5-hour file raised the peak from 4.1 to 6.3 bytes a sample.
    """
    samples = math.ceil((stated_ms or 60_000) * SAMPLE_RATE / 1000) + SAMPLE_RATE
    return max(1, min(samples, int(limit / BYTES_PER_SAMPLE)))


def _check_fits(source: str, seconds: float | None, limit: int, available: int | None) -> None:
    """Refuse, before decoding, audio whose stated length cannot be held (memory.py has the policy)."""
    if seconds is None:
        return
    n = math.ceil(seconds * SAMPLE_RATE)
    if needed_bytes(n) > limit:
        raise MediaError(too_long(source, n, available))


@dataclass(frozen=True)
class _Bound:
    """The memory bound a growing output checks: the source's name for the message, the bytes allowed."""

    source: str
    limit: int
    available: int | None


class _Output:
    """The growing sample array, the envelope fed alongside, the progress callback throttled."""

    def __init__(self, expected: int, progress: Callable[[float], None] | None, bound: _Bound) -> None:
        self.expected = max(expected, 1)
        self.bound = bound
        self.max_samples = max(1, int(bound.limit / BYTES_PER_SAMPLE))
        self.data = np.empty(self.expected, dtype=np.float32)  # untouched pages cost no memory
        self.count = 0
        self.envelope = EnvelopeBuilder(SAMPLE_RATE, self.expected)
        self._progress = progress
        self._reported = -1.0

    def write(self, frame: av.AudioFrame) -> None:
        n = frame.samples
        if not n:
            return
        chunk = np.frombuffer(frame.planes[0], dtype=np.float32, count=n)
        end = self.count + n
        if end > self.data.shape[0]:  # the header promised less: grow (realloc, in place where it can)
            if end > self.max_samples:  # more than the header said, and more than memory allows
                bound = self.bound
                raise MediaError(too_long(bound.source, end, bound.available, at_least=True))
            self.data.resize(min(max(end, int(self.data.shape[0] * 1.5)), self.max_samples), refcheck=False)
        self.data[self.count : end] = chunk
        self.count = end
        self.envelope.add(chunk)
        if self._progress is not None:
            fraction = min(self.count / self.expected, 0.999)
            if fraction - self._reported >= PROGRESS_STEP:
                self._reported = fraction
                self._progress(fraction)

    def restarted(self) -> _Output:
        """An empty output for a fresh start; the progress already reported is not taken back."""
        fresh = _Output(self.expected, self._progress, self.bound)
        fresh._reported = self._reported
        self.data = np.empty(0, dtype=np.float32)
        return fresh

    def finish(self) -> np.ndarray:
        data = self.data
        if data.shape[0] != self.count:
            data.resize(self.count, refcheck=False)  # give back what the header over-promised
        self.data = np.empty(0, dtype=np.float32)
        data.flags.writeable = False
        return data


class _Resampler:
    """abuffer -> aresample (16 kHz, timestamps honoured) -> aformat (mono float) -> abuffersink."""

    def __init__(self, first: av.AudioFrame, next_out: int, *, continuous: bool = False) -> None:
        """``next_out``: where on the timeline, in output samples, the first sample out of this graph belongs.

        ``continuous``: the timestamps mean nothing (a raw stream), so none are honoured: samples follow on.
        """
        self.rate = first.sample_rate
        self.format = first.format.name
        self.layout = first.layout.name
        self.graph = av.filter.Graph()  # filter contexts hold their graph only weakly: keep it here
        self.src = self.graph.add_abuffer(
            sample_rate=self.rate, format=self.format, layout=self.layout, time_base=first.time_base
        )
        # async=1: pad or trim where the timestamps jump (beyond 0.1 s); first_pts: pad a late start with silence.
        # swresample counts first_pts in samples of the *input* rate.
        first_pts = round(next_out * self.rate / SAMPLE_RATE)
        options = {"osr": str(SAMPLE_RATE)}
        if not continuous:
            options.update({"async": "1", "first_pts": str(first_pts)})
        resample = self.graph.add("aresample", **options)
        mono = self.graph.add("aformat", sample_fmts="flt", channel_layouts="mono", sample_rates=str(SAMPLE_RATE))
        self.sink = self.graph.add("abuffersink")
        self.src.link_to(resample)
        resample.link_to(mono)
        mono.link_to(self.sink)
        self.graph.configure()

    def accepts(self, frame: av.AudioFrame) -> bool:
        return frame.sample_rate == self.rate and frame.format.name == self.format and frame.layout.name == self.layout

    def push(self, frame: av.AudioFrame, out: _Output) -> None:
        self.src.push(frame)
        self._drain(out)

    def flush(self, out: _Output) -> None:
        self.src.push(None)
        self._drain(out)

    def _drain(self, out: _Output) -> None:
        while True:
            try:
                frame = self.sink.pull()
            except (av.error.BlockingIOError, av.error.EOFError):
                return
            out.write(frame)
