"""Set Language…: the selected cues' language (or "not known") chosen from the names Qwen3-ASR knows, as one
undoable step (app.core.commands.SetLanguage). The names are shown in the ui's language; the data stays English."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction

from app.core.commands import SetLanguage
from app.core.languages import SUPPORTED_LANGUAGES
from app.ui.host import Host, WindowHost, add_action
from app.ui.language_names import language_name


def install_action(host: WindowHost) -> QAction:
    text = QCoreApplication.translate("CueLanguage", "Set &Language…")
    action = add_action(host, "edit", text, lambda: set_language(host), id="edit.set_language")
    table = getattr(host, "table", None)
    if table is not None:  # the list's context menu: its own actions
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        table.addAction(action)
    return action


def choices(current: str) -> list[str]:
    """The language names offered: "" (not known) first, then Qwen3-ASR's, with a dialect a cue carries kept."""
    names = ["", *SUPPORTED_LANGUAGES]
    if current and current not in names:
        names.insert(1, current)
    return names


def set_language(host: Host, chosen: str | None = None) -> bool:
    """Ask for (or take ``chosen``) the language of the selected cues and set it as one undo step."""
    from PySide6.QtWidgets import QInputDialog

    host.commit_edits()
    selected = sorted(host.state.selection)
    title = QCoreApplication.translate("CueLanguage", "Set Language")
    if not selected:
        host.show_info(title, QCoreApplication.translate("CueLanguage", "Select the cues first."))
        return False
    if chosen is None:
        current = host.state.doc[selected[0]].language
        names = choices(current)
        unknown = QCoreApplication.translate("CueLanguage", "Not known")
        shown = [language_name(name) if name else unknown for name in names]
        count = len(selected)  # lupdate reads a plain name as the count, not an expression
        label = QCoreApplication.translate("CueLanguage", "Language of %n selected cue(s):", None, count)
        picked, ok = QInputDialog.getItem(
            host.dialog_parent(), title, label, shown, names.index(current) if current in names else 0, False
        )
        if not ok:
            return False
        chosen = names[shown.index(picked)]
    label = QCoreApplication.translate("CueLanguage", "Set language")
    host.state.push(SetLanguage(tuple(selected), chosen, label))
    return True
