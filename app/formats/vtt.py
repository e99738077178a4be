"""WebVTT, read as the W3C parsing rules say and written as browsers and YouTube take it.

Reading: the header line and its text, STYLE and REGION blocks (kept for writing back), NOTE blocks (comments,
left out and counted), cue identifiers and cue settings (kept on the cue, never in its text), a voice span
``<v Roger>`` (the cue's speaker; several voices in one cue stay in the text as ``Roger: ``), <i> <b> <u> kept,
class, language, ruby and timestamp tags removed, character references decoded. A line holding "-->" ends a
cue's text (the spec's rule), and a block without a timing line is skipped and reported. Written with word times
(WriteOptions.word_times), a cue with words has a timestamp ``<00:00:01.200>`` before each word after the first.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence
from operator import attrgetter

from app.core.document import Cue
from app.core.languages import file_language, name_of
from app.core.timecode import clock_writer
from app.formats.base import Parsed, ReadOptions, SubtitleFormat, WriteOptions, extra_of, where_prefix
from app.formats.clock_texts import clock_texts
from app.formats.word_timing import word_pieces

# the fraction may be missing or short ("00:01:39 --> 00:01:41.04", as some converters write); minutes and
# seconds over 59 make the timing invalid, as the W3C parsing rules say (SubRip's reader does arithmetic instead)
_STAMP = r"(?:(\d{1,4}):)?(\d{1,2}):(\d{1,2})(?:[.,](\d{1,3}))?"
_TIMING = re.compile(r"^\s*" + _STAMP + r"[ \t]*-->[ \t]*" + _STAMP + r"(?P<settings>(?:[ \t].*)?)$")
# repetitions are bounded: a damaged line ("<v <v <v...") is read in linear time
_TAG = re.compile(r"<(/?)([a-z]{1,20})?(?:\.[\w.-]{0,200})?(?:[ \t]([^<>\n]{0,500}))?>|<\d[\d:.]{0,20}>", re.IGNORECASE)
_RT = re.compile(r"<rt(?:\.[\w.-]{0,200})?>([^<\n]{0,500})(?:</rt>|(?=</ruby>)|(?=\n)|$)")
_KEPT = {"i", "b", "u"}
_CUES_PER_CHUNK = 8192
_EXTRA, _WORDS = attrgetter("extra"), attrgetter("words")
_LINE_TOP = re.compile(r"(?:^|\s)line:(?:0|1|[0-9](?:\.\d+)?%|10%)(?:,\S*)?(?:\s|$)")


def _ms(groups: tuple[str | None, ...]) -> int | None:
    """Milliseconds of a timestamp, or None when its minutes or seconds are over 59."""
    h, m, s, f = groups
    assert m is not None and s is not None  # only the hours and the fraction are optional in _STAMP
    if int(m) > 59 or int(s) > 59:
        return None
    return ((int(h or 0) * 60 + int(m)) * 60 + int(s)) * 1000 + int((f or "0").ljust(3, "0"))


def _payload(lines: list[str]) -> tuple[str, str | None]:
    """A cue's text without WebVTT markup other than <i> <b> <u>, and its speaker when one voice speaks."""
    joined = "\n".join(lines)
    joined = _RT.sub(lambda m: f"({m.group(1)})", joined)
    voices: list[str] = []

    def tag(match: re.Match[str]) -> str:
        closing, name, annotation = match.group(1), (match.group(2) or "").lower(), match.group(3)
        if name == "v" and not closing:
            voices.append((annotation or "").strip())
            return "\x00"  # where the voice starts, resolved below
        if name in _KEPT:
            return f"<{closing}{name}>"
        return ""

    text = _TAG.sub(tag, joined)
    speaker = None
    named = [v for v in voices if v]
    if len(set(named)) <= 1 and voices:
        speaker = named[0] if named else None
        text = text.replace("\x00", "")
    else:
        names = iter(voices)
        text = re.sub("\x00", lambda _m: f"{n}: " if (n := next(names, "")) else "", text)
    text = html.unescape(text).replace("\u00a0", " ") if "&" in text else text
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n"), speaker


def vtt_cues(starts: list[int], ends: list[int], payloads: list[str]) -> list[Cue]:
    """Cues of timed WebVTT payloads (a video's WebVTT track), each read as a file's cue text is: <i> <b> <u> kept,
    other markup left out, one voice the speaker; negative times zero."""
    cues: list[Cue] = []
    for start, end, payload in zip(starts, ends, payloads, strict=True):
        text, speaker = _payload([line for line in payload.split("\n") if line.strip()])
        cues.append(Cue(max(start, 0), max(end, 0), text, extra=extra_of(actor=speaker)))
    return cues


def _align(settings: str) -> str | None:
    if _LINE_TOP.search(settings):
        return "8"
    return None


class VttFormat(SubtitleFormat):
    name, label, extensions = "vtt", "WebVTT", (".vtt",)
    keeps = frozenset({"markup", "actor", "align", "vtt.settings", "header"})
    writes_languages = True  # the Language: header line
    word_timing = True  # a cue timestamp before each word after the first

    def sniff(self, text: str) -> bool:
        head = text.lstrip("\ufeff")
        return head.startswith("WEBVTT") and (len(head) == 6 or head[6] in " \t\n")

    def parse(self, text: str, options: ReadOptions, path: str | None) -> Parsed:
        where = where_prefix(path)
        lines = text.split("\n")
        header: dict[str, str] = {}
        skipped: list[str] = []
        first = lines[0].lstrip("\ufeff") if lines else ""
        start = 0
        language = ""
        if first.startswith("WEBVTT"):
            title = first[6:].strip()
            if title:
                header["vtt.title"] = title
            start = 1
            while start < len(lines) and lines[start].strip() and "-->" not in lines[start]:
                key, _, value = lines[start].partition(":")  # header metadata lines (older drafts, YouTube, HLS)
                if key.strip().lower() == "language":
                    language = name_of(value)
                start += 1
        cues: list[Cue] = []
        styles: list[str] = []
        notes = 0
        i = start
        count = len(lines)
        while i < count:
            # a line of spaces is blank, unless a timing line follows: then it is the cue's identifier (W3C)
            if not lines[i] or (not lines[i].strip() and (i + 1 >= count or "-->" not in lines[i + 1])):
                i += 1
                continue
            block_start = i
            line = lines[i]
            if "-->" not in line:
                keyword = line.split(None, 1)[0] if line.split() else ""
                if (
                    keyword in ("NOTE", "STYLE", "REGION")
                    and line[len(keyword) : len(keyword) + 1] in ("", " ", "\t")
                    and line.startswith(keyword)
                ):
                    end = i
                    while end < count and lines[end].strip():
                        end += 1
                    if keyword == "NOTE":
                        notes += 1
                    elif not cues:  # the spec allows style blocks only before the first cue
                        styles.append("\n".join(lines[i:end]))
                    i = end
                    continue
                identifier, i = line, i + 1  # as written: " leading space" is an identifier of its own
                if i >= count or "-->" not in lines[i]:
                    end = i
                    while end < count and lines[end].strip():
                        end += 1
                    skipped.append(f"{where}line {block_start + 1}: a block without a timing line was skipped")
                    i = end
                    continue
            else:
                identifier = None
            timing = _TIMING.match(lines[i])
            body_end = i + 1
            while body_end < count and lines[body_end].strip() and "-->" not in lines[body_end]:
                body_end += 1
            begin = end_ms = None
            if timing is not None:
                begin, end_ms = _ms(timing.groups()[:4]), _ms(timing.groups()[4:8])
            if timing is None or begin is None or end_ms is None:
                skipped.append(f"{where}line {i + 1}: unreadable timing '{lines[i].strip()[:60]}', its cue was skipped")
                i = body_end
                continue
            settings = " ".join(timing.group("settings").split())
            text_, speaker = _payload(lines[i + 1 : body_end])
            extra = extra_of(vtt__id=identifier, vtt__settings=settings or None, actor=speaker, align=_align(settings))
            cues.append(Cue(begin, end_ms, text_, extra=extra, language=language))
            i = body_end
        if styles:
            header["vtt.style"] = "\n\n".join(styles)
        if notes:
            skipped.append(f"{where}{notes} NOTE comment block(s) left out")
        return Parsed(cues, skipped, header)

    def format(self, cues, options: WriteOptions) -> str:
        title = options.header.get("vtt.title")
        parts = ["WEBVTT" + (f" {title}" if title else "")]
        code = file_language(cues)
        if code:  # no standard place in WebVTT: the "Language:" header line YouTube and HLS write, which players skip
            parts[0] += f"\nLanguage: {code}"
        if options.header.get("vtt.style"):
            parts.append(options.header["vtt.style"])
        stamp = clock_writer(hour_digits=2) if options.word_times else None
        for first in range(0, len(cues), _CUES_PER_CHUNK):  # joined as it goes: a million blocks never live at once
            part = cues[first : first + _CUES_PER_CHUNK]
            times = clock_texts([cue.start for cue in part] + [cue.end for cue in part])
            parts.append("\n\n".join(_blocks(part, times[: len(part)], times[len(part) :], stamp)))
        return "\n\n".join(parts) + "\n"


def _blocks(cues: Sequence[Cue], starts: list[str], ends: list[str], stamp: Callable[[int], str] | None) -> list[str]:
    """The cues' blocks: at once where none has anything but times and text to write (a file converted from
    SubRip), and the text has nothing to escape and no blank line; else cue by cue."""
    texts = [cue.text for cue in cues]
    if not any(map(_EXTRA, cues)) and (stamp is None or not any(map(_WORDS, cues))):
        joined = "\n".join(texts)
        if "<" not in joined and "&" not in joined and ">" not in joined and all(map(str.strip, joined.split("\n"))):
            return [f"{start} --> {end}\n{text}" for start, end, text in zip(starts, ends, texts, strict=True)]
    return [_block(cue, start, end, stamp) for cue, start, end in zip(cues, starts, ends, strict=True)]


def _block(cue: Cue, start: str, end: str, stamp: Callable[[int], str] | None) -> str:
    """One cue's block: its identifier, timing line with settings, and its text, a voice span for its speaker."""
    block = []
    extra = dict(cue.extra) if cue.extra else {}
    identifier = extra.get("vtt.id")
    if identifier and "-->" not in identifier:
        block.append(identifier)
    settings = extra.get("vtt.settings") or _settings_for(extra.get("align"))
    block.append(f"{start} --> {end}" + (f" {settings}" if settings else ""))
    text = (_timed(cue, stamp) if stamp is not None and cue.words else None) or _escape(cue.text)
    speaker = extra.get("actor")
    if speaker:
        text = f"<v {_escape(speaker).replace('>', '')}>" + text
    if "\n" in text or not text.strip():
        block.extend(line for line in text.split("\n") if line.strip())
    else:
        block.append(text)
    return "\n".join(block)


def _timed(cue: Cue, stamp: Callable[[int], str]) -> str | None:
    """The cue's payload with a timestamp tag before each word after the first, or None when it has no word in its
    text. A word whose start is not after the cue's start and every timestamp before it, or not before the cue's
    end, gets none (the W3C rules make such a timestamp invalid): it is read with the word before it."""
    cut = word_pieces(cue)
    if cut is None:
        return None
    out = [_escape(cut.lead)]
    last = cue.start
    for k, (ms, piece) in enumerate(cut.pieces):
        if k and last < ms < cue.end:
            out.append(f"<{stamp(ms)}>")
            last = ms
        out.append(_escape(piece))
    return "".join(out)


def _settings_for(align: str | None) -> str:
    return _SETTINGS_FOR.get(align or "", "")


_SETTINGS_FOR = {
    "7": "line:0 align:start",
    "8": "line:0",
    "9": "line:0 align:end",
    "1": "align:start",
    "3": "align:end",
}


_OWN_TAG = re.compile(r"</?[ibu]>")


def _escape(text: str) -> str:
    """Text for a cue payload: & and < escaped except around <i> <b> <u>; other markup (<font>) left out."""
    if "<" not in text and "&" not in text and ">" not in text:
        return text
    out = []
    position = 0
    for match in _OWN_TAG.finditer(text):
        out.append(_escape_plain(text[position : match.start()]))
        out.append(match.group(0))
        position = match.end()
    out.append(_escape_plain(text[position:]))
    return "".join(out)


def _escape_plain(text: str) -> str:
    text = re.sub(r"<[^<>\n]{0,200}>", "", text)  # <font color=...> and the like: not WebVTT
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
