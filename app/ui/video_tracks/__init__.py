"""File ▸ Export ▸ Video with Subtitle Tracks…: the open document and subtitle files muxed into a copy of the video
(app.session.mux), as a task with progress and cancel."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.session.context import AppContext
from app.ui.host import WindowHost, add_action, export_menu
from app.ui.video_tracks.dialog import export_video_tracks


def install(context: AppContext, host: WindowHost) -> None:
    add_action(
        host, export_menu(host), QCoreApplication.translate("MainWindow", "Video with Subtitle &Tracks…"),
        lambda: export_video_tracks(host), id="file.export_video_tracks",
    )  # fmt: skip
