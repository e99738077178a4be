"""The waveform: cues laid on it, click to select, drag edges and whole cues as one undo step, scrolling."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt

from app.core.commands import ReplaceAll
from app.core.document import Cue
from app.media.envelope import EnvelopeBuilder


class FakeAudio:
    def __init__(self, seconds: int) -> None:
        builder = EnvelopeBuilder(16000, seconds * 16000)
        rng = np.random.default_rng(1)
        builder.add((rng.standard_normal(seconds * 16000) * 0.3).astype(np.float32))
        self.envelope = builder.finish()
        self.duration_ms = seconds * 1000
        self.source = "fake.wav"


class Drag:
    """The parts of pyqtgraph's MouseDragEvent the cue layer reads, in data coordinates (seconds)."""

    def __init__(self, start_s: float, now_s: float, *, first: bool, last: bool) -> None:
        self._down, self._now, self._first, self._last = start_s, now_s, first, last
        self.accepted = None

    def button(self):
        return Qt.MouseButton.LeftButton

    def isStart(self):
        return self._first

    def isFinish(self):
        return self._last

    def buttonDownPos(self):
        return QPointF(self._down, 0)

    def pos(self):
        return QPointF(self._now, 0)

    def accept(self):
        self.accepted = True

    def ignore(self):
        self.accepted = False


@pytest.fixture
def view(window):
    window.state.set_audio(FakeAudio(20))
    window.state.push(ReplaceAll((Cue(1000, 3000, "one"), Cue(4000, 6000, "two"), Cue(7000, 9000, "three"))))
    window.state.stack.clear()
    view = window.ensure_waveform()
    view.setXRange(0, 12, padding=0)
    return view


def drag(layer, start_s: float, points: list[float]) -> None:
    for n, x in enumerate(points):
        layer.mouseDragEvent(Drag(start_s, x, first=n == 0, last=n == len(points) - 1))


def test_drag_end_is_one_undo_step_and_stops_at_the_gap(window, view):
    layer = view.cues
    drag(layer, 6.0, [6.0, 6.5, 7.5, 8.0])  # the end edge of "two", pulled into "three"
    assert window.state.doc[1].end == 7000 - window.state.limits.min_gap_ms
    assert window.state.stack.undo_label == "Drag cue end"
    window.undo()
    assert window.state.doc[1].end == 6000
    assert not window.state.stack.can_undo, "the whole drag was a single step"


def test_move_whole_cue_keeps_duration(window, view):
    drag(view.cues, 5.0, [5.0, 5.3, 5.5])
    cue = window.state.doc[1]
    assert (cue.start, cue.end) == (4500, 6500)
    assert window.state.selection == [1]


def test_locked_cue_does_not_move(window, view):
    from app.core.commands import SetFlags

    window.state.push(SetFlags((1,), locked=True))
    event = Drag(5.0, 5.0, first=True, last=False)
    view.cues.mouseDragEvent(event)
    assert event.accepted is False, "a locked cue lets the view pan instead"
    assert window.state.doc[1].start == 4000


def test_hit_test_and_visible_range(view):
    assert view.cues.hit(5.0) == (1, "move")
    assert view.cues.hit(4.0)[1] == "start"
    assert view.cues.hit(9.0)[1] == "end"
    assert view.cues.hit(3.5) is None
    assert list(view.cues.visible_range(3.5, 6.5)) == [1]


def test_selecting_in_the_list_scrolls_the_waveform(window, view):
    view.setXRange(0, 2, padding=0)
    window.state.select([2])
    start, end = view.visible_ms()
    assert start <= 7000 and end >= 9000


def test_many_repaints_while_scrolling(window, view):
    """PySide6 6.12.0 aborted the process after a few hundred axis repaints; the pin keeps it away."""
    for _ in range(400):
        view.scroll_by(0.01)
        view.viewport().repaint()
    assert view.visible_ms()[0] > 0
