"""Decoding is bounded in memory: what cannot be held is refused in one line, before or while it grows.

The files are sparse: a header claiming 4 GB of 16-bit 16 kHz data (37 hours, 9.3 GB once decoded) costs no
disk. Nothing here decodes more than a few seconds of audio.
"""

from __future__ import annotations

import struct
import subprocess
import sys
from pathlib import Path

import pytest

import app.media.decode as decode_module
from app.core.errors import MediaError
from app.media import DecodeCancelled, decode_audio
from app.media.probe import wav_seconds
from tests.media.conftest import FF, HAVE_TOOLS, flac_claiming, sine

ROOT = Path(__file__).resolve().parents[2]
CLAIM = 0xFFFFFF00  # bytes of data the header claims: 37:16:57 of 16 kHz 16-bit mono
REFUSAL = r"the audio lasts 37:16:57, over the 24-hour limit: decoding it needs 9,342 MB of memory, [\d,]+ MB available"


def sparse_wav(path: Path, claimed: int, size: int, *, riff: bytes = b"RIFF", ds64: int | None = None) -> Path:
    fmt = struct.pack("<HHIIHH", 1, 1, 16000, 32000, 2, 16)
    chunks = b"fmt " + struct.pack("<I", len(fmt)) + fmt
    if ds64 is not None:
        chunks = b"ds64" + struct.pack("<IQQQI", 28, 0, ds64, 0, 0) + chunks
    head = riff + struct.pack("<I", 0xFFFFFFFF) + b"WAVE" + chunks + b"data" + struct.pack("<I", claimed)
    with open(path, "wb") as f:
        f.write(head)
        f.truncate(size)
    return path


def _cancel_once_decoding() -> tuple:
    started = {"now": False}

    def progress(_fraction: float) -> None:
        started["now"] = True

    return progress, lambda: started["now"]


def test_a_wav_claiming_37_hours_is_refused_before_decoding(tmp_path: Path) -> None:
    path = sparse_wav(tmp_path / "claims_4gb.wav", CLAIM, 44 + CLAIM)
    progress, cancelled = _cancel_once_decoding()  # a decode that starts is stopped at once: it must not start
    with pytest.raises(MediaError, match=REFUSAL) as info:
        decode_audio(path, use_cache=False, progress=progress, cancelled=cancelled)
    assert "\n" not in str(info.value)


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads the peak memory from /proc")
def test_an_8gib_sparse_wav_is_refused_quickly_and_in_little_memory(tmp_path: Path) -> None:
    """In a process of its own: ffmpeg's open alone scanned the 4 GiB of zeros past the data for minutes."""
    path = sparse_wav(tmp_path / "sparse_8gib.wav", CLAIM, 8 << 30)
    # the peak from VmHWM: ru_maxrss would carry over the forking test process's own peak
    script = (
        "import re, sys\n"
        "from app.media import decode_audio\n"
        "try:\n"
        "    decode_audio(sys.argv[1], use_cache=False)\n"
        "except Exception as exc:\n"
        "    print(exc)\n"
        "status = open('/proc/self/status').read()\n"
        "print(int(re.search(r'VmHWM:\\s+(\\d+)', status).group(1)) // 1024)\n"
    )
    try:
        result = subprocess.run(
            [sys.executable, "-c", script, str(path)], capture_output=True, text=True, cwd=ROOT, timeout=60
        )
    except subprocess.TimeoutExpired:
        pytest.fail("decoding a sparse 8 GiB WAV was not refused within 60 s")
    message, peak_mb = result.stdout.splitlines()
    assert "sparse_8gib.wav: the audio lasts 37:16:57" in message
    assert int(peak_mb) < 500


@pytest.mark.skipif(not HAVE_TOOLS, reason="ffmpeg is needed to generate the test media")
def test_audio_growing_past_the_bound_is_stopped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A header that understates (5 s stated, 10 s held): the bound is checked as the samples arrive."""
    path = tmp_path / "says_half.flac"
    flac_claiming(0.5)(path)
    monkeypatch.setattr(decode_module, "budget", lambda: (450_000, 2_000_000))  # room for about 6.5 s
    with pytest.raises(
        MediaError, match=r"the audio lasts more than 0:00:0[56]: decoding it needs over 0\.[45] MB"
    ) as info:
        decode_audio(path, use_cache=False)
    assert str(info.value).endswith("of memory, 2.0 MB available")


@pytest.mark.skipif(not HAVE_TOOLS, reason="ffmpeg is needed to generate the test media")
def test_audio_within_the_bound_decodes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "says_half.flac"
    flac_claiming(0.5)(path)
    monkeypatch.setattr(decode_module, "budget", lambda: (1_000_000, 2_000_000))  # 14 s
    assert decode_audio(path, use_cache=False).duration_ms == pytest.approx(10_000, abs=50)


def test_wav_seconds_reads_the_header_and_the_size(tmp_path: Path) -> None:
    assert wav_seconds(str(sparse_wav(tmp_path / "a.wav", CLAIM, 8 << 30))) == pytest.approx(CLAIM / 32000)
    # the header claims more than the file holds: the file wins
    assert wav_seconds(str(sparse_wav(tmp_path / "b.wav", CLAIM, 44 + 32000 * 10))) == pytest.approx(10)
    # an unfinished recording (data size 0): what the file holds
    assert wav_seconds(str(sparse_wav(tmp_path / "c.wav", 0, 44 + 32000 * 3))) == pytest.approx(3)
    # RF64: the real size sits in the ds64 chunk
    rf64 = sparse_wav(tmp_path / "d.wav", 0xFFFFFFFF, 80 + 32000 * 90_000, riff=b"RF64", ds64=32000 * 90_000)
    assert wav_seconds(str(rf64)) == pytest.approx(90_000, rel=1e-6)
    (tmp_path / "e.mp3").write_bytes(b"ID3" + bytes(100))
    assert wav_seconds(str(tmp_path / "e.mp3")) is None


def test_cancel_still_works_under_the_bound(tmp_path: Path) -> None:
    path = sparse_wav(tmp_path / "ten_minutes.wav", 32000 * 600, 44 + 32000 * 600)
    progress, cancelled = _cancel_once_decoding()
    with pytest.raises(DecodeCancelled):
        decode_audio(path, use_cache=False, progress=progress, cancelled=cancelled)


@pytest.mark.skipif(not HAVE_TOOLS, reason="ffmpeg is needed to generate the test media")
def test_a_webm_without_header_duration_is_measured_and_refused_before_decoding(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A browser's recording states no duration: its end is sought, so the bound applies before decoding."""
    cmd = [*FF, *sine(48000, 5), "-c:a", "libopus", "-f", "webm", "-"]
    path = tmp_path / "piped.webm"
    path.write_bytes(subprocess.run(cmd, check=True, capture_output=True).stdout)
    monkeypatch.setattr(decode_module, "budget", lambda: (200_000, 250_000))  # about 2.9 s
    progress, cancelled = _cancel_once_decoding()
    with pytest.raises(MediaError, match=r"piped\.webm: the audio lasts 0:00:05: decoding it needs 0\.3 MB"):
        decode_audio(path, use_cache=False, progress=progress, cancelled=cancelled)
    monkeypatch.setattr(decode_module, "budget", lambda: (2_000_000, 2_500_000))
    assert decode_audio(path, use_cache=False).duration_ms == pytest.approx(5000, abs=50)


def test_decoding_asks_numpy_for_ordinary_pages(tmp_path: Path) -> None:
    """numpy's huge-page request made the kernel compact memory while the sample array filled (2.1 s of system
    time for an hour of AAC, the decode 1.6x ffmpeg's wall time): a decode turns it off for the process."""
    try:
        from numpy._core.multiarray import _set_madvise_hugepage
    except ImportError:  # numpy 1
        from numpy.core.multiarray import _set_madvise_hugepage
    path = tmp_path / "short.flac"
    flac_claiming(1.0)(path)
    before = _set_madvise_hugepage(True)  # numpy's default on Linux
    try:
        assert decode_audio(path, use_cache=False).duration_ms > 0
        assert _set_madvise_hugepage(True) is False  # what the decode left: ordinary pages
    finally:
        _set_madvise_hugepage(before)
