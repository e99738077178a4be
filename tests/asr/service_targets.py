"""Fake jobs for the engine-process tests: a runner the child imports by name, and the jobs it understands."""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass

from app.core.errors import ModelError


@dataclass(frozen=True)
class Echo:
    count: int = 3


@dataclass(frozen=True)
class UntilCancelled:
    pass


@dataclass(frozen=True)
class Fails:
    pass


@dataclass(frozen=True)
class Dies:
    pass


@dataclass(frozen=True)
class IgnoresCancel:
    """Like a model load in its thread: never looks at the cancel flag."""


def run(job, audio, cancelled):
    event = threading.Event()
    if isinstance(job, Echo):
        yield ("audio", None if audio is None else (len(audio), float(audio.sum())))
        for n in range(job.count):
            yield ("item", n)
    elif isinstance(job, UntilCancelled):
        yield ("started", os.getpid())
        while not cancelled():
            event.wait(0.01)
        yield ("saw cancel",)
    elif isinstance(job, Fails):
        yield ("before",)
        raise ModelError("the model folder is missing config.json")
    elif isinstance(job, Dies):
        yield ("before",)
        os._exit(9)
    elif isinstance(job, IgnoresCancel):
        yield ("started", os.getpid())
        event.wait(600)
