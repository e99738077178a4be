"""Odd files met in the wild: which track, which timeline, and what is said when a file is damaged.

Each file is generated here, small and short, so that each test fails on its own if its fix goes.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import numpy as np
import pytest

import app.media.reader as reader_module
from app.cli import run
from app.core.errors import MediaError
from app.media import SAMPLE_RATE, decode_audio, probe
from tests.media.conftest import FF, HAVE_TOOLS, ff, reference_duration_ms, sine, truncated, video, wav_bytes

pytestmark = pytest.mark.skipif(not HAVE_TOOLS, reason="ffmpeg and sox are needed to generate the test media")


@pytest.fixture(params=["fast", "careful"])
def reading(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setattr(reader_module, "USE_FILTER_SOURCE", request.param == "fast")
    return request.param


def _peak_hz(samples: np.ndarray) -> float:
    spectrum = np.abs(np.fft.rfft(samples * np.hanning(samples.size)))
    return float(np.argmax(spectrum) * SAMPLE_RATE / samples.size)


def _longest_silence_ms(samples: np.ndarray) -> float:
    quiet = np.concatenate(([0], (np.abs(samples) < 1e-4).astype(np.int8), [0]))
    edges = np.flatnonzero(np.diff(quiet))
    runs = edges[1::2] - edges[0::2]
    return float(runs.max() * 1000 / SAMPLE_RATE) if runs.size else 0.0


@pytest.fixture(scope="module")
def odd_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("odd")
    tracks = [video(2), sine(44100, 2, 300), sine(48000, 2, 1000), "-map", "0", "-map", "1", "-map", "2"]
    # the commentary comes first, the main track (1000 Hz) is the one flagged default: players play that one
    ff(*tracks, "-c:v", "mpeg4", "-c:a", "flac", "-metadata:s:a:0", "title=Commentary",
       "-disposition:a:0", "0", "-disposition:a:1", "default")(root / "commentary_first.mkv")  # fmt: skip
    ff(*tracks, "-c:v", "mpeg4", "-c:a", "flac", "-disposition:a:0", "0", "-disposition:a:1", "0")(
        root / "no_default.mkv"
    )
    # raw ADTS glued together: 44.1 kHz stereo, then 48 kHz mono; the demuxer's made-up timestamps run 9 % fast
    parts = []
    for name, rate, channels, hz in (("a.aac", 44100, 2, 440), ("b.aac", 48000, 1, 880)):
        ff(sine(rate, 2, hz), "-ac", str(channels), "-c:a", "aac", "-f", "adts")(root / name)
        parts.append((root / name).read_bytes())
    (root / "changing.aac").write_bytes(b"".join(parts))
    ff(sine(44100, 2), "-c:a", "aac")(root / "moov_last.m4a")
    truncated(ff(sine(44100, 2), "-c:a", "aac"), 0.6)(root / "moov_missing.m4a")
    ff(video(4), sine(44100, 4), "-c:v", "mpeg4", "-c:a", "flac")(root / "full.mkv")
    truncated(ff(video(4), sine(44100, 4), "-c:v", "mpeg4", "-c:a", "flac"), 0.5)(root / "cut.mkv")
    # audio 1.5 s into a video: the file's timeline, and so the cue times, count from the video's start
    ff(video(4), "-itsoffset", "1.5", *sine(44100, 2.5), "-c:v", "mpeg4", "-c:a", "flac")(root / "late.mkv")
    # an MPEG-TS whose clock is about to wrap (2^33 ticks of 90 kHz, 26.5 h): it wraps 1 s in
    ff(video(3), sine(48000, 3), "-c:v", "mpeg2video", "-c:a", "mp2", "-output_ts_offset", "95442.7")(root / "wrap.ts")
    subprocess.run([*FF, "-f", "lavfi", "-i", "testsrc=s=32x32:d=1", "-frames:v", "1", str(root / "cover.png")],
                   check=True, capture_output=True)  # fmt: skip
    ff(sine(44100, 2), "-i", str(root / "cover.png"), "-map", "0", "-map", "1", "-c:a", "libmp3lame", "-c:v", "copy",
       "-disposition:v", "attached_pic")(root / "cover.mp3")  # fmt: skip
    (root / "three_samples.wav").write_bytes(wav_bytes(1, 1, 44100, 16, b"\x00\x40" * 3))
    (root / "subtitles.mp4").write_text("1\n00:00:01,000 --> 00:00:02,000\nNot a video.\n" * 20, encoding="utf-8")
    return root


def test_the_default_flagged_track_is_decoded_as_a_player_plays_it(odd_dir: Path, reading: str) -> None:
    info = probe(odd_dir / "commentary_first.mkv")
    assert [(s.index, s.default) for s in info.audio_streams] == [(1, False), (2, True)]
    assert info.audio_stream().index == 2
    decoded = decode_audio(odd_dir / "commentary_first.mkv", use_cache=False)
    assert decoded.stream_index == 2
    assert _peak_hz(decoded.samples[:SAMPLE_RATE]) == pytest.approx(1000, abs=3)


def test_without_a_default_flag_the_first_track(odd_dir: Path) -> None:
    assert decode_audio(odd_dir / "no_default.mkv", use_cache=False).stream_index == 1


def test_cover_art_is_marked_and_the_audio_decoded(odd_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["probe", str(odd_dir / "cover.mp3"), "--json"]) == 0
    streams = json.loads(capsys.readouterr().out)["streams"]
    assert [(s["kind"], s["attached_pic"]) for s in streams] == [("audio", False), ("video", True)]
    assert decode_audio(odd_dir / "cover.mp3", use_cache=False).duration_ms == pytest.approx(2000, rel=0.02)


def test_raw_aac_changing_rate_midway_is_laid_end_to_end(odd_dir: Path, reading: str) -> None:
    """No silence made up from the demuxer's timestamps: the length is the samples', as ffmpeg decodes them."""
    path = odd_dir / "changing.aac"
    samples = decode_audio(path, use_cache=False).samples
    assert samples.size * 1000 / SAMPLE_RATE == pytest.approx(reference_duration_ms(path), rel=0.005)
    assert _longest_silence_ms(samples[SAMPLE_RATE // 2 :]) < 30  # only the second part's codec priming
    assert _peak_hz(samples[int(2.5 * SAMPLE_RATE) : int(3.5 * SAMPLE_RATE)]) == pytest.approx(880, abs=3)


def test_late_audio_is_placed_on_the_files_timeline(odd_dir: Path, reading: str) -> None:
    samples = decode_audio(odd_dir / "late.mkv", use_cache=False).samples
    sound = np.flatnonzero(np.abs(samples) > 0.01)
    assert sound[0] / SAMPLE_RATE == pytest.approx(1.5, abs=0.01)
    assert samples.size / SAMPLE_RATE == pytest.approx(4.0, abs=0.05)


def test_a_transport_stream_whose_clock_wraps_keeps_one_timeline(odd_dir: Path, reading: str) -> None:
    decoded = decode_audio(odd_dir / "wrap.ts", use_cache=False)
    assert decoded.duration_ms == pytest.approx(3000, abs=40)
    assert np.abs(decoded.samples[: SAMPLE_RATE // 10]).max() > 0.05  # counted from the file's start
    assert _longest_silence_ms(decoded.samples) < 10


def test_a_few_samples_are_too_short_not_empty(odd_dir: Path) -> None:
    with pytest.raises(MediaError, match=r"three_samples\.wav: the audio is too short to use \(0\.068 ms\)"):
        decode_audio(odd_dir / "three_samples.wav", use_cache=False)


def test_an_mp4_without_its_index_is_called_truncated(odd_dir: Path) -> None:
    for call in (probe, lambda p: decode_audio(p, use_cache=False)):
        with pytest.raises(MediaError) as caught:
            call(odd_dir / "moov_missing.m4a")
        message = str(caught.value)
        assert message.startswith(f"{odd_dir / 'moov_missing.m4a'}: the file is truncated or corrupt")
        assert "'moov'" in message and "\n" not in message


def test_subtitles_named_like_a_video(odd_dir: Path) -> None:
    with pytest.raises(MediaError, match=r"subtitles\.mp4: a subtitle file \(srt\), not audio or video"):
        decode_audio(odd_dir / "subtitles.mp4", use_cache=False)


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (b"\x1a\x45\xdf\xa3\x01\x00\x00\x00", "Matroska/WebM"),
        (b"OggS\x00\x02", "Ogg"),
        (b"RIFF\x24\x00\x00\x00WAVEfmt ", "WAV"),
        (b"ID3\x03\x00\x00\x00\x00\x00\x10", "MP3"),
    ],
)
def test_a_container_cut_inside_its_header_is_called_truncated(tmp_path: Path, head: bytes, kind: str) -> None:
    path = tmp_path / "cut.bin"
    path.write_bytes(head + b"\x00" * 20)
    with pytest.raises(MediaError, match=f"truncated or corrupt .*{kind}"):
        probe(path)


def test_audio_that_ends_early_is_decoded_with_a_warning(odd_dir: Path, reading: str) -> None:
    assert decode_audio(odd_dir / "full.mkv", use_cache=False).warnings == ()
    cut = decode_audio(odd_dir / "cut.mkv", use_cache=False)
    assert 1000 < cut.duration_ms < 3000
    assert any("may be cut short" in w and "0:00:04.0" in w for w in cut.warnings), cut.warnings


@pytest.mark.parametrize(("codec", "suffix"), [("libmp3lame", "mp3"), ("aac", "aac")])
def test_a_complete_raw_stream_that_opens_quietly_is_not_called_cut_short(
    tmp_path: Path, codec: str, suffix: str
) -> None:
    # 4 s of silence, then a tone: the duration estimated from the first frames' bitrate is far too long
    path = tmp_path / f"quiet_start.{suffix}"
    quiet = ["-f", "lavfi", "-i", "anullsrc=r=44100:cl=mono:d=4"]
    concat = ["-filter_complex", "[0][1]concat=n=2:v=0:a=1"]
    extra = ["-q:a", "4", "-write_xing", "0"] if codec == "libmp3lame" else []  # VBR, no frame count
    ff(quiet, sine(44100, 8), *concat, "-c:a", codec, *extra)(path)  # stated: 22.7 s (MP3), 2:32 (AAC)
    decoded = decode_audio(path, use_cache=False)
    assert 11900 < decoded.duration_ms < 12200
    assert decoded.warnings == ()
