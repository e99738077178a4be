"""What every subtitle format shares, and the one place that reads and writes subtitle files.

A format (a subclass of :class:`SubtitleFormat`) only turns text into cues and cues into text. Everything
around it is done once, here: encoding detection and BOMs (app.formats.textio), newlines, the atomic write,
the size cap, and saying what a format could not keep.

What a format carries and SRT does not lives on the cue as ``Cue.extra`` pairs. Keys shared by formats:

    style      style name (ASS/SSA, TTML ``style``)       actor   speaker (ASS Name, WebVTT <v>, TTML agent)
    align      numpad position 1-9 as ASS ``\\an`` uses it (8: top centre); WebVTT ``line:0`` reads as 8
    vtt.id     WebVTT cue identifier                     vtt.settings  WebVTT cue settings, as written
    ass.*      the fields of an ASS/SSA event, and its original line, to write untouched cues back byte for byte
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from itertools import repeat
from operator import and_, attrgetter, contains
from typing import Any

from app.core.document import Cue
from app.core.messages import Message
from app.core.styles import SubtitleStyle

# features a target format may not hold; each is counted over the cues and reported as a Message
WORDS_DROPPED = "formats.dropped.words"  # no viewer misses them: the window says it once, transcribe never
FEATURES = ("style", "actor", "align", "markup", "karaoke", "overrides", "vtt.settings", "header", "words")


@dataclass(frozen=True)
class ReadOptions:
    """What some formats need from outside the file: a frame rate (MicroDVD), a language (SAMI)."""

    fps: float | None = None
    language: str | None = None


@dataclass(frozen=True)
class WriteOptions:
    fps: float | None = None  # frame-based formats; None: DEFAULT_FPS
    times: bool = False  # plain text: the text alone (plain text means text), or each cue after its times
    header: dict[str, str] = field(default_factory=dict)  # what the file it came from had around its cues
    # the aligner's word times, where the format has a way to say them (SubtitleFormat.word_timing): an ASS/SSA
    # ``{\kNN}`` karaoke tag before each word, a WebVTT ``<00:00:01.200>`` timestamp before each word after the first
    word_times: bool = False
    # the document's subtitle style (app.core.styles.SubtitleStyle): ASS and SSA write it into the style it is read
    # from (Default, else the style the cues use; app.formats.ass_styles); None leaves the script's styles as they are
    style: SubtitleStyle | None = None


DEFAULT_FPS = 23.976


@dataclass
class Parsed:
    """A format's reading of a text: its cues, what it skipped (one line each), and its document-level data."""

    cues: list[Cue]
    skipped: list[str] = field(default_factory=list)
    header: dict[str, str] = field(default_factory=dict)  # e.g. ASS script info and styles, WebVTT STYLE blocks
    languages: tuple[str, ...] = ()  # SAMI classes in the file (the one read is ReadOptions.language or the first)
    frame_rate: float | None = None  # the frame rate a frame-based format was read with
    numbers: list[int] | None = None  # each cue's number as the file writes it (SRT's index lines), when known


@dataclass
class SubtitleFile:
    """A subtitle file as read: the cues and everything needed to write it back as it was."""

    path: str | None
    format: str  # a registry name: "srt", "vtt", "ass"...
    cues: list[Cue]
    encoding: str = "utf-8"
    bom: bool = False
    newline: str = "\n"
    detected: bool = False  # the encoding was guessed
    skipped: list[str] = field(default_factory=list)
    header: dict[str, str] = field(default_factory=dict)
    languages: tuple[str, ...] = ()
    frame_rate: float | None = None
    numbers: list[int] | None = None  # see Parsed.numbers: what a report calls each cue

    def source_settings(self) -> dict[str, Any]:
        """Where the cues came from, as JSON a project keeps (DocumentSettings.subtitle_source): enough to
        save them back in their format, encoding and newlines, with the header (ASS styles) of the file."""
        return {
            "path": self.path, "format": self.format, "encoding": self.encoding, "bom": self.bom,
            "newline": self.newline, "header": dict(self.header), "frame_rate": self.frame_rate,
        }  # fmt: skip

    @classmethod
    def from_source_settings(cls, value: Any) -> SubtitleFile | None:
        """The file a document's settings name (without its cues), or None when they name none or are damaged."""
        if not isinstance(value, Mapping) or not isinstance(value.get("format"), str):
            return None
        header = value.get("header")
        path, encoding, newline = value.get("path"), value.get("encoding"), value.get("newline")
        rate = value.get("frame_rate")
        return cls(
            path=path if isinstance(path, str) else None,
            format=value["format"],
            cues=[],
            encoding=encoding if isinstance(encoding, str) else "utf-8",
            bom=value.get("bom") is True,
            newline=newline if newline in ("\n", "\r\n", "\r") else "\n",
            header={k: v for k, v in header.items() if isinstance(v, str)} if isinstance(header, dict) else {},
            frame_rate=float(rate) if isinstance(rate, (int, float)) and 1 <= rate <= 1000 else None,
        )


class SubtitleFormat:
    """One subtitle format. Subclasses set the class attributes and implement ``parse`` and/or ``format``."""

    name: str = ""  # registry key, also --format NAME
    label: str = ""  # shown in lists: "WebVTT", "Advanced SubStation Alpha"
    extensions: tuple[str, ...] = ()  # first one is the default for writing
    can_read: bool = True
    can_write: bool = True
    frame_based: bool = False
    keeps: frozenset[str] = frozenset()  # FEATURES this format writes
    word_timing: bool = False  # writes word times when WriteOptions.word_times asks ("words" in keeps: always)
    # writes the cues' languages (a header line, xml:lang): a file read to be written in it needs them guessed
    writes_languages: bool = False

    def sniff(self, text: str) -> bool:
        """Whether the text's beginning looks like this format (detection by content)."""
        return False

    def parse(self, text: str, options: ReadOptions, path: str | None) -> Parsed:
        """Cues in ``text`` (newlines already "\\n"). Skipped-part messages start with ``where_prefix(path)``."""
        raise NotImplementedError

    def format(self, cues: list[Cue] | tuple[Cue, ...], options: WriteOptions) -> str:
        """The file's text, with "\\n" newlines."""
        raise NotImplementedError


def dropped_features(
    cues: list[Cue] | tuple[Cue, ...], target: SubtitleFormat, header: dict[str, str]
) -> list[Message]:
    """What writing ``cues`` as ``target`` loses, as translatable messages (the ui and the CLI say them)."""
    counts: dict[str, int] = dict.fromkeys(FEATURES, 0)
    # counted in C where a cue's own attribute tells (600,000 cues looked at one by one: 0.08 s); only the cues with
    # extras are looked at in Python
    texts = list(map(_TEXT, cues))
    counts["words"] = sum(map(bool, map(_WORDS, cues)))
    if "<" in "".join(texts):
        counts["markup"] = sum(map(and_, map(contains, texts, repeat("<")), map(contains, texts, repeat(">"))))
    for extra in map(dict, filter(None, map(_EXTRA, cues))):
        for feature in ("style", "actor", "align", "vtt.settings"):
            if feature in extra and not (feature == "style" and extra["style"] == "Default"):
                counts[feature] += 1
        raw = extra.get("ass.line") or ""
        blocks = "".join(_OVERRIDE_BLOCK.findall(raw)) if "{" in raw else ""
        if blocks and _KARAOKE.search(blocks):
            counts["karaoke"] += 1
        elif blocks and _OTHER_OVERRIDE.search(blocks):
            counts["overrides"] += 1
    if header.get("ass.styles") or header.get("vtt.style"):
        counts["header"] = 1
    return [
        Message(f"formats.dropped.{feature.replace('.', '_')}", {"format": target.label}, n=count)
        for feature, count in counts.items()
        if count and feature not in target.keeps
    ]


def where_prefix(path: str | os.PathLike[str] | None) -> str:
    return f"{os.fspath(path)}, " if path is not None else ""


_WORDS, _EXTRA, _TEXT = attrgetter("words"), attrgetter("extra"), attrgetter("text")
_OVERRIDE_BLOCK = re.compile(r"\{[^{}]*\}")
_KARAOKE = re.compile(r"\\(?:k|K|kf|ko)\d")
_OTHER_OVERRIDE = re.compile(r"\\(?!an?\d|[ibu][01])[a-zA-Z]")  # what the editor's text does not show
_TAG = re.compile(r"<[^<>\n]{0,200}>")


def plain(text: str) -> str:
    """Text without HTML-like markup (<i>, <font ...>): for formats that have none."""
    return _TAG.sub("", text) if "<" in text else text


def extra_of(**values: Any) -> tuple[tuple[str, str], ...]:
    """Cue.extra from keyword values (``ass__line`` is the key ``ass.line``), leaving out None."""
    return tuple(sorted((k.replace("__", "."), str(v)) for k, v in values.items() if v is not None))
