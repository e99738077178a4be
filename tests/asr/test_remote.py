"""The server engine against a local stand-in for vLLM (tests/support/asr_server.py) on 127.0.0.1."""

from __future__ import annotations

import itertools
import socket
import threading
import time

import pytest

from app.asr.client.protocol import Cues, EngineOptions, Progress, RealignJob, RecognitionDone, RecognizeJob, Status
from app.asr.client.remote import RemoteEngineClient, ServerConfig
from app.asr.client.server_http import ServerEndpoint, ServerError, list_models, parse_answer
from tests.support.asr_server import FakeAsrServer, tone_audio

CHUNK_S = 6.0  # tone_audio's 4 s tones with 1 s gaps: one chunk per tone, cut mid-gap


def _client(server: FakeAsrServer, **kwargs) -> RemoteEngineClient:
    values = {"url": server.url, "chunk_s": CHUNK_S, "backoff_s": 0.01, "timeout_s": 10.0} | kwargs
    return RemoteEngineClient(ServerConfig(**values))


def _run(client: RemoteEngineClient, audio, job: RecognizeJob | None = None, cancelled=lambda: False):
    return list(client.run(job or RecognizeJob(EngineOptions()), audio, cancelled=cancelled))


def _texts(items) -> list[str]:
    return [c.text for item in items if isinstance(item, Cues) for c in item.cues]


def test_parse_answer_keeps_the_language_and_strips_the_prefix():
    assert parse_answer("language English<asr_text>Hello there.") == ("English", "Hello there.")
    assert parse_answer("language Chinese<asr_text>你好。") == ("Chinese", "你好。")
    assert parse_answer("language None<asr_text>") == ("", "")
    assert parse_answer("  Plain text.") == ("", "Plain text.")


def test_every_chunk_comes_back_once_and_in_order_with_concurrency_used():
    count = 8
    with FakeAsrServer(barrier=threading.Barrier(4)) as server:  # four requests must be in flight at once
        items = _run(_client(server, concurrency=4), tone_audio(count))
    assert _texts(items) == [f"Chunk {i} said this." for i in range(count)]
    assert sorted(server.answered) == list(range(count)) and server.max_in_flight == 4
    done = items[-1]
    assert isinstance(done, RecognitionDone) and done.language == "English" and done.estimated
    assert isinstance(items[0], Status)
    fractions = [i.fraction for i in items if isinstance(i, Progress)]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    cues = [c for item in items if isinstance(item, Cues) for c in item.cues]
    assert all(a.end <= b.start for a, b in itertools.pairwise(cues))
    assert 5000 <= cues[1].start < 9000  # tone 1 starts at 5 s: times are offsets into the recording


def test_each_cue_carries_its_chunks_language_a_dialect_kept():
    with FakeAsrServer(language=("Chinese", "Cantonese", "English")) as server:
        items = _run(_client(server), tone_audio(3))
    cues = [c for item in items if isinstance(item, Cues) for c in item.cues]
    assert [c.language for c in cues] == ["Chinese", "Cantonese", "English"]


def test_concurrency_is_a_limit():
    with FakeAsrServer() as server:
        _run(_client(server, concurrency=2), tone_audio(6))
    assert server.max_in_flight <= 2


def test_silent_chunks_are_not_sent():
    with FakeAsrServer() as server:
        items = _run(_client(server), tone_audio(4, silent=(1, 2)))
    assert _texts(items) == ["Chunk 0 said this.", "Chunk 3 said this."]
    assert len(server.requests) == 2


def test_failures_are_retried_and_results_stay_in_order():
    plan = {1: ["500", "500"], 2: ["429"], 3: ["drop"], 5: ["502"]}

    def behaviour(index: int, attempt: int) -> str:
        steps = plan.get(index, [])
        return steps[attempt - 1] if attempt <= len(steps) else "ok"

    with FakeAsrServer(behaviour=behaviour) as server:
        items = _run(_client(server, concurrency=3), tone_audio(6))
    assert _texts(items) == [f"Chunk {i} said this." for i in range(6)]
    assert server.attempts == {0: 1, 1: 3, 2: 2, 3: 2, 4: 1, 5: 2}
    assert sorted(server.answered) == list(range(6))


def test_a_slow_answer_times_out_and_is_retried():
    # The first try of chunk 1 never answers; the others answer at once. The deadline is far above what an
    # answer takes even on a loaded machine (a 0.5 s one failed at load 17), and one stray timeout would be
    # retried too, so only the hung request decides the outcome.
    with FakeAsrServer(behaviour=lambda i, attempt: "hang" if (i, attempt) == (1, 1) else "ok") as server:
        items = _run(_client(server, timeout_s=3.0, concurrency=3), tone_audio(3))
    assert _texts(items) == [f"Chunk {i} said this." for i in range(3)]
    assert server.attempts[1] == 2


def test_server_errors_after_the_retries_are_one_clear_error():
    failing = FakeAsrServer(behaviour=lambda i, a: "500" if i == 1 else "ok")
    with failing as server, pytest.raises(ServerError) as caught:
        _run(_client(server, retries=2), tone_audio(3))
    assert caught.value.message.code == "server.failed" and "HTTP 500" in str(caught.value)
    assert server.attempts[1] == 3


def test_a_wrong_key_is_refused_without_retrying(monkeypatch):
    monkeypatch.setenv("QSS_SERVER_API_KEY", "wrong")
    with FakeAsrServer(api_key="secret") as server:
        config = ServerConfig.from_env(server.url, chunk_s=CHUNK_S)
        assert "wrong" not in repr(config)
        with pytest.raises(ServerError) as caught:
            _run(RemoteEngineClient(config), tone_audio(2))
    assert caught.value.message.code == "server.unauthorized" and "401" in str(caught.value)
    assert not server.requests  # refused before the audio was looked at


def test_the_right_key_is_sent(monkeypatch):
    monkeypatch.setenv("QSS_SERVER_API_KEY", "secret")
    with FakeAsrServer(api_key="secret") as server:
        items = _run(RemoteEngineClient(ServerConfig.from_env(server.url, chunk_s=CHUNK_S)), tone_audio(2))
        assert list_models(ServerEndpoint(server.url, "secret")) == ["Qwen/Qwen3-ASR-1.7B"]
    assert _texts(items) == ["Chunk 0 said this.", "Chunk 1 said this."]


def test_an_unknown_model_is_named():
    with FakeAsrServer() as server, pytest.raises(ServerError) as caught:
        _run(_client(server, model="Qwen/Nope"), tone_audio(2))
    assert caught.value.message.code == "server.unknown_model" and "Qwen/Nope" in str(caught.value)


def test_a_refused_connection_is_one_clear_error():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    client = RemoteEngineClient(ServerConfig(f"http://127.0.0.1:{port}", chunk_s=CHUNK_S))
    with pytest.raises(ServerError) as caught:
        _run(client, tone_audio(2))
    assert caught.value.message.code == "server.refused"
    with pytest.raises(ServerError):
        client.list_models()


def test_language_and_context_are_passed_and_a_forced_language_is_kept():
    with FakeAsrServer(language="German") as server:
        job = RecognizeJob(EngineOptions(), language="French", context="Zoë, Québec")
        items = _run(_client(server), tone_audio(2), job)
    assert {r["language"] for r in server.requests} == {"fr"}
    assert {r["prompt"] for r in server.requests} == {"Zoë, Québec"}
    assert {r["model"] for r in server.requests} == {"Qwen/Qwen3-ASR-1.7B"}
    assert items[-1] == RecognitionDone("French", "server", True)


def test_cancel_ends_the_run_within_two_seconds():
    cancel = threading.Event()
    with FakeAsrServer(behaviour=lambda i, a: "hold") as server:
        client = _client(server)
        result: list[object] = []
        thread = threading.Thread(target=lambda: result.append(_run(client, tone_audio(4), cancelled=cancel.is_set)))
        thread.start()
        assert server.arrived.wait(5)
        started = time.monotonic()
        cancel.set()
        thread.join(5)
        assert not thread.is_alive() and time.monotonic() - started < 2.0
    assert not any(isinstance(i, (Cues, RecognitionDone)) for i in result[0])


def test_realignment_is_refused_with_a_message():
    with pytest.raises(ServerError) as caught:
        list(RemoteEngineClient(ServerConfig("http://127.0.0.1:9")).run(RealignJob(EngineOptions(), ()), tone_audio(1)))
    assert caught.value.message.code == "server.no_realign"


def test_the_address_comes_from_the_environment(monkeypatch):
    monkeypatch.setenv("QSS_SERVER_URL", "http://gpu:8000/v1/")
    monkeypatch.setenv("QSS_SERVER_CONCURRENCY", "3")
    monkeypatch.delenv("QSS_SERVER_API_KEY", raising=False)
    config = ServerConfig.from_env()
    assert (config.endpoint.base, config.concurrency, config.api_key) == ("http://gpu:8000/v1", 3, None)
    monkeypatch.delenv("QSS_SERVER_URL")
    with pytest.raises(ServerError):
        ServerConfig.from_env()
