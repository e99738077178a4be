"""Edit commands. Applying a command changes the document and returns the command that undoes it.

Every user-level edit is reduced to three primitives (insert, remove, replace a run of cues), each of
which knows its own inverse, so undo is exact by construction and needs no per-command undo code.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from app.core.cjk import text_seam
from app.core.doc_settings import DocumentSettings
from app.core.document import Cue, Document, Word
from app.core.rules import MIN_GAP_MS, text_joiner  # noqa: F401 (text_joiner: callers import it from here)
from app.core.translation import join_translations, split_translation


class Command:
    """Something that changes a document. ``apply`` returns the inverse command."""

    label: str = "Edit"

    def apply(self, doc: Document) -> Command:  # pragma: no cover - interface
        raise NotImplementedError


# -- primitives ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class InsertRun(Command):
    index: int
    cues: tuple[Cue, ...]
    label: str = "Insert"

    def apply(self, doc: Document) -> Command:
        doc._insert(self.index, self.cues)
        return RemoveRun(self.index, len(self.cues), self.label)


@dataclass(frozen=True)
class RemoveRun(Command):
    index: int
    count: int
    label: str = "Delete"

    def apply(self, doc: Document) -> Command:
        removed = doc._remove(self.index, self.count)
        return InsertRun(self.index, tuple(removed), self.label)


@dataclass(frozen=True)
class ReplaceRun(Command):
    index: int
    cues: tuple[Cue, ...]
    label: str = "Edit"

    def apply(self, doc: Document) -> Command:
        old = doc._replace(self.index, self.cues)
        return ReplaceRun(self.index, tuple(old), self.label)


@dataclass(frozen=True)
class ReplaceAll(Command):
    """Replace every cue (loading a file into an open document, a whole-file alignment)."""

    cues: tuple[Cue, ...]
    label: str = "Replace all"

    def apply(self, doc: Document) -> Command:
        old = doc._reset(self.cues)
        return ReplaceAll(tuple(old), self.label)


class _Keep:
    """The field is left as it is."""

    def __repr__(self) -> str:
        return "KEEP"


KEEP: Any = _Keep()


@dataclass(frozen=True)
class SetMetadata(Command):
    """Change what the cues belong to: the language, the media file, the settings (segmentation limits...).

    Fields left as ``KEEP`` are untouched. Like every edit it is undoable and marks the document modified.
    """

    language: str | None = KEEP
    media_path: str | None = KEEP
    settings: DocumentSettings = KEEP
    label: str = "Set properties"

    def fields(self) -> dict[str, Any]:
        return {
            name: value
            for name, value in (
                ("language", self.language),
                ("media_path", self.media_path),
                ("settings", self.settings),
            )
            if value is not KEEP
        }

    def apply(self, doc: Document) -> Command:
        old = doc._set_meta(**self.fields())
        return SetMetadata(**old, label=self.label)


def SetProperties(language: str | None, media_path: str | None, label: str = "Set properties") -> SetMetadata:
    """The older name: language and media path together."""
    return SetMetadata(language=language, media_path=media_path, label=label)


@dataclass(frozen=True)
class Batch(Command):
    """Several commands applied in order; the inverse undoes them in reverse order."""

    commands: tuple[Command, ...]
    label: str = "Edit"

    def apply(self, doc: Document) -> Command:
        inverses: list[Command] = []
        try:
            for command in self.commands:
                inverses.append(command.apply(doc))
        except Exception:
            for inverse in reversed(inverses):
                inverse.apply(doc)
            raise
        return Batch(tuple(reversed(inverses)), self.label)


# -- helpers on words ---------------------------------------------------------------------------------


def remap_words(old_text: str, new_text: str, words: Sequence[Word]) -> tuple[Word, ...]:
    """Carry word spans over a text edit: a word survives when its characters were left untouched."""
    if old_text == new_text or not words:
        return tuple(words)
    if "".join(old_text.split()) == "".join(new_text.split()):
        return _rewrapped_words(old_text, new_text, words)
    matcher = difflib.SequenceMatcher(a=old_text, b=new_text, autojunk=False)
    blocks = [b for b in matcher.get_matching_blocks() if b.size]
    kept: list[Word] = []
    for word in words:
        for block in blocks:
            if block.a <= word.char_start and word.char_end <= block.a + block.size:
                kept.append(word.shifted(delta_chars=block.b - block.a))
                break
    return tuple(kept)


def _rewrapped_words(old_text: str, new_text: str, words: Sequence[Word]) -> tuple[Word, ...]:
    """Words over an edit of whitespace only (a line broken or joined again): every word keeps its characters, even
    among repeated ones ("the the the"), which a diff of the texts may pair with the wrong copy and drop."""
    where = [i for i, ch in enumerate(new_text) if not ch.isspace()]  # the k-th visible character's new position
    rank, k = [0] * (len(old_text) + 1), 0
    for i, ch in enumerate(old_text):
        rank[i] = k
        k += not ch.isspace()
    rank[len(old_text)] = k
    kept: list[Word] = []
    for word in words:
        first, last = rank[word.char_start], rank[word.char_end]
        if last <= first:  # only whitespace: nothing to carry
            continue
        start, end = where[first], where[last - 1] + 1
        if new_text[start:end].split() == old_text[word.char_start : word.char_end].split():
            kept.append(Word(word.start, word.end, start, end))
    return tuple(kept)


def retime_words(words: Sequence[Word], old: tuple[int, int], new: tuple[int, int]) -> tuple[Word, ...]:
    """Move words with their cue: a shift moves them, a stretch scales them into the new span."""
    (old_start, old_end), (new_start, new_end) = old, new
    if (old_start, old_end) == (new_start, new_end):
        return tuple(words)
    if new_end - new_start == old_end - old_start:
        delta = new_start - old_start
        return tuple(w.shifted(delta_ms=delta) for w in words)
    span = max(old_end - old_start, 1)
    scale = max(new_end - new_start, 0) / span

    def map_time(t: int) -> int:
        return new_start + round((t - old_start) * scale)

    return tuple(Word(map_time(w.start), map_time(w.end), w.char_start, w.char_end) for w in words)


# -- user-level edits ---------------------------------------------------------------------------------


def _check_index(doc: Document, index: int) -> None:
    if not 0 <= index < len(doc):
        raise IndexError(f"cue {index} outside 0..{len(doc) - 1}")


def _check_times(start: int, end: int) -> None:
    if start < 0 or end < 0:
        raise ValueError("times cannot be negative")


@dataclass(frozen=True)
class InsertCue(Command):
    index: int
    cue: Cue
    label: str = "Insert cue"

    def apply(self, doc: Document) -> Command:
        _check_times(self.cue.start, self.cue.end)
        return InsertRun(self.index, (self.cue,), self.label).apply(doc)


@dataclass(frozen=True)
class DeleteCues(Command):
    indices: tuple[int, ...]
    label: str = "Delete cues"

    def apply(self, doc: Document) -> Command:
        for index in self.indices:
            _check_index(doc, index)
        # contiguous runs, highest first, so earlier indices stay valid
        runs: list[list[int]] = []
        for index in sorted(set(self.indices)):
            if runs and runs[-1][-1] == index - 1:
                runs[-1].append(index)
            else:
                runs.append([index])
        removals = tuple(RemoveRun(run[0], len(run), self.label) for run in reversed(runs))
        return Batch(removals, self.label).apply(doc)


@dataclass(frozen=True)
class SetText(Command):
    index: int
    text: str
    label: str = "Edit text"

    def apply(self, doc: Document) -> Command:
        _check_index(doc, self.index)
        cue = doc[self.index]
        if cue.text == self.text:
            return ReplaceRun(self.index, (cue,), self.label).apply(doc)
        new = cue.with_(
            text=self.text,
            words=remap_words(cue.text, self.text, cue.words),
            edited=True,
            needs_review=False,
        )
        return ReplaceRun(self.index, (new,), self.label).apply(doc)


@dataclass(frozen=True)
class SetTimes(Command):
    index: int
    start: int
    end: int
    label: str = "Change times"

    def apply(self, doc: Document) -> Command:
        _check_index(doc, self.index)
        _check_times(self.start, self.end)
        cue = doc[self.index]
        words = retime_words(cue.words, (cue.start, cue.end), (self.start, self.end))
        new = cue.with_(start=self.start, end=self.end, words=words)
        return ReplaceRun(self.index, (new,), self.label).apply(doc)


@dataclass(frozen=True)
class SetFlags(Command):
    indices: tuple[int, ...]
    locked: bool | None = None
    edited: bool | None = None
    needs_review: bool | None = None
    label: str = "Change flags"

    def apply(self, doc: Document) -> Command:
        changes = {
            name: value
            for name, value in (("locked", self.locked), ("edited", self.edited), ("needs_review", self.needs_review))
            if value is not None
        }
        replacements = []
        for index in self.indices:
            _check_index(doc, index)
            replacements.append(ReplaceRun(index, (doc[index].with_(**changes),), self.label))
        return Batch(tuple(replacements), self.label).apply(doc)


@dataclass(frozen=True)
class SetLanguage(Command):
    """The language of some cues (a name of :mod:`app.core.languages`, "" for not known): one undo step."""

    indices: tuple[int, ...]
    language: str
    label: str = "Set language"

    def apply(self, doc: Document) -> Command:
        replacements = []
        for index in self.indices:
            _check_index(doc, index)
            if doc[index].language != self.language:
                replacements.append(ReplaceRun(index, (doc[index].with_(language=self.language),), self.label))
        return Batch(tuple(replacements), self.label).apply(doc)


@dataclass(frozen=True)
class SetTranslations(Command):
    """The translations of some cues, ``texts[i]`` for ``indices[i]`` ("" for none), with their review flags
    (``review[i]``; all False when not given): a translation run is one undo step."""

    indices: tuple[int, ...]
    texts: tuple[str, ...]
    review: tuple[bool, ...] = ()
    label: str = "Translate"

    def apply(self, doc: Document) -> Command:
        if len(self.texts) != len(self.indices) or (self.review and len(self.review) != len(self.indices)):
            raise ValueError("one translation (and review flag) per index")
        review = self.review or (False,) * len(self.indices)
        replacements = []
        for index, text, flag in zip(self.indices, self.texts, review, strict=True):
            _check_index(doc, index)
            cue = doc[index]
            if (cue.translation, cue.translation_review) != (text, flag):
                replacements.append(ReplaceRun(index, (cue.with_(translation=text, translation_review=flag),)))
        return Batch(tuple(replacements), self.label).apply(doc)


def _split_word(word: Word, pos: int) -> tuple[Word, Word]:
    chars = max(word.char_end - word.char_start, 1)
    t = word.start + round((word.end - word.start) * (pos - word.char_start) / chars)
    return Word(word.start, t, word.char_start, pos), Word(t, word.end, pos, word.char_end)


def split_cue(cue: Cue, pos: int, min_gap: int = MIN_GAP_MS) -> tuple[Cue, Cue]:
    """Split a cue's text at a character position; words follow their characters. The two halves keep ``min_gap``
    between them (as a drag does), taken evenly from both sides, when the cue is long enough to give it."""
    if not 0 < pos < len(cue.text):
        raise ValueError(f"split position {pos} must lie inside the text (1..{len(cue.text) - 1})")
    left_raw, right_raw = cue.text[:pos], cue.text[pos:]
    left_text = left_raw.rstrip()
    right_text = right_raw.lstrip()
    right_offset = pos + (len(right_raw) - len(right_text))
    left_words: list[Word] = []
    right_words: list[Word] = []
    for word in cue.words:
        if word.char_end <= pos:
            left_words.append(word)
        elif word.char_start >= pos:
            right_words.append(word)
        else:
            a, b = _split_word(word, pos)
            left_words.append(a)
            right_words.append(b)
    left_words = [
        Word(w.start, w.end, min(w.char_start, len(left_text)), min(w.char_end, len(left_text))) for w in left_words
    ]
    right_words = [
        Word(w.start, w.end, max(w.char_start - right_offset, 0), max(w.char_end - right_offset, 0))
        for w in right_words
    ]
    left_words = [w for w in left_words if w.char_end > w.char_start]
    right_words = [w for w in right_words if w.char_end > w.char_start]
    if left_words and right_words:
        left_end = max(left_words[-1].end, cue.start)
        right_start = min(max(right_words[0].start, left_end), cue.end)
    else:
        total = len(left_text) + len(right_text)
        share = len(left_text) / total if total else 0.5
        left_end = right_start = cue.start + round(cue.duration * share)
    short = min_gap - (right_start - left_end)
    if short > 0 and cue.duration > 2 * min_gap:
        left_end = max(cue.start + 1, left_end - short // 2)
        right_start = min(cue.end - 1, right_start + short - short // 2)
        left_words = [_clamp_word(w, cue.start, left_end) for w in left_words]
        right_words = [_clamp_word(w, right_start, cue.end) for w in right_words]
    left = cue.with_(end=left_end, text=left_text, words=tuple(left_words))
    right = cue.with_(start=right_start, text=right_text, words=tuple(right_words))
    if cue.translation:  # divided at the same proportion of its text: a guess, so both halves are flagged
        first, second = split_translation(cue.translation, len(left_text) / max(len(left_text) + len(right_text), 1))
        left = left.with_(translation=first, translation_review=True)
        right = right.with_(translation=second, translation_review=True)
    return left, right


def _clamp_word(word: Word, start: int, end: int) -> Word:
    return Word(min(max(word.start, start), end), min(max(word.end, start), end), word.char_start, word.char_end)


@dataclass(frozen=True)
class SplitCue(Command):
    index: int
    position: int
    label: str = "Split cue"

    def apply(self, doc: Document) -> Command:
        _check_index(doc, self.index)
        left, right = split_cue(doc[self.index], self.position)
        return Batch(
            (ReplaceRun(self.index, (left,)), InsertRun(self.index + 1, (right,))),
            self.label,
        ).apply(doc)


def merge_cues(first: Cue, second: Cue, joiner: str = " ") -> Cue:
    offset = len(first.text) + len(joiner)
    words = first.words + tuple(w.shifted(delta_chars=offset) for w in second.words)
    return Cue(
        start=min(first.start, second.start),
        end=max(first.end, second.end),
        text=first.text + joiner + second.text,
        words=words,
        edited=first.edited or second.edited,
        locked=first.locked or second.locked,
        needs_review=first.needs_review or second.needs_review,
        extra=first.extra,  # the first cue's style, speaker and position
        language=first.language or second.language,
        translation=join_translations(first.translation, second.translation),
        translation_review=first.translation_review or second.translation_review,
    )


@dataclass(frozen=True)
class MergeWithNext(Command):
    index: int
    joiner: str | None = None  # None: by the scripts at the seam (nothing between CJK characters; cjk.text_seam)
    label: str = "Merge cues"

    def apply(self, doc: Document) -> Command:
        _check_index(doc, self.index)
        _check_index(doc, self.index + 1)
        first, second = doc[self.index], doc[self.index + 1]
        joiner = text_seam(first.text, second.text) if self.joiner is None else self.joiner
        merged = merge_cues(first, second, joiner)
        return Batch(
            (RemoveRun(self.index + 1, 1), ReplaceRun(self.index, (merged,))),
            self.label,
        ).apply(doc)


@dataclass(frozen=True)
class ShiftCues(Command):
    """Move cues ``first..last`` (inclusive) by ``delta`` ms; a shift that would go below zero stops at zero."""

    first: int
    last: int
    delta: int
    label: str = "Shift times"

    def apply(self, doc: Document) -> Command:
        _check_index(doc, self.first)
        _check_index(doc, self.last)
        if self.last < self.first:
            raise ValueError("last cue before first cue")
        cues = doc.cues[self.first : self.last + 1]
        earliest = min(min(c.start, c.end) for c in cues)
        delta = max(self.delta, -earliest)
        moved = tuple(
            c.with_(start=c.start + delta, end=c.end + delta, words=tuple(w.shifted(delta_ms=delta) for w in c.words))
            for c in cues
        )
        return ReplaceRun(self.first, moved, self.label).apply(doc)


def replace_cues(doc: Document, changes: Iterable[tuple[int, Cue]], label: str) -> Command:
    """One command that puts new cues at the given indices (re-alignment results, find and replace)."""
    return Batch(tuple(ReplaceRun(index, (cue,)) for index, cue in changes), label)
