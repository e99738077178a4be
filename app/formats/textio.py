"""Text files as users have them: any encoding, with or without a BOM, any newline; atomic writes.

Every format reads through :func:`read_text` and writes through :func:`write_text`, so each format
implements only parsing and formatting.
"""

from __future__ import annotations

import codecs
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from app.core.errors import SubtitleParseError

# Longest first: the UTF-32-LE BOM starts with the UTF-16-LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Encodings that subtitle files in the wild are written in, tried by the detector. Order matters only
# for ties. GB18030 is a superset of GBK and GB2312.
LEGACY_ENCODINGS = (
    "cp1252", "cp1250", "cp1251", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257",
    "gb18030", "big5", "shift_jis", "euc_jp", "euc_kr", "cp949", "koi8_r", "iso8859_2", "cp874", "cp1258",
)  # fmt: skip

MAX_TEXT_BYTES = 200 * 1024 * 1024  # no subtitle file is this big; refuse rather than exhaust memory


@dataclass(frozen=True)
class DecodedText:
    text: str  # newlines normalised to "\n"
    encoding: str  # the codec name that decoded the bytes, e.g. "utf-8", "cp1251"
    bom: bool
    newline: str  # the newline the file used most: "\n", "\r\n" or "\r"
    detected: bool  # True when the encoding was guessed rather than known (BOM, valid UTF-8, or user choice)


def _dominant_newline(text: str) -> str:
    crlf = text.count("\r\n")
    cr = text.count("\r") - crlf
    lf = text.count("\n") - crlf
    best = max((crlf, "\r\n"), (lf, "\n"), (cr, "\r"))
    return best[1] if best[0] else "\n"


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _looks_binary(text: str) -> bool:
    """Control characters other than tab and newlines do not occur in subtitle text."""
    if "\x00" in text:
        return True
    sample = text[:65536]
    bad = sum(1 for ch in sample if ch < " " and ch not in "\t\n\r\x0c")
    return bad > max(8, len(sample) // 200)


def _detect(data: bytes) -> str | None:
    from charset_normalizer import from_bytes  # imported only for files that are not UTF

    best = from_bytes(data, cp_isolation=list(LEGACY_ENCODINGS)).best()
    if best is None:
        best = from_bytes(data).best()
    return None if best is None else codecs.lookup(best.encoding).name


def decode_bytes(
    data: bytes, encoding: str | None = None, *, path: str | os.PathLike[str] | None = None
) -> DecodedText:
    """Decode a subtitle file's bytes.

    Order: the user's choice, then a BOM, then strict UTF-8, then a legacy encoding guessed by
    charset-normalizer. Raises SubtitleParseError when nothing gives text.
    """
    if encoding:
        try:
            codec = codecs.lookup(encoding).name
        except LookupError:
            raise SubtitleParseError(f"unknown encoding '{encoding}'", path) from None
        bom = False
        for mark, name in _BOMS:
            if data.startswith(mark) and codecs.lookup(name).name == codecs.lookup(codec).name.replace("-sig", ""):
                data, bom = data[len(mark) :], True
                break
        try:
            text = data.decode(codec)
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            raise SubtitleParseError(f"not valid {encoding} ({exc.reason})", path, line) from None
        return _finish(text, codec, bom, False, path)
    for mark, name in _BOMS:
        if data.startswith(mark):
            try:
                text = data[len(mark) :].decode(name)
            except UnicodeDecodeError as exc:
                raise SubtitleParseError(
                    f"has a {name} byte-order mark but is not valid {name} ({exc.reason})", path
                ) from None
            return _finish(text, name, True, False, path)
    # UTF-16 or UTF-32 without a BOM: ASCII text in them is full of zero bytes (which UTF-8 would accept)
    if len(data) >= 4 and data.count(0) > len(data) // 4:
        for name in ("utf-32-le", "utf-32-be", "utf-16-le", "utf-16-be"):
            try:
                text = data.decode(name)
            except UnicodeDecodeError:
                continue
            if not _looks_binary(text):
                return _finish(text, name, False, True, path)
    try:
        return _finish(data.decode("utf-8"), "utf-8", False, False, path)
    except UnicodeDecodeError:
        pass
    guessed = _detect(data)
    if guessed is None:
        raise SubtitleParseError("not a text file in any known encoding", path)
    return _finish(data.decode(guessed, errors="replace"), guessed, False, True, path)


def _finish(text: str, encoding: str, bom: bool, detected: bool, path: str | os.PathLike[str] | None) -> DecodedText:
    if text.startswith("\ufeff"):  # a second BOM, or one the user's encoding choice kept
        text = text[1:]
        bom = True
    if _looks_binary(text):
        raise SubtitleParseError("not a text file (binary data)", path)
    return DecodedText(_normalise_newlines(text), encoding, bom, _dominant_newline(text), detected)


def read_text(path: str | os.PathLike[str], encoding: str | None = None) -> DecodedText:
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > MAX_TEXT_BYTES:
            raise SubtitleParseError(f"too large for a subtitle file ({size // (1024 * 1024)} MB)", path)
        data = p.read_bytes()
    except IsADirectoryError:
        raise SubtitleParseError("is a folder, not a file", path) from None
    except FileNotFoundError:
        raise SubtitleParseError("no such file", path) from None
    except PermissionError:
        raise SubtitleParseError("permission denied", path) from None
    except OSError as exc:
        raise SubtitleParseError(f"cannot be read ({exc.strerror or exc})", path) from None
    return decode_bytes(data, encoding, path=path)


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Write a file so that a crash leaves either the old file or the new one, never half of either.

    The data goes to a temporary file in the same folder, is flushed to disk, and replaces the target
    in one rename. The target's permissions are kept when it already exists.
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        try:
            os.chmod(tmp_name, target.stat().st_mode & 0o7777)
        except FileNotFoundError:
            os.chmod(tmp_name, 0o666 & ~_umask())
        os.replace(tmp_name, target)
    except BaseException:
        try:
            os.unlink(tmp_name)
        except FileNotFoundError:
            pass
        raise
    _fsync_folder(folder)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _fsync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_text(
    path: str | os.PathLike[str], text: str, *, encoding: str = "utf-8", bom: bool = False, newline: str = "\n"
) -> None:
    """Atomically write text (with "\\n" newlines) in the given encoding, BOM and newline."""
    if newline not in ("\n", "\r\n", "\r"):
        raise ValueError(f"unsupported newline {newline!r}")
    body = text.replace("\n", newline) if newline != "\n" else text
    data = body.encode(encoding)
    if bom:
        data = _bom_for(encoding) + data
    atomic_write_bytes(path, data)


def _bom_for(encoding: str) -> bytes:
    name = codecs.lookup(encoding).name
    return {
        "utf-8": codecs.BOM_UTF8,
        "utf-16-le": codecs.BOM_UTF16_LE,
        "utf-16-be": codecs.BOM_UTF16_BE,
        "utf-32-le": codecs.BOM_UTF32_LE,
        "utf-32-be": codecs.BOM_UTF32_BE,
    }.get(name, b"")
