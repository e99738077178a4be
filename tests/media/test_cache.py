"""The disk cache: found again by identity, memory-mapped, atomic, bounded, and never trusted blindly."""

from __future__ import annotations

import mmap
import os
import shutil
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from app.media import AudioCache, decode_audio, default_cache_dir
from app.media.cache import DEFAULT_MAX_BYTES, default_max_bytes


@pytest.fixture()
def song(media_dir: Path, tmp_path: Path) -> Path:
    """A private copy, so a test may touch or replace it."""
    copy = tmp_path / "song.m4a"
    shutil.copy2(media_dir / "a.m4a", copy)
    return copy


def _is_mapped(array: np.ndarray) -> bool:
    base = array.base
    while base is not None and not isinstance(base, mmap.mmap):
        base = base.obj if isinstance(base, memoryview) else getattr(base, "base", None)
    return base is not None


def _entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.qssa"))


def test_second_open_is_a_memory_map_of_the_same_audio(song: Path, cache_dir: Path) -> None:
    first = decode_audio(song)
    assert not first.from_cache
    assert len(_entries(cache_dir)) == 1
    seen: list[float] = []
    again = decode_audio(song, progress=seen.append)
    assert again.from_cache and seen == [1.0]
    assert _is_mapped(again.samples)
    assert not again.samples.flags.writeable
    np.testing.assert_array_equal(again.samples, first.samples)
    assert again.stream_index == first.stream_index and again.duration_ms == first.duration_ms
    for (lo_a, hi_a), (lo_b, hi_b) in zip(again.envelope.levels, first.envelope.levels, strict=True):
        np.testing.assert_array_equal(lo_a, lo_b)
        np.testing.assert_array_equal(hi_a, hi_b)
    for a, b in zip(again.envelope.minmax(0, 5000, 300), first.envelope.minmax(0, 5000, 300), strict=True):
        np.testing.assert_array_equal(a, b)
    assert not list(cache_dir.glob("*.part"))


def test_a_changed_file_is_decoded_afresh(song: Path, cache_dir: Path) -> None:
    decode_audio(song)
    stat = song.stat()
    os.utime(song, ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000_000))
    assert not decode_audio(song).from_cache
    assert decode_audio(song).from_cache


def test_each_stream_has_its_own_entry(media_dir: Path, cache_dir: Path) -> None:
    assert decode_audio(media_dir / "two.mkv", stream_index=2).duration_ms == pytest.approx(3000, rel=0.01)
    other = decode_audio(media_dir / "two.mkv", stream_index=1)
    assert not other.from_cache and other.duration_ms == pytest.approx(2000, rel=0.01)
    assert decode_audio(media_dir / "two.mkv", stream_index=2).from_cache


@pytest.mark.parametrize("damage", ["truncate", "garbage_header", "no_trailer", "empty"])
def test_a_damaged_entry_is_ignored_and_rebuilt(song: Path, cache_dir: Path, damage: str) -> None:
    good = decode_audio(song)
    [entry] = _entries(cache_dir)
    data = entry.read_bytes()
    damaged = {
        "truncate": data[: len(data) // 2],
        "garbage_header": b"\xff" * 64 + data[64:],
        "no_trailer": data[:-16] + b"\0" * 16,
        "empty": b"",
    }[damage]
    entry.write_bytes(damaged)
    rebuilt = decode_audio(song)
    assert not rebuilt.from_cache
    np.testing.assert_array_equal(rebuilt.samples, good.samples)
    assert decode_audio(song).from_cache


def test_an_entry_for_another_file_is_not_served(song: Path, cache_dir: Path, tmp_path: Path) -> None:
    decode_audio(song)
    cache = AudioCache(cache_dir)
    other = tmp_path / "other.m4a"
    shutil.copy2(song, other)
    # forge: the other file's key points at the song's entry (as a hash collision would)
    [entry] = _entries(cache_dir)
    shutil.copy2(entry, cache.entry_path(cache.key(str(other), None, 16000)))
    assert cache.load(cache.key(str(other), None, 16000)) is None


def test_the_folder_stays_within_its_bound(media_dir: Path, tmp_path: Path) -> None:
    folder = tmp_path / "bounded"
    one = decode_audio(media_dir / "a.flac", cache=AudioCache(folder))
    size = _entries(folder)[0].stat().st_size
    cache = AudioCache(folder, max_bytes=int(size * 2.5))
    names = ["s16.wav", "a.ogg", "a.mp3"]
    for name in names:
        decode_audio(media_dir / name, cache=cache)
    assert cache.size_bytes() <= cache.max_bytes
    assert len(_entries(folder)) == 2
    assert not decode_audio(media_dir / "a.flac", cache=cache).from_cache  # the oldest went first
    assert decode_audio(media_dir / "a.mp3", cache=cache).from_cache
    assert one.samples.size  # what was handed out stays valid after its entry is gone


def test_recently_used_entries_outlive_older_ones(media_dir: Path, tmp_path: Path) -> None:
    cache = AudioCache(tmp_path / "lru")
    paths = {name: media_dir / name for name in ("a.flac", "s16.wav")}
    for path in paths.values():
        decode_audio(path, cache=cache)
    entries = {name: cache.entry_path(cache.key(str(path), None, 16000)) for name, path in paths.items()}
    old = time.time() - 100
    for entry in entries.values():
        os.utime(entry, (old, old))
    assert decode_audio(paths["a.flac"], cache=cache).from_cache  # marks it as used now
    cache.max_bytes = max(e.stat().st_size for e in entries.values())
    cache.evict()
    assert _entries(cache.directory) == [entries["a.flac"]]


def test_an_entry_larger_than_the_bound_is_not_written(media_dir: Path, tmp_path: Path) -> None:
    folder = tmp_path / "tiny"
    decoded = decode_audio(media_dir / "s16.wav", cache=AudioCache(folder, max_bytes=1000))
    assert decoded.samples.size and not _entries(folder)


def test_an_unwritable_cache_costs_only_the_cache(media_dir: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    decoded = decode_audio(media_dir / "s16.wav", cache=AudioCache(blocker / "audio"))
    assert decoded.duration_ms == pytest.approx(10000, rel=0.01)


def test_use_cache_false_writes_nothing(media_dir: Path, cache_dir: Path) -> None:
    decode_audio(media_dir / "s16.wav", use_cache=False)
    assert not cache_dir.exists() or not _entries(cache_dir)


def test_stale_temporaries_are_cleared(media_dir: Path, cache_dir: Path) -> None:
    cache_dir.mkdir(parents=True)
    stale, fresh = cache_dir / ".old.part", cache_dir / ".new.part"
    stale.write_bytes(b"x")
    fresh.write_bytes(b"x")
    old = time.time() - 7200
    os.utime(stale, (old, old))
    decode_audio(media_dir / "s16.wav")
    assert not stale.exists() and fresh.exists()  # a fresh one may belong to another process's write


def test_cache_folder_and_bound_from_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("QSS_CACHE_DIR", str(tmp_path / "override"))
    assert default_cache_dir() == tmp_path / "override"
    monkeypatch.delenv("QSS_CACHE_DIR")
    if sys.platform.startswith("linux"):
        monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
        assert default_cache_dir() == tmp_path / "xdg" / "qwen-subtitle-studio" / "audio"
        monkeypatch.setenv("XDG_CACHE_HOME", "relative/ignored")
        assert default_cache_dir() == Path.home() / ".cache" / "qwen-subtitle-studio" / "audio"
    monkeypatch.setenv("QSS_CACHE_MAX_MB", "12")
    assert default_max_bytes() == 12 * 1024 * 1024
    monkeypatch.setenv("QSS_CACHE_MAX_MB", "lots")
    assert default_max_bytes() == DEFAULT_MAX_BYTES
