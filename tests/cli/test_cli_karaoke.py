"""``convert ... --karaoke`` / ``--word-times`` and ``transcribe ... --karaoke`` (issue 26, item 4)."""

from __future__ import annotations

import json
import re
import wave

import numpy as np
import pytest

from app.asr.client.protocol import Cues, RecognitionDone
from app.cli import run
from app.core.document import Cue, Word
from app.core.rules import SAMPLE_RATE
from app.formats.registry import read_subtitles

WORDS = {
    "cues": [
        {"start": 1000, "end": 3000, "text": "Hello big world", "words": [
            {"start": 1000, "end": 1400, "text": "Hello"}, {"start": 1500, "end": 1900, "text": "big"},
            {"start": 2000, "end": 2900, "text": "world"}]},
        {"start": 4000, "end": 5000, "text": "你好世界", "words": [
            {"start": 4000, "end": 4400, "text": "你好"}, {"start": 4500, "end": 4900, "text": "世界"}]},
    ]
}  # fmt: skip


@pytest.fixture
def words_json(tmp_path):
    path = tmp_path / "words.json"
    path.write_text(json.dumps(WORDS, ensure_ascii=False), encoding="utf-8")
    return path


def test_convert_karaoke_from_a_json_words_export(words_json, tmp_path, capsys):
    out = tmp_path / "k.ass"
    assert run(["convert", str(words_json), str(out), "--karaoke"]) == 0
    text = out.read_text(encoding="utf-8")
    assert "{\\k50}Hello {\\k50}big {\\k100}world" in text and "{\\k50}你好{\\k50}世界" in text
    assert capsys.readouterr().err == ""  # the word times were written: nothing dropped, nothing to note
    assert [c.text for c in read_subtitles(out).cues] == ["Hello big world", "你好世界"]


def test_convert_word_times_to_webvtt(words_json, tmp_path, capsys):
    out = tmp_path / "w.vtt"
    assert run(["convert", str(words_json), str(out), "--word-times"]) == 0
    text = out.read_text(encoding="utf-8")
    assert "Hello <00:00:01.500>big <00:00:02.000>world" in text and "你好<00:00:04.500>世界" in text
    assert capsys.readouterr().err == ""


def test_without_the_flag_the_output_is_plain(words_json, tmp_path):
    out = tmp_path / "plain.ass"
    assert run(["convert", str(words_json), str(out)]) == 0
    assert "\\k" not in out.read_text(encoding="utf-8")


def test_cues_without_words_are_written_plain_with_one_note(tmp_path, capsys):
    src = tmp_path / "in.srt"
    src.write_text("1\n00:00:01,000 --> 00:00:02,000\nHello there\n", encoding="utf-8")
    out = tmp_path / "k.ass"
    assert run(["convert", str(src), str(out), "--karaoke"]) == 0
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith(f"note: {out}: no cue has word times")
    assert out.read_text(encoding="utf-8").endswith(",Hello there\n")


def test_a_format_without_word_timing_is_noted(words_json, tmp_path, capsys):
    out = tmp_path / "k.srt"
    assert run(["convert", str(words_json), str(out), "--karaoke"]) == 0
    err = capsys.readouterr().err.splitlines()
    assert err[-1] == f"note: {out}: SubRip has no word timing; written without it (use .ass, .ssa, .vtt or .json)"


def _wav(path) -> None:
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(SAMPLE_RATE)
        w.writeframes(np.zeros(SAMPLE_RATE, "<i2").tobytes())


def test_transcribe_karaoke_writes_the_recognised_words(tmp_path, monkeypatch, capsys):
    class Client:
        def run(self, job, audio, *, cancelled=lambda: False, on_wait=None):
            yield Cues((Cue(0, 900, "hello world", (Word(100, 400, 0, 5), Word(500, 800, 6, 11))),))
            yield RecognitionDone("English", "cpu", estimated=False)

        def shutdown(self, timeout: float = 3.0) -> None:
            pass

    monkeypatch.setattr("app.asr.client.service.LocalEngineClient", Client)
    monkeypatch.setattr("app.asr.client.models.check_local", lambda *a, **k: None)
    media = tmp_path / "a.wav"
    _wav(media)
    out = tmp_path / "a.ass"
    assert run(["transcribe", str(media), "-o", str(out), "--karaoke"]) == 0
    (event,) = [line for line in out.read_text(encoding="utf-8").splitlines() if line.startswith("Dialogue:")]
    assert event.endswith(",{\\k10}{\\k40}hello {\\k40}world")
    assert sum(map(int, re.findall(r"\\k(\d+)", event))) == 90
    assert "note:" not in capsys.readouterr().err
