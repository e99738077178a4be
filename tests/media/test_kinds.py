"""Every kind of file users bring decodes to the right duration (within 1 %), or fails with its one-line error."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import app.media.reader as reader_module
from app.core.errors import MediaError
from app.media import SAMPLE_RATE, decode_audio, probe
from tests.media.conftest import CASES, REFERENCE, Case, reference_duration_ms

DECODABLE = [c for c in CASES if c.error is None]
BROKEN = [c for c in CASES if c.error is not None]


@pytest.fixture(params=["fast", "careful"])
def reading(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Each file both ways: through ffmpeg's amovie (falling back where it gives up), and packet by packet."""
    monkeypatch.setattr(reader_module, "USE_FILTER_SOURCE", request.param == "fast")
    return request.param


@pytest.mark.parametrize("case", DECODABLE, ids=lambda c: c.name)
def test_decodes_to_the_expected_duration(media_dir: Path, case: Case, reading: str) -> None:
    path = media_dir / case.filename
    expected = reference_duration_ms(path) if case.duration_ms == REFERENCE else case.duration_ms
    decoded = decode_audio(path, use_cache=False)
    assert decoded.sample_rate == SAMPLE_RATE
    assert decoded.samples.dtype == np.float32 and decoded.samples.ndim == 1
    assert not decoded.samples.flags.writeable
    assert decoded.duration_ms == pytest.approx(expected, rel=0.01)
    assert decoded.duration_ms == round(decoded.samples.size * 1000 / SAMPLE_RATE)
    assert np.isfinite(decoded.samples).all()
    loud = np.abs(decoded.samples).max()
    assert 0.05 < loud < 1.5  # the sine is there, downmixed without blowing up


@pytest.mark.parametrize("case", BROKEN, ids=lambda c: c.name)
def test_fails_with_one_line(media_dir: Path, case: Case, reading: str) -> None:
    path = media_dir / case.filename
    with pytest.raises(MediaError) as caught:
        decode_audio(path, use_cache=False)
    message = str(caught.value)
    assert case.error in message
    assert "\n" not in message and message.startswith(str(path))


@pytest.mark.parametrize("case", [c for c in DECODABLE if c.channels or c.rate], ids=lambda c: c.name)
def test_probe_reports_rate_and_channels(media_dir: Path, case: Case) -> None:
    stream = probe(media_dir / case.filename).audio_streams[0]
    if case.channels:
        assert stream.channels == case.channels
    if case.rate:
        assert stream.sample_rate == case.rate
    assert stream.codec


@pytest.mark.parametrize("name", ["mp4_late_audio", "ts_late_audio", "mkv_late_audio"])
def test_late_audio_keeps_the_video_timeline(media_dir: Path, name: str, reading: str) -> None:
    from tests.media.conftest import CASE_BY_NAME

    samples = decode_audio(media_dir / CASE_BY_NAME[name].filename, use_cache=False).samples
    second = SAMPLE_RATE
    assert np.abs(samples[: int(1.4 * second)]).max() < 1e-3  # silence until the audio starts, 1.5 s in
    assert np.abs(samples[int(1.6 * second) : int(2.0 * second)]).max() > 0.05


def test_mpeg_ts_counts_from_its_own_start(media_dir: Path, reading: str) -> None:
    """A transport stream's clock starts near 1.4 s; the samples count from there, as a player does."""
    info = probe(media_dir / "a.ts")
    assert info.start_ms > 0
    samples = decode_audio(media_dir / "a.ts", use_cache=False).samples
    assert np.abs(samples[: SAMPLE_RATE // 10]).max() > 0.05  # no silence inserted for the clock's offset


def test_header_that_lies_is_overruled_by_the_data(media_dir: Path, reading: str) -> None:
    for name, claimed in (("liar_short.flac", 5000), ("liar_long.flac", 20000)):
        assert probe(media_dir / name).duration_ms == pytest.approx(claimed, rel=0.01)
        assert decode_audio(media_dir / name, use_cache=False).duration_ms == pytest.approx(10000, rel=0.01)


def test_frequency_survives_resampling(media_dir: Path, reading: str) -> None:
    for name in ("f32.wav", "a.mp3", "51.flac", "a.opus", "u8.wav"):
        samples = decode_audio(media_dir / name, use_cache=False).samples[SAMPLE_RATE : 3 * SAMPLE_RATE]
        spectrum = np.abs(np.fft.rfft(samples * np.hanning(samples.size)))
        peak_hz = np.argmax(spectrum) * SAMPLE_RATE / samples.size
        assert peak_hz == pytest.approx(440, abs=2), name


@pytest.mark.parametrize("name", ["changing.mp3", "reset.ts"])
def test_both_halves_of_a_spliced_file_are_kept_in_order(media_dir: Path, name: str, reading: str) -> None:
    """A change of rate and channels midway, or a clock that starts over: the second half follows the first."""
    samples = decode_audio(media_dir / name, use_cache=False).samples
    for start_s, hz in ((1, 440), (6, 880)):
        part = samples[start_s * SAMPLE_RATE : (start_s + 2) * SAMPLE_RATE]
        assert np.argmax(np.abs(np.fft.rfft(part))) * SAMPLE_RATE / part.size == pytest.approx(hz, abs=2)


def test_a_gap_in_the_timestamps_is_silence(media_dir: Path, reading: str) -> None:
    samples = decode_audio(media_dir / "gap.mkv", use_cache=False).samples
    second = SAMPLE_RATE
    assert np.abs(samples[int(2.8 * second) : 3 * second]).max() > 0.05
    assert np.abs(samples[int(3.1 * second) : int(4.9 * second)]).max() < 1e-3
    assert np.abs(samples[int(5.1 * second) : int(5.5 * second)]).max() > 0.05


def test_damage_decoded_around_is_reported(media_dir: Path, cache_dir: Path) -> None:
    assert decode_audio(media_dir / "a.mp3").warnings == ()
    damaged = decode_audio(media_dir / "garbage.mp3")
    assert damaged.warnings and all("\n" not in w for w in damaged.warnings)
    again = decode_audio(media_dir / "garbage.mp3")
    assert again.from_cache and again.warnings == damaged.warnings
