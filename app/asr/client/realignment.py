"""What a re-alignment run proposes (app.asr.runtime.realign yields it, the window and the command line apply
it): the result type travels back from the engine process with the protocol's RealignDone. Nothing is applied
here: the caller lists the large moves for review (Subtitle Edit's 0.5 s rule) and applies the accepted ones as one
undo step with :meth:`Realignment.changes`.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field

from app.asr.algorithms.drift import Drift
from app.asr.algorithms.realign import settle
from app.core.document import Cue
from app.core.rules import MIN_GAP_MS, REVIEW_THRESHOLD_MS


@dataclass(frozen=True)
class Proposal:
    """One target cue: ``old`` as it was before the aligner (after drift removal), ``new`` what would be applied."""

    index: int
    old: Cue
    new: Cue
    placed: bool

    @property
    def move_ms(self) -> int:
        return max(abs(self.new.start - self.old.start), abs(self.new.end - self.old.end))


@dataclass(frozen=True)
class Realignment:
    """What one run proposes. ``cues``: the document's cues when it started; ``base``: the same after removing
    offset and drift (the same cues when no drift was looked for); ``aligned``: the aligner's raw proposal for
    each target it could place; ``unplaced``: targets it could not place."""

    cues: tuple[Cue, ...]
    base: tuple[Cue, ...]
    aligned: Mapping[int, Cue]
    unplaced: frozenset[int]
    drift: Drift = field(default_factory=Drift)
    min_gap: int = MIN_GAP_MS
    media_end: int | None = None

    @property
    def targets(self) -> list[int]:
        return sorted(set(self.aligned) | self.unplaced)

    def proposals(self, rejected: Collection[int] = ()) -> list[Proposal]:
        """Every target, settled against its neighbours, with the ``rejected`` moves left out."""
        moved = settle(
            self.base,
            {i: c for i, c in self.aligned.items() if i not in rejected},
            min_gap=self.min_gap,
            media_end=self.media_end,
        )
        out = []
        for i in self.targets:
            base = self.base[i]
            if i in moved:
                out.append(Proposal(i, base, moved[i], True))
            elif i in rejected:
                out.append(Proposal(i, base, base, True))
            else:
                out.append(Proposal(i, base, base.with_(needs_review=True), False))
        return out

    def large_moves(self, threshold_ms: int = REVIEW_THRESHOLD_MS) -> list[Proposal]:
        """The placed moves above ``threshold_ms``: the ones the user approves or rejects."""
        return [p for p in self.proposals() if p.placed and p.move_ms > threshold_ms]

    def result(self, rejected: Collection[int] = ()) -> list[Cue]:
        """All cues after applying everything but ``rejected``."""
        out = list(self.base)
        for p in self.proposals(rejected):
            out[p.index] = p.new
        return out

    def changes(self, rejected: Collection[int] = ()) -> list[tuple[int, Cue]]:
        """(index, cue) for every cue that differs from the document's: what ``replace_cues`` applies as one step."""
        return [(i, c) for i, (c, old) in enumerate(zip(self.result(rejected), self.cues, strict=True)) if c != old]
