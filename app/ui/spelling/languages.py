"""Each cue's language as the spell check reads it, kept beside the document by its change events.

The underlines follow each cue's language, and the document's (the majority of its cues') for a cue that has none:
when a language changes (Set Language, a track imported, recognition), the check must change at once, without a
look at every cue on every keystroke. This mirror is updated from the change notices (only the changed cues are
looked at) and says whether a language or the majority changed, so the service repaints only then.
"""

from __future__ import annotations

from collections import Counter

from app.core.document import Change, Document


class CueLanguages:
    def __init__(self) -> None:
        self._names: list[str] = []
        self._counts: Counter[str] = Counter()

    def reset(self, doc: Document) -> None:
        self._names = [cue.language for cue in doc]
        self._counts = Counter(name for name in self._names if name)

    def at(self, index: int | None) -> str:
        """The cue's own language ("" when not known or out of range)."""
        if index is None or not 0 <= index < len(self._names):
            return ""
        return self._names[index]

    def names(self) -> set[str]:
        """The languages the cues have."""
        return set(self._counts)

    def majority(self) -> str:
        """The most frequent cue language ("" when no cue has one)."""
        return max(self._counts.items(), key=lambda item: item[1])[0] if self._counts else ""

    def update(self, doc: Document, change: Change) -> bool:
        """Follow one change of ``doc``; True when a cue's language (and so maybe the underlines) changed."""
        end = change.index + change.count
        if change.kind == "meta":
            return False
        if change.kind == "inserted" and len(self._names) + change.count == len(doc):
            new = [doc[i].language for i in range(change.index, end)]
            self._names[change.index : change.index] = new
            self._counts.update(name for name in new if name)
            return any(new)
        if change.kind == "removed" and len(self._names) - change.count == len(doc):
            old = self._names[change.index : end]
            del self._names[change.index : end]
            self._counts.subtract(name for name in old if name)
            self._counts = +self._counts  # no names counted zero times
            return any(old)
        if change.kind == "changed" and len(self._names) == len(doc):
            new = [doc[i].language for i in range(change.index, end)]
            old = self._names[change.index : end]
            if new == old:
                return False
            self._names[change.index : end] = new
            self._counts.subtract(name for name in old if name)
            self._counts.update(name for name in new if name)
            self._counts = +self._counts
            return True
        before = self._names
        self.reset(doc)  # a reset, or a notice this mirror missed
        return before != self._names
