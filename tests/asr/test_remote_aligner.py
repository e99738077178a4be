"""Server recognition with word timing on this machine: the server's text, the local forced aligner's times."""

from __future__ import annotations

import numpy as np
import pytest

from app.asr.client.protocol import (
    AlignTextJob,
    Cues,
    EngineOptions,
    RecognitionDone,
    RecognizeJob,
    Status,
    TextAligned,
)
from app.asr.client.remote import RemoteEngineClient, ServerConfig
from app.core.document import Word
from app.core.messages import message
from tests.support.asr_server import FakeAsrServer, tone_audio

CHUNK_S = 6.0


class RecordingAligner:
    """A local engine client that answers AlignTextJobs with one word per space-separated token, 100 ms each."""

    def __init__(self) -> None:
        self.jobs: list[tuple[AlignTextJob, int]] = []
        self.shut = False

    def run(self, job, audio, *, cancelled=lambda: False, on_wait=None):
        self.jobs.append((job, len(audio)))
        yield Status(message("engine.loading_aligner"))
        words, at = [], 0
        for token in job.text.split(" "):
            start = job.text.index(token, at)
            words.append(Word(job.offset_ms + 100 * len(words), job.offset_ms + 100 * len(words) + 90, start,
                              start + len(token)))  # fmt: skip
            at = start + len(token)
        yield TextAligned(tuple(words))

    def shutdown(self, timeout: float = 3.0) -> None:
        self.shut = True


def _config(server) -> ServerConfig:
    return ServerConfig(url=server.url, chunk_s=CHUNK_S, backoff_s=0.01, timeout_s=10.0)


def test_each_chunk_is_timed_by_the_local_aligner_in_order():
    aligner = RecordingAligner()
    options = EngineOptions(aligner="/models/aligner", device="cpu")
    with FakeAsrServer() as server:
        client = RemoteEngineClient(_config(server), aligner=aligner, aligner_options=options, own_aligner=True)
        items = list(client.run(RecognizeJob(options), tone_audio(3)))
    client.shutdown()
    assert aligner.shut
    jobs = [job for job, _n in aligner.jobs]
    assert [j.text for j in jobs] == [f"Chunk {i} said this." for i in range(3)]
    assert all(j.language == "English" and j.options.aligner == "/models/aligner" for j in jobs)
    assert [j.offset_ms for j in jobs] == sorted(j.offset_ms for j in jobs) and 4000 <= jobs[1].offset_ms <= 6000
    assert all(n < CHUNK_S * 16000 for _job, n in aligner.jobs)  # each chunk's own audio, not the recording
    cues = [c for item in items if isinstance(item, Cues) for c in item.cues]
    assert cues[0].start == jobs[0].offset_ms  # the aligner's times, not an estimate over the speech
    done = items[-1]
    assert isinstance(done, RecognitionDone) and not done.estimated


def test_without_an_aligner_in_the_job_the_times_are_estimated():
    aligner = RecordingAligner()
    with FakeAsrServer() as server:
        client = RemoteEngineClient(_config(server), aligner=aligner)
        items = list(client.run(RecognizeJob(EngineOptions(aligner=None)), tone_audio(2)))
    assert aligner.jobs == [] and items[-1].estimated


@pytest.mark.slow
def test_the_command_line_times_the_servers_words_with_the_tiny_aligner(tiny_models, tmp_path, capfd):
    """--server with --aligner DIR: the real forced aligner (a tiny checkpoint) in the local engine process."""
    import wave

    from app.cli import run
    from app.formats.srt import read_srt

    media = tmp_path / "talk.wav"
    with wave.open(str(media), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(16000)
        w.writeframes((np.clip(tone_audio(2), -1, 1) * 32767).astype("<i2").tobytes())
    out = tmp_path / "talk.srt"
    with FakeAsrServer() as server:
        argv = ["transcribe", str(media), "-o", str(out), "--server", server.url, "--aligner", str(tiny_models.aligner),
                "--device", "cpu"]  # fmt: skip
        assert run(argv) == 0
    captured = capfd.readouterr()
    cues = read_srt(out).cues
    assert " ".join(c.text for c in cues) == "Chunk 1 said this."
    assert "estimated" not in captured.out  # timed by the aligner
    assert all(0 <= c.start < c.end <= 10_000 for c in cues)
    assert run(["transcribe", str(media), "--server", "http://127.0.0.1:9", "--aligner", str(tmp_path)]) == 2
    assert "error:" in capfd.readouterr().err  # a folder that is no aligner fails before any request


@pytest.mark.slow
def test_an_align_text_job_maps_the_aligners_items_onto_the_words(engine):
    """In the engine process's pipeline: the tiny aligner's items become words with spans into the text,
    punctuation included, and times inside the chunk; a language the aligner lacks is estimated."""
    from app.asr.runtime.pipeline import run_job

    audio = tone_audio(1, seconds=3.0, gap_s=0.5)
    text = "Hello, world. Fine!"
    items = list(run_job(AlignTextJob(engine.options, text, "English", 1000, 4500), engine, audio, lambda: False))
    (done,) = [i for i in items if isinstance(i, TextAligned)]
    assert not done.estimated
    assert [text[w.char_start : w.char_end] for w in done.words] == ["Hello,", "world.", "Fine!"]
    assert all(1000 <= w.start <= w.end <= 4500 for w in done.words)
    (guess,) = [i for i in run_job(AlignTextJob(engine.options, "Habari yako", "Swahili", 0), engine, audio,
                                   lambda: False) if isinstance(i, TextAligned)]  # fmt: skip
    assert guess.estimated and len(guess.words) == 2
