"""Videos made with ffmpeg for the picture tests: shots cut together at known frames, a fade, a VFR file."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

SIZE = "320x240"
RATE = 25
FRAME_MS = 40

# (source, seconds): each one a shot; a cut falls where one ends and the next begins
CUT_SHOTS = (("testsrc", 2), ("color=c=red", 1), ("testsrc2", 2), ("smptebars", 2), ("color=c=0x2040a0", 1))
CUTS_MS = (2000, 3000, 5000, 7000)  # frames 50, 75, 125, 175 at 25 fps
FADE_MS = (2000, 3000)  # testsrc dissolves into colour bars over these 25 frames
FADE_CUT_MS = 5000  # then a hard cut to green
VFR_TIMES_MS = tuple([i * 40 for i in range(25)] + [1000 + i * 80 for i in range(75)])
VFR_CUT_MS = 3000  # frame 50, in the 12.5 fps stretch


def need_ffmpeg() -> str:
    ffmpeg = shutil.which("ffmpeg")
    if ffmpeg is None:
        pytest.skip("ffmpeg is not installed")
    return ffmpeg


def _run(args: list[str]) -> None:
    subprocess.run([need_ffmpeg(), "-v", "error", "-y", *args], check=True, timeout=120)


def _lavfi(source: str, seconds: float, size: str = SIZE) -> list[str]:
    joiner = ":" if "=" in source else "="
    return ["-f", "lavfi", "-i", f"{source}{joiner}size={size}:rate={RATE}:duration={seconds}"]


def make_cuts(path: Path, *, audio: bool = False, repeat: int = 1) -> Path:
    """Five shots cut together at CUTS_MS, H.264 with B-frames; with a tone as its sound when ``audio``.
    ``repeat``: the sequence that many times over (each repeat adds its four cuts and one back to the start)."""
    args: list[str] = []
    for source, seconds in CUT_SHOTS * repeat:
        args += _lavfi(source, seconds)
    n = len(CUT_SHOTS) * repeat
    graph = "".join(f"[{i}]" for i in range(n)) + f"concat=n={n}:v=1:a=0,format=yuv420p[v]"
    tail = ["-map", "[v]", "-c:v", "libx264", "-preset", "ultrafast", "-bf", "2", "-g", "60"]
    if audio:
        args += ["-f", "lavfi", "-i", f"sine=frequency=440:duration={8 * repeat}:sample_rate=16000"]
        tail += ["-map", f"{n}:a", "-c:a", "aac", "-shortest"]
    _run([*args, "-filter_complex", graph, *tail, str(path)])
    return path


def make_fade(path: Path) -> Path:
    """testsrc, a one-second cross-fade into colour bars (FADE_MS), then a hard cut to green at FADE_CUT_MS."""
    args = [*_lavfi("testsrc", 3), *_lavfi("smptebars", 3), *_lavfi("color=c=green", 1)]
    graph = "[0][1]xfade=transition=fade:duration=1:offset=2[x];[x][2]concat=n=2:v=1:a=0,format=yuv420p[v]"
    _run([*args, "-filter_complex", graph, "-map", "[v]", "-c:v", "libx264", "-preset", "ultrafast", str(path)])
    return path


def make_vfr(path: Path) -> Path:
    """25 fps for a second, then 12.5 fps (VFR_TIMES_MS); a cut to yellow at VFR_CUT_MS."""
    args = [*_lavfi("testsrc", 2), *_lavfi("color=c=yellow", 2)]
    graph = "[0][1]concat=n=2:v=1:a=0,setpts='if(lt(N,25),N/25,1+(N-25)/12.5)/TB',format=yuv420p[v]"
    _run([*args, "-filter_complex", graph, "-map", "[v]", "-fps_mode", "passthrough",
          "-c:v", "libx264", "-preset", "ultrafast", str(path)])  # fmt: skip
    return path
