"""Spell checking per cue language (issue 24): CJK never underlined, Latin words of a Chinese line in English, each
cue in its own dictionary, a language change re-checked at once, and the user's dictionary and English variant."""

from __future__ import annotations

from PySide6.QtGui import QAction, QTextCharFormat

from app.core.commands import InsertRun, SetLanguage
from app.core.document import Cue, Document
from app.ui.spelling import service as spelling


def _open(window, qtbot, cues, language=None):
    doc = Document.from_cues(
        [Cue(i * 2000, i * 2000 + 1500, text, language=lang) for i, (text, lang) in enumerate(cues)],
        language=language,
    )
    window.state.replace_document(doc)


def _underlined(window) -> list[str]:
    edit = window.editor.edit
    out = []
    block = edit.document().firstBlock()
    while block.isValid():
        for r in block.layout().formats():
            if r.format.underlineStyle() == QTextCharFormat.UnderlineStyle.SpellCheckUnderline:
                units = block.text().encode("utf-16-le")  # Qt's offsets count UTF-16 units
                out.append(units[2 * r.start : 2 * (r.start + r.length)].decode("utf-16-le"))
        block = block.next()
    return out


def _in_list(window, row: int) -> list[str]:
    """The words the list marks in a row (what its delegate paints)."""
    text = window.state.doc[row].text
    return [text[a:b] for a, b in window.spelling.misspelled(text, window.spelling.language_at(row))]


def _action(window, text: str) -> QAction:
    return next(a for a in window.findChildren(QAction) if a.text() == text)


def test_chinese_is_never_underlined_and_its_latin_words_are_english(window, qtbot):
    _open(window, qtbot, [
        ("我们今天去看电影，你觉得怎么样？", "Chinese"),
        ("我们去Starbcks喝咖啡吧", "Chinese"),
        ("我们去 Starbucks 喝咖啡吧", "Chinese"),
        ("東京に行きます", "Japanese"),
        ("我们今天去看电影 and recieve it", "English"),  # an English cue with Chinese in it: the Chinese is left
    ])  # fmt: skip
    window.state.select([1])
    qtbot.waitUntil(lambda: _underlined(window) == ["Starbcks"])
    for row, words in enumerate([[], ["Starbcks"], [], [], ["recieve"]]):
        assert _in_list(window, row) == words
    window.state.select([0])
    qtbot.waitUntil(lambda: window.editor.edit.toPlainText().startswith("我们今天"))
    assert _underlined(window) == []


def test_each_cue_is_checked_in_its_own_language(window, qtbot):
    from app.text import spellcheck

    spellcheck._loaded.pop("fr", None)  # loaded in a thread as the document comes
    _open(window, qtbot, [("Nous mangeons ensemblle aujourd'hui", "French"), ("We recieve the message", "English")])
    qtbot.waitUntil(lambda: _in_list(window, 0) == ["ensemblle"], timeout=20_000)
    assert _in_list(window, 1) == ["recieve"]
    window.state.select([0])
    qtbot.waitUntil(lambda: _underlined(window) == ["ensemblle"])
    window.state.select([1])
    qtbot.waitUntil(lambda: _underlined(window) == ["recieve"])


def test_a_language_change_is_checked_again_at_once(window, qtbot):
    spelling_service = window.spelling
    _open(window, qtbot, [("Nous mangeons ensemble", "English"), ("Hello there", "English")])
    window.state.select([0])
    qtbot.waitUntil(lambda: _underlined(window) == ["mangeons"])
    window.state.push(SetLanguage((0,), "French"))  # Edit ▸ Set Language
    qtbot.waitUntil(lambda: _underlined(window) == [], timeout=20_000)
    window.state.stack.undo()
    qtbot.waitUntil(lambda: _underlined(window) == ["mangeons"])
    window.state.push(SetLanguage((0,), "Thai"))  # no dictionary: nothing underlined, no false red
    qtbot.waitUntil(lambda: _underlined(window) == [])
    # a track that names no language comes into a French document: its cues take the document's language
    window.state.push(SetLanguage((0, 1), "French"))
    window.state.push(InsertRun(2, (Cue(9000, 9500, "Nous mangeons"), Cue(10000, 10500, "Bonjour"))))
    assert spelling_service.language_at(2) == "French"
    qtbot.waitUntil(lambda: _in_list(window, 2) == [])
    window.state.push(SetLanguage((0, 1), "English"))
    window.state.push(SetLanguage((3,), "English"))  # now the majority is English: so is the cue without one
    qtbot.waitUntil(lambda: _in_list(window, 2) == ["mangeons"])


def test_british_spelling_is_a_choice_in_the_menu_and_remembered(window, qtbot):
    text = "The harbour colour we organise"
    _open(window, qtbot, [(text, "English"), ("我们去harbour看看", "Chinese")])
    window.state.select([0])
    qtbot.waitUntil(lambda: _underlined(window) == ["harbour", "colour", "organise"])
    assert _in_list(window, 1) == ["harbour"]
    _action(window, "English: British Spelling").trigger()
    assert window.prefs.spelling_english == "GB"
    qtbot.waitUntil(lambda: _underlined(window) == [], timeout=20_000)
    assert _in_list(window, 1) == []  # the Latin words of a Chinese line too
    _action(window, "English: American Spelling").trigger()
    qtbot.waitUntil(lambda: _underlined(window) == ["harbour", "colour", "organise"])
    assert window.prefs.spelling_english == "US"


def test_one_dictionary_for_all_cues_from_the_menu(window, qtbot):
    _open(window, qtbot, [("Nous mangeons ensemble", "English")])
    window.state.select([0])
    qtbot.waitUntil(lambda: _underlined(window) == ["mangeons"])
    _action(window, "French").trigger()
    assert window.prefs.spelling_language == "French"
    qtbot.waitUntil(lambda: _underlined(window) == [], timeout=20_000)
    _action(window, "Automatic (Each Cue's Language)").trigger()
    qtbot.waitUntil(lambda: _underlined(window) == ["mangeons"])
    assert window.prefs.spelling_language == ""


def test_underlines_sit_under_their_word_after_characters_beyond_the_basic_plane(window, qtbot):
    """Qt counts 𠝹 (a Cantonese character past U+FFFF) as two: the underline must not shift by one."""
    _open(window, qtbot, [("𠝹𠝹佢去Starbcks", "Cantonese")])
    window.state.select([0])
    qtbot.waitUntil(lambda: _underlined(window) == ["Starbcks"])
    assert spelling._utf16("𠝹a", [(1, 2)]) == [(2, 3)]
