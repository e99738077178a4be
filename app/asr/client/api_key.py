"""The recognition server's API key: typed for this session, from the environment or the system keyring, never
from a file of ours.

A key typed in the window for a server (:func:`use_for_session`) is used for that server until the application
quits, held in memory only; it is stored only when the user asks (:func:`store_api_key`). Otherwise
``QSS_SERVER_API_KEY`` wins when it is set (a script or a CI job says exactly what it wants, whatever the desktop
keyring holds); otherwise the key stored in the system keyring (macOS Keychain, Windows Credential Locker, the
Secret Service on Linux) for that server's address. The ``keyring`` package is imported only when a key is
looked up; with no usable backend (a headless machine) the lookup quietly finds nothing and storing says so.
"""

from __future__ import annotations

import os

from app.core.messages import message

ENV_KEY = "QSS_SERVER_API_KEY"
SERVICE = "Qwen Subtitle Studio recognition server"

__all__ = ["ENV_KEY", "KeyStoreError", "forget_api_key", "server_api_key", "store_api_key", "use_for_session"]

_session_keys: dict[str, str] = {}  # typed in the window: this process's memory only


class KeyStoreError(Exception):
    """No system keyring can hold the key here."""


def _account(url: str) -> str:
    """One key per server: the address without the path the user may or may not type (``/v1``, a slash)."""
    base = url.strip().rstrip("/")
    return base[: -len("/v1")] if base.endswith("/v1") else base


def _keyring():  # -> module | None
    try:
        import keyring
        from keyring.backends import fail
    except Exception:  # not installed, or broken: the environment variable still works
        return None
    try:
        backend = keyring.get_keyring()
    except Exception:
        return None
    if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 1) <= 0:
        return None
    return keyring


def key_from_keyring(url: str) -> str | None:
    keyring = _keyring()
    if keyring is None or not url.strip():
        return None
    try:
        return keyring.get_password(SERVICE, _account(url)) or None
    except Exception:  # a locked or broken store is no key, not a failure of the run
        return None


def use_for_session(url: str, key: str | None) -> None:
    """Use ``key`` for the server at ``url`` until the application quits (None or empty: no longer)."""
    if key and url.strip():
        _session_keys[_account(url)] = key
    else:
        _session_keys.pop(_account(url), None)


def server_api_key(url: str) -> str | None:
    """The key for the server at ``url``: the one typed for this session, else the environment variable, else the
    system keyring."""
    return _session_keys.get(_account(url)) or os.environ.get(ENV_KEY) or key_from_keyring(url)


def store_api_key(url: str, key: str) -> None:
    """Keep ``key`` for ``url`` in the system keyring; raises KeyStoreError where there is none."""
    keyring = _keyring()
    if keyring is None:
        raise KeyStoreError(str(message("server.no_key_store")))
    try:
        keyring.set_password(SERVICE, _account(url), key)
    except Exception as exc:
        raise KeyStoreError(f"{exc}") from None


def forget_api_key(url: str) -> None:
    keyring = _keyring()
    if keyring is None:
        return
    try:
        keyring.delete_password(SERVICE, _account(url))
    except Exception:
        pass
