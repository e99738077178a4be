"""Re-align: re-time the selected or the edited cues with the forced aligner; align a whole file to its media."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.session.context import AppContext
from app.ui.host import WindowHost, add_action
from app.ui.realign import run


def install(context: AppContext, host: WindowHost) -> None:
    add_action(
        host, "recognition", QCoreApplication.translate("MainWindow", "Re-align &Selected Cues"),
        lambda: run.realign_selected(host), id="recognition.realign_selected",
    )  # fmt: skip
    add_action(
        host, "recognition", QCoreApplication.translate("MainWindow", "Re-align &Edited Cues"),
        lambda: run.realign_edited(host), "Ctrl+Shift+A", id="recognition.realign_edited",
    )  # fmt: skip
    add_action(
        host, "recognition", QCoreApplication.translate("MainWindow", "&Align Whole File…"),
        lambda: run.align_whole_file(host), id="recognition.align_file",
    )  # fmt: skip
