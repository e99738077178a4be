"""The one recognition pipeline: typed messages in order, limits applied per chunk, cancel in every phase."""

from __future__ import annotations

import time

import pytest

from app.asr.client.protocol import (
    Cues,
    EngineOptions,
    Progress,
    RealignDone,
    RealignJob,
    RecognitionDone,
    RecognizeJob,
    Status,
)
from app.asr.runtime.pipeline import run_job

pytestmark = pytest.mark.slow


def test_recognition_messages_come_in_order_with_the_users_limits(engine, speech):
    limits = {"max_line_chars": 12, "max_cps": 9.0}
    messages = list(run_job(RecognizeJob(engine.options, "English", "", limits), engine, speech, lambda: False))
    assert isinstance(messages[0], Status) and messages[0].message.code == "engine.loading_model"
    assert isinstance(messages[-1], RecognitionDone) and messages[-1].language == "English"
    kinds = [type(m) for m in messages]
    assert Cues in kinds and Progress in kinds
    assert all(isinstance(m, (Status, Progress)) for m in messages[: kinds.index(Cues)])
    cues = [c for m in messages if isinstance(m, Cues) for c in m.cues]
    assert cues
    long_lines = [line for c in cues for line in c.text.split("\n") if len(line) > 12]
    assert all(" " not in line for line in long_lines)  # only a single word longer than a line may break the limit


def test_realign_job_ends_with_the_realignment(engine, speech):
    from app.core.document import Cue

    cues = (Cue(1000, 3000, "Hello everyone, and welcome to the show."), Cue(4000, 6000, "Today we talk."))
    job = RealignJob(engine.options, cues, (0,), "English")
    messages = list(run_job(job, engine, speech, lambda: False))
    assert isinstance(messages[-1], RealignDone) and messages[-1].realignment.cues == cues


def test_cancel_while_the_engine_process_loads_takes_under_two_seconds(tiny_models, speech):
    """The first run in a fresh engine process spends its first seconds importing torch and loading the models:
    a cancel then ends the run at once, and the next run works."""
    from app.asr.client.service import LocalEngineClient

    options = EngineOptions(model=str(tiny_models.recognizer), aligner=None, device="cpu", max_new_tokens=8,
                            idle_unload_s=0, download=False)  # fmt: skip
    job = RecognizeJob(options, "English")
    client = LocalEngineClient()
    try:
        flag: list[float] = []
        for message in client.run(job, speech, cancelled=lambda: bool(flag)):
            if isinstance(message, Progress) and message.message.code == "engine.importing" and not flag:
                flag.append(time.monotonic())
        assert flag and time.monotonic() - flag[0] < 2.0
        again = list(client.run(job, speech))
        assert isinstance(again[-1], RecognitionDone)
    finally:
        client.shutdown()
