"""python -m app proofread (issue 25, item 4), against a stand-in chat server on 127.0.0.1."""

from __future__ import annotations

from app.cli import run
from app.formats.registry import read_subtitles
from tests.support.chat_server import Reply, StandInChat, corrected, proofreader

SRT = (
    "1\n00:00:01,000 --> 00:00:02,000\n我们明天去北经\n\n"
    "2\n00:00:03,000 --> 00:00:04,000\n这个实验\n很成工\n\n"
    "3\n00:00:05,000 --> 00:00:06,000\n今天天气很好\n\n"
    "4\n00:00:07,000 --> 00:00:08,000\n首先我想谢谢主持人的邀请\n"
)
FIXES = {"北经": "北京", "成工": "成功"}


def _args(src, out, url, *more):
    return ["proofread", str(src), str(out), "--server", url, "--model", "qwen3", "--timeout", "5", *more]


def test_proofread_writes_the_corrected_file_and_counts_the_changes(tmp_path, capsys):
    src, out = tmp_path / "in.srt", tmp_path / "out.srt"
    src.write_text(SRT, encoding="utf-8")
    names = tmp_path / "names.txt"
    names.write_text("# people\n张薇\n北京 = Beijing\n", encoding="utf-8")  # names alone, or a translate glossary
    with StandInChat(proofreader(FIXES)) as chat:
        status = run(_args(src, out, chat.url, "--context", "北京的实验室", "--glossary", str(names)))
    err = capsys.readouterr().err
    assert status == 0, err
    assert [c.text for c in read_subtitles(out).cues] == ["我们明天去北京", "这个实验\n很成功", "今天天气很好",
                                                          "首先我想谢谢主持人的邀请"]  # fmt: skip
    assert "corrected 2 cues" in err
    system = chat.requests[0]["messages"][0]["content"]
    assert "北京的实验室" in system and "张薇\n北京" in system and "Beijing" not in system


def test_a_rewrite_is_not_applied_and_a_lost_line_is_named(tmp_path, capsys):
    src, out = tmp_path / "in.srt", tmp_path / "out.srt"
    src.write_text(SRT, encoding="utf-8")

    def reply(lines, body):
        answer = {n: corrected(t, {**FIXES, "我想谢谢主持人的邀请": "感谢主办方邀请我来"}) for n, t in lines.items()}
        return Reply("\n".join(f"[{n}] {t}" for n, t in answer.items() if n != 3))  # line 3 never comes

    with StandInChat(reply) as chat:
        status = run(_args(src, out, chat.url, "--no-stream"))
    err = capsys.readouterr().err
    assert status == 1
    texts = [c.text for c in read_subtitles(out).cues]
    assert texts == ["我们明天去北京", "这个实验\n很成功", "今天天气很好", "首先我想谢谢主持人的邀请"]
    assert "not applied (cue 4)" in err and "no usable answer for 1 cue (3)" in err


def test_a_refused_connection_is_one_line_and_writes_nothing(tmp_path, capsys):
    src, out = tmp_path / "in.srt", tmp_path / "out.srt"
    src.write_text(SRT, encoding="utf-8")
    with StandInChat() as chat:
        url = chat.url
    assert run(_args(src, out, url)) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("error:") and "\n" not in err and not out.exists()
