"""Chinese and Japanese text mixed with Latin words, as subtitles write it: where two pieces join, where a line
may break, which punctuation is full-width, where a cue too long for its lines is cut.

Characters count as Netflix's Chinese and Japanese guides count them: each CJK character, kana or full-width
punctuation mark is one (``len`` of the text, tags aside: app.core.checks.visible_length). A Latin word inside a
CJK line keeps the spaces around it (``我们用 OK 东京``) unless the text writes the scripts together (``用OK东京``).
A line breaks between two CJK characters, at a space or between the scripts, never inside a Latin word, never
before closing punctuation (，。」) or after opening punctuation (「（), preferably after ，。！？、 or at a space.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence

from app.core import rules
from app.core.document import Word

#: may not start a line (kinsoku): closing punctuation, small marks that belong to what comes before
NO_LINE_START = frozenset("，。！？、；：）」』】》〉〕”’…‥・ー々ぁぃぅぇぉっゃゅょァィゥェォッャュョ,.!?;:)]}%")
#: may not end a line: opening brackets and quotes
NO_LINE_END = frozenset("（「『【《〈〔“‘([{")
SENTENCE_ENDS = frozenset("。！？!?…")
PAUSES = frozenset("，、；：,;:")
HALF_TO_FULL = {",": "，", ".": "。", "!": "！", "?": "？", ":": "：", ";": "；"}
LINE_END_MARKS = frozenset("，。")  # the Chinese convention's end-of-line commas and full stops

_CJK_LETTER = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_LATIN_LETTER = "A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff"
_TOGETHER = re.compile(f"[{_CJK_LETTER}][{_LATIN_LETTER}]|[{_LATIN_LETTER}][{_CJK_LETTER}]")
_SPACED = re.compile(f"[{_CJK_LETTER}] [{_LATIN_LETTER}]|[{_LATIN_LETTER}] [{_CJK_LETTER}]")


def is_cjk_letter(ch: str) -> bool:
    """An ideograph, a kana or a full-width letter: a character of an unspaced script that is not punctuation."""
    return rules.is_unspaced_char(ch) and ch.isalnum()


def is_latin(ch: str) -> bool:
    """A letter or digit of a spaced script (Latin, Greek, Cyrillic, Hangul, ...)."""
    return ch.isalnum() and not rules.is_unspaced_char(ch)


def has_cjk(text: str) -> bool:
    return any(rules.is_unspaced_char(ch) for ch in text) if max(text, default=" ") >= "\u2e80" else False


def writes_scripts_together(text: str) -> bool | None:
    """Whether ``text`` writes Latin letters against CJK characters (``用OK东京``: True), sets them apart with
    spaces (``用 OK 东京``: False), or does not say (None)."""
    together, spaced = _TOGETHER.search(text) is not None, _SPACED.search(text) is not None
    return None if together == spaced else together


def text_seam(left: str, right: str, context: str = "") -> str:
    """What goes between two pieces of one subtitle's text that are joined (lines put on one, cues merged):
    :func:`app.core.rules.seam`, except between a CJK character and a Latin word, where a space goes as the text
    (``context``, else the two pieces) writes it; with nothing to go by, a space before or after a Latin letter,
    none at a digit (``3个``)."""
    if not left or not right or left[-1].isspace() or right[0].isspace():
        return ""
    a, b = left[-1], right[0]
    if (is_cjk_letter(a) and is_latin(b)) or (is_latin(a) and is_cjk_letter(b)):
        together = writes_scripts_together(context or left + "\n" + right)
        if together is None:
            return "" if (b if is_latin(b) else a).isdigit() else " "
        return "" if together else " "
    return rules.seam(left, right)


def join_lines(text: str) -> str:
    """The lines of ``text`` on one line, each seam as :func:`text_seam` says."""
    flat = ""
    for line in text.split("\n"):
        flat += text_seam(flat, line, text) + line if flat else line
    return flat


def break_options(text: str, limit: int | None = None) -> Iterator[tuple[str, str, int]]:
    """Every place one line of mixed text may break (with ``limit``: only where neither line can be longer):
    (top, bottom, penalty); 0 after punctuation, 1 at a space between the scripts, 2 at another space, 3 between
    a CJK character and a Latin word written against it, 4 between two CJK characters."""
    low, high = 1, len(text)
    if limit is not None:  # a top longer than limit + 1 or a bottom longer than limit + 1 cannot fit
        low, high = max(low, len(text) - limit - 1), min(high, limit + 2)
    for pos in range(low, high):
        a, b = text[pos - 1], text[pos]
        if b == " ":
            top, bottom = text[:pos].rstrip(), text[pos + 1 :].lstrip()
            if not top or not bottom or bottom[0] in NO_LINE_START or top[-1] in NO_LINE_END:
                continue
            if top[-1] in SENTENCE_ENDS or top[-1] in PAUSES:
                penalty = 0
            elif rules.is_unspaced_char(top[-1]) != rules.is_unspaced_char(bottom[0]):
                penalty = 1
            else:
                penalty = 2
            yield top, bottom, penalty
        elif a == " " or not (rules.is_unspaced_char(a) or rules.is_unspaced_char(b)):
            continue  # a space is taken at its own position; two Latin characters are one word
        elif b in NO_LINE_START or a in NO_LINE_END or (a == b and a in "…—―"):
            continue
        elif a in SENTENCE_ENDS or a in PAUSES:
            yield text[:pos], text[pos:], 0
        elif is_cjk_letter(a) and is_cjk_letter(b):
            yield text[:pos], text[pos:], 4
        else:
            yield text[:pos], text[pos:], 3


def best_mixed_break(text: str, limit: int) -> tuple[str, str] | None:
    """The best break of one line with CJK characters into two within ``limit``: balanced, bottom-heavy, at
    punctuation or a space where one is near (:func:`break_options`); None when no break fits."""
    best: tuple[int, tuple[str, str]] | None = None
    for top, bottom, penalty in break_options(text, limit):
        if len(top) > limit or len(bottom) > limit:
            continue
        score = abs(len(top) - len(bottom)) * 2 + (1 if len(top) > len(bottom) else 0) + penalty * 3
        if best is None or score < best[0]:
            best = (score, (top, bottom))
    return best[1] if best else None


def can_break(text: str, limit: int) -> bool:
    """Whether one line of mixed text breaks into two lines within ``limit`` somewhere."""
    if len(text) > 2 * limit + 1:
        return False
    return any(len(top) <= limit and len(bottom) <= limit for top, bottom, _ in break_options(text, limit))


def _cut_options(text: str) -> Iterator[tuple[int, int]]:
    """Where a cue's one-line text may be cut in two: (position, penalty); the cue-level counterpart of
    :func:`break_options`, that prefers the end of a sentence over a pause."""
    for pos in range(1, len(text)):
        a, b = text[pos - 1], text[pos]
        if a == " " or b in NO_LINE_START or a in NO_LINE_END:
            continue
        if b == " ":
            top = text[:pos].rstrip()
            if not top:
                continue
            last = top[-1]
        elif rules.is_unspaced_char(a) or rules.is_unspaced_char(b):
            last = a
        else:
            continue
        if last in SENTENCE_ENDS:
            yield pos, 0
        elif last in PAUSES:
            yield pos, 2
        elif b == " ":
            yield pos, 5
        else:
            yield pos, 8


def cut_points(text: str, fits: Callable[[str], bool], room: int) -> list[int] | None:
    """Where to cut a one-line ``text`` into pieces that each ``fits`` (at most ``room`` characters): the fewest
    pieces, cut at the end of a sentence, else a pause, else a space, else between two CJK characters, as even as
    that allows. Positions index ``text``; the whitespace at a cut belongs to neither piece. None when some part
    has no cut that fits."""
    cuts: list[int] = []
    start = 0
    while not fits(text[start:].strip()):
        rest = text[start:]
        options = [(pos, pen) for pos, pen in _cut_options(rest) if len(rest[:pos].strip()) <= room]
        both = [
            (pos, pen) for pos, pen in options if len(rest) - pos <= room + 1 and fits(rest[:pos].strip())
            and fits(rest[pos:].strip())
        ]  # fmt: skip
        if both:  # the last cut: the best place, as even as it can be
            half = len(rest) / 2
            pos = min(both, key=lambda o: (o[1] * 4 + abs(o[0] - half) / max(half, 1) * 8, -o[0]))[0]
            cuts.append(start + pos)
            return cuts
        fitting = [(pos, pen) for pos, pen in options if fits(rest[:pos].strip())]
        if not fitting:
            return None
        longest = max(pos for pos, _ in fitting)  # fill this piece: the best place near its end
        pos = min(fitting, key=lambda o: (o[1] * 2 + (longest - o[0]) / max(room, 1) * 8, -o[0]))[0]
        cuts.append(start + pos)
        start += pos
    return cuts


def fullwidth_punctuation(text: str) -> tuple[str, list[int]]:
    """Half-width , . ! ? : ; right after a CJK character made full-width (，。！？：；), the spaces after them
    dropped; never inside a Latin run or a number (``3.5``, ``example.com``), never an ellipsis (``...``).
    Returns the text and where each old position went (for the words)."""
    out: list[str] = []
    where: list[int] = []
    skip_spaces = converted = False
    for i, ch in enumerate(text):
        where.append(len(out))
        if skip_spaces and ch == " ":
            continue
        skip_spaces = False
        full = HALF_TO_FULL.get(ch)
        if full is not None and i > 0 and (is_cjk_letter(text[i - 1]) or (converted and text[i - 1] in "!?")):
            after = text[i + 1] if i + 1 < len(text) else ""
            ellipsis = ch == "." and after == "."
            into_latin = after.isalnum() and not is_cjk_letter(after) and ch in ".:"  # example.com, 10:30
            if not ellipsis and not into_latin:
                out.append(full)
                skip_spaces = converted = True
                continue
        converted = False
        out.append(ch)
    where.append(len(out))
    return "".join(out), where


def without_line_end_marks(text: str, mode: str) -> tuple[str, list[int]]:
    """The Chinese delivery convention: ，。 at the end of each line removed (``mode`` "remove"), and with
    "space" those inside a line replaced by a space too. Returns the text and where each old position went."""
    out: list[str] = []
    where: list[int] = []
    lines = text.split("\n")
    for k, line in enumerate(lines):
        end = len(line.rstrip())
        if end and line[end - 1] in LINE_END_MARKS:
            end -= 1
        for i, ch in enumerate(line):
            where.append(len(out))
            if i >= end and ch in LINE_END_MARKS:
                continue
            if mode == "space" and ch in LINE_END_MARKS and i < end:
                if out and out[-1] not in " \n" and i + 1 < end and line[i + 1] != " ":
                    out.append(" ")
                continue
            out.append(ch)
        if k + 1 < len(lines):
            where.append(len(out))
            out.append("\n")
    where.append(len(out))
    return "".join(out), where


def moved_words(words: Sequence[Word], where: Sequence[int]) -> tuple[Word, ...]:
    """Words carried over an edit that kept the order of the characters (``where[i]``: old position i's new one);
    a word left with no characters is dropped."""
    moved = (Word(w.start, w.end, where[w.char_start], where[w.char_end]) for w in words)
    return tuple(w for w in moved if w.char_end > w.char_start)
