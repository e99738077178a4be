"""The HTTP side of the server engine: one OpenAI-compatible transcription request, with retries, and the model list.

vLLM serves Qwen3-ASR as ``POST {base}/v1/audio/transcriptions`` (multipart: ``file``, ``model``, ``language`` as an
ISO code, ``prompt``, ``response_format``, ``temperature``) answering ``{"text": ...}``, and ``GET {base}/v1/models``
answering ``{"data": [{"id": ...}, ...]}``. Spoken through httpx, which never follows a redirect unless asked.

A server is not trusted: a redirect is refused (the key would go to another host, and a POST would become a
GET), naming where it points; an answer is read to at most :data:`MAX_ANSWER_BYTES`; every request has one
deadline from connecting to its last byte (``timeout_s``), however slowly the server drips; ``stop`` abandons a
request at once (it runs in a daemon thread of its own, so a hung socket never holds up the process's exit);
the answer's text is cleaned of control characters, ANSI escapes and bidi overrides; JSON nested too deeply
is a bad answer, not a crash.

Retried with exponential backoff: 429, 5xx, dropped connections, and a request past its deadline once. Not
retried: a refused connection (wrong address, or nothing listening), 401/403 (wrong key), 404 or a 400 naming the
model (unknown model), other 4xx, redirects, oversized or malformed answers. Every failure is a
:class:`ServerError` carrying a Message.
"""

from __future__ import annotations

import functools
import io
import json
import re
import ssl
import threading
import time
import unicodedata
import uuid
import wave
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import httpx
import numpy as np

from app.core.errors import ModelError
from app.core.messages import message
from app.core.rules import SAMPLE_RATE

__all__ = [
    "DEFAULT_TIMEOUT_S",
    "MAX_ANSWER_BYTES",
    "ServerEndpoint",
    "ServerError",
    "clean_text",
    "list_models",
    "parse_answer",
    "transcribe_chunk",
    "wav_bytes",
]

DEFAULT_TIMEOUT_S = 120.0  # one request, connect to last byte: a 30 s chunk takes a few seconds on a GPU server
MAX_ANSWER_BYTES = 4 * 1024 * 1024  # a 30 s chunk's transcription is a few kB; a model list, a few more
_CONNECT_S = 10.0


class ServerError(ModelError):
    """The recognition server could not be reached, refused the request, or kept failing."""


@dataclass(frozen=True)
class ServerEndpoint:
    """Where and how to ask: ``url`` with or without ``/v1``; the key is never shown by repr."""

    url: str
    api_key: str | None = None
    timeout_s: float = DEFAULT_TIMEOUT_S  # the deadline of one request
    retries: int = 4
    backoff_s: float = 0.5

    def __repr__(self) -> str:
        return f"ServerEndpoint(url={self.url!r}, api_key={'***' if self.api_key else None})"

    @property
    def base(self) -> str:
        url = self.url.rstrip("/")
        return url if url.endswith("/v1") else url + "/v1"

    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.api_key}"} if self.api_key else {}


_PREFIX = re.compile(r"^\s*language\s+([^<\s]*)\s*<asr_text>", re.IGNORECASE)


def parse_answer(text: str) -> tuple[str, str]:
    """(language, text) from Qwen3-ASR's raw answer ``language English<asr_text>Hello.``; ``language None`` (no
    speech) gives ("", ""); an answer without the prefix (a forced language) gives ("", text)."""
    match = _PREFIX.match(text)
    if match is None:
        return "", text.strip()
    language = match.group(1)
    if language.lower() == "none":
        return "", text[match.end() :].strip()
    return language[:1].upper() + language[1:].lower(), text[match.end() :].strip()


def wav_bytes(samples: np.ndarray, sample_rate: int = SAMPLE_RATE) -> bytes:
    """16-bit mono PCM WAV of float samples in [-1, 1]."""
    pcm = (np.clip(np.asarray(samples, dtype=np.float32), -1.0, 1.0) * 32767.0).astype("<i2")
    out = io.BytesIO()
    with wave.open(out, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(sample_rate)
        w.writeframes(pcm.tobytes())
    return out.getvalue()


def multipart(fields: Mapping[str, str], file_name: str, file_data: bytes) -> tuple[bytes, str]:
    """A multipart/form-data body and its content type."""
    boundary = "qss-" + uuid.uuid4().hex
    parts: list[bytes] = []
    for name, value in fields.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
    parts.append(
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{file_name}"\r\n'
        "Content-Type: audio/wav\r\n\r\n".encode()
        + file_data
        + b"\r\n"
    )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


# ANSI escape sequences (CSI ``ESC [ ... final``, OSC ``ESC ] ... BEL|ST``, two-byte ``ESC x``), then any control
# character left (C0 but newline and tab, DEL, C1) and the bidi embeddings, overrides and isolates, which can
# reorder what a subtitle shows; the plain marks LRM/RLM/ALM stay (right-to-left subtitles use them).
_ANSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]?")
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def clean_text(text: str) -> str:
    """What a server said, without what could hide in a subtitle: controls, escape sequences, bidi overrides."""
    text = _ANSI.sub("", text)
    return "".join(
        " " if ch == "\t" else ch
        for ch in text
        if ch in "\n\t" or (unicodedata.category(ch) != "Cc" and ch not in _BIDI_CONTROLS)
    )


class _Retry(Exception):
    def __init__(self, error: ServerError, *, timeout: bool = False) -> None:
        self.error = error
        self.timeout = timeout


class _Stopped(Exception):
    """``stop`` was set while a request was in flight: it was abandoned."""


def transcribe_chunk(
    endpoint: ServerEndpoint,
    model: str,
    wav: bytes,
    *,
    language: str | None = None,
    prompt: str = "",
    stop: threading.Event | None = None,
    on_retry: Callable[[int, ServerError], None] | None = None,
) -> str:
    """The server's answer text for one chunk, cleaned (:func:`clean_text`). ``stop`` set abandons the request in
    flight and ends the backoff waits (raises ServerError)."""
    fields = {"model": model, "response_format": "json", "temperature": "0"}
    if language:
        fields["language"] = language
    if prompt:
        fields["prompt"] = prompt
    body, content_type = multipart(fields, "chunk.wav", wav)

    def ask() -> str:
        answer = _request(endpoint, "/audio/transcriptions", model, body, content_type, stop)
        text = answer.get("text") if isinstance(answer, dict) else None
        if not isinstance(text, str):
            raise ServerError(message=message("server.bad_answer", url=endpoint.base))
        return clean_text(text)

    return _with_retries(endpoint, ask, stop, on_retry)


def list_models(endpoint: ServerEndpoint, stop: threading.Event | None = None) -> list[str]:
    """The model ids the server offers (``GET /v1/models``): what "Test connection" shows."""

    def ask() -> list[str]:
        answer = _request(endpoint, "/models", None, None, None, stop)
        data = answer.get("data") if isinstance(answer, dict) else None
        if not isinstance(data, list):
            raise ServerError(message=message("server.bad_answer", url=endpoint.base))
        return [clean_text(str(item["id"])) for item in data if isinstance(item, dict) and "id" in item]

    return _with_retries(endpoint, ask, stop, None)


def _with_retries(
    endpoint: ServerEndpoint,
    ask: Callable[[], Any],
    stop: threading.Event | None,
    on_retry: Callable[[int, ServerError], None] | None,
) -> Any:
    stop = stop or threading.Event()
    attempt = timeouts = 0
    while True:
        try:
            return ask()
        except _Stopped:
            raise ServerError(message=message("server.cancelled")) from None
        except _Retry as retry:
            attempt += 1
            timeouts += retry.timeout
            if attempt > endpoint.retries or timeouts > 1:  # past the deadline twice: it is not going to answer
                raise retry.error from None
            if on_retry is not None:
                on_retry(attempt, retry.error)
            if stop.wait(endpoint.backoff_s * 2 ** (attempt - 1)):
                raise ServerError(message=message("server.cancelled")) from None


def _request(
    endpoint: ServerEndpoint,
    path: str,
    model: str | None,
    body: bytes | None,
    content_type: str | None,
    stop: threading.Event | None,
) -> object:
    """One exchange, in a daemon thread of its own; this thread waits for it until the deadline or ``stop``."""
    outcome: dict[str, Any] = {}
    finished = threading.Event()
    abandoned = threading.Event()

    def exchange() -> None:
        try:
            outcome["value"] = _exchange(endpoint, path, model, body, content_type, deadline, abandoned)
        except BaseException as exc:  # handed to the waiting thread
            outcome["error"] = exc
        finally:
            finished.set()

    deadline = time.monotonic() + endpoint.timeout_s
    threading.Thread(target=exchange, name="asr-server-request", daemon=True).start()
    while not finished.wait(max(0.0, min(0.05, deadline - time.monotonic()))):
        if stop is not None and stop.is_set():
            abandoned.set()
            raise _Stopped
        if time.monotonic() >= deadline:
            abandoned.set()
            raise _Retry(_timeout(endpoint), timeout=True)
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


@functools.cache
def _tls() -> ssl.SSLContext:
    """httpx's default TLS settings, made once: each request has its own short-lived client."""
    return httpx.create_ssl_context()


def _timeout(endpoint: ServerEndpoint) -> ServerError:
    return ServerError(message=message("server.timeout", url=endpoint.base, seconds=f"{endpoint.timeout_s:g}"))


def _exchange(
    endpoint: ServerEndpoint,
    path: str,
    model: str | None,
    body: bytes | None,
    content_type: str | None,
    deadline: float,
    abandoned: threading.Event,
) -> object:
    url = endpoint.base + path
    headers = endpoint.headers() | {"Accept-Encoding": "identity"}  # counted bytes are the bytes that arrive
    if content_type:
        headers["Content-Type"] = content_type
    left = max(0.001, deadline - time.monotonic())
    timeout = httpx.Timeout(left, connect=min(_CONNECT_S, left))
    try:
        with (
            httpx.Client(follow_redirects=False, timeout=timeout, verify=_tls()) as client,
            client.stream("POST" if body is not None else "GET", url, content=body, headers=headers) as response,
        ):
            status = response.status_code
            if 300 <= status < 400:
                where = clean_text(response.headers.get("location", ""))[:200] or "?"
                raise ServerError(message=message("server.redirected", url=endpoint.base, location=where))
            raw = _read(response, endpoint, deadline, abandoned, limit=MAX_ANSWER_BYTES if status < 400 else 65536)
    except httpx.TimeoutException:
        raise _Retry(_timeout(endpoint), timeout=True) from None
    except httpx.ConnectError as exc:
        if isinstance(exc.__context__, ConnectionRefusedError) or "refused" in str(exc).lower():
            raise ServerError(message=message("server.refused", url=endpoint.base)) from None
        raise _unreachable(endpoint, exc) from None
    except (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError, ConnectionError):
        raise _Retry(ServerError(message=message("server.dropped", url=endpoint.base))) from None
    except httpx.HTTPError as exc:  # a bad address, a proxy that failed...
        raise _unreachable(endpoint, exc) from None
    if status >= 400:
        _refuse(endpoint, status, model, _detail(raw))
    try:
        return json.loads(raw)
    except (ValueError, RecursionError):  # not JSON, or nested past any transcription's shape
        raise ServerError(message=message("server.bad_answer", url=endpoint.base)) from None


def _unreachable(endpoint: ServerEndpoint, exc: Exception) -> ServerError:
    return ServerError(message=message("server.unreachable", url=endpoint.base, reason=clean_text(str(exc))[:200]))


def _read(
    response: httpx.Response, endpoint: ServerEndpoint, deadline: float, abandoned: threading.Event, *, limit: int
) -> bytes:
    """The body, at most ``limit`` bytes, before the deadline however slowly it comes."""
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise ServerError(message=message("server.too_large", url=endpoint.base, limit=limit // 1024))
    parts: list[bytes] = []
    size = 0
    for part in response.iter_raw():
        if abandoned.is_set():
            raise _Stopped
        size += len(part)
        if size > limit:
            raise ServerError(message=message("server.too_large", url=endpoint.base, limit=limit // 1024))
        parts.append(part)
        if time.monotonic() > deadline:
            raise _Retry(_timeout(endpoint), timeout=True)
    return b"".join(parts)


def _refuse(endpoint: ServerEndpoint, status: int, model: str | None, detail: str) -> None:
    if status in (401, 403):
        raise ServerError(message=message("server.unauthorized", url=endpoint.base, status=status))
    if model and (status == 404 or (status == 400 and model in detail)):
        raise ServerError(message=message("server.unknown_model", model=model, url=endpoint.base))
    if status == 429 or status >= 500:
        raise _Retry(ServerError(message=message("server.failed", status=status, detail=detail)))
    raise ServerError(message=message("server.rejected", status=status, detail=detail))


def _detail(raw: bytes) -> str:
    """The error's own words, short and clean."""
    text = raw.decode("utf-8", "replace")
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return clean_text(" ".join(text.split()))[:200]
    error = data.get("error", data) if isinstance(data, dict) else data
    if isinstance(error, dict):
        found = error.get("message", error)
    else:
        found = data.get("message", error) if isinstance(data, dict) else error
    return clean_text(" ".join(str(found).split()))[:200]
