"""File ▸ Export ▸ Video with Burned-in Subtitles…: the open document (or a subtitle file) drawn into the picture
with the picture pane's painter (app.render.subtitles) by app.session.burn, as a task with progress, time left and
cancel."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.session.context import AppContext
from app.ui.burn.dialog import export_burned_video
from app.ui.host import WindowHost, add_action, export_menu


def install(context: AppContext, host: WindowHost) -> None:
    add_action(
        host, export_menu(host), QCoreApplication.translate("MainWindow", "Video with &Burned-in Subtitles…"),
        lambda: export_burned_video(host), id="file.export_burned_video",
    )  # fmt: skip
