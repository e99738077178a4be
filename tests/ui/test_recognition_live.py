"""Recognition through the real window path, with an engine the test feeds chunk by chunk.

A long run is one undo step while its cues appear live; a document opened meanwhile receives none of them;
the user's own edits during a run stay steps of their own.
"""

from __future__ import annotations

import numpy as np
import pytest
import soundfile as sf

from app.core.commands import InsertCue, SetText
from app.core.document import Cue, Document
from app.ui.recognition.options import RecognitionOptions
from app.ui.recognition.run import run_recognition, start_recognition
from tests.ui.fakes import FakeEngine, chunk_cues

OPTIONS = RecognitionOptions(model="fake-model", aligner=None, language=None, device="cpu")


@pytest.fixture
def engine(monkeypatch) -> FakeEngine:
    fake = FakeEngine()
    monkeypatch.setattr("app.asr.client.service.local_engine", lambda: fake)  # the typed engine interface
    return fake


@pytest.fixture
def with_media(window, qtbot, tmp_path):
    """The window with a real (short, quiet) recording decoded: recognition needs audio to start."""
    path = tmp_path / "talk.wav"
    sf.write(path, np.zeros(16_000, dtype=np.float32), 16_000)
    with qtbot.waitSignal(window.files.mediaLoaded, timeout=60_000):
        window.open_path(str(path))
    return window


def finished(window, qtbot, handle, timeout=60_000):
    qtbot.waitUntil(lambda: not handle.is_running(), timeout=timeout)


def test_a_two_hour_recognition_is_one_undo_step_with_cues_appearing_live(with_media, qtbot, engine):
    window, state = with_media, with_media.state
    counts: list[int] = []
    state.cuesChanged.connect(lambda _change: counts.append(len(state.doc)))
    handle = run_recognition(window, OPTIONS)
    engine.chunk(chunk_cues(0))
    qtbot.waitUntil(lambda: len(state.doc) == 3)  # the first chunk is there while the run goes on
    assert handle.is_running() and not state.stack.in_group, "the user can edit and undo meanwhile"
    chunks = 720  # 2 hours in 10 s chunks
    for index in range(1, chunks):
        engine.chunk(chunk_cues(index))
    engine.end("English")
    finished(window, qtbot, handle)
    assert handle.outcome == "succeeded"
    assert len(state.doc) == 3 * chunks and len(set(counts)) >= 2
    assert state.doc.language == "English" and state.is_modified()
    assert state.stack.undo_label == "Recognize speech"
    state.stack.undo()
    assert len(state.doc) == 0 and state.doc.language is None
    assert not state.stack.can_undo, "the whole run was one step"
    state.stack.redo()
    assert len(state.doc) == 3 * chunks


def test_a_document_opened_during_recognition_receives_no_cues(with_media, qtbot, engine):
    window, state = with_media, with_media.state
    handle = run_recognition(window, OPTIONS)
    engine.chunk(chunk_cues(0))
    qtbot.waitUntil(lambda: len(state.doc) == 3)
    state.replace_document(Document(), subtitle_path="/elsewhere/other.srt")  # the user opened another file
    engine.chunk(chunk_cues(1))
    engine.end("English")
    finished(window, qtbot, handle)
    assert len(state.doc) == 0 and state.doc.language is None
    assert not state.stack.can_undo and not state.is_modified()
    assert not window.dialogs


def test_user_edits_during_a_run_stay_their_own_steps(with_media, qtbot, engine):
    """The run's cues before the edit are one step, the edit another, what came after a third."""
    window, state = with_media, with_media.state
    handle = run_recognition(window, OPTIONS)
    engine.chunk(chunk_cues(0))
    engine.chunk(chunk_cues(1))
    qtbot.waitUntil(lambda: len(state.doc) == 6)
    state.push(SetText(0, "Fixed while it ran."))  # the user types
    engine.chunk(chunk_cues(2))
    engine.chunk(chunk_cues(3))
    engine.end(None)
    finished(window, qtbot, handle)
    assert len(state.doc) == 12 and state.doc[0].text == "Fixed while it ran."
    state.stack.undo()  # what arrived after the edit
    assert len(state.doc) == 6 and state.doc[0].text == "Fixed while it ran."
    state.stack.undo()  # the edit alone, never swallowed into the run
    assert len(state.doc) == 6 and state.doc[0].text == "chunk 0 cue 0"
    state.stack.undo()
    assert len(state.doc) == 0 and not state.stack.can_undo


def _with_old_cue(window, state, monkeypatch):
    state.push(InsertCue(0, Cue(0, 500, "old cue")))
    state.stack.mark_clean()
    monkeypatch.setattr(window, "ask", lambda _title, _question: True)


@pytest.mark.parametrize("ending", ["cancel", "fail"])
def test_a_cancelled_or_failed_run_leaves_the_cues_as_they_were(with_media, qtbot, engine, monkeypatch, ending):
    window, state = with_media, with_media.state
    _with_old_cue(window, state, monkeypatch)
    handle = start_recognition(window, RecognitionOptions(model="fake", aligner=None, language="German"))
    for index in range(4):
        engine.chunk(chunk_cues(index))
    qtbot.waitUntil(lambda: len(state.doc) == 12)  # the old cue cleared, the run's cues shown as they came
    if ending == "cancel":
        handle.cancel()
    else:
        engine.fail("the server dropped the connection")
    finished(window, qtbot, handle)
    assert handle.outcome == ("cancelled" if ending == "cancel" else "failed")
    assert [c.text for c in state.doc] == ["old cue"] and state.doc.language is None
    assert not state.is_modified() and state.stack.undo_label != "Recognize speech" and not state.stack.can_redo


def test_replacing_cues_and_the_language_go_with_the_run(with_media, qtbot, engine, monkeypatch):
    """Recognising over existing cues: clearing them, the chosen language and the new cues are one step."""
    window, state = with_media, with_media.state
    _with_old_cue(window, state, monkeypatch)
    handle = start_recognition(window, RecognitionOptions(model="fake", aligner=None, language="German"))
    engine.chunk(chunk_cues(0))
    engine.end("German")
    finished(window, qtbot, handle)
    assert state.doc[0].text == "chunk 0 cue 0" and state.doc.language == "German"
    state.stack.undo()
    assert [c.text for c in state.doc] == ["old cue"] and state.doc.language is None
    assert not state.is_modified()


def test_other_media_opened_during_recognition_stops_it(with_media, qtbot, engine, tmp_path):
    """The cues would be for the old recording: the run is cancelled, what came before stays."""
    window, state = with_media, with_media.state
    handle = run_recognition(window, OPTIONS)
    engine.chunk(chunk_cues(0))
    qtbot.waitUntil(lambda: len(state.doc) == 3)
    other = tmp_path / "other.wav"
    sf.write(other, np.zeros(8000, dtype=np.float32), 16_000)
    with qtbot.waitSignal(window.files.mediaLoaded, timeout=60_000):
        window.open_path(str(other))
    engine.chunk(chunk_cues(1))
    engine.end("English")
    finished(window, qtbot, handle)
    assert handle.outcome == "cancelled" and len(state.doc) == 3


def test_recognition_on_a_server_fills_the_document(with_media, qtbot, monkeypatch):
    from dataclasses import replace

    from tests.support.asr_server import FakeAsrServer

    window, state = with_media, with_media.state
    monkeypatch.delenv("QSS_SERVER_API_KEY", raising=False)
    with FakeAsrServer(language="French") as server:
        tone = (0.3 * np.sin(np.arange(32_000) / 16_000 * 2 * np.pi * 440)).astype(np.float32)
        state.session.audio = replace(state.audio, samples=tone)  # a tone the stand-in answers for
        handle = run_recognition(window, replace(OPTIONS, server_url=server.url))
        finished(window, qtbot, handle)
    assert handle.outcome == "succeeded"
    assert " ".join(c.text for c in state.doc.cues) == "Chunk 5 said this."
    assert state.doc.language == "French"


def test_a_server_that_refuses_the_key_leaves_the_cues_as_they_were(with_media, qtbot, monkeypatch):
    from dataclasses import replace

    from tests.support.asr_server import FakeAsrServer

    window, state = with_media, with_media.state
    _with_old_cue(window, state, monkeypatch)
    monkeypatch.setenv("QSS_SERVER_API_KEY", "wrong")
    with FakeAsrServer(api_key="right") as server:
        tone = (0.3 * np.sin(np.arange(32_000) / 16_000 * 2 * np.pi * 440)).astype(np.float32)
        state.session.audio = replace(state.audio, samples=tone)
        handle = start_recognition(window, replace(OPTIONS, server_url=server.url))
        finished(window, qtbot, handle)
    assert handle.outcome == "failed"
    assert [c.text for c in state.doc] == ["old cue"] and not state.is_modified()
