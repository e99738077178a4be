"""Subtitles are read in a worker thread with progress (issue 17), and Reload with Encoding preselects what the
last read detected, so that accepting the dialog as it opens reads the file as before (item 20)."""

from __future__ import annotations

from PySide6.QtCore import QTimer

RU = "1\n00:00:01,000 --> 00:00:02,000\nМир\n\n2\n00:00:03,000 --> 00:00:04,000\nПривет, как дела?\n"


def _big_srt(path, cues: int) -> None:
    path.write_text(
        "".join(
            f"{i}\n00:{i // 3600 % 60:02d}:{i // 60 % 60:02d},{i % 60:03d} --> 00:{i // 3600 % 60:02d}:"
            f"{i // 60 % 60:02d},{i % 60 + 500:03d}\nThis is line number {i} of a long file\n\n"
            for i in range(1, cues + 1)
        ),
        encoding="utf-8",
    )


def test_a_large_subtitle_file_is_read_without_blocking_the_window(window, tmp_path, qtbot):
    path = tmp_path / "big.srt"
    _big_srt(path, 40_000)
    ticks: list[int] = []
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: window.tasks.running("subtitles") and ticks.append(1))  # a tick mid-read
    timer.start()
    with qtbot.waitSignal(window.tasks.taskFinished, timeout=60_000):
        window.open_path(str(path))
        # open_path returned at once: the cues arrive later, through the event loop
        assert len(window.state.doc) == 0 and window.tasks.running("subtitles")
        assert window.status.task_label.isVisible() and "big.srt" in window.status.task_label.text()
        ticks.clear()
    timer.stop()
    assert len(window.state.doc) == 40_000 and window.state.subtitle_path == str(path)
    assert ticks, "the event loop kept running while the file was read"
    assert not window.status.task_label.isVisible() and not window.dialogs


def test_reading_can_be_cancelled(window, tmp_path, qtbot):
    path = tmp_path / "big.srt"
    _big_srt(path, 40_000)
    with qtbot.waitSignal(window.tasks.taskFinished, timeout=60_000):
        window.open_path(str(path))
        window.status.cancel_button.click()
    assert len(window.state.doc) == 0 and not window.dialogs


def _unblock(pipe) -> None:
    """Open the pipe's writing end, so that a reader stuck in open() (the defect) gets going again."""
    import os

    try:
        os.close(os.open(pipe, os.O_WRONLY | os.O_NONBLOCK))
    except OSError:  # nobody is reading it: as it should be
        pass


def test_a_named_pipe_is_one_line_naming_it(window, tmp_path, qtbot):
    import os
    import threading

    pipe = tmp_path / "pipe.srt"
    os.mkfifo(pipe)
    rescue = threading.Timer(10, _unblock, (pipe,))  # without the fix the window's thread hangs in open()
    rescue.start()
    try:
        with qtbot.waitSignal(window.tasks.taskFinished, timeout=30_000):
            window.open_path(str(pipe))
    finally:
        rescue.cancel()
    _title, message = window.dialogs[-1]
    assert str(pipe) in message and "named pipe" in message and "\n" not in message


def _reload_accepting_the_default(window, monkeypatch, qtbot) -> tuple[str, list[str]]:
    from PySide6.QtWidgets import QInputDialog

    offered: dict[str, object] = {}

    def get_item(_parent, _title, _label, items, current=0, _editable=True, *a, **k):
        offered.update(items=list(items), current=current)
        return items[current], True

    monkeypatch.setattr(QInputDialog, "getItem", get_item)
    with qtbot.waitSignal(window.tasks.taskFinished, timeout=30_000):
        window.files.reload_with_encoding_dialog()
    return offered["items"][offered["current"]], offered["items"]


def test_reload_preselects_the_detected_encoding_and_accepting_it_works(window, tmp_path, monkeypatch, qtbot):
    path = tmp_path / "ru.srt"
    path.write_bytes(RU.encode("cp1251"))
    with qtbot.waitSignal(window.files.subtitlesLoaded):
        window.open_path(str(path))
    assert window.state.doc[0].text == "Мир"
    default, _ = _reload_accepting_the_default(window, monkeypatch, qtbot)
    assert default == "cp1251"
    assert not window.dialogs, window.dialogs
    assert [c.text for c in window.state.doc] == ["Мир", "Привет, как дела?"]


def test_reload_of_utf8_with_stray_bytes_accepting_the_default_works(window, tmp_path, monkeypatch, qtbot):
    path = tmp_path / "mixed.srt"
    data = "1\n00:00:01,000 --> 00:00:02,000\nCafé déjà vu, très bien, à bientôt\n\n".encode()
    path.write_bytes(data + "2\n00:00:03,000 --> 00:00:04,000\nVoilà\n".encode("cp1252"))
    with qtbot.waitSignal(window.files.subtitlesLoaded):
        window.open_path(str(path))
    window.dialogs.clear()  # the note about the stray bytes
    default, _ = _reload_accepting_the_default(window, monkeypatch, qtbot)
    assert default == "utf-8"
    assert [c.text for c in window.state.doc][1] == "Voilà"
    assert not [d for d in window.dialogs if d[0] != "Open subtitles" or "could not" not in d[1]]


def test_an_encoding_outside_the_list_is_offered_first(window, tmp_path, monkeypatch, qtbot):
    path = tmp_path / "wide.srt"
    path.write_bytes(RU.encode("utf-16-le"))  # no BOM: detected
    with qtbot.waitSignal(window.files.subtitlesLoaded):
        window.open_path(str(path))
    default, items = _reload_accepting_the_default(window, monkeypatch, qtbot)
    assert default == "utf-16-le" and items[0] == "utf-16-le" and not window.dialogs
    assert window.state.doc[0].text == "Мир"
