"""The recognition options dialog gives back what the user chose, the CPU precision included."""

from __future__ import annotations

from app.session.preferences import Preferences
from app.ui.recognition.dialog import NO_ALIGNER, RecognitionDialog
from app.ui.recognition.options import RecognitionOptions


def test_dialog_returns_the_choices(qtbot):
    dialog = RecognitionDialog(RecognitionOptions(language="German", device="cpu", context="Qwen"))
    qtbot.addWidget(dialog)
    assert dialog.precision.currentData() == "auto" and dialog.precision.isEnabled()
    dialog.precision.setCurrentIndex(dialog.precision.findData("int8"))
    dialog.aligner.setCurrentText(NO_ALIGNER)
    options = dialog.options()
    assert (options.language, options.device, options.context, options.aligner) == ("German", "cpu", "Qwen", None)
    assert options.cpu_int8 and options.engine_options().cpu_int8
    dialog.precision.setCurrentIndex(dialog.precision.findData("bf16"))
    engine = dialog.options().engine_options()
    assert engine.cpu_precision == "bf16" and not engine.cpu_int8


def test_the_precision_choices_reach_the_engine(qtbot):
    from app.asr.client.protocol import CPU_PRECISIONS, cpu_choice

    dialog = RecognitionDialog(RecognitionOptions(device="cpu"))
    qtbot.addWidget(dialog)
    assert [dialog.precision.itemData(i) for i in range(dialog.precision.count())] == list(CPU_PRECISIONS)
    for i, value in enumerate(CPU_PRECISIONS):
        dialog.precision.setCurrentIndex(i)
        assert cpu_choice(dialog.options().engine_options()) == value
    older = RecognitionDialog(RecognitionOptions(device="cpu", cpu_int8=True))  # settings of earlier versions
    qtbot.addWidget(older)
    assert older.precision.currentData() == "int8"


def test_int8_choice_is_off_for_a_cuda_gpu(qtbot, monkeypatch):
    monkeypatch.setattr("app.asr.client.devices.has_cuda", lambda: True)
    dialog = RecognitionDialog(RecognitionOptions(device="cpu", cpu_int8=True))
    qtbot.addWidget(dialog)
    assert dialog.precision.currentData() == "int8" and dialog.precision.isEnabled()
    dialog.device.setCurrentIndex(dialog.device.findData("cuda"))
    assert not dialog.precision.isEnabled()
    dialog.device.setCurrentIndex(dialog.device.findData("auto"))  # auto may still end up on the CPU
    assert dialog.precision.isEnabled()


def test_only_devices_the_machine_has_are_offered(qtbot, monkeypatch):
    monkeypatch.setattr("app.asr.client.devices.has_cuda", lambda: False)
    monkeypatch.setattr("app.asr.client.devices.has_mps", lambda: False)
    dialog = RecognitionDialog(RecognitionOptions(device="cuda"))  # saved on another machine, or before a change
    qtbot.addWidget(dialog)
    assert [dialog.device.itemData(i) for i in range(dialog.device.count())] == ["auto", "cpu"]
    assert dialog.options().device == "auto"
    monkeypatch.setattr("app.asr.client.devices.has_cuda", lambda: True)
    dialog = RecognitionDialog(RecognitionOptions(device="cuda"))
    qtbot.addWidget(dialog)
    assert dialog.options().device == "cuda"


def test_device_detection_does_not_import_torch():
    import subprocess
    import sys

    code = "import sys, app.asr.client.devices as d; d.available_devices(); print('torch' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout.strip() == "False"


def test_the_server_fields_test_the_connection_and_come_back_in_the_options(qtbot, monkeypatch):
    from app.ui.recognition.dialog import RecognitionDialog
    from app.ui.recognition.options import RecognitionOptions
    from tests.support.asr_server import FakeAsrServer

    monkeypatch.setenv("QSS_SERVER_API_KEY", "secret")
    with FakeAsrServer(api_key="secret", model="team/asr") as server:
        dialog = RecognitionDialog(RecognitionOptions())
        qtbot.addWidget(dialog)
        dialog.test_connection()
        assert dialog.test_result.text() == "Give the server's address first."
        dialog.server.setText(server.url)
        dialog.test_connection()  # asked in a worker: the dialog stays live meanwhile
        assert dialog.test_result.text() == "Connecting…" and not dialog.test_button.isEnabled()
        qtbot.waitUntil(dialog.test_button.isEnabled, timeout=10_000)
        assert dialog.test_result.text() == "Connected. Models: team/asr"
        options = dialog.options()
        assert (options.server_url, options.server_model, options.engine_name()) == (server.url, "team/asr", "team/asr")
        monkeypatch.setenv("QSS_SERVER_API_KEY", "wrong")
        dialog.test_connection()
        qtbot.waitUntil(dialog.test_button.isEnabled, timeout=10_000)
        assert "refused the API key" in dialog.test_result.text()
    assert type(options.client()).__name__ == "RemoteEngineClient"


def test_a_server_greys_out_this_computers_choices(qtbot):
    from app.ui.recognition.dialog import RecognitionDialog
    from app.ui.recognition.options import RecognitionOptions

    dialog = RecognitionDialog(RecognitionOptions())
    qtbot.addWidget(dialog)
    assert dialog.model.isEnabled() and not dialog.server_model.isEnabled()
    dialog.server.setText("http://gpu-box:8000")
    assert not dialog.model.isEnabled() and not dialog.precision.isEnabled()
    assert dialog.server_model.isEnabled() and dialog.api_key.isEnabled()
    assert dialog.aligner.isEnabled() and dialog.device.isEnabled()  # word timing still runs on this computer


def test_the_dialog_stores_the_key_in_the_keyring_never_in_the_settings(qtbot, tmp_path, monkeypatch):
    import keyring
    from keyring.backends import fail
    from PySide6.QtCore import QSettings

    from app.ui.recognition.dialog import RecognitionDialog
    from app.ui.recognition.options import RecognitionOptions, save_options
    from tests.asr.test_api_key import MemoryKeyring
    from tests.support.asr_server import FakeAsrServer

    monkeypatch.delenv("QSS_SERVER_API_KEY", raising=False)
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    try:
        with FakeAsrServer(api_key="t0p-s3cret") as server:
            dialog = RecognitionDialog(RecognitionOptions(server_url=server.url))
            qtbot.addWidget(dialog)
            dialog.api_key.setText("t0p-s3cret")
            dialog.save_key()
            assert dialog.test_result.text() == "The key is kept in the system keyring." and not dialog.api_key.text()
            assert list(backend.store.values()) == ["t0p-s3cret"]
            dialog.test_connection()  # the stored key is the one sent
            qtbot.waitUntil(dialog.test_button.isEnabled, timeout=10_000)
            assert dialog.test_result.text().startswith("Connected.")
            settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
            host = type("H", (), {"prefs": Preferences(settings)})()
            save_options(host, dialog.options())
            settings.sync()
            assert "t0p-s3cret" not in (tmp_path / "s.ini").read_text()
        keyring.set_keyring(fail.Keyring())  # a headless machine: no keyring at all
        dialog.api_key.setText("other")
        dialog.save_key()
        assert dialog.test_result.text() == "No system keyring is available here; set QSS_SERVER_API_KEY instead."
    finally:
        keyring.set_keyring(previous)


def test_the_server_messages_are_shown_whole(qtbot):
    """Issue 27, item 18: a long message under the server fields was cut off (the dialog kept its height, and a
    long address widened nothing but could not wrap)."""
    from app.ui.recognition.dialog import RecognitionDialog
    from app.ui.recognition.options import RecognitionOptions

    dialog = RecognitionDialog(RecognitionOptions(server_url="http://gpu-box:8000"))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    width = dialog.width()
    long = (
        "cannot connect to the recognition server at http://gpu-box.render-farm.example.org:8000/v1/audio/"
        "transcriptions/with/a/very/long/path: the connection was refused (is the server running, and is the "
        "address right? a firewall between this computer and the server can refuse it too)"
    )
    dialog.say(long)
    qtbot.wait(1)
    label = dialog.test_result
    assert label.height() >= label.heightForWidth(label.width())  # every line has room
    assert label.geometry().bottom() < dialog.height() and label.width() <= dialog.width()
    assert dialog.width() <= max(width, 1366)  # the long address wraps instead of widening the dialog past a screen
    assert label.toolTip() == long and label.text().replace("\u200b", "") == long


def test_a_key_typed_in_the_dialog_is_used_by_the_run_and_never_stored(qtbot, monkeypatch):
    import keyring
    import numpy as np

    from app.asr.client.protocol import Cues, RecognizeJob
    from app.ui.recognition.dialog import RecognitionDialog
    from app.ui.recognition.options import RecognitionOptions
    from tests.asr.test_api_key import MemoryKeyring
    from tests.support.asr_server import FakeAsrServer

    monkeypatch.setenv("QSS_SERVER_API_KEY", "stale")  # a key the environment still holds: the typed one wins
    monkeypatch.setattr("app.keystore._session_keys", {})
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    try:
        with FakeAsrServer(api_key="typed-key") as server:
            dialog = RecognitionDialog(RecognitionOptions(server_url=server.url, aligner=None))
            qtbot.addWidget(dialog)
            dialog.api_key.setText("typed-key")
            dialog.test_connection()
            qtbot.waitUntil(dialog.test_button.isEnabled, timeout=10_000)
            assert dialog.test_result.text().startswith("Connected.")
            dialog.accept()
            options = dialog.options()
            client = options.client()
            tone = (0.3 * np.sin(np.arange(32_000) / 16_000 * 2 * np.pi * 440)).astype(np.float32)
            items = list(client.run(RecognizeJob(options.engine_options()), tone))
        assert any(isinstance(item, Cues) for item in items)  # not refused: the run sent the typed key
        assert backend.store == {}  # used for the session, not saved without being asked
    finally:
        keyring.set_keyring(previous)
