"""Issue 27, item 9: every combination of the docks fits a 1366×768 screen, also while a batch runs with a long file
name and progress text (the docks' text is elided, their buttons sit in toolbars that fold what does not fit)."""

from __future__ import annotations

import itertools
import threading

import pytest

from app.session.batch import RUNNING

SCREEN_W, SCREEN_H = 1366, 768
FRAME_H = 70  # a title bar and a panel the screen keeps for itself
LONG = "Season 04 Episode 11 — the_director's_cut_with_commentary_and_extras_remastered_" * 3 + ".wav"


def _docks(window) -> dict:
    return {"tasks": window.task_dock, "batch": window.batch, "checks": window.checks, "picture": window.picture.dock}


@pytest.fixture
def running_batch(window, qtbot, tmp_path):
    """A batch row running a file with a very long name, a task message and time left on screen."""
    media = tmp_path / LONG[:200]
    media.write_bytes(b"RIFF")
    runner = window.batch.runner
    runner.queue.add([str(media)])
    release = threading.Event()
    ready = threading.Event()

    def work(report) -> None:
        report.progress(0.0, f"Recognising {media.name}: chunk 12 of 480, the aligner loading its model…")
        ready.set()
        release.wait(10)

    handle = window.tasks.start(
        "batch", f"Batch: {media.name}", work, lambda _r: None, title="Batch queue", bound=False
    )
    second = window.tasks.start("other", "Decoding " + media.name, lambda r: release.wait(10), lambda _r: None,
                                title="Open")  # fmt: skip
    assert handle is not None and second is not None
    qtbot.waitUntil(lambda: handle.message.startswith("Recognising"))
    handle.fraction, handle.seconds_left = 0.65, 79.0
    runner.handle, runner.running_media = handle, runner.queue[0].media
    runner.queue.update(0, state=RUNNING)
    handle.changed.emit()
    yield
    release.set()


@pytest.mark.parametrize("count", [1, 2, 3, 4])
def test_every_combination_of_docks_fits_a_small_screen_while_a_batch_runs(window, qtbot, running_batch, count):
    docks = _docks(window)
    for combo in itertools.combinations(docks, count):
        for name, dock in docks.items():
            dock.setVisible(name in combo)
        qtbot.wait(1)  # the layouts settle
        hint = window.minimumSizeHint()
        assert hint.width() <= SCREEN_W and hint.height() <= SCREEN_H - FRAME_H, (combo, hint)
        window.resize(SCREEN_W, SCREEN_H - FRAME_H)
        qtbot.wait(1)
        assert window.width() <= SCREEN_W and window.height() <= SCREEN_H - FRAME_H, (combo, window.size())
        for name in combo:  # each open dock is inside the window, not pushed past its edge
            rect = docks[name].geometry()
            assert rect.right() <= window.width() and rect.bottom() <= window.height(), (name, rect)


def test_long_text_in_the_status_bar_and_task_list_never_widens_the_window(window, qtbot, running_batch):
    for dock in _docks(window).values():
        dock.show()
    qtbot.wait(1)
    before = window.minimumSizeHint().width()
    window.status.task_label.setText("x" * 2000)
    window.status.model_label.setText("Model: " + "y" * 2000)
    for row in window.task_dock.list.rows.values():
        row.label.setText("z" * 2000)
    qtbot.wait(1)
    assert window.minimumSizeHint().width() == before
    assert window.status.task_label.toolTip() == "x" * 2000  # the whole text is one hover away
