"""Opening media in the window: the player plays the audio track the waveform shows, and damage is reported."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(shutil.which("ffmpeg") is None, reason="ffmpeg is not installed")


def _ffmpeg(*args: str) -> None:
    subprocess.run(["ffmpeg", "-v", "error", "-y", *args], check=True)


@pytest.fixture(scope="module")
def two_tracks(tmp_path_factory) -> Path:
    """A commentary track first, the main track second and flagged default (what players play)."""
    out = tmp_path_factory.mktemp("media") / "commentary_first.mkv"
    _ffmpeg(
        "-f", "lavfi", "-i", "sine=frequency=300:duration=3:sample_rate=44100",
        "-f", "lavfi", "-i", "sine=frequency=1000:duration=3:sample_rate=48000",
        "-map", "0", "-map", "1", "-c:a", "flac", "-metadata:s:a:0", "title=Commentary",
        "-disposition:a:0", "0", "-disposition:a:1", "default", str(out),
    )  # fmt: skip
    return out


@pytest.fixture(scope="module")
def cut_short(tmp_path_factory) -> Path:
    """A 10 s Matroska file of which only the first 60 % was copied."""
    folder = tmp_path_factory.mktemp("media")
    whole = folder / "whole.mkv"
    _ffmpeg("-f", "lavfi", "-i", "sine=frequency=440:duration=10", "-c:a", "flac", str(whole))
    data = whole.read_bytes()
    out = folder / "cut.mkv"
    out.write_bytes(data[: len(data) * 6 // 10])
    return out


def _wait_for_two_tracks(qtbot, player) -> None:
    inner = player._player
    if len(inner.audioTracks()) < 2:
        qtbot.waitSignal(inner.tracksChanged, timeout=10_000, raising=False).wait()
    if len(inner.audioTracks()) < 2:
        pytest.skip("QtMultimedia cannot read this file here")


def test_the_decoded_track_is_the_one_the_player_plays(window, qtbot, two_tracks):
    with qtbot.waitSignal(window.files.mediaLoaded, timeout=60_000):
        window.open_path(str(two_tracks))
    assert window.state.audio.stream_index == 1 and window.state.audio_track == 1
    player = window.ensure_player()
    _wait_for_two_tracks(qtbot, player)
    qtbot.waitUntil(lambda: player.audio_track == 1, timeout=10_000)


def test_the_player_switches_to_the_track_it_is_given(qtbot, two_tracks):
    """Left to itself the player takes the default-flagged track (1); asked for the commentary (0), it plays that."""
    from app.ui.player import Player

    player = Player()
    player.load(str(two_tracks), 3000, audio_track=0)
    _wait_for_two_tracks(qtbot, player)
    qtbot.waitUntil(lambda: player.audio_track == 0, timeout=10_000)


def test_audio_cut_short_is_reported_and_still_opened(window, qtbot, cut_short):
    messages: list[str] = []
    window.statusBar().messageChanged.connect(messages.append)
    with qtbot.waitSignal(window.files.mediaLoaded, timeout=60_000):
        window.open_path(str(cut_short))
    assert window.state.audio is not None and 3000 < window.state.audio.duration_ms < 9000
    assert any("cut.mkv" in m and "cut short" in m for m in messages), messages
    assert not window.dialogs
