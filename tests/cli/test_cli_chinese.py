"""convert --chinese CONFIG: Simplified <-> Traditional with OpenCC, times kept, an unknown name said in one line."""

from __future__ import annotations

from app.cli import run
from app.formats.registry import read_subtitles

SIMPLIFIED = (
    "1\n00:00:01,000 --> 00:00:02,500\n这个软件用鼠标\n\n"
    "2\n00:00:03,000 --> 00:00:04,000\nOK 东京的出租车\n\n"
    "3\n00:00:05,000 --> 00:00:06,000\nplain English\n"
)


def test_convert_to_taiwan_and_back(tmp_path, capsys):
    src = tmp_path / "zh_cn.srt"
    src.write_text(SIMPLIFIED, encoding="utf-8")
    taiwan = tmp_path / "zh_tw.vtt"
    assert run(["convert", str(src), str(taiwan), "--chinese", "s2twp"]) == 0
    cues = read_subtitles(taiwan).cues
    assert [c.text for c in cues] == ["這個軟體用滑鼠", "OK 東京的計程車", "plain English"]
    assert [(c.start, c.end) for c in cues] == [(1000, 2500), (3000, 4000), (5000, 6000)]
    back = tmp_path / "back.srt"
    assert run(["convert", str(taiwan), str(back), "--chinese", "tw2sp"]) == 0
    assert [c.text for c in read_subtitles(back).cues] == ["这个软件用鼠标", "OK 东京的出租车", "plain English"]
    assert capsys.readouterr().err == ""


def test_convert_without_chinese_leaves_the_script(tmp_path):
    src = tmp_path / "in.srt"
    src.write_text(SIMPLIFIED, encoding="utf-8")
    assert run(["convert", str(src), str(tmp_path / "out.srt")]) == 0
    assert read_subtitles(tmp_path / "out.srt").cues[0].text == "这个软件用鼠标"


def test_an_unknown_configuration_is_one_line_naming_the_valid_ones(tmp_path, capsys):
    src = tmp_path / "in.srt"
    src.write_text(SIMPLIFIED, encoding="utf-8")
    out = tmp_path / "out.srt"
    assert run(["convert", str(src), str(out), "--chinese", "zh-tw"]) != 0
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert "'zh-tw'" in err and "s2twp" in err and "tw2s" in err
    assert not out.exists()  # nothing written
