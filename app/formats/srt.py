"""SubRip (.srt) files, read as real files are written and written as strict players want them.

Reading is tolerant on purpose. pysrt's own parser gives up on a blank line inside a cue and needs the
index numbers, so cues are found here by their timing lines: everything between one timing line and the
next (less the next cue's index number) is the cue's text. Writing is pysrt's layout, times from
app.core.timecode.clock.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import count

from app.core.document import Cue
from app.core.errors import SubtitleParseError
from app.formats.clock_texts import clock_texts
from app.formats.srt_bulk import is_common, parse_bulk
from app.formats.textio import DecodedText, ReadCancelled, decode_bytes, read_text, write_text

# Hours may be missing or longer than two digits; the fraction may use , . : or ; and have any number of digits,
# or none at all ("00:02:40," is what some YouTube converters write). Minutes and seconds over 59 are read as
# ffmpeg and VLC read them, by arithmetic ("00:01:60,000" is a rounding slip of a generator, not dialogue).
# Every pattern here is unambiguous (no two quantifiers may take the same characters), so matching a line costs
# time linear in its length: "00:00:01," and 50,000 spaces once took minutes of backtracking.
_TIME = (
    r"(?:(?P<{0}h>\d{{1,4}})\s*:\s*)?(?P<{0}m>\d{{1,2}})\s*:\s*(?P<{0}s>\d{{1,2}})"
    r"(?:\s*[,.:;](?:\s*(?P<{0}f>\d+))?)?"  # the separator's digits are optional, not the spaces before them
)
_DASHES = r"-\u2013\u2014="
_ARROW_RE = rf"(?:[{_DASHES}]+\s*>|-{{2,}}|\u2192|\u27f6)"  # --> -> ---> -- > --- ==> → and dashes
_TIMING = re.compile(
    r"^\s*(?:\d+\s+(?=-?\d+\s*:))?(?P<neg1>-)?"  # an index number on the same line is tolerated
    + _TIME.format("a")
    + r"\s*"
    + _ARROW_RE
    + r"\s*(?P<neg2>-)?"
    + _TIME.format("b")
    + r"(?P<rest>.*)$"
)
_PLAIN_TIMING = re.compile(r"(\d{1,4}):(\d\d):(\d\d)[,.](\d{3}) --> (\d{1,4}):(\d\d):(\d\d)[,.](\d{3})")
# CapCut and a few scripts write plain seconds: "1.733 --> 4.366"
_SECONDS_TIMING = re.compile(r"^\s*(?P<a>\d{1,6}(?:\.\d+)?)\s*-->\s*(?P<b>\d{1,6}(?:\.\d+)?)\s*$")
# searching a line for an arrow starts only where a run of dashes begins: "=" * 10,000 costs 10,000 steps, not 50 M
_ARROW = re.compile(rf"(?<![{_DASHES}])[{_DASHES}]+\s*>|(?<!-)-{{2,}}|\u2192|\u27f6")
_INDEX = re.compile(r"^\s*\d+\s*$")
# what may follow the end time without being text: SubRip coordinates (X1:100 ...) or WebVTT cue settings, each
# word checked on its own (one pattern repeated over the whole rest backtracked exponentially on "a:a:a:…a: 1")
_SETTING = re.compile(r"[A-Za-z][\w-]*:\S*")
_LINES_PER_REPORT = 8192  # how often parse_srt reports progress and asks whether to stop
_CUES_PER_CHUNK = 8192
_VTT_BLOCK = re.compile(r"^(?:NOTE|STYLE|REGION)(?:[ \t].*)?$")
_VTT_TIMESTAMP_TAG = re.compile(r"</?c(?:\.[\w.-]+)?>|<\d{1,2}:\d{2}(?::\d{2})?\.\d{3}>")
# WebVTT markup SubRip has no use for: ruby, language spans and the voice's closing tag (<i>, <b>, <u> stay);
# a ruby reading (<rt>) is kept in brackets after its base text
_VTT_RUBY_TEXT = re.compile(r"<rt(?:\.[\w.-]+)?>(.*?)(?:</rt>|(?=</ruby>)|$)")
_VTT_MARKUP = re.compile(r"</?(?:ruby|rt|lang)(?:\.[\w.-]+)?(?:\s[^<>]*)?>|</v>")
# a voice span <v Roger> (or <v.loud Roger>) keeps its speaker as "Roger: ", so nothing written is lost
# (the name is stripped in Python: "\s+(.*?)\s*>" cost cubic time on "<v" and spaces without ">")
_VTT_VOICE = re.compile(r"<v(?:\.[\w.-]+)?(?=\s)([^<>]*)>")


@dataclass
class SrtReadResult:
    cues: list[Cue]
    encoding: str
    bom: bool
    newline: str
    detected: bool
    skipped: list[str] = field(default_factory=list)  # one message per block that could not be read


def _ms(match: re.Match[str], key: str) -> int:
    hours = int(match.group(key + "h") or 0)
    minutes = int(match.group(key + "m"))
    seconds = int(match.group(key + "s"))
    fraction = match.group(key + "f") or ""
    # ",5" is half a second, as players read it; digits past the millisecond round
    millis = int(fraction[:3].ljust(3, "0"))
    if len(fraction) > 3 and fraction[3] >= "5":
        millis += 1
    return ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis


def _timing(line: str) -> tuple[int, int, str] | None:
    """Start, end (ms) and any text after the times on a timing line, or None when the line is not one."""
    plain = _PLAIN_TIMING.fullmatch(line)
    if plain:  # most lines of most files: the same result as below, in a third of the time
        h1, m1, s1, f1, h2, m2, s2, f2 = map(int, plain.groups())
        return ((h1 * 60 + m1) * 60 + s1) * 1000 + f1, ((h2 * 60 + m2) * 60 + s2) * 1000 + f2, ""
    match = _TIMING.match(line)
    if not match:
        seconds = _SECONDS_TIMING.match(line)
        if not seconds:
            return None
        start, end = (round(float(seconds.group(key)) * 1000) for key in ("a", "b"))
        return start, end, ""
    rest = match.group("rest")
    if rest[:1].isalnum() and match.end("bs") == match.start("rest"):
        return None  # "00:00:0X,000": the end time is cut short by a typo, not followed by text
    start, end = _ms(match, "a"), _ms(match, "b")
    if match.group("neg1"):
        start = -start
    if match.group("neg2"):
        end = -end
    if all(_SETTING.fullmatch(word) for word in rest.split()):
        rest = ""
    return start, end, rest.strip()


def parse_timing(line: str) -> tuple[int, int] | None:
    """The start and end of a timing line in ms, or None when the line is not one."""
    timing = _timing(line)
    return None if timing is None else timing[:2]


def parse_srt(
    text: str,
    *,
    path: str | os.PathLike[str] | None = None,
    progress: Callable[[float], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> tuple[list[Cue], list[str]]:
    """Parse SRT text (newlines already normalised) into cues and a list of what was skipped.

    WebVTT is read too (a .vtt file, or one saved as .srt): its header, NOTE, STYLE and REGION blocks and cue
    identifiers are left out, inline timestamp, class, ruby and language tags are removed, and a voice span
    ``<v Roger>Hi`` becomes ``Roger: Hi``. Time is linear in the length of the text. ``progress(fraction)`` and
    ``cancelled()`` are called every few thousand lines; once ``cancelled()`` is True, ReadCancelled is raised.

    SubRip text is cut at its well-formed timing lines first (app.formats.srt_bulk): the blocks written as every
    tool writes them become cues at once, and only the others go through the line-by-line reading below, which
    gives the same cues for every block (tests/formats/test_srt_bulk.py compares the two).
    """
    return parse_srt_numbered(text, path=path, progress=progress, cancelled=cancelled)[:2]


def parse_srt_numbered(
    text: str,
    *,
    path: str | os.PathLike[str] | None = None,
    progress: Callable[[float], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> tuple[list[Cue], list[str], list[int] | None]:
    """parse_srt, and the number above each cue's timing line (its position where it has none), or None where
    the bulk reading could not tell them (WebVTT, blocks read line by line)."""
    where = f"{os.fspath(path)}, " if path is not None else ""
    if text.lstrip().startswith("WEBVTT"):
        cues, skipped, _ = parse_lines(text.split("\n"), where=where, vtt=True, progress=progress, cancelled=cancelled)
        return cues, skipped, None
    return parse_bulk(text, parse_lines, where=where, progress=progress, cancelled=cancelled)


def parse_lines(
    lines: list[str],
    *,
    where: str = "",
    vtt: bool = False,
    first_line: int = 1,
    last_index: int | None = None,
    followed_by_cue: bool = False,
    progress: Callable[[float], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> tuple[list[Cue], list[str], int | None]:
    """Cues, what was skipped and the last index number read, line by line: cues are found by their timing lines.

    Reads a whole file, or a part of one (app.formats.srt_bulk) that begins at a block's start: ``first_line`` is
    the number of its first line, ``last_index`` the index number of the block before it, ``followed_by_cue``
    whether a timing line comes right after its last line.
    """
    cues: list[Cue] = []
    skipped: list[str] = []
    current: tuple[int, int] | None = None  # timing of the cue being read; None before the first one
    skipping = False  # inside a block whose timing line could not be read (already reported)
    body: list[str] = []
    body_start = first_line  # line number (1-based) where pending text began
    timing_line = 0  # line number of the current cue's timing line
    vtt_blocks = 0

    def finish(next_is_cue: bool) -> None:
        nonlocal body, last_index
        block, body = body, []
        # the next cue's index number (or WebVTT identifier) sits right before its timing line
        touching = bool(block) and bool(block[-1].strip())  # no blank line between the block and that timing
        right_under = current is not None and body_start == timing_line + 1
        if touching and right_under and sum(1 for x in block if x.strip()) == 1:
            touching = False  # the cue's only line, right under its timing: its text, not the next identifier
        while block and not block[-1].strip():
            block.pop()
        if next_is_cue and block and _is_index(block, last_index, vtt, touching):
            last = block.pop().strip()
            last_index = int(last) if last.isdigit() else last_index
        text_lines = [stripped for line in block if (stripped := line.rstrip())]
        if vtt:
            text_lines = [cleaned for line in text_lines if (cleaned := _vtt_text(line))]
        if skipping:
            return
        if current is None:
            if text_lines and not vtt:
                skipped.append(f"{where}line {body_start}: text outside any cue was skipped")
            return
        start, end = current
        if start < 0 or end < 0:
            skipped.append(f"{where}line {body_start - 1}: negative time set to zero")
        cues.append(Cue(start=max(start, 0), end=max(end, 0), text="\n".join(text_lines)))

    in_vtt_block = False
    for offset, line in enumerate(lines):
        number = first_line + offset
        if not number % _LINES_PER_REPORT and (progress is not None or cancelled is not None):
            if cancelled is not None and cancelled():
                raise ReadCancelled(f"{where}reading cancelled")
            if progress is not None:
                progress(offset / len(lines))
        if in_vtt_block:
            in_vtt_block = bool(line.strip())
            continue
        # a NOTE/STYLE/REGION block follows a blank line; right under a timing line "NOTE THAT DOWN." is a caption
        if vtt and _VTT_BLOCK.match(line) and (offset == 0 or not lines[offset - 1].strip()):
            in_vtt_block, vtt_blocks = True, vtt_blocks + 1
            continue
        arrowish = "-" in line or ">" in line or "\u2192" in line or "\u27f6" in line  # every arrow has one
        timing = _timing(line) if arrowish else None
        if timing is not None:
            finish(next_is_cue=True)
            current, skipping = timing[:2], False
            body_start, timing_line = number + 1, number
            if timing[2]:  # text written on the timing line itself
                body.append(timing[2])
            continue
        if arrowish and _ARROW.search(line) and _looks_like_broken_timing(line):
            finish(next_is_cue=True)
            skipped.append(f"{where}line {number}: unreadable timing '{line.strip()[:60]}', its cue was skipped")
            current, skipping = None, True
            body_start = number + 1
            continue
        if not body and not line.strip():
            body_start = number + 1
            continue
        body.append(line)
    finish(next_is_cue=followed_by_cue)
    if progress is not None:
        progress(1.0)
    if vtt_blocks:
        skipped.append(f"{where}{vtt_blocks} WebVTT NOTE/STYLE/REGION block(s) left out")
    return cues, skipped, last_index


def _vtt_text(line: str) -> str:
    line = _VTT_VOICE.sub(lambda m: f"{name}: " if (name := m.group(1).strip()) else "", line)
    line = _VTT_RUBY_TEXT.sub(lambda m: f"({m.group(1)})", line)
    return _VTT_MARKUP.sub("", _VTT_TIMESTAMP_TAG.sub("", line)).rstrip()


def _is_index(block: list[str], last_index: int | None, vtt: bool, touching: bool = True) -> bool:
    """Whether the block's last line is the next cue's index number rather than dialogue such as "42"."""
    line = block[-1]
    if vtt:  # a cue identifier is a line of its own directly above the timing line; cues need none
        return touching and (len(block) == 1 or not block[-2].strip())
    if not _INDEX.match(line):
        return False
    if len(block) == 1 or not block[-2].strip():
        return True
    # no blank line between this cue and the last: a number is the index only when it counts on
    return last_index is None or 0 < int(line) - last_index <= 2  # one index may be missing


def _looks_like_broken_timing(line: str) -> bool:
    """A short line of digits around an arrow is a timing line we could not read; a sentence is dialogue."""
    stripped = line.strip()
    if len(stripped) >= 80:
        return False
    left, right = _ARROW.split(stripped, maxsplit=1)
    letters = sum(1 for ch in stripped if ch.isalpha())
    digits = sum(1 for ch in stripped if ch.isdigit())
    return (
        bool(re.search(r"\d", left))
        and bool(re.search(r"\d", right))
        and stripped[:1].isdigit()
        and digits >= 4
        and letters <= 2
        and len(stripped) < 80
    )


def _result(
    decoded: DecodedText,
    path: str | os.PathLike[str] | None,
    progress: Callable[[float], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> SrtReadResult:
    cues, skipped = parse_srt(decoded.text, path=path, progress=progress, cancelled=cancelled)
    where = f"{os.fspath(path)}, " if path is not None else ""
    skipped = [where + note for note in decoded.notes] + skipped
    if not cues and decoded.text.strip():
        raise SubtitleParseError("no subtitles found (not an SRT file?)", path)
    return SrtReadResult(cues, decoded.encoding, decoded.bom, decoded.newline, decoded.detected, skipped)


def read_srt(
    path: str | os.PathLike[str],
    encoding: str | None = None,
    *,
    progress: Callable[[float], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> SrtReadResult:
    """Read an SRT file. Raises SubtitleParseError when nothing in it can be read.

    Only a regular file within app.formats.textio.MAX_TEXT_BYTES is read. ``progress(fraction)`` is called with a
    growing fraction ending with 1.0, ``cancelled()`` is polled as it goes (ReadCancelled once it is True); both
    are called from the calling thread, as app.media.decode_audio calls them.
    """

    def part(start: float, end: float) -> Callable[[float], None] | None:
        if progress is None:
            return None
        return lambda fraction: progress(start + (end - start) * fraction)

    decoded = read_text(path, encoding, progress=part(0.0, 0.1), cancelled=cancelled)
    if cancelled is not None and cancelled():
        raise ReadCancelled(f"{os.fspath(path)}: reading cancelled")
    if progress is not None:
        progress(0.3)  # decoding is done: what is left is splitting the text into cues
    return _result(decoded, path, part(0.3, 1.0), cancelled)


def read_srt_bytes(data: bytes, encoding: str | None = None) -> SrtReadResult:
    return _result(decode_bytes(data, encoding), None)


def tidy_lines(text: str) -> str:
    """A cue's text as SubRip holds it: no blank line (one would end the cue) and no spaces ending a line."""
    if "\n" not in text:
        return text.rstrip()
    return "\n".join(filter(None, map(str.rstrip, text.split("\n"))))


def tidy_texts(texts: list[str]) -> list[str]:
    """tidy_lines of each text; the texts themselves when none needs it (as written by any tool), found at once:
    their lines, split together, have no space to strip and no empty line but those of empty texts."""
    joined = "\n".join(texts)
    # no text empty, none with a blank line, none with white space ending a line, none beginning with a newline:
    # told by a few searches of the joined texts (a million track events: 0.3 -> 0.05 s), else line by line
    if (
        " \n" not in joined
        and "\n\n" not in joined
        and joined[:1] != "\n"
        and joined[-1:] not in (" ", "\n")
        and "" not in texts
        and is_common(joined)  # no other white space than spaces and newlines
    ):
        return texts
    lines = joined.split("\n")
    stripped = list(map(str.rstrip, lines))
    if stripped == lines and stripped.count("") == texts.count(""):
        return texts
    return list(map(tidy_lines, texts))


def format_srt(cues: list[Cue] | tuple[Cue, ...]) -> str:
    """SRT text for cues: numbered from 1, no negative times, no blank line inside a cue's text."""
    chunks: list[str] = []
    for first in range(0, len(cues), _CUES_PER_CHUNK):  # joined as it goes: a million small strings never live at once
        part = cues[first : first + _CUES_PER_CHUNK]
        times = clock_texts([cue.start for cue in part] + [cue.end for cue in part], separator=",")
        blocks = zip(count(first + 1), times, times[len(part) :], tidy_texts([cue.text for cue in part]))
        chunks.append(
            "".join(
                [
                    f"{number}\n{start} --> {end}\n{text}\n\n" if text else f"{number}\n{start} --> {end}\n\n"
                    for number, start, end, text in blocks
                ]
            )
        )
    return "".join(chunks)


def write_srt(
    path: str | os.PathLike[str], cues: list[Cue] | tuple[Cue, ...], *, bom: bool = False, crlf: bool = False
) -> None:
    """Write UTF-8 SRT atomically (temporary file, fsync, rename)."""
    write_text(path, format_srt(cues), encoding="utf-8", bom=bom, newline="\r\n" if crlf else "\n")
