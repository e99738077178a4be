"""Align Script: a plain transcript timed to the open media (or one the user picks) and made into cues."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.session.context import AppContext
from app.ui.host import WindowHost, add_action
from app.ui.script import run


def install(context: AppContext, host: WindowHost) -> None:
    add_action(
        host, "file", QCoreApplication.translate("MainWindow", "Align &Script…"),
        lambda: run.align_script_file(host), id="file.align_script",
    )  # fmt: skip
