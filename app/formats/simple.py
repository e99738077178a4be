"""Formats that are a list of timed texts and little else: SubRip, YouTube's SBV, plain text, JSON with words."""

from __future__ import annotations

import json
import re
from itertools import compress, count, repeat

from app.core.document import Cue, Word
from app.core.errors import SubtitleParseError
from app.core.timecode import clock
from app.formats.base import Parsed, ReadOptions, SubtitleFormat, WriteOptions, plain, where_prefix

_AN = re.compile(r"^\{\\an([1-9])\}")
_SRT_START = re.compile(r"^\s*(?:\d+\s*\n\s*)?-?\d{1,4}:\d{1,2}:\d{1,2}[,.:;]?\d*\s*-+>")


class SrtFormat(SubtitleFormat):
    """SubRip through the project's own tolerant reader (app.formats.srt); ``{\\an8}`` is the position."""

    name, label, extensions = "srt", "SubRip", (".srt",)
    keeps = frozenset({"markup", "align"})

    def sniff(self, text: str) -> bool:
        return bool(_SRT_START.match(text.lstrip("\ufeff")))

    def parse(self, text: str, options: ReadOptions, path: str | None) -> Parsed:
        from app.formats.srt import parse_srt_numbered

        cues, skipped, numbers = parse_srt_numbered(text, path=path)
        if "{\\an" not in text:  # no cue has a position tag
            return Parsed(cues, skipped, numbers=numbers)
        out = []
        for cue in cues:
            match = _AN.match(cue.text)
            if match:
                cue = cue.with_(text=cue.text[match.end() :]).with_extra(align=match.group(1))
            out.append(cue)
        return Parsed(out, skipped, numbers=numbers)

    def format(self, cues, options: WriteOptions) -> str:
        from app.formats.srt import format_srt

        def positioned(cue: Cue) -> Cue:
            align = cue.get("align") if cue.extra else None
            if align and align != "2" and align.isdigit():
                return Cue(cue.start, cue.end, f"{{\\an{align}}}" + cue.text)  # all that format_srt reads
            return cue

        return format_srt([positioned(c) if c.extra else c for c in cues])


def srt_cues(starts: list[int], ends: list[int], texts: list[str]) -> list[Cue]:
    """Cues of timed texts (a video's SubRip or MP4 text track) as the SubRip reader makes them of a file: blank
    lines and the spaces ending a line left out, a leading ``{\\anN}`` the cue's position, negative times zero.
    Built directly (a million events in about a second): nothing is written out as SubRip and read back."""
    from app.formats.srt import tidy_texts

    texts = tidy_texts(texts)  # each one's lines looked at only when some text needs it
    cues = list(map(Cue, _not_negative(starts), _not_negative(ends), texts))
    for index in compress(count(), map(str.startswith, texts, repeat("{\\an"))):
        match = _AN.match(texts[index])
        if match:
            cue = cues[index]
            cues[index] = Cue(cue.start, cue.end, cue.text[match.end() :], extra=(("align", match.group(1)),))
    return cues


def _not_negative(times: list[int]) -> list[int]:
    return [max(t, 0) for t in times] if times and min(times) < 0 else times


_SBV_TIMING = re.compile(r"^\s*(\d+):(\d{1,2}):(\d{1,2})\.(\d{1,3})\s*,\s*(\d+):(\d{1,2}):(\d{1,2})\.(\d{1,3})\s*$")


def _sbv_ms(parts: tuple[str, ...]) -> int:
    h, m, s, f = parts
    return ((int(h) * 60 + int(m)) * 60 + int(s)) * 1000 + int(f.ljust(3, "0"))


class SbvFormat(SubtitleFormat):
    """YouTube's SubViewer-like format: ``0:00:01.000,0:00:03.500`` then the text, blocks split by blank lines."""

    name, label, extensions = "sbv", "YouTube SBV", (".sbv",)

    def sniff(self, text: str) -> bool:
        first = text.lstrip("\ufeff \n").split("\n", 1)[0]
        return bool(_SBV_TIMING.match(first))

    def parse(self, text: str, options: ReadOptions, path: str | None) -> Parsed:
        cues: list[Cue] = []
        skipped: list[str] = []
        where = where_prefix(path)
        current: tuple[int, int] | None = None
        body: list[str] = []
        outside = 0

        def finish() -> None:
            nonlocal current, body
            if current is not None:
                cues.append(Cue(current[0], current[1], "\n".join(body)))
            current, body = None, []

        for number, line in enumerate(text.split("\n"), start=1):
            match = _SBV_TIMING.match(line) if "," in line else None
            if match:
                finish()
                groups = match.groups()
                current = (_sbv_ms(groups[:4]), _sbv_ms(groups[4:]))
            elif not line.strip():
                finish()
            elif current is not None:
                body.append(line.rstrip())
            else:
                outside += 1
                if outside == 1:
                    skipped.append(f"{where}line {number}: text outside any cue was skipped")
        finish()
        return Parsed(cues, skipped)

    def format(self, cues, options: WriteOptions) -> str:
        blocks = []
        for cue in cues:
            lines = [ln for ln in plain(cue.text).split("\n") if ln.strip()]
            blocks.append(f"{clock(cue.start, clamp=True)},{clock(cue.end, clamp=True)}\n" + "\n".join(lines))
        return "\n\n".join(blocks) + "\n" if blocks else ""


_OVERRIDE = re.compile(r"\{\\[^{}\n]{0,500}\}")  # {\an8}, {\i1}: ASS tags some SubRip files carry in the text


class TextFormat(SubtitleFormat):
    """Plain text for editors and journalists: one paragraph per cue, without markup; times only when asked."""

    name, label, extensions = "txt", "Plain text", (".txt",)
    can_read = False

    def format(self, cues, options: WriteOptions) -> str:
        parts = []
        for cue in cues:
            bare = _OVERRIDE.sub("", plain(cue.text)) if "{" in cue.text else plain(cue.text)
            text = " ".join(line.strip() for line in bare.split("\n") if line.strip())
            start, end = (clock(t, hour_digits=2, clamp=True) for t in (cue.start, cue.end))
            parts.append(f"[{start} --> {end}] {text}" if options.times else text)
        return ("\n" if options.times else "\n\n").join(parts) + ("\n" if parts else "")


class JsonFormat(SubtitleFormat):
    """Cues with their word timings, for scripts and other tools; times in integer milliseconds."""

    name, label, extensions = "json", "JSON with word timings", (".json",)
    keeps = frozenset({"style", "actor", "align", "markup", "karaoke", "overrides", "vtt.settings", "words"})
    word_timing = True  # always: each cue with its words, their text and times

    def sniff(self, text: str) -> bool:
        head = text.lstrip("\ufeff \n")
        return head.startswith("{") and '"cues"' in head[:200]

    def format(self, cues, options: WriteOptions) -> str:
        items = []
        for cue in cues:
            item: dict = {"start": cue.start, "end": cue.end, "text": cue.text}
            if cue.translation:
                item["translation"] = cue.translation
            if cue.words:
                item["words"] = [{"start": w.start, "end": w.end, "text": cue.word_text(w)} for w in cue.words]
            extra = {k: v for k, v in cue.extra if not k.startswith("ass.")}
            if extra:
                item["extra"] = extra
            items.append(item)
        return json.dumps({"cues": items}, ensure_ascii=False, indent=1) + "\n"

    def parse(self, text: str, options: ReadOptions, path: str | None) -> Parsed:
        try:
            data = json.loads(text)
            items = data["cues"]
            cues = []
            for item in items:
                words: list[Word] = []
                position = 0
                for w in item.get("words", []):
                    start = item["text"].find(w["text"], position)
                    if start < 0:
                        words = []
                        break
                    position = start + len(w["text"])
                    words.append(Word(int(w["start"]), int(w["end"]), start, position))
                extra = item.get("extra") or {}
                pairs = tuple(sorted((str(k), str(v)) for k, v in extra.items()))
                translation = item.get("translation")
                cues.append(
                    Cue(int(item["start"]), int(item["end"]), str(item["text"]), tuple(words), extra=pairs,
                        translation=translation if isinstance(translation, str) else "")
                )  # fmt: skip
        except RecursionError:
            raise SubtitleParseError("not a subtitle JSON file (nested too deeply)", path) from None
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise SubtitleParseError(f"not a subtitle JSON file ({type(exc).__name__}: {exc})", path) from None
        return Parsed(cues)
