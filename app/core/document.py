"""Cues, words and the document that holds them.

Times are integer milliseconds everywhere inside the application; conversion happens at the edges
(file formats, the recognizer, the window). Cues and words are immutable values: an edit replaces a
cue with a new one, which makes every edit's inverse a plain "put the old values back".
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from app.core.doc_settings import DocumentSettings


@dataclass(frozen=True, slots=True)
class Word:
    """One recognised or aligned word: its time and the span of characters it covers in its cue's text."""

    start: int
    end: int
    char_start: int
    char_end: int

    def shifted(self, delta_ms: int = 0, delta_chars: int = 0) -> Word:
        return Word(
            self.start + delta_ms, self.end + delta_ms, self.char_start + delta_chars, self.char_end + delta_chars
        )


@dataclass(frozen=True, slots=True, init=False)
class Cue:
    """One subtitle.

    ``edited`` means the text changed since its timing was computed, so re-alignment should look at it.
    ``locked`` means automatic timing (re-alignment, segmentation) must never move it.
    ``needs_review`` marks a cue the aligner could not place; it kept its old timing.
    ``extra`` holds what a subtitle format carries and SRT does not (style name, speaker, position, the
    original line of an ASS event...), as sorted ``(key, value)`` text pairs: frozen, hashable, saved in
    projects, and kept by every edit (see :mod:`app.formats.base` for the keys).
    ``language`` is the cue's language as Qwen3-ASR names them ("Chinese", "Cantonese", "English"; see
    :mod:`app.core.languages`), "" when not known: from recognition, guessed from imported text, or set by the user.
    ``translation`` is the cue's text in the document's target language (``DocumentSettings.translation_language``),
    "" when not translated; ``translation_review`` marks one to look at again: the model gave no usable line for
    it, or a split divided it by proportion.
    """

    start: int
    end: int
    text: str
    words: tuple[Word, ...] = ()
    edited: bool = False
    locked: bool = False
    needs_review: bool = False
    extra: tuple[tuple[str, str], ...] = ()
    language: str = ""
    translation: str = ""
    translation_review: bool = False

    def __init__(
        self,
        start: int,
        end: int,
        text: str,
        words: tuple[Word, ...] = (),
        edited: bool = False,
        locked: bool = False,
        needs_review: bool = False,
        extra: tuple[tuple[str, str], ...] = (),
        language: str = "",
        translation: str = "",
        translation_review: bool = False,
    ) -> None:
        # the generated __init__ of a frozen class calls object.__setattr__ per field; setting the slots directly
        # takes half the time, and a file of a million cues builds a million of them (issue 27, item 8)
        _set_start(self, start)
        _set_end(self, end)
        _set_text(self, text)
        _set_words(self, words)
        _set_edited(self, edited)
        _set_locked(self, locked)
        _set_review(self, needs_review)
        _set_extra(self, extra)
        _set_language(self, language)
        _set_translation(self, translation)
        _set_translation_review(self, translation_review)

    @property
    def duration(self) -> int:
        return self.end - self.start

    def word_text(self, word: Word) -> str:
        return self.text[word.char_start : word.char_end]

    def with_(self, **changes: Any) -> Cue:
        return replace(self, **changes)

    def with_language(self, language: str) -> Cue:
        """This cue in ``language``: what with_(language=...) gives, three times sooner (a file's guess sets it on
        every cue)."""
        return Cue(self.start, self.end, self.text, self.words, self.edited, self.locked, self.needs_review,
                   self.extra, language, self.translation, self.translation_review)  # fmt: skip

    def get(self, key: str, default: str | None = None) -> str | None:
        """One ``extra`` value (a style name, a speaker...), or ``default``."""
        for name, value in self.extra:
            if name == key:
                return value
        return default

    def with_extra(self, **values: str | None) -> Cue:
        """This cue with some ``extra`` values set (``None`` removes one)."""
        merged = dict(self.extra)
        for key, value in values.items():
            if value is None:
                merged.pop(key, None)
            else:
                merged[key] = value
        return replace(self, extra=make_extra(merged))


(
    _set_start, _set_end, _set_text, _set_words, _set_edited, _set_locked, _set_review, _set_extra, _set_language,
    _set_translation, _set_translation_review,
) = (
    Cue.__dict__[name].__set__
    for name in ("start", "end", "text", "words", "edited", "locked", "needs_review", "extra", "language",
                 "translation", "translation_review")
)  # fmt: skip


def make_extra(values: dict[str, str]) -> tuple[tuple[str, str], ...]:
    """The ``extra`` of a cue from a mapping: sorted pairs of text."""
    return tuple(sorted((str(k), str(v)) for k, v in values.items()))


ChangeKind = Literal["inserted", "removed", "changed", "reset", "meta"]


@dataclass(frozen=True, slots=True)
class Change:
    """A coarse change notice: ``count`` cues from ``index`` were inserted, removed or changed.

    ``reset`` means anything may have changed (a new file was loaded); index and count are 0.
    ``meta`` means the language, media path or settings changed; the cues did not.
    """

    kind: ChangeKind
    index: int = 0
    count: int = 0


Listener = Callable[[Change], None]


@dataclass
class Document:
    """Ordered cues plus what they belong to: a language and a media file.

    Cues are changed only through the edit commands in :mod:`app.core.commands` (so every change can be
    undone); listeners hear about each change with the indices it touched.
    """

    _cues: list[Cue] = field(default_factory=list)
    language: str | None = None
    media_path: str | None = None
    settings: DocumentSettings = field(default_factory=DocumentSettings)  # typed, immutable: replaced by edits
    _listeners: list[Listener] = field(default_factory=list, repr=False, compare=False)

    @classmethod
    def from_cues(cls, cues: Iterable[Cue], **kwargs: Any) -> Document:
        return cls(list(cues), **kwargs)

    # -- reading -------------------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._cues)

    def __getitem__(self, index: int) -> Cue:
        return self._cues[index]

    def __iter__(self) -> Iterator[Cue]:
        return iter(self._cues)

    @property
    def cues(self) -> tuple[Cue, ...]:
        return tuple(self._cues)

    def snapshot(self) -> tuple[tuple[Cue, ...], str | None, str | None, DocumentSettings]:
        """Everything an edit can change, as a comparable value (tests use it to check undo)."""
        return (tuple(self._cues), self.language, self.media_path, self.settings)

    # -- listening -----------------------------------------------------------------------------------
    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        self._listeners.remove(listener)

    def _emit(self, change: Change) -> None:
        for listener in list(self._listeners):
            listener(change)

    # -- primitive mutations, used only by the commands ----------------------------------------------
    def _insert(self, index: int, cues: Sequence[Cue]) -> None:
        if not 0 <= index <= len(self._cues):
            raise IndexError(f"insert position {index} outside 0..{len(self._cues)}")
        self._cues[index:index] = list(cues)
        if cues:
            self._emit(Change("inserted", index, len(cues)))

    def _remove(self, index: int, count: int) -> list[Cue]:
        if count < 0 or not 0 <= index <= len(self._cues) - count:
            raise IndexError(f"cannot remove {count} cues at {index} of {len(self._cues)}")
        removed = self._cues[index : index + count]
        del self._cues[index : index + count]
        if count:
            self._emit(Change("removed", index, count))
        return removed

    def _replace(self, index: int, cues: Sequence[Cue]) -> list[Cue]:
        if not 0 <= index <= len(self._cues) - len(cues):
            raise IndexError(f"cannot replace {len(cues)} cues at {index} of {len(self._cues)}")
        old = self._cues[index : index + len(cues)]
        self._cues[index : index + len(cues)] = list(cues)
        if cues:
            self._emit(Change("changed", index, len(cues)))
        return old

    def _set_meta(self, **fields: Any) -> dict[str, Any]:
        """Set some of language, media_path, settings; returns their old values."""
        unknown = set(fields) - {"language", "media_path", "settings"}
        if unknown:
            raise TypeError(f"not document metadata: {sorted(unknown)}")
        if "settings" in fields and not isinstance(fields["settings"], DocumentSettings):
            raise TypeError(f"document settings must be DocumentSettings, not {type(fields['settings']).__name__}")
        old = {name: getattr(self, name) for name in fields}
        for name, value in fields.items():
            setattr(self, name, value)
        if fields:
            self._emit(Change("meta"))
        return old

    def _reset(self, cues: Sequence[Cue]) -> list[Cue]:
        old = self._cues
        self._cues = list(cues)
        self._emit(Change("reset"))
        return old


def fill_languages(cues: Iterable[Cue], languages: Iterable[str]) -> None:
    """Set each cue's language where it is: only for cues a read has just made and nobody holds yet (a cue is
    otherwise immutable). One C-level pass; a copy of each cost 0.8 s on a file of 600,000 cues (issue 27)."""
    deque(map(_set_language, cues, languages), maxlen=0)
