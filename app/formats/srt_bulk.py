"""The bulk of a SubRip file read at the speed of the regular-expression engine.

Nearly every block of nearly every SRT file is written the same way: an index number, a timing line
``hh:mm:ss,mmm --> hh:mm:ss,mmm``, text lines, a blank line. Such a file is cut at its timing lines in one call
(``re.split``), each piece checked with a few string operations, and its times read for all cues at once. A block
written any other way (a blank line inside its text, spaces at line ends, an arrow in its text, a timing line
with settings or a typo) and the text around it go through the line-by-line reader of app.formats.srt, which
gives the same cues: the two are compared block by block in tests/formats/test_srt_bulk.py.

A 50 MB file of 600,000 cues was read in 7 CPU-s line by line; see bench/bench_formats.py for today's figure.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, Protocol

from app.core.collection import collection_paused
from app.core.document import Cue
from app.formats.textio import ReadCancelled

# a timing line with nothing else on it (the line reader's fast case, app.formats.srt._PLAIN_TIMING)
_TIMING = r"(\d{1,4}:\d\d:\d\d[,.]\d{3} --> \d{1,4}:\d\d:\d\d[,.]\d{3})"
_CLEAN_TIMING = re.compile(f"^{_TIMING}$", re.M)
# what the line reader would read differently from the text as it stands: a line ending in white space (or all
# white space), a blank line, anything with an arrow in it (the line reader's _ARROW: a timing line, or one broken)
_NOT_PLAIN = re.compile(r"[^\S\n](?:\n|\Z)|\n\n|[-\u2013\u2014=][^\S\n]*>|--|\u2192|\u27f6")
# white space other than spaces and newlines, or an arrow without ">": when a file has none of these (most do not),
# plain string tests find everything _NOT_PLAIN would
# (every character str.isspace() calls white space, spelled out: a negated class is three times slower to search)
_UNCOMMON = re.compile("[\t\x0b\x0c\r\x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\u2192\u27f6]")
_ASCII_UNCOMMON = "\t\x0b\x0c\r\x1c\x1d\x1e\x1f"
_LATIN1_UNCOMMON = _ASCII_UNCOMMON + "\x85\xa0"  # the rest of _UNCOMMON is past Latin-1
_BLOCKS_PER_REPORT = 2048


class LineParser(Protocol):
    def __call__(
        self,
        lines: list[str],
        *,
        where: str = "",
        vtt: bool = False,
        first_line: int = 1,
        last_index: int | None = None,
        followed_by_cue: bool = False,
    ) -> tuple[list[Cue], list[str], int | None]: ...


def parse_bulk(
    text: str,
    parse_lines: LineParser,
    *,
    where: str = "",
    progress: Callable[[float], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> tuple[list[Cue], list[str], list[int] | None]:
    """Cues and skip messages of SubRip text, as ``parse_lines(text.split("\\n"))`` would give them, and the
    number each cue has in the file (the index line above its timing line; its position when there is none) or
    None when some block had to be read line by line."""
    common = is_common(text)  # told once: both readers ask
    with collection_paused():
        numbered = _numbered_blocks(text, parse_lines, where, progress, cancelled) if common else None
    if numbered is not None:
        return numbered
    parts = _CLEAN_TIMING.split(text)
    count = len(parts) // 2  # timing lines
    if count < 2:
        cues, skipped, _ = parse_lines(text.split("\n"), where=where)
        return cues, skipped, None
    with collection_paused():
        return _Reader(text, parts, parse_lines, where).read(progress, cancelled, common)


def _numbered_blocks(
    text: str,
    parse_lines: LineParser,
    where: str,
    progress: Callable[[float], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> tuple[list[Cue], list[str], list[int] | None] | None:
    """parse_bulk of a file whose every block is written the usual way, without looking at each block in Python:
    one split at the "blank line, index number, timing line" between blocks gives the index numbers, timings and
    texts; a handful of searches over all the texts at once tell whether any would be read otherwise by the line
    reader (a blank line inside, white space at a line end, an arrow, "--", a timing line not cut at). None when the
    file is not like that: _Reader then looks at each block. Only for a ``text`` that is_common. (A 50 MB file:
    1.9 CPU-s against 2.65, issue 27.)"""
    if not text[:1].isdecimal():  # a title or a BOM-less oddity first
        return None
    # what sends a file to the block-by-block reading, found before the split where the whole text tells it
    if any(mark in text for mark in _NOT_IN_FILE):
        return None
    pieces = _NUMBERED_BLOCK.split(text)  # the first block is in pieces[0]: no blank line before it
    first = _FIRST_BLOCK.fullmatch(pieces[0])
    if first is None:
        return None
    pieces[0:1] = ["", *first.groups()]
    count = len(pieces) // 3
    if count < 2 or "--" in pieces[-1]:  # the last block: one timing line, as _Reader takes it
        return None

    def step(fraction: float) -> None:
        if cancelled is not None and cancelled():
            raise ReadCancelled(f"{where}reading cancelled")
        if progress is not None:
            progress(fraction)

    step(0.3)
    texts = pieces[3:-1:3]  # each block's text but the last's (the line reader reads the last block)
    joined = "\x00".join(texts)
    if (
        "--" in joined  # an interruption, or a timing line the split did not cut at (a block without a number)
        or joined[:1] == "\n"
        or joined[-1:] in (" ", "\n")
        or any(mark in joined for mark in _READ_OTHERWISE)
        or (">" in joined and _ARROW_HEAD.search(joined) is not None)
    ):
        return None
    step(0.4)
    numbers, timings = pieces[1::3], pieces[2::3]
    starts, ends = _times(timings)
    cues: list[Cue] = []
    per = max(2048, len(texts) // 16 + 1)  # cues made between two progress reports (and looks at cancel)
    for at in range(0, len(texts), per):
        step(0.5 + 0.5 * at / len(texts))
        cues.extend(map(Cue, starts[at : at + per], ends[at : at + per], texts[at : at + per]))
    # the last block as _Reader reads it: line by line, from its timing line to the end of the file
    segment = f"{timings[-1]}\n{pieces[-1]}"
    lines_before = text.count("\n", 0, len(text) - len(segment))
    last, skipped, _ = parse_lines(
        segment.split("\n"), where=where, first_line=lines_before + 1, last_index=int(numbers[-1])
    )
    cues.extend(last)
    step(1.0)
    return cues, skipped, list(map(int, numbers)) if len(last) == 1 else None


# the blank line between two blocks, the next one's index number and its timing line (as _CLEAN_TIMING takes it)
_NUMBERED_BLOCK = re.compile(f"\n\n(\\d+)\n{_TIMING}\n")
_FIRST_BLOCK = re.compile(f"(\\d+)\n{_TIMING}\n(.*)", re.S)
# in texts joined by NULs, what the whole file's checks leave to find: a blank line inside a text, or at its start or
# end, and "--" (no text holds a space ending a line, nor "\u2192": those are found in the file)
_READ_OTHERWISE = ("\n\n", "\x00\n", "\n\x00")
_NOT_IN_FILE = (" \n", "\n\n\n", "\x00", "\u2192", "\u27f6")  # a line ending in a space, two blank lines...
_ARROW_HEAD = re.compile(r"[-\u2013\u2014=] *>")  # an arrow without "--" ("->", "=>"): spaces only, as is_common


class _Reader:
    def __init__(self, text: str, parts: list[str], parse_lines: LineParser, where: str) -> None:
        self.text, self.parts, self.parse_lines, self.where = text, parts, parse_lines, where
        self.cues: list[Cue] = []
        self.skipped: list[str] = []
        self.read_by_lines = False
        self.lines_before = 0  # newlines in parts[: self.counted], which are self.position characters
        self.counted = self.position = 0

    def read(
        self, progress: Callable[[float], None] | None, cancelled: Callable[[], bool] | None, common: bool
    ) -> tuple[list[Cue], list[str], list[int] | None]:
        parts = self.parts
        timings, bodies = parts[1::2], parts[2::2]
        count = len(timings)
        starts, ends = _times(timings)
        # before the first timing line: usually "1" (its index number), or a title, or nothing
        head = parts[0][:-1].split("\n") if parts[0] else []
        # (or a cue whose timing line is not written the usual way)
        self.cues, self.skipped, last_index = self.parse_lines(head, where=self.where, followed_by_cue=True)
        self.read_by_lines = bool(self.cues)
        above = parts[0][:-1].rpartition("\n")[2].strip()  # the line above the next timing line
        index_text: str | None = None  # the last index number taken off a block since last_index was known
        labels: list[str] = []  # each cue's index number as written ("" when it has none)
        cues = self.cues
        plain = _NOT_PLAIN.search
        first_unread = -1  # the first block of a run the line reader must read, or -1
        for i, body in enumerate(bodies):
            if not i % _BLOCKS_PER_REPORT and i:
                if cancelled is not None and cancelled():
                    raise ReadCancelled(f"{self.where}reading cancelled")
                if progress is not None:
                    progress(i / count)
            text, blank, index = body.rpartition("\n\n")
            if text[-1:] == "\n":  # more than one blank line before the next block
                text = text.rstrip("\n")
            if (
                blank
                and i + 1 < count
                and (
                    (index[-1:] == "\n" and index[:-1].isdecimal())
                    # no index number: the line reader would take a number ending the text for one
                    or (not index and not text.rpartition("\n")[2].strip().isdecimal())
                )
                and (not text or text[0] == "\n")
                and (
                    # ">" is mostly the end of an <i> tag, "--" an interruption: _NOT_PLAIN tells them from arrows
                    (
                        common
                        and "\n\n" not in text
                        and " \n" not in text
                        and text[-1:] != " "
                        and ">" not in text
                        and "--" not in text
                    )
                    or plain(text) is None  # (text starts with the newline of the timing line)
                )
            ):
                if first_unread >= 0:
                    last_index = self._by_lines(first_unread, i, last_index, index_text)
                    first_unread, index_text = -1, None
                cues.append(Cue(starts[i], ends[i], text[1:]))
                labels.append(above)
                above = index[:-1]
                if above:
                    index_text = above
            elif first_unread < 0:
                first_unread = i
        if first_unread >= 0:
            before, numbers_known = len(cues), not self.read_by_lines
            self._by_lines(first_unread, count, last_index, index_text)
            if numbers_known and first_unread == count - 1 and len(cues) == before + 1:  # the last block: one cue
                labels.append(above)
                self.read_by_lines = False
        if progress is not None:
            progress(1.0)
        if self.read_by_lines:
            return cues, self.skipped, None
        return (
            cues,
            self.skipped,
            [int(label) if label.isdecimal() else position for position, label in enumerate(labels, 1)],
        )

    def _by_lines(self, first: int, stop: int, last_index: int | None, index_text: str | None) -> int | None:
        """Read blocks ``first`` to ``stop - 1`` line by line; ``stop`` is the next clean block (or the end)."""
        if index_text is not None:
            last_index = int(index_text)
        parts = self.parts
        begin = 2 * first + 1
        self.read_by_lines = True
        segment = "".join(parts[begin : 2 * stop + 1])
        skipped_over = "".join(parts[self.counted : begin])
        self.lines_before += skipped_over.count("\n")
        self.counted = begin
        followed = stop < len(parts) // 2
        if followed:
            segment = segment[:-1]  # the newline that ends the line before the next timing line
        cues, skipped, last_index = self.parse_lines(
            segment.split("\n"),
            where=self.where,
            first_line=self.lines_before + 1,
            last_index=last_index,
            followed_by_cue=followed,
        )
        self.cues.extend(cues)
        self.skipped.extend(skipped)
        return last_index


def is_common(text: str) -> bool:
    """Whether the only white space in ``text`` is spaces and newlines, and its only arrows have a ">"."""
    if text.isascii():
        return not any(character in text for character in _ASCII_UNCOMMON)
    try:
        text.encode("latin-1")  # it fails at the first character past Latin-1
    except UnicodeEncodeError:
        return _UNCOMMON.search(text) is None
    # Latin-1 text (French, German...): a search for each character is 10 times sooner than the expression's
    return not any(character in text for character in _LATIN1_UNCOMMON)


def _times(timings: list[str]) -> tuple[list[int], list[int]]:
    """Start and end in ms of each ``h:mm:ss,mmm --> h:mm:ss,mmm`` line: all at once with numpy when every digit
    is ASCII (hours of one to four digits), one by one otherwise."""
    joined = "\n".join(timings) + "\n"
    if joined.isascii():
        import numpy as np

        data = np.frombuffer(joined.encode("ascii"), dtype=np.uint8)
        line_ends = np.flatnonzero(data == 10)
        arrows = np.flatnonzero(data == 62)  # ">": one a line, "hh:mm:ss,mmm --> hh:mm:ss,mmm"
        if len(line_ends) == len(arrows) == len(timings):
            line_starts = np.concatenate(([0], line_ends[:-1] + 1))
            # each time read from its end: mm:ss,mmm has a fixed width, the hours before it one to four digits
            values = np.empty(2 * len(timings), dtype=np.int64)
            values[0::2] = _milliseconds(data, line_starts, arrows - 3)
            values[1::2] = _milliseconds(data, arrows + 2, line_ends)
            listed: list[int] = values.tolist()
            return listed[0::2], listed[1::2]
    numbers = list(map(int, re.findall(r"\d+", "\n".join(timings))))
    h1, m1, s1, f1, h2, m2, s2, f2 = (numbers[k::8] for k in range(8))
    starts = [((h * 60 + m) * 60 + s) * 1000 + f for h, m, s, f in zip(h1, m1, s1, f1, strict=True)]
    ends = [((h * 60 + m) * 60 + s) * 1000 + f for h, m, s, f in zip(h2, m2, s2, f2, strict=True)]
    return starts, ends


def _milliseconds(data: Any, begins: Any, ends: Any) -> Any:
    """The time ``h:mm:ss,mmm`` written in data[begin:end] for each pair (ASCII digits; 1 to 4 hour digits)."""
    import numpy as np

    def digit(at: Any) -> Any:
        return data[at].astype(np.int64) - 48

    millis = digit(ends - 3) * 100 + digit(ends - 2) * 10 + digit(ends - 1)
    seconds = digit(ends - 6) * 10 + digit(ends - 5)
    minutes = digit(ends - 9) * 10 + digit(ends - 8)
    hours = np.zeros(len(ends), dtype=np.int64)
    scale = 1
    for back in range(11, 15):  # the hour digits, last first: "h:" ends 10 characters before the end
        at = ends - back
        hours += np.where(at >= begins, digit(np.maximum(at, begins)) * scale, 0)
        scale *= 10
    return ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis


def numbered_timings(text: str) -> tuple[list[int], list[int], list[str]]:
    """Start, end and the line above (an index number, as a rule) of each timing line written the usual way."""
    parts = _CLEAN_TIMING.split(text)
    if len(parts) < 2:
        return [], [], []
    starts, ends = _times(parts[1::2])
    return starts, ends, [part[:-1].rpartition("\n")[2] for part in parts[0:-1:2]]
