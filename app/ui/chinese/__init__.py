"""Edit ▸ Convert Chinese: Simplified ↔ Traditional with OpenCC (app.text.chinese), for the selected cues or all,
as one undo step."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.session.context import AppContext
from app.ui.chinese.convert import convert_chinese
from app.ui.host import WindowHost, add_action


def install(context: AppContext, host: WindowHost) -> None:
    add_action(
        host, "edit", QCoreApplication.translate("MainWindow", "Convert &Chinese…"),
        lambda: convert_chinese(host), id="edit.convert_chinese",
    )  # fmt: skip
