"""Timing while listening (Aegisub / Subtitle Edit style): play around a cue's edges, set an edge at the playhead,
step through the cues; each change one undo step, by the same rule as a drag."""

from __future__ import annotations

import numpy as np
import pytest
import soundfile as sf


@pytest.fixture
def loaded(window, qtbot, srt_file, tmp_path):
    wav = tmp_path / "tone.wav"
    t = np.arange(8 * 16000) / 16000
    sf.write(wav, (0.3 * np.sin(2 * np.pi * 440 * t)).astype(np.float32), 16000)
    with qtbot.waitSignal(window.files.mediaLoaded, timeout=60_000):
        window.open_path(str(wav))
    with qtbot.waitSignal(window.files.subtitlesLoaded):
        window.open_path(str(srt_file))  # cues 1.0-2.5, 3.0-4.0, 5.0-6.0 s
    return window


def _action(window, text: str):
    for menu in window.menuBar().actions():
        for action in menu.menu().actions():
            if action.text() == text:
                return action
    raise LookupError(text)


def test_set_start_and_end_at_the_playhead(loaded):
    window, state = loaded, loaded.state
    state.select([1])
    window._seek(2700)
    _action(window, "Set S&tart at Playhead").trigger()
    assert (state.doc[1].start, state.doc[1].end) == (2700, 4000)
    window._seek(4600)
    _action(window, "Set &End at Playhead").trigger()
    assert (state.doc[1].start, state.doc[1].end) == (2700, 4600)
    window._seek(2000)  # inside the previous cue: stops at the 2-frame gap after it
    _action(window, "Set S&tart at Playhead").trigger()
    assert state.doc[1].start == state.doc[0].end + state.limits.min_gap_ms
    window._seek(7000)  # past the end: the whole cue moves there, but not over the next cue
    _action(window, "Set S&tart at Playhead").trigger()
    assert state.doc[1].end == state.doc[2].start - state.limits.min_gap_ms
    assert state.stack.undo_label == "Set start"
    for _ in range(4):
        window.undo()
    assert (state.doc[1].start, state.doc[1].end) == (3000, 4000)


def test_without_one_selected_cue_nothing_changes(loaded):
    window, state = loaded, loaded.state
    state.select([])
    before = state.doc.snapshot()
    _action(window, "Set &End at Playhead").trigger()
    assert state.doc.snapshot() == before
    assert "Select one cue" in window.statusBar().currentMessage()


def test_step_through_cues_and_play_around_edges(loaded):
    window, state = loaded, loaded.state
    state.select([])
    _action(window, "&Next Cue").trigger()
    assert state.selection == [0]
    _action(window, "&Next Cue").trigger()
    _action(window, "&Next Cue").trigger()
    _action(window, "&Next Cue").trigger()
    assert state.selection == [2]  # stays on the last
    _action(window, "Pre&vious Cue").trigger()
    assert state.selection == [1]
    _action(window, "Play 0.5 s &Before Start").trigger()
    model = window.player.model
    assert (model.start_ms, model.end_ms) == (2500, 3000)
    _action(window, "Play 0.5 s &After End").trigger()
    assert (model.start_ms, model.end_ms) == (4000, 4500)
