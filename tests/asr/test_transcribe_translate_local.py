"""``transcribe --translate-to`` on the local engine with the suite's tiny random checkpoints (issue 25, item 6): the
tiny model's words are random, so the test asks only that every cue with text gets its translation under it (the
chat stand-in translates a line by a rule)."""

from __future__ import annotations

import pytest

from app.cli import run
from app.formats.registry import read_subtitles
from tests.support.chat_server import (
    StandInChat,
    no_language_verdict,  # noqa: F401  (a fixture)
    translate_line,
)

pytestmark = pytest.mark.usefixtures("no_language_verdict")


def test_transcribe_on_tiny_checkpoints_writes_both_lines_for_every_cue(tiny_models, speech_wav, tmp_path, capsys):
    plain, both = tmp_path / "plain.srt", tmp_path / "both.srt"
    common = ["--model", str(tiny_models.recognizer), "--aligner", "none", "--device", "cpu", "--language", "English",
              "--max-new-tokens", "16"]  # fmt: skip
    assert run(["transcribe", str(speech_wav), "-o", str(plain), *common]) == 0
    with StandInChat() as chat:
        status = run(["transcribe", str(speech_wav), "-o", str(both), *common, "--translate-to", "French",
                      "--llm-server", chat.url, "--llm-model", "qwen3"])  # fmt: skip
    assert status == 0, capsys.readouterr().err
    original = read_subtitles(plain).cues
    cues = read_subtitles(both).cues
    assert [(c.start, c.end) for c in cues] == [(c.start, c.end) for c in original]
    for mine, theirs in zip(cues, original, strict=True):
        if theirs.text.strip():
            assert mine.text == f"{theirs.text}\n{translate_line(theirs.text)}"
        else:
            assert mine.text == theirs.text
    assert len(chat.requests) == (1 if any(c.text.strip() for c in original) else 0)
