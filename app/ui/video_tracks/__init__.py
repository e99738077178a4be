"""File ▸ Export ▸ Video with Subtitle Tracks…: the open document and subtitle files muxed into a copy of the video
(app.session.mux), as a task with progress and cancel."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMenu

from app.session.context import AppContext
from app.ui.host import WindowHost, add_action
from app.ui.video_tracks.dialog import export_video_tracks

EXPORT_MENU = "file.export_menu"  # the File menu's Export submenu, shared by the features that export videos


def export_menu(host: WindowHost) -> QMenu:
    """File ▸ Export, made by the first feature that needs it."""
    file_menu = host.menu("file")
    found = file_menu.findChild(QMenu, EXPORT_MENU)
    if found is not None:
        return found
    menu = file_menu.addMenu(QCoreApplication.translate("MainWindow", "E&xport"))
    menu.setObjectName(EXPORT_MENU)
    return menu


def install(context: AppContext, host: WindowHost) -> None:
    add_action(
        host, export_menu(host), QCoreApplication.translate("MainWindow", "Video with Subtitle &Tracks…"),
        lambda: export_video_tracks(host), id="file.export_video_tracks",
    )  # fmt: skip
