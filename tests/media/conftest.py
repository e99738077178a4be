"""Media files of every kind users bring, generated once per session with ffmpeg and sox.

Each case is a few seconds long; the whole set takes a few seconds to make on two cores. A case either has
an expected duration (the decode must land within 1 %) or an expected one-line error.
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

DUR = 10  # seconds of most generated media: long enough that codec framing stays well under 1 %
FF = ["ffmpeg", "-nostdin", "-hide_banner", "-v", "error", "-y"]
HAVE_TOOLS = bool(shutil.which("ffmpeg") and shutil.which("sox"))


@dataclass(frozen=True)
class Case:
    name: str
    filename: str
    make: Callable[[Path], None]
    duration_ms: int | None = None  # expected decoded duration; REFERENCE: what the ffmpeg command line decodes
    error: str | None = None  # expected fragment of the MediaError
    channels: int | None = None  # of the source audio stream, checked by probe
    rate: int | None = None


REFERENCE = -1


def reference_duration_ms(path: Path) -> int:
    """What the ffmpeg command line decodes from ``path`` to 16 kHz mono: the oracle for damaged files."""
    cmd = [*FF, "-i", str(path), "-ac", "1", "-ar", "16000", "-f", "f32le", "-"]
    out = subprocess.run(cmd, check=True, capture_output=True).stdout
    return round(len(out) / 4 / 16)


def sine(rate: int, seconds: float = DUR, freq: int = 440) -> list[str]:
    return ["-f", "lavfi", "-i", f"sine=f={freq}:r={rate}:d={seconds}"]


def late_sine(rate: int, late_s: float = 1.5) -> list[str]:
    """A sine input whose timestamps start ``late_s`` after the other inputs'."""
    return ["-itsoffset", str(late_s), *sine(rate, DUR - late_s)]


def video(seconds: float = DUR) -> list[str]:
    return ["-f", "lavfi", "-i", f"testsrc=s=64x48:r=10:d={seconds}"]


H264 = ["-c:v", "libx264", "-preset", "ultrafast"]
VP8 = ["-c:v", "libvpx", "-deadline", "realtime"]
FASTSTART = ["-movflags", "+faststart"]  # the index before the data, as phones and web video write it


def ff(*args: str | list[str]) -> Callable[[Path], None]:
    """A maker running ffmpeg with ``args``, the output path appended."""

    def make(out: Path) -> None:
        flat: list[str] = []
        for a in args:
            flat.extend(a if isinstance(a, list) else [a])
        subprocess.run([*FF, *flat, str(out)], check=True, capture_output=True)

    return make


def sox(rate: int, bits: int, channels: int, *, encoding: str | None = None) -> Callable[[Path], None]:
    def make(out: Path) -> None:
        enc = ["-e", encoding] if encoding else []
        cmd = ["sox", "-n", "-r", str(rate), "-b", str(bits), *enc, "-c", str(channels), str(out)]
        subprocess.run([*cmd, "synth", str(DUR), "sine", "440"], check=True, capture_output=True)

    return make


def truncated(source: Callable[[Path], None], keep: float) -> Callable[[Path], None]:
    def make(out: Path) -> None:
        full = out.with_name(out.name + ".full" + out.suffix)
        source(full)
        data = full.read_bytes()
        out.write_bytes(data[: int(len(data) * keep)])
        full.unlink()

    return make


def flac_claiming(factor: float) -> Callable[[Path], None]:
    """A FLAC file whose STREAMINFO states ``factor`` times the samples it holds: a header that lies."""

    def make(out: Path) -> None:
        ff(sine(44100), "-c:a", "flac")(out)
        data = bytearray(out.read_bytes())
        assert data[:4] == b"fLaC" and data[4] & 0x7F == 0  # STREAMINFO comes first
        word = int.from_bytes(data[18:26], "big")  # rate(20) channels(3) bits(5) total samples(36)
        total = word & (2**36 - 1)
        word = (word & ~(2**36 - 1)) | int(total * factor)
        data[18:26] = word.to_bytes(8, "big")
        out.write_bytes(bytes(data))

    return make


def wav_bytes(fmt_tag: int, channels: int, rate: int, bits: int, data: bytes, claimed: int | None = None) -> bytes:
    block = channels * bits // 8
    fmt = struct.pack("<HHIIHH", fmt_tag, channels, rate, rate * block, block, bits)
    size = len(data) if claimed is None else claimed
    body = b"WAVE" + b"fmt " + struct.pack("<I", len(fmt)) + fmt + b"data" + struct.pack("<I", size) + data
    return b"RIFF" + struct.pack("<I", min(len(body) + size - len(data), 0xFFFFFFFF)) + body


def raw_wav(fmt_tag: int, seconds: float, claimed_seconds: float | None = None) -> Callable[[Path], None]:
    def make(out: Path) -> None:
        rate, n = 16000, int(16000 * seconds)
        data = (b"\x00\x10\x00\xf0" * (n // 2 + 1))[: 2 * n]
        claimed = None if claimed_seconds is None else int(rate * claimed_seconds) * 2
        out.write_bytes(wav_bytes(fmt_tag, 1, rate, 16, data, claimed))

    return make


def mp3_changing_format(out: Path) -> None:
    """Two MP3s glued together: 22.05 kHz mono at 440 Hz, then 44.1 kHz stereo at 880 Hz, mid-stream."""
    first, second = out.with_name("first.mp3"), out.with_name("second.mp3")
    ff(sine(22050, DUR / 2, 440), "-c:a", "libmp3lame")(first)
    ff(sine(44100, DUR / 2, 880), "-ac", "2", "-c:a", "libmp3lame")(second)
    out.write_bytes(first.read_bytes() + second.read_bytes())
    first.unlink()
    second.unlink()


def ts_clock_reset(out: Path) -> None:
    """Two transport streams glued together: the clock starts over halfway (440 Hz, then 880 Hz)."""
    parts = [out.with_name(f"reset{hz}.ts") for hz in (440, 880)]
    for part, hz in zip(parts, (440, 880), strict=True):
        ff(video(DUR / 2), sine(48000, DUR / 2, hz), "-c:v", "mpeg2video", "-c:a", "mp2")(part)
    out.write_bytes(b"".join(p.read_bytes() for p in parts))
    for part in parts:
        part.unlink()


GAP = ["-af", "asetpts='PTS+if(gte(T,3),2/TB,0)'"]  # the timestamps jump 2 s ahead at 3 s


def write(data: bytes) -> Callable[[Path], None]:
    def make(out: Path) -> None:
        out.write_bytes(data)

    return make


def corrupted_mp3(out: Path) -> None:
    """An MP3 with a run of garbage in its middle: decoders resynchronise after it."""
    ff(sine(44100), "-c:a", "libmp3lame", "-b:a", "128k")(out)
    data = bytearray(out.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 2000] = os.urandom(2000)
    out.write_bytes(bytes(data))


MS = DUR * 1000
CASES = [
    # plain audio: every container and codec, bit depths, rates, channel counts
    Case("wav_u8_8k_mono", "u8.wav", ff(sine(8000), "-c:a", "pcm_u8"), MS, channels=1, rate=8000),
    Case("wav_s16_22k_stereo", "s16.wav", ff(sine(22050), "-ac", "2", "-c:a", "pcm_s16le"), MS, channels=2),
    Case("wav_s24_44k_mono_sox", "s24.wav", sox(44100, 24, 1), MS, channels=1, rate=44100),
    Case("wav_s32_48k_stereo_sox", "s32.wav", sox(48000, 32, 2), MS, channels=2, rate=48000),
    Case("wav_f32_96k_mono", "f32.wav", ff(sine(96000), "-c:a", "pcm_f32le"), MS, channels=1, rate=96000),
    Case("wav_f64_44k_stereo", "f64.wav", ff(sine(44100), "-ac", "2", "-c:a", "pcm_f64le"), MS, channels=2),
    Case("wav_float_sox", "float.wav", sox(22050, 32, 1, encoding="floating-point"), MS, rate=22050),
    Case("wav_s16_48k_5.1", "51.wav", ff(sine(48000), "-ac", "6", "-c:a", "pcm_s16le"), MS, channels=6),
    Case("aiff_s16_44k_stereo", "s16.aiff", ff(sine(44100), "-ac", "2"), MS, channels=2),
    Case("aiff_s24_96k_sox", "s24.aif", sox(96000, 24, 2), MS, channels=2, rate=96000),
    Case("mp3_44k_stereo", "a.mp3", ff(sine(44100), "-ac", "2", "-c:a", "libmp3lame", "-b:a", "96k"), MS),
    Case("mp3_22k_mono", "b.mp3", ff(sine(22050), "-c:a", "libmp3lame", "-b:a", "32k"), MS, channels=1),
    Case("m4a_aac_48k_stereo", "a.m4a", ff(sine(48000), "-ac", "2", "-c:a", "aac", "-b:a", "96k"), MS),
    Case("aac_adts_44k", "a.aac", ff(sine(44100), "-c:a", "aac"), MS),
    Case("m4a_aac_5.1", "51.m4a", ff(sine(48000), "-ac", "6", "-c:a", "aac"), MS, channels=6),
    Case("m4a_alac", "alac.m4a", ff(sine(44100), "-ac", "2", "-c:a", "alac"), MS),
    Case("flac_24bit_5.1", "51.flac", ff(sine(48000), "-ac", "6", "-c:a", "flac", "-sample_fmt", "s32"), MS),
    Case("flac_16bit_8k", "a.flac", ff(sine(8000), "-c:a", "flac"), MS, rate=8000),
    Case("ogg_vorbis_22k", "a.ogg", ff(sine(22050), "-c:a", "libvorbis"), MS, rate=22050),
    Case("ogg_opus_48k_stereo", "a.opus", ff(sine(48000), "-ac", "2", "-c:a", "libopus", "-b:a", "64k"), MS),
    Case("ac3_5.1", "a.ac3", ff(sine(48000), "-ac", "6", "-c:a", "ac3"), MS, channels=6),
    Case("wma", "a.wma", ff(sine(44100), "-c:a", "wmav2"), MS),
    # video containers
    Case("mp4_h264_aac", "a.mp4", ff(video(), sine(44100), H264, "-c:a", "aac"), MS),
    Case("mkv_h264_vorbis", "a.mkv", ff(video(), sine(48000), H264, "-c:a", "libvorbis"), MS),
    Case("webm_vp8_opus", "a.webm", ff(video(), sine(48000), VP8, "-c:a", "libopus"), MS),
    Case("mov_mjpeg_pcm", "a.mov", ff(video(), sine(48000), "-c:v", "mjpeg", "-c:a", "pcm_s24le"), MS),
    Case("avi_mpeg4_mp3", "a.avi", ff(video(), sine(44100), "-c:v", "mpeg4", "-c:a", "libmp3lame"), MS),
    Case("ts_mpeg2_mp2", "a.ts", ff(video(), sine(48000), "-c:v", "mpeg2video", "-c:a", "mp2"), MS),
    Case("ts_h264_aac", "b.ts", ff(video(), sine(44100), H264, "-c:a", "aac"), MS),
    # timing: audio that starts 1.5 s after the video; the samples keep the video's timeline
    Case("mp4_late_audio", "late.mp4", ff(video(), late_sine(48000), "-c:v", "mpeg4", "-c:a", "aac"), MS),
    Case("ts_late_audio", "late.ts", ff(video(), late_sine(48000), "-c:v", "mpeg2video", "-c:a", "mp2"), MS),
    Case("mkv_late_audio", "late.mkv", ff(video(), late_sine(44100), "-c:v", "mpeg4", "-c:a", "flac"), MS),
    # damaged or lying files
    Case("mp3_truncated_half", "half.mp3", truncated(ff(sine(44100), "-c:a", "libmp3lame"), 0.5), MS // 2),
    Case("wav_truncated_half", "half.wav", truncated(ff(sine(16000), "-c:a", "pcm_s16le"), 0.5), MS // 2),
    Case("flac_truncated_half", "half.flac", truncated(ff(sine(44100), "-c:a", "flac"), 0.5), REFERENCE),
    Case("m4a_index_first_truncated", "cut.m4a", truncated(ff(sine(44100), "-c:a", "aac", FASTSTART), 0.5), REFERENCE),
    Case("mp3_garbage_inside", "garbage.mp3", corrupted_mp3, REFERENCE),
    Case("flac_header_says_half", "liar_short.flac", flac_claiming(0.5), MS),
    Case("flac_header_says_double", "liar_long.flac", flac_claiming(2.0), MS),
    Case("ts_clock_resets_midway", "reset.ts", ts_clock_reset, MS),
    Case("mkv_gap_in_audio", "gap.mkv", ff(sine(44100), GAP, "-c:a", "flac"), MS + 2000),
    Case("mp3_format_changes_midway", "changing.mp3", mp3_changing_format, MS),
    Case("wav_header_says_10min", "long.wav", raw_wav(1, DUR, claimed_seconds=600), MS),
    # errors
    Case("mp4_cut_before_index", "cut.mp4", truncated(ff(video(), sine(8000)), 0.6), error="truncated or corrupt"),
    Case("video_without_audio", "silent.mp4", ff(video(), "-c:v", "mpeg4"), error="no audio stream"),
    Case("wav_zero_length", "empty_data.wav", raw_wav(1, 0), error="zero-length audio"),
    Case("wav_unknown_codec", "unknown.wav", raw_wav(0x0666, 1), error="unsupported audio codec"),
    Case("text_file", "notes.mp3", write(b"This is not audio.\n" * 200), error="not a media file"),
    Case("random_bytes", "noise.mkv", write(bytes(range(256)) * 64), error="not a media file"),
    Case("empty_file", "empty.wav", write(b""), error="empty file"),
]  # fmt: skip
CASE_BY_NAME = {c.name: c for c in CASES}


def _make(root: Path, case: Case) -> None:
    case.make(root / case.filename)


@pytest.fixture(scope="session")
def media_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """All CASES, plus a two-language file, generated into one folder."""
    if not HAVE_TOOLS:
        pytest.skip("ffmpeg and sox are needed to generate the test media")
    root = tmp_path_factory.mktemp("media")
    extras = [
        Case("two_tracks", "two.mkv", ff(video(), sine(44100, 2, 440), sine(48000, 3, 880),
                                          "-map", "0", "-map", "1", "-map", "2", "-c:v", "mpeg4", "-c:a", "flac")),
        Case("long_30s", "long30.m4a", ff(sine(44100, 30), "-c:a", "aac")),
    ]  # fmt: skip
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        list(pool.map(lambda c: _make(root, c), [*CASES, *extras]))
    return root


@pytest.fixture()
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh, empty cache folder for one test (QSS_CACHE_DIR points there)."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("QSS_CACHE_DIR", str(folder))
    monkeypatch.delenv("QSS_CACHE_MAX_MB", raising=False)
    return folder
