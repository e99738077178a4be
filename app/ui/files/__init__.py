"""Files: open, import, reload, export, save; the recent files. The File menu's document actions.

Before a subtitle file is written it asks the context's write checks (the Checks feature adds its save guard).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence

from app.session.context import AppContext
from app.ui.files.controller import FileController
from app.ui.host import WindowHost, add_action


def install(context: AppContext, host: WindowHost) -> FileController:
    files = FileController(host, host.dialog_parent())
    files.subtitles.confirm_write = context.confirm_write
    add_action(
        host,
        "file",
        QCoreApplication.translate("MainWindow", "&Open…"),
        files.open_dialog,
        QKeySequence.StandardKey.Open,
        id="file.open",
    )
    recent = host.menu("file").addMenu(QCoreApplication.translate("MainWindow", "Open &Recent"))
    recent.aboutToShow.connect(lambda: files.fill_recent_menu(recent))
    host.menu("file").addSeparator()
    add_action(
        host,
        "file",
        QCoreApplication.translate("MainWindow", "&Import Subtitles…"),
        files.import_subtitles_dialog,
        "Ctrl+I",
        id="file.import",
    )
    add_action(
        host,
        "file",
        QCoreApplication.translate("MainWindow", "Import Subtitle &Track from Video…"),
        files.import_track_dialog,
        id="file.import_track",
    )
    add_action(
        host,
        "file",
        QCoreApplication.translate("MainWindow", "Reload Subtitles with E&ncoding…"),
        files.reload_with_encoding_dialog,
        id="file.reload_encoding",
    )
    add_action(
        host,
        "file",
        QCoreApplication.translate("MainWindow", "Save Su&btitles"),
        files.save_subtitles,
        id="file.save_subtitles",
    )
    add_action(
        host,
        "file",
        QCoreApplication.translate("MainWindow", "&Export As…"),
        files.export_subtitles_dialog,
        "Ctrl+E",
        id="file.export",
    )
    host.menu("file").addSeparator()
    add_action(
        host,
        "file",
        QCoreApplication.translate("MainWindow", "&Save Project"),
        files.save_project,
        QKeySequence.StandardKey.Save,
        id="file.save",
    )
    add_action(
        host,
        "file",
        QCoreApplication.translate("MainWindow", "Save Project &As…"),
        files.save_project_as,
        QKeySequence.StandardKey.SaveAs,
        id="file.save_as",
    )
    host.menu("file").addSeparator()
    return files
