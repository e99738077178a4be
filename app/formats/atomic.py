"""Atomic file writes: a crash, a kill or a full disk leaves either the old file or the new one, never half.

The data goes to a temporary file beside the target (``.NAME.xxxxxxxx.tmp``), is flushed to disk and
replaces the target in one rename. What the user chose is what gets written: a symbolic link is followed
(the file it points to is replaced, the link stays), a read-only file is refused, and every error names
the target, never the temporary file. Temporary files that a killed write left behind are removed on the
next write to the same folder, but only stale ones: a write in progress holds a lock on its temporary file.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import tempfile
import time
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: stale temporary files are recognised by age alone
    fcntl = None  # type: ignore[assignment]

# What tempfile.mkstemp(prefix=".NAME.", suffix=".tmp") makes: eight of its random characters.
_OUR_TEMPORARY = re.compile(r"\A\..+\.[a-z0-9_]{8}\.tmp\Z")
STALE_AFTER_S = 60.0  # a temporary file untouched this long and unlocked belongs to a write that died
STALE_AFTER_S_UNLOCKED = 24 * 3600.0  # without file locks (Windows): only a day-old one is surely dead


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes, *, mode: int | None = None) -> None:
    """Write `data` to `path` atomically. The target's permissions are kept when it exists, unless ``mode`` is
    given: then the file has exactly those (0o600 for what only its owner may read, even over an older 0644 file).

    Raises OSError whose ``filename`` is the target (the file the link points to, for a link).
    """
    target = Path(os.path.realpath(path)) if os.path.islink(path) else Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        kept = _writable_mode(target)
        mode = kept if mode is None else mode
        remove_stale_temporaries(folder)
        _write_and_replace(target, folder, data, mode)
    except OSError as exc:
        raise _naming(exc, target) from None
    _fsync_folder(folder)


def _writable_mode(target: Path) -> int | None:
    """The existing target's permission bits; a read-only target is refused (even for an administrator)."""
    try:
        info = os.stat(target)
    except FileNotFoundError:
        return None
    if stat.S_ISDIR(info.st_mode):
        raise IsADirectoryError(errno.EISDIR, "is a folder", str(target))
    if not info.st_mode & 0o222 or not os.access(target, os.W_OK):
        raise PermissionError(errno.EACCES, "the file is read-only", str(target))
    return info.st_mode & 0o7777


def _write_and_replace(target: Path, folder: Path, data: bytes, mode: int | None) -> None:
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            if fcntl is not None:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)  # "in progress", for other writers
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
            os.chmod(tmp_name, mode if mode is not None else 0o666 & ~_umask())
            if fcntl is not None:
                os.replace(tmp_name, target)  # while still locked: nobody takes it for a stale one
        if fcntl is None:  # Windows renames no open file
            os.replace(tmp_name, target)
    except BaseException:
        try:
            os.unlink(tmp_name)
        except FileNotFoundError:
            pass
        raise


def _naming(exc: OSError, target: Path) -> OSError:
    """The same error about the target: "Permission denied: out.srt", not its temporary file or nothing."""
    if exc.filename == str(target) and exc.filename2 is None:
        return exc
    strerror = exc.strerror or str(exc)
    named = OSError(exc.errno, strerror, str(target)) if exc.errno is not None else OSError(strerror)
    if exc.errno is None:
        named.filename = str(target)
    return named


def remove_stale_temporaries(folder: str | os.PathLike[str]) -> list[str]:
    """Remove the temporary files that killed writes left in `folder`; returns their names.

    Only names of our own pattern, only regular files owned by this user, only unlocked and untouched
    for a while: another process's write in progress keeps its file.
    """
    removed: list[str] = []
    now = time.time()
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if not _OUR_TEMPORARY.match(entry.name):
            continue
        try:
            info = entry.stat(follow_symlinks=False)
            if not stat.S_ISREG(info.st_mode) or (hasattr(os, "getuid") and info.st_uid != os.getuid()):
                continue
            age = now - info.st_mtime
            if fcntl is None:
                if age > STALE_AFTER_S_UNLOCKED:
                    os.unlink(entry.path)
                    removed.append(entry.name)
                continue
            if age < STALE_AFTER_S:
                continue
            if _unlocked_then_removed(entry.path):
                removed.append(entry.name)
        except OSError:
            continue
    return removed


def _unlocked_then_removed(path: str) -> bool:
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:  # a write in progress holds it
            return False
        os.unlink(path)  # removed while we hold the lock: no writer can be in the middle of it
        return True
    finally:
        os.close(fd)


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
