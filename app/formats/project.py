"""The project file: everything an SRT cannot keep (words with times, flags, the media, settings).

Versioned JSON, written atomically. The media path is stored relative to the project file where it
can be (so a folder moved to another disk still opens) and absolute as a fallback.
"""

from __future__ import annotations

import json
import math
import os
from pathlib import Path
from typing import Any, TypeGuard

from app.core.doc_settings import DocumentSettings
from app.core.document import Cue, Document, Word, make_extra
from app.core.errors import ProjectError
from app.formats.textio import UnreadableFile, atomic_write_bytes, read_user_bytes, without_lone_surrogates

FORMAT_NAME = "qwen-subtitle-studio-project"
FORMAT_VERSION = 1
SUFFIX = ".qssproj"
MAX_PROJECT_BYTES = 200 * 1024 * 1024  # hours of cues with their words take a few MB
MAX_TIME_MS = 359_999_999  # 99:59:59,999: the longest time an SRT can hold
_MAX_DIGITS = 30  # no number in a project has more: a longer one is damage (and slow to convert, or refused)
_MAX_DEPTH = 32  # settings nest a few levels; deeper ones are dropped rather than walked


def _cue_to_json(cue: Cue) -> dict[str, Any]:
    data: dict[str, Any] = {"start": cue.start, "end": cue.end, "text": cue.text}
    if cue.words:
        data["words"] = [[w.start, w.end, w.char_start, w.char_end] for w in cue.words]
    for flag in ("edited", "locked", "needs_review"):
        if getattr(cue, flag):
            data[flag] = True
    if cue.extra:
        data["extra"] = dict(cue.extra)
    if cue.language:
        data["language"] = cue.language
    if cue.translation:
        data["translation"] = cue.translation
    if cue.translation_review:
        data["translation_review"] = True
    return data


def project_json(doc: Document, project_path: str | os.PathLike[str]) -> dict[str, Any]:
    media: dict[str, str] | None = None
    if doc.media_path:
        absolute = os.path.abspath(doc.media_path)
        media = {"absolute": absolute}
        try:
            media["relative"] = os.path.relpath(absolute, os.path.dirname(os.path.abspath(project_path)))
        except ValueError:  # another drive on Windows
            pass
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "language": doc.language,
        "media": media,
        "settings": doc.settings.as_json(),
        "cues": [_cue_to_json(cue) for cue in doc],
    }


def project_bytes(data: dict[str, Any]) -> bytes:
    """The file's bytes; a text the user cannot have typed (a lone surrogate) is written as U+FFFD, never refused."""
    return without_lone_surrogates(json.dumps(data, ensure_ascii=False, indent=1)).encode("utf-8") + b"\n"


def save_project(doc: Document, path: str | os.PathLike[str]) -> None:
    try:
        atomic_write_bytes(path, project_bytes(project_json(doc, path)))
    except OSError as exc:
        raise ProjectError(f"{os.fspath(path)}: cannot be saved ({exc.strerror or exc})") from None


def load_project(path: str | os.PathLike[str]) -> Document:
    """Read a project file. Raises ProjectError (one line naming the file and the field), never anything else."""
    return parse_project(read_project_json(path), path)


def read_project_json(path: str | os.PathLike[str]) -> dict[str, Any]:
    """The file's JSON object, checked to be one of our project files of a version this one reads."""
    p = Path(path)
    try:
        raw = read_user_bytes(p)  # a regular file only, and within the size limit
    except UnreadableFile as exc:
        raise ProjectError(str(exc)) from None
    try:
        data = json.loads(raw.decode("utf-8-sig"), parse_int=_parse_int)
    except RecursionError:
        raise ProjectError(f"{p}: not a project file (damaged: nested too deeply)") from None
    except (UnicodeDecodeError, ValueError) as exc:  # JSONDecodeError is a ValueError
        raise ProjectError(f"{p}: not a project file (damaged or not JSON: {exc})") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        raise ProjectError(f"{p}: not a Qwen Subtitle Studio project file")
    version = data.get("version")
    if not _is_int(version) or version < 1:
        raise ProjectError(f"{p}: the project file has no valid version number")
    if version > FORMAT_VERSION:
        raise ProjectError(
            f"{p}: saved by a newer version of Qwen Subtitle Studio (project format {version}; "
            f"this version reads up to {FORMAT_VERSION}); please update the application"
        )
    return data


def parse_project(data: dict[str, Any], path: str | os.PathLike[str]) -> Document:
    """The document in a project file's JSON. Cues must be sound (else ProjectError naming the cue and the
    field); what only decorates them (words, flags, language, media, settings) falls back to a safe default."""
    p = Path(path)
    cues_data = data.get("cues", [])
    if not isinstance(cues_data, list):
        raise ProjectError(f"{p}: 'cues' is damaged (a list is expected, not {_kind(cues_data)})")
    try:
        cues = [_cue_from_json(item, number) for number, item in enumerate(cues_data, start=1)]
    except ProjectError as exc:
        raise ProjectError(f"{p}: {exc}") from None
    settings = DocumentSettings.from_json(_clean_json(data.get("settings"), 0))  # migrated, damage dropped
    return Document.from_cues(
        cues, language=_clean_name(data.get("language")), media_path=_resolve_media(data.get("media"), p),
        settings=settings,
    )  # fmt: skip


def _cue_from_json(data: Any, number: int) -> Cue:
    if not isinstance(data, dict):
        raise ProjectError(f"cue {number} is damaged (an object is expected, not {_kind(data)})")
    where = f"cue {number} is damaged"
    start, end = _time(data, "start", where), _time(data, "end", where)
    text = data.get("text")
    if not isinstance(text, str):
        missing = "is missing" if "text" not in data else f"is {_kind(text)}, not text"
        raise ProjectError(f"{where}: 'text' {missing}")
    text = without_lone_surrogates(text)
    return Cue(
        start=start,
        end=end,
        text=text,
        words=_words(data.get("words"), len(text)),
        edited=data.get("edited") is True,
        locked=data.get("locked") is True,
        needs_review=data.get("needs_review") is True,
        extra=_extra(data.get("extra")),
        language=_cue_language(data.get("language")),
        translation=_translation(data.get("translation")),
        translation_review=data.get("translation_review") is True,
    )


def _translation(value: Any) -> str:
    """A cue's translation (projects before translations have none); damage reads as none."""
    return without_lone_surrogates(value) if isinstance(value, str) else ""


def _cue_language(value: Any) -> str:
    """A cue's language name (projects before it was kept have none: ""); damage reads as not known."""
    if not isinstance(value, str) or len(value) > 64 or not value.strip():
        return ""
    return without_lone_surrogates(value.strip())


def _extra(value: Any) -> tuple[tuple[str, str], ...]:
    """A cue's format fields (style, speaker, position): text keys to text values; anything else is dropped."""
    if not isinstance(value, dict):
        return ()
    pairs = {
        without_lone_surrogates(k): without_lone_surrogates(v)
        for k, v in value.items()
        if isinstance(k, str) and isinstance(v, str) and len(k) <= 64 and len(v) <= 100_000
    }
    return make_extra(pairs)


def _time(data: dict[str, Any], key: str, where: str) -> int:
    if key not in data:
        raise ProjectError(f"{where}: '{key}' is missing")
    value = data[key]
    if not _is_number(value):
        raise ProjectError(f"{where}: '{key}' is {_kind(value)}, not a time in milliseconds")
    if not 0 <= value <= MAX_TIME_MS:
        raise ProjectError(f"{where}: '{key}' is out of range ({value:g} ms; 0 to {MAX_TIME_MS} allowed)")
    return round(value)


def _words(value: Any, text_length: int) -> tuple[Word, ...]:
    """Word timings are derived data: a damaged one is dropped (realignment makes it again)."""
    if not isinstance(value, list):
        return ()
    words = []
    for item in value:
        if (
            isinstance(item, list)
            and len(item) == 4
            and all(_is_int(x) for x in item)
            and 0 <= item[0] <= item[1] <= MAX_TIME_MS
            and 0 <= item[2] <= item[3] <= text_length
        ):
            words.append(Word(*item))
    return tuple(words)


def _clean_json(value: Any, depth: int) -> Any:
    """Settings as JSON can hold them, minus what cannot be saved again or is nested past reason."""
    if depth > _MAX_DEPTH:
        return None
    if isinstance(value, str):
        return without_lone_surrogates(value)
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, list):
        return [_clean_json(item, depth + 1) for item in value]
    if isinstance(value, dict):
        return {without_lone_surrogates(k): _clean_json(v, depth + 1) for k, v in value.items()}
    return None if isinstance(value, _HugeNumber) else value


def _clean_name(value: Any) -> str | None:
    """A language or a path: text that a file system and a label can take, else nothing."""
    if not isinstance(value, str) or not value or "\x00" in value or len(value) > 4096:
        return None
    return without_lone_surrogates(value)


def _resolve_media(media: Any, project_path: Path) -> str | None:
    if not isinstance(media, dict):
        return None
    relative, absolute = _clean_name(media.get("relative")), _clean_name(media.get("absolute"))
    if relative is not None:
        try:
            candidate = (project_path.parent / relative).resolve()
            if candidate.exists() or absolute is None:
                return str(candidate)
        except (OSError, ValueError, RuntimeError):  # a name the file system refuses, a loop of links
            pass
    return absolute


class _HugeNumber:
    """An integer of more digits than any project holds, kept unconverted so that the field it sits in is named."""

    def __init__(self, digits: int) -> None:
        self.digits = digits


def _parse_int(text: str) -> int | _HugeNumber:
    return int(text) if len(text) <= _MAX_DIGITS else _HugeNumber(len(text))


def _is_int(value: Any) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: Any) -> TypeGuard[int | float]:
    return _is_int(value) or (isinstance(value, float) and math.isfinite(value))


def _kind(value: Any) -> str:
    """What a JSON value is, as a message says it."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, _HugeNumber):
        return f"a number of {value.digits} digits"
    if isinstance(value, (int, float)):
        return f"the number {value:g}" if math.isfinite(value) else "NaN" if math.isnan(value) else "infinite"
    if isinstance(value, str):
        return "text"
    return "a list" if isinstance(value, list) else "an object"
