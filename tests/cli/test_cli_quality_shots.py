"""check and fix with --shots VIDEO: cue edges against the video's shot changes (the shots command's detection)."""

from __future__ import annotations

from app.cli import run
from app.formats.registry import read_subtitles
from tests.media import video_samples as samples

# cuts at 2.0, 3.0, 5.0 and 7.0 s (25 fps): the first cue starts 3 frames after a cut, the second ends on one
SRT = "1\n00:00:02,120 --> 00:00:02,900\nLate start\n\n2\n00:00:04,000 --> 00:00:05,000\nEnds on the cut\n"


def test_check_and_fix_against_the_shot_changes(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("QSS_CACHE_DIR", str(tmp_path / "cache"))
    video = samples.make_cuts(tmp_path / "cuts.mp4")
    src, out = tmp_path / "in.srt", tmp_path / "out.srt"
    src.write_text(SRT, encoding="utf-8")
    assert run(["check", str(src), "--shots", str(video)]) == 1  # Netflix when no profile is named
    printed = capsys.readouterr().out
    assert "cue 1: warning: starts 3 frames from a shot change" in printed
    assert "cue 2: warning: ends 0 frames from a shot change" in printed
    assert run(["fix", str(src), str(out), "--shots", str(video)]) == 0
    fixed = read_subtitles(str(out)).cues
    assert fixed[0].start == 2_000
    assert fixed[1].end == 4_920  # 2 frames before the cut at 5 s
    capsys.readouterr()
    assert run(["check", str(out), "--profile", "netflix", "--shots", str(video)]) in (0, 1)
    assert "shot change" not in capsys.readouterr().out
