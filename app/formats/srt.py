"""SubRip (.srt) files, read as real files are written and written as strict players want them.

Reading is tolerant on purpose. pysrt's own parser gives up on a blank line inside a cue and needs the
index numbers, so cues are found here by their timing lines: everything between one timing line and the
next (less the next cue's index number) is the cue's text. Writing goes through pysrt's item and time
formatting.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field

from app.core.document import Cue
from app.core.errors import SubtitleParseError
from app.formats.textio import DecodedText, decode_bytes, read_text, write_text

# hours may be missing or longer than two digits; the fraction may use , . or : and have 1-3 digits
_TIME = (
    r"(?:(?P<{0}h>\d{{1,4}})\s*:\s*)?(?P<{0}m>\d{{1,2}})\s*:\s*(?P<{0}s>\d{{1,2}})(?:\s*[,.:;]\s*(?P<{0}f>\d{{1,3}}))?"
)
_TIMING = re.compile(
    r"^\s*(?P<neg1>-)?" + _TIME.format("a") + r"\s*-{1,2}[->]\s*(?P<neg2>-)?" + _TIME.format("b") + r"(?P<rest>.*)$"
)
_ARROW = re.compile(r"-->|->|—>")
_INDEX = re.compile(r"^\s*\d+\s*$")


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
    fraction = match.group(key + "f") or "0"
    millis = int(fraction.ljust(3, "0"))  # ",5" is half a second, as players read it
    return ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis


def parse_timing(line: str) -> tuple[int, int] | None:
    """The start and end of a timing line in ms, or None when the line is not one."""
    match = _TIMING.match(line)
    if not match:
        return None
    if int(match.group("am")) > 59 or int(match.group("as")) > 59 or int(match.group("bm")) > 59:
        return None
    if int(match.group("bs")) > 59:
        return None
    start, end = _ms(match, "a"), _ms(match, "b")
    if match.group("neg1"):
        start = -start
    if match.group("neg2"):
        end = -end
    return start, end


def parse_srt(text: str, *, path: str | os.PathLike[str] | None = None) -> tuple[list[Cue], list[str]]:
    """Parse SRT text (newlines already normalised) into cues and a list of what was skipped."""
    lines = text.split("\n")
    cues: list[Cue] = []
    skipped: list[str] = []
    current: tuple[int, int] | None = None  # timing of the cue being read; None before the first one
    skipping = False  # inside a block whose timing line could not be read (already reported)
    body: list[str] = []
    body_start = 1  # line number (1-based) where pending text began
    where = f"{os.fspath(path)}, " if path is not None else ""

    def finish(next_is_cue: bool) -> None:
        nonlocal body
        block = list(body)
        body = []
        # the next cue's index number sits right before its timing line
        while block and not block[-1].strip():
            block.pop()
        if next_is_cue and block and _INDEX.match(block[-1]):
            block.pop()
        text_lines = [line.rstrip() for line in block if line.strip()]
        if skipping:
            return
        if current is None:
            if text_lines:
                skipped.append(f"{where}line {body_start}: text outside any cue was skipped")
            return
        start, end = current
        if start < 0 or end < 0:
            skipped.append(f"{where}line {body_start - 1}: negative time set to zero")
        cues.append(Cue(start=max(start, 0), end=max(end, 0), text="\n".join(text_lines)))

    for number, line in enumerate(lines, start=1):
        timing = parse_timing(line) if ("-" in line or ">" in line) else None
        if timing is not None:
            finish(next_is_cue=True)
            current, skipping = timing, False
            body_start = number + 1
            continue
        if _ARROW.search(line) and _looks_like_broken_timing(line):
            finish(next_is_cue=True)
            skipped.append(f"{where}line {number}: unreadable timing '{line.strip()[:60]}', its cue was skipped")
            current, skipping = None, True
            body_start = number + 1
            continue
        if not body and not line.strip():
            body_start = number + 1
            continue
        body.append(line)
    finish(next_is_cue=False)
    return cues, skipped


def _looks_like_broken_timing(line: str) -> bool:
    """A line with an arrow and digits on both sides is a timing line we could not read, not dialogue."""
    left, right = _ARROW.split(line, maxsplit=1)
    return bool(re.search(r"\d", left)) and bool(re.search(r"\d", right)) and len(line.strip()) < 80


def _result(decoded: DecodedText, path: str | os.PathLike[str] | None) -> SrtReadResult:
    cues, skipped = parse_srt(decoded.text, path=path)
    if not cues and decoded.text.strip():
        raise SubtitleParseError("no subtitles found (not an SRT file?)", path)
    return SrtReadResult(cues, decoded.encoding, decoded.bom, decoded.newline, decoded.detected, skipped)


def read_srt(path: str | os.PathLike[str], encoding: str | None = None) -> SrtReadResult:
    """Read an SRT file. Raises SubtitleParseError when nothing in it can be read."""
    return _result(read_text(path, encoding), path)


def read_srt_bytes(data: bytes, encoding: str | None = None) -> SrtReadResult:
    return _result(decode_bytes(data, encoding), None)


def format_srt(cues: list[Cue] | tuple[Cue, ...]) -> str:
    """SRT text for cues: numbered from 1, no negative times, no blank line inside a cue's text."""
    from pysrt import SubRipItem, SubRipTime

    parts: list[str] = []
    for number, cue in enumerate(cues, start=1):
        lines = [line.rstrip() for line in cue.text.split("\n")]
        text = "\n".join(line for line in lines if line.strip())
        item = SubRipItem(
            index=number,
            start=SubRipTime.from_ordinal(max(cue.start, 0)),
            end=SubRipTime.from_ordinal(max(cue.end, 0)),
            text=text,
        )
        block = str(item)
        parts.append(block if block.endswith("\n\n") else block + "\n")
    return "".join(parts)


def write_srt(
    path: str | os.PathLike[str], cues: list[Cue] | tuple[Cue, ...], *, bom: bool = False, crlf: bool = False
) -> None:
    """Write UTF-8 SRT atomically (temporary file, fsync, rename)."""
    write_text(path, format_srt(cues), encoding="utf-8", bom=bom, newline="\r\n" if crlf else "\n")
