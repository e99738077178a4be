"""``probe`` durations where the header is missing, wrong or only a guess.

- a short LAME MP3 whose tag's padding outnumbers its frames: ffmpeg says the stream lasts -12 ms;
- a 4-minute MP3 cut to 300 KB (a download stopped at 75 s): its Xing frame still says 4 minutes;
- a WebM written to a pipe (as browsers record): no duration in the header, every packet timestamped.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

import app.media.duration as duration_module
from app.cli import run
from app.media import probe
from tests.media.conftest import FF, HAVE_TOOLS, ff, reference_duration_ms, sine, video

pytestmark = pytest.mark.skipif(not HAVE_TOOLS, reason="ffmpeg is needed to generate the test media")


def _lame_padding(out: Path, padding: int) -> None:
    """A 1 ms MP3 at 48 kHz (two frames) whose LAME tag claims ``padding`` samples at the end."""
    ff(sine(48000, 0.001), "-c:a", "libmp3lame")(out)
    data = bytearray(out.read_bytes())
    tag = data.index(b"Info") + 120  # the LAME extension follows the 120-byte Xing/Info header
    delay = ((data[tag + 21] << 4) | (data[tag + 22] >> 4)) & 0xFFF
    data[tag + 21 : tag + 24] = bytes([delay >> 4, ((delay & 15) << 4) | (padding >> 8), padding & 255])
    out.write_bytes(bytes(data))


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("durations")
    _lame_padding(root / "short.mp3", 2256)
    ff(sine(44100, 240), "-c:a", "libmp3lame", "-b:a", "32k")(root / "four_minutes.mp3")
    (root / "cut.mp3").write_bytes((root / "four_minutes.mp3").read_bytes()[:300_000])
    (root / "four_minutes.mp3").unlink()
    cmd = [*FF, *video(5), *sine(48000, 5), "-c:v", "libvpx", "-deadline", "realtime", "-c:a", "libopus"]
    webm = subprocess.run([*cmd, "-f", "webm", "-"], check=True, capture_output=True).stdout
    (root / "piped.webm").write_bytes(webm)
    return root


def test_short_lame_mp3_duration_is_never_negative(files: Path) -> None:
    info = probe(files / "short.mp3")
    durations = [info.duration_ms, *(s.duration_ms for s in info.streams)]
    assert all(d is not None and 0 <= d <= 100 for d in durations), durations


def test_truncated_mp3_reports_what_it_holds_not_what_its_header_says(files: Path) -> None:
    info = probe(files / "cut.mp3")
    reference = reference_duration_ms(files / "cut.mp3")
    assert 70_000 < reference < 80_000
    assert info.duration_ms == pytest.approx(reference, abs=200)
    assert info.streams[0].duration_ms == pytest.approx(reference, abs=200)
    assert not info.duration_estimated


def test_webm_without_header_duration_is_measured(files: Path) -> None:
    info = probe(files / "piped.webm")
    audio = info.audio_stream()
    assert info.duration_ms == pytest.approx(5000, abs=100)
    assert audio.duration_ms == pytest.approx(5000, abs=100)


def test_a_raw_stream_too_long_to_measure_in_time_is_marked_an_estimate(
    files: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(duration_module, "MEASURE_BUDGET_S", 0.0)
    info = probe(files / "cut.mp3")
    assert info.duration_estimated
    assert run(["probe", str(files / "cut.mp3")]) == 0
    assert "duration:  0:04:00.000 (estimated)" in capsys.readouterr().out
