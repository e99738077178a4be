"""The main window."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox

from app import APP_NAME


class MainWindow(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle(APP_NAME)
        self.resize(1100, 700)
        hint = QLabel("Drop a video, audio or subtitle file here\nor use File ▸ Open")
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setCentralWidget(hint)

    def open_path(self, path: str) -> None:
        QMessageBox.information(self, APP_NAME, f"Opening files arrives with the editor window: {path}")
