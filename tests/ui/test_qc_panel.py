"""The Checks panel: findings listed against the chosen profile, re-checked as the document changes, filtered,
jumping to the cue; the profile kept in the document (undoable, saved in the project) and as the default."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.core.commands import SetText
from app.core.doc_settings import DocumentSettings, QualityChoice
from app.core.document import Cue, Document
from app.core.frames import FrameGrid
from app.ui.checks import profile as qc_profile


def problem_document() -> Document:
    return Document.from_cues(
        [
            Cue(1_000, 3_000, "Fine and well timed."),
            Cue(2_500, 4_000, "Overlaps the cue above."),  # cue 1 overlaps cue 2
            Cue(5_000, 5_300, "Far too short to read."),
            Cue(8_000, 10_000, "A line that is much longer than forty-two characters allows."),
        ],
        language="en",
    )


def open_checks(window, qtbot, doc=None):
    panel = window.checks
    with qtbot.waitSignal(panel.checked, timeout=5000) as blocker:
        if doc is not None:
            window.state.replace_document(doc)
        panel.show()
    return panel, blocker.args[0]


def codes(findings):
    return {(f.index, f.code) for f in findings}


def test_the_panel_lists_findings_with_cue_time_severity_and_translated_message(window, qtbot):
    panel, findings = open_checks(window, qtbot, problem_document())
    assert {(0, "qc.overlap"), (2, "qc.too_short"), (3, "qc.line_length")} <= codes(findings)
    model = panel.model
    assert model.rowCount() == len(findings)
    rows = [[model.index(r, c).data() for c in range(4)] for r in range(model.rowCount())]
    overlap = next(r for r in rows if r[0] == "1" and "overlaps" in r[3])
    assert overlap[1] == "0:00:01.000" and overlap[2] == "Error"
    assert "overlaps the next cue by 500 ms" in overlap[3]
    assert panel.windowTitle() == f"Checks ({len(findings)})"


def test_view_menu_toggles_the_panel_and_the_edit_menu_has_fix(window):
    view = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    toggle = next(a for a in view.actions() if a.text() == "&Checks")
    assert not window.checks.isVisible()
    toggle.trigger()
    assert window.checks.isVisible()
    edit = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Edit")
    assert any(a.text() == "&Fix Common Problems…" for a in edit.actions())


def test_it_checks_again_when_the_document_changes(window, qtbot):
    panel, findings = open_checks(window, qtbot, problem_document())
    assert (3, "qc.line_length") in codes(findings)
    with qtbot.waitSignal(panel.checked, timeout=5000) as blocker:
        window.state.push(SetText(3, "A short line now."))
    assert (3, "qc.line_length") not in codes(blocker.args[0])


def test_many_quick_changes_give_one_check_of_the_last_state(window, qtbot):
    panel, _ = open_checks(window, qtbot, problem_document())
    results = []
    panel.checked.connect(results.append)
    for n in range(5):
        window.state.push(SetText(3, f"Edit number {n}."))
    qtbot.waitUntil(lambda: len(results) >= 1, timeout=5000)
    qtbot.wait(panel.timer.interval() + 200)  # nothing more comes: the edits were one check
    assert len(results) == 1


def test_filters_by_severity_and_kind(window, qtbot):
    panel, findings = open_checks(window, qtbot, problem_document())
    panel.filter_box.setCurrentIndex(panel.filter_box.findData("kind:order"))
    shown = [panel.model.index(r, 3).data() for r in range(panel.model.rowCount())]
    assert shown and all("overlaps" in text or "starts before" in text for text in shown)
    panel.filter_box.setCurrentIndex(panel.filter_box.findData("severity:warning"))
    assert all(panel.model.index(r, 2).data() == "Warning" for r in range(panel.model.rowCount()))
    assert panel.model.rowCount() == sum(f.severity == "warning" for f in findings)


def test_double_click_and_enter_go_to_the_cue(window, qtbot):
    panel, _ = open_checks(window, qtbot, problem_document())
    row = next(r for r in range(panel.model.rowCount()) if panel.model.index(r, 0).data() == "4")
    rect = panel.view.visualRect(panel.model.index(row, 3))
    QTest.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # a double-click's press
    QTest.mouseDClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.state.selection == [3]
    assert window.table.currentIndex().row() == 3
    row = next(r for r in range(panel.model.rowCount()) if panel.model.index(r, 0).data() == "3")
    panel.view.setCurrentIndex(panel.model.index(row, 0))
    panel.view.setFocus()
    QTest.keyClick(panel.view, Qt.Key.Key_Return)
    assert window.state.selection == [2]


def test_choosing_a_profile_is_an_undoable_document_setting_and_the_new_default(window, qtbot):
    panel, _findings = open_checks(window, qtbot, problem_document())
    assert window.state.doc.settings.quality is None
    bbc = panel.profile_box.findData("bbc")
    with qtbot.waitSignal(panel.checked, timeout=5000) as blocker:
        panel.profile_box.setCurrentIndex(bbc)
        panel.profile_box.activated.emit(bbc)
    assert window.state.doc.settings.quality.name == "bbc"
    assert window.prefs.quality_profile == "bbc"
    assert not any(f.code == "qc.reading_speed" for f in blocker.args[0])  # BBC counts words, not characters
    assert window.isWindowModified() or window.state.is_modified()
    window.undo()
    assert window.state.doc.settings.quality is None


def test_the_default_profile_comes_from_the_settings_and_the_document_wins(window, qtbot, tmp_path):
    window.prefs.quality_profile = "netflix-en"
    assert qc_profile.current_choice(window.state, window.prefs).name == "netflix-en"
    doc = problem_document()
    doc.settings = DocumentSettings(QualityChoice("bbc"))
    window.state.replace_document(doc)
    assert qc_profile.current_choice(window.state, window.prefs).name == "bbc"


def test_custom_profile_values_are_used_and_saved_in_the_project(window, qtbot, tmp_path):
    from app.formats.project import load_project

    panel, findings = open_checks(window, qtbot, problem_document())
    assert (2, "qc.too_short") in codes(findings)
    with qtbot.waitSignal(panel.checked, timeout=5000) as blocker:
        panel.set_custom({"min_duration_ms": 200, "max_duration_ms": 7000, "max_cps": None, "max_line_chars": 80})
    after = codes(blocker.args[0])
    assert (2, "qc.too_short") not in after and (3, "qc.line_length") not in after
    assert panel.profile_box.currentData() == "custom" and panel.edit_button.isEnabled()
    assert window.prefs.quality_custom["min_duration_ms"] == 200
    path = tmp_path / "work.qssproj"
    window.checks.guard.asker = lambda *_: "save"  # the document has an overlap
    assert window.files._save_project(str(path))
    saved = load_project(str(path)).settings.quality
    assert saved is not None and saved.name == "custom" and saved.custom["min_duration_ms"] == 200


def test_the_custom_profile_editor_returns_its_values(qtbot):
    from app.core.profiles import NETFLIX

    dialog = qc_profile.CustomProfileDialog(NETFLIX)
    qtbot.addWidget(dialog)
    dialog.cps.setValue(15)
    dialog.wpm.setValue(0)  # not checked
    dialog.lines.setValue(3)
    values = dialog.values()
    assert values["max_cps"] == 15 and values["max_wpm"] is None and values["max_lines"] == 3
    dialog.min_duration.setValue(9000)
    dialog.max_duration.setValue(8000)
    dialog.accept()
    assert dialog.result() == 0 and dialog.error.text()  # refused with a word, not closed


def test_shot_changes_found_by_the_picture_are_checked(window, qtbot):
    panel, findings = open_checks(window, qtbot, problem_document())
    assert not any(f.code.startswith("qc.shot") for f in findings)
    window.picture.frames = FrameGrid.constant(25.0, 60_000)
    with qtbot.waitSignal(panel.checked, timeout=5000) as blocker:
        window.picture._set_cuts((8_100,))  # what the shot scan reports
    assert (3, "qc.shot_start") in codes(blocker.args[0])


def test_ten_thousand_cues_are_checked_off_the_event_loop(window, qtbot):
    cues = [Cue(i * 1_000, i * 1_000 + 700 + (i % 5) * 150, f"Cue number {i} with some words") for i in range(10_000)]
    panel, _ = open_checks(window, qtbot, Document.from_cues(cues, language="en"))
    ticks = []
    timer_start = time.perf_counter()
    from PySide6.QtCore import QTimer

    ticker = QTimer()
    ticker.timeout.connect(lambda: ticks.append(time.perf_counter()))
    ticker.start(10)
    with qtbot.waitSignal(panel.checked, timeout=10_000):
        panel.recheck_now()
    ticker.stop()
    assert ticks, "the event loop ran while the check was working"
    assert time.perf_counter() - timer_start < 10
