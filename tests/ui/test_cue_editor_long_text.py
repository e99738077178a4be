"""A cue whose text is one enormous word (a pasted hash, a broken file) shows in the text box without freezing
the window (issue 17, item 7): 2,000,000 characters took over 40 s, growing with the square of the length."""

from __future__ import annotations

import time

from PySide6.QtWidgets import QApplication

from app.core.document import Cue, Document
from app.ui.cue_editor import CueEditor
from app.ui.state import EditorState


def _editor(qtbot, texts: list[str]) -> tuple[EditorState, CueEditor]:
    state = EditorState()
    state.replace_document(Document.from_cues([Cue(i * 1000, i * 1000 + 900, t) for i, t in enumerate(texts)]))
    editor = CueEditor(state)
    editor.resize(600, 120)
    qtbot.addWidget(editor)
    editor.show()
    return state, editor


def _seconds_to_show(qtbot, length: int) -> float:
    state, editor = _editor(qtbot, ["short", "x" * length])
    best = float("inf")
    for _ in range(3):
        state.select([0])
        QApplication.processEvents()
        start = time.perf_counter()
        state.select([1])
        QApplication.processEvents()  # the layout and the first paint
        shown = len(editor.edit.toPlainText())
        state.select([0])  # and away again
        QApplication.processEvents()
        best = min(best, time.perf_counter() - start)
        assert shown == length
    return best


def test_showing_one_long_word_takes_time_linear_in_its_length(qtbot):
    small, large = _seconds_to_show(qtbot, 10_000), _seconds_to_show(qtbot, 160_000)
    # linear: about 16 times longer; the old layout: about 256 times. Fixed costs only lower the ratio.
    assert large <= 64 * max(small, 1e-3), f"{small * 1000:.1f} ms -> {large * 1000:.1f} ms"


def test_ordinary_text_still_wraps_at_word_boundaries(qtbot):
    from PySide6.QtGui import QTextOption

    state, editor = _editor(qtbot, ["A perfectly ordinary line of dialogue.", "y" * 5000])
    state.select([1])
    assert editor.edit.wordWrapMode() == QTextOption.WrapMode.WrapAnywhere
    state.select([0])
    assert editor.edit.wordWrapMode() == QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere
    editor.edit.setPlainText("z" * 2000)  # typed
    assert editor.edit.wordWrapMode() == QTextOption.WrapMode.WrapAnywhere


def test_pasting_a_long_word_wraps_anywhere_before_it_is_laid_out(qtbot):
    from PySide6.QtCore import QMimeData
    from PySide6.QtGui import QTextOption

    state, editor = _editor(qtbot, ["Hello"])
    state.select([0])
    modes = []
    editor.edit.document().contentsChanged.connect(lambda: modes.append(editor.edit.wordWrapMode()))
    mime = QMimeData()
    mime.setText("q" * 100_000)
    editor.edit.insertFromMimeData(mime)
    assert modes and modes[0] == QTextOption.WrapMode.WrapAnywhere
    assert "q" * 100_000 in editor.edit.toPlainText()
