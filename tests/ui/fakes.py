"""Work the tests drive step by step: a job for the task manager, an engine that recognises what it is handed."""

from __future__ import annotations

import queue
from typing import Any

from app.core.document import Cue

POLL_S = 0.02  # how often a waiting job looks for cancel: a blocking wait with a timeout, not a sleep


class Steps:
    """A job that does what the test puts in: ("progress", fraction, text), ("item", obj), ("done", result)."""

    def __init__(self) -> None:
        self.inbox: queue.Queue = queue.Queue()

    def progress(self, fraction: float, text: str = "") -> None:
        self.inbox.put(("progress", fraction, text))

    def item(self, obj: Any) -> None:
        self.inbox.put(("item", obj))

    def finish(self, result: Any = None) -> None:
        self.inbox.put(("done", result))

    def job(self, report) -> Any:
        while True:
            try:
                step = self.inbox.get(timeout=POLL_S)
            except queue.Empty:
                report.check()  # cancelled: stop here, as real work does at its next report
                continue
            if step[0] == "progress":
                report.progress(step[1], step[2])
            elif step[0] == "item":
                report.item(step[1])
            else:
                return step[1]


class FakeEngine:
    """Stands in for the engine process: its stream yields the chunks of cues the test hands over.

    ``chunk(cues)`` hands over one chunk; ``end(language)`` ends the run; ``fail(text)`` ends it with a
    ModelError. Like the real one, it stops early
    when the job is cancelled.
    """

    def __init__(self) -> None:
        self.inbox: queue.Queue = queue.Queue()
        self.jobs: list[str] = []

    def chunk(self, cues: list[Cue]) -> None:
        self.inbox.put(("cues", cues))

    def end(self, language: str | None = "English") -> None:
        self.inbox.put(("done", {"language": language, "device": "cpu"}))

    def fail(self, text: str = "the engine failed") -> None:
        self.inbox.put(("fail", text))

    def stream(self, target: str, *, audio=None, options=None, cancelled=None, on_wait=None, **kwargs):
        self.jobs.append(target)
        while True:
            if cancelled is not None and cancelled():
                return
            try:
                message = self.inbox.get(timeout=POLL_S)
            except queue.Empty:
                continue
            if message[0] == "fail":
                from app.core.errors import ModelError

                raise ModelError(message[1])
            yield message
            if message[0] == "done":
                return

    def run(self, job, audio, *, cancelled, on_wait=None):
        """The same, through the typed engine interface (app.asr.client.protocol, SPINE.md) where the branch has it."""
        from app.asr.client.protocol import Cues, RecognitionDone

        for message in self.stream(type(job).__name__, cancelled=cancelled):
            if message[0] == "cues":
                yield Cues(tuple(message[1]))
            else:
                yield RecognitionDone(message[1]["language"], message[1]["device"])


def chunk_cues(index: int, per_chunk: int = 3, chunk_ms: int = 10_000) -> list[Cue]:
    """The cues of chunk ``index`` (10 s each by default): ``per_chunk`` short cues inside it."""
    base = index * chunk_ms
    step = chunk_ms // per_chunk
    return [Cue(base + i * step, base + i * step + step // 2, f"chunk {index} cue {i}") for i in range(per_chunk)]
