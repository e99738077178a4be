"""SAMI (.smi, .sami): Microsoft's caption format, often with several languages in one file.

Each language is a CSS class (``.ENUSCC { Name: English; lang: en-US; }``); the file lists them and one is
read: ``ReadOptions.language`` (a class name or a language code), else the first. A cue lasts until the next
SYNC (a SYNC of ``&nbsp;`` ends it). Written with one class, in the document's language.
"""

from __future__ import annotations

import html
import re

from app.core.document import Cue
from app.formats.base import Parsed, ReadOptions, SubtitleFormat, WriteOptions, where_prefix

# every repetition is bounded, so that a damaged file ("<sync <sync <sync...") is read in linear time
_SYNC = re.compile(r"<sync\b[^<>]{0,200}?\bstart\s*=\s*[\"']?(-?\d{1,10})[^<>]{0,200}>", re.IGNORECASE)
_P = re.compile(r"<p\b([^<>]{0,500})>", re.IGNORECASE)
_CLASS_ATTR = re.compile(r"\bclass\s*=\s*[\"']?([\w-]+)", re.IGNORECASE)
_CLASS_RULE = re.compile(r"\.([\w-]{1,100})\s*\{([^{}]{0,2000})\}")
_LANG = re.compile(r"\blang\s*:\s*([\w-]+)", re.IGNORECASE)
_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)
_KEEP = re.compile(r"</?([ibu])\s*>", re.IGNORECASE)
_TAG = re.compile(r"<[^<>]{0,500}>")
_END_BODY = re.compile(r"</body\s*>", re.IGNORECASE)


_SPACE = re.compile(r"\s+")
_END_P = re.compile(r"</p\s*>", re.IGNORECASE)


def _clean(fragment: str) -> str:
    fragment = _SPACE.sub(" ", fragment)
    if "<" in fragment:
        fragment = _BR.sub("\n", fragment)
        fragment = _KEEP.sub(lambda m: f"\x01{m.group(0)[1:-1].strip().lower()}\x02", fragment)
        fragment = _TAG.sub("", fragment).replace("\x01", "<").replace("\x02", ">")
    text = html.unescape(fragment).replace("\u00a0", " ") if "&" in fragment else fragment
    return "\n".join(line.strip() for line in text.split("\n")).strip()


class SamiFormat(SubtitleFormat):
    name, label, extensions = "sami", "SAMI", (".smi", ".sami")
    keeps = frozenset({"markup"})

    def sniff(self, text: str) -> bool:
        return text.lstrip("\ufeff \n")[:6].upper() == "<SAMI>"

    def parse(self, text: str, options: ReadOptions, path: str | None) -> Parsed:
        where = where_prefix(path)
        classes: dict[str, str] = {}  # class -> language code
        for name, rule in _CLASS_RULE.findall(text[: text.upper().find("<BODY") if "<BODY" in text.upper() else 0]):
            lang = _LANG.search(rule)
            classes[name] = lang.group(1) if lang else ""
        syncs = list(_SYNC.finditer(text))
        body_end = _END_BODY.search(text)
        stop = body_end.start() if body_end else len(text)
        entries: list[tuple[int, dict[str, str]]] = []
        for number, sync in enumerate(syncs):
            end = syncs[number + 1].start() if number + 1 < len(syncs) else stop
            content = text[sync.end() : end]
            by_class: dict[str, str] = {}
            paragraphs = list(_P.finditer(content))
            if not paragraphs:
                by_class[""] = _clean(content)
            for index, p in enumerate(paragraphs):
                found = _CLASS_ATTR.search(p.group(1))
                name = found.group(1) if found else ""
                if name and name not in classes:
                    classes[name] = ""
                part_end = paragraphs[index + 1].start() if index + 1 < len(paragraphs) else len(content)
                part = _END_P.sub("", content[p.end() : part_end])
                by_class[name] = _clean(part)
            entries.append((max(int(sync.group(1)), 0), by_class))
        languages = tuple(classes)
        chosen = _choose(options.language, classes)
        cues: list[Cue] = []
        for (start, by_class), later in zip(entries, _next_later([start for start, _ in entries]), strict=True):
            text_ = by_class.get(chosen, by_class.get("", "")) if chosen else next(iter(by_class.values()), "")
            if not text_:
                continue
            # the next later SYNC ends the cue; the last cue has none
            cues.append(Cue(start, later if later is not None else start + 2000 + 60 * len(text_), text_))
        skipped = []
        if len(languages) > 1:
            others = ", ".join(name for name in languages if name != chosen)
            skipped.append(f"{where}read the {chosen} captions; the file also holds {others}")
        return Parsed(cues, skipped, languages=languages)

    def format(self, cues, options: WriteOptions) -> str:
        language = options.header.get("language") or "en"
        parts = [
            '<SAMI>\n<HEAD>\n<TITLE></TITLE>\n<STYLE TYPE="text/css">\n<!--\n'
            "P { margin-left: 8pt; margin-right: 8pt; margin-bottom: 2pt; text-align: center; "
            "font-family: sans-serif; font-size: 20pt; color: white; }\n"
            f".SUBS {{ Name: Subtitles; lang: {language}; }}\n-->\n</STYLE>\n</HEAD>\n<BODY>\n"
        ]
        for number, cue in enumerate(cues):
            lines = [html.escape(line, quote=False) for line in cue.text.split("\n") if line.strip()]
            body = "<br>".join(re.sub(r"&lt;(/?[ibu])&gt;", r"<\1>", line) for line in lines)
            parts.append(f"<SYNC Start={max(cue.start, 0)}><P Class=SUBS>{body}</P></SYNC>\n")
            following = cues[number + 1].start if number + 1 < len(cues) else None
            if following is None or following > cue.end:
                parts.append(f"<SYNC Start={max(cue.end, 0)}><P Class=SUBS>&nbsp;</P></SYNC>\n")
        parts.append("</BODY>\n</SAMI>\n")
        return "".join(parts)


def _next_later(starts: list[int]) -> list[int | None]:
    """For each SYNC, the start of the first SYNC after it that starts later (None: there is none).

    One pass from the end with a stack of the starts still in view, so each start is pushed and popped once:
    linear, where looking ahead from every SYNC was quadratic (200,000 SYNCs took 90 s).
    """
    found: list[int | None] = [None] * len(starts)
    ahead: list[int] = []  # strictly decreasing from the bottom: the candidates for the SYNCs before
    for position in range(len(starts) - 1, -1, -1):
        start = starts[position]
        while ahead and ahead[-1] <= start:
            ahead.pop()
        found[position] = ahead[-1] if ahead else None
        ahead.append(start)
    return found


def _choose(wanted: str | None, classes: dict[str, str]) -> str | None:
    if not classes:
        return None
    if wanted:
        for name, lang in classes.items():
            key = wanted.lower()
            if key in (name.lower(), lang.lower()) or (lang and lang.lower().split("-")[0] == key):
                return name
    return next(iter(classes))
