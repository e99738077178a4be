"""Recovery files: a project file with a ``recovery`` entry saying where the unsaved work came from.

The window writes one while there is unsaved work and offers it after a crash (app/ui/autosave.py). Reading
is here, without Qt, so that any file found in the recovery folder can be tested: it is either read in
whole (the document and the entry, each field checked) or refused with a ProjectError, never anything else.
A file that is refused is set aside under another name, never deleted: the user is told where it is.
"""

from __future__ import annotations

import math
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.core.document import Document
from app.core.errors import ProjectError
from app.formats.project import parse_project, project_bytes, project_json, read_project_json

PREFIX = "recovery-"
SUFFIX = ".qssproj"
SET_ASIDE_PREFIX = "unreadable-"  # set-aside files no longer match PREFIX: never offered again
_LATEST_TIME = 4_102_444_800.0  # 2100-01-01: a later time is damage


@dataclass(frozen=True)
class RecoveryFile:
    document: Document
    saved_at: float  # seconds since the epoch; the file's own time when the entry's is unusable
    subtitle_path: str | None
    project_path: str | None


def recovery_bytes(
    doc: Document,
    path: str | os.PathLike[str],
    *,
    subtitle_path: str | None,
    project_path: str | None,
    typing: tuple[int, str] | None = None,
) -> bytes:
    """The recovery file for `doc`; `typing` is (cue index, text) typed but not yet in the document."""
    data = project_json(doc, path)
    if typing is not None:
        index, text = typing
        data["cues"][index].update(text=text, edited=True)
        data["cues"][index].pop("words", None)  # their character positions belong to the old text
    data["recovery"] = {
        "pid": os.getpid(),
        "saved_at": time.time(),
        "subtitle_path": subtitle_path,
        "project_path": project_path,
    }
    return project_bytes(data)


PRIVATE_FILE, PRIVATE_FOLDER = 0o600, 0o700  # unsaved work is readable by its owner only, as cache entries are


def write_recovery(path: str | os.PathLike[str], data: bytes) -> None:
    """Write a recovery file (atomically) that only its owner can read. Raises OSError naming the file."""
    from app.formats.atomic import atomic_write_bytes

    atomic_write_bytes(path, data, mode=PRIVATE_FILE)


def make_recovery_folder(folder: str | os.PathLike[str]) -> None:
    """The recovery folder, made private when it is new (an existing one keeps its permissions). Raises OSError."""
    os.makedirs(folder, mode=PRIVATE_FOLDER, exist_ok=True)


def read_recovery(path: str | os.PathLike[str]) -> RecoveryFile:
    """Read a recovery file whole. Raises ProjectError (one line naming the file and the field), nothing else."""
    p = Path(path)
    data = read_project_json(p)
    meta = data.get("recovery")
    if not isinstance(meta, dict):
        raise ProjectError(f"{p}: 'recovery' is damaged (an object is expected)")
    document = parse_project(data, p)
    saved_at = meta.get("saved_at")
    if isinstance(saved_at, bool) or not isinstance(saved_at, (int, float)) or not _plausible_time(saved_at):
        saved_at = _modified(p)
    subtitle_path, project_path = _path_field(meta, "subtitle_path"), _path_field(meta, "project_path")
    return RecoveryFile(document, float(saved_at), subtitle_path, project_path)


def set_aside(path: str | os.PathLike[str]) -> Path:
    """Rename a recovery file that cannot be read, so that it is kept but not offered again. Raises OSError."""
    p = Path(path)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    for attempt in range(100):
        suffix = f"-{attempt}" if attempt else ""
        target = p.with_name(f"{SET_ASIDE_PREFIX}{p.stem}-{stamp}{suffix}{SUFFIX}")
        if not os.path.lexists(target):
            os.rename(p, target)
            return target
    raise FileExistsError(f"{p}: no free name to set it aside")


def _plausible_time(value: float) -> bool:
    return math.isfinite(value) and 0 <= value <= _LATEST_TIME


def _modified(path: Path) -> float:
    try:
        mtime = os.stat(path).st_mtime
    except OSError:
        return 0.0
    return mtime if _plausible_time(mtime) else 0.0


def _path_field(meta: dict[str, Any], key: str) -> str | None:
    value = meta.get(key)
    if not isinstance(value, str) or not value or "\x00" in value or len(value) > 4096:
        return None
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: no file system has such a name
        return None
    return value
