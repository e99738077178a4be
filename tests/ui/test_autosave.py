"""Autosave in the window's process: coalesced writes, clean state removes the file, recovery of a dead owner's file."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QLockFile, QTimer

from app.core.commands import SetText
from app.ui import autosave
from app.ui.autosave import AutoSaver


@pytest.fixture
def saver(window, tmp_path):
    return AutoSaver(window, tmp_path / "recovery", interval_ms=50)


def _saved_texts(path) -> list[str]:
    return [cue["text"] for cue in json.loads(path.read_text())["cues"]]


def test_edits_are_written_and_a_clean_state_removes_the_file(window, saver, srt_file, qtbot):
    with qtbot.waitSignal(window.files.subtitlesLoaded):
        window.open_path(str(srt_file))
    assert not saver.path.exists()  # nothing unsaved yet
    window.state.push(SetText(0, "One"))
    window.state.push(SetText(1, "Two"))
    qtbot.waitUntil(saver.path.exists, timeout=2000)
    assert _saved_texts(saver.path) == ["One", "Two", "Fine."]  # both edits in one write
    meta = json.loads(saver.path.read_text())["recovery"]
    assert meta["subtitle_path"] == str(srt_file) and meta["project_path"] is None

    while window.state.stack.can_undo:  # back to the file as read: nothing to recover
        window.undo()
    qtbot.waitUntil(lambda: not saver.path.exists(), timeout=2000)


def test_recovery_files_are_private(window, saver, srt_file, qtbot):
    """Issue 27: recovery files were 0644 (other users could read the unsaved work); cache entries are 0600."""
    import os
    import stat

    assert stat.S_IMODE(os.stat(saver.folder).st_mode) == 0o700  # a new folder is private too
    saver.path.write_bytes(b"{}")
    os.chmod(saver.path, 0o644)  # an older version's file: not kept readable by others
    with qtbot.waitSignal(window.files.subtitlesLoaded):
        window.open_path(str(srt_file))
    window.state.push(SetText(0, "One"))
    qtbot.waitUntil(lambda: _saved_texts(saver.path)[:1] == ["One"] if saver.path.stat().st_size > 2 else False,
                    timeout=2000)  # fmt: skip
    assert stat.S_IMODE(os.stat(saver.path).st_mode) == 0o600


def test_a_steady_stream_of_edits_is_still_written(window, saver, srt_file, qtbot):
    """Writes are coalesced, never postponed: edits every 20 ms do not keep the file from being written."""
    with qtbot.waitSignal(window.files.subtitlesLoaded):
        window.open_path(str(srt_file))
    texts = iter(f"edit {i}" for i in range(1000))
    timer = QTimer(window)
    timer.timeout.connect(lambda: window.state.push(SetText(0, next(texts))))
    timer.start(20)
    qtbot.waitUntil(saver.path.exists, timeout=2000)
    timer.stop()
    assert _saved_texts(saver.path)[0].startswith("edit ")


def test_clean_exit_removes_the_file(window, saver, srt_file, qtbot):
    with qtbot.waitSignal(window.files.subtitlesLoaded):
        window.open_path(str(srt_file))
    window.state.push(SetText(0, "One"))
    saver.save_now()
    assert saver.path.exists()
    window.close()  # the fixture answers "Discard" to the unsaved-changes prompt
    assert not saver.path.exists()


def test_restore_from_a_dead_owner(window, saver, srt_file, tmp_path, monkeypatch, qtbot):
    # a recovery file as a killed process leaves it: no live owner behind its lock
    other = saver.folder / "recovery-999999999.qssproj"
    other.write_text(
        json.dumps(
            {
                "format": "qwen-subtitle-studio-project",
                "version": 1,
                "language": "English",
                "settings": {},
                "cues": [{"start": 0, "end": 900, "text": "Saved by the dead"}],
                "recovery": {"pid": 999999999, "saved_at": 1, "subtitle_path": str(srt_file), "project_path": None},
            }
        )
    )
    # and one whose owner is alive: never offered
    alive = saver.folder / "recovery-1.qssproj"
    alive.write_text(other.read_text())
    lock = QLockFile(str(alive) + ".lock")
    assert lock.tryLock(0)

    asked = []
    monkeypatch.setattr(autosave, "ask_restore", lambda _window, item: asked.append(item.describe()) or True)
    assert saver.offer_recovery()
    assert len(asked) == 1 and "subs.srt: 1 cue, saved" in asked[0]  # one cue: Qt's plural, not "1 cues"
    state = window.state
    assert [c.text for c in state.doc] == ["Saved by the dead"]
    assert state.doc.language == "English" and state.subtitle_path == str(srt_file)
    assert state.is_modified() and window.isWindowModified()
    assert not other.exists() and alive.exists()
    assert saver.path.exists()  # the restored work is kept in our own recovery file at once
    window.undo()  # one step back: an empty document, nothing lost that was not recovered
    assert len(state.doc) == 0
    lock.unlock()


def test_declined_or_nothing_to_offer(window, saver, monkeypatch):
    monkeypatch.setattr(autosave, "ask_restore", lambda *_: pytest.fail("nothing should be offered"))
    assert not saver.offer_recovery()
    damaged = saver.folder / "recovery-999999998.qssproj"
    damaged.write_text("{not json")
    assert not saver.offer_recovery()
    assert not damaged.exists()  # unreadable: dropped rather than offered forever


def test_text_still_being_typed_is_saved(window, saver, srt_file, qtbot):
    """The text box commits after a pause in typing; a crash during a long burst must not lose the burst."""
    with qtbot.waitSignal(window.files.subtitlesLoaded):
        window.open_path(str(srt_file))
    window.state.select([1])
    window.editor._timer.setInterval(60_000)  # the user never pauses
    window.editor.edit.setPlainText("Typed but not yet committed")
    assert not window.state.is_modified()
    qtbot.waitUntil(saver.path.exists, timeout=2000)
    assert _saved_texts(saver.path) == ["Hello, world.", "Typed but not yet committed", "Fine."]


def test_the_recovery_offer_names_the_media_not_the_last_export(tmp_path):
    """Issue 27, item 18: the offer said "export.vtt" (the last export) for work on film.mp4."""
    from app.core.document import Cue, Document

    doc = Document([Cue(0, 900, "a")], media_path=str(tmp_path / "film.mp4"))
    item = autosave.Recovered(tmp_path / "r.qssproj", QLockFile(str(tmp_path / "r.lock")), 1.0,
                              str(tmp_path / "export.vtt"), None, 1, doc)  # fmt: skip
    assert item.describe().startswith("film.mp4 (export.vtt): 1 cue, saved")
    bare = autosave.Recovered(tmp_path / "r.qssproj", QLockFile(str(tmp_path / "r.lock")), 1.0, None, None, 1,
                              Document([Cue(0, 900, "a")], media_path=str(tmp_path / "film.mp4")))  # fmt: skip
    assert bare.describe().startswith("film.mp4: 1 cue")


def test_the_timed_write_runs_off_the_ui_thread(window, saver, srt_file, qtbot, monkeypatch):
    """Issue 27: 200,000 cues blocked the window 3.7 s at every autosave; the bytes are made and written elsewhere."""
    import threading

    import app.ui.autosave as autosave

    threads: list[str] = []
    real = autosave.recovery_bytes

    def recorded(*args, **kwargs):
        threads.append(threading.current_thread().name)
        return real(*args, **kwargs)

    monkeypatch.setattr(autosave, "recovery_bytes", recorded)
    with qtbot.waitSignal(window.files.subtitlesLoaded):
        window.open_path(str(srt_file))
    window.state.push(SetText(0, "Typed"))
    qtbot.waitUntil(lambda: saver.path.exists() and _saved_texts(saver.path)[0] == "Typed", timeout=5000)
    assert threads and threading.main_thread().name not in threads
    window.state.push(SetText(0, "Again"))  # changes while a write runs are written after it
    qtbot.waitUntil(lambda: _saved_texts(saver.path)[0] == "Again", timeout=5000)
    saver.discard()
    assert not saver.path.exists()
