"""Formats read and written through pysubs2: MicroDVD (frame-based), MPL2 and TMPlayer.

pysubs2 gets the times right for these; what it leaves in its own ASS notation (``{\\i1}``) becomes the
editor's <i> here, and the editor's text is given back to it in that notation.
"""

from __future__ import annotations

import re

from app.core.document import Cue
from app.core.errors import SubtitleParseError
from app.formats.ass import ass_text, plain_text
from app.formats.base import DEFAULT_FPS, Parsed, ReadOptions, SubtitleFormat, WriteOptions, plain, where_prefix

_MICRODVD = re.compile(r"^\s*\{-?\d+\}\{-?\d*\}", re.MULTILINE)
_MPL2 = re.compile(r"^\s*\[-?\d+\]\[-?\d*\]")
# "{1}{1}23.976" (also "{ 1 }{ 1 } 25,000") declares the frame rate; players look for it above the first cue
_FPS_LINE = re.compile(r"^[ \t]*\{[ \t]*[01][ \t]*\}[ \t]*\{[ \t]*[01][ \t]*\}[ \t]*(\d{1,4}(?:[.,]\d+)?)[ \t]*$")
_FRAME_CUE = re.compile(r"^[ \t]*\{[ \t]*-?\d+[ \t]*\}")
_UNCLOSED_BRACE = re.compile(r"\{(?![^{}\n]{0,100}\})")
_TMP = re.compile(r"^\s*-?\d{1,2}:\d{2}:\d{2}[:=]")
# negative times (gaupol writes them for cues before the video starts) that pysubs2 does not read: set to zero
_NEGATIVE_FRAMES = re.compile(r"^([ \t]*)\{(-?\d+)\}\{(-?\d*)\}", re.MULTILINE)
_NEGATIVE_CLOCK = re.compile(r"^[ \t]*-\d{1,2}:\d{2}:\d{2}(?=[:=])", re.MULTILINE)


class _Pysubs2Format(SubtitleFormat):
    identifier = ""

    def parse(self, text: str, options: ReadOptions, path: str | None) -> Parsed:
        import pysubs2

        fps = options.fps if self.frame_based else None
        skipped: list[str] = []
        if self.frame_based:  # "{1}{1}25" declares the file's frame rate: it wins over a guess from outside
            declared, text = _declared_rate(text.lstrip("\ufeff"))
            fps = declared or fps
        text, negative = _without_negative_times(text, self.identifier)
        try:
            subs = pysubs2.SSAFile.from_string(text, format_=self.identifier, fps=fps or DEFAULT_FPS)
        except Exception as exc:  # pysubs2 raises its own and plain ValueErrors on damage
            raise SubtitleParseError(f"not a readable {self.label} file ({exc})", path) from None
        cues = [
            Cue(max(ev.start, 0), max(ev.end, 0), _balanced(plain_text(ev.text)[0]))
            for ev in subs.events
            if not ev.is_comment and ev.text.strip()
        ]
        negative += sum(1 for ev in subs.events if (ev.start < 0 or ev.end < 0) and not ev.is_comment)
        if negative:
            skipped.append(f"{where_prefix(path)}{negative} negative time(s) set to zero")
        read_fps = getattr(subs, "fps", None)
        rate = float(read_fps) if self.frame_based and read_fps else None
        return Parsed(cues, skipped, frame_rate=rate or (fps or DEFAULT_FPS if self.frame_based else None))

    def format(self, cues, options: WriteOptions) -> str:
        import pysubs2

        subs = pysubs2.SSAFile()
        for cue in cues:
            text = ass_text(plain(cue.text) if not self.italics else cue.text, None, False)
            subs.events.append(pysubs2.SSAEvent(start=max(cue.start, 0), end=max(cue.end, 0), text=text))
        if not self.frame_based:
            return subs.to_string(self.identifier)
        # pysubs2 declares the rate as {0}{0}, which it (and VLC) do not read back; {1}{1} is the convention
        fps = options.fps or DEFAULT_FPS
        return f"{{1}}{{1}}{fps:g}\n" + subs.to_string(self.identifier, fps=fps, write_fps_declaration=False)

    italics = True


def _declared_rate(text: str) -> tuple[float | None, str]:
    """The frame rate a "{1}{1}23.976" line above the first cue declares, and the text without that line."""
    lines = text.split("\n")
    for number, line in enumerate(lines[:50]):
        declared = _FPS_LINE.match(line)
        if declared:
            rate = float(declared.group(1).replace(",", "."))
            return (rate or None), "\n".join(lines[:number] + lines[number + 1 :])
        if _FRAME_CUE.match(line):
            break
    return None, text


def _without_negative_times(text: str, identifier: str) -> tuple[str, int]:
    """The text with the negative times pysubs2 would drop the cue for set to zero, and how many cues had one."""
    if "-" not in text:
        return text, 0
    if identifier == "tmp":
        return _NEGATIVE_CLOCK.subn("0:00:00", text)
    if identifier != "microdvd":
        return text, 0  # pysubs2 reads MPL2's [-68]; the cue is clamped with the others
    count = 0

    def zero(match: re.Match[str]) -> str:
        nonlocal count
        indent, start, end = match.groups()
        if not start.startswith("-") and not end.startswith("-"):
            return match.group(0)
        count += 1
        return f"{indent}{{{max(int(start), 0)}}}{{{max(int(end), 0) if end else ''}}}"

    return _NEGATIVE_FRAMES.sub(zero, text), count


def _balanced(text: str) -> str:
    """Close what pysubs2 leaves open: MicroDVD's {y:i} and MPL2's / start italics that run to the cue's end."""
    for tag in "ibu":
        missing = text.count(f"<{tag}>") - text.count(f"</{tag}>")
        if missing > 0:
            text += f"</{tag}>" * missing
    return text


class MicroDvdFormat(_Pysubs2Format):
    name, label, extensions, identifier = "microdvd", "MicroDVD", (".sub",), "microdvd"
    frame_based = True

    def parse(self, text: str, options: ReadOptions, path: str | None) -> Parsed:
        # pysubs2 reads "{y:" up to the next "}" with an unbounded pattern: a damaged line "{y:{y:{y:..." takes
        # minutes. A brace that no "}" closes soon is text, so it is written as one that cannot start a tag.
        return super().parse(_UNCLOSED_BRACE.sub("\uff5b", text), options, path)

    def sniff(self, text: str) -> bool:
        return bool(_MICRODVD.match(text.lstrip("\ufeff")))


class Mpl2Format(_Pysubs2Format):
    name, label, extensions, identifier = "mpl2", "MPL2", (".mpl", ".mpl2"), "mpl2"

    def sniff(self, text: str) -> bool:
        return bool(_MPL2.match(text.lstrip("\ufeff")))

    def format(self, cues, options: WriteOptions) -> str:
        """MPL2 as its players read it: deciseconds, "|" between lines, "/" before a line in italics (pysubs2's
        writer leaves the italics out)."""
        out = []
        for cue in cues:
            italic, lines = False, []
            for line in cue.text.split("\n"):
                starts_italic = italic or line.lstrip().startswith("<i>")
                last_open, last_close = line.rfind("<i>"), line.rfind("</i>")
                italic = last_open > last_close or (italic and last_close < 0)
                if plain(line).strip():
                    lines.append(("/" if starts_italic else "") + plain(line).strip())
            start, end = (round(max(t, 0) / 100) for t in (cue.start, cue.end))
            out.append(f"[{start}][{end}]" + "|".join(lines))
        return "\n".join(out) + ("\n" if out else "")


class TmpFormat(_Pysubs2Format):
    name, label, extensions, identifier = "tmp", "TMPlayer", (".txt",), "tmp"
    italics = False

    def sniff(self, text: str) -> bool:
        return bool(_TMP.match(text.lstrip("\ufeff")))
