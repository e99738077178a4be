"""Simplified ↔ Traditional Chinese with OpenCC, phrase by phrase (软件 -> 軟體 for Taiwan, not 軟件).

OpenCC (the ``opencc`` wheel: its C++ library and dictionaries, no system package) is imported on the first
conversion, never at start-up; a converter loads in a few milliseconds and is kept for the process. A conversion
changes the text only: times, flags and the format's extras stay, and the words keep spans over the new text. A
phrase may change length (内存 -> 記憶體, U盘 -> 隨身碟) or map its characters out of order (鼠标 -> 滑鼠), so a
word boundary is kept only where converting the two sides apart gives the same text as converting them together;
the words between kept boundaries become one word over the converted phrase, from the first one's start to the
last one's end. Nothing is dropped and no span points into the wrong characters.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable, Iterable, Sequence

from app.core.document import Cue, Word
from app.core.errors import AppError
from app.core.messages import message

# OpenCC's configurations (its own names), each with the message code of its description (app.core.messages)
CONFIGS: dict[str, str] = {
    "s2t": "chinese.s2t",
    "t2s": "chinese.t2s",
    "s2tw": "chinese.s2tw",
    "tw2s": "chinese.tw2s",
    "s2twp": "chinese.s2twp",
    "tw2sp": "chinese.tw2sp",
    "s2hk": "chinese.s2hk",
    "hk2s": "chinese.hk2s",
    "t2tw": "chinese.t2tw",
    "tw2t": "chinese.tw2t",
    "t2hk": "chinese.t2hk",
    "hk2t": "chinese.hk2t",
    "t2jp": "chinese.t2jp",
    "jp2t": "chinese.jp2t",
}

_converters: dict[str, Callable[[str], str]] = {}
_lock = threading.Lock()


class ChineseConversionError(AppError):
    """An unknown configuration, or OpenCC missing."""


def config_name(name: str) -> str:
    """OpenCC's name for ``name`` ("S2TWP", "s2twp.json" -> "s2twp"); an unknown one raises one line naming all."""
    key = name.strip().lower().removesuffix(".json")
    if key not in CONFIGS:
        raise ChineseConversionError(message=message("chinese.unknown_config", name=name, choices=", ".join(CONFIGS)))
    return key


def converter(name: str) -> Callable[[str], str]:
    """The text conversion of one configuration (loaded once, thread-safe)."""
    key = config_name(name)
    with _lock:
        found = _converters.get(key)
        if found is None:
            try:
                import opencc
            except ImportError as exc:
                raise ChineseConversionError(message=message("chinese.unavailable")) from exc
            found = opencc.OpenCC(key).convert
            _converters[key] = found
    return found


def convert_text(text: str, config: str) -> str:
    return converter(config)(text)


def convert_cues(cues: Iterable[Cue], config: str) -> list[Cue]:
    """New cues with their text converted; times, flags, extras kept, words carried over (see the module)."""
    convert = converter(config)
    return [convert_cue(cue, convert) for cue in cues]


def convert_cue(cue: Cue, convert: Callable[[str], str]) -> Cue:
    new_text = convert(cue.text)
    if new_text == cue.text:
        return cue
    return cue.with_(text=new_text, words=carry_words(cue.text, new_text, cue.words, convert))


def carry_words(old_text: str, new_text: str, words: Sequence[Word], convert: Callable[[str], str]) -> tuple[Word, ...]:
    """The words over the converted text: a word boundary survives where the conversion does not cross it."""
    if not words:
        return ()
    inside = {p for w in words for p in (w.char_start, w.char_end) if 0 <= p <= len(old_text)}
    cuts = sorted({0, len(old_text)} | inside)
    where: dict[int, int] = {0: 0, len(old_text): len(new_text)}  # old boundary -> its place in the new text
    pieces = [convert(old_text[a:b]) for a, b in itertools.pairwise(cuts)]
    if "".join(pieces) == new_text:  # no phrase crosses a boundary: each piece stands on its own
        at = 0
        for cut, piece in zip(cuts[1:], pieces, strict=False):
            at += len(piece)
            where[cut] = at
    else:
        for cut in cuts[1:-1]:
            head = convert(old_text[:cut])
            if new_text.startswith(head) and convert(old_text[cut:]) == new_text[len(head) :]:
                where[cut] = len(head)
    safe = sorted(where)
    carried: list[Word] = []
    group: list[Word] = []
    for word in sorted(words, key=lambda w: (w.char_start, w.char_end)):
        group.append(word)
        if word.char_end in where:  # else a phrase runs on into the next word: one word with it
            carried.extend(_joined(group, safe, where))
            group = []
    if group:  # a phrase runs past the last word: up to the next boundary that holds (the end of the text)
        carried.extend(_joined(group, safe, where))
    return tuple(carried)


def _joined(group: list[Word], safe: list[int], where: dict[int, int]) -> list[Word]:
    """One word for ``group``, from the boundary that holds at or before its start to the one at or after its end."""
    first = max(c for c in safe if c <= max(group[0].char_start, 0))
    last = min((c for c in safe if c >= group[-1].char_end), default=safe[-1])
    start, end = where[first], where[last]
    if end <= start:
        return []
    return [Word(min(w.start for w in group), max(w.end for w in group), start, end)]
