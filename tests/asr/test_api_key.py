"""The server's API key from the environment or the system keyring (a fake keyring backend set in the test)."""

from __future__ import annotations

import sys

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail

from app.asr.client.api_key import ENV_KEY, KeyStoreError, forget_api_key, server_api_key, store_api_key
from app.asr.client.protocol import EngineOptions, RecognizeJob
from app.asr.client.remote import RemoteEngineClient, ServerConfig
from tests.support.asr_server import FakeAsrServer, tone_audio


class MemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.store.get((service, username))

    def set_password(self, service, username, password):
        self.store[(service, username)] = password

    def delete_password(self, service, username):
        self.store.pop((service, username), None)


@pytest.fixture
def memory_keyring(monkeypatch):
    monkeypatch.delenv(ENV_KEY, raising=False)
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


def test_a_stored_key_is_found_for_the_same_server_however_its_address_is_typed(memory_keyring):
    store_api_key("http://gpu-box:8000/v1/", "s3cret")
    assert server_api_key("http://gpu-box:8000") == "s3cret"
    assert server_api_key("http://other:8000") is None
    assert list(memory_keyring.store.values()) == ["s3cret"]
    forget_api_key("http://gpu-box:8000")
    assert server_api_key("http://gpu-box:8000") is None


def test_the_environment_wins_over_the_keyring(memory_keyring, monkeypatch):
    store_api_key("http://gpu-box:8000", "from-keyring")
    monkeypatch.setenv(ENV_KEY, "from-env")
    assert server_api_key("http://gpu-box:8000") == "from-env"
    assert ServerConfig.from_env("http://gpu-box:8000").api_key == "from-env"


def test_the_server_engine_sends_the_keyring_key(memory_keyring):
    with FakeAsrServer(api_key="team-key") as server:
        store_api_key(server.url, "team-key")
        config = ServerConfig.from_env(server.url)
        assert "team-key" not in repr(config)
        client = RemoteEngineClient(config)
        assert client.list_models() == ["Qwen/Qwen3-ASR-1.7B"]
        items = list(client.run(RecognizeJob(EngineOptions(aligner=None)), tone_audio(1)))
    assert items[-1].language == "English"


def test_without_a_keyring_backend_the_lookup_is_quiet_and_storing_says_why(monkeypatch):
    monkeypatch.delenv(ENV_KEY, raising=False)
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        assert server_api_key("http://gpu-box:8000") is None
        with pytest.raises(KeyStoreError, match="QSS_SERVER_API_KEY"):
            store_api_key("http://gpu-box:8000", "k")
        monkeypatch.setenv(ENV_KEY, "env-key")
        assert server_api_key("http://gpu-box:8000") == "env-key"
    finally:
        keyring.set_keyring(previous)


def test_without_the_keyring_package_the_environment_still_works(monkeypatch):
    monkeypatch.setitem(sys.modules, "keyring", None)  # import keyring raises ImportError
    monkeypatch.setenv(ENV_KEY, "env-key")
    assert server_api_key("http://h:1") == "env-key"
    monkeypatch.delenv(ENV_KEY)
    assert server_api_key("http://h:1") is None
