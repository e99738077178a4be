"""The project file: everything an SRT cannot keep (words with times, flags, the media, settings).

Versioned JSON, written atomically. The media path is stored relative to the project file where it
can be (so a folder moved to another disk still opens) and absolute as a fallback.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from app.core.document import Cue, Document, Word
from app.core.errors import ProjectError
from app.formats.textio import UnreadableFile, atomic_write_bytes, read_user_bytes

FORMAT_NAME = "qwen-subtitle-studio-project"
FORMAT_VERSION = 1
SUFFIX = ".qssproj"


def _cue_to_json(cue: Cue) -> dict[str, Any]:
    data: dict[str, Any] = {"start": cue.start, "end": cue.end, "text": cue.text}
    if cue.words:
        data["words"] = [[w.start, w.end, w.char_start, w.char_end] for w in cue.words]
    for flag in ("edited", "locked", "needs_review"):
        if getattr(cue, flag):
            data[flag] = True
    return data


def _cue_from_json(data: Any, number: int) -> Cue:
    if not isinstance(data, dict):
        raise ProjectError(f"cue {number} is not an object")
    try:
        start, end, text = int(data["start"]), int(data["end"]), str(data["text"])
        words = tuple(Word(int(s), int(e), int(cs), int(ce)) for s, e, cs, ce in data.get("words", ()))
    except (KeyError, TypeError, ValueError) as exc:
        raise ProjectError(f"cue {number} is damaged ({type(exc).__name__}: {exc})") from None
    words = tuple(w for w in words if 0 <= w.char_start <= w.char_end <= len(text))
    return Cue(
        start=start,
        end=end,
        text=text,
        words=words,
        edited=bool(data.get("edited", False)),
        locked=bool(data.get("locked", False)),
        needs_review=bool(data.get("needs_review", False)),
    )


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
        "settings": doc.settings,
        "cues": [_cue_to_json(cue) for cue in doc],
    }


def save_project(doc: Document, path: str | os.PathLike[str]) -> None:
    data = json.dumps(project_json(doc, path), ensure_ascii=False, indent=1).encode("utf-8")
    try:
        atomic_write_bytes(path, data + b"\n")
    except OSError as exc:
        raise ProjectError(f"{os.fspath(path)}: cannot be saved ({exc.strerror or exc})") from None


def _resolve_media(media: Any, project_path: Path) -> str | None:
    if not isinstance(media, dict):
        return None
    relative, absolute = media.get("relative"), media.get("absolute")
    if isinstance(relative, str):
        candidate = (project_path.parent / relative).resolve()
        if candidate.exists() or not isinstance(absolute, str):
            return str(candidate)
    return absolute if isinstance(absolute, str) else None


def load_project(path: str | os.PathLike[str]) -> Document:
    p = Path(path)
    try:
        raw = read_user_bytes(p)  # a regular file only, and within the size limit
    except UnreadableFile as exc:
        raise ProjectError(str(exc)) from None
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ProjectError(f"{p}: not a project file (damaged or not JSON: {exc})") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        raise ProjectError(f"{p}: not a Qwen Subtitle Studio project file")
    version = data.get("version")
    if not isinstance(version, int) or version < 1:
        raise ProjectError(f"{p}: the project file has no valid version number")
    if version > FORMAT_VERSION:
        raise ProjectError(
            f"{p}: saved by a newer version of Qwen Subtitle Studio (project format {version}; "
            f"this version reads up to {FORMAT_VERSION}); please update the application"
        )
    cues_data = data.get("cues", [])
    if not isinstance(cues_data, list):
        raise ProjectError(f"{p}: the project file's cue list is damaged")
    try:
        cues = [_cue_from_json(item, number) for number, item in enumerate(cues_data, start=1)]
    except ProjectError as exc:
        raise ProjectError(f"{p}: {exc}") from None
    settings = data.get("settings") if isinstance(data.get("settings"), dict) else {}
    language = data.get("language") if isinstance(data.get("language"), str) else None
    return Document.from_cues(
        cues, language=language, media_path=_resolve_media(data.get("media"), p), settings=dict(settings)
    )
