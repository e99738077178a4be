"""Which devices the engine could use, guessed without importing torch (the window asks this on its own thread).

Cheap signs only: an NVIDIA driver's device files (Linux) or library (Windows), Apple silicon for MPS. A machine
that passes may still fail to run CUDA (a driver too old for the build); the engine then says why. One that
fails is never offered a device it cannot have.
"""

from __future__ import annotations

import glob
import os
import platform
import sys


def has_cuda() -> bool:
    if sys.platform.startswith("linux"):
        return os.path.exists("/dev/nvidiactl") or bool(glob.glob("/dev/nvidia[0-9]*")) or _wsl_gpu()
    if sys.platform == "win32":
        system = os.environ.get("SYSTEMROOT", r"C:\Windows")  # Windows matches names case-blind
        return os.path.exists(os.path.join(system, "System32", "nvcuda.dll"))
    return False


def _wsl_gpu() -> bool:
    return os.path.exists("/dev/dxg") and os.path.exists("/usr/lib/wsl/lib/libcuda.so")


def has_mps() -> bool:
    return sys.platform == "darwin" and platform.machine() == "arm64"


def available_devices() -> list[str]:
    """'auto' and 'cpu' always, then 'cuda' and 'mps' where the machine shows signs of them."""
    devices = ["auto", "cpu"]
    if has_cuda():
        devices.append("cuda")
    if has_mps():
        devices.append("mps")
    return devices
