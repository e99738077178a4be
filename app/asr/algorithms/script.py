"""A plain script against its recording: which part of the text is aligned to which stretch of the audio.

The aligner takes one stretch of audio and its text at a time and fails past a few minutes (trailing words pile
onto one time), so a long recording is cut at pauses into windows of at most ``WINDOW_S`` and the script into as
many parts, in proportion to the speech each window holds. A cut in the text falls on the script's own line break
near that point, else a sentence end, else a word boundary, so that a misplaced boundary costs one line at worst.
Numpy only: both the window's process and the command line plan with it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from app.asr.algorithms.chunking import FRAME_MS, frame_energy, split_at_pauses
from app.asr.algorithms.realign import WINDOW_S
from app.asr.algorithms.wordmap import is_cjk
from app.core.rules import SAMPLE_RATE

__all__ = ["ScriptPart", "plan_script", "script_words"]

_SENTENCE_END = re.compile(r"[.?!…。？！]+[\"'”’»)\]」』）]*\s*")
_SLACK = 0.15  # how far (a share of a part's text) a cut may move to reach a line break or a sentence end


@dataclass(frozen=True, slots=True)
class ScriptPart:
    """``text[char_start:char_end]`` is aligned to the audio from ``start_ms`` to ``end_ms``."""

    start_ms: int
    end_ms: int
    char_start: int
    char_end: int


def script_words(text: str) -> list[str]:
    """The script's words as a reader counts them (whitespace-separated; each ideograph on its own): what the
    subtitles made from it must hold, in the same order."""
    out: list[str] = []
    for token in text.split():
        run = ""
        for ch in token:
            if is_cjk(ch):
                if run:
                    out.append(run)
                    run = ""
                out.append(ch)
            else:
                run += ch
        if run:
            out.append(run)
    return out


def plan_script(samples: np.ndarray, text: str, *, max_s: float = WINDOW_S) -> list[ScriptPart]:
    """The windows (together the whole recording, without gaps) and the part of ``text`` each one is given."""
    samples = np.asarray(samples, dtype=np.float32).reshape(-1)
    total_ms = len(samples) * 1000 // SAMPLE_RATE
    if total_ms <= max_s * 1000:
        return [ScriptPart(0, total_ms, 0, len(text))]
    chunks = split_at_pauses(samples, max_s=max_s, target_s=max_s * 0.75)
    frame = SAMPLE_RATE * FRAME_MS // 1000
    energy = frame_energy(samples, frame)
    loud = energy >= max(float(np.percentile(energy, 95)) - 35.0, -90.0)
    speech = np.array([max(1, int(loud[c.start // frame : -(-c.end // frame)].sum())) for c in chunks], float)
    share = np.cumsum(speech) / speech.sum()
    weights = np.cumsum([0] + [1 if (ch.isalnum()) else 0 for ch in text])  # letters before each position
    letters = int(weights[-1]) or 1
    cuts = [0]
    for fraction in share[:-1]:
        target = int(np.searchsorted(weights, fraction * letters))
        cuts.append(max(cuts[-1], _snap(text, target, len(text) // len(chunks))))
    cuts.append(len(text))
    return [ScriptPart(c.start_ms, c.end_ms, a, b) for c, a, b in zip(chunks, cuts[:-1], cuts[1:], strict=True)]


def _snap(text: str, target: int, part_chars: int) -> int:
    """A cut near ``target``: the nearest line break, else sentence end, else word boundary within the slack."""
    slack = max(10, int(part_chars * _SLACK))
    lo, hi = max(0, target - slack), min(len(text), target + slack)
    for pattern in (r"\n\s*", _SENTENCE_END):
        found = [m.end() for m in re.finditer(pattern, text[lo:hi])]
        if found:
            return lo + min(found, key=lambda end: abs(lo + end - target))
    for pos in range(0, slack + 1):  # the nearest boundary between two words (or two ideographs)
        for p in (target - pos, target + pos):
            if 0 < p < len(text) and (text[p - 1].isspace() or is_cjk(text[p - 1]) or is_cjk(text[p])):
                return p
    return target
