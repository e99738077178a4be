"""The API keys of the servers we talk to (the recognition server, the chat server that translates): typed for
this session, from the environment or the system keyring, never from the command line or a file of ours.

A key typed in the window for a server (:meth:`KeyStore.use_for_session`) is used for that server until the
application quits, held in memory only; it is stored only when the user asks (:meth:`KeyStore.store`). Otherwise
the store's environment variable wins when it is set (a script or a CI job says exactly what it wants, whatever
the desktop keyring holds); otherwise the key kept in the system keyring (macOS Keychain, Windows Credential
Locker, the Secret Service on Linux) for that server's address. The ``keyring`` package is imported only when a
key is looked up; with no usable backend (a headless machine) the lookup quietly finds nothing and storing says
so. Each kind of server has its own store (its keyring service and variable): one code for both.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

__all__ = ["KeyStore", "KeyStoreError", "account"]

_session_keys: dict[tuple[str, str], str] = {}  # (service, account) -> typed in the window: memory only


class KeyStoreError(Exception):
    """No system keyring can hold the key here."""


def account(url: str) -> str:
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


@dataclass(frozen=True)
class KeyStore:
    """The keys of one kind of server: ``service`` names them in the keyring, ``env_key`` is the variable."""

    service: str
    env_key: str

    def key(self, url: str) -> str | None:
        """The key for the server at ``url``: the one typed for this session, else the environment variable, else
        the system keyring."""
        typed = _session_keys.get((self.service, account(url)))
        return typed or os.environ.get(self.env_key, "").strip() or self.from_keyring(url)

    def from_keyring(self, url: str) -> str | None:
        keyring = _keyring()
        if keyring is None or not url.strip():
            return None
        try:
            return keyring.get_password(self.service, account(url)) or None
        except Exception:  # a locked or broken store is no key, not a failure of the run
            return None

    def use_for_session(self, url: str, key: str | None) -> None:
        """Use ``key`` for the server at ``url`` until the application quits (None or empty: no longer)."""
        if key and url.strip():
            _session_keys[(self.service, account(url))] = key
        else:
            _session_keys.pop((self.service, account(url)), None)

    def store(self, url: str, key: str) -> None:
        """Keep ``key`` for ``url`` in the system keyring; raises KeyStoreError where there is none."""
        keyring = _keyring()
        if keyring is None:
            raise KeyStoreError(f"no system keyring is available here; set {self.env_key} instead")
        try:
            keyring.set_password(self.service, account(url), key)
        except Exception as exc:
            raise KeyStoreError(f"{exc}") from None

    def forget(self, url: str) -> None:
        keyring = _keyring()
        if keyring is None:
            return
        try:
            keyring.delete_password(self.service, account(url))
        except Exception:
            pass
