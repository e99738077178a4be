"""Spell checking in the window: red wavy underlines in the cue text box and the cue list, suggestions and "Add to
Project Word List" in the text box's context menu, and View ▸ Check Spelling (remembered in the settings).

The dictionary follows the document's language and loads in a thread (0.1-0.5 s): until it is there, and for a
language without one, nothing is underlined. The list checks only the rows it paints, and each text once.
"""

from __future__ import annotations

import contextlib
import threading
import unicodedata
from collections import OrderedDict
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QColor,
    QHelpEvent,
    QPainter,
    QPainterPath,
    QPen,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QMenu,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolTip,
)

from app.core.spelling import dictionary_code, normalised, with_word
from app.session.preferences import Preferences
from app.ui.host import WindowHost

if TYPE_CHECKING:
    from app.text.spellcheck import SpellDictionary
    from app.ui.cue_editor import CueEditor
    from app.ui.state import EditorState

_CACHE = 20_000  # texts whose misspelled words are remembered (the list's rows, the box's lines)
_Index = QModelIndex | QPersistentModelIndex


CHECKED_CHARS = 10_000  # characters of a text the spell check looks at (subtitles hold a few dozen)


class SpellService(QObject):
    """The dictionary for the document's language, the project's word list and the words ignored this session."""

    changed = Signal()  # underlines may differ: a dictionary came, the language, the word list or the switch
    _loaded = Signal(str, object)  # from the loading thread: the language code and its dictionary

    def __init__(self, state: EditorState, prefs: Preferences, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.prefs = prefs
        self.enabled = prefs.spelling_enabled
        self.dictionary: SpellDictionary | None = None
        self.highlighter: SpellHighlighter | None = None  # the text box's, once installed
        self._code: str | None = None
        self._guessed: str | None = None  # the language of a document that names none, guessed when it came
        self._guess_pending = True
        self._ignored: set[str] = set()
        self._extra: frozenset[str] = frozenset()
        self._cache: OrderedDict[str, list[tuple[int, int]]] = OrderedDict()
        self._loaded.connect(self._on_loaded)
        state.metadataChanged.connect(self._on_metadata)
        state.documentReplaced.connect(self._on_replaced)
        state.cuesChanged.connect(self._on_cues)
        self.refresh()

    # -- what the document asks for ----------------------------------------------------------------------
    def _on_metadata(self, _fields: object) -> None:
        self.refresh()

    def _on_replaced(self, *_args: object) -> None:
        self._guessed = None
        self._guess_pending = not self._guess()  # an empty document: its first cues tell (a file read in a task)
        self.refresh()

    def _on_cues(self, _change: object) -> None:
        if self._guess_pending and len(self.state.doc):
            self._guess_pending = False  # once per document: never a guess per edit or per recognised chunk
            if self._guess():
                self.refresh()

    def _guess(self) -> bool:
        """Most subtitle files (SRT) name no language: guess it from the text (a bounded sample)."""
        from app.core.language_guess import guess_language

        doc = self.state.doc
        if doc.language or not len(doc):
            return False
        self._guessed = guess_language(cue.text for cue in doc)
        return self._guessed is not None

    def refresh(self) -> None:
        """Follow the document: its language picks the dictionary, its settings hold the word list."""
        extra = frozenset(normalised(w) for w in self.word_list()) | frozenset(self._ignored)
        code = dictionary_code(self.state.doc.language or self._guessed) if self.enabled else None
        if extra == self._extra and code == self._code:
            return
        self._extra = extra
        if code != self._code:
            self._code = code
            self.dictionary = None
            if code is not None:
                self._load(code)
        self._cache.clear()
        self.changed.emit()

    def _load(self, code: str) -> None:
        from app.text import spellcheck

        ready = spellcheck.loaded(code)
        if ready is not None:
            self.dictionary = ready
            return

        def run() -> None:
            try:
                dictionary = spellcheck.load(code)
            except Exception:  # a damaged install: no underlines, never an error in the user's face
                dictionary = None
            with contextlib.suppress(RuntimeError):  # the window closed meanwhile
                self._loaded.emit(code, dictionary)

        threading.Thread(target=run, name="spelling-dictionary", daemon=True).start()

    def _on_loaded(self, code: str, dictionary: object) -> None:
        if code == self._code and dictionary is not None:
            self.dictionary = dictionary  # type: ignore[assignment]
            self._cache.clear()
            self.changed.emit()

    def set_enabled(self, on: bool) -> None:
        self.enabled = on
        self.prefs.spelling_enabled = on
        self.refresh()

    # -- checking ------------------------------------------------------------------------------------------
    def active(self) -> bool:
        return self.enabled and self.dictionary is not None

    def misspelled(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of the words of ``text`` to underline; nothing while there is no dictionary. Only the first
        CHECKED_CHARS characters are checked: a cue is a line or two, and one of 400,000 words froze the window while
        every word was looked up at each paint."""
        if not self.active() or not text:
            return []
        if len(text) > CHECKED_CHARS:
            cut = text.rfind(" ", 0, CHECKED_CHARS)
            text = text[: cut if cut > 0 else CHECKED_CHARS]
        found = self._cache.get(text)
        if found is None:
            assert self.dictionary is not None
            found = self.dictionary.misspelled(text, self._extra)
            self._cache[text] = found
            if len(self._cache) > _CACHE:
                self._cache.popitem(last=False)
        return found

    def checked_texts(self) -> int:
        """How many texts were looked at since the last change (the list checks only what it paints)."""
        return len(self._cache)

    def suggestions(self, word: str) -> list[str]:
        return self.dictionary.suggestions(word) if self.dictionary is not None else []

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
    """Red wavy underlines under the misspelled words of the text box."""

    def __init__(self, document: QTextDocument, service: SpellService) -> None:
        super().__init__(document)
        self.service = service
        # not ``format``: that is QSyntaxHighlighter.format(position), the format a character has
        self.misspelled_format = QTextCharFormat()
        self.misspelled_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
        self.misspelled_format.setUnderlineColor(QColor("#e0245e"))
        service.changed.connect(self.rehighlight)

    def highlightBlock(self, text: str) -> None:
        for start, end in self.service.misspelled(text):
            self.setFormat(start, end - start, self.misspelled_format)


def word_at(cursor: QTextCursor, service: SpellService) -> QTextCursor | None:
    """A cursor selecting the misspelled word under ``cursor``, or None."""
    block = cursor.block()
    offset = cursor.position() - block.position()
    for start, end in service.misspelled(block.text()):
        if start <= offset <= end:
            found = QTextCursor(cursor)
            found.setPosition(block.position() + start)
            found.setPosition(block.position() + end, QTextCursor.MoveMode.KeepAnchor)
            return found
    return None


def spelling_menu(editor: CueEditor, service: SpellService, pos: QPoint) -> QMenu:
    """The text box's context menu, with suggestions for the word under the mouse first."""
    edit = editor.edit
    menu = edit.createStandardContextMenu(pos)
    word = word_at(edit.cursorForPosition(pos), service) if service.active() else None
    if word is None:
        return menu
    text = word.selectedText()
    first = menu.actions()[0] if menu.actions() else None
    actions: list[QAction] = []
    for suggestion in service.suggestions(text):
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


def replace_word(editor: CueEditor, word: QTextCursor, replacement: str) -> None:
    """Put a suggestion in place of the word and into the document at once: one undo step."""
    editor.commit()  # typing before it is its own step
    word.insertText(replacement)
    editor.commit()


# -- the cue list ---------------------------------------------------------------------------------------------
class SpellDelegate(QStyledItemDelegate):
    """Paints the text column as usual, then a wavy line under each misspelled word that is in view."""

    def __init__(self, service: SpellService, view: QTableView) -> None:
        super().__init__(view)
        self.service = service
        service.changed.connect(view.viewport().update)

    def helpEvent(
        self, event: QHelpEvent, view: QAbstractItemView, option: QStyleOptionViewItem, index: _Index
    ) -> bool:
        """The row's tooltip, with the words not in the dictionary (right-click them in the text box for more)."""
        text = index.data()
        spans = self.service.misspelled(text) if isinstance(text, str) else []
        if event.type() != QEvent.Type.ToolTip or not spans:
            return super().helpEvent(event, view, option, index)
        words = ", ".join(dict.fromkeys(text[a:b] for a, b in spans))
        note = QCoreApplication.translate("Spelling", "Not in the dictionary: {words}").format(words=words)
        tip = index.data(Qt.ItemDataRole.ToolTipRole)
        QToolTip.showText(event.globalPos(), f"{tip}\n{note}" if tip else note, view)
        return True

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        super().paint(painter, option, index)
        if not self.service.active():
            return
        text = index.data()
        if isinstance(text, str):  # a row shows at most a pixel's worth of characters: the rest is never checked
            text = text[: max(option.rect.width(), 0) + 1]
        spans = self.service.misspelled(text) if isinstance(text, str) and not _right_to_left(text) else []
        if not spans:
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        widget = opt.widget
        style = widget.style() if widget is not None else None
        if style is None:
            return
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget)
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1
        metrics = opt.fontMetrics
        left, right = rect.left() + margin, rect.right() - margin
        y = rect.center().y() + metrics.ascent() // 2 + 2
        painter.save()
        painter.setClipRect(rect)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor("#e0245e"), 1))
        for start, end in spans:
            x0 = left + metrics.horizontalAdvance(text[:start])
            if x0 >= right:
                break
            x1 = min(left + metrics.horizontalAdvance(text[:end]), right)
            painter.drawPath(_wave(x0, x1, y))
        painter.restore()


def _right_to_left(text: str) -> bool:
    """Arabic or Persian in the row: measuring from the left would put the lines under the wrong words, so the
    list leaves such rows to the text box (which lays them out itself)."""
    return any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in text if ord(ch) >= 0x590)


def _wave(x0: int, x1: int, y: int) -> QPainterPath:
    path = QPainterPath()
    path.moveTo(x0, y)
    x, up = x0, True
    while x < x1:
        x = min(x + 2, x1)
        path.lineTo(x, y - 1 if up else y + 1)
        up = not up
    return path


# -- wiring --------------------------------------------------------------------------------------------------
Window = WindowHost


def install(window: Window, view_menu: QMenu, text_column: int) -> SpellService:
    """Spell checking for the window's text box and list, and View ▸ Check Spelling."""
    service = SpellService(window.state, window.prefs, view_menu)
    editor = window.editor
    service.highlighter = SpellHighlighter(editor.edit.document(), service)
    editor.edit.menu_for = lambda pos: spelling_menu(editor, service, pos)
    window.table.setItemDelegateForColumn(text_column, SpellDelegate(service, window.table))
    action = QAction(QCoreApplication.translate("Spelling", "Check &Spelling"), view_menu, checkable=True)
    action.setChecked(service.enabled)
    action.toggled.connect(service.set_enabled)
    view_menu.addAction(action)
    return service
