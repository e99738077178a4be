"""``python -m app probe MEDIA [--json]``."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import run

ROOT = Path(__file__).resolve().parents[2]


def test_json_report(media_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["probe", str(media_dir / "two.mkv"), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["format_name"] == "matroska,webm"
    assert report["duration_ms"] == pytest.approx(10000, rel=0.01)
    kinds = [(s["index"], s["kind"], s["codec"]) for s in report["streams"]]
    assert kinds == [(0, "video", "mpeg4"), (1, "audio", "flac"), (2, "audio", "flac")]
    audio = report["streams"][2]
    assert (audio["sample_rate"], audio["channels"]) == (48000, 1)


def test_text_report(media_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["probe", str(media_dir / "51.flac")]) == 0
    out = capsys.readouterr().out
    assert "duration:  0:00:10.000" in out
    assert "stream 0:  audio, flac, 48000 Hz, 6 ch (5.1)" in out


@pytest.mark.parametrize("name", ["notes.mp3", "empty.wav", "missing.mp4"])
def test_bad_file_is_one_line_and_status_2(media_dir: Path, name: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["probe", str(media_dir / name)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ")


def test_ffmpeg_says_nothing_of_its_own(media_dir: Path) -> None:
    """In a real process: ffmpeg's logging must not add lines to the one-line error."""
    result = subprocess.run(
        [sys.executable, "-m", "app", "probe", str(media_dir / "cut.mp4")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1 and result.stderr.startswith("error: ")
