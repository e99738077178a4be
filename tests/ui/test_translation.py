"""Every word the window shows goes through Qt's translation; plurals are Qt's %n forms, never made by hand."""

from __future__ import annotations

import ast
import dataclasses
import inspect
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from app.core import commands
from app.core.messages import CATALOGUE, Message
from app.ui.command_labels import CORE_LABELS
from app.ui.i18n import install_translations
from app.ui.messages import render

ROOT = Path(__file__).resolve().parents[2]
SHOWS_TEXT = {  # calls whose string arguments the user reads
    "setText", "setWindowTitle", "setToolTip", "setPlaceholderText", "setInformativeText", "addMenu", "showMessage",
    "show_status", "show_error", "show_info", "ask", "error", "QLabel", "QPushButton", "QCheckBox", "QAction",
    "addAction", "addItem", "addRow", "addButton", "information", "warning", "question", "getText", "getItem",
    "getOpenFileName", "getSaveFileName", "getExistingDirectory", "_action", "setHorizontalHeaderLabels",
}  # fmt: skip


def _words(node: ast.AST) -> bool:
    """A literal with letters in it, or an f-string: English put together in code."""
    if isinstance(node, ast.JoinedStr):
        return True
    return (
        isinstance(node, ast.Constant) and isinstance(node.value, str) and bool(re.search(r"[A-Za-z]{2}", node.value))
    )


def test_no_untranslated_words_reach_the_screen():
    found = []
    for path in sorted((ROOT / "app" / "ui").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            shown = node.args[1:2] if name == "_action" else node.args  # (menu, text, slot, shortcut)
            if name in SHOWS_TEXT and any(_words(arg) for arg in shown):
                found.append(f"{path.name}:{node.lineno} {name}(...)")
    assert not found, "\n".join(found)


def test_every_catalogue_message_renders(qapp):
    install_translations()
    for code, text in CATALOGUE.items():
        params = {name: "X" for name in re.findall(r"{(\w+)", text)}
        rendered = render(Message(code, params, n=2 if "%n" in text else None))
        assert rendered and "{" not in rendered and "%n" not in rendered, code


def test_plurals_are_qt_forms_in_english(qapp):
    install_translations()
    one = render(Message("recognition.done", n=1))
    many = render(Message("recognition.done", n=3))
    assert (one, many) == ("Recognised 1 cue", "Recognised 3 cues")


def test_the_shipped_english_plurals_cover_every_plural_in_the_ui():
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import update_translations
    finally:
        sys.path.pop(0)
    shipped: dict[str, set[str]] = {}
    for context in ET.parse(ROOT / "app" / "resources" / "i18n" / "qss_en.ts").getroot().iter("context"):
        shipped[context.findtext("name")] = {m.findtext("source") for m in context.iter("message")}
    assert update_translations.plural_sources() == shipped, "run python scripts/update_translations.py"


@pytest.mark.parametrize(
    "command", [c for _n, c in inspect.getmembers(commands, inspect.isclass) if dataclasses.is_dataclass(c)]
)
def test_every_core_undo_label_is_marked_for_translation(command):
    label = next((f.default for f in dataclasses.fields(command) if f.name == "label"), None)
    assert label is None or label in CORE_LABELS


def test_english_plurals_agree_with_their_count(qapp):
    """Issue 27, item 18: "1 cue start before the cue above them"; verbs and pronouns follow the count too."""
    from PySide6.QtCore import QCoreApplication

    install_translations()
    source = "%n cue(s) [starts|start] before the cue above [it|them]."
    one = QCoreApplication.translate("SaveGuard", source, "", 1)
    many = QCoreApplication.translate("SaveGuard", source, "", 2)
    assert (one, many) == ("1 cue starts before the cue above it.", "2 cues start before the cue above them.")
    for context in ET.parse(ROOT / "app" / "resources" / "i18n" / "qss_en.ts").getroot().iter("context"):
        for form in context.iter("numerusform"):  # no form keeps the "[a|b]" marks
            assert "[" not in (form.text or "") and "|" not in (form.text or ""), form.text
