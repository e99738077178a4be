"""TTML and DFXP (.ttml, .dfxp, .xml): read as broadcasters write them, written as IMSC 1 text profile.

Reading follows the TTML timing model: ``begin``/``end``/``dur`` on body, div, p and span, each relative to
its parent's begin; clock times (``01:02:03.5``, ``01:02:03:12`` with frames and sub-frames) and offset times
(``3.5s``, ``90f``, ``1200t``, ``2m``, ``1h``, ``500ms``) with the document's ``ttp:frameRate``,
``ttp:frameRateMultiplier``, ``ttp:subFrameRate`` and ``ttp:tickRate``; nested spans, ``<br/>``, italics and
bold (as <i> <b>), ``ttm:agent`` as the speaker, a region at the top as the position ``8``. Entity declarations
are refused (no "billion laughs").
"""

from __future__ import annotations

import codecs
import re
import xml.etree.ElementTree as ET
from fractions import Fraction
from xml.sax.saxutils import escape, quoteattr

from app.core.document import Cue
from app.core.errors import SubtitleParseError
from app.core.languages import code_of, file_language, name_of
from app.core.timecode import clock
from app.formats.base import Parsed, ReadOptions, SubtitleFormat, WriteOptions, extra_of, where_prefix

_CLOCK = re.compile(r"^(\d{1,3}):(\d{2}):(\d{2})(?:(\.\d+)|:(\d{2,})(?:\.(\d+))?)?$")
_OFFSET = re.compile(r"^(\d+(?:\.\d+)?)(h|ms|m|s|f|t)$")
_APPLE = re.compile(r"^(?:(\d{1,3}):)?(\d{1,5}(?:\.\d{1,9})?)$")  # not TTML time expressions, but written
_APPLE_NAMESPACE = "music.apple.com"  # its lyrics give every element's times from the start, not its parent's
_SPACE = re.compile(r"[ \t\r\n]+")


DIVS_BY_LANGUAGE = "ttml.divs_by_language"  # a header key: "yes" writes one div per language (xml:lang on it)


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _attr(element: ET.Element, name: str) -> str | None:
    """An attribute by its local name, whatever namespace (TTML, DFXP's ttaf1, none) it was written in."""
    for key, value in element.attrib.items():
        if key == name or key.endswith("}" + name):
            return value
    return None


class _Clock:
    def __init__(self, root: ET.Element) -> None:
        rate = _number(_attr(root, "frameRate")) or Fraction(30)
        multiplier = _attr(root, "frameRateMultiplier")
        if multiplier:
            parts = multiplier.split()
            if len(parts) == 2 and all(p.isdigit() for p in parts) and int(parts[0]) and int(parts[1]):
                rate = rate * Fraction(int(parts[0]), int(parts[1]))
        self.frame_rate = rate
        self.sub_frame_rate = _number(_attr(root, "subFrameRate")) or Fraction(1)
        tick = _number(_attr(root, "tickRate"))
        self.tick_rate = tick or (rate * self.sub_frame_rate if _attr(root, "frameRate") else Fraction(1))

    def ms(self, expression: str | None) -> Fraction | None:
        if expression is None:
            return None
        text = expression.strip()
        match = _CLOCK.match(text)
        if match:
            h, m, s, fraction, frames, sub = match.groups()
            seconds = Fraction(int(h) * 3600 + int(m) * 60 + int(s))
            if fraction:
                seconds += Fraction(fraction)
            if frames:
                seconds += Fraction(int(frames)) / self.frame_rate
            if sub:
                seconds += Fraction(int(sub)) / (self.frame_rate * self.sub_frame_rate)
            return seconds * 1000
        match = _APPLE.match(text)
        if match:  # Apple's lyrics write "19.764" and "3:58.640": seconds, and minutes and seconds
            return (int(match.group(1) or 0) * 60 + Fraction(match.group(2))) * 1000
        match = _OFFSET.match(text)
        if match:
            value, unit = Fraction(match.group(1)), match.group(2)
            scale = {"h": Fraction(3_600_000), "m": Fraction(60_000), "s": Fraction(1000), "ms": Fraction(1)}
            if unit == "f":
                return value * 1000 / self.frame_rate
            if unit == "t":
                return value * 1000 / self.tick_rate
            return value * scale[unit]
        raise ValueError(f"'{text[:40]}' is not a TTML time expression")


_DECLARED = re.compile(r"""^(\s*<\?xml\b[^<>]{0,200}?\bencoding\s*=\s*)(["'])([^"'<>]{0,100})\2""")


def _utf8_declaration(text: str) -> tuple[str, str | None]:
    """The text with its XML declaration saying UTF-8 (the bytes were decoded already, and are given to the
    parser as UTF-8), and the encoding it named when Python knows no such encoding (else None)."""
    match = _DECLARED.match(text)
    if match is None:
        return text, None
    try:
        codecs.lookup(match.group(3))
        unknown = None
    except LookupError:
        unknown = match.group(3)
    return f"{match.group(1)}{match.group(2)}UTF-8{match.group(2)}{text[match.end() :]}", unknown


def _number(text: str | None) -> Fraction | None:
    try:
        value = Fraction(text.strip()) if text else None
    except (ValueError, ZeroDivisionError):
        return None
    return value if value else None


class TtmlFormat(SubtitleFormat):
    name, label, extensions = "ttml", "TTML / DFXP (IMSC 1)", (".ttml", ".dfxp", ".xml")
    keeps = frozenset({"markup", "actor", "align", "style"})
    writes_languages = True  # xml:lang

    def sniff(self, text: str) -> bool:
        head = text[:2000]
        return "<tt" in head and ("ns/ttml" in head or "ttaf1" in head)

    def parse(self, text: str, options: ReadOptions, path: str | None) -> Parsed:
        where = where_prefix(path)
        if "<!ENTITY" in text or "<!entity" in text:
            raise SubtitleParseError("declares XML entities, which are not read (a TTML file needs none)", path)
        text, unknown = _utf8_declaration(text)
        skipped: list[str] = []
        if unknown is not None:  # the bytes were decoded as detected: the file is read, and the name is said
            skipped.append(f"{where}the XML declaration names an unknown encoding '{unknown}'; read as detected")
        try:
            root = ET.fromstring(text.encode("utf-8"))
        except ET.ParseError as exc:
            line = exc.position[0] if exc.position else None
            reason = str(exc).split(":")[0]
            raise SubtitleParseError(f"not well-formed XML ({reason})", path, line) from None
        if _local(root.tag) != "tt":
            raise SubtitleParseError(f"not a TTML document (the root is <{_local(root.tag)}>)", path)
        timer = _Clock(root)
        absolute = any(_APPLE_NAMESPACE in key for key in root.attrib) or _APPLE_NAMESPACE in text[:2000]
        top_regions = {_attr(r, "id") for r in root.iter() if _local(r.tag) == "region" and _at_top(r)}
        cues: list[Cue] = []

        def walk(element: ET.Element, offset: Fraction, inherited: dict[str, str | None]) -> None:
            local = _local(element.tag)
            try:
                begin = timer.ms(_attr(element, "begin"))
                end = timer.ms(_attr(element, "end"))
                dur = timer.ms(_attr(element, "dur"))
            except ValueError as exc:
                skipped.append(f"{where}<{local}>: {exc}; it was skipped")
                return
            start = offset + (begin or 0)
            stop = offset + end if end is not None else (start + dur if dur is not None else None)
            context = dict(inherited)
            for key in ("region", "agent", "lang") if local != "p" else ("region", "agent", "style", "lang"):
                if _attr(element, key):  # a style on body or div is the document's look, not the cue's
                    context[key] = _attr(element, key)
            if local == "p":
                _paragraph(element, start, stop, begin is not None, context)
                return
            for child in element:
                walk(child, Fraction(0) if absolute else start, context)

        def _paragraph(p: ET.Element, start: Fraction, stop: Fraction | None, timed: bool, ctx: dict) -> None:
            if not timed:  # timing only on its spans: the paragraph spans them
                times = []
                for span in p.iter():
                    try:
                        b, e = timer.ms(_attr(span, "begin")), timer.ms(_attr(span, "end"))
                    except ValueError:
                        continue
                    if b is not None:
                        times.append((start + b, start + e if e is not None else None))
                if times:
                    start = min(b for b, _ in times)
                    ends = [e for _, e in times if e is not None]
                    stop = max(ends) if ends else stop
            if stop is None:
                at = clock(round(start), hour_digits=2, clamp=True)
                skipped.append(f"{where}a paragraph at {at} has no end time; it was skipped")
                return
            text = _text(p).strip()
            extra = extra_of(
                style=ctx.get("style"), actor=ctx.get("agent"), ttml__region=ctx.get("region"),
                align="8" if ctx.get("region") in top_regions else None,
            )  # fmt: skip
            cues.append(Cue(round(start), round(stop), text, extra=extra, language=name_of(ctx.get("lang"))))

        try:
            for child in root:
                if _local(child.tag) == "body":
                    walk(child, Fraction(0), {"lang": _attr(root, "lang")})
        except RecursionError:
            raise SubtitleParseError("elements nested too deeply to be subtitles", path) from None
        cues.sort(key=lambda cue: cue.start)
        return Parsed(cues, skipped, frame_rate=float(timer.frame_rate) if _attr(root, "frameRate") else None)

    def format(self, cues, options: WriteOptions) -> str:
        codes = [code_of(cue.language) for cue in cues]
        # the document's language on tt (never xml:lang="": "und" when no language is known), a cue's own on its p
        language = file_language(cues) or code_of(name_of(options.header.get("language"))) or "und"
        parts = [
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<tt xmlns="http://www.w3.org/ns/ttml" xmlns:ttp="http://www.w3.org/ns/ttml#parameter" '
            'xmlns:tts="http://www.w3.org/ns/ttml#styling" xmlns:ttm="http://www.w3.org/ns/ttml#metadata" '
            'ttp:profile="http://www.w3.org/ns/ttml/profile/imsc1/text" ttp:timeBase="media" '
            f"xml:lang={quoteattr(language)}>\n"
            " <head>\n  <styling>\n"
            '   <style xml:id="default" tts:fontFamily="proportionalSansSerif" tts:fontSize="100%" '
            'tts:textAlign="center" tts:color="white" tts:backgroundColor="rgba(0,0,0,204)"/>\n'
            "  </styling>\n  <layout>\n"
            '   <region xml:id="bottom" tts:origin="10% 10%" tts:extent="80% 80%" tts:displayAlign="after"/>\n'
            '   <region xml:id="top" tts:origin="10% 10%" tts:extent="80% 80%" tts:displayAlign="before"/>\n'
            "  </layout>\n </head>\n"
            ' <body style="default">\n'
        ]
        by_language = options.header.get(DIVS_BY_LANGUAGE) == "yes"  # a bilingual file: one div per language
        groups = list(dict.fromkeys(codes)) if by_language else [None]
        for group in groups:
            div_lang = f" xml:lang={quoteattr(group or 'und')}" if by_language else ""
            parts.append(f"  <div{div_lang}>\n")
            parts += self._paragraphs(cues, codes, language if group is None else group or "und", group, by_language)
            parts.append("  </div>\n")
        parts.append(" </body>\n</tt>\n")
        return "".join(parts)

    def _paragraphs(self, cues, codes: list[str], language: str, group: str | None, by_language: bool) -> list[str]:
        parts = []
        for index, cue in enumerate(cues):
            if by_language and codes[index] != group:
                continue
            region = "top" if cue.get("align") in ("7", "8", "9") else "bottom"
            agent = cue.get("actor")
            who = f" ttm:agent={quoteattr(agent)}" if agent else ""
            begin, end = (clock(t, hour_digits=2, clamp=True) for t in (cue.start, cue.end))
            code = codes[index]
            lang = f' xml:lang="{code}"' if code and code != language else ""
            parts.append(f'   <p begin="{begin}" end="{end}" region="{region}"{who}{lang}>{_markup(cue.text)}</p>\n')
        return parts


def _at_top(region: ET.Element) -> bool:
    """A region whose text sits at the top: displayed "before", or a short region placed high up."""
    display = _attr(region, "displayAlign")
    if display is not None:
        return display == "before"
    origin, extent = (_attr(region, "origin") or "").split(), (_attr(region, "extent") or "").split()
    top = _percent(origin[1]) if len(origin) == 2 else None
    height = _percent(extent[1]) if len(extent) == 2 else None
    return top is not None and top < 30 and (height is None or height <= 40)


def _percent(text: str) -> float | None:
    value = _number(text[:-1]) if text.endswith("%") else None
    return float(value) if value is not None else (0.0 if text in ("0%", "0") else None)


def _text(element: ET.Element) -> str:
    """The text of a p or span: whitespace collapsed as xml:space="default" does, <br/> a line break."""
    out: list[str] = []

    def visit(node: ET.Element) -> None:
        local = _local(node.tag)
        if local == "br":
            out.append("\n")
        else:
            italic = _attr(node, "fontStyle") == "italic" and local == "span"
            bold = _attr(node, "fontWeight") == "bold" and local == "span"
            out.append(("<i>" if italic else "") + ("<b>" if bold else ""))
            if node.text:
                out.append(_SPACE.sub(" ", node.text))
            for child in node:
                visit(child)
            out.append(("</b>" if bold else "") + ("</i>" if italic else ""))
        if node is not element and node.tail:
            out.append(_SPACE.sub(" ", node.tail))

    visit(element)
    return "\n".join(line.strip() for line in "".join(out).split("\n"))


def _markup(text: str) -> str:
    """A cue's text as TTML content: lines joined by <br/>, <i> and <b> as styled spans, other markup dropped."""
    lines = []
    for line in text.split("\n"):
        if not line.strip():
            continue
        out, depth, position = [], 0, 0
        line = re.sub(r"<(?!/?[ib]>)[^<>]{0,200}>", "", line)
        for match in re.finditer(r"<(/?)([ib])>", line):
            out.append(escape(line[position : match.start()]))
            position = match.end()
            if not match.group(1):
                style = 'tts:fontStyle="italic"' if match.group(2) == "i" else 'tts:fontWeight="bold"'
                out.append(f"<span {style}>")
                depth += 1
            elif depth:  # a closing tag without its opening one is dropped: the XML stays well-formed
                out.append("</span>")
                depth -= 1
        out.append(escape(line[position:]) + "</span>" * depth)
        lines.append("".join(out))
    return "<br/>".join(lines)
