"""Issue 27, item 16: a damaged MP4 is reported in the ui's language, and a failure is never called "cancelled"."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QCoreApplication

from app.core.errors import MediaError
from app.ui import i18n
from app.ui.messages import error_text

CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def chinese(qapp, tmp_path):
    i18n.set_language("zh_CN", cache=tmp_path)
    yield
    i18n.set_language("en", cache=tmp_path)


@pytest.fixture
def damaged_mp4(tmp_path):
    path = tmp_path / "film.mp4"
    path.write_bytes(b"\x00\x00\x00\x20ftypisom\x00\x00\x02\x00isomiso2avc1mp41" + b"\x00\x00\x10\x00moov" + bytes(64))
    return path


def test_a_damaged_mp4_is_reported_in_chinese_and_not_as_cancelled(chinese, window_factory, qtbot, damaged_mp4):
    win = window_factory()
    shown: list[str] = []

    def modal_error(_title: str, message: str) -> None:  # a real dialog runs its own event loop meanwhile
        shown.append(message)
        for handle in win.tasks.running():
            handle.wait(5000)
        QCoreApplication.processEvents()

    win.show_error = modal_error
    win.files.open_media(str(damaged_mp4))
    qtbot.waitUntil(lambda: not win.tasks.running() and bool(shown), timeout=15_000)
    assert len(shown) == 1 and "film.mp4" in shown[0]
    assert CJK.search(shown[0]), shown[0]  # the words are Chinese, not "the file is truncated or corrupt"
    status = win.statusBar().currentMessage()
    assert "cancelled" not in status and "取消" not in status, status


def test_media_errors_carry_a_code_the_window_renders(damaged_mp4):
    from app.media import probe

    with pytest.raises(MediaError) as caught:
        probe(damaged_mp4).audio_stream()
    assert caught.value.message is not None and caught.value.message.code.startswith("media.")
    assert error_text(caught.value) == str(caught.value)  # English ui: the same one line as the command line
