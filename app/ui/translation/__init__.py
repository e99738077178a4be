"""Translation in the window (issue 25): Recognition ▸ Translate… (and Proofread…, with the same model) and the
second text box, for the selected cue's translation, beside the first. The list's Translation column and the
picture's second line belong to the list and the picture; they show when the document has a target language or
any translation."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.session.context import AppContext
from app.ui.host import WindowHost, add_action
from app.ui.translation import proofread, run
from app.ui.translation.box import TranslationBox


def install(context: AppContext, host: WindowHost) -> TranslationBox:
    add_action(
        host, "recognition", QCoreApplication.translate("MainWindow", "&Translate…"),
        lambda: run.open_dialog(host), id="recognition.translate",
    )  # fmt: skip
    add_action(
        host, "recognition", QCoreApplication.translate("MainWindow", "&Proofread…"),
        lambda: proofread.open_dialog(host), id="recognition.proofread",
    )  # fmt: skip
    box = TranslationBox(host.state, host.editor.edit.font())
    host.editor.layout().insertWidget(1, box, 1)  # beside the text box, before its counters
    host.layoutRestored.connect(host.table.update_translation_column)  # a saved header state may say otherwise
    return box
