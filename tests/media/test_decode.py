"""decode_audio's contract with its callers: streams, progress, cancel, bounded waiting, errors."""

from __future__ import annotations

import os
import queue
import threading
from pathlib import Path

import numpy as np
import pytest

import app.media.decode as decode_module
from app.core.errors import AppError, MediaError
from app.media import SAMPLE_RATE, DecodeCancelled, decode_audio


def _reader_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "audio-reader" and t.is_alive()]


def test_first_audio_stream_by_default_another_on_request(media_dir: Path) -> None:
    first = decode_audio(media_dir / "two.mkv", use_cache=False)
    second = decode_audio(media_dir / "two.mkv", stream_index=2, use_cache=False)
    assert (first.stream_index, second.stream_index) == (1, 2)
    assert first.duration_ms == pytest.approx(2000, rel=0.01)
    assert second.duration_ms == pytest.approx(3000, rel=0.01)
    for decoded, hz in ((first, 440), (second, 880)):
        part = decoded.samples[:SAMPLE_RATE]
        peak = np.argmax(np.abs(np.fft.rfft(part))) * SAMPLE_RATE / part.size
        assert peak == pytest.approx(hz, abs=2)


@pytest.mark.parametrize(("index", "fragment"), [(0, "stream 0 is video, not audio"), (7, "no stream 7")])
def test_asking_for_a_stream_that_is_not_audio(media_dir: Path, index: int, fragment: str) -> None:
    with pytest.raises(MediaError, match=fragment):
        decode_audio(media_dir / "two.mkv", stream_index=index, use_cache=False)


def test_progress_grows_to_one(media_dir: Path) -> None:
    seen: list[float] = []
    decode_audio(media_dir / "long30.m4a", progress=seen.append, use_cache=False)
    assert len(seen) > 10
    assert seen == sorted(seen)
    assert all(0.0 <= f <= 1.0 for f in seen)
    assert seen[-1] == 1.0 and seen[-2] < 1.0


def test_cancel_raises_and_stops_the_reader(media_dir: Path) -> None:
    seen: list[float] = []
    with pytest.raises(DecodeCancelled):
        decode_audio(media_dir / "long30.m4a", progress=seen.append, cancelled=lambda: bool(seen), use_cache=False)
    assert seen and seen[-1] < 0.5
    assert not _reader_threads()


def test_cancel_before_anything_is_decoded(media_dir: Path, cache_dir: Path) -> None:
    with pytest.raises(DecodeCancelled):
        decode_audio(media_dir / "long30.m4a", cancelled=lambda: True)
    assert not list(cache_dir.glob("*.qssa"))  # nothing half-done is cached


def test_cancel_is_an_app_error_but_not_a_media_error() -> None:
    assert issubclass(DecodeCancelled, AppError)
    assert not issubclass(DecodeCancelled, MediaError)
    assert "\n" not in str(DecodeCancelled("a.mp4"))


class _SilentReader:
    """Stands in for a reader stuck in a huge file that never yields audio."""

    def __init__(self, path, container, stream, start_s=0.0, **options) -> None:
        self.frames: queue.Queue = queue.Queue()
        self._container = container

    def start(self) -> None:
        pass

    def stop(self) -> None:
        self._container.close()


def test_a_file_that_yields_no_audio_is_given_up_on(media_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(decode_module, "AudioReader", _SilentReader)
    monkeypatch.setattr(decode_module, "NO_AUDIO_TIMEOUT_S", 0.3)
    with pytest.raises(MediaError, match="no audio came out of the file"):
        decode_audio(media_dir / "a.mp4", use_cache=False)


def test_the_caller_can_cancel_while_the_reader_is_silent(media_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(decode_module, "AudioReader", _SilentReader)
    polls = []
    with pytest.raises(DecodeCancelled):
        decode_audio(media_dir / "a.mp4", cancelled=lambda: polls.append(1) or len(polls) > 3, use_cache=False)


def test_missing_path_folder_and_pipe(tmp_path: Path) -> None:
    with pytest.raises(MediaError, match="no such file"):
        decode_audio(tmp_path / "nothing.mp4")
    with pytest.raises(MediaError, match="is a folder"):
        decode_audio(tmp_path)
    if hasattr(os, "mkfifo"):
        fifo = tmp_path / "pipe.wav"
        os.mkfifo(fifo)
        with pytest.raises(MediaError, match="not a regular file"):  # opening it would block forever
            decode_audio(fifo)


def test_odd_file_names(media_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A colon must not select an ffmpeg protocol; non-ASCII names are fine."""
    monkeypatch.chdir(tmp_path)
    for name in ("concat:a.wav", "ünïcødé 音声.wav", "subfile,,0,0,,:x.wav"):
        (tmp_path / name).write_bytes((media_dir / "s16.wav").read_bytes())
        assert decode_audio(name, use_cache=False).duration_ms == pytest.approx(10000, rel=0.01)


def test_samples_match_the_ffmpeg_command_line(media_dir: Path) -> None:
    """Same libraries, same resampler defaults: the samples agree with `ffmpeg -ac 1 -ar 16000`."""
    import subprocess

    path = media_dir / "s16.wav"
    cmd = ["ffmpeg", "-nostdin", "-v", "error", "-i", str(path), "-ac", "1", "-ar", "16000", "-f", "f32le", "-"]
    reference = np.frombuffer(subprocess.run(cmd, check=True, capture_output=True).stdout, dtype=np.float32)
    ours = decode_audio(path, use_cache=False).samples
    assert ours.size == reference.size
    assert np.max(np.abs(ours - reference)) < 1e-3


def test_the_fast_way_gives_up_midway_and_the_careful_way_starts_over(media_dir: Path, monkeypatch) -> None:
    """amovie stops at the damage in the middle; the reader starts over packet by packet, skipping it."""
    import app.media.reader as reader_module

    seen: list[float] = []
    restarts = []
    original = reader_module.AudioReader._decode_packets

    def counting(self) -> None:
        restarts.append(1)
        original(self)

    monkeypatch.setattr(reader_module.AudioReader, "_decode_packets", counting)
    fast = decode_audio(media_dir / "garbage.mp3", progress=seen.append, use_cache=False)
    assert restarts == [1]
    assert seen == sorted(seen) and seen[-1] == 1.0
    monkeypatch.setattr(reader_module, "USE_FILTER_SOURCE", False)
    careful = decode_audio(media_dir / "garbage.mp3", use_cache=False)
    np.testing.assert_array_equal(fast.samples, careful.samples)
    assert fast.warnings == careful.warnings != ()


def test_the_fast_way_reads_a_clean_file_alone(media_dir: Path, monkeypatch) -> None:
    import app.media.reader as reader_module

    def refuse(self) -> None:
        raise AssertionError("the careful way was not needed")

    monkeypatch.setattr(reader_module.AudioReader, "_decode_packets", refuse)
    assert decode_audio(media_dir / "a.m4a", use_cache=False).duration_ms == pytest.approx(10000, rel=0.01)
