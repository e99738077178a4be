"""The recognition server's API key: typed for this session, from ``QSS_SERVER_API_KEY`` or the system keyring,
never from a file of ours. The rules are app.keystore's, shared with the chat server's key (app.translate.client).
"""

from __future__ import annotations

from app.keystore import KeyStore, KeyStoreError

ENV_KEY = "QSS_SERVER_API_KEY"
SERVICE = "Qwen Subtitle Studio recognition server"
RECOGNITION_KEYS = KeyStore(SERVICE, ENV_KEY)

__all__ = [
    "ENV_KEY",
    "RECOGNITION_KEYS",
    "KeyStoreError",
    "forget_api_key",
    "server_api_key",
    "store_api_key",
    "use_for_session",
]


def key_from_keyring(url: str) -> str | None:
    return RECOGNITION_KEYS.from_keyring(url)


def use_for_session(url: str, key: str | None) -> None:
    """Use ``key`` for the server at ``url`` until the application quits (None or empty: no longer)."""
    RECOGNITION_KEYS.use_for_session(url, key)


def server_api_key(url: str) -> str | None:
    """The key for the server at ``url``: the one typed for this session, else the environment variable, else the
    system keyring."""
    return RECOGNITION_KEYS.key(url)


def store_api_key(url: str, key: str) -> None:
    """Keep ``key`` for ``url`` in the system keyring; raises KeyStoreError where there is none."""
    RECOGNITION_KEYS.store(url, key)


def forget_api_key(url: str) -> None:
    RECOGNITION_KEYS.forget(url)
