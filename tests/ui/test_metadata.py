"""Document metadata changes from the window are edits: undoable, the work is modified, closing asks."""

from __future__ import annotations

import numpy as np
import pytest
import soundfile as sf

from app.core.commands import InsertCue
from app.core.document import Cue


@pytest.fixture
def recordings(tmp_path):
    paths = []
    for name in ("first.wav", "second.wav"):
        path = tmp_path / name
        sf.write(path, np.zeros(8000, dtype=np.float32), 16_000)
        paths.append(path)
    return paths


def open_media(window, qtbot, path) -> None:
    with qtbot.waitSignal(window.files.mediaLoaded, timeout=60_000):
        window.open_path(str(path))


def test_opening_other_media_on_a_saved_project_is_an_undoable_edit(window, qtbot, recordings, tmp_path):
    first, second = recordings
    open_media(window, qtbot, first)
    state = window.state
    assert not state.is_modified() and not state.stack.can_undo, "the first media of a new document is no edit"
    state.push(InsertCue(0, Cue(0, 400, "Hello.")))
    assert window.files._save_project(str(tmp_path / "talk.qssproj"))
    assert not state.is_modified() and not window.isWindowModified()

    open_media(window, qtbot, second)  # the project now points at another recording
    assert state.doc.media_path == str(second)
    assert state.is_modified() and window.isWindowModified(), "closing must ask: the change is not saved"
    assert "Open media" in window.undo_action.text()

    with qtbot.waitSignal(window.files.mediaLoaded, timeout=60_000):  # undo: the project's media, decoded again
        window.undo()
    assert state.doc.media_path == str(first) and not state.is_modified()
    assert state.audio.source.endswith("first.wav")

    window.redo()
    qtbot.waitUntil(lambda: state.audio is not None and state.audio.source.endswith("second.wav"), timeout=60_000)
    window.dialogs.clear()
    window.close()  # the fixture answers "Discard"
    assert any(title == "Unsaved changes" for title, _text in window.dialogs), window.dialogs
