"""Export As offers the word times (karaoke) when the cues have them, for the formats that can hold them."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog

from app.core.document import Cue, Document, Word
from app.formats.registry import by_name, read_subtitles
from app.ui.files.subtitle_io import ExportDialog, SubtitleIO, format_filter
from tests.ui.fake_host import FakeHost


def _doc(words: bool = True) -> Document:
    spans = (Word(1000, 1400, 0, 5), Word(1500, 1900, 6, 11)) if words else ()
    return Document.from_cues([Cue(1000, 2000, "hello world", spans), Cue(3000, 4000, "你好世界")])


def _choose(dialog: ExportDialog, fmt: str) -> None:  # what a click in the format list does
    combo = dialog.findChild(QComboBox, "fileTypeCombo")
    index = combo.findText(format_filter(by_name(fmt)))
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def test_the_box_follows_the_format_and_keeps_the_choice(qtbot, tmp_path):
    dialog = ExportDialog(None, str(tmp_path / "film.srt"), "srt", words=True)
    qtbot.addWidget(dialog)
    dialog.show()
    box = dialog.word_times
    assert box.isVisible() and not box.isEnabled() and not dialog.chosen_word_times()  # SubRip cannot hold them
    _choose(dialog, "ass")
    assert box.isEnabled() and not box.isChecked()  # off unless asked: the output stays what it was
    box.click()
    assert dialog.chosen_word_times()
    _choose(dialog, "json")
    assert box.isChecked() and not box.isEnabled()  # JSON always holds them
    _choose(dialog, "ttml")
    assert not box.isChecked() and not dialog.chosen_word_times()
    _choose(dialog, "vtt")
    assert box.isChecked() and dialog.chosen_word_times()  # the user's tick, back for a format that can


def test_no_box_without_word_times(qtbot, tmp_path):
    dialog = ExportDialog(None, str(tmp_path / "film.ass"), "ass")
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.word_times.isVisible() and not dialog.chosen_word_times()


def test_export_as_writes_karaoke_when_ticked(qtbot, tmp_path, monkeypatch):
    host = FakeHost(_doc())
    qtbot.addWidget(host.parent_widget)
    offered: list[bool] = []

    def exec_(dialog: ExportDialog) -> QDialog.DialogCode:
        offered.append(dialog._words)
        _choose(dialog, "ass")
        dialog.word_times.setChecked(True)
        dialog.selectFile(str(tmp_path / "k.ass"))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ExportDialog, "exec", exec_)
    io = SubtitleIO(host)
    assert io.export_dialog(str(tmp_path / "film.srt")) == str(tmp_path / "k.ass")
    text = (tmp_path / "k.ass").read_text(encoding="utf-8")
    assert ",{\\k50}hello {\\k50}world" in text and text.endswith(",你好世界\n")
    assert [c.text for c in read_subtitles(tmp_path / "k.ass").cues] == ["hello world", "你好世界"]
    assert not host.infos  # the words are in the file: nothing to say was left out
    host.state.session.replace_document(_doc(words=False))
    io.export_dialog(str(tmp_path / "film.srt"))
    assert offered == [True, False]
