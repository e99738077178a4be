"""What the window does when new subtitles or media arrive over work already there: it asks or it says so."""

from __future__ import annotations

import math
import struct
import wave

import pytest
from PySide6.QtWidgets import QMessageBox

OTHER_SRT = "1\n00:00:01,000 --> 00:00:02,000\nSomething else.\n"


def _wav(path, seconds: float = 2.0) -> str:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(16000)
        out.writeframes(b"".join(struct.pack("<h", int(8000 * math.sin(i / 10))) for i in range(int(16000 * seconds))))
    return str(path)


def _open_media(window, qtbot, path: str) -> None:
    with qtbot.waitSignals([window.files.mediaLoaded, window.tasks.taskFinished], timeout=60_000):
        window.open_path(path)  # taskFinished too: the next decode must not find this one still running


@pytest.fixture
def answer(monkeypatch):
    """Answers QMessageBox.question with what the test puts in ``answer.reply``; records the questions."""

    class Answer:
        def __init__(self) -> None:
            self.reply = QMessageBox.StandardButton.No
            self.asked: list[str] = []

    record = Answer()

    def question(_parent, _title, text, *args, **kwargs):
        record.asked.append(text)
        return record.reply

    monkeypatch.setattr(QMessageBox, "question", question)
    return record


def test_import_over_cues_asks_first(window, qtbot, tmp_path, srt_file, answer):
    _open_media(window, qtbot, _wav(tmp_path / "talk.wav"))
    with qtbot.waitSignal(window.tasks.taskFinished, timeout=30_000):  # subtitles are read in a worker
        window.open_path(str(srt_file))
    assert len(window.state.doc) == 3 and not answer.asked  # nothing to replace yet: no question
    other = tmp_path / "other.srt"
    other.write_text(OTHER_SRT, encoding="utf-8")
    with qtbot.waitSignal(window.tasks.taskFinished, timeout=30_000):  # subtitles are read in a worker
        window.open_path(str(other))
    assert len(answer.asked) == 1 and "other.srt" in answer.asked[0]
    assert len(window.state.doc) == 3  # "No": the cues stay
    answer.reply = QMessageBox.StandardButton.Yes
    with qtbot.waitSignal(window.tasks.taskFinished, timeout=30_000):  # subtitles are read in a worker
        window.open_path(str(other))
    assert [c.text for c in window.state.doc] == ["Something else."]


def test_the_title_names_the_media_not_the_last_subtitle_file(window, qtbot, tmp_path, srt_file, answer):
    _open_media(window, qtbot, _wav(tmp_path / "interview.wav"))
    with qtbot.waitSignal(window.tasks.taskFinished, timeout=30_000):  # subtitles are read in a worker
        window.open_path(str(srt_file))
    assert window.windowTitle().startswith("interview.wav")
    window.files.export_subtitles(str(tmp_path / "exported.srt"))
    assert window.windowTitle().startswith("interview.wav")


def test_opening_other_media_over_cues_says_the_cues_are_kept(window, qtbot, tmp_path, srt_file, answer):
    _open_media(window, qtbot, _wav(tmp_path / "first.wav"))
    with qtbot.waitSignal(window.tasks.taskFinished, timeout=30_000):  # subtitles are read in a worker
        window.open_path(str(srt_file))
    _open_media(window, qtbot, _wav(tmp_path / "second.wav", 3.0))
    message = window.statusBar().currentMessage()
    assert "second.wav" in message and "3 cue" in message and "kept" in message
    assert len(window.state.doc) == 3
    assert window.windowTitle().startswith("second.wav")
