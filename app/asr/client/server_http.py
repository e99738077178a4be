"""The HTTP side of the server engine: one OpenAI-compatible transcription request, with retries, and the model list.

Stdlib only (urllib, a multipart body written by hand, the wave module for the audio), so the window and the
command line need no HTTP library. vLLM serves Qwen3-ASR as ``POST {base}/v1/audio/transcriptions`` (multipart:
``file``, ``model``, ``language`` as an ISO code, ``prompt``, ``response_format``, ``temperature``) answering
``{"text": ...}``, and ``GET {base}/v1/models`` answering ``{"data": [{"id": ...}, ...]}``.

Retried with exponential backoff: timeouts, 429, 5xx and dropped connections. Not retried: a refused connection
(wrong address, or nothing listening), 401/403 (wrong key), 404 or a 400 naming the model (unknown model), other
4xx. Every failure is a :class:`ServerError` carrying a Message.
"""

from __future__ import annotations

import http.client
import io
import json
import re
import socket
import threading
import urllib.error
import urllib.request
import uuid
import wave
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import numpy as np

from app.core.errors import ModelError
from app.core.messages import message
from app.core.rules import SAMPLE_RATE

__all__ = ["ServerEndpoint", "ServerError", "list_models", "parse_answer", "transcribe_chunk", "wav_bytes"]


class ServerError(ModelError):
    """The recognition server could not be reached, refused the request, or kept failing."""


@dataclass(frozen=True)
class ServerEndpoint:
    """Where and how to ask: ``url`` with or without ``/v1``; the key is never shown by repr."""

    url: str
    api_key: str | None = None
    timeout_s: float = 120.0
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


class _Retry(Exception):
    def __init__(self, error: ServerError) -> None:
        self.error = error


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
    """The server's raw answer text for one chunk. ``stop`` set ends the backoff waits (raises ServerError)."""
    fields = {"model": model, "response_format": "json", "temperature": "0"}
    if language:
        fields["language"] = language
    if prompt:
        fields["prompt"] = prompt
    body, content_type = multipart(fields, "chunk.wav", wav)
    stop = stop or threading.Event()
    attempt = 0
    while True:
        try:
            answer = _request(endpoint, "/audio/transcriptions", model, body, content_type)
            text = answer.get("text") if isinstance(answer, dict) else None
            if not isinstance(text, str):
                raise ServerError(message=message("server.bad_answer", url=endpoint.base))
            return text
        except _Retry as retry:
            attempt += 1
            if attempt > endpoint.retries:
                raise retry.error from None
            if on_retry is not None:
                on_retry(attempt, retry.error)
            if stop.wait(endpoint.backoff_s * 2 ** (attempt - 1)):
                raise retry.error from None


def list_models(endpoint: ServerEndpoint) -> list[str]:
    """The model ids the server offers (``GET /v1/models``): what "Test connection" shows."""
    attempt = 0
    while True:
        try:
            answer = _request(endpoint, "/models", None, None, None)
            break
        except _Retry as retry:
            attempt += 1
            if attempt > endpoint.retries:
                raise retry.error from None
            threading.Event().wait(endpoint.backoff_s * 2 ** (attempt - 1))
    data = answer.get("data") if isinstance(answer, dict) else None
    if not isinstance(data, list):
        raise ServerError(message=message("server.bad_answer", url=endpoint.base))
    return [str(item["id"]) for item in data if isinstance(item, dict) and "id" in item]


def _request(
    endpoint: ServerEndpoint, path: str, model: str | None, body: bytes | None, content_type: str | None
) -> object:
    url = endpoint.base + path
    headers = endpoint.headers()
    if content_type:
        headers["Content-Type"] = content_type
    request = urllib.request.Request(url, data=body, headers=headers, method="POST" if body is not None else "GET")
    try:
        with urllib.request.urlopen(request, timeout=endpoint.timeout_s) as response:
            raw = response.read()
    except urllib.error.HTTPError as exc:
        detail = _detail(exc)
        status = exc.code
        if status in (401, 403):
            raise ServerError(message=message("server.unauthorized", url=endpoint.base, status=status)) from None
        if model and (status == 404 or (status == 400 and model in detail)):
            raise ServerError(message=message("server.unknown_model", model=model, url=endpoint.base)) from None
        if status == 429 or status >= 500:
            raise _Retry(ServerError(message=message("server.failed", status=status, detail=detail))) from None
        raise ServerError(message=message("server.rejected", status=status, detail=detail)) from None
    except TimeoutError:
        raise _Retry(ServerError(message=message("server.timeout", url=endpoint.base))) from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, (TimeoutError, socket.timeout)):
            raise _Retry(ServerError(message=message("server.timeout", url=endpoint.base))) from None
        if isinstance(reason, ConnectionRefusedError):
            raise ServerError(message=message("server.refused", url=endpoint.base)) from None
        if isinstance(reason, (ConnectionResetError, ConnectionAbortedError, http.client.RemoteDisconnected)):
            raise _Retry(ServerError(message=message("server.dropped", url=endpoint.base))) from None
        raise ServerError(message=message("server.unreachable", url=endpoint.base, reason=str(reason))) from None
    except (http.client.HTTPException, ConnectionError) as exc:  # dropped mid-answer
        raise _Retry(ServerError(message=message("server.dropped", url=endpoint.base))) from exc
    try:
        return json.loads(raw)
    except ValueError:
        raise ServerError(message=message("server.bad_answer", url=endpoint.base)) from None


def _detail(exc: urllib.error.HTTPError) -> str:
    try:
        raw = exc.read().decode("utf-8", "replace")
    except Exception:
        return exc.reason or ""
    try:
        data = json.loads(raw)
    except ValueError:
        return " ".join(raw.split())[:200]
    error = data.get("error", data) if isinstance(data, dict) else data
    if isinstance(error, dict):
        return str(error.get("message", error))[:200]
    return str(data.get("message", error) if isinstance(data, dict) else error)[:200]
