"""Marks on cues that must read on any machine: the lock in the list, labels of overlapping cues on the waveform."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.core.commands import ReplaceAll, SetFlags
from app.core.document import Cue
from app.ui.cue_table import NUMBER
from app.ui.waveform import label_rows
from tests.ui.test_waveform import FakeAudio


def test_a_locked_cue_shows_a_drawn_padlock_not_a_glyph_fonts_may_lack(window, srt_file):
    window.open_path(str(srt_file))
    window.state.push(SetFlags((1,), locked=True))
    model = window.table.model()
    index = model.index(1, NUMBER)
    assert model.data(index, Qt.ItemDataRole.DisplayRole) == "2"
    icon = model.data(index, Qt.ItemDataRole.DecorationRole)
    assert icon is not None and not icon.isNull()
    assert model.data(model.index(0, NUMBER), Qt.ItemDataRole.DecorationRole) is None


def test_labels_of_overlapping_cues_go_one_under_the_other():
    assert label_rows([(0, 100), (110, 200)]) == [0, 0]  # apart: one row
    assert label_rows([(0, 100), (50, 150), (120, 200), (160, 220)]) == [0, 1, 0, 1]
    assert label_rows([(0, 300), (10, 50), (20, 60), (70, 90)]) == [0, 1, 2, 1]


def test_overlapping_cues_paint_their_labels_apart(window, monkeypatch):
    from PySide6.QtGui import QPainter

    window.state.set_audio(FakeAudio(20))
    window.state.push(ReplaceAll((Cue(1000, 5000, "first speaker"), Cue(2000, 6000, "second speaker"))))
    view = window.ensure_waveform()
    view.setXRange(0, 8, padding=0)
    drawn: dict[str, tuple[int, int]] = {}
    original = QPainter.drawStaticText

    def record(painter, x, y, text):
        drawn[text.text()] = (x, y)
        return original(painter, x, y, text)

    monkeypatch.setattr(QPainter, "drawStaticText", record)
    view.grab()
    (x1, y1), (x2, y2) = drawn["1  first speaker"], drawn["2  second speaker"]
    assert x2 > x1 and y2 > y1  # the second label under the first, not over it
