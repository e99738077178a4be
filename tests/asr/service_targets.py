"""Jobs for the engine-process tests (imported by name in the child)."""

from __future__ import annotations

import os
import threading

from app.core.errors import ModelError


def echo(*, engine, audio, cancelled, count: int = 3):
    yield ("audio", None if audio is None else (len(audio), float(audio.sum())))
    for n in range(count):
        yield ("item", n)


def until_cancelled(*, engine, audio, cancelled):
    yield ("started",)
    event = threading.Event()
    while not cancelled():
        event.wait(0.01)
    yield ("saw cancel",)


def fails(*, engine, audio, cancelled):
    yield ("before",)
    raise ModelError("the model folder is missing config.json")


def dies(*, engine, audio, cancelled):
    yield ("before",)
    os._exit(9)
