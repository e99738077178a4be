"""The batch queue: many media files recognised one after another with the recognition dialog's settings."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.session.context import AppContext
from app.ui.batch.panel import BatchDock
from app.ui.host import WindowHost, add_action


def install(context: AppContext, host: WindowHost) -> BatchDock:
    dock = BatchDock(host, host.open_with_subtitles, host.dialog_parent())
    host.add_dock(dock)
    add_action(
        host, "file", QCoreApplication.translate("MainWindow", "Add to &Batch Queue…"), dock.add_dialog,
        id="file.batch_add",
    )  # fmt: skip
    host.menu("file").addSeparator()
    host.menu("view").addAction(dock.toggleViewAction())
    return dock
