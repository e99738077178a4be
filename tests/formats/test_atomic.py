"""Atomic writes: symbolic links followed, read-only files refused, errors that name the target, no litter."""

from __future__ import annotations

import errno
import fcntl
import os
import tempfile

import pytest

from app.core.document import Cue
from app.formats.srt import write_srt
from app.formats.textio import atomic_write_bytes


def test_a_read_only_target_is_refused_and_kept(tmp_path):
    path = tmp_path / "out.srt"
    path.write_text("old")
    path.chmod(0o444)
    with pytest.raises(PermissionError) as caught:
        write_srt(path, [Cue(0, 1000, "new")])
    assert caught.value.filename == str(path) and "read-only" in caught.value.strerror
    assert path.read_text() == "old" and path.stat().st_mode & 0o777 == 0o444


def test_a_symbolic_link_is_followed(tmp_path):
    real = tmp_path / "real" / "talk.srt"
    real.parent.mkdir()
    real.write_text("old")
    link = tmp_path / "link.srt"
    link.symlink_to(real)
    write_srt(link, [Cue(0, 1000, "new")])
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert "new" in real.read_text()
    assert sorted(p.name for p in real.parent.iterdir()) == ["talk.srt"]


def test_a_full_disk_names_the_target(tmp_path, monkeypatch):
    path = tmp_path / "out.srt"

    def full(_fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OSError) as caught:
        atomic_write_bytes(path, b"x")
    assert caught.value.errno == errno.ENOSPC and caught.value.filename == str(path)
    assert list(tmp_path.iterdir()) == []


def test_a_refused_temporary_file_names_the_target(tmp_path, monkeypatch):
    path = tmp_path / "out.srt"

    def refused(prefix, suffix, dir):
        raise PermissionError(errno.EACCES, "Permission denied", os.path.join(dir, f"{prefix}q22u4s5r{suffix}"))

    monkeypatch.setattr(tempfile, "mkstemp", refused)
    with pytest.raises(PermissionError) as caught:
        atomic_write_bytes(path, b"x")
    assert caught.value.filename == str(path) and ".tmp" not in str(caught.value)


def _aged(path, seconds=3600):
    path.write_bytes(b"half a file")
    old = path.stat().st_mtime - seconds
    os.utime(path, (old, old))
    return path


def test_stale_temporary_files_are_removed_on_the_next_write(tmp_path):
    stale = _aged(tmp_path / ".talk.srt.q22u4s5r.tmp")
    other_name = _aged(tmp_path / ".notes.txt.abcd_123.tmp")  # another of our writes, another file: as dead
    fresh = tmp_path / ".talk.srt.zzzzzzzz.tmp"  # just created: perhaps a write between create and lock
    fresh.write_bytes(b"")
    not_ours = [_aged(tmp_path / name) for name in (".talk.srt.tmp", "talk.srt.q22u4s5r.tmp", ".x.toolong123.tmp")]
    in_progress = _aged(tmp_path / ".big.srt.inflight.tmp")  # another process is writing it: it holds the lock
    link = tmp_path / ".link.srt.abcdefgh.tmp"
    link.symlink_to(_aged(tmp_path / "keep.txt"))
    with open(in_progress, "rb") as held:
        fcntl.flock(held.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        atomic_write_bytes(tmp_path / "out.srt", b"x")
    assert not stale.exists() and not other_name.exists()
    assert fresh.exists() and in_progress.exists() and link.is_symlink() and all(p.exists() for p in not_ours)


def test_the_write_in_progress_holds_its_lock(tmp_path, monkeypatch):
    """What keeps another process's cleaning from taking a slow write's temporary file for a dead one."""
    seen: list[bool] = []
    real_fsync = os.fsync

    def check(fd):
        name = next((p for p in tmp_path.iterdir() if p.name.startswith(".out.srt.")), None)
        if name is None:  # the folder's own fsync, after the rename
            return real_fsync(fd)
        old = name.stat().st_mtime - 3600
        os.utime(name, (old, old))
        from app.formats.atomic import remove_stale_temporaries

        seen.append(remove_stale_temporaries(tmp_path) == [])
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", check)
    atomic_write_bytes(tmp_path / "out.srt", b"x")
    assert seen and seen[0] and (tmp_path / "out.srt").read_bytes() == b"x"
