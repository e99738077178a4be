"""The models live in a child process; the window's process never imports torch or qwen_asr.

Why a process and not a thread: importing torch and qwen_asr takes 10-15 s, and parts of it (loading
libtorch, extension initialisers) hold the GIL for up to a second at a time, so a worker *thread* made the
window stutter for seconds on the first recognition (measured: 11 stalls over 100 ms, the longest 1.0 s).
A child process also keeps a crash or an out-of-memory kill in the model code from taking the user's
unsaved work with it, and frees all model memory when it ends.

Use: ``for message in service.stream("app.asr.jobs:recognize_cues", audio=samples, options=..., ...)``.
The target is a generator function ``f(*, engine, audio, cancelled, **kwargs)`` run in the child with the
process's shared engine; whatever it yields arrives here, in order. Cancelling (``cancelled()`` returning
True) is passed to the child, which stops at its next check; the stream then ends. A failure in the child
arrives as a one-line ModelError.
"""

from __future__ import annotations

import importlib
import multiprocessing
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from multiprocessing.connection import Connection
from typing import Any

import numpy as np

from app.core.errors import AppError, ModelError

_DONE = "__done__"
_ERROR = "__error__"


class EngineService:
    """One child process that serves model jobs one at a time, starting on first use."""

    def __init__(self) -> None:
        self._lock = threading.Lock()  # one job at a time from this process; the child serialises too
        self._process: multiprocessing.process.BaseProcess | None = None
        self._conn: Connection | None = None
        self._cancel: Any = None
        self._busy = False  # a job was sent and its end not yet read

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.is_alive()

    def _start(self) -> None:
        context = multiprocessing.get_context("spawn")  # fork would copy Qt's threads into the child
        parent, child = context.Pipe()
        self._cancel = context.Event()
        self._process = context.Process(target=_serve, args=(child, self._cancel), name="qss-engine", daemon=True)
        self._process.start()
        child.close()
        self._conn = parent

    def stream(
        self,
        target: str,
        *,
        audio: np.ndarray | None = None,
        options: Any = None,
        cancelled: Callable[[], bool] | None = None,
        on_wait: Callable[[str], None] | None = None,
        **kwargs: Any,
    ) -> Iterator[Any]:
        if not self._lock.acquire(blocking=False):
            if on_wait is not None:
                on_wait("Waiting for another recognition or alignment to finish…")
            self._lock.acquire()
        shm = None
        try:
            if not self.running:
                self._start()
            assert self._conn is not None
            self._cancel.clear()
            shared = None
            if audio is not None:
                from multiprocessing import shared_memory

                samples = np.ascontiguousarray(audio, dtype=np.float32)
                shm = shared_memory.SharedMemory(create=True, size=max(samples.nbytes, 1))
                np.ndarray(samples.shape, dtype=np.float32, buffer=shm.buf)[:] = samples
                shared = (shm.name, samples.shape[0])
            self._conn.send((target, shared, options, kwargs))
            self._busy = True
            yield from self._receive(cancelled)
        finally:
            if self._busy:  # the consumer stopped early: the job must end before the next one may start
                self._drain()
            if shm is not None:
                shm.close()
                shm.unlink()
            self._lock.release()

    def _receive(self, cancelled: Callable[[], bool] | None) -> Iterator[Any]:
        assert self._conn is not None and self._process is not None
        while True:
            if cancelled is not None and cancelled():
                self._cancel.set()
            try:
                ready = self._conn.poll(0.05)
            except (EOFError, OSError):
                ready = True
            if not ready:
                if not self._process.is_alive():
                    self._crashed()
                continue
            try:
                message = self._conn.recv()
            except (EOFError, OSError):
                self._crashed()
            if isinstance(message, tuple) and message and message[0] in (_DONE, _ERROR):
                self._busy = False
                if message[0] == _ERROR:
                    raise ModelError(message[1])
                return
            yield message

    def _drain(self, timeout: float = 30.0) -> None:
        """Cancel the running job and read its remaining messages; a child that will not stop is ended."""
        self._busy = False
        if self._conn is None or self._process is None:
            return
        self._cancel.set()
        deadline = time.monotonic() + timeout
        try:
            while time.monotonic() < deadline:
                if self._conn.poll(0.05):
                    message = self._conn.recv()
                    if isinstance(message, tuple) and message and message[0] in (_DONE, _ERROR):
                        return
                elif not self._process.is_alive():
                    break
        except (EOFError, OSError):
            pass
        self._process.terminate()
        self._process.join(5)
        self._process, self._conn = None, None

    def _crashed(self) -> None:
        self._busy = False
        code = self._process.exitcode if self._process is not None else None
        self._process, self._conn = None, None
        how = "was killed (out of memory?)" if code is not None and code < 0 else f"ended (exit status {code})"
        raise ModelError(f"the recognition process {how}; your subtitles are safe, try again")

    def stop(self, timeout: float = 5.0) -> None:
        """End the child (models unloaded, memory returned)."""
        with self._lock:
            if self._conn is not None:
                try:
                    self._conn.send(None)
                except (OSError, BrokenPipeError):
                    pass
            if self._process is not None:
                self._process.join(timeout)
                if self._process.is_alive():
                    self._process.terminate()
                    self._process.join(timeout)
            self._process, self._conn = None, None


def _serve(conn: Connection, cancel: Any) -> None:
    """The child's loop: one job per request until told to stop or the parent goes away."""
    from multiprocessing import shared_memory

    from app.asr.engine import shared_engine

    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            return
        if request is None:
            return
        target, shared, options, kwargs = request
        shm = None
        try:
            audio = None
            if shared is not None:
                shm = shared_memory.SharedMemory(name=shared[0])
                audio = np.ndarray((shared[1],), dtype=np.float32, buffer=shm.buf).copy()
                shm.close()
                shm = None
            module, _, name = target.partition(":")
            function = getattr(importlib.import_module(module), name)
            engine = shared_engine(options) if options is not None else None
            for item in function(engine=engine, audio=audio, cancelled=cancel.is_set, **kwargs):
                conn.send(item)
            conn.send((_DONE,))
        except AppError as exc:
            conn.send((_ERROR, str(exc)))
        except MemoryError:
            conn.send((_ERROR, "out of memory"))
        except Exception as exc:
            traceback.print_exc()
            conn.send((_ERROR, f"{type(exc).__name__}: {exc}"))
        finally:
            if shm is not None:
                shm.close()


_service: EngineService | None = None
_service_lock = threading.Lock()


def engine_service() -> EngineService:
    """The process's service (one child for recognition and alignment alike)."""
    global _service
    with _service_lock:
        if _service is None:
            _service = EngineService()
        return _service
