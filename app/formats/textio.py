"""Text files as users have them: any encoding, with or without a BOM, any newline; atomic writes.

Every format reads through :func:`read_text` and writes through :func:`write_text`, so each format
implements only parsing and formatting.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from app.core.errors import AppError, SubtitleParseError
from app.formats.atomic import atomic_write_bytes

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

MAX_TEXT_BYTES = 200 * 1024 * 1024  # no subtitle or project file is this big; refuse rather than exhaust memory


# Every encoding the detector weighs: the list above, the ISO pages that differ from their Windows cousins in
# the letters (Polish and Czech in ISO-8859-2 are mangled by cp1250), and the DOS pages.
_CANDIDATES = (
    "utf-8", "cp1252", "cp1250", "cp1251", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "cp1258",
    "iso8859_2", "iso8859_5", "iso8859_6", "iso8859_7", "iso8859_8", "iso8859_9", "iso8859_13", "iso8859_15",
    "koi8_r", "koi8_u", "cp866", "cp850", "cp874",
    "gb18030", "big5", "big5hkscs", "shift_jis", "cp932", "euc_jp", "euc_kr", "cp949", "latin_1",
)  # fmt: skip

# non-ASCII characters that are not letters but are ordinary in subtitle text
_PUNCTUATION = set(
    "\u2018\u2019\u201a\u201c\u201d\u201e\u2026\u2013\u2014\u2015\u00ab\u00bb\u2039\u203a\u00a1\u00bf\u00b0\u20ac"
    "\u00a3\u00a5\u00a9\u00ae\u2122\u2022\u00b7\u00a7\u00a0\u00d7\u00f7\u266a\u266b\u200b\u200c\u200d\u200e\u200f"
    "\u060c\u061b\u061f\u066a\u066b\u066c\u06d4\u3000\u3001\u3002\u300c\u300d\u300e\u300f\u300a\u300b\u3008\u3009"
    "\u301c\u30fb\u30fc\uff01\uff08\uff09\uff0c\uff0e\uff1a\uff1b\uff1f\uff5e\u2032\u2033\u00b2\u00b3\u00bd\u00bc"
)
_WORD_BREAK = re.compile(r"[\s!-&(-/:-@\[-`{-~]+")  # whitespace and ASCII punctuation except the apostrophe


@dataclass(frozen=True)
class DecodedText:
    text: str  # newlines normalised to "\n"
    encoding: str  # the codec name that decoded the bytes, e.g. "utf-8", "cp1251"
    bom: bool
    newline: str  # the newline the file used most: "\n", "\r\n" or "\r"
    detected: bool  # True when the encoding was guessed rather than known (BOM, valid UTF-8, or user choice)
    notes: tuple[str, ...] = ()  # what was repaired on the way: stray bytes, NUL padding


def _newlines(text: str) -> tuple[str, str]:
    """The text with "\\n" newlines, and the newline the file used most: "\\n", "\\r\\n" or "\\r" ("\\n" when none).

    Counted as the replacing goes (a 46 MB file: 0.3 s of counting and replacing before, none for a file without
    "\\r", one replace and one count for a Windows one)."""
    if "\r" not in text:
        return text, "\n"
    joined = text.replace("\r\n", "\n")
    crlf = len(text) - len(joined)
    cr = joined.count("\r") if "\r" in joined else 0
    normalised = joined.replace("\r", "\n") if cr else joined
    lf = normalised.count("\n") - crlf - cr
    best = max((crlf, "\r\n"), (lf, "\n"), (cr, "\r"))
    return normalised, best[1] if best[0] else "\n"


def _looks_binary(text: str) -> bool:
    """Control characters other than tab and newlines do not occur in subtitle text."""
    if "\x00" in text:
        return True
    sample = text[:65536]
    bad = sum(1 for ch in sample if ch < " " and ch not in "\t\n\r\x0c\x1a")
    return bad > max(8, len(sample) // 200)


def _script(ch: str) -> str:
    code = ord(ch)
    if code < 0x250 or 0x1E00 <= code < 0x1F00:
        return "latin"
    if 0x370 <= code < 0x400 or 0x1F00 <= code < 0x2000:
        return "greek"
    if 0x400 <= code < 0x530:
        return "cyrillic"
    if 0x590 <= code < 0x600 or 0xFB1D <= code < 0xFB50:
        return "hebrew"
    if 0x600 <= code < 0x700 or 0xFB50 <= code < 0xFF00:
        return "arabic"
    if 0xE00 <= code < 0xE80:
        return "thai"
    if 0x2E80 <= code < 0xA000 or 0xAC00 <= code < 0xD7B0 or 0xF900 <= code < 0xFB00 or 0xFF00 <= code < 0xFFF0:
        return "cjk"
    return "other"


def _implausibility(text: str) -> float:
    """How much a decoding looks like mojibake: symbols inside words, scripts mixed in a word, "wOrD" casing."""
    penalty = 0.0
    for word in _WORD_BREAK.split(text):
        if word.isascii():
            continue
        scripts = set()
        previous = ""
        for ch in word:
            if ch.isascii():
                if ch.isalpha():
                    scripts.add("latin")
            elif ch.isalpha():
                scripts.add(_script(ch))
                if 0xFF61 <= ord(ch) <= 0xFF9F:  # half-width katakana: what EUC-JP read as Shift-JIS looks like
                    penalty += 0.5
                if ch.isupper() and previous.islower():
                    penalty += 1
            elif unicodedata.category(ch)[0] == "M":
                if _script(ch) != "other":  # Hebrew points or Thai vowels on a Latin letter
                    scripts.add(_script(ch))
            elif unicodedata.category(ch)[0] != "N" and ch not in _PUNCTUATION:
                # C1 controls never occur in text; ¶ ± ¤ ¦ in a word are what code-page mix-ups leave
                penalty += 3 if "\x80" <= ch <= "\x9f" else 1 if ch < "\u0300" else 0.5
            previous = ch
        if len(scripts) > 1:
            # "Hour의" or "用Python" happen in East Asian text; Cyrillic letters in a French word do not
            weight = 0.25 if scripts == {"latin", "cjk"} else 1
            penalty += weight * sum(1 for ch in word if not ch.isascii())
    return penalty


def _sample(data: bytes, limit: int = 12000) -> bytes:
    """Lines with non-ASCII bytes, up to about `limit` bytes: what tells the encodings apart."""
    picked: list[bytes] = []
    size = 0
    # a megabyte at a time, cut after a newline, and only as far as needed: a 50 MB file is not split whole
    for chunk in _chunks_of_lines(data, 1 << 20):
        if chunk.isascii():
            continue
        for line in chunk.splitlines():
            if not line.isascii():
                picked.append(line)
                size += len(line) + 1
                if size > limit:
                    return b"\n".join(picked)
    return b"\n".join(picked)


def _chunks_of_lines(data: bytes, size: int) -> Iterator[bytes]:
    start = 0
    while start < len(data):
        end = data.find(b"\n", min(start + size, len(data)) - 1)
        end = len(data) if end < 0 else end + 1
        yield data[start:end]
        start = end


_ASCII_BYTES = bytes(range(128))
# the candidates that are not one byte per character; for the others, which bytes occur decides
_MULTIBYTE = {"utf-8", "gb18030", "big5", "big5hkscs", "shift_jis", "cp932", "euc_jp", "euc_kr", "cp949"}


def _decodable(data: bytes, name: str, high: bytes) -> bool:
    """Whether ``data`` decodes in codec ``name`` without error; ``high``: each non-ASCII byte of it, once.

    Fast on a large file: a single-byte code page is asked about the distinct bytes only, and a multi-byte one
    first about the first megabyte (most fail within it), then about the whole.
    """
    try:
        if name not in _MULTIBYTE:
            high.decode(name)
            return True
        codecs.getincrementaldecoder(name)().decode(data[: 1 << 20], final=False)
        data.decode(name)
    except UnicodeDecodeError:
        return False
    return True


def _ranked_by_detectors(data: bytes) -> tuple[list[str], dict[str, float]]:
    """Codec names in the order the statistical detectors like them (chardet, then charset-normalizer), and
    chardet's confidence in every codec it weighed, however small."""
    names: list[str] = []
    confidence: dict[str, float] = {}
    try:
        import chardet  # a dependency of pysrt

        for guess in chardet.detect_all(data[:200_000], ignore_threshold=True):
            encoding = guess.get("encoding")
            if not encoding:
                continue
            if guess.get("confidence", 0) >= 0.03:  # below that it is a shrug
                names.append(encoding)
            try:
                confidence.setdefault(codecs.lookup(encoding).name, guess.get("confidence", 0.0))
            except LookupError:
                pass
    except Exception:  # absent, or an old version: the next detector answers
        pass
    try:
        from charset_normalizer import from_bytes

        matches = [match for match in from_bytes(data[:200_000]) if match.coherence > 0]
        names.extend(match.encoding for match in sorted(matches, key=lambda match: -match.coherence))
    except Exception:  # a detector that fails only leaves the ranking shorter
        pass
    ranked: list[str] = []
    for name in names:
        try:
            codec = codecs.lookup(name).name
        except LookupError:
            continue
        if codec not in ranked:
            ranked.append(codec)
    return ranked, confidence


def _detect(data: bytes) -> str | None:
    """The legacy encoding that decodes `data` into the most plausible text.

    Every candidate that decodes the whole file is scored for mojibake on the lines that are not ASCII; among
    those that score (nearly) best, the statistical detectors' ranking decides: it knows Turkish ı from ý and
    Hebrew from Thai, and the score keeps it from Latvian or Cyrillic guesses for a French file.
    """
    sample = _sample(data)
    non_ascii = data.translate(None, _ASCII_BYTES)
    high = bytes(byte for byte in range(128, 256) if byte in non_ascii)
    scored: list[tuple[float, str]] = []
    for name in _CANDIDATES:
        if not _decodable(data, name, high):
            continue
        scored.append((_implausibility(sample.decode(name)), codecs.lookup(name).name))
    if not scored:
        return None
    best = min(score for score, _ in scored)
    margin = max(1.0, 0.01 * sum(1 for byte in sample if byte > 0x7F))
    close = [name for score, name in scored if score < best + margin]
    if len(close) == 1:
        return close[0]
    for iso, windows in _WINDOWS_COUSINS.items():  # same letters: the Windows page is what subtitle tools write
        if iso in close and windows in close:
            close.remove(iso)
    if len(close) == 1:
        return close[0]
    ranked, confidence = _ranked_by_detectors(data)
    choice = min(close, key=lambda name: (ranked.index(name) if name in ranked else len(ranked), close.index(name)))
    # On a short or repetitive file chardet's confidences are a few hundredths apart and rank Baltic, Central
    # European or Urdu pages over cp1252 for plain French ("plaît" read as "plaīt"). Windows-1252 is what most
    # legacy subtitles are written in: it stays unless a detector clearly prefers another page. Its ð and þ
    # (where cp1254 and cp1257 keep ş and š) are left to the detectors.
    if (
        choice != "cp1252"
        and "cp1252" in close
        and confidence.get(choice, 0.0) < _CLEARLY_PREFERRED * confidence.get("cp1252", 0.0)
        and not _ICELANDIC.search(sample.decode("cp1252"))
    ):
        return "cp1252"
    return choice


_CLEARLY_PREFERRED = 1.5  # how much more confident a detector must be in another page than in cp1252
_ICELANDIC = re.compile("[\u00d0\u00de\u00f0\u00fe]")  # Ð Þ ð þ


_WINDOWS_COUSINS = {
    "iso8859-6": "cp1256", "iso8859-8": "cp1255", "iso8859-7": "cp1253", "iso8859-9": "cp1254",
    "iso8859-13": "cp1257", "iso8859-15": "cp1252", "latin-1": "cp1252", "iso8859-1": "cp1252",
}  # fmt: skip


def _mostly_utf8(data: bytes) -> tuple[str, int] | None:
    """UTF-8 with a few stray legacy bytes (a line typed in another editor): the text, and how many bytes strayed.

    Returns None unless the valid multi-byte sequences clearly outnumber the invalid bytes.
    """
    text = data.decode("utf-8", errors="surrogateescape")
    # counted without a loop over the characters: a stray byte decodes to one surrogate that re-encodes to 3 bytes
    stray = (len(text.encode("utf-8", errors="surrogatepass")) - len(data)) // 2
    ascii_chars = len(data) - len(data.translate(None, _ASCII_BYTES))
    good = len(text) - ascii_chars - stray
    if good < 3 or good < 2 * stray:
        return None
    return _STRAY.sub(lambda match: _stray_byte(match.group()), text), stray


_STRAY = re.compile("[\udc80-\udcff]")


def _stray_byte(ch: str) -> str:
    byte = bytes([ord(ch) - 0xDC00])
    try:
        return byte.decode("cp1252")
    except UnicodeDecodeError:
        return byte.decode("latin-1")


def _decode_utf8_or_legacy(data: bytes, bom: bool, path: str | os.PathLike[str] | None) -> DecodedText:
    try:
        return _finish(data.decode("utf-8"), "utf-8", bom, False, path)
    except UnicodeDecodeError as exc:
        first_bad_line = data[: exc.start].count(b"\n") + 1
    mixed = _mostly_utf8(data)
    if mixed is not None:
        text, stray = mixed
        note = f"line {first_bad_line}: {stray} byte(s) that are not UTF-8 were read as cp1252"
        return _finish(text, "utf-8", bom, True, path, (note,))
    guessed = _detect(data)
    if guessed is None:
        raise SubtitleParseError("not a text file in any known encoding", path)
    return _finish(data.decode(guessed, errors="replace"), guessed, bom, True, path)


def _utf16_or_32(data: bytes) -> tuple[str, str] | None:
    """Text of UTF-16 or UTF-32 without a byte-order mark: ASCII in them puts zero bytes at fixed positions."""
    core = data.rstrip(b"\x00")
    if len(core) < 4:
        return None
    for unit, names in ((4, ("utf-32-le", "utf-32-be")), (2, ("utf-16-le", "utf-16-be"))):
        padded = core + b"\x00" * (-len(core) % unit)
        lanes = [padded[i::unit].count(0) for i in range(unit)]
        chunks = len(padded) // unit
        if unit == 4:
            candidates = []
            if min(lanes[1:]) > chunks // 2 and lanes[0] < chunks // 8:
                candidates.append(names[0])
            if min(lanes[:3]) > chunks // 2 and lanes[3] < chunks // 8:
                candidates.append(names[1])
        else:
            candidates = []
            if lanes[1] > chunks // 4 and lanes[0] < lanes[1] // 4:
                candidates.append(names[0])
            if lanes[0] > chunks // 4 and lanes[1] < lanes[0] // 4:
                candidates.append(names[1])
        for name in candidates:
            try:
                text = padded.decode(name).rstrip("\x00")
            except UnicodeDecodeError:
                continue
            if not _looks_binary(text):
                return text, name
    return None


def decode_bytes(
    data: bytes, encoding: str | None = None, *, path: str | os.PathLike[str] | None = None
) -> DecodedText:
    """Decode a subtitle file's bytes.

    Order: the user's choice, then a BOM, then UTF-16/32 without one, then strict UTF-8, then UTF-8 with a few
    stray legacy bytes, then the most plausible legacy encoding. Raises SubtitleParseError when nothing gives
    text.
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
            if name == "utf-8":  # a BOM written by an editor in front of text that is not all UTF-8
                return _decode_utf8_or_legacy(data[len(mark) :], True, path)
            try:
                text = data[len(mark) :].decode(name)
            except UnicodeDecodeError as exc:
                raise SubtitleParseError(
                    f"has a {name} byte-order mark but is not valid {name} ({exc.reason})", path
                ) from None
            return _finish(text.rstrip("\x00"), name, True, False, path)
    if data.count(0) > len(data) // 4:
        wide = _utf16_or_32(data)
        if wide is not None:
            return _finish(wide[0], wide[1], False, True, path)
    notes: tuple[str, ...] = ()
    stripped = data.rstrip(b"\x00")
    if len(stripped) < len(data):
        notes = (f"{len(data) - len(stripped)} NUL byte(s) of padding at the end were ignored",)
        data = stripped
    inner = data.count(0)
    if inner and inner <= max(2, len(data) // 1000):  # a few stray NULs in a text file: damage, not content
        line = data[: data.index(0)].count(b"\n") + 1
        notes += (f"line {line}: {inner} NUL byte(s) were removed",)
        data = data.replace(b"\x00", b"")
    result = _decode_utf8_or_legacy(data, False, path)
    return replace(result, notes=notes + result.notes) if notes else result


def _finish(
    text: str,
    encoding: str,
    bom: bool,
    detected: bool,
    path: str | os.PathLike[str] | None,
    notes: tuple[str, ...] = (),
) -> DecodedText:
    if text.startswith("\ufeff"):  # a second BOM, or one the user's encoding choice kept
        text = text[1:]
        bom = True
    if "\ufeff" in text:  # files joined together keep each one's BOM: invisible, and it hides index numbers
        text = text.replace("\ufeff", "")
    if _looks_binary(text):
        raise SubtitleParseError("not a text file (binary data)", path)
    text = _without_eof_mark(text)
    normalised, newline = _newlines(text)
    return DecodedText(normalised, encoding, bom, newline, detected, notes)


def _without_eof_mark(text: str) -> str:
    """The text without the DOS end-of-file mark (Ctrl+Z) old editors wrote, and whatever blank follows it.

    Scanned back from the end by hand: a regular expression searched for it at every Ctrl+Z of the file.
    """
    end = len(text)
    cut = None
    while end and (text[end - 1].isspace() or text[end - 1] == "\x1a"):
        end -= 1
        if text[end] == "\x1a":
            cut = end
    return text if cut is None else text[:cut]


class UnreadableFile(AppError):
    """A user's file that is refused before or while its bytes are read. ``str()`` names the file."""

    def __init__(self, path: str | os.PathLike[str], reason: str):
        self.path, self.reason = os.fspath(path), reason
        super().__init__(f"{self.path}: {reason}")


class ReadCancelled(AppError):
    """The caller's ``cancelled()`` returned True while a file was read. Nothing is wrong with the file."""


_READ_CHUNK = 4 * 1024 * 1024


def _kind_of(mode: int) -> str | None:
    """Why a file of this mode is not read (None: a regular file, which is read)."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "is a folder, not a file"
    if stat.S_ISFIFO(mode):
        return "is a named pipe, not a regular file; only regular files are read"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "is a device, not a regular file; only regular files are read"
    if stat.S_ISSOCK(mode):
        return "is a socket, not a regular file; only regular files are read"
    return "is not a regular file; only regular files are read"


def read_user_bytes(
    path: str | os.PathLike[str],
    *,
    limit: int = MAX_TEXT_BYTES,
    progress: Callable[[float], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> bytes:
    """The bytes of a file a user named (subtitles, a project, a recovery file): the one place they are read.

    Only a regular file is read (a symlink counts as what it points to): a named pipe would block forever and
    /dev/zero or /dev/urandom would fill the memory. At most ``limit`` bytes are read, even from a file that grows
    while it is read. ``progress(fraction)`` and ``cancelled()`` are called between chunks of a few MB; once
    ``cancelled()`` is True, ReadCancelled is raised. Every refusal is an UnreadableFile naming the file.
    """
    try:
        reason = _kind_of(os.stat(path).st_mode)  # before opening: opening some devices already does something
        if reason is not None:
            raise UnreadableFile(path, reason)
        # non-blocking, in case the path was swapped for a pipe since: then fstat below refuses it
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise UnreadableFile(path, "no such file") from None
    except PermissionError:
        raise UnreadableFile(path, "permission denied") from None
    except OSError as exc:
        raise UnreadableFile(path, f"cannot be read ({exc.strerror or exc})") from None
    try:
        info = os.fstat(fd)
        reason = _kind_of(info.st_mode)
        if reason is not None:
            raise UnreadableFile(path, reason)
        too_large = f"is too large ({{}} MB; files over {limit // (1024 * 1024)} MB are not read)"
        if info.st_size > limit:
            raise UnreadableFile(path, too_large.format(info.st_size // (1024 * 1024)))
        chunks: list[bytes] = []
        total = 0
        while True:
            if cancelled is not None and cancelled():
                raise ReadCancelled(f"{os.fspath(path)}: reading cancelled")
            chunk = os.read(fd, min(_READ_CHUNK, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:  # it grew while we read it, or stat did not tell its size
                raise UnreadableFile(path, too_large.format(f"over {limit // (1024 * 1024)}"))
            if progress is not None and info.st_size:
                progress(min(total / info.st_size, 1.0))
    except OSError as exc:
        raise UnreadableFile(path, f"cannot be read ({exc.strerror or exc})") from None
    finally:
        os.close(fd)
    return b"".join(chunks)


def read_text(
    path: str | os.PathLike[str],
    encoding: str | None = None,
    *,
    progress: Callable[[float], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> DecodedText:
    """Read and decode a text file a user named; ``progress`` reaches 1.0 once its bytes are read."""
    try:
        data = read_user_bytes(path, progress=progress, cancelled=cancelled)
    except UnreadableFile as exc:
        raise SubtitleParseError(exc.reason, path) from None
    return decode_bytes(data, encoding, path=path)


def write_text(
    path: str | os.PathLike[str], text: str, *, encoding: str = "utf-8", bom: bool = False, newline: str = "\n"
) -> None:
    """Atomically write text (with "\\n" newlines) in the given encoding, BOM and newline."""
    if newline not in ("\n", "\r\n", "\r"):
        raise ValueError(f"unsupported newline {newline!r}")
    body = text.replace("\n", newline) if newline != "\n" else text
    try:
        data = body.encode(encoding)
    except UnicodeEncodeError:
        if not codecs.lookup(encoding).name.startswith("utf"):
            raise
        data = without_lone_surrogates(body).encode(encoding)  # the one text UTF cannot encode: half of a pair
    if bom:
        data = _bom_for(encoding) + data
    atomic_write_bytes(path, data)


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def without_lone_surrogates(text: str) -> str:
    """`text` with each lone surrogate (JSON can spell one: "\\ud800") as U+FFFD, so that it can be encoded."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return _LONE_SURROGATE.sub("\ufffd", text)
    return text


def _bom_for(encoding: str) -> bytes:
    name = codecs.lookup(encoding).name
    return {
        "utf-8": codecs.BOM_UTF8,
        "utf-16-le": codecs.BOM_UTF16_LE,
        "utf-16-be": codecs.BOM_UTF16_BE,
        "utf-32-le": codecs.BOM_UTF32_LE,
        "utf-32-be": codecs.BOM_UTF32_BE,
    }.get(name, b"")
