"""Only regular files of a sane size are read (issue 17, item 5), with progress and cancel (item 15).

A named pipe blocked the reader forever and /dev/zero grew its memory without limit (21 GB before the kernel
killed it), so each refusal is checked in a child process with a timeout and a memory cap: without the fix the
test fails instead of hanging or exhausting the machine.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from app.core.errors import ProjectError, SubtitleParseError
from app.formats.project import load_project
from app.formats.srt import read_srt
from app.formats.textio import MAX_TEXT_BYTES

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes and /dev/zero are POSIX")

READERS = {
    "subtitles": "from app.formats.srt import read_srt as read",
    "project": "from app.formats.project import load_project as read",
}

CHILD = """
import resource, sys
resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))  # 1 GB: /dev/zero read to the end fails fast
{reader}
try:
    read(sys.argv[1])
except Exception as exc:
    print(type(exc).__name__, exc)
else:
    print("read")
"""


def _read_in_child(kind: str, path: str) -> str:
    code = CHILD.format(reader=READERS[kind])
    try:
        done = subprocess.run([sys.executable, "-c", code, path], capture_output=True, text=True, timeout=30)
    except subprocess.TimeoutExpired:
        pytest.fail(f"reading {path} as {kind} did not return within 30 s")
    return done.stdout.strip() or done.stderr.strip()[-500:]


@pytest.fixture
def fifo(tmp_path):
    path = tmp_path / "pipe.srt"
    os.mkfifo(path)
    return path


@pytest.mark.parametrize("kind", sorted(READERS))
def test_a_named_pipe_is_refused_at_once(fifo, kind):
    expected = "ProjectError" if kind == "project" else "SubtitleParseError"
    out = _read_in_child(kind, str(fifo))
    assert out.startswith(expected) and str(fifo) in out and "named pipe" in out, out


@pytest.mark.parametrize("kind", sorted(READERS))
@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "link"])
def test_a_device_or_a_link_to_one_is_refused(tmp_path, kind, device):
    if device == "link":
        device = str(tmp_path / "zero.srt")
        os.symlink("/dev/zero", device)
    if not os.path.exists(device):
        pytest.skip(f"no {device} here")
    out = _read_in_child(kind, device)
    assert device in out and "is a device, not a regular file" in out, out


def test_a_folder_is_refused(tmp_path):
    with pytest.raises(SubtitleParseError, match="is a folder"):
        read_srt(tmp_path)
    with pytest.raises(ProjectError, match="is a folder"):
        load_project(tmp_path)


@pytest.mark.parametrize("kind", sorted(READERS))
def test_a_file_over_the_size_limit_is_refused_and_the_limit_is_said(tmp_path, kind):
    big = tmp_path / "huge.srt"
    with open(big, "wb") as handle:  # sparse: takes no disk space
        handle.truncate(MAX_TEXT_BYTES + 1)
    error = ProjectError if kind == "project" else SubtitleParseError
    with pytest.raises(error) as caught:
        (load_project if kind == "project" else read_srt)(big)
    message = str(caught.value)
    assert str(big) in message and "200 MB" in message and "\n" not in message


def test_no_more_than_the_limit_is_read_from_a_file_that_grows(tmp_path):
    from app.formats.textio import read_user_bytes

    path = tmp_path / "growing.srt"
    path.write_bytes(b"x" * 100)
    chunks: list[float] = []

    def grow(fraction: float) -> None:  # it grows while it is read: its size said 100 bytes
        chunks.append(fraction)
        with open(path, "ab") as handle:
            handle.write(b"y" * 100)

    with pytest.raises(Exception, match="too large"):
        read_user_bytes(path, limit=1000, progress=grow)


# -- progress and cancel ------------------------------------------------------------------------------------


def _big_srt(tmp_path, cues: int = 20_000):
    path = tmp_path / "big.srt"
    path.write_text(
        "".join(f"{i}\n00:00:{i % 60:02d},000 --> 00:00:{i % 60:02d},500\nLine number {i}\n\n" for i in range(cues)),
        encoding="utf-8",
    )
    return path


def test_progress_grows_to_one(tmp_path):
    seen: list[float] = []
    result = read_srt(_big_srt(tmp_path), progress=seen.append)
    assert len(result.cues) == 20_000
    assert seen == sorted(seen) and seen[-1] == 1.0 and seen[0] >= 0
    assert len({round(f, 2) for f in seen if 0.3 < f < 1.0}) >= 5  # the parsing reports as it goes


@pytest.mark.parametrize("after", [0, 1, 4])
def test_cancel_stops_reading(tmp_path, after):
    from app.formats.textio import ReadCancelled

    path = _big_srt(tmp_path)
    calls = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > after

    with pytest.raises(ReadCancelled):
        read_srt(path, cancelled=cancelled)
    assert len(calls) == after + 1  # it stopped at the first True
