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
    menu, key = host.menu("file"), QKeySequence.StandardKey

    # the words were the window's first: their translations stay under its name (lupdate reads the literal calls)
    add_action(
        host, menu, QCoreApplication.translate("MainWindow", "&Open…"), files.open_dialog, key.Open, id="file.open"
    )
    recent = menu.addMenu(QCoreApplication.translate("MainWindow", "Open &Recent"))
    recent.aboutToShow.connect(lambda: files.fill_recent_menu(recent))
    menu.addSeparator()
    for action_id, text, slot, shortcut in (
        (
            "file.import",
            QCoreApplication.translate("MainWindow", "&Import Subtitles…"),
            files.import_subtitles_dialog,
            "Ctrl+I",
        ),
        (
            "file.import_track",
            QCoreApplication.translate("MainWindow", "Import Subtitle &Track from Video…"),
            files.import_track_dialog,
            None,
        ),
        (
            "file.reload_encoding",
            QCoreApplication.translate("MainWindow", "Reload Subtitles with E&ncoding…"),
            files.reload_with_encoding_dialog,
            None,
        ),
        (
            "file.save_subtitles",
            QCoreApplication.translate("MainWindow", "Save Su&btitles"),
            files.save_subtitles,
            None,
        ),
        (
            "file.export",
            QCoreApplication.translate("MainWindow", "&Export As…"),
            files.export_subtitles_dialog,
            "Ctrl+E",
        ),
    ):
        add_action(host, menu, text, slot, shortcut, id=action_id)
    menu.addSeparator()
    add_action(
        host,
        menu,
        QCoreApplication.translate("MainWindow", "&Save Project"),
        files.save_project,
        key.Save,
        id="file.save",
    )
    add_action(
        host,
        menu,
        QCoreApplication.translate("MainWindow", "Save Project &As…"),
        files.save_project_as,
        key.SaveAs,
        id="file.save_as",
    )
    menu.addSeparator()
    return files
