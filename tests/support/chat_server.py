"""A stand-in OpenAI-compatible chat server on 127.0.0.1, in a thread, that misbehaves as real models and servers
do (issue 25): it thinks aloud, drops, merges, reorders and adds lines, answers 429 and 500, is slow, never ends.

Each request's answer comes from ``reply(lines, body)``: ``lines`` are the numbered lines of the last user message
(``{12: "text"}``), ``body`` the request; it returns a :class:`Reply`. The default translates every line as
``"FR " + text``; :func:`proofreader` answers as a proofreading model does. Requests are recorded
(``requests``: bodies, ``times``: when they came).
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

_LINE = re.compile(r"^\[(\d+)\] (.*)$")


def translate_line(text: str) -> str:
    return "FR " + text


def answer_lines(lines: dict[int, str]) -> str:
    return "\n".join(f"[{n}] {translate_line(t)}" for n, t in lines.items())


@dataclass
class Reply:
    text: str = ""
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay_s: float = 0.0  # before the answer starts
    never_end: bool = False  # a stream that keeps sending empty pieces
    piece_chars: int = 7  # a streamed answer's pieces


def default_reply(lines: dict[int, str], body: dict) -> Reply:
    return Reply(answer_lines(lines))


def corrected(line: str, fixes: dict[str, str]) -> str:
    for wrong, right in fixes.items():
        line = line.replace(wrong, right)
    return line


def proofreader(fixes: dict[str, str]) -> Callable[[dict[int, str], dict], Reply]:
    """A model that proofreads: each line returned with every ``wrong`` replaced by its ``right`` (the rest as is)."""

    def reply(lines: dict[int, str], body: dict) -> Reply:
        return Reply("\n".join(f"[{n}] {corrected(t, fixes)}" for n, t in lines.items()))

    return reply


class StandInChat:
    def __init__(
        self,
        reply: Callable[[dict[int, str], dict], Reply] = default_reply,
        models: tuple[str, ...] = ("qwen3",),
        key: str | None = None,
    ) -> None:
        self.reply = reply
        self.models = models
        self.key = key
        self.requests: list[dict] = []
        self.times: list[float] = []
        self.lock = threading.Lock()
        self.closing = threading.Event()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def __enter__(self) -> StandInChat:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.closing.set()
        self._server.shutdown()
        self._server.server_close()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                pass

            def _json(self, status: int, data: dict, headers: dict[str, str] | None = None) -> None:
                raw = json.dumps(data).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(raw)))
                for name, value in (headers or {}).items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(raw)

            def _authorised(self) -> bool:
                if server.key and self.headers.get("Authorization") != f"Bearer {server.key}":
                    self._json(401, {"error": {"message": "Incorrect API key provided", "type": "invalid_request"}})
                    return False
                return True

            def do_GET(self) -> None:
                if not self._authorised():
                    return
                if self.path.rstrip("/") == "/v1/models":
                    self._json(200, {"object": "list", "data": [{"id": m, "object": "model"} for m in server.models]})
                else:
                    self._json(404, {"error": {"message": "not found"}})

            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
                with server.lock:
                    server.requests.append(body)
                    server.times.append(time.monotonic())
                if not self._authorised():
                    return
                if self.path != "/v1/chat/completions":
                    self._json(404, {"error": {"message": f"no route {self.path}"}})
                    return
                if body.get("model") not in server.models:
                    self._json(404, {"error": {"message": f"model {body.get('model')!r} not found"}})
                    return
                last = body["messages"][-1]["content"]
                lines = {int(m.group(1)): m.group(2) for m in map(_LINE.match, last.splitlines()) if m}
                reply = server.reply(lines, body)
                if reply.delay_s and server.closing.wait(reply.delay_s):
                    return
                if reply.status != 200:
                    self._json(reply.status, {"error": {"message": f"stand-in says {reply.status}"}}, reply.headers)
                    return
                if body.get("stream"):
                    self._stream(body, reply)
                else:
                    self._json(200, {
                        "id": "c1", "object": "chat.completion", "created": 0, "model": body["model"],
                        "choices": [{"index": 0, "message": {"role": "assistant", "content": reply.text},
                                     "finish_reason": "stop"}],
                    })  # fmt: skip

            def _chunk(self, model: str, content: str | None, finish: str | None = None) -> None:
                delta = {} if content is None else {"content": content}
                data = {"id": "c1", "object": "chat.completion.chunk", "created": 0, "model": model,
                        "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]}  # fmt: skip
                raw = f"data: {json.dumps(data)}\n\n".encode()
                self.wfile.write(f"{len(raw):x}\r\n".encode() + raw + b"\r\n")
                self.wfile.flush()

            def _stream(self, body: dict, reply: Reply) -> None:
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.send_header("Transfer-Encoding", "chunked")
                self.end_headers()
                model = body["model"]
                try:
                    text = reply.text
                    for at in range(0, len(text), reply.piece_chars):
                        self._chunk(model, text[at : at + reply.piece_chars])
                    while reply.never_end and not server.closing.wait(0.02):
                        self._chunk(model, "")
                    self._chunk(model, None, "stop")
                    done = b"data: [DONE]\n\n"
                    self.wfile.write(f"{len(done):x}\r\n".encode() + done + b"\r\n0\r\n\r\n")
                except (BrokenPipeError, ConnectionResetError):
                    pass

        return Handler


@pytest.fixture
def no_language_verdict(monkeypatch):
    """The stand-in "translates" by writing FR before the English line: an English answer, which the language check
    would rightly flag; tests about the rest use this (the check itself: tests/translate/test_wrong_language.py)."""
    monkeypatch.setattr("app.text.language_detect.in_other_language", lambda texts, target: [False] * len(texts))
