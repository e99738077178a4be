"""Export and save warn once, with Review, when cues overlap or are out of time order."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from app.core.commands import SetTimes
from app.core.document import Cue, Document
from app.ui.checks import save_guard

OVERLAPPING = [Cue(1_000, 3_000, "One."), Cue(2_500, 4_000, "Two overlaps one."), Cue(6_000, 7_000, "Three.")]


class Asker:
    def __init__(self, answer: str):
        self.answer = answer
        self.calls: list[tuple[int, int]] = []

    def __call__(self, _parent, overlaps: int, order: int) -> str:
        self.calls.append((overlaps, order))
        return self.answer


def setup(window, cues, answer):
    window.state.replace_document(Document.from_cues(cues, language="en"))
    asker = Asker(answer)
    window.checks.guard.asker = asker
    return asker


def test_export_with_overlaps_asks_and_cancel_writes_nothing(window, tmp_path):
    asker = setup(window, OVERLAPPING, save_guard.CANCEL)
    target = tmp_path / "out.srt"
    assert not window.files.export_subtitles(str(target))
    assert asker.calls == [(1, 0)]
    assert not target.exists()


def test_save_anyway_writes_and_is_not_asked_again_for_the_same_problems(window, tmp_path):
    asker = setup(window, OVERLAPPING, save_guard.SAVE)
    target = tmp_path / "out.srt"
    assert window.files.export_subtitles(str(target))
    assert target.exists()
    window.state.push(SetTimes(2, 6_000, 7_500))  # an edit elsewhere: the same overlap
    assert window.files.export_subtitles(str(target))
    assert window.files._save_project(str(tmp_path / "work.qssproj"))
    assert len(asker.calls) == 1
    window.state.push(SetTimes(2, 3_900, 7_500))  # a new overlap: asked again
    assert window.files.export_subtitles(str(target))
    assert len(asker.calls) == 2 and asker.calls[-1] == (2, 0)


def test_review_opens_the_checks_panel_on_overlaps_and_order(window, tmp_path, qtbot):
    asker = setup(window, OVERLAPPING, save_guard.REVIEW)
    with qtbot.waitSignal(window.checks.checked, timeout=5000) as blocker:
        assert not window.files.export_subtitles(str(tmp_path / "out.srt"))
    assert asker.calls and window.checks.isVisible()
    assert window.checks.filter_box.currentData() == "kind:order"
    assert any(f.code == "qc.overlap" for f in blocker.args[0])
    model = window.checks.model
    assert model.rowCount() >= 1
    assert all("overlaps" in model.index(r, 3).data() for r in range(model.rowCount()))
    assert not (tmp_path / "out.srt").exists()


def test_out_of_order_cues_are_counted_apart(window, tmp_path):
    cues = [Cue(5_000, 6_000, "Later."), Cue(1_000, 2_000, "Earlier, but below.")]
    asker = setup(window, cues, save_guard.CANCEL)
    assert not window.files.export_subtitles(str(tmp_path / "out.srt"))
    assert asker.calls == [(0, 1)]


def test_clean_documents_are_saved_without_a_word(window, tmp_path):
    asker = setup(window, [Cue(1_000, 2_000, "One."), Cue(3_000, 4_000, "Two.")], save_guard.CANCEL)
    assert window.files.export_subtitles(str(tmp_path / "out.srt"))
    assert window.files._save_project(str(tmp_path / "work.qssproj"))
    assert asker.calls == []


def test_saving_the_project_asks_too(window, tmp_path):
    asker = setup(window, OVERLAPPING, save_guard.CANCEL)
    assert not window.files._save_project(str(tmp_path / "work.qssproj"))
    assert asker.calls and not (tmp_path / "work.qssproj").exists()


def test_another_document_is_asked_about_afresh(window, tmp_path):
    asker = setup(window, OVERLAPPING, save_guard.SAVE)
    assert window.files.export_subtitles(str(tmp_path / "a.srt"))
    window.state.replace_document(Document.from_cues(OVERLAPPING, language="en"))
    assert window.files.export_subtitles(str(tmp_path / "b.srt"))
    assert len(asker.calls) == 2


def test_the_dialog_offers_review_save_anyway_and_cancel(qtbot):
    seen: list[list[str]] = []

    def press(label: str) -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append([b.text() for b in box.buttons()])
        next(b for b in box.buttons() if b.text() == label).click()

    for label, expected in (("&Review", save_guard.REVIEW), ("&Save Anyway", save_guard.SAVE)):
        QTimer.singleShot(0, lambda label=label: press(label))
        assert save_guard.ask(None, 2, 1) == expected
    assert {"&Review", "&Save Anyway"} <= set(seen[0]) and len(seen[0]) == 3


def test_export_as_and_save_as_ask_before_the_file_dialog(window, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from app.ui.files import subtitle_io

    opened = []
    monkeypatch.setattr(subtitle_io.ExportDialog, "exec", lambda self: opened.append("export") or 0)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: opened.append("save as") or ("", ""))
    asker = setup(window, OVERLAPPING, save_guard.CANCEL)
    window.files.export_subtitles_dialog()
    assert not window.files.save_project_as()
    assert opened == [] and len(asker.calls) == 2  # cancelled at the warning: no file dialog
    asker.answer = save_guard.SAVE
    window.files.export_subtitles_dialog()
    assert not window.files.save_project_as()
    assert opened == ["export", "save as"] and len(asker.calls) == 3  # asked once, then let through
