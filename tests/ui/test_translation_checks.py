"""The translation in the window's checks and spell check (issue 25, item 2): the Checks panel lists a
translation's problems by the translation language's rules, marked, and goes to the translation's box; the box and
the list's Translation column underline misspellings in the translation language's dictionary."""

from __future__ import annotations

from PySide6.QtGui import QTextCharFormat
from PySide6.QtWidgets import QApplication

from app.core.doc_settings import DocumentSettings
from app.core.document import Cue, Document
from app.ui.cue_table import TRANSLATION

LONG_FR = "Cette traduction est beaucoup trop longue pour une ligne de quarante-deux caractères"


def _doc(translations, target="French"):
    cues = [Cue(i * 3000, i * 3000 + 2500, text, language="English", translation=translations[i])
            for i, text in enumerate(["Good morning, everyone.", "This is fine.", "See you tomorrow."])]  # fmt: skip
    settings = DocumentSettings().replace(translation_language=target)
    return Document.from_cues(cues, language="English", settings=settings)


def _underlined(edit) -> list[str]:
    out = []
    block = edit.document().firstBlock()
    while block.isValid():
        for r in block.layout().formats():
            if r.format.underlineStyle() == QTextCharFormat.UnderlineStyle.SpellCheckUnderline:
                out.append(block.text()[r.start : r.start + r.length])
        block = block.next()
    return out


def test_the_checks_panel_lists_a_translation_problem_and_goes_to_its_box(window, qtbot):
    panel = window.checks
    with qtbot.waitSignal(panel.checked, timeout=5000) as blocker:
        window.state.replace_document(_doc(["Bonjour à tous.", LONG_FR, "À demain."]))
        panel.show()
    findings = blocker.args[0]
    assert {(f.index, f.code, f.on_translation) for f in findings} >= {(1, "qc.line_length", True)}
    assert not [f for f in findings if not f.on_translation]  # the English text is fine
    model = panel.model
    row = next(r for r in range(model.rowCount()) if model.shown[r].code == "qc.line_length")
    assert model.index(row, 3).data() == f"Translation: a line of {len(LONG_FR)} characters (limit 42)"
    panel.view.setCurrentIndex(model.index(row, 0))
    panel.view.doubleClicked.emit(model.index(row, 0))
    box = window.features["translation"]
    assert window.state.selection == [1]
    qtbot.waitUntil(lambda: box.edit.toPlainText() == LONG_FR)
    assert box.index == 1
    qtbot.waitUntil(lambda: QApplication.focusWidget() is box.edit or not window.isActiveWindow())
    if window.isActiveWindow():
        assert QApplication.focusWidget() is box.edit


def test_the_translation_box_and_column_are_spell_checked_in_the_translation_language(window, qtbot):
    window.spelling.set_language("English")  # the user's dictionary for all cues: not the translation's
    window.state.replace_document(_doc(["Bonjour à tous.", "Ceci est trés bien, merci.", "À demain."]))
    window.state.select([1])
    box = window.features["translation"]
    qtbot.waitUntil(lambda: box.edit.toPlainText().startswith("Ceci"))
    qtbot.waitUntil(lambda: _underlined(box.edit) == ["trés"], timeout=10_000)  # French: "très"
    delegate = window.table.itemDelegateForColumn(TRANSLATION)
    assert [window.state.doc[1].translation[a:b] for a, b in delegate._misspelled(window.state.doc[1].translation, 1)] \
        == ["trés"]  # fmt: skip
    assert delegate._misspelled("Bonjour à tous.", 0) == []
    assert "très" in window.spelling.suggestions("trés", "French", "Ceci est trés bien", translation=True)
    # no target language: the translation is not checked in some other language's dictionary
    window.state.replace_document(_doc(["", "Ceci est trés bien, merci.", ""], target=""))
    window.state.select([1])
    qtbot.waitUntil(lambda: box.edit.toPlainText().startswith("Ceci"))
    qtbot.waitUntil(lambda: _underlined(box.edit) == [])
