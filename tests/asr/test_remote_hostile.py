"""A recognition server that misbehaves (tests/support/asr_server.py): redirects, endless, huge and dripping
answers, silence, control characters and deep nesting. Each ends as one clear ServerError, or as clean text."""

from __future__ import annotations

import time
import tracemalloc

import pytest

from app.asr.client.protocol import Cues, EngineOptions, RecognizeJob
from app.asr.client.remote import RemoteEngineClient, ServerConfig
from app.asr.client.server_http import MAX_ANSWER_BYTES, ServerError, clean_text
from tests.support.asr_server import FakeAsrServer, tone_audio

CHUNK_S = 6.0
GENEROUS_S = 30.0  # an upper bound that holds on a loaded machine; the behaviour, not the speed, is what is tested


def _run(server: FakeAsrServer, **kwargs) -> list:
    values = {"url": server.url, "chunk_s": CHUNK_S, "backoff_s": 0.01, "timeout_s": 10.0} | kwargs
    return list(RemoteEngineClient(ServerConfig(**values)).run(RecognizeJob(EngineOptions()), tone_audio(1)))


def _always(action: str):
    return lambda index, attempt: action


def test_a_redirect_is_refused_and_the_key_never_reaches_the_other_host():
    with FakeAsrServer() as elsewhere:
        redirecting = FakeAsrServer(behaviour=_always("redirect"), redirect_to=elsewhere.url)
        with redirecting as server, pytest.raises(ServerError) as caught:
            _run(server, api_key="secret")
        assert elsewhere.authorizations == []  # nothing at all went there, let alone the key
    assert caught.value.message.code == "server.redirected"
    assert elsewhere.url in str(caught.value) and "\n" not in str(caught.value)
    assert server.attempts[0] == 1  # not retried


@pytest.mark.parametrize("action", ["endless", "huge"])
def test_an_endless_or_huge_answer_is_cut_at_the_limit(action):
    tracemalloc.start()
    try:
        with FakeAsrServer(behaviour=_always(action)) as server, pytest.raises(ServerError) as caught:
            _run(server)
        _now, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert caught.value.message.code == "server.too_large"
    assert peak < 4 * MAX_ANSWER_BYTES  # what was read is bounded by the limit, not by what the server sends


@pytest.mark.parametrize("action", ["hang", "drip"])
def test_a_silent_or_dripping_server_fails_at_the_deadline(action):
    started = time.monotonic()
    with FakeAsrServer(behaviour=_always(action), drip_s=0.2) as server, pytest.raises(ServerError) as caught:
        _run(server, timeout_s=1.0)
    elapsed = time.monotonic() - started
    assert caught.value.message.code == "server.timeout" and "within 1 s" in str(caught.value)
    assert server.attempts[0] == 2  # past the deadline twice: tried once more, then given up
    assert elapsed < GENEROUS_S  # without a deadline a dripping server never ends


def test_control_characters_escapes_and_bidi_overrides_never_reach_the_cues():
    with FakeAsrServer(behaviour=_always("controls")) as server:
        items = _run(server)
    texts = [c.text for item in items if isinstance(item, Cues) for c in item.cues]
    assert " ".join(texts) == "Bad red evil end."


def test_clean_text_keeps_newlines_and_right_to_left_marks():
    assert clean_text("a\nb\u200fc\td\r\x1b]0;title\x07e\x9b") == "a\nb\u200fc de"


def test_a_deeply_nested_answer_is_a_bad_answer_not_a_crash():
    with FakeAsrServer(behaviour=_always("nested")) as server, pytest.raises(ServerError) as caught:
        _run(server)
    assert caught.value.message.code == "server.bad_answer"


def test_the_deadline_comes_from_the_environment(monkeypatch):
    monkeypatch.setenv("QSS_SERVER_TIMEOUT", "300")
    assert ServerConfig.from_env("http://gpu:8000").endpoint.timeout_s == 300.0
    monkeypatch.setenv("QSS_SERVER_TIMEOUT", "soon")
    with pytest.raises(ServerError, match="QSS_SERVER_TIMEOUT"):
        ServerConfig.from_env("http://gpu:8000")
