"""The window starts whatever the recovery folder holds: unreadable files are set aside and the user told where."""

from __future__ import annotations

import json

import pytest

from app.core.commands import SetText
from app.ui import autosave
from app.ui.autosave import AutoSaver

SOUND = {
    "format": "qwen-subtitle-studio-project",
    "version": 1,
    "cues": [{"start": 0, "end": 900, "text": "Saved by the dead"}],
    "recovery": {"pid": 1, "saved_at": 1, "subtitle_path": None, "project_path": None},
}

HOSTILE = {
    "cues-5": '{"format": "qwen-subtitle-studio-project", "version": 1, "cues": 5, "recovery": {}}',
    "cues-null": '{"format": "qwen-subtitle-studio-project", "version": 1, "cues": null, "recovery": {}}',
    "start-infinity": json.dumps({**SOUND, "cues": [{"start": float("inf"), "end": 1, "text": "x"}]}),
    "deep": '{"format": "qwen-subtitle-studio-project", "version": 1, "cues": ' + "[" * 50_000 + "]" * 50_000 + "}",
    "not-json": "{not json",
    "no-entry": json.dumps({k: v for k, v in SOUND.items() if k != "recovery"}),
    "binary": "\x00\x01\x02",
}


@pytest.fixture
def folder(tmp_path):
    folder = tmp_path / "recovery"
    folder.mkdir()
    return folder


def _put(folder, number: int, text: str):
    path = folder / f"recovery-{900_000_000 + number}.qssproj"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("saved_at", ["yesterday", [1], 1e308, -1e20, float("nan")])
def test_a_damaged_time_still_offers_the_work(window, folder, monkeypatch, saved_at):
    meta = {**SOUND["recovery"], "saved_at": saved_at, "subtitle_path": 5, "project_path": ["x"]}
    _put(folder, 1, json.dumps({**SOUND, "recovery": meta}))
    asked: list[str] = []
    monkeypatch.setattr(autosave, "ask_restore", lambda _window, item: asked.append(item.describe()) or True)
    saver = AutoSaver(window, folder)
    assert saver.offer_recovery()
    assert asked and "Untitled: 1 cue," in asked[0]
    assert [c.text for c in window.state.doc] == ["Saved by the dead"]


def test_unreadable_files_are_set_aside_and_the_user_told(window, folder, monkeypatch):
    for number, text in enumerate(HOSTILE.values()):
        _put(folder, number, text)
    _put(folder, 99, json.dumps(SOUND))
    monkeypatch.setattr(autosave, "ask_restore", lambda *_: False)  # declined: the sound one is dropped
    saver = AutoSaver(window, folder)
    assert not saver.offer_recovery()
    kept = sorted(p.name for p in folder.glob("*.qssproj"))
    assert len(kept) == len(HOSTILE) and all(name.startswith("unreadable-recovery-") for name in kept)
    assert sorted(p.read_text(encoding="utf-8") for p in folder.glob("*.qssproj")) == sorted(HOSTILE.values())
    assert [title for title, _ in window.dialogs] == ["Recover unsaved work"]
    message = window.dialogs[0][1]
    assert "\n" not in message and str(folder) in message and "unreadable-recovery-" in message
    assert f"and {len(HOSTILE) - 1} more" in message
    assert list(folder.glob("*.lock")) == [saver.path.with_name(saver.path.name + ".lock")]
    assert not saver.offer_recovery() and len(window.dialogs) == 1  # told once: set-aside files are not read again


def test_a_recovery_folder_that_is_a_file_does_not_stop_the_start(window, tmp_path, srt_file, qtbot):
    blocked = tmp_path / "recovery"
    blocked.write_text("a file where the folder should be")
    saver = AutoSaver(window, blocked)
    assert not saver.offer_recovery()
    with qtbot.waitSignal(window.tasks.taskFinished, timeout=30_000):  # subtitles are read in a worker
        window.open_path(str(srt_file))
    window.state.push(SetText(0, "changed"))
    saver.save_now()  # cannot be written: said in the status bar, editing goes on
    assert "Autosave failed" in window.statusBar().currentMessage()
    assert blocked.read_text() == "a file where the folder should be"
