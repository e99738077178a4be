"""Formats in the window: Export As with a format list, Save in the original format, the track picker."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtWidgets import QComboBox, QDialog, QLineEdit

from app.core.commands import SetText
from app.formats.registry import by_name, read_subtitles, writable
from app.ui.files.subtitle_io import ExportDialog, TrackPicker, format_filter

FIXTURES = Path(__file__).parents[1] / "formats" / "fixtures"


def test_export_dialog_extension_follows_the_format(qtbot, tmp_path):
    dialog = ExportDialog(None, str(tmp_path / "film.srt"), "srt")
    qtbot.addWidget(dialog)
    combo = dialog.findChild(QComboBox, "fileTypeCombo")
    name = dialog.findChild(QLineEdit, "fileNameEdit")
    assert name.text() == "film.srt"

    def choose(fmt: str) -> None:  # what a click in the list does
        index = combo.findText(format_filter(by_name(fmt)))
        combo.setCurrentIndex(index)
        combo.activated.emit(index)

    choose("vtt")
    assert name.text() == "film.vtt" and dialog.chosen_format().name == "vtt"
    choose("ttml")
    assert name.text() == "film.ttml"
    assert combo.count() == len(writable())  # every writable format is offered


def test_ass_opened_edited_and_saved_keeps_everything_else(window, tmp_path, qtbot):
    path = tmp_path / "k.ass"
    shutil.copy(FIXTURES / "aegisub_karaoke.ass", path)
    before = path.read_bytes().split(b"\r\n")
    with qtbot.waitSignal(window.files.subtitlesLoaded, timeout=20_000):
        window.open_path(str(path))
    assert len(window.state.doc) == 6 and window.state.doc[1].get("style") == "Sign"
    window.state.push(SetText(5, "Last line, edited"))
    assert window.files.save_subtitles()
    after = path.read_bytes().split(b"\r\n")
    assert [a == b for a, b in zip(before, after, strict=True)].count(False) == 1
    assert after[-2] == b"Dialogue: 0,0:00:12.00,0:00:14.00,Default,Alice,0,0,0,,Last line, edited"


def test_export_to_a_poorer_format_says_what_it_left_out(window, tmp_path, qtbot):
    with qtbot.waitSignal(window.files.subtitlesLoaded, timeout=20_000):
        window.open_path(str(FIXTURES / "aegisub_karaoke.ass"))
    assert window.files.subtitles.export(str(tmp_path / "o.srt"))
    title, text = window.dialogs[-1]
    assert title == "Export As" and "SubRip does not keep everything" in text
    assert "• karaoke timing in 1 cue" in text and "• style names of 3 cues" in text
    assert window.state.subtitle_path == str(tmp_path / "o.srt")
    assert len(read_subtitles(tmp_path / "o.srt").cues) == 6


def test_word_timings_left_out_are_said_once_per_document(window, tmp_path):
    """Issue 27: "does not keep word timings of 92 cues" came after every WebVTT, ASS or TTML export."""
    from app.core.document import Cue, Document, Word

    def with_words() -> Document:
        return Document([Cue(0, 1000, "Hello there", words=(Word(0, 400, 0, 5), Word(500, 1000, 6, 11)))])

    window.state.session.replace_document(with_words())
    assert window.files.subtitles.export(str(tmp_path / "a.vtt"))
    assert "word timings of 1 cue" in window.dialogs[-1][1]
    said = len(window.dialogs)
    assert window.files.subtitles.export(str(tmp_path / "b.ass"))
    assert window.files.subtitles.export(str(tmp_path / "c.ttml"))
    assert len(window.dialogs) == said  # the same document: once is enough
    window.state.session.replace_document(with_words())
    assert window.files.subtitles.export(str(tmp_path / "d.vtt"))
    assert len(window.dialogs) == said + 1  # another document: said again


def test_a_sami_file_asks_which_language(window, monkeypatch, qtbot):
    from PySide6.QtWidgets import QInputDialog

    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("FRFRCC", True))
    with qtbot.waitSignal(window.files.subtitlesLoaded, timeout=20_000):
        window.open_path(str(FIXTURES / "two_languages.smi"))
    assert window.state.doc[0].text == "Bonjour,\nle monde"


def test_a_microdvd_file_asks_for_the_frame_rate_without_media(window, monkeypatch, qtbot):
    from PySide6.QtWidgets import QInputDialog

    asked = []
    monkeypatch.setattr(QInputDialog, "getDouble", lambda *a, **k: asked.append(a[3]) or (25.0, True))
    with qtbot.waitSignal(window.files.subtitlesLoaded, timeout=20_000):
        window.open_path(str(FIXTURES / "plain.sub"))
    assert asked == [23.976] and window.state.doc[0].start == 960
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)  # replace the cues
    with qtbot.waitSignal(window.files.subtitlesLoaded, timeout=20_000):
        window.open_path(str(FIXTURES / "declared_25fps.sub"))  # "{1}{1}25": the file says it, nothing asked
    assert len(asked) == 1 and window.state.doc[0].start == 1000


@pytest.mark.skipif(not shutil.which("ffmpeg"), reason="ffmpeg makes the video")
def test_opening_a_video_with_tracks_offers_them(window, qtbot, tmp_path, monkeypatch):
    video = tmp_path / "film.mkv"
    subprocess.run(
        ["ffmpeg", "-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i", "sine=f=440:r=16000:d=3",
         "-i", str(FIXTURES / "old.ssa"), "-c:a", "pcm_s16le", "-c:s", "ass", "-metadata:s:s:0", "language=eng",
         "-metadata:s:s:0", "title=Signs", str(video)],
        check=True, capture_output=True,
    )  # fmt: skip
    offered = []

    def pick(self):
        offered.append([self.list.item(row).text() for row in range(self.list.count())])
        self.done(QDialog.DialogCode.Accepted)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(TrackPicker, "exec", pick)
    window.open_path(str(video))
    qtbot.waitUntil(lambda: len(window.state.doc) == 2, timeout=20_000)
    assert offered and "Track 1" in offered[0][0] and "“Signs”" in offered[0][0] and "[eng]" in offered[0][0]
    assert window.state.doc[0].text == "At the top" and window.state.doc[0].get("align") == "8"
    from PySide6.QtWidgets import QMessageBox

    from app.media.subtitle_tracks import subtitle_tracks

    window.state.push(SetText(0, "Edited"))
    window.files.offer_tracks(str(video), subtitle_tracks(video))  # over cues: asks first; the fixture says no
    qtbot.waitUntil(lambda: any("Replace the 2 cues" in text for _title, text in window.dialogs), timeout=20_000)
    assert window.state.doc[0].text == "Edited"
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.files.offer_tracks(str(video), subtitle_tracks(video))
    qtbot.waitUntil(lambda: window.state.doc[0].text == "At the top", timeout=20_000)
    window.undo()  # each import is one undo step
    window.undo()
    window.undo()
    assert len(window.state.doc) == 0


def test_the_source_file_survives_a_project_save_and_undo(window, tmp_path, qtbot):
    path = tmp_path / "k.ass"
    shutil.copy(FIXTURES / "aegisub_karaoke.ass", path)
    before = path.read_bytes()
    with qtbot.waitSignal(window.files.subtitlesLoaded, timeout=20_000):
        window.open_path(str(path))
    project = tmp_path / "k.qssproj"
    assert window.files._save_project(str(project))
    from app.formats.project import load_project

    kept = load_project(project).settings.subtitle_source
    assert kept is not None
    assert kept["format"] == "ass" and kept["header"]["ass.head"].startswith("[Script Info]")
    window.files.open_project(str(project))
    assert window.files.subtitles.source.format == "ass"
    window.state.push(SetText(0, "Changed"))
    assert window.files.save_subtitles()  # the styles, fonts and comments come from the project, not the file
    after = path.read_bytes()
    assert after.startswith(before[: before.index(b"[Events]")]) and b",,Changed\r\n" in after
    assert after.count(b"\r\n") == before.count(b"\r\n")


@pytest.mark.skipif(not shutil.which("ffmpeg"), reason="ffmpeg makes the video")
def test_a_video_with_tracks_opened_over_cues_still_offers_them(window, qtbot, tmp_path, monkeypatch, srt_file):
    """Issue 27, item 18: with cues already there, opening a video with text tracks offered no picker."""
    video = tmp_path / "film.mkv"
    subprocess.run(
        ["ffmpeg", "-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i", "sine=f=440:r=16000:d=3",
         "-i", str(FIXTURES / "old.ssa"), "-c:a", "pcm_s16le", "-c:s", "ass", str(video)],
        check=True, capture_output=True,
    )  # fmt: skip
    offered = []

    def close(self):  # the user looks and closes the picker: the cues stay
        offered.append(self.list.count())
        self.done(QDialog.DialogCode.Rejected)
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(TrackPicker, "exec", close)
    with qtbot.waitSignal(window.files.subtitlesLoaded):
        window.open_path(str(srt_file))
    with qtbot.waitSignal(window.files.mediaLoaded, timeout=20_000):
        window.open_path(str(video))
    assert offered == [1]
    assert window.state.doc[0].text == "Hello, world." and len(window.state.doc) == 3
