"""check --profile and fix: findings printed and as JSON, exit 1 on problems, fix writes a file that passes."""

from __future__ import annotations

import json
import subprocess
import sys

from app.cli import run
from app.core.profiles import NETFLIX
from app.core.qc import hard_findings
from app.formats.registry import read_subtitles

BROKEN = (
    "1\n00:00:01,000 --> 00:00:01,001\n Hello  there\n\n"
    "7\n00:00:01,000 --> 00:00:01,074\nGeneral Kenobi\n\n"
    "9\n00:00:05,000 --> 00:00:12,500\na long line of words that goes past the limit of forty two\n\n"
    "10\n00:00:12,000 --> 00:00:14,000\n<i>Overlapping\n"
)
CLEAN = "1\n00:00:01,000 --> 00:00:03,000\nA clean cue\n\n2\n00:00:04,000 --> 00:00:06,000\nAnd another\n"


def test_check_with_a_profile_lists_findings_by_file_number_and_exits_1(tmp_path, capsys):
    src = tmp_path / "in.srt"
    src.write_text(BROKEN, encoding="utf-8")
    assert run(["check", str(src), "--profile", "netflix"]) == 1
    out = capsys.readouterr().out
    assert "profile netflix" in out and "against hard rules" in out
    assert "cue 1: error: on screen 1 ms (minimum 833 ms)" in out
    assert "cue 7: error: on screen 74 ms" in out  # numbered as in the file
    assert "cue 9: error: overlaps the next cue by 500 ms" in out
    assert "cue 10: error: unbalanced tag <i>" in out


def test_check_json_with_a_profile(tmp_path, capsys):
    src = tmp_path / "in.srt"
    src.write_text(BROKEN, encoding="utf-8")
    assert run(["check", str(src), "--profile", "bbc", "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["profile"] == "bbc" and report["cues"] == 4 and report["hard"] >= 4
    first = report["findings"][0]
    assert first["code"] == "qc.too_short" and first["number"] == 1 and first["hard"] and first["severity"] == "error"
    assert "words_per_minute" in report["counts"]


def test_check_with_a_profile_on_a_clean_file_exits_0(tmp_path, capsys):
    src = tmp_path / "in.srt"
    src.write_text(CLEAN, encoding="utf-8")
    assert run(["check", str(src), "--profile", "netflix-en"]) == 0
    assert "no problems found" in capsys.readouterr().out


def test_check_without_a_profile_keeps_its_report(tmp_path, capsys):
    src = tmp_path / "in.srt"
    src.write_text(BROKEN, encoding="utf-8")
    assert run(["check", str(src)]) == 1
    assert "2 overlaps" in capsys.readouterr().out


def test_fix_writes_a_file_that_passes_the_hard_rules_and_says_what_changed(tmp_path, capsys):
    src, out = tmp_path / "in.srt", tmp_path / "out.srt"
    src.write_text(BROKEN, encoding="utf-8")
    assert run(["fix", str(src), str(out)]) == 0
    said = capsys.readouterr().out
    assert "change" in said and "merged with the next cue" in said and "gap set to 83 ms" in said
    cues = read_subtitles(str(out)).cues
    assert hard_findings(cues, NETFLIX) == []
    text = " ".join(" ".join(c.text.split()) for c in cues)
    assert text.startswith("Hello there General Kenobi a long line") and text.endswith("<i>Overlapping")
    assert run(["check", str(out), "--profile", "netflix"]) in (0, 1)  # warnings may stay (the tag)


def test_fix_with_an_unknown_profile_fails_in_one_line(tmp_path):
    src = tmp_path / "in.srt"
    src.write_text(CLEAN, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "app", "fix", str(src), str(tmp_path / "o.srt"), "--profile", "hollywood"],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 2 and result.stderr.startswith("error: ") and result.stderr.count("\n") == 1
