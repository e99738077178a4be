"""``fix`` on a Chinese file: Latin words keep their spaces, punctuation becomes full-width, a cue too long for two
lines is split, the line-end convention only when asked, and English files are as before."""

from __future__ import annotations

from app.cli import run
from app.core.profiles import NETFLIX
from app.core.qc import hard_findings
from app.formats.registry import read_subtitles

CHINESE = (
    "1\n00:00:01,000 --> 00:00:04,000\n我们用 OK\n东京的 app\n很好\n\n"
    "2\n00:00:05,000 --> 00:00:14,000\n我们今天在东京的会议上讨论了很多问题和计划. "
    "明天我们要去大阪看看那边的朋友们最近过得怎么样\n\n"
    "3\n00:00:15,000 --> 00:00:18,000\n你好, 我们走吧,\n东京很好.\n"
)


def _fix(tmp_path, *extra):
    src, out = tmp_path / "zh.srt", tmp_path / "out.srt"
    src.write_text(CHINESE, encoding="utf-8")
    assert run(["fix", str(src), str(out), "--lang", "zh", *extra]) == 0
    return read_subtitles(str(out)).cues


def test_fix_of_a_chinese_file_keeps_latin_spaces_splits_and_makes_punctuation_full_width(tmp_path, capsys):
    cues = _fix(tmp_path)
    said = capsys.readouterr().out
    assert "split: too long for 2 lines" in said and "full-width punctuation" in said
    texts = [c.text for c in cues]
    assert texts[0].replace("\n", " ") == "我们用 OK 东京的 app 很好"
    assert len(cues) == 4 and texts[1].replace("\n", "").endswith("计划。")
    assert texts[3] == "你好，我们走吧，\n东京很好。"
    assert all(len(line) <= 16 for c in cues for line in c.text.split("\n"))
    assert hard_findings(cues, NETFLIX, "zh") == []


def test_fix_removes_line_end_commas_and_full_stops_only_when_asked(tmp_path, capsys):
    cues = _fix(tmp_path, "--line-end-punctuation", "remove")
    assert cues[-1].text == "你好，我们走吧\n东京很好"
    assert "commas and full stops at line ends removed" in capsys.readouterr().out
