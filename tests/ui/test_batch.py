"""The batch queue panel in the window: files recognised one after another on a local stand-in for vLLM."""

from __future__ import annotations

import json
import os
import time
import wave

import numpy as np
import pytest

from app.core.rules import SAMPLE_RATE
from app.session.batch import CANCELLED, DONE, FAILED, RUNNING, WAITING, BatchOutput
from tests.support.asr_server import FakeAsrServer, tone_audio
from tests.support.chat_server import no_language_verdict  # noqa: F401  (a fixture)

pytestmark = pytest.mark.usefixtures("no_language_verdict")


def _wav(path, samples) -> str:
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(SAMPLE_RATE)
        w.writeframes((np.clip(samples, -1, 1) * 32767).astype("<i2").tobytes())
    return str(path)


@pytest.fixture
def media(tmp_path):
    folder = tmp_path / "season"
    folder.mkdir()
    _wav(folder / "e1.wav", tone_audio(2))
    (folder / "e2.wav").write_bytes(b"RIFF this is not audio at all")
    _wav(folder / "e3.wav", tone_audio(1))
    return folder


def _use_server(window, url: str) -> None:
    window.prefs.server_url = url
    window.prefs.recognition_aligner = "none"


def _states(window) -> list[str]:
    return [item.state for item in window.batch.queue.items]


def test_a_broken_file_in_the_middle_of_three_fails_alone(window, qtbot, media, tmp_path):
    out = tmp_path / "out"
    dock = window.batch
    with FakeAsrServer() as server:
        _use_server(window, server.url)
        assert dock.add_paths([str(media)]) == 3  # a folder dropped: its media files, in order
        dock.set_output(BatchOutput(str(out), ("srt", "vtt")))
        dock.start_button.click()
        qtbot.waitUntil(lambda: not dock.runner.active, timeout=20_000)
    assert _states(window) == [DONE, FAILED, DONE]
    broken = dock.queue[1]
    assert broken.reason and "\n" not in broken.reason
    assert broken.reason.endswith(dock.model.data(dock.model.index(1, 2)))  # shown in its row, less the file
    assert sorted(p.name for p in out.iterdir()) == ["e1.srt", "e1.vtt", "e3.srt", "e3.vtt"]
    assert "said this." in (out / "e3.vtt").read_text()
    assert dock.queue[0].outputs == (str(out / "e1.srt"), str(out / "e1.vtt"))


def test_cancel_one_then_cancel_all_each_within_two_seconds(window, qtbot, media):
    (media / "e2.wav").unlink()
    _wav(media / "e2.wav", tone_audio(3))
    dock = window.batch
    with FakeAsrServer(behaviour=lambda index, attempt: "hold") as server:  # no answer until released
        _use_server(window, server.url)
        dock.add_paths([str(media)])
        dock.runner.start()
        qtbot.waitUntil(lambda: server.arrived.is_set(), timeout=10_000)
        assert _states(window) == [RUNNING, WAITING, WAITING]
        dock.select_row(0)
        started = time.monotonic()
        dock.cancel_selected()
        qtbot.waitUntil(lambda: _states(window)[0] == CANCELLED, timeout=2000)
        assert time.monotonic() - started < 2.0
        qtbot.waitUntil(lambda: _states(window)[1] == RUNNING, timeout=10_000)  # the next one goes on
        started = time.monotonic()
        dock.cancel_all_button.click()
        qtbot.waitUntil(lambda: dock.runner.handle is None, timeout=2000)
        assert time.monotonic() - started < 2.0
        assert _states(window) == [CANCELLED, CANCELLED, CANCELLED] and not dock.runner.active
        assert server.answered == []
    assert not window.dialogs  # cancelling is no error


def test_the_queue_survives_a_restart(window_factory, qtbot, media, tmp_path):
    first = window_factory()
    first.batch.add_paths([str(media / "e1.wav"), str(media / "e3.wav"), str(media / "e2.wav")])
    queue = first.batch.queue
    written = tmp_path / "e1.srt"
    written.write_text("1\n00:00:00,000 --> 00:00:01,000\nold\n")
    queue.update(0, state=DONE, outputs=(str(written),))
    queue.update(1, state=RUNNING)  # the window dies while it runs
    first.batch.set_output(BatchOutput(str(tmp_path / "subs"), ("vtt",)))
    saved = json.loads((tmp_path / "batch-queue.json").read_text())
    assert [i["state"] for i in saved["items"]] == [DONE, RUNNING, WAITING]

    second = window_factory()  # a restart: the queue comes back from its file
    dock = second.batch
    assert [os.path.basename(i.media) for i in dock.queue.items] == ["e1.wav", "e3.wav", "e2.wav"]
    assert _states(second) == [DONE, WAITING, WAITING]
    assert dock.queue.output == BatchOutput(str(tmp_path / "subs"), ("vtt",))
    assert dock.formats.text() == ".vtt" and dock.folder.text() == str(tmp_path / "subs")
    with FakeAsrServer() as server:
        _use_server(second, server.url)
        dock.runner.start()
        qtbot.waitUntil(lambda: not dock.runner.active, timeout=20_000)
    assert _states(second) == [DONE, DONE, FAILED]  # done files are not redone
    assert len(server.requests) == 1 and written.read_text().endswith("old\n")


def test_a_damaged_queue_file_starts_empty_and_is_kept_aside(window_factory, tmp_path):
    (tmp_path / "batch-queue.json").write_text('{"version": 1, "items": [{"media": ')
    window = window_factory()
    assert len(window.batch.queue) == 0
    assert (tmp_path / "batch-queue.json.damaged").exists()
    notice = window.batch.notice.text()
    assert "could not be read" in notice and "batch-queue.json.damaged" in notice and "\n" not in notice
    window.batch.add_paths([str(tmp_path)])  # a folder with no media in it adds nothing
    assert len(window.batch.queue) == 0


def test_reorder_moves_rows_and_the_saved_order(window, media, tmp_path):
    dock = window.batch
    dock.add_paths([str(media)])
    dock.select_row(2)
    dock.up_button.click()
    assert [os.path.basename(i.media) for i in dock.queue.items] == ["e1.wav", "e3.wav", "e2.wav"]
    assert dock.selected_rows() == [1]
    dock.queue.move(0, 5)  # clamped to the end
    saved = json.loads((tmp_path / "batch-queue.json").read_text())
    assert [os.path.basename(i["media"]) for i in saved["items"]] == ["e3.wav", "e2.wav", "e1.wav"]


def test_opening_a_done_file_brings_its_cues_and_media_after_the_unsaved_prompt(window, qtbot, media, srt_file):
    from app.core.commands import InsertCue
    from app.core.document import Cue

    dock = window.batch
    with FakeAsrServer() as server:
        _use_server(window, server.url)
        dock.add_paths([str(media / "e1.wav")])
        dock.runner.start()
        qtbot.waitUntil(lambda: not dock.runner.active, timeout=20_000)
    assert _states(window) == [DONE]
    window.state.push(InsertCue(0, Cue(0, 500, "unsaved work")))
    with qtbot.waitSignal(window.files.subtitlesLoaded, timeout=10_000):
        dock.open_row(0)
    qtbot.waitUntil(lambda: window.state.audio is not None, timeout=10_000)
    assert "Unsaved changes" in [title for title, _text in window.dialogs]
    assert " ".join(c.text for c in window.state.doc.cues) == "Chunk 1 said this."  # the unsaved cue is replaced
    assert window.state.doc.media_path == str(media / "e1.wav")
    assert window.state.subtitle_path == dock.queue[0].outputs[0]


def test_every_file_runs_on_the_one_local_engine_with_the_dialogs_settings(window, qtbot, media, monkeypatch):
    """Locally, each file is a job on the window's shared engine client (its models stay loaded between files),
    with the language, model and word timing the recognition dialog saved."""
    from app.asr.client.protocol import Cues, RecognitionDone
    from app.asr.client.service import local_engine, set_local_engine
    from app.core.document import Cue

    class Engine:
        def __init__(self) -> None:
            self.jobs: list = []
            self.shutdowns = 0

        def run(self, job, audio, *, cancelled=lambda: False, on_wait=None):
            self.jobs.append(job)
            yield Cues((Cue(0, 900, f"file {len(self.jobs)}"),))
            yield RecognitionDone(job.language, "cpu")

        def shutdown(self, timeout: float = 3.0) -> None:
            self.shutdowns += 1

    (media / "e2.wav").unlink()
    previous = local_engine()
    engine = Engine()
    set_local_engine(engine)  # type: ignore[arg-type]
    try:
        window.prefs.recognition_language = "German"
        window.prefs.recognition_model = "Qwen/Qwen3-ASR-1.7B"
        window.prefs.recognition_aligner = "none"
        dock = window.batch
        dock.add_paths([str(media)])
        dock.runner.start()
        qtbot.waitUntil(lambda: not dock.runner.active, timeout=20_000)
    finally:
        set_local_engine(previous)
    assert _states(window) == [DONE, DONE] and engine.shutdowns == 0
    assert [(j.language, j.options.model, j.options.aligner) for j in engine.jobs] == [
        ("German", "Qwen/Qwen3-ASR-1.7B", None), ("German", "Qwen/Qwen3-ASR-1.7B", None),
    ]  # fmt: skip
    assert "\nfile 2\n" in (media / "e3.srt").read_text()  # next to the media, SRT by default


def test_files_and_folders_dropped_on_the_panel_join_the_queue(window, media, tmp_path):
    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDropEvent

    other = _wav(tmp_path / "extra.wav", tone_audio(1))
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(media)), QUrl.fromLocalFile(other)])
    event = QDropEvent(QPointF(5, 5), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)  # fmt: skip
    window.batch.view.dropEvent(event)
    names = [os.path.basename(i.media) for i in window.batch.queue.items]
    assert names == ["e1.wav", "e2.wav", "e3.wav", "extra.wav"] and event.isAccepted()
    assert _states(window) == [WAITING] * 4 and window.batch.isVisible()


def test_one_name_twice_an_unwritable_output_and_a_subtitle_file(window, qtbot, tmp_path):
    """Issue 27: same.wav and same.mkv both wrote same.srt; a write error was found only after recognition; an
    .srt was queued as media."""
    folder = tmp_path / "in"
    folder.mkdir()
    names = [_wav(folder / n, tone_audio(1)) for n in ("same.wav", "same.mkv", "blocked.wav")]
    (folder / "blocked.srt").mkdir()  # a folder where blocked.wav's subtitles would go
    (folder / "notes.srt").write_text("1\n00:00:00,000 --> 00:00:01,000\nmine\n")
    dock = window.batch
    with FakeAsrServer() as server:
        _use_server(window, server.url)
        assert dock.add_paths([*names, str(folder / "notes.srt")]) == 3
        assert "notes.srt" in window.statusBar().currentMessage()  # said to be left out
        dock.start_button.click()
        qtbot.waitUntil(lambda: not dock.runner.active, timeout=20_000)
    assert _states(window) == [DONE, DONE, FAILED]
    assert dock.queue[0].outputs == (str(folder / "same.wav.srt"),)
    assert dock.queue[1].outputs == (str(folder / "same.mkv.srt"),)
    assert dock.queue[2].reason.startswith(str(folder / "blocked.srt"))  # named, before any recognition
    assert sorted(p.name for p in folder.glob("*.srt") if p.is_file()) == ["notes.srt", "same.mkv.srt", "same.wav.srt"]


def test_translate_to_writes_each_file_bilingual_with_the_translate_dialogs_server(window, qtbot, media, tmp_path):
    """Issue 25, item 6: the batch's Translate to, on the server and model Recognition ▸ Translate… saved."""
    from app.formats.registry import read_subtitles
    from tests.support.chat_server import StandInChat, translate_line

    (media / "e2.wav").unlink()
    dock = window.batch
    dock.translate_to.setCurrentText("French")
    dock.translate_to.apply()
    dock.set_output(BatchOutput(None, ("srt", "vtt"), dock.queue.output.translate_to))
    assert dock.queue.output.translate_to == "French"
    dock.formats_menu.actions()[0].toggle()  # another format chosen: the language stays
    assert dock.queue.output.translate_to == "French" and dock.translate_to.currentText() == "French"
    with FakeAsrServer() as server, StandInChat() as chat:
        _use_server(window, server.url)
        window.prefs.translate_server_url, window.prefs.translate_model = chat.url, "qwen3"
        dock.add_paths([str(media)])
        dock.start_button.click()
        qtbot.waitUntil(lambda: not dock.runner.active, timeout=20_000)
    assert _states(window) == [DONE, DONE]
    cues = read_subtitles(dock.queue[1].outputs[0]).cues
    assert cues and all(c.text == f"{c.text.split(chr(10))[0]}\n{translate_line(c.text.split(chr(10))[0])}"
                        for c in cues)  # fmt: skip
    assert "French" in chat.requests[0]["messages"][0]["content"]


def test_translate_to_without_a_chat_server_fails_with_one_line_and_no_recognition(window, qtbot, media):
    (media / "e2.wav").unlink()
    dock = window.batch
    dock.translate_to.setCurrentText("French")
    dock.translate_to.apply()
    window.prefs.translate_server_url = ""
    with FakeAsrServer() as server:
        _use_server(window, server.url)
        dock.add_paths([str(media)])
        dock.start_button.click()
        qtbot.waitUntil(lambda: not dock.runner.active, timeout=20_000)
        assert server.requests == []  # refused before any recognition
    assert _states(window)[0] == FAILED and "Recognition ▸ Translate…" in dock.queue[0].reason
    assert not (media / "e1.srt").exists()
    dock.translate_to.setCurrentText(dock.translate_to.none_text)
    dock.translate_to.apply()
    assert dock.queue.output.translate_to == ""
