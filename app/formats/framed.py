"""Formats read and written through pysubs2: MicroDVD (frame-based), MPL2 and TMPlayer.

pysubs2 gets the times right for these; what it leaves in its own ASS notation (``{\\i1}``) becomes the
editor's <i> here, and the editor's text is given back to it in that notation.
"""

from __future__ import annotations

import re

from app.core.document import Cue
from app.core.errors import SubtitleParseError
from app.formats.ass import ass_text, plain_text
from app.formats.base import DEFAULT_FPS, Parsed, ReadOptions, SubtitleFormat, WriteOptions, plain

_MICRODVD = re.compile(r"^\s*\{-?\d+\}\{-?\d*\}", re.MULTILINE)
_MPL2 = re.compile(r"^\s*\[\d+\]\[\d*\]")
_FPS_LINE = re.compile(r"^\s*\{[01]\}\{[01]\}(\d{1,3}(?:\.\d+)?)[ \t]*(?:\n|$)")
_UNCLOSED_BRACE = re.compile(r"\{(?![^{}\n]{0,100}\})")
_TMP = re.compile(r"^\s*\d{1,2}:\d{2}:\d{2}[:=]")


class _Pysubs2Format(SubtitleFormat):
    identifier = ""

    def parse(self, text: str, options: ReadOptions, path: str | None) -> Parsed:
        import pysubs2

        fps = options.fps if self.frame_based else None
        if self.frame_based:  # "{1}{1}25" declares the file's frame rate: it wins over a guess from outside
            declared = _FPS_LINE.match(text.lstrip("\ufeff"))
            if declared:
                fps = float(declared.group(1)) or fps
                text = text.lstrip("\ufeff")[declared.end() :]
        try:
            subs = pysubs2.SSAFile.from_string(text, format_=self.identifier, fps=fps or DEFAULT_FPS)
        except Exception as exc:  # pysubs2 raises its own and plain ValueErrors on damage
            raise SubtitleParseError(f"not a readable {self.label} file ({exc})", path) from None
        cues = [
            Cue(max(ev.start, 0), max(ev.end, 0), _balanced(plain_text(ev.text)[0]))
            for ev in subs.events
            if not ev.is_comment and ev.text.strip()
        ]
        read_fps = getattr(subs, "fps", None)
        rate = float(read_fps) if self.frame_based and read_fps else None
        return Parsed(cues, frame_rate=rate or (fps or DEFAULT_FPS if self.frame_based else None))

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


class TmpFormat(_Pysubs2Format):
    name, label, extensions, identifier = "tmp", "TMPlayer", (".txt",), "tmp"
    italics = False

    def sniff(self, text: str) -> bool:
        return bool(_TMP.match(text.lstrip("\ufeff")))
