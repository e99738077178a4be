"""Edit operations on the selection, as the Edit menu offers them; each is one undo step."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from app.core.commands import (
    DeleteCues,
    InsertCue,
    MergeWithNext,
    SetFlags,
    SetText,
    SetTimes,
    ShiftCues,
    SplitCue,
)
from app.core.document import Cue
from app.core.timing import MIN_DURATION_MS, constrain
from app.ui.state import EditorState

DEFAULT_NEW_CUE_MS = 2000


def insert_after_selection(state: EditorState, playhead_ms: int = 0) -> int:
    """A new empty cue after the selected one (or at the playhead), in the free time there."""
    doc, limits = state.doc, state.limits
    if state.selection:
        index = state.selection[-1] + 1
        start = doc[index - 1].end + limits.min_gap_ms
    else:
        index = sum(1 for c in doc if c.start <= playhead_ms)
        start = playhead_ms
    end = start + DEFAULT_NEW_CUE_MS
    if index < len(doc):
        end = min(end, doc[index].start - limits.min_gap_ms)
    if state.media_end is not None:
        end = min(end, state.media_end)
    end = max(end, start + 100)
    state.push(InsertCue(index, Cue(start, end, "")))
    state.select([index])
    return index


def set_edge_at(state: EditorState, edge: str, ms: int) -> bool:
    """Timing while listening: the selected cue's start (or end) goes to ``ms``, by the same rule as a drag on the
    waveform (gap kept, neighbours never overlapped). A start past the cue's end moves the whole cue there."""
    if len(state.selection) != 1:
        return False
    index = state.selection[0]
    cue = state.doc[index]
    if edge == "start":
        mode = "start" if ms <= cue.end - MIN_DURATION_MS else "move"
        wanted = (ms, cue.end) if mode == "start" else (ms, ms + cue.end - cue.start)
    else:
        mode, wanted = "end", (cue.start, ms)
    if state.snap_guide is not None:  # a video: shot changes (and frames, if asked) first
        wanted = state.snap_guide.apply(mode, *wanted)
    start, end = constrain(
        state.doc.cues, index, mode, *wanted, min_gap=state.limits.min_gap_ms, media_end=state.media_end
    )
    if (start, end) == (cue.start, cue.end):
        return False
    label = (
        QCoreApplication.translate("Editing", "Set start")
        if edge == "start"
        else QCoreApplication.translate("Editing", "Set end")
    )
    state.push(SetTimes(index, start, end, label))
    return True


def select_neighbour(state: EditorState, step: int) -> int | None:
    """Select the cue ``step`` places from the selected one (the first or last when none is selected)."""
    if not len(state.doc):
        return None
    if state.selection:
        index = min(max(state.selection[0] + step, 0), len(state.doc) - 1)
    else:
        index = 0 if step > 0 else len(state.doc) - 1
    state.select([index])
    return index


def delete_selection(state: EditorState) -> None:
    if state.selection:
        first = state.selection[0]
        state.push(DeleteCues(tuple(state.selection)))
        state.select([min(first, len(state.doc) - 1)] if len(state.doc) else [])


def split_selected(state: EditorState, position: int | None) -> bool:
    """Split the single selected cue at the text cursor (or in the middle, at a space, without one)."""
    if len(state.selection) != 1:
        return False
    index = state.selection[0]
    text = state.doc[index].text
    if position is None or not 0 < position < len(text):
        position = _middle_break(text)
        if position is None:
            return False
    state.push(SplitCue(index, position))
    return True


def _middle_break(text: str) -> int | None:
    if len(text) < 2:
        return None
    if "\n" in text:
        return text.index("\n")
    middle = len(text) // 2
    spaces = [m.start() for m in re.finditer(r"\s", text)]
    if spaces:
        return min(spaces, key=lambda s: abs(s - middle))
    return middle


def merge_selected(state: EditorState) -> bool:
    if not state.selection:
        return False
    first, last = state.selection[0], state.selection[-1]
    if first == last:
        last = first + 1
    if last >= len(state.doc):
        return False
    state.stack.begin(QCoreApplication.translate("Editing", "Merge cues"))
    try:
        for _ in range(last - first):
            state.push(MergeWithNext(first))
    finally:
        state.stack.commit()
    state.select([first])
    return True


def shift_selected(state: EditorState, delta_ms: int, *, to_end: bool = False) -> None:
    """Shift the selected cues (or, with to_end, from the first selected to the last cue)."""
    if not len(state.doc):
        return
    first = state.selection[0] if state.selection else 0
    last = len(state.doc) - 1 if to_end or not state.selection else state.selection[-1]
    state.push(ShiftCues(first, last, delta_ms))


def toggle_lock(state: EditorState) -> None:
    if state.selection:
        lock = not all(state.doc[i].locked for i in state.selection)
        label = (
            QCoreApplication.translate("Editing", "Lock cues")
            if lock
            else QCoreApplication.translate("Editing", "Unlock cues")
        )
        state.push(SetFlags(tuple(state.selection), locked=lock, label=label))


def find_next(state: EditorState, pattern: str, start: int, *, case: bool = False, regex: bool = False) -> int | None:
    matcher = _matcher(pattern, case, regex)
    n = len(state.doc)
    for step in range(n):
        index = (start + step) % n
        if matcher.search(state.doc[index].text):
            return index
    return None


def replace_all(state: EditorState, pattern: str, replacement: str, *, case: bool = False, regex: bool = False) -> int:
    """Replace in every cue; one undo step. Returns how many cues changed."""
    matcher = _matcher(pattern, case, regex)
    repl = replacement if regex else replacement.replace("\\", "\\\\")
    changes = []
    for index, cue in enumerate(state.doc):
        new_text = matcher.sub(repl, cue.text)
        if new_text != cue.text:
            changes.append((index, cue, new_text))
    if changes:
        state.stack.begin(QCoreApplication.translate("Editing", "Replace '{pattern}'").format(pattern=pattern))
        try:
            for index, _cue, new_text in changes:
                state.push(SetText(index, new_text))
        finally:
            state.stack.commit()
    return len(changes)


def _matcher(pattern: str, case: bool, regex: bool) -> re.Pattern[str]:
    flags = 0 if case else re.IGNORECASE
    return re.compile(pattern if regex else re.escape(pattern), flags)


__all__ = [
    "delete_selection",
    "find_next",
    "insert_after_selection",
    "merge_selected",
    "replace_all",
    "shift_selected",
    "split_selected",
    "toggle_lock",
]
