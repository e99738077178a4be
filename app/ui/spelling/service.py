"""Spell checking in the window: red wavy underlines in the cue text box and the cue list (list_delegate.py),
suggestions and "Add to Project Word List" in the text box's context menu, View ▸ Check Spelling and View ▸ Spelling
Language (menu.py; both remembered in the preferences).

Each cue is checked in its own language; a dictionary loads in a thread (0.1-0.5 s): until it is there, and for a
language without one, nothing is underlined. The list checks only the rows it paints, and each text once.
"""

from __future__ import annotations

import contextlib
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QColor,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QMenu,
)

from app.core.spelling import dictionaries_needed, dictionary_for, normalised, with_word
from app.session.preferences import Preferences
from app.ui.cue_table import TRANSLATION
from app.ui.host import WindowHost
from app.ui.spelling.languages import CueLanguages
from app.ui.spelling.list_delegate import SpellDelegate
from app.ui.spelling.menu import language_menu

if TYPE_CHECKING:
    from app.core.document import Change
    from app.text.spellcheck import SpellDictionary
    from app.ui.state import EditorState

Editor = Any  # a box with ``edit`` (a CueTextEdit), ``index`` and ``commit()``: the text box or the translation's

_CACHE = 20_000  # texts whose misspelled words are remembered (the list's rows, the box's lines)
_Index = QModelIndex | QPersistentModelIndex


CHECKED_CHARS = 10_000  # characters of a text the spell check looks at (subtitles hold a few dozen)


class SpellService(QObject):
    """The dictionaries for the cues' languages, the project's word list and the words ignored this session.

    Each cue is checked by its own language (``Cue.language``), the document's for a cue without one (the majority
    of its cues', else its own setting, else a guess at its text), or by the dictionary the user chose for all
    (View ▸ Spelling Language). Han, Kana and Hangul are never underlined; the Latin words of a Chinese, Japanese
    or Korean line are checked in English, in the variant the user chose (American or British)."""

    changed = Signal()  # underlines may differ: a dictionary came, a language, the word list or the switch
    _loaded = Signal(str, object)  # from the loading thread: the dictionary code and its dictionary

    def __init__(self, state: EditorState, prefs: Preferences, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.prefs = prefs
        self.enabled = prefs.spelling_enabled
        self.chosen = prefs.spelling_language  # "" = each cue's own language
        self.english = prefs.spelling_english  # "US" or "GB"
        self.highlighter: SpellHighlighter | None = None  # the text box's, once installed
        self.languages = CueLanguages()
        self._dictionaries: dict[str, SpellDictionary] = {}  # by code, as they came
        self._loading: set[str] = set()
        self._seen: tuple[object, ...] = ()  # what the underlines were last drawn by
        self._guessed: str | None = None  # the language of a document that names none, guessed when it came
        self._guess_pending = True
        self._ignored: set[str] = set()
        self._extra: frozenset[str] = frozenset()
        self._cache: OrderedDict[tuple[str, str], list[tuple[int, int]]] = OrderedDict()
        self._loaded.connect(self._on_loaded)
        state.metadataChanged.connect(self._on_metadata)
        state.documentReplaced.connect(self._on_replaced)
        state.cuesChanged.connect(self._on_cues)
        self.languages.reset(state.doc)
        self.refresh()

    # -- what the document asks for ----------------------------------------------------------------------
    def _on_metadata(self, _fields: object) -> None:
        self.refresh()

    def _on_replaced(self, *_args: object) -> None:
        self.languages.reset(self.state.doc)
        self._guessed = None
        self._guess_pending = not self._guess()  # an empty document: its first cues tell (a file read in a task)
        self.refresh(repaint=True)

    def _on_cues(self, change: Change) -> None:
        repaint = self.languages.update(self.state.doc, change)
        guessed = False
        if self._guess_pending and len(self.state.doc):
            self._guess_pending = False  # once per document: never a guess per edit or per recognised chunk
            guessed = self._guess()
        if repaint or guessed:
            self.refresh(repaint=repaint)

    def _guess(self) -> bool:
        """Files that name no language and cues without one (an old project): guess it from the text (a sample)."""
        from app.core.language_guess import guess_language

        doc = self.state.doc
        if doc.language or not len(doc) or self.languages.names():
            return False
        self._guessed = guess_language(cue.text for cue in doc)
        return self._guessed is not None

    def document_language(self) -> str:
        """The language of a cue that has none: its cues' majority, else the document's, else the guess."""
        return self.languages.majority() or self.state.doc.language or self._guessed or ""

    def translation_language(self) -> str:
        """The language the cues' translations are checked in: the document's target ("": none, nothing checked)."""
        return self.state.doc.settings.translation_language

    def language_at(self, index: int | None) -> str:
        """The language cue ``index`` is checked in (the document's where the cue has none)."""
        return self.languages.at(index) or self.document_language()

    def refresh(self, *, repaint: bool = False) -> None:
        """Follow the document and the choices: the languages pick the dictionaries, the settings the word list."""
        extra = frozenset(normalised(w) for w in self.word_list()) | frozenset(self._ignored)
        seen = (self.enabled, self.chosen, self.english, self.document_language(), self.translation_language())
        if extra == self._extra and seen == self._seen and not repaint:
            return
        if extra != self._extra:
            self._extra = extra
            self._cache.clear()
        self._seen = seen
        if self.enabled:
            names = self.languages.names() | {self.document_language()}
            codes = dictionaries_needed(names, chosen=self.chosen, english=self.english)
            codes |= dictionaries_needed({self.translation_language()} - {""}, english=self.english)
            for code in codes:
                self._dictionary(code)
        self.changed.emit()

    def _dictionary(self, code: str) -> SpellDictionary | None:
        """The dictionary if it is here; else its loading starts (once) and None until it comes."""
        found = self._dictionaries.get(code)
        if found is not None or code in self._loading:
            return found
        from app.text import spellcheck

        ready = spellcheck.loaded(code)
        if ready is not None:
            self._dictionaries[code] = ready
            return ready
        self._loading.add(code)

        def run() -> None:
            try:
                dictionary = spellcheck.load(code)
            except Exception:  # a damaged install: no underlines, never an error in the user's face
                dictionary = None
            with contextlib.suppress(RuntimeError):  # the window closed meanwhile
                self._loaded.emit(code, dictionary)

        threading.Thread(target=run, name="spelling-dictionary", daemon=True).start()
        return None

    def _on_loaded(self, code: str, dictionary: object) -> None:
        if dictionary is not None:  # a failed one stays "loading": never tried again in this session
            self._loading.discard(code)
            self._dictionaries[code] = dictionary  # type: ignore[assignment]
            self.changed.emit()

    def set_enabled(self, on: bool) -> None:
        self.enabled = on
        self.prefs.spelling_enabled = on
        self.refresh()

    def set_language(self, chosen: str) -> None:
        """Check every cue in ``chosen`` (a language name), or each in its own ("")."""
        self.chosen = chosen
        self.prefs.spelling_language = chosen
        self.refresh()

    def set_english(self, variant: str) -> None:
        """American ("US") or British ("GB") English, wherever English is checked."""
        self.english = variant
        self.prefs.spelling_english = variant
        self.refresh()

    # -- checking ------------------------------------------------------------------------------------------
    @property
    def dictionary(self) -> SpellDictionary | None:
        """The dictionary of the document's language, if it is loaded (None for one without)."""
        code = dictionary_for(self.document_language(), "", chosen=self.chosen, english=self.english)
        return self._dictionaries.get(code) if code and self.enabled else None

    def active(self) -> bool:
        return self.enabled

    def _for(self, text: str, language: str | None, translation: bool = False) -> SpellDictionary | None:
        """The dictionary for ``text``; a translation's is always its language's (the dictionary chosen for all
        cues is for their own text)."""
        if not self.enabled or not text:
            return None
        language = self.document_language() if language is None else language
        code = dictionary_for(language, text, chosen="" if translation else self.chosen, english=self.english)
        return self._dictionary(code) if code else None

    def misspelled(self, text: str, language: str | None = None, *, translation: bool = False) -> list[tuple[int, int]]:
        """(start, end) of the words of ``text`` (a cue in ``language``; None: the document's; ``translation``: a
        cue's translation, in the translation language, whatever dictionary the user chose for all) to underline;
        nothing while its dictionary loads or where there is none. Only the first CHECKED_CHARS characters are
        checked: a cue is a line or two, and one of 400,000 words froze the window while every word was looked up at
        each paint."""
        if len(text) > CHECKED_CHARS:
            cut = text.rfind(" ", 0, CHECKED_CHARS)
            text = text[: cut if cut > 0 else CHECKED_CHARS]
        dictionary = self._for(text, language, translation)
        if dictionary is None:
            return []
        key = (dictionary.code, text)
        found = self._cache.get(key)
        if found is None:
            found = dictionary.misspelled(text, self._extra)
            self._cache[key] = found
            if len(self._cache) > _CACHE:
                self._cache.popitem(last=False)
        return found

    def checked_texts(self) -> int:
        """How many texts were looked at since the last change (the list checks only what it paints)."""
        return len(self._cache)

    def suggestions(
        self, word: str, language: str | None = None, line: str = "", translation: bool = False
    ) -> list[str]:
        """Corrections of ``word`` in the dictionary its ``line`` (a cue in ``language``) is checked with."""
        dictionary = self._for(line or word, language, translation)
        return dictionary.suggestions(word) if dictionary is not None else []

    # -- the word list -----------------------------------------------------------------------------------
    def word_list(self) -> list[str]:
        return list(self.state.doc.settings.word_list)

    def add_word(self, word: str) -> None:
        """Into the project's word list: an undoable edit of the document's settings, saved with the project."""
        settings = self.state.doc.settings.replace(word_list=with_word(self.word_list(), word))
        label = QCoreApplication.translate("Spelling", "Add “{word}” to the word list").format(word=word)
        self.state.set_metadata(label, settings=settings)

    def ignore(self, word: str) -> None:
        """Not underlined again until the window closes (the project is not changed)."""
        self._ignored.add(normalised(word))
        self.refresh()


# -- the cue text box ------------------------------------------------------------------------------------------
class SpellHighlighter(QSyntaxHighlighter):
    """Red wavy underlines under the misspelled words of the text box, in the language of the cue it shows."""

    def __init__(
        self, document: QTextDocument, service: SpellService, language: Callable[[], str], translation: bool = False
    ) -> None:
        super().__init__(document)
        self.service = service
        self.language = language  # the shown cue's (the document's when it has none), or the translation language
        self.translation = translation  # the second box: a translation, checked in its language
        # not ``format``: that is QSyntaxHighlighter.format(position), the format a character has
        self.misspelled_format = QTextCharFormat()
        self.misspelled_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
        self.misspelled_format.setUnderlineColor(QColor("#e0245e"))
        service.changed.connect(self.rehighlight)

    def highlightBlock(self, text: str) -> None:
        for start, end in _utf16(text, self.service.misspelled(text, self.language(), translation=self.translation)):
            self.setFormat(start, end - start, self.misspelled_format)


def _utf16(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans in Python characters as Qt's text counts them (UTF-16: a character past U+FFFF, such as a rare Han
    character of Cantonese or an emoji, is two)."""
    if not spans or all(ord(ch) <= 0xFFFF for ch in text):
        return spans
    units = [0]
    for ch in text:
        units.append(units[-1] + (2 if ord(ch) > 0xFFFF else 1))
    return [(units[a], units[b]) for a, b in spans]


def word_at(
    cursor: QTextCursor, service: SpellService, language: str | None = None, translation: bool = False
) -> QTextCursor | None:
    """A cursor selecting the misspelled word under ``cursor`` (in a cue of ``language``), or None."""
    block = cursor.block()
    offset = cursor.position() - block.position()
    text = block.text()
    for start, end in _utf16(text, service.misspelled(text, language, translation=translation)):
        if start <= offset <= end:
            found = QTextCursor(cursor)
            found.setPosition(block.position() + start)
            found.setPosition(block.position() + end, QTextCursor.MoveMode.KeepAnchor)
            return found
    return None


def spelling_menu(editor: Editor, service: SpellService, pos: QPoint, translation: bool = False) -> QMenu:
    """The text box's (or with ``translation`` the translation box's) context menu, with suggestions for the word
    under the mouse first."""
    edit = editor.edit
    menu = edit.createStandardContextMenu(pos)
    cursor = edit.cursorForPosition(pos)
    language = service.translation_language() if translation else service.language_at(editor.index)
    word = word_at(cursor, service, language, translation) if service.active() else None
    if word is None:
        return menu
    text = word.selectedText()
    first = menu.actions()[0] if menu.actions() else None
    actions: list[QAction] = []
    for suggestion in service.suggestions(text, language, cursor.block().text(), translation):
        action = QAction(suggestion, menu)
        font = action.font()
        font.setBold(True)
        action.setFont(font)
        action.triggered.connect(lambda _=False, s=suggestion: replace_word(editor, word, s))
        actions.append(action)
    if not actions:
        none = QAction(QCoreApplication.translate("Spelling", "No Suggestions"), menu)
        none.setEnabled(False)
        actions.append(none)
    add = QAction(QCoreApplication.translate("Spelling", "Add to Project Word List"), menu)
    add.triggered.connect(lambda: service.add_word(text))
    ignore = QAction(QCoreApplication.translate("Spelling", "Ignore"), menu)
    ignore.triggered.connect(lambda: service.ignore(text))
    actions += [add, ignore]
    menu.insertActions(first, actions)  # type: ignore[arg-type]
    menu.insertSeparator(first)  # type: ignore[arg-type]
    return menu


def replace_word(editor: Editor, word: QTextCursor, replacement: str) -> None:
    """Put a suggestion in place of the word and into the document at once: one undo step."""
    editor.commit()  # typing before it is its own step
    word.insertText(replacement)
    editor.commit()


# -- wiring --------------------------------------------------------------------------------------------------
Window = WindowHost


def install(window: Window, view_menu: QMenu, text_column: int) -> SpellService:
    """Spell checking for the window's text box and list, and View ▸ Check Spelling."""
    service = SpellService(window.state, window.prefs, view_menu)
    editor = window.editor
    service.highlighter = SpellHighlighter(editor.edit.document(), service, lambda: service.language_at(editor.index))
    editor.edit.menu_for = lambda pos: spelling_menu(editor, service, pos)
    window.table.setItemDelegateForColumn(text_column, SpellDelegate(service, window.table))
    window.table.setItemDelegateForColumn(TRANSLATION, SpellDelegate(service, window.table, translation=True))
    action = QAction(QCoreApplication.translate("Spelling", "Check &Spelling"), view_menu, checkable=True)
    action.setChecked(service.enabled)
    action.toggled.connect(service.set_enabled)
    view_menu.addAction(action)
    view_menu.addMenu(language_menu(service, view_menu))
    return service


def check_translation_box(service: SpellService, box: Editor) -> SpellHighlighter:
    """Underlines and suggestions in the translation's box (app.ui.translation), in the translation language."""
    highlighter = SpellHighlighter(box.edit.document(), service, service.translation_language, translation=True)
    box.edit.menu_for = lambda pos: spelling_menu(box, service, pos, translation=True)
    return highlighter
