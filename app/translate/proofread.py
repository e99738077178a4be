"""Proofreading recognised text with the same model (issue 25, item 4): each cue's line asked back corrected or
unchanged, with the translation's batches, context, glossary and number matching (run.ask_by_number), so a
correction is never shifted onto another cue; a cue whose line never comes back is left as it is.

A correction is only a proposal: the window shows them for review and applies the ticked ones as one undo step
(:func:`proofreading_command`), each changed cue marked edited so Re-align Edited Cues re-times it. A correction
in another script, or of a very different length, is dropped (the model rewrote or translated the line); one
that changes much of the line, or its formatting tags (<i>, {\\an8}), is kept but marked doubtful (left unticked in
the review); one that changes no more than spaces beside Chinese or Japanese characters is none. A cue's lines are
sent joined as the fixes join them (no space between two Chinese characters) and the breaks put back in the answer.
Locked cues are never asked. Stands on app.core only.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from app.core import cjk, rules
from app.core.checks import formatting_tags
from app.core.commands import Batch, SetText
from app.core.document import Cue
from app.core.language_guess import cue_script_language
from app.translate.client import Cancel, TranslateError
from app.translate.prompt import Instructions, clean_text, messages, one_line
from app.translate.run import Complete, Progress, TranslateOptions, ask_by_number, batch_lines

MAX_GROWTH = 2.0  # a correction more than twice as long (or half as short) is a rewrite, not a correction
SLACK_CHARS = 4  # ...give or take this much, for short lines and punctuation
DOUBTFUL_SHARE = 0.34  # changing more than this share of the line (and over 2 characters): shown unticked
_TOKEN = re.compile(r"(?:(?![\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff])[^\W_])+|\s+|.", re.DOTALL)


def _never() -> bool:
    return False


@dataclass(frozen=True)
class Correction:
    index: int  # the cue's index
    old: str  # its text when asked
    new: str  # the corrected text, the cue's line breaks kept where the words around them are
    doubtful: bool = False  # changes much of the line: for the reader to decide


@dataclass
class ProofreadResult:
    corrections: list[Correction] = field(default_factory=list)
    unchecked: list[int] = field(default_factory=list)  # no usable line even alone: left as it is
    dropped: list[int] = field(default_factory=list)  # the answer was a rewrite (another script, length): ignored
    requests: int = 0
    cancelled: bool = False
    error: TranslateError | None = None


def system_message(instructions: Instructions) -> str:
    language = f" in {instructions.source_language}" if instructions.source_language else ""
    parts = [
        f"You proofread subtitles{language} written by speech recognition.",
        "The user gives numbered lines, each written as [N] followed by the subtitle's text.",
        "Correct only recognition errors: words that sound like the right ones but are wrong (homophones and "
        "near-homophones; in Chinese, characters with the same or a similar pinyin), misheard names and terms "
        "(use what is said about the video and the names below), and wrong punctuation.",
        "Never rephrase, shorten, explain or translate; keep each line's language, script (Simplified or "
        "Traditional) and style. Return a line without errors exactly as it was given.",
        "Answer with exactly the same numbers, one line each, in the form [N] text: every number once, no other "
        "lines, no notes, no explanations. Never merge or split lines, even when a sentence continues on the next.",
    ]
    if instructions.context.strip():
        parts.append("About the video: " + one_line(instructions.context))
    if instructions.glossary:
        parts.append("Names and terms, spelled so:\n" + "\n".join(one_line(term) for term, _ in instructions.glossary))
    return "\n".join(parts)


def cues_to_proofread(cues: Sequence[Cue]) -> list[int]:
    """Every cue with text that is not locked."""
    return [i for i, cue in enumerate(cues) if cue.text.strip() and not cue.locked]


def proofread_cues(
    texts: Sequence[str],
    todo: Sequence[int],
    complete: Complete,
    options: TranslateOptions,
    cancel: Cancel = _never,
    progress: Progress | None = None,
) -> ProofreadResult:
    """Ask for ``texts[i]`` corrected, i in ``todo``; the numbers the model sees are the cue numbers (i + 1)."""
    system = system_message(options.instructions)

    def build(batch: tuple[int, ...]) -> list[dict[str, str]]:
        before, asked, after = batch_lines(texts, batch, options.neighbours)
        return messages(options.instructions, asked, before, after, system=system, task="proofread")

    asked = ask_by_number(texts, todo, complete, build, options, cancel, progress)
    result = ProofreadResult(unchecked=asked.failed, requests=asked.requests, cancelled=asked.cancelled,
                             error=asked.error)  # fmt: skip
    for index in sorted(asked.lines):
        old, line = texts[index], asked.lines[index]
        verdict = judge(old, line)
        if verdict == "absurd":
            result.dropped.append(index)
        elif verdict != "same":
            result.corrections.append(Correction(index, old, keep_breaks(old, line), verdict == "doubtful"))
    return result


def judge(old: str, new: str) -> str:
    """One of "same" (no more than spaces next to Chinese or Japanese characters changed: the seam where the lines
    were joined, a pause), "ok", "doubtful" (much of the line changed, or its formatting tags: <i>, {\\an8}, or no
    more than ，。 added where the lines were joined) or "absurd" (another script, or a very different length)."""
    before, after = one_line(old), one_line(new)
    if _without_unspaced_spaces(before) == _without_unspaced_spaces(after):
        return "same"
    script_before, script_after = cue_script_language(before), cue_script_language(after)
    if script_before and script_after and script_before != script_after:
        return "absurd"
    short, long = sorted((len(before.replace(" ", "")), len(after.replace(" ", ""))))
    if long > short * MAX_GROWTH + SLACK_CHARS:
        return "absurd"
    if _marks_at_breaks_only(old, new) or formatting_tags(before) != formatting_tags(after):
        return "doubtful"  # italics, a position or line-end marks: not for a proofreader to decide unseen
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    changed = max(len(before), len(after)) - sum(block.size for block in matcher.get_matching_blocks())
    if changed > max(2, len(before) * DOUBTFUL_SHARE):
        return "doubtful"
    return "ok"


def _without_unspaced_spaces(line: str) -> str:
    """``line`` (from :func:`one_line`: single spaces, none at the ends) without the spaces beside an unspaced
    script's character."""
    return "".join(
        ch
        for i, ch in enumerate(line)
        if ch != " " or not (rules.is_unspaced_char(line[i - 1]) or rules.is_unspaced_char(line[i + 1]))
    )


def _joined(text: str) -> tuple[str, list[int]]:
    """``text`` on one line as :func:`one_line` writes it (:func:`app.core.cjk.join_lines`), and the offsets of
    the seams where its lines were joined (each before the seam's space, if it has one)."""
    lines = [piece for piece in (" ".join(piece.split()) for piece in clean_text(text).split("\n")) if piece]
    context = "\n".join(lines)
    flat, breaks = "", []
    for piece in lines:
        if flat:
            breaks.append(len(flat))
            flat += cjk.text_seam(flat, piece, context)
        flat += piece
    return flat, breaks


def _marks_at_breaks_only(old: str, new: str) -> bool:
    """Whether ``new`` is ``old`` with no more than ，。 (and spaces) added where its lines were joined: the line-end
    punctuation the Chinese convention leaves out, a matter of style rather than of recognition."""
    flat, breaks = _joined(old)
    line = one_line(new)
    seams = set(breaks) | {b + 1 for b in breaks if flat[b] == " "}
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, flat, line, autojunk=False).get_opcodes():
        added = line[j1:j2].replace(" ", "")
        if tag != "equal" and not (
            i1 in seams and not flat[i1:i2].strip() and added and set(added) <= cjk.LINE_END_MARKS
        ):
            return False
    return bool(breaks)


def keep_breaks(old: str, line: str) -> str:
    """``line`` (the answer, on one line) with ``old``'s line breaks put back: where the text around a break is
    unchanged, at its place; where it falls inside a changed stretch, at the corresponding place of the new text
    (by its share of the stretch), moved to the nearest place a line may break."""
    line = one_line(line)
    flat, breaks = _joined(old)
    if not breaks or not line:
        return line
    opcodes = difflib.SequenceMatcher(None, flat, line, autojunk=False).get_opcodes()
    cuts: set[int] = set()
    for at in breaks:
        for tag, i1, i2, j1, j2 in opcodes:
            if i1 <= at < i2:
                if tag == "equal":
                    cut: int | None = j1 + at - i1
                else:
                    cut = _nearest_break(line, j1 + round((at - i1) * (j2 - j1) / (i2 - i1)))
                if cut is not None and 0 < cut < len(line):
                    cuts.add(cut)
                break
    bounds = [0, *sorted(cuts), len(line)]
    pieces = (line[a:b].strip() for a, b in pairwise(bounds))
    return "\n".join(piece for piece in pieces if piece)


def _nearest_break(line: str, near: int) -> int | None:
    """The place nearest ``near`` where ``line`` may break: at a space, or beside a Chinese or Japanese character
    (never before closing or after opening punctuation); None when there is none."""

    def fits(k: int) -> bool:
        if not 0 < k < len(line):
            return False
        a, b = line[k - 1], line[k]
        if a == " " or b == " ":
            return True
        unspaced = rules.is_unspaced_char(a) or rules.is_unspaced_char(b)
        return unspaced and b not in cjk.NO_LINE_START and a not in cjk.NO_LINE_END

    for distance in range(len(line)):
        for k in (near - distance, near + distance):
            if fits(k):
                return k
    return None


def diff_pieces(old: str, new: str) -> list[tuple[str, str, str]]:
    """The two texts as (kind, old piece, new piece), kind "equal" or "changed": Latin words compared whole,
    Chinese, Japanese and Korean characters one by one (for a review that highlights what changed)."""
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    pieces: list[tuple[str, str, str]] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        kind = "equal" if tag == "equal" else "changed"
        pieces.append((kind, "".join(a[i1:i2]), "".join(b[j1:j2])))
    return pieces


def proofreading_command(cues: Sequence[Cue], chosen: Sequence[Correction], label: str = "Proofread") -> Batch | None:
    """The chosen corrections as one undo step, each cue marked edited (SetText does); a cue that is locked now, or
    whose text changed since it was asked, is left alone. None when nothing is left to change."""
    steps = [
        SetText(c.index, c.new, label)
        for c in chosen
        if c.index < len(cues) and not cues[c.index].locked and cues[c.index].text == c.old and c.new != c.old
    ]
    return Batch(tuple(steps), label) if steps else None
