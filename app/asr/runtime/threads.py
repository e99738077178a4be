"""How many threads torch computes with on the CPU: as many as there are cores actually free, picked again before
every recognition batch and aligner call.

torch starts one thread per physical core and splits every product among them; each product then waits for its
slowest thread. On a busy machine (a browser, a build, another job) a core shared with another process makes that
thread, and so the whole product, several times slower: a 2-thread product took 461 ms against 136 ms with 1 thread
at load 10 (issue 28). So, unless the user fixed a number (EngineOptions.threads), :func:`pick_threads` takes the
cores of this process's affinity that were idle over a short window (/proc/stat, 100 ms: ten ticks of a core), a
core counting as free when at least FREE_SHARE of it was idle, and never more than torch's own default nor fewer
than one; a pick stands for REPICK_AFTER_S, so that the window costs at most 1 % of the time. This process's own CPU
time in the window (its threads spinning down after a product) is given back as idle: not another program's load.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable

FREE_SHARE = 0.7  # a core counts as free when at least this share of it was idle over the window
WINDOW_S = 0.1  # /proc/stat counts 100 ticks a second: 50 ms was five, two of them noise enough to call a core busy
REPICK_AFTER_S = 10.0  # calls closer together keep the last choice (an aligner call per chunk costs 1-3 s)

_default: int | None = None  # torch's own thread count, read once before the first change
_last: tuple[float, int] | None = None  # (when, threads) of the last pick


def read_cpu_idle(path: str = "/proc/stat") -> dict[int, tuple[int, int]] | None:
    """Per CPU number: (idle jiffies incl. I/O wait, total jiffies) since boot; None where /proc/stat is missing."""
    try:
        with open(path) as fh:
            lines = fh.read().splitlines()
    except OSError:
        return None
    out: dict[int, tuple[int, int]] = {}
    for line in lines:
        name, *fields = line.split() or [""]
        if not name.startswith("cpu") or name == "cpu" or not name[3:].isdigit():
            continue
        try:
            values = [int(v) for v in fields[:8]]
        except ValueError:  # an odd kernel or a damaged file: no measurement, torch's default stands
            return None
        if len(values) < 5:
            return None
        out[int(name[3:])] = (values[3] + values[4], sum(values))
    return out or None


def read_own_ticks(path: str = "/proc/self/stat") -> int | None:
    """This process's CPU time (user + system, in the same ticks as /proc/stat) since it started; None if unread.
    Its own threads spinning down after a product (OpenMP waits a while before sleeping) make cores look busy:
    that time is given back as idle (:func:`without_own`)."""
    try:
        with open(path) as fh:
            text = fh.read()
        fields = text[text.rindex(")") + 2 :].split()  # after "pid (name) ": the name may hold spaces
        return int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of the line)
    except (OSError, ValueError, IndexError):
        return None


def without_own(shares: list[float], own_share: float) -> list[float]:
    """The idle shares with this process's own busy time given back, to the busiest cores first."""
    out = sorted(shares)
    for i, share in enumerate(out):
        if own_share <= 0:
            break
        given = min(1.0 - share, own_share)
        out[i] = share + given
        own_share -= given
    return out


def idle_cores(
    before: dict[int, tuple[int, int]], after: dict[int, tuple[int, int]], allowed: set[int] | None
) -> list[float]:
    """The idle share (0..1) of each allowed CPU between two read_cpu_idle samples."""
    shares = []
    for cpu, (idle1, total1) in after.items():
        if (allowed is not None and cpu not in allowed) or cpu not in before:
            continue
        idle0, total0 = before[cpu]
        spent = total1 - total0
        shares.append(min(1.0, max(0.0, (idle1 - idle0) / spent)) if spent > 0 else 1.0)
    return shares


def pick_threads(idle_shares: list[float] | None, ceiling: int) -> int:
    """Threads for torch: the cores at least FREE_SHARE idle, at most ``ceiling`` (torch's default), at least 1.
    Without a measurement (None or empty), ``ceiling``."""
    if not idle_shares:
        return max(1, ceiling)
    free = sum(1 for share in idle_shares if share >= FREE_SHARE)
    return max(1, min(ceiling, free))


def free_core_threads(
    window_s: float = WINDOW_S,
    read: Callable[[], dict[int, tuple[int, int]] | None] = read_cpu_idle,
    sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
    read_own: Callable[[], int | None] = read_own_ticks,
) -> int:
    """Measure the idle cores over ``window_s`` and set torch's thread count to pick_threads' choice; returns it.
    Within REPICK_AFTER_S of the last pick, that pick stands (set again, nothing measured)."""
    import torch

    global _default, _last
    if _default is None:
        _default = torch.get_num_threads()
    if _last is not None and 0 <= clock() - _last[0] < REPICK_AFTER_S:
        if torch.get_num_threads() != _last[1]:
            torch.set_num_threads(_last[1])
        return _last[1]
    allowed = set(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None
    before, own_before = read(), read_own()
    after = own_after = None
    if before is not None:
        sleep(window_s)
        after, own_after = read(), read_own()
    shares = idle_cores(before, after, allowed) if before is not None and after is not None else None
    if shares and before is not None and after is not None and own_before is not None and own_after is not None:
        spans = [after[cpu][1] - before[cpu][1] for cpu in after if cpu in before]
        span = max(1, sum(spans) // max(1, len(spans)))  # ticks of one core over the window
        shares = without_own(shares, (own_after - own_before) / span)
    threads = pick_threads(shares, min(_default, len(allowed)) if allowed else _default)
    if threads != torch.get_num_threads():
        torch.set_num_threads(threads)
    _last = (clock(), threads)
    return threads
