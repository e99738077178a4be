"""How much decoded audio this machine can hold: the bound every decode checks before and while it grows.

Decoded audio is 16 kHz mono float32, 64 kB a second, 230 MB an hour; the waveform envelope adds about 8 %.
A 10-hour recording (2.5 GB) is a real file to subtitle; a WAV header claiming 4 GB of 16-bit data (37 hours)
over a sparse or damaged file is not, and decoding it grew past 4 GB before anything stopped it.

The policy:

- at most :data:`MAX_AUDIO_HOURS` of audio (24 hours, about 6 GB), whatever the machine;
- and no more than :data:`MEMORY_FRACTION` of the memory available when the decode starts (the recognizer,
  the window and the system need the rest);
- checked twice: against the duration the header states, before the first packet is read; and as the
  samples arrive, since a header can understate or state nothing (a WebM from a pipe).

A refusal is one line: how long the audio is, the MB it would need, the MB available.
"""

from __future__ import annotations

import contextlib

from app.core.rules import SAMPLE_RATE
from app.core.timecode import clock

BYTES_PER_SAMPLE = 4.35  # float32 samples plus the envelope's float16 min/max pyramid
MAX_AUDIO_HOURS = 24
MEMORY_FRACTION = 0.8
MB = 1_000_000


def needed_bytes(n_samples: int) -> int:
    return int(n_samples * BYTES_PER_SAMPLE)


def available_bytes() -> int | None:
    """Memory this process can still take: the system's available memory, lowered by a cgroup limit; None if unknown."""
    found = [n for n in (_meminfo_available(), _cgroup_room()) if n is not None]
    if found:
        return min(found)
    with contextlib.suppress(Exception):  # macOS, Windows: psutil where installed
        import psutil

        return int(psutil.virtual_memory().available)
    return None


def budget() -> tuple[int, int | None]:
    """(the most bytes one decode may use, the bytes available or None when unknown)."""
    cap = needed_bytes(MAX_AUDIO_HOURS * 3600 * SAMPLE_RATE)
    available = available_bytes()
    if available is None:
        return cap, None
    return min(cap, int(available * MEMORY_FRACTION)), available


def too_long(source: str, n_samples: int, available: int | None, *, at_least: bool = False) -> str:
    """The one-line refusal: duration, MB needed, MB available."""
    seconds = n_samples / SAMPLE_RATE
    lasts = f"lasts more than {_clock(seconds)}" if at_least else f"lasts {_clock(seconds)}"
    if n_samples > MAX_AUDIO_HOURS * 3600 * SAMPLE_RATE:
        lasts += f", over the {MAX_AUDIO_HOURS}-hour limit"
    need = f"{'over ' if at_least else ''}{_mb(needed_bytes(n_samples))}"
    room = "unknown" if available is None else _mb(available)
    return f"{source}: the audio {lasts}: decoding it needs {need} of memory, {room} available"


def _mb(n: int) -> str:
    return f"{n / MB:,.0f} MB" if n >= 10 * MB else f"{n / MB:.1f} MB"


def _clock(seconds: float) -> str:
    return clock(int(seconds) * 1000, fraction=0)


def _meminfo_available() -> int | None:
    try:
        with open("/proc/meminfo", encoding="ascii") as f:
            for line in f:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return None


def _cgroup_room() -> int | None:
    """The room left under a cgroup v2 memory limit (a container, a systemd slice), if there is one."""
    try:
        with open("/sys/fs/cgroup/memory.max", encoding="ascii") as f:
            limit = f.read().strip()
        if limit == "max":
            return None
        with open("/sys/fs/cgroup/memory.current", encoding="ascii") as f:
            current = int(f.read().strip())
        return max(0, int(limit) - current)
    except (OSError, ValueError):
        return None


def small_pages() -> bool:
    """Have numpy map its large arrays with the kernel's ordinary pages; returns whether huge pages were asked.

    numpy asks the kernel for transparent huge pages on every array of 4 MB or more (``madvise(MADV_HUGEPAGE)``).
    Where the kernel defragments memory for such requests (Debian's and Ubuntu's default, ``defrag`` set to
    ``madvise``), filling a freshly allocated array stalls in the kernel while it compacts memory into 2 MB pages:
    decoding an hour of AAC spent 2.1 s of system time writing the 230 MB sample array, the whole decode took 3.9 s
    of wall time against ffmpeg's 2.5 s; with ordinary pages 0.26 s of system time and 1.8-2.0 s in all
    (bench/bench_decode.py, AMD EPYC, 2 cores). Process-wide, as numpy's own NUMPY_MADVISE_HUGEPAGE=0 would be; a
    numpy without the switch is left as it is."""
    try:
        from numpy._core.multiarray import _set_madvise_hugepage
    except ImportError:
        try:
            from numpy.core.multiarray import _set_madvise_hugepage
        except ImportError:
            return False
    return bool(_set_madvise_hugepage(False))
