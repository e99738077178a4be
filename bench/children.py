"""Running the product and its reference (ffmpeg) as children, as a user runs them: wall time and peak memory."""

from __future__ import annotations

import os
import subprocess
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def timed(command: list[str], **env: str) -> tuple[float, int]:
    """Wall seconds and the peak resident MB of one child (``env``: variables added to this process's)."""
    started = time.perf_counter()
    child = subprocess.Popen(command, env={**os.environ, "PYTHONPATH": ROOT, **env}, stdout=subprocess.DEVNULL)
    _pid, status, usage = os.wait4(child.pid, 0)
    if status:
        raise SystemExit(f"failed: {' '.join(command)}")
    return time.perf_counter() - started, usage.ru_maxrss // 1024
