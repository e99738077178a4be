"""The one client for every OpenAI-compatible chat server (Ollama, LM Studio, llama.cpp's server, vLLM, DeepSeek,
DashScope, OpenAI), with the official ``openai`` package: its timeouts, its retries (429 after the server's
Retry-After, 5xx and dropped connections with backoff) and its streaming. The only module that imports ``openai``
(an import contract checks it).

The key comes from ``QSS_LLM_API_KEY`` or the system keyring (or was typed in the window for this session), never
from the command line or a file of ours: app.keystore's rules, the recognition server's too. A redirect is never
followed (the key stays with the server it was meant for). An answer is read as it streams, so a cancel is seen
between its pieces, and it is cut at a size limit and at the request's deadline.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, cast
from urllib.parse import urlsplit

import openai

from app.core.errors import AppError
from app.core.messages import message
from app.keystore import KeyStore

ENV_KEY = "QSS_LLM_API_KEY"
KEYRING_SERVICE = "Qwen Subtitle Studio language model"
LLM_KEYS = KeyStore(KEYRING_SERVICE, ENV_KEY)
MAX_ANSWER_CHARS = 200_000  # a batch of 40 lines is a few kB; more is a model that never stops
Cancel = Callable[[], bool]


def _never() -> bool:
    return False


class TranslateError(AppError):
    """The chat server cannot do the work (refused, key, model, timeout...): the run stops with this one line."""


class Cancelled(TranslateError):
    pass


def failure(code: str, **params: object) -> TranslateError:
    return TranslateError(message=message(code, **params))


def base_url(url: str) -> str:
    """The server's address as the client wants it, ending in ``/v1`` whether or not the user typed it."""
    text = url.strip().rstrip("/")
    try:
        parts = urlsplit(text)
        host = parts.hostname
    except ValueError:  # "http://[::1": an unclosed IPv6 address
        raise failure("translate.bad_url", url=url) from None
    if parts.scheme not in ("http", "https") or not host:
        raise failure("translate.bad_url", url=url)
    return text if text.endswith("/v1") else text + "/v1"


def api_key(url: str) -> str | None:
    """The key for this server: typed in the window for this session, else ``QSS_LLM_API_KEY``, else the system
    keyring's entry for its address (local servers need none)."""
    return LLM_KEYS.key(url)


@dataclass(frozen=True)
class ChatServer:
    url: str
    model: str
    api_key: str | None = field(default=None, repr=False)
    deadline_s: float = 120.0  # one request, retries not counted
    max_retries: int = 3
    stream: bool = True
    max_answer_chars: int = MAX_ANSWER_CHARS


class ChatClient:
    """One chat server, shared by the threads of a run (the ``openai`` client is thread-safe)."""

    def __init__(self, server: ChatServer) -> None:
        self.server = server
        self._url = base_url(server.url)
        self._client = openai.OpenAI(
            base_url=self._url,
            api_key=server.api_key or "no-key",  # local servers take any
            max_retries=max(server.max_retries, 0),
            timeout=server.deadline_s,
            http_client=openai.DefaultHttpxClient(follow_redirects=False, timeout=server.deadline_s),
        )

    def close(self) -> None:
        self._client.close()

    def models(self) -> list[str]:
        """The models the server lists (``/v1/models``), for a window's choice."""
        try:
            return sorted(model.id for model in self._client.models.list())
        except openai.OpenAIError as exc:
            raise self._error(exc) from None

    def complete(self, chat: list[dict[str, str]], cancel: Cancel = _never) -> str:
        """The model's answer to ``chat``, whole; raises TranslateError (Cancelled on ``cancel()``)."""
        if cancel():
            raise Cancelled(message=message("translate.cancelled"))
        deadline = time.monotonic() + self.server.deadline_s
        try:
            if self.server.stream:
                return self._streamed(chat, cancel, deadline)
            return self._plain(chat, cancel, deadline)
        except openai.OpenAIError as exc:
            raise self._error(exc) from None

    def _streamed(self, chat: list[dict[str, str]], cancel: Cancel, deadline: float) -> str:
        stream = self._client.chat.completions.create(model=self.server.model, messages=cast(Any, chat), stream=True)
        with stream:
            pieces = [
                (choice.delta.content or "")
                for chunk in self._watched(stream, cancel, deadline)
                for choice in chunk.choices
            ]
        return "".join(pieces)

    def _plain(self, chat: list[dict[str, str]], cancel: Cancel, deadline: float) -> str:
        create = self._client.chat.completions.with_streaming_response.create
        with create(model=self.server.model, messages=cast(Any, chat), stream=False) as response:
            body = b"".join(self._watched(response.iter_bytes(), cancel, deadline, size=len))
        try:
            data = json.loads(body)
            return str(data["choices"][0]["message"]["content"] or "")
        except (ValueError, KeyError, IndexError, TypeError):
            raise failure("translate.bad_answer", url=self.server.url) from None

    def _watched(
        self, pieces: Iterable[Any], cancel: Cancel, deadline: float, size: Callable[[Any], int] | None = None
    ):
        """The pieces of an answer, stopped by a cancel, the deadline or the size limit."""
        total = 0
        for piece in pieces:
            if cancel():
                raise Cancelled(message=message("translate.cancelled"))
            if time.monotonic() > deadline:
                raise failure("translate.timeout", url=self.server.url, seconds=round(self.server.deadline_s))
            total += size(piece) if size else sum(len(c.delta.content or "") for c in piece.choices)
            if total > self.server.max_answer_chars:
                raise failure("translate.too_large", url=self.server.url, limit=self.server.max_answer_chars // 1000)
            yield piece

    def _error(self, exc: openai.OpenAIError) -> TranslateError:
        url, model = self.server.url, self.server.model
        if isinstance(exc, openai.APITimeoutError):
            return failure("translate.timeout", url=url, seconds=round(self.server.deadline_s))
        if isinstance(exc, openai.APIConnectionError):
            cause = exc.__cause__ or exc
            if "refused" in str(cause).lower() or isinstance(cause, ConnectionRefusedError):
                return failure("translate.refused", url=url)
            return failure("translate.unreachable", url=url, reason=str(cause) or type(cause).__name__)
        if isinstance(exc, openai.APIStatusError):
            status = exc.status_code
            detail = " ".join(str(exc.message).split())[:200]
            if status in (401, 403):
                return failure("translate.unauthorized", url=url, status=status)
            if status == 404 or (status == 400 and "model" in detail.lower()):
                return failure("translate.unknown_model", url=url, model=model)
            if 300 <= status < 400:
                where = exc.response.headers.get("location", "?")
                return failure("translate.redirected", url=url, location=where)
            if status >= 500 or status == 429:
                return failure("translate.failed", url=url, status=status, detail=detail)
            return failure("translate.rejected", url=url, status=status, detail=detail)
        return failure("translate.bad_answer", url=url)
