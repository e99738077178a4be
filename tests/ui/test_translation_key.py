"""The translate dialog's API key (issue 25, item 3): typed, kept in the system keyring for that server by Save in
keyring (the recognition dialog's field, app.ui.fields.ApiKeyField, over the chat server's store), never in the
settings; the stored key is the one the model list and the run send. A fake keyring backend stands in."""

from __future__ import annotations

import keyring
import pytest
from keyring.backends import fail
from PySide6.QtCore import QSettings

from app.core.document import Cue, Document
from app.session.preferences import Preferences
from app.translate.client import KEYRING_SERVICE, LLM_KEYS
from app.ui.translation import install
from app.ui.translation.dialog import TranslateDialog
from app.ui.translation.run import start_translation
from tests.asr.test_api_key import MemoryKeyring
from tests.support.chat_server import StandInChat
from tests.ui.fake_host import FakeHost


@pytest.fixture
def memory_keyring(monkeypatch):
    monkeypatch.delenv("QSS_LLM_API_KEY", raising=False)
    monkeypatch.setattr("app.keystore._session_keys", {})
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


def _accepted_with_key(qtbot, url: str, key: str) -> tuple[FakeHost, TranslateDialog]:
    """A host and its translate dialog for ``url``, accepted with ``key`` typed (used for the session)."""
    host = FakeHost()
    qtbot.addWidget(host.parent_widget)  # its widgets end with the test, on this thread
    dialog = TranslateDialog(host.prefs, False)
    qtbot.addWidget(dialog)
    dialog.server.setText(url)
    dialog.model.setCurrentText("qwen3")
    dialog.key_field.edit.setText(key)
    dialog._accept()
    return host, dialog


def test_save_in_keyring_keeps_the_key_for_that_server_and_the_run_sends_it(qtbot, tmp_path, memory_keyring):
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    with StandInChat(key="t0p-s3cret") as chat:
        dialog = TranslateDialog(Preferences(settings), False)
        qtbot.addWidget(dialog)
        dialog.server.setText(chat.url + "/v1")
        dialog.key_field.edit.setText("t0p-s3cret")
        dialog.save_key()
        assert dialog.models_note.text() == "The key is kept in the system keyring."
        assert memory_keyring.store == {(KEYRING_SERVICE, chat.url): "t0p-s3cret"}  # with or without /v1: one key
        assert not dialog.key_field.edit.text()
        with qtbot.waitSignal(dialog.modelsListed, timeout=10_000):
            dialog.list_models()  # the stored key is the one sent
        assert [dialog.model.itemText(i) for i in range(dialog.model.count())] == ["qwen3"]
        dialog.language.setCurrentText("French")
        dialog._accept()
        settings.sync()
        assert "t0p-s3cret" not in (tmp_path / "s.ini").read_text()

        host = FakeHost(Document.from_cues([Cue(0, 900, "Hello.")]))
        qtbot.addWidget(host.parent_widget)
        install(host.context, host)
        assert start_translation(host, dialog.settings()) is not None
        with qtbot.waitSignal(host.tasks.taskFinished, timeout=10_000):
            pass
    assert not host.errors and host.state.doc[0].translation == "FR Hello."


def test_a_typed_key_serves_the_session_unsaved_and_no_keyring_is_said(qtbot, memory_keyring):
    with StandInChat(key="typed") as chat:
        _host, dialog = _accepted_with_key(qtbot, chat.url, "typed")
        assert LLM_KEYS.key(chat.url) == "typed" and memory_keyring.store == {}  # used, not stored unasked
    keyring.set_keyring(fail.Keyring())  # a headless machine: no keyring at all
    dialog.key_field.edit.setText("other")
    dialog.save_key()
    assert dialog.models_note.text() == "No system keyring is available here; set QSS_LLM_API_KEY instead."


def test_a_key_saved_in_the_keyring_takes_over_from_one_typed_earlier(qtbot, memory_keyring):
    """A wrong key typed for the session, then the right one saved: the saved one serves at once (not a 401 until
    the application restarts)."""
    with StandInChat(key="right") as chat:
        host, _dialog = _accepted_with_key(qtbot, chat.url, "wrong")
        assert LLM_KEYS.key(chat.url) == "wrong"
        again = TranslateDialog(host.prefs, False)
        qtbot.addWidget(again)
        again.server.setText(chat.url)
        again.key_field.edit.setText("right")
        again.save_key()
        again._accept()
        assert LLM_KEYS.key(chat.url) == "right"
        LLM_KEYS.use_for_session(chat.url, None)
