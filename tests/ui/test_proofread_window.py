"""Recognition ▸ Proofread… (issue 25, item 4): the shared server fields, a run as a task, the review with a tick
per row, the ticked corrections applied as one undo step and marked edited; against the stand-in chat server."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import Qt

from app.core.document import Cue, Document
from app.translate.proofread import Correction
from app.ui.translation import install
from app.ui.translation.dialog import TranslateSettings
from app.ui.translation.proofread import ProofreadDialog, start_proofreading
from app.ui.translation.proofread_review import ProofreadReviewDialog, marked
from tests.support.chat_server import Reply, StandInChat, proofreader

TEXTS = ["我们明天去北경", "他的名字叫张伟", "这个实验\n很成工", "今天天气很好", "请大家安净一下"]
FIXES = {"北경": "北京", "成工": "成功", "安净": "安静", "张伟": "张薇"}


@pytest.fixture(autouse=True)
def no_key(monkeypatch):
    monkeypatch.delenv("QSS_LLM_API_KEY", raising=False)
    monkeypatch.setattr("app.translate.client.api_key", lambda url: None)  # never the real keyring


def _host(qtbot, locked=()):
    from tests.ui.fake_host import FakeHost

    cues = [Cue(i * 1000, i * 1000 + 900, t, locked=i in locked) for i, t in enumerate(TEXTS)]
    host = FakeHost(Document.from_cues(cues))
    qtbot.addWidget(host.parent_widget)
    install(host.context, host)
    return host


def _settings(chat, **changes):
    values = dict(server_url=chat.url, model="qwen3", language="", context="", glossary="", concurrency=2)
    values.update(changes)
    return TranslateSettings(**values)


def _run(qtbot, host, settings, review):
    handle = start_proofreading(host, settings, review)
    assert handle is not None
    with qtbot.waitSignal(host.tasks.taskFinished, timeout=10_000):
        pass
    return handle


def test_the_menu_has_proofread_next_to_translate(qtbot):
    host = _host(qtbot)
    names = [a.text() for a in host.menus["recognition"].actions()]
    assert names.index("&Proofread…") == names.index("&Translate…") + 1


def test_the_dialog_shares_the_translate_dialogs_server_fields(qtbot):
    with StandInChat(models=("qwen3", "deepseek-chat")) as chat:
        host = _host(qtbot)
        host.prefs.translate_server_url = chat.url
        host.prefs.translate_context = "A talk by 张薇"
        dialog = ProofreadDialog(host.prefs)
        qtbot.addWidget(dialog)
        with qtbot.waitSignal(dialog.modelsListed, timeout=10_000):
            pass
    assert [dialog.model.itemText(i) for i in range(dialog.model.count())] == ["deepseek-chat", "qwen3"]
    assert dialog.context_text.toPlainText() == "A talk by 张薇" and not hasattr(dialog, "language")
    dialog.model.setCurrentText("deepseek-chat")
    dialog._accept()
    assert dialog.result() == ProofreadDialog.DialogCode.Accepted and host.prefs.translate_model == "deepseek-chat"


def test_only_the_ticked_corrections_are_applied_as_one_undo_step_marking_cues_edited(qtbot):
    host = _host(qtbot, locked={4})
    seen: list[ProofreadReviewDialog] = []

    def review(dialog):
        seen.append(dialog)
        assert [c.index for c in dialog.corrections] == [0, 1, 2]  # 4 is locked: never asked
        assert dialog.table.ticked_rows() == [0, 1, 2]  # all ticked at first
        dialog.table.set_tick(1, False)  # the name was right after all
        return True

    with StandInChat(proofreader(FIXES)) as chat:
        _run(qtbot, host, _settings(chat), review)
    doc = host.state.doc
    assert seen and not host.errors
    assert [c.text for c in doc] == ["我们明天去北京", TEXTS[1], "这个实验\n很成功", TEXTS[3], TEXTS[4]]
    assert [c.edited for c in doc] == [True, False, True, False, False] and doc[4].locked
    assert host.statuses[-1].startswith("2 cue")  # (the English plural needs the installed translation)
    host.state.stack.undo()
    assert [c.text for c in doc] == TEXTS and not any(c.edited for c in doc)
    assert not host.state.stack.can_undo


def test_cancel_in_the_review_changes_nothing(qtbot):
    host = _host(qtbot)
    with StandInChat(proofreader(FIXES)) as chat:
        _run(qtbot, host, _settings(chat), lambda dialog: False)
    assert [c.text for c in host.state.doc] == TEXTS and not host.state.stack.can_undo


def test_cancel_ends_the_run_within_two_seconds_and_shows_nothing(qtbot):
    host = _host(qtbot)
    reviewed: list[object] = []
    with StandInChat(lambda lines, body: Reply("[1] 我们", never_end=True)) as chat:
        handle = start_proofreading(host, _settings(chat, concurrency=1), reviewed.append)
        qtbot.waitUntil(lambda: bool(chat.requests), timeout=10_000)
        started = time.monotonic()
        with qtbot.waitSignal(handle.ended, timeout=2000):
            handle.cancel()
        took = time.monotonic() - started
    assert took < 2.0 and handle.outcome == "cancelled" and not reviewed and not host.errors
    assert [c.text for c in host.state.doc] == TEXTS


def test_a_refused_key_is_one_line(qtbot):
    host = _host(qtbot)
    with StandInChat(proofreader(FIXES), key="secret") as chat:
        _run(qtbot, host, _settings(chat), lambda dialog: True)
    assert len(host.errors) == 1 and "\n" not in host.errors[0][1] and "401" in host.errors[0][1]
    assert not host.state.stack.can_undo


def test_the_review_marks_what_changed_and_a_doubtful_row_starts_unticked(qtbot):
    corrections = [Correction(0, "这个实验很成工", "这个实验很成功"), Correction(3, "I red it", "Ride it", True)]
    dialog = ProofreadReviewDialog(corrections, unchecked=1)
    qtbot.addWidget(dialog)
    assert dialog.table.ticked_rows() == [0]
    before, after = marked("很成工", "很成功")
    assert before.startswith("很成<span") and "工</span>" in before and "功</span>" in after
    assert marked("a<b\nc", "a<b\nd")[0].startswith("a&lt;b<br>")
    dialog.table.item(1, 0).setCheckState(Qt.CheckState.Checked)
    dialog.table.set_tick(0, False)
    assert [c.index for c in dialog.chosen()] == [3]
