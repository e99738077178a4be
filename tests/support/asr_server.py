"""A stand-in for ``vllm serve Qwen/Qwen3-ASR-1.7B`` on 127.0.0.1, for tests and bench/bench_server.py.

It follows vLLM's OpenAI-compatible shapes: ``POST /v1/audio/transcriptions`` (multipart ``file``, ``model``,
``language``, ``prompt``...) answers ``{"text": "language English<asr_text>...", "usage": {...}}``;
``GET /v1/models`` answers ``{"object": "list", "data": [{"id": ..., "object": "model"}]}``; errors are
``{"error": {"message", "type", "code"}}`` (404 "The model `x` does not exist.", 401 for a wrong key).

Which chunk a request carries is read from the audio: :func:`tone_audio` makes chunk ``i`` a tone of amplitude
``0.05 * (i + 1)``, so the answer can name it (``chunk i.``) and tests check every chunk came back once and in order.
``behaviour(index, attempt)`` picks what the server does for one request: "ok", "500", "429" (or any other status),
"drop" (close without answering), "slow" (no answer until ``release`` is set, at most 5 s), "hold" (wait on
``release``, then answer), "hang" (no answer until ``release``, however long).

And the ways a hostile or broken server misbehaves: "redirect" (302 to ``redirect_to``), "endless" (a chunked
body that never ends), "huge" (a declared 3 GB body, sent until the client hangs up), "drip" (a byte every
``drip_s``, until ``release``), "controls" (a text with NUL, ANSI escapes and bidi overrides), "nested" (JSON
nested 100,000 deep). ``authorizations`` lists the Authorization header of every request that arrived.
"""

from __future__ import annotations

import io
import json
import threading
import wave
from collections import Counter
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import numpy as np

from app.core.rules import SAMPLE_RATE

Behaviour = Callable[[int, int], str]


def tone_audio(count: int, *, seconds: float = 4.0, gap_s: float = 1.0, silent: tuple[int, ...] = ()) -> np.ndarray:
    """``count`` tones of ``seconds`` each, ``gap_s`` of silence after each; chunk ``i`` has amplitude 0.05*(i+1)
    (a tone listed in ``silent`` is silence instead). Cut with ``chunk_s = seconds + 2 * gap_s`` the chunks are the
    tones."""
    t = np.arange(int(seconds * SAMPLE_RATE)) / SAMPLE_RATE
    parts = []
    for i in range(count):
        amp = 0.0 if i in silent else 0.05 * (i + 1)
        parts.append((amp * np.sin(2 * np.pi * 440 * t)).astype(np.float32))
        parts.append(np.zeros(int(gap_s * SAMPLE_RATE), dtype=np.float32))
    return np.concatenate(parts)


def _chunk_index(wav: bytes) -> int:
    with wave.open(io.BytesIO(wav)) as w:
        pcm = np.frombuffer(w.readframes(w.getnframes()), dtype="<i2")
    peak = float(np.abs(pcm).max()) / 32767.0 if len(pcm) else 0.0
    return round(peak / 0.05) - 1


def _fields(body: bytes, content_type: str) -> dict[str, bytes]:
    boundary = content_type.split("boundary=", 1)[1].strip().encode()
    out: dict[str, bytes] = {}
    for part in body.split(b"--" + boundary):
        if b"\r\n\r\n" not in part:
            continue
        head, _, value = part.partition(b"\r\n\r\n")
        name = head.split(b'name="', 1)[1].split(b'"', 1)[0].decode() if b'name="' in head else ""
        out[name] = value[:-2] if value.endswith(b"\r\n") else value
    return out


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        """A client that hung up (an abandoned or cut-off request) is what the tests do on purpose."""
        import sys

        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)  # type: ignore[arg-type]


class FakeAsrServer:
    """Start with ``with FakeAsrServer(...) as server:``; ``server.url`` is its base address."""

    def __init__(
        self,
        *,
        model: str = "Qwen/Qwen3-ASR-1.7B",
        api_key: str | None = None,
        behaviour: Behaviour | None = None,
        latency_s: float = 0.0,
        barrier: threading.Barrier | None = None,
        language: str | tuple[str, ...] = "English",  # several: chunk i is heard in language[i % len]
        redirect_to: str = "",
        drip_s: float = 0.2,
    ) -> None:
        self.model, self.api_key, self.language = model, api_key, language
        self.behaviour = behaviour or (lambda index, attempt: "ok")
        self.latency_s = latency_s
        self.barrier = barrier
        self.release = threading.Event()
        self.arrived = threading.Event()
        self.lock = threading.Lock()
        self.attempts: Counter[int] = Counter()
        self.answered: list[int] = []
        self.requests: list[dict[str, str]] = []
        self.authorizations: list[str | None] = []
        self.redirect_to, self.drip_s = redirect_to, drip_s
        self.in_flight = 0
        self.max_in_flight = 0
        self._httpd = _QuietServer(("127.0.0.1", 0), self._handler())
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._httpd.server_address[1]}"

    def __enter__(self) -> FakeAsrServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release.set()
        if self.barrier is not None:
            self.barrier.abort()
        self._httpd.shutdown()
        self._httpd.server_close()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                pass

            def _json(self, status: int, data: object) -> None:
                body = json.dumps(data).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def _error(self, status: int, text: str, kind: str) -> None:
                self._json(status, {"error": {"message": text, "type": kind, "param": None, "code": status}})

            def _authorised(self) -> bool:
                with server.lock:
                    server.authorizations.append(self.headers.get("Authorization"))
                if server.api_key is None or self.headers.get("Authorization") == f"Bearer {server.api_key}":
                    return True
                self._error(401, "Unauthorized", "AuthenticationError")
                return False

            def do_GET(self) -> None:
                if not self._authorised():
                    return
                if self.path.rstrip("/") != "/v1/models":
                    self._error(404, "Not Found", "NotFoundError")
                    return
                data = [{"id": server.model, "object": "model", "owned_by": "vllm", "max_model_len": 65536}]
                self._json(200, {"object": "list", "data": data})

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                if not self._authorised():
                    return
                if self.path != "/v1/audio/transcriptions":
                    self._error(404, "Not Found", "NotFoundError")
                    return
                fields = _fields(body, self.headers.get("Content-Type", ""))
                model = fields.get("model", b"").decode()
                if model != server.model:
                    self._error(404, f"The model `{model}` does not exist.", "NotFoundError")
                    return
                index = _chunk_index(fields["file"])
                with server.lock:
                    server.attempts[index] += 1
                    attempt = server.attempts[index]
                    server.requests.append({k: v.decode() for k, v in fields.items() if k != "file"})
                    server.in_flight += 1
                    server.max_in_flight = max(server.max_in_flight, server.in_flight)
                server.arrived.set()
                try:
                    self._answer(index, attempt, fields)
                finally:
                    with server.lock:
                        server.in_flight -= 1

            def _answer(self, index: int, attempt: int, fields: dict[str, bytes]) -> None:
                action = server.behaviour(index, attempt)
                if server.barrier is not None:
                    try:
                        server.barrier.wait(timeout=5)
                    except threading.BrokenBarrierError:
                        pass
                if server.latency_s:
                    server.release.wait(server.latency_s)  # a fixed service time; release ends it early
                if action == "500":
                    self._error(500, "Internal Server Error", "InternalServerError")
                elif action == "429":
                    self._error(429, "Too Many Requests", "RateLimitError")
                elif action.isdigit():
                    self._error(int(action), "Bad Gateway", "ServerError")
                elif action == "drop":
                    self.close_connection = True
                    self.connection.shutdown(2)
                elif action in ("slow", "hold"):
                    server.release.wait(5)
                    if action == "hold":
                        self._ok(index, fields)
                elif action == "hang":
                    server.release.wait()
                elif action in ("redirect", "endless", "huge", "drip", "controls", "nested"):
                    self._misbehave(action)
                else:
                    self._ok(index, fields)

            def _misbehave(self, action: str) -> None:
                if action == "controls":
                    text = "language English<asr_text>Bad\x00 \x1b[31mred\x1b[0m \u202eevil\u202c end\x07."
                    self._json(200, {"text": text})
                    return
                if action == "nested":
                    body = b"[" * 100_000 + b"]" * 100_000
                    self.send_response(200)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                    return
                if action == "redirect":
                    self.send_response(302)
                    self.send_header("Location", server.redirect_to + "/v1/audio/transcriptions")
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                if action == "endless":
                    self.send_header("Transfer-Encoding", "chunked")
                elif action == "huge":
                    self.send_header("Content-Length", str(3 * 1024**3))
                else:  # drip
                    self.send_header("Content-Length", "1000000")
                self.end_headers()
                block = b" " * 65536
                try:
                    while not server.release.is_set():
                        if action == "endless":
                            self.wfile.write(b"%x\r\n%s\r\n" % (len(block), block))
                        elif action == "huge":
                            self.wfile.write(block)
                        else:
                            self.wfile.write(b" ")
                            self.wfile.flush()
                            server.release.wait(server.drip_s)
                except OSError:  # the client hung up, as it should
                    pass
                self.close_connection = True

            def _ok(self, index: int, fields: dict[str, bytes]) -> None:
                with server.lock:
                    server.answered.append(index)
                heard = (
                    server.language
                    if isinstance(server.language, str)
                    else server.language[index % len(server.language)]
                )
                prefix = "" if fields.get("language") else f"language {heard}<asr_text>"
                text = f"{prefix}Chunk {index} said this."
                self._json(200, {"text": text, "usage": {"type": "duration", "seconds": 4}})

        return Handler
