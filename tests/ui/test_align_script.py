"""File ▸ Align Script… (issue 24 item 7): a plain script aligned to the open media in a task, one undo step."""

from __future__ import annotations

import itertools

import pytest

from app.asr.algorithms.script import script_words
from app.ui.script import run as ui_script
from tests.asr.conftest import speech_wav, tiny_models  # noqa: F401 - session fixtures shared with tests/asr
from tests.ui.test_realign_flow import LanguageAnswer, tiny_options

SCRIPT = (
    "Hello everyone, and welcome to the show.\n"
    "Today we talk about subtitles, timing and reading speed.\n"
    "The quick brown fox jumps over the lazy dog.\n"
    "Thank you for watching, and see you next time.\n"
)


def test_the_feature_on_a_fake_host_adds_its_action_and_refuses_an_empty_script(qtbot, tmp_path):
    from app.ui.script import install
    from tests.ui.fake_host import FakeHost

    host = FakeHost()
    install(host.context, host)
    assert any(a.text() == "Align &Script…" for a in host.menus["file"].actions())
    empty = tmp_path / "empty.txt"
    empty.write_text("\n\n", encoding="utf-8")
    assert ui_script.align_script_file(host, str(empty), media=str(tmp_path / "film.wav"), language="English") is None
    assert host.errors and "no words to align" in host.errors[0][1]
    thai = tmp_path / "thai.txt"
    thai.write_text("สวัสดีครับ ยินดีต้อนรับ\n", encoding="utf-8")
    assert ui_script.align_script_file(host, str(thai), media="film.wav", language="Thai") is None
    assert "cannot align Thai" in host.errors[-1][1] and "English" in host.errors[-1][1]


@pytest.mark.slow
def test_align_script_from_the_menu_with_tiny_models(window, qtbot, monkeypatch, tmp_path, speech_wav, tiny_models):  # noqa: F811
    from PySide6.QtWidgets import QFileDialog

    with qtbot.waitSignal(window.files.mediaLoaded, timeout=60_000):
        window.open_path(str(speech_wav))
    script = tmp_path / "script.txt"
    script.write_text(SCRIPT, encoding="utf-8")
    monkeypatch.setattr("app.ui.recognition.run.load_options", lambda _w: tiny_options(tiny_models))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(script), "")))
    asked = LanguageAnswer(monkeypatch)
    before = window.state.doc.snapshot()
    action = next(a for a in window.menu("file").actions() if a.text() == "Align &Script…")
    with qtbot.waitSignal(window.tasks.taskFinished, timeout=120_000, check_params_cb=lambda n: n == "script"):
        action.trigger()
    assert asked.asked[0][2] == "English"  # preset from the script's text
    cues = list(window.state.doc)
    assert script_words(" ".join(c.text for c in cues)) == script_words(SCRIPT)
    assert all(a.end <= b.start for a, b in itertools.pairwise(cues)) and all(c.start < c.end for c in cues)
    assert window.state.stack.undo_label == "Align script"
    window.undo()
    assert window.state.doc.snapshot() == before


def test_cancel_ends_the_run_and_changes_nothing(window, qtbot, monkeypatch, tmp_path, speech_wav):  # noqa: F811
    """The engine's client is asked to stop; the task ends without touching the document."""
    import threading

    from app.asr.client.protocol import Status
    from app.core.messages import message

    with qtbot.waitSignal(window.files.mediaLoaded, timeout=60_000):
        window.open_path(str(speech_wav))
    started = threading.Event()

    class Stalling:
        def run(self, job, audio, *, cancelled, on_wait=None):
            started.set()
            yield Status(message("engine.loading_aligner"))
            while not cancelled():
                threading.Event().wait(0.05)

    monkeypatch.setattr("app.asr.client.service.local_engine", lambda: Stalling())
    before = window.state.doc.snapshot()
    handle = ui_script.run_align_script(window, SCRIPT, "English")
    assert handle is not None
    qtbot.waitUntil(started.is_set, timeout=10_000)
    with qtbot.waitSignal(window.tasks.taskFinished, timeout=2_000, check_params_cb=lambda n: n == "script"):
        handle.cancel()
    assert window.state.doc.snapshot() == before
