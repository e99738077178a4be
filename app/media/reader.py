"""The reading half of decoding: demux and decode one audio stream in a thread of its own.

Why a thread: decoding (ffmpeg's C code, run without the GIL) then overlaps with resampling in the caller's
thread, and the caller stays free to notice a cancel or a reader that has gone quiet.

Two ways to read, same result:

- the fast way, an ffmpeg filter graph ``amovie -> aresample -> asetnsamples``: ffmpeg itself demuxes,
  decodes, fills timestamp gaps (and a late start) with silence and packs the codec's small frames (about
  1024 samples) into large ones, so Python is crossed once per ~0.75 s of audio, not once per packet;
- the careful way, a Python loop over packets: it skips a damaged packet where ``amovie`` gives up, copes
  with a decoder whose output differs from what the header announced, and counts what it skipped.

The fast way is tried first; at its first error the reader falls back to the careful way, telling the caller
to start over (:data:`RESTART`) if it had already handed anything over.

The reader hands the caller a bounded queue of items: an ``av.AudioFrame`` of native samples, :data:`RESTART`,
an exception to re-raise, or :data:`END`.
"""

from __future__ import annotations

import os
import queue
import threading

import av
import av.error
import av.filter

from app.core.errors import MediaError
from app.core.messages import message

CHUNK_SAMPLES = 32768  # native samples per frame handed over: ~0.75 s at 44.1 kHz, 256 kB of stereo float
QUEUE_FRAMES = 4
GAP_S = 0.1  # a timestamp jump larger than this ends a chunk early, so the resampler can fill the gap in time

# Backward timestamp jumps (spliced files, a reset clock) and forward ones longer than this are taken out by
# amovie; shorter forward jumps are real gaps, filled with silence.
DISCONTINUITY_S = 600
USE_FILTER_SOURCE = True  # tests turn the fast way off to check the careful way on every kind of file

END = object()
RESTART = object()


class AudioReader:
    """Decodes ``stream`` of ``container`` into ``self.frames`` until the end, an error, or ``stop()``.

    The reader owns the container once started and closes it when done.
    """

    def __init__(
        self,
        path: str,
        container: av.container.InputContainer,
        stream: av.audio.AudioStream,
        start_s: float = 0.0,
        *,
        continuous: bool = False,
    ) -> None:
        self.path = path
        self._start_s = start_s  # the container's start: sample 0 of the output
        # Timestamps made up by the demuxer (raw ADTS, MP3, AC-3 streams): the samples follow on, never a gap.
        self._continuous = continuous
        self.frames: queue.Queue = queue.Queue(maxsize=QUEUE_FRAMES)
        self._container = container
        self._stream = stream
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="audio-reader", daemon=True)
        self._packer: _Packer | None = None
        self._clock = _Clock(stream.time_base, continuous=continuous)
        self._decoded = 0
        self._errors = 0
        self.warnings: list[str] = []  # read them once END has come: the thread has finished by then

    def start(self) -> None:
        self._thread.start()

    def stop(self, wait_s: float = 2.0) -> None:
        """Ask the thread to end and wait a little for it.

        A read stuck inside ffmpeg may outlast the wait (the packet loop's reads time out, amovie's cannot be
        interrupted); the thread is a daemon, and the caller has moved on.
        """
        self._stop.set()
        if self._thread.is_alive() and threading.current_thread() is not self._thread:
            self._thread.join(wait_s)

    def _run(self) -> None:
        try:
            if not (USE_FILTER_SOURCE and self._decode_with_amovie()):
                self._decode_packets()
            self._put(END)
        except BaseException as exc:  # handed to the caller, who raises it in its own thread
            self._put(exc)
        finally:
            self._container.close()

    def _decode_with_amovie(self) -> bool:
        """The fast way; False (having asked the caller to start over if need be) when it could not finish."""
        stream = self._stream
        rate = stream.codec_context.sample_rate
        if not rate:
            return False
        try:
            graph = av.filter.Graph()
            source = graph.add(
                "amovie",
                filename="file:" + os.path.abspath(self.path),
                si=str(stream.index),
                discontinuity=str(DISCONTINUITY_S),
                format_opts="protocol_whitelist=file\\,crypto\\,data",
            )
            pack = graph.add("asetnsamples", nb_out_samples=str(CHUNK_SAMPLES), pad="0")
            sink = graph.add("abuffersink")
            if self._continuous:
                graph.link_nodes(source, pack, sink)
            else:
                # async=1 and first_pts: silence for a late start and for gaps; first_pts counts input samples
                fill = graph.add("aresample", **{"async": "1", "first_pts": str(round(self._start_s * rate))})
                graph.link_nodes(source, fill, pack, sink)
            graph.configure()
        except av.error.FFmpegError:
            return False
        handed_over = False
        while not self._stop.is_set():
            try:
                frame = sink.pull()
            except (av.error.EOFError, av.error.BlockingIOError):
                break
            except av.error.FFmpegError:  # damaged data, or a decoder that disagrees with the header
                if handed_over:
                    self._put(RESTART)
                return False
            self._put(frame)
            handed_over = True
        return handed_over or self._stop.is_set()

    def _decode_packets(self) -> None:
        """The careful way: demux and decode packet by packet, skipping damaged ones."""
        stream = self._stream
        codec = stream.codec_context
        ended_early: BaseException | None = None
        try:
            for packet in self._container.demux(stream):
                if self._stop.is_set():
                    return
                self._decode(codec, packet)
        except av.error.ExitError:
            raise  # a read timed out: not a damaged file but a stuck one
        except av.error.FFmpegError as exc:
            ended_early = exc  # truncated or damaged past this point: keep what came before
        if self._stop.is_set():
            return
        self._decode(codec, None)  # drain the decoder's delay
        if self._packer is not None:
            self._packer.flush(self._put)
        if not self._decoded:
            if ended_early is not None or self._errors:
                raise MediaError(message=message("media.audio_corrupt", path=self.path))
            raise MediaError(message=message("media.zero_length", path=self.path))
        if ended_early is not None:
            self.warnings.append(f"the file is damaged or cut short: reading stopped early ({ended_early.strerror})")
        if self._errors:
            self.warnings.append(f"{self._errors} damaged audio packet(s) skipped")

    def _decode(self, codec, packet) -> None:
        try:
            frames = codec.decode(packet)
        except av.error.EOFError:
            return  # the decoder has been drained already
        except av.error.FFmpegError:
            self._errors += 1  # one damaged packet: ffmpeg's own tools skip it too
            return
        for frame in frames:
            samples = frame.samples
            if not samples:
                continue
            self._decoded += samples
            gap = self._clock.place(frame)
            packer = self._packer
            if packer is None:
                packer = self._packer = _Packer(frame)
            elif gap:  # end the chunk here, so that the resampler sees the jump and fills it with silence
                packer.flush(self._put)
                packer = self._packer = _Packer(frame)
            try:
                packer.push(frame, self._put)
            except av.error.FFmpegError:  # the rate, format or layout changed mid-stream: a graph for the new one
                packer.flush(self._put)
                packer = self._packer = _Packer(frame)
                packer.push(frame, self._put)

    def _put(self, item: object) -> None:
        while not self._stop.is_set():
            try:
                self.frames.put(item, timeout=0.1)
                return
            except queue.Full:
                continue


class _Clock:
    """Keeps the frames' timestamps on one timeline: a gap stays a gap, a clock that jumps back is carried on.

    A gap (timestamps ahead of the samples so far) is real time with no audio: a paused screen recording, a
    dropped stretch; the resampler fills it with silence. A jump back (files concatenated, a transport stream's
    clock reset) would make the resampler drop everything until the clock caught up: those frames are moved
    to follow on instead, as a player plays them.
    """

    def __init__(self, time_base, *, continuous: bool = False) -> None:
        # plain floats: Fraction arithmetic per frame would cost more than the decoding
        self._tick_s = float(time_base) if time_base else 0.0
        self._continuous = continuous  # every frame follows on from the last: made-up timestamps have no gaps
        self._gap = GAP_S / self._tick_s if self._tick_s else 0.0
        self._shift = 0.0
        self._next: float | None = None

    def place(self, frame: av.AudioFrame) -> bool:
        """Set the frame's timestamp on the timeline; True when it follows a gap."""
        pts = frame.pts
        if pts is None or not self._tick_s:
            self._next = None
            return False
        at = pts + self._shift
        gap = False
        if self._next is not None:
            # made-up timestamps follow on whatever they say; real ones jumping back are carried on
            if self._continuous or at < self._next - self._gap:
                self._shift += self._next - at
                at = self._next
            elif at > self._next + self._gap:
                gap = True
        if self._shift:
            frame.pts = round(at)
        self._next = at + frame.samples / (frame.sample_rate * self._tick_s)
        return gap


class _Packer:
    """abuffer -> asetnsamples -> abuffersink at the codec's own rate, format and layout."""

    def __init__(self, first: av.AudioFrame) -> None:
        self.graph = av.filter.Graph()  # the contexts below hold it only weakly: keep it here
        self.src = self.graph.add_abuffer(
            sample_rate=first.sample_rate, format=first.format.name, layout=first.layout.name, time_base=first.time_base
        )
        pack = self.graph.add("asetnsamples", nb_out_samples=str(CHUNK_SAMPLES), pad="0")
        self.sink = self.graph.add("abuffersink")
        self.src.link_to(pack)
        pack.link_to(self.sink)
        self.graph.configure()
        self._pushed = 0

    def push(self, frame: av.AudioFrame, put) -> None:
        self.src.push(frame)
        self._pushed += frame.samples
        if self._pushed >= CHUNK_SAMPLES:
            self._pushed = self._drain(put)

    def flush(self, put) -> None:
        self.src.push(None)
        self._drain(put)

    def _drain(self, put) -> int:
        while True:
            try:
                put(self.sink.pull())
            except (av.error.BlockingIOError, av.error.EOFError):
                return 0
