"""A disk cache of decoded audio, so opening a file the second time costs a memory map, not a decode.

An entry is one file: a JSON header, the 16 kHz float32 samples, the envelope levels, a trailer. It is keyed
by the source's identity (resolved path, size, modification time) and the stream asked for, so an edited or
replaced file is decoded afresh. Entries are written to a temporary file, synced and renamed into place;
one that does not check out on opening (wrong size, missing trailer, another key) is ignored and rebuilt.
The folder is bounded in size: after each store the least recently used entries are deleted.

Where: ``QSS_CACHE_DIR`` if set, else the platform's cache folder (``$XDG_CACHE_HOME`` or ``~/.cache`` on
Linux), under ``qwen-subtitle-studio/audio``. The bound: ``QSS_CACHE_MAX_MB`` if set, else 2 GiB.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import mmap
import os
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

log = logging.getLogger(__name__)

APP_DIR_NAME = "qwen-subtitle-studio"
DEFAULT_MAX_BYTES = 2 * 1024**3
FORMAT_VERSION = 2  # bump when the layout or the decoding changes: older entries then miss and age out
MAGIC = b"QSSAUDIO"
TRAILER = b"QSSAUDIO-END\x00\x00\x00\x00"
SUFFIX = ".qssa"
ALIGN = 4096
SAMPLE_DTYPE = np.dtype("<f4")
LEVEL_DTYPE = np.dtype("<f2")
STALE_TEMP_S = 3600.0


def default_cache_dir() -> Path:
    """Where decoded audio is kept: QSS_CACHE_DIR, else the platform's per-user cache folder."""
    override = os.environ.get("QSS_CACHE_DIR")
    if override:
        return Path(override).expanduser()
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
        return base / APP_DIR_NAME / "Cache" / "audio"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / APP_DIR_NAME / "audio"
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg) if xdg and os.path.isabs(xdg) else Path.home() / ".cache"
    return base / APP_DIR_NAME / "audio"


def default_max_bytes() -> int:
    value = os.environ.get("QSS_CACHE_MAX_MB")
    if value:
        with contextlib.suppress(ValueError):
            return max(0, int(float(value) * 1024 * 1024))
    return DEFAULT_MAX_BYTES


@dataclass(frozen=True)
class CachedAudio:
    """What an entry holds; the arrays are read-only views of one memory map."""

    samples: np.ndarray
    levels: list[tuple[np.ndarray, np.ndarray]]
    sample_rate: int
    stream_index: int
    path: Path
    warnings: list[str]


class AudioCache:
    """Decoded audio on disk, found again by the source file's identity."""

    def __init__(self, directory: str | os.PathLike[str] | None = None, max_bytes: int | None = None) -> None:
        self.directory = Path(directory) if directory is not None else default_cache_dir()
        self.max_bytes = default_max_bytes() if max_bytes is None else max_bytes

    @staticmethod
    def key(source: str, stream_index: int | None, sample_rate: int) -> dict:
        """The identity of a decode: which file (as it is now), which stream, at which rate."""
        st = os.stat(source)
        return {
            "path": os.path.realpath(source),
            "size": st.st_size,
            "mtime_ns": st.st_mtime_ns,
            "stream": stream_index,
            "rate": sample_rate,
            "version": FORMAT_VERSION,
        }

    def entry_path(self, key: dict) -> Path:
        digest = hashlib.sha256(json.dumps(key, sort_keys=True).encode()).hexdigest()[:40]
        return self.directory / (digest + SUFFIX)

    def load(self, key: dict) -> CachedAudio | None:
        """The entry for ``key``, memory-mapped; None when there is none or it does not check out."""
        path = self.entry_path(key)
        try:
            with open(path, "rb") as f:
                mapped = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        except (OSError, ValueError):  # missing, unreadable, or empty (mmap refuses a zero-length file)
            return None
        try:
            entry = _read_entry(mapped, key, path)
        except (ValueError, KeyError, TypeError, IndexError, json.JSONDecodeError) as exc:
            log.info("ignoring cache entry %s: %s", path, exc)
            entry = None
        if entry is None:
            mapped.close()
            with contextlib.suppress(OSError):
                path.unlink()
            return None
        with contextlib.suppress(OSError):
            os.utime(path)  # recently used: evicted last
        return entry

    def store(
        self,
        key: dict,
        samples: np.ndarray,
        levels: list[tuple[np.ndarray, np.ndarray]],
        sample_rate: int,
        stream_index: int,
        warnings: tuple[str, ...] = (),
    ) -> Path | None:
        """Write an entry atomically, then trim the folder; a failure is logged and costs only the cache."""
        samples = np.ascontiguousarray(samples, dtype=SAMPLE_DTYPE)
        levels = [(np.ascontiguousarray(lo, LEVEL_DTYPE), np.ascontiguousarray(hi, LEVEL_DTYPE)) for lo, hi in levels]
        meta = {"sample_rate": sample_rate, "stream_index": stream_index, "warnings": list(warnings)}
        header, total = _layout(key, samples.size, [lo.size for lo, _ in levels], meta)
        if total > self.max_bytes:
            return None
        path = self.entry_path(key)
        tmp_name = None
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            fd, tmp_name = tempfile.mkstemp(prefix=".", suffix=".part", dir=self.directory)
            with os.fdopen(fd, "wb") as f:
                f.write(header)
                f.write(memoryview(samples).cast("B"))
                f.write(b"\0" * _pad(f.tell()))
                for lo, hi in levels:
                    f.write(memoryview(lo).cast("B"))
                    f.write(memoryview(hi).cast("B"))
                f.write(TRAILER)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp_name, path)
            tmp_name = None
        except OSError as exc:
            log.warning("cannot write the audio cache %s: %s", path, exc)
            return None
        finally:
            if tmp_name is not None:
                with contextlib.suppress(OSError):
                    os.unlink(tmp_name)
        self.evict(keep=path)
        return path

    def evict(self, keep: Path | None = None) -> None:
        """Delete least recently used entries until the folder fits ``max_bytes``; clear stale temporaries."""
        entries = []
        now = time.time()
        try:
            listing = list(os.scandir(self.directory))
        except OSError:
            return
        for item in listing:
            try:
                st = item.stat()
            except OSError:
                continue
            if item.name.endswith(SUFFIX):
                entries.append((st.st_mtime, st.st_size, Path(item.path)))
            elif item.name.endswith(".part") and now - st.st_mtime > STALE_TEMP_S:
                with contextlib.suppress(OSError):
                    os.unlink(item.path)
        total = sum(size for _, size, _ in entries)
        for _, size, path in sorted(entries):
            if total <= self.max_bytes:
                break
            if keep is not None and path == keep:
                continue
            try:
                path.unlink()
            except OSError:  # in use elsewhere (Windows keeps mapped files): try again next time
                continue
            total -= size

    def size_bytes(self) -> int:
        try:
            return sum(p.stat().st_size for p in self.directory.glob("*" + SUFFIX))
        except OSError:
            return 0

    def clear(self) -> None:
        for p in self.directory.glob("*" + SUFFIX):
            with contextlib.suppress(OSError):
                p.unlink()


def _layout(key: dict, n_samples: int, level_bins: list[int], extra: dict):
    """The header bytes (padded) and the total size of an entry."""
    meta = {"key": key, "n_samples": n_samples, **extra}
    for _ in range(3):  # the header's own length moves the offsets; it settles at once in practice
        head_len = _aligned(len(_header_bytes(meta)))
        offset = head_len
        meta["samples_offset"] = offset
        offset += n_samples * SAMPLE_DTYPE.itemsize
        offset += _pad(offset)
        meta["levels"] = []
        for bins in level_bins:
            meta["levels"].append([offset, bins])
            offset += 2 * bins * LEVEL_DTYPE.itemsize
        meta["total_size"] = offset + len(TRAILER)
        raw = _header_bytes(meta)
        if _aligned(len(raw)) == head_len:
            break
    return raw + b" " * (head_len - len(raw)), meta["total_size"]


def _header_bytes(meta: dict) -> bytes:
    body = json.dumps(meta, sort_keys=True).encode()
    return MAGIC + len(body).to_bytes(4, "little") + body


def _read_entry(mapped: mmap.mmap, key: dict, path: Path) -> CachedAudio | None:
    if mapped[: len(MAGIC)] != MAGIC:
        raise ValueError("not a cache entry")
    body_len = int.from_bytes(mapped[len(MAGIC) : len(MAGIC) + 4], "little")
    start = len(MAGIC) + 4
    if body_len <= 0 or start + body_len > len(mapped):
        raise ValueError("bad header length")
    meta = json.loads(mapped[start : start + body_len])
    if meta["key"] != key:
        raise ValueError("another source")
    if meta["total_size"] != len(mapped) or mapped[-len(TRAILER) :] != TRAILER:
        raise ValueError("incomplete entry")
    n = int(meta["n_samples"])
    samples = np.frombuffer(mapped, dtype=SAMPLE_DTYPE, count=n, offset=int(meta["samples_offset"]))
    levels = []
    for offset, bins in meta["levels"]:
        lo = np.frombuffer(mapped, dtype=LEVEL_DTYPE, count=bins, offset=offset)
        hi = np.frombuffer(mapped, dtype=LEVEL_DTYPE, count=bins, offset=offset + bins * LEVEL_DTYPE.itemsize)
        levels.append((lo, hi))
    if n <= 0 or not levels:
        raise ValueError("empty entry")
    warnings = [str(w) for w in meta.get("warnings", [])]
    return CachedAudio(samples, levels, int(meta["sample_rate"]), int(meta["stream_index"]), path, warnings)


def _aligned(n: int) -> int:
    return -(-n // ALIGN) * ALIGN


def _pad(n: int) -> int:
    return (-n) % 8
