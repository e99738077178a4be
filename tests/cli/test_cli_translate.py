"""python -m app translate (issue 25, item 6), against a stand-in chat server on 127.0.0.1."""

from __future__ import annotations

import pytest

from app.cli import run
from app.formats.registry import read_subtitles
from tests.support.chat_server import (
    Reply,
    StandInChat,
    answer_lines,
    no_language_verdict,  # noqa: F401  (a fixture)
)

pytestmark = pytest.mark.usefixtures("no_language_verdict")

SRT = (
    "1\n00:00:01,000 --> 00:00:02,000\nHow are you?\n\n"
    "2\n00:00:03,000 --> 00:00:04,000\nI have to go.\n\n"
    "3\n00:00:05,000 --> 00:00:06,000\nThank you, my friend.\n"
)


@pytest.fixture
def src(tmp_path):
    path = tmp_path / "in.srt"
    path.write_text(SRT, encoding="utf-8")
    return path


def _args(src, out, url, *more):
    return ["translate", str(src), str(out), "--to", "fr", "--server", url, "--model", "qwen3", "--timeout", "2", *more]


def test_translate_writes_the_translation(src, tmp_path, capsys):
    out = tmp_path / "out.srt"
    glossary = tmp_path / "terms.txt"
    glossary.write_text("# names\nXiao Ming = Xiao Ming\n", encoding="utf-8")
    with StandInChat() as chat:
        status = run(_args(src, out, chat.url + "/v1/", "--glossary", str(glossary), "--context", "a film"))
    assert status == 0, capsys.readouterr().err
    cues = read_subtitles(out).cues
    assert [c.text for c in cues] == ["FR How are you?", "FR I have to go.", "FR Thank you, my friend."]
    assert [(c.start, c.end) for c in cues] == [(1000, 2000), (3000, 4000), (5000, 6000)]
    system = chat.requests[0]["messages"][0]["content"]
    assert "French" in system and "Xiao Ming = Xiao Ming" in system and "a film" in system


def test_bilingual_and_two_files(src, tmp_path):
    with StandInChat() as chat:
        assert run(_args(src, tmp_path / "both.vtt", chat.url, "--bilingual", "--no-stream")) == 0
        assert run(_args(src, tmp_path / "film.srt", chat.url, "--two-files")) == 0
        assert run(_args(src, tmp_path / "both.ass", chat.url, "--bilingual", "--translation-first")) == 0
        assert run(_args(src, tmp_path / "both.ttml", chat.url, "--bilingual")) == 0
    ttml = (tmp_path / "both.ttml").read_text(encoding="utf-8")
    assert '<div xml:lang="en">' in ttml and '<div xml:lang="fr">' in ttml
    styles = [c.get("style") for c in read_subtitles(tmp_path / "both.ass").cues]
    assert styles[:2] == ["Default", "Translation"]  # the translation written second: on top
    assert read_subtitles(tmp_path / "both.vtt").cues[0].text == "How are you?\nFR How are you?"
    assert read_subtitles(tmp_path / "film.en.srt").cues[1].text == "I have to go."
    assert read_subtitles(tmp_path / "film.fr.srt").cues[1].text == "FR I have to go."


def test_a_cue_without_a_usable_line_keeps_its_text_and_is_named(src, tmp_path, capsys):
    out = tmp_path / "out.srt"
    with StandInChat(lambda lines, body: Reply(answer_lines({n: t for n, t in lines.items() if n != 2}))) as chat:
        assert run(_args(src, out, chat.url)) == 1
    assert [c.text for c in read_subtitles(out).cues] == [
        "FR How are you?",
        "I have to go.",
        "FR Thank you, my friend.",
    ]
    assert "no usable translation for 1 cue (2)" in capsys.readouterr().err


def test_a_translation_in_the_wrong_script_is_kept_and_named(src, tmp_path, capsys):
    out = tmp_path / "out.srt"
    with StandInChat(lambda lines, body: Reply("\n".join(f"[{n}] 你好" for n in lines))) as chat:
        assert run(_args(src, out, chat.url)) == 1
    assert read_subtitles(out).cues[0].text == "你好"
    assert "3 translations not in French (cue 1, 2, 3)" in capsys.readouterr().err


def _refused_url() -> str:
    with StandInChat() as chat:
        return chat.url


@pytest.mark.parametrize(
    ("server", "more", "expected"),
    [
        (lambda: _refused_url(), (), "connection was refused"),
        ("key", (), "refused the API key"),
        ("chat", ("--model", "nope"), "has no model 'nope'"),
        ("slow", (), "did not answer within 2 s"),
        (lambda: "ftp://host", (), "not a chat server's address"),
    ],
)
def test_bad_servers_are_one_line_and_nothing_is_written(src, tmp_path, capsys, monkeypatch, server, more, expected):
    monkeypatch.setenv("QSS_LLM_API_KEY", "wrong")
    out = tmp_path / "out.srt"
    if callable(server):
        status = run(_args(src, out, server(), *more))
    else:
        chat = StandInChat(
            lambda lines, body: Reply(answer_lines(lines), never_end=server == "slow"),
            key="right" if server == "key" else None,
        )
        with chat:
            status = run(_args(src, out, chat.url, *more))
    err = capsys.readouterr().err
    assert status == 2 and not out.exists()
    assert err.count("\n") == 1 and err.startswith("error: ") and expected in err, err
    assert "wrong" not in err


def test_the_key_is_never_an_option(src, tmp_path, capsys):
    assert run(["translate", str(src), "o.srt", "--to", "fr", "--server", "http://h", "--model", "m",
                "--api-key", "x"]) == 2  # fmt: skip
    assert "unrecognized arguments" in capsys.readouterr().err


def test_the_key_comes_from_the_environment(src, tmp_path, monkeypatch):
    monkeypatch.setenv("QSS_LLM_API_KEY", "right")
    with StandInChat(key="right") as chat:
        assert run(_args(src, tmp_path / "out.srt", chat.url)) == 0
    assert read_subtitles(tmp_path / "out.srt").cues[0].text == "FR How are you?"
