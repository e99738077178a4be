"""A fix plan with some proposals turned down in review: the cues they would have changed are held as they are.

Held cues are treated as locked while the plan is made again (so no pass moves, merges or re-breaks them and the
neighbours work around them); a cue the new plan changes that the user never saw changed is held too, until the
plan only changes cues whose change was accepted. Held cues come back as the very cues they were (not locked).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from app.core.document import Cue
from app.core.fixes import FixPlan, propose
from app.core.fixes_cjk import FixOptions
from app.core.frames import PictureGuide
from app.core.profiles import Profile


def propose_keeping(
    cues: Sequence[Cue],
    reviewed: FixPlan,
    rejected: Collection[int],
    profile: Profile,
    language: str | None = None,
    *,
    media_end: int | None = None,
    shots: PictureGuide | None = None,
    options: FixOptions | None = None,
    translation_language: str = "",
) -> FixPlan:
    """The plan with the proposals at positions ``rejected`` (in ``reviewed.proposals``) left out."""
    if not rejected:
        return reviewed
    position = {id(c): i for i, c in enumerate(cues)}
    accepted: set[int] = set()
    held: set[int] = set()
    for k, proposal in enumerate(reviewed.proposals):
        (held if k in rejected else accepted).update(position[id(c)] for c in proposal.before if id(c) in position)
    accepted -= held
    while True:
        inputs = [c.with_(locked=True) if i in held and not c.locked else c for i, c in enumerate(cues)]
        back = {id(inputs[i]): cues[i] for i in held}
        origin = {id(c): i for i, c in enumerate(inputs)}
        plan = propose(
            inputs, profile, language, media_end=media_end, shots=shots, options=options,
            translation_language=translation_language,
        )  # fmt: skip
        unseen = {
            origin[id(c)]
            for p in plan.proposals
            for c in p.before
            if id(c) in origin and origin[id(c)] not in accepted and origin[id(c)] not in held
        }
        if not unseen:
            break
        held |= unseen
    out = tuple(back.get(id(c), c) for c in plan.cues)
    proposals = tuple(p for p in plan.proposals if not all(id(c) in back for c in p.before))
    return FixPlan(out, proposals)
