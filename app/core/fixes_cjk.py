"""The fixes that only Chinese and Japanese cues get (app.core.fixes runs them): full-width punctuation, the
Chinese convention of no comma or full stop at a line's end (chosen by the user), and a cue too long for its lines
cut into several at punctuation, its time divided at its words' times (by characters when it has none).

A cue is Chinese or Japanese by its own language, else the document's, else (neither known) by its script.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from app.core import cjk
from app.core.checks import visible_text
from app.core.commands import remap_words, split_cue
from app.core.document import Cue
from app.core.languages import name_of

LineEndMode = Literal["keep", "remove", "space"]
LINE_END_MODES: tuple[LineEndMode, ...] = ("keep", "remove", "space")


@dataclass(frozen=True)
class FixOptions:
    """Fixes a user turns on: ``line_end_punctuation`` "remove" drops ，。 at the end of each line of Chinese cues,
    "space" also puts a space for those inside a line ("keep", the default: neither)."""

    line_end_punctuation: LineEndMode = "keep"


def script_of(cue: Cue, language: str | None) -> str:
    """The script, "Chinese" (Cantonese too), "Japanese" or "" (neither), of ``cue`` in a document in ``language``."""
    name = name_of(cue.language or language or "")
    if name in ("Chinese", "Cantonese"):
        return "Chinese"
    if name == "Japanese":
        return name
    if name or not cjk.has_cjk(cue.text):
        return ""
    return "Japanese" if any("\u3040" <= ch <= "\u30ff" for ch in cue.text) else "Chinese"


def fullwidth(cue: Cue, script: str) -> Cue:
    """The cue with half-width punctuation after its CJK characters made full-width (Chinese and Japanese)."""
    if not script:
        return cue
    text, where = cjk.fullwidth_punctuation(cue.text)
    return cue if text == cue.text else cue.with_(text=text, words=cjk.moved_words(cue.words, where))


def without_line_ends(cue: Cue, script: str, options: FixOptions) -> Cue:
    """The cue with the Chinese line-end convention applied when the options ask for it (run last: after the
    lines are broken again and cues split, the marks then at the lines' ends go)."""
    if script != "Chinese" or options.line_end_punctuation == "keep":
        return cue
    text, where = cjk.without_line_end_marks(cue.text, options.line_end_punctuation)
    return cue if text == cue.text else cue.with_(text=text, words=cjk.moved_words(cue.words, where))


def split_to_fit(cue: Cue, limit: int, max_lines: int, min_gap: int) -> tuple[Cue, ...] | None:
    """A Chinese or Japanese cue too long for ``max_lines`` lines of ``limit`` characters cut into cues that fit
    (None when it fits, has tags, or has no cut that fits). No text is lost: the pieces' texts are the cue's
    with its line breaks as spaces where its scripts need them and the whitespace at each cut left out."""
    flat = cjk.join_lines(cue.text)
    if len(flat) <= limit or visible_text(flat) != flat:
        return None

    def fits(piece: str) -> bool:
        return len(piece) <= limit or (max_lines >= 2 and cjk.can_break(piece, limit))

    if fits(flat):
        return None
    cuts = cjk.cut_points(flat, fits, limit * max(max_lines, 1))
    if not cuts:
        return None
    rest = cue.with_(text=flat, words=remap_words(cue.text, flat, cue.words))
    rest_at = 0  # where rest's text starts in flat
    pieces: list[Cue] = []
    for cut in cuts:
        left, rest = split_cue(rest, cut - rest_at, min_gap)
        tail = flat[cut:]
        rest_at = cut + len(tail) - len(tail.lstrip())
        pieces.append(left)
    pieces.append(rest)
    return tuple(pieces)
