"""The subtitle formats this application reads and writes, found by name, by extension or by content.

read_subtitles(path)                 -> SubtitleFile (format detected by content, then by extension)
target_format(name, path)            -> the format to write: the one named, else by extension, else SubRip
write_subtitles(path, cues, ...)     -> the messages for what the target format could not keep
"""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import cache

from app.core.document import Cue
from app.core.errors import SubtitleParseError
from app.core.messages import Message
from app.core.styles import SubtitleStyle
from app.formats.base import (
    WORDS_DROPPED,
    ReadOptions,
    SubtitleFile,
    SubtitleFormat,
    WriteOptions,
    dropped_features,
    where_prefix,
)
from app.formats.textio import DecodedText, decode_bytes, read_text, write_text


@cache
def formats() -> tuple[SubtitleFormat, ...]:
    """Every format, in the order lists show them (and content detection tries them)."""
    from app.formats.ass import AssFormat, SsaFormat
    from app.formats.framed import MicroDvdFormat, Mpl2Format, TmpFormat
    from app.formats.sami import SamiFormat
    from app.formats.simple import JsonFormat, SbvFormat, SrtFormat, TextFormat
    from app.formats.ttml import TtmlFormat
    from app.formats.vtt import VttFormat

    return (
        SrtFormat(), VttFormat(), AssFormat(), SsaFormat(), TtmlFormat(), SbvFormat(), SamiFormat(),
        MicroDvdFormat(), Mpl2Format(), TextFormat(), TmpFormat(), JsonFormat(),
    )  # fmt: skip


def by_name(name: str) -> SubtitleFormat:
    key = name.lower().lstrip(".")
    for fmt in formats():
        if fmt.name == key or key in (ext.lstrip(".") for ext in fmt.extensions):
            return fmt
    names = ", ".join(f.name for f in formats())
    raise SubtitleParseError(f"unknown subtitle format '{name}' (known: {names})")


def by_extension(path: str | os.PathLike[str], *, writable: bool = False) -> SubtitleFormat | None:
    suffix = os.path.splitext(os.fspath(path))[1].lower()
    for fmt in formats():
        if suffix in fmt.extensions and (fmt.can_write if writable else fmt.can_read):
            return fmt
    return None


def target_format(name: str | None, path: str | os.PathLike[str] | None = None) -> SubtitleFormat:
    """The format to write: the one named (``--format``, a dialog's choice), else the one the path's extension
    says (when it can be written), else SubRip. The one rule for the window, the command line and the batch queue.
    """
    if name:
        return by_name(name)
    return (by_extension(path, writable=True) if path is not None else None) or by_name("srt")


def readable() -> tuple[SubtitleFormat, ...]:
    return tuple(f for f in formats() if f.can_read)


def writable() -> tuple[SubtitleFormat, ...]:
    return tuple(f for f in formats() if f.can_write)


def detect(text: str, path: str | os.PathLike[str] | None = None) -> SubtitleFormat:
    """The format of a text: its content first (a .srt that is WebVTT is read as WebVTT), then its extension."""
    head = text[:4096]
    for fmt in readable():
        if fmt.sniff(head):
            return fmt
    by_ext = by_extension(path) if path is not None else None
    return by_ext or by_name("srt")  # the tolerant SRT reader finds cues by their timing lines in anything


def read_subtitles(
    path: str | os.PathLike[str],
    encoding: str | None = None,
    *,
    format: str | None = None,
    options: ReadOptions | None = None,
    progress: Callable[[float], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> SubtitleFile:
    """Read a subtitle file of any supported format. Raises SubtitleParseError naming the file (and line).

    ``progress(fraction)`` and ``cancelled()`` are called from the calling thread while the bytes are read (the
    slow part); once ``cancelled()`` is True, ReadCancelled is raised.
    """
    from app.formats.textio import ReadCancelled

    reading = None if progress is None else (lambda fraction: progress(0.8 * fraction))
    decoded = read_text(path, encoding, progress=reading, cancelled=cancelled)
    if cancelled is not None and cancelled():
        raise ReadCancelled(f"{os.fspath(path)}: reading cancelled")
    result = _parse(decoded, os.fspath(path), format, options)
    if progress is not None:
        progress(1.0)
    return result


def read_subtitles_bytes(
    data: bytes, *, name: str | None = None, format: str | None = None, options: ReadOptions | None = None
) -> SubtitleFile:
    """Read subtitles held in memory (an embedded track); ``name`` stands for the file in messages."""
    return _parse(decode_bytes(data, None, path=name), name, format, options)


def _parse(decoded: DecodedText, path: str | None, name: str | None, options: ReadOptions | None) -> SubtitleFile:
    fmt = by_name(name) if name else detect(decoded.text, path)
    if not fmt.can_read:
        raise SubtitleParseError(f"{fmt.label} files can be written, not read", path)
    where = where_prefix(path)
    parsed = fmt.parse(decoded.text, options or ReadOptions(), path)
    if not parsed.cues and decoded.text.strip() and not parsed.header:
        raise SubtitleParseError(f"no subtitles found (read as {fmt.label})", path)
    return SubtitleFile(
        path=path,
        format=fmt.name,
        cues=parsed.cues,
        encoding=decoded.encoding,
        bom=decoded.bom,
        newline=decoded.newline,
        detected=decoded.detected,
        skipped=[where + note for note in decoded.notes] + parsed.skipped,
        header=parsed.header,
        languages=parsed.languages,
        frame_rate=parsed.frame_rate,
        numbers=parsed.numbers,
    )


def format_subtitles(
    cues: list[Cue] | tuple[Cue, ...], fmt: SubtitleFormat, options: WriteOptions | None = None
) -> tuple[str, list[Message]]:
    """The text of ``cues`` in ``fmt``, and what it could not keep."""
    options = options or WriteOptions()
    if not fmt.can_write:
        raise SubtitleParseError(f"{fmt.label} files can be read, not written")
    dropped = dropped_features(cues, fmt, options.header)
    if options.word_times and fmt.word_timing:  # the words' times are in the file, as karaoke or timestamps
        dropped = [m for m in dropped if m.code != WORDS_DROPPED]
    return fmt.format(cues, options), dropped


def write_subtitles(
    path: str | os.PathLike[str],
    cues: list[Cue] | tuple[Cue, ...],
    *,
    format: str | None = None,
    encoding: str = "utf-8",
    bom: bool = False,
    newline: str = "\n",
    options: WriteOptions | None = None,
) -> list[Message]:
    """Write ``cues`` atomically in the named format (default: by the path's extension, else SRT).

    Returns what the format could not keep (empty when nothing was lost).
    """
    fmt = target_format(format, path)
    text, dropped = format_subtitles(cues, fmt, options)
    try:
        write_text(path, text, encoding=encoding, bom=bom, newline=newline)
    except UnicodeEncodeError as exc:
        raise SubtitleParseError(f"cannot be written in {encoding} ({exc.reason}); choose UTF-8", path) from None
    return dropped


def save_like(
    path: str | os.PathLike[str],
    cues: list[Cue] | tuple[Cue, ...],
    source: SubtitleFile,
    style: SubtitleStyle | None = None,
) -> list[Message]:
    """Write ``cues`` back in the format, encoding, BOM, newline and header of the file they came from (with the
    document's ``style``, app.core.styles.SubtitleStyle, as an ASS script's Default style)."""
    options = WriteOptions(fps=source.frame_rate, header=source.header, style=style)
    return write_subtitles(
        path, cues, format=source.format, encoding=source.encoding, bom=source.bom, newline=source.newline,
        options=options,
    )  # fmt: skip
