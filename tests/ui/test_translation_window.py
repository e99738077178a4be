"""Translation in the window (issue 25, item 2): the dialog, a run as a task, the list's column, the second box
and the picture's second line, against the stand-in chat server on 127.0.0.1."""

from __future__ import annotations

import time

import pytest

from app.core.document import Cue, Document
from app.ui.cue_table import TRANSLATION
from app.ui.translation import install
from app.ui.translation.dialog import TranslateDialog, TranslateSettings
from app.ui.translation.run import start_translation
from tests.support.chat_server import Reply, StandInChat, answer_lines
from tests.ui.fake_host import FakeHost

TEXTS = [f"line {i}" for i in range(5)]


@pytest.fixture(autouse=True)
def no_key(monkeypatch):
    monkeypatch.delenv("QSS_LLM_API_KEY", raising=False)
    monkeypatch.setattr("app.translate.client.api_key", lambda url: None)  # never the real keyring
    monkeypatch.setattr("app.keystore._keyring", lambda: None)  # the dialog's key field neither


def _host(qtbot, translations=None):
    cues = [Cue(i * 1000, i * 1000 + 900, t, translation=(translations or {}).get(i, "")) for i, t in
            enumerate(TEXTS)]  # fmt: skip
    host = FakeHost(Document.from_cues(cues))
    qtbot.addWidget(host.parent_widget)
    box = install(host.context, host)
    return host, box


def _settings(chat, **changes):
    values = dict(server_url=chat.url, model="qwen3", language="French", context="", glossary="", concurrency=2)
    values.update(changes)
    return TranslateSettings(**values)


def _run(qtbot, host, settings, timeout=10_000):
    handle = start_translation(host, settings)
    assert handle is not None
    with qtbot.waitSignal(host.tasks.taskFinished, timeout=timeout):
        pass
    return handle


def test_the_dialog_lists_the_servers_models(qtbot):
    with StandInChat(models=("qwen3", "deepseek-chat")) as chat:
        host = FakeHost()
        host.prefs.translate_server_url = chat.url
        dialog = TranslateDialog(host.prefs, False)
        qtbot.addWidget(dialog)
        with qtbot.waitSignal(dialog.modelsListed, timeout=10_000):
            pass
    names = [dialog.model.itemText(i) for i in range(dialog.model.count())]
    assert names == ["deepseek-chat", "qwen3"]
    dialog.model.setCurrentText("qwen3")
    dialog.language.setCurrentText("Japanese")
    dialog._accept()
    assert (host.prefs.translate_model, host.prefs.translate_language) == ("qwen3", "Japanese")


def test_a_run_translates_every_cue_as_one_undo_step(qtbot):
    host, _box = _host(qtbot)
    with StandInChat() as chat:
        _run(qtbot, host, _settings(chat))
    assert [c.translation for c in host.state.doc] == [f"FR line {i}" for i in range(5)]
    assert host.state.doc.settings.translation_language == "French" and not host.errors
    host.state.stack.undo()
    assert [c.translation for c in host.state.doc] == [""] * 5
    assert not host.state.doc.settings.translation_language


def test_resume_translates_only_cues_without_a_translation(qtbot):
    host, _box = _host(qtbot, {1: "kept", 3: "kept too"})
    with StandInChat() as chat:
        _run(qtbot, host, _settings(chat, resume=True))
        asked = {n for body in chat.requests for n in range(1, 6) if f"[{n}] line" in body["messages"][-1]["content"]}
    assert asked == {1, 3, 5} and host.state.doc[1].translation == "kept"
    assert host.state.doc[0].translation == "FR line 0"


def test_cancel_ends_a_never_ending_answer_within_two_seconds(qtbot):
    host, _box = _host(qtbot)
    with StandInChat(lambda lines, body: Reply(answer_lines(lines)[:5], never_end=True)) as chat:
        handle = start_translation(host, _settings(chat, concurrency=1))
        qtbot.waitUntil(lambda: bool(chat.requests), timeout=10_000)
        started = time.monotonic()
        with qtbot.waitSignal(handle.ended, timeout=2000):
            handle.cancel()
        took = time.monotonic() - started
    assert took < 2.0 and handle.outcome == "cancelled"
    assert [c.translation for c in host.state.doc] == [""] * 5 and not host.errors


def test_a_refused_key_is_one_line_and_nothing_is_lost(qtbot):
    host, _box = _host(qtbot, {0: "mine"})
    with StandInChat(key="secret") as chat:
        _run(qtbot, host, _settings(chat))
    assert len(host.errors) == 1 and "\n" not in host.errors[0][1] and "401" in host.errors[0][1]
    assert host.state.doc[0].translation == "mine" and not host.state.stack.can_undo


def test_an_unknown_model_is_one_line(qtbot):
    host, _box = _host(qtbot)
    with StandInChat() as chat:
        _run(qtbot, host, _settings(chat, model="nope"))
    assert len(host.errors) == 1 and "'nope'" in host.errors[0][1] and "\n" not in host.errors[0][1]


def test_the_column_and_the_second_box_show_and_edit_translations(qtbot):
    host, box = _host(qtbot)
    assert host.table.isColumnHidden(TRANSLATION) and box.isHidden()
    host, box = _host(qtbot, {2: "deux"})
    host.parent_widget.show()
    model = host.table.model()
    assert not host.table.isColumnHidden(TRANSLATION) and not box.isHidden()
    assert model.data(model.index(2, TRANSLATION)) == "deux"
    host.state.select([2])
    assert box.edit.toPlainText() == "deux"
    box.edit.setPlainText("deux !")
    box.commit()
    assert host.state.doc[2].translation == "deux !"
    assert model.setData(model.index(3, TRANSLATION), "trois")
    assert host.state.doc[3].translation == "trois"
    host.state.stack.undo()
    host.state.stack.undo()
    assert [c.translation for c in host.state.doc][2:4] == ["deux", ""]
    assert box.edit.toPlainText() == "deux"  # the box follows the undo


def test_a_cue_to_review_is_coloured_like_a_problem(qtbot):
    from PySide6.QtCore import Qt

    from app.core.commands import SetTranslations
    from app.ui.palette import colours

    host, _box = _host(qtbot, {0: "un"})
    host.state.push(SetTranslations((1,), ("",), (True,)))
    model = host.table.model()
    brush = model.data(model.index(1, TRANSLATION), Qt.ItemDataRole.BackgroundRole)
    assert brush is not None and brush.color() == colours().row_problem
    assert model.data(model.index(0, TRANSLATION), Qt.ItemDataRole.BackgroundRole) is None


def test_the_picture_draws_the_translation_smaller_below_the_text():
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QImage, QPainter

    from app.ui.picture.canvas import paint_subtitle

    image = QImage(1280, 720, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    alone = paint_subtitle(painter, QRectF(0, 0, 1280, 720), "Hello")
    both = paint_subtitle(painter, QRectF(0, 0, 1280, 720), "Hello", translation="Bonjour")
    painter.end()
    assert len(alone) == 1 and len(both) == 2
    assert both[1].top() >= both[0].bottom() - 1 and both[1].height() < both[0].height()
    assert both[1].bottom() == pytest.approx(alone[0].bottom(), abs=2)  # the pair sits where one line sat


def test_the_window_has_the_feature_and_an_old_saved_header_does_not_show_the_column(qtbot, tmp_path):
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QStandardItemModel
    from PySide6.QtWidgets import QTableView

    from app.ui.main_window import MainWindow

    old = QTableView()  # the list's header as saved before it had a Translation column
    old.setModel(QStandardItemModel(1, 6))
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("window/columns", old.horizontalHeader().saveState())
    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.show()
    try:
        assert win.table.isColumnHidden(TRANSLATION)
        assert "recognition.translate" in win.shortcuts.ids()
        box = win.features["translation"]
        win.state.session.replace_document(Document.from_cues([Cue(0, 900, "hi", translation="salut")]))
        assert not win.table.isColumnHidden(TRANSLATION) and box.isVisible()
    finally:
        win.tasks.shutdown()


def test_undo_in_the_translation_box_takes_back_what_was_typed(window, qtbot):
    from PySide6.QtCore import Qt

    window.state.session.replace_document(Document.from_cues([Cue(0, 900, "hi", translation="salut")]))
    box = window.features["translation"]
    window.state.select([0])
    box.edit.setFocus()
    qtbot.waitUntil(box.edit.hasFocus)
    qtbot.keyClick(box.edit, Qt.Key.Key_End)
    qtbot.keyClicks(box.edit, " toi")
    qtbot.keyClick(box.edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.state.doc[0].translation == "salut" and box.edit.toPlainText() == "salut"
    window.redo()
    assert window.state.doc[0].translation == "salut toi"
