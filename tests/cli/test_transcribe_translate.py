"""``transcribe ... --translate-to LANGUAGE`` (issue 25, item 6): recognition on the vLLM stand-in, translation on the
chat stand-in (it translates a line by a rule, ``"FR " + text``), so one command makes bilingual subtitles."""

from __future__ import annotations

import json
import wave

import numpy as np
import pytest

from app.cli import run
from app.core.rules import SAMPLE_RATE
from app.formats.registry import read_subtitles
from tests.support.asr_server import FakeAsrServer, tone_audio
from tests.support.chat_server import (
    Reply,
    StandInChat,
    answer_lines,
    no_language_verdict,  # noqa: F401  (a fixture)
    translate_line,
)

pytestmark = pytest.mark.usefixtures("no_language_verdict")


@pytest.fixture
def media(tmp_path):
    path = tmp_path / "talk.wav"
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(SAMPLE_RATE)
        w.writeframes((np.clip(tone_audio(2), -1, 1) * 32767).astype("<i2").tobytes())
    return path


def _transcribe(media, out, asr, chat_url, *more):
    return run(["transcribe", str(media), "-o", str(out), "--server", asr.url, "--translate-to", "fr",
                "--llm-server", chat_url, "--llm-model", "qwen3", "--llm-timeout", "2", *more])  # fmt: skip


def _recognised(media, tmp_path, asr) -> list[str]:
    plain = tmp_path / "plain.srt"
    assert run(["transcribe", str(media), "-o", str(plain), "--server", asr.url]) == 0
    return [c.text for c in read_subtitles(plain).cues]


def test_one_command_makes_bilingual_subtitles(media, tmp_path, capsys):
    out = tmp_path / "talk.srt"
    with FakeAsrServer() as asr, StandInChat() as chat:
        original = _recognised(media, tmp_path, asr)
        assert _transcribe(media, out, asr, chat.url, "--llm-context", "a lecture") == 0, capsys.readouterr().err
    assert original and any(t.strip() for t in original)
    cues = read_subtitles(out).cues
    assert [c.text for c in cues] == [f"{t}\n{translate_line(t)}" if t.strip() else t for t in original]
    system = chat.requests[0]["messages"][0]["content"]
    assert "French" in system and "a lecture" in system
    err = capsys.readouterr().err
    assert "Translating into French" in err and "translated 2 cues into French" in err


def test_translation_only_ass_styles_and_json_fields(media, tmp_path):
    with FakeAsrServer() as asr, StandInChat() as chat:
        original = _recognised(media, tmp_path, asr)
        assert _transcribe(media, tmp_path / "fr.srt", asr, chat.url, "--translation-only") == 0
        assert _transcribe(media, tmp_path / "both.ass", asr, chat.url, "--llm-no-stream") == 0
        assert _transcribe(media, tmp_path / "both.json", asr, chat.url) == 0
    assert [c.text for c in read_subtitles(tmp_path / "fr.srt").cues] == [translate_line(t) for t in original]
    styles = [c.get("style") for c in read_subtitles(tmp_path / "both.ass").cues]
    assert styles == ["Translation", "Default"] * len(original)  # the original written second: on top
    items = json.loads((tmp_path / "both.json").read_text(encoding="utf-8"))["cues"]
    assert [(i["text"], i["translation"]) for i in items] == [(t, translate_line(t)) for t in original]


def test_a_refused_chat_server_fails_the_file_and_keeps_the_recognition(media, tmp_path, capsys):
    out = tmp_path / "talk.srt"
    with StandInChat() as gone:
        refused = gone.url
    with FakeAsrServer() as asr:
        original = _recognised(media, tmp_path, asr)
        capsys.readouterr()
        assert _transcribe(media, out, asr, refused) == 2
    assert [c.text for c in read_subtitles(out).cues] == original  # nothing lost
    errors = [line for line in capsys.readouterr().err.splitlines() if line.startswith("error:")]
    assert len(errors) == 1
    assert "translation failed" in errors[0] and "connection was refused" in errors[0] and str(out) in errors[0]


def test_a_cue_the_model_cannot_translate_is_named_and_the_status_is_1(media, tmp_path, capsys):
    out = tmp_path / "talk.srt"
    with FakeAsrServer() as asr, StandInChat(lambda lines, body: Reply(answer_lines({
        n: t for n, t in lines.items() if n != 1}))) as chat:  # fmt: skip
        original = _recognised(media, tmp_path, asr)
        assert _transcribe(media, out, asr, chat.url) == 1
    texts = [c.text for c in read_subtitles(out).cues]
    assert texts[0] == original[0] and texts[1] == f"{original[1]}\n{translate_line(original[1])}"
    assert "no usable translation for 1 cue (1)" in capsys.readouterr().err


def test_chat_options_are_checked_before_any_recognition(media, tmp_path, capsys):
    out = tmp_path / "talk.srt"
    asr_url = "http://127.0.0.1:9"  # nothing listens: recognition would fail, so these fail first
    assert run(["transcribe", str(media), "-o", str(out), "--server", asr_url, "--translate-to", "fr"]) == 2
    assert "--translate-to needs the chat server and its model" in capsys.readouterr().err
    assert run(["transcribe", str(media), "-o", str(out), "--server", asr_url, "--llm-server", "http://h"]) == 2
    assert "go with --translate-to LANGUAGE" in capsys.readouterr().err
    assert run(["transcribe", str(media), "-o", str(out), "--server", asr_url, "--translation-only"]) == 2
    assert "go with --translate-to LANGUAGE" in capsys.readouterr().err
    argv = ["transcribe", str(media), "-o", str(out), "--translate-to", "fr", "--llm-model", "m"]
    assert run([*argv, "--llm-server", "ftp://h"]) == 2
    assert "not a chat server's address" in capsys.readouterr().err
    assert run([*argv, "--llm-server", "http://h", "--glossary", str(tmp_path / "none.txt")]) == 2
    assert "none.txt" in capsys.readouterr().err
    assert run([*argv, "--llm-server", "http://h", "--llm-api-key", "x"]) == 2  # the key is never an option
    assert not out.exists()
