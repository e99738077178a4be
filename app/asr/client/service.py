"""The models live in a child process; the window's process never imports torch or qwen_asr.

Why a process and not a thread: importing torch and qwen_asr takes 10-15 s, and parts of it (loading
libtorch, extension initialisers) hold the GIL for up to a second at a time, so a worker *thread* made the
window stutter for seconds on the first recognition (measured: 11 stalls over 100 ms, the longest 1.0 s).
A child process also keeps a crash or an out-of-memory kill in the model code from taking the user's
unsaved work with it, frees all model memory when it ends, and can always be ended: that is what makes the
engine hang-proof.

:class:`LocalEngineClient` implements app.asr.client.protocol.EngineClient. The child (app.asr.runtime.child,
started by module name: this process never imports the runtime) runs app.asr.runtime.pipeline for each job and
sends a heartbeat while it works. The parent ends the child (SIGTERM, then SIGKILL, which works on a stopped
process too) when it does not stop within ``cancel_grace`` seconds of a cancel, or says nothing for
``silence_timeout`` seconds during a job (then the caller gets :class:`EngineHung`); the next job starts a new
child. :meth:`shutdown` returns within about its timeout whatever state the child is in.
"""

from __future__ import annotations

import atexit
import importlib
import multiprocessing
import queue
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from multiprocessing.connection import Connection
from typing import Any

import numpy as np

from app.asr.client.protocol import EngineHung, EngineMessage, Job
from app.core.errors import ModelError
from app.core.messages import Message, message

Runner = Callable[[Any, np.ndarray, Callable[[], bool]], Iterator[Any]]

CANCEL_GRACE_S = 1.5  # a cancelled child that has not stopped after this long is ended
SILENCE_TIMEOUT_S = 60.0  # a child that sends nothing (not even its heartbeat) for this long during a job is hung
BEAT_S = 0.5
CHILD = "app.asr.runtime.child"  # the engine process's side, imported there by name


def _never() -> bool:
    return False


class LocalEngineClient:
    """One child process that serves jobs one at a time, starting on first use and again after it was ended."""

    def __init__(
        self,
        *,
        runner: Runner | None = None,
        cancel_grace: float = CANCEL_GRACE_S,
        silence_timeout: float = SILENCE_TIMEOUT_S,
        beat_interval: float = BEAT_S,
    ) -> None:
        """``runner(job, audio, cancelled)`` is what the child runs (a module-level function, it is pickled by
        name; None: app.asr.runtime.pipeline.run_in_process, chosen in the child). Tests pass their own."""
        self._runner = runner
        self.cancel_grace = cancel_grace
        self.silence_timeout = silence_timeout
        self.beat_interval = beat_interval
        self._lock = threading.Lock()  # one job at a time from this process
        self._process: multiprocessing.process.BaseProcess | None = None
        self._conn: Connection | None = None
        self._inbox: queue.Queue[Any] | None = None
        self._cancel: Any = None
        self._closing = False
        self._atexit = False

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.is_alive()

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    # -- the child ---------------------------------------------------------------------------------------
    def _start(self) -> None:
        context = multiprocessing.get_context("spawn")  # fork would copy Qt's threads into the child
        parent, child = context.Pipe()
        self._cancel = context.Event()
        self._process = context.Process(
            target=_child_main, args=(child, self._cancel, self._runner, self.beat_interval),
            name="qss-engine", daemon=True,
        )  # fmt: skip
        self._process.start()
        child.close()
        self._conn = parent
        # a thread per child reads its messages: a blocking recv() of a message the child stopped half-way through
        # writing then blocks that thread, never the caller, which only ever waits on the queue with a timeout
        self._inbox = queue.Queue()
        threading.Thread(target=_read, args=(parent, self._inbox), name="engine-reader", daemon=True).start()
        if not self._atexit:  # before multiprocessing's own exit handler, which would wait forever on a stopped child
            atexit.register(self.shutdown, 1.0)
            self._atexit = True

    def _end(self) -> None:
        """End the child now: SIGTERM, then SIGKILL (a stopped process ignores SIGTERM until continued). Its reader
        thread sees the end of the pipe and closes it."""
        process = self._process
        self._process, self._conn, self._inbox = None, None, None
        if process is None:
            return
        if process.is_alive():
            process.terminate()
            process.join(0.3)
        if process.is_alive():
            process.kill()
            process.join(2.0)

    # -- jobs ------------------------------------------------------------------------------------------------
    def run(
        self,
        job: Job,
        audio: np.ndarray,
        *,
        cancelled: Callable[[], bool] = _never,
        on_wait: Callable[[Message], None] | None = None,
    ) -> Iterator[EngineMessage]:
        """Run ``job`` in the child; its messages arrive here in order (see app.asr.client.protocol)."""
        if not self._lock.acquire(blocking=False):
            if on_wait is not None:
                on_wait(message("engine.waiting"))
            while not self._lock.acquire(timeout=0.1):
                if cancelled():
                    return
        shm = None
        busy = False
        try:
            self._closing = False
            if not self.running:
                self._end()
                self._start()
            conn, process = self._conn, self._process
            assert conn is not None and process is not None
            self._cancel.clear()
            shm, shared = _share(audio)
            try:
                conn.send(("job", job, shared))
            except (OSError, ValueError):  # it died between the check and the request
                process.join(1.0)
                self._crashed(process)
            busy = True
            yield from self._receive(cancelled)
            busy = False
        finally:
            if busy:  # the consumer stopped early, or the stream failed: the job must end before the next one
                self._stop_job()
            if shm is not None:
                shm.close()
                shm.unlink()
            self._lock.release()

    def _receive(self, cancelled: Callable[[], bool]) -> Iterator[Any]:
        inbox, process = self._inbox, self._process
        assert inbox is not None and process is not None
        heard = time.monotonic()
        cancel_at: float | None = None
        while True:
            if cancel_at is None and cancelled():
                self._cancel.set()
                cancel_at = time.monotonic()
            if cancel_at is not None and time.monotonic() - cancel_at > self.cancel_grace:
                self._end()  # it did not acknowledge the cancel in time: a load in progress, or it hangs
                return
            try:
                item = inbox.get(timeout=0.05)
            except queue.Empty:
                if time.monotonic() - heard > self.silence_timeout:
                    self._end()
                    raise EngineHung(message=message("engine.hung")) from None
                continue
            if item is None:  # the pipe ended: the child is gone (or being ended by shutdown)
                process.join(0.5)
                if self._closing or cancel_at is not None:
                    self._end()
                    return
                self._crashed(process)
            heard = time.monotonic()
            kind = item[0]
            if kind == "beat":
                continue
            if kind == "done":
                return
            if kind == "error":
                if cancel_at is not None:
                    return
                raise item[1]
            if cancel_at is None:
                yield item[1]
                heard = time.monotonic()  # the consumer's time is not the child's silence

    def _stop_job(self) -> None:
        """Cancel the job in flight and read what is left of it; a child that does not stop in time is ended."""
        inbox = self._inbox
        if inbox is None or self._process is None:
            return
        self._cancel.set()
        deadline = time.monotonic() + self.cancel_grace
        while (left := deadline - time.monotonic()) > 0:
            try:
                item = inbox.get(timeout=min(left, 0.05))
            except queue.Empty:
                continue
            if item is None:
                break
            if item[0] in ("done", "error"):
                return
        self._end()

    def _crashed(self, process: multiprocessing.process.BaseProcess) -> None:
        code = process.exitcode
        self._end()
        if code is not None and code < 0:
            raise ModelError(message=message("engine.killed"))
        raise ModelError(message=message("engine.ended", code=code))

    def shutdown(self, timeout: float = 3.0) -> None:
        """End the child (models unloaded, memory returned); returns within about ``timeout`` s (at least ~0.5 s
        more when the child must be killed), even when the child is stopped or a job is still running."""
        self._closing = True
        locked = self._lock.acquire(timeout=min(0.5, timeout / 4))
        try:
            if self._cancel is not None:
                self._cancel.set()
            conn, process = self._conn, self._process
            if conn is not None:
                try:
                    conn.send(None)
                except (OSError, ValueError):
                    pass
            if process is not None:
                process.join(max(0.0, timeout / 2))
            self._end()
        finally:
            if locked:
                self._lock.release()


def _read(conn: Connection, inbox: queue.Queue[Any]) -> None:
    """Move the child's messages into ``inbox`` until the pipe ends (then None), and close the pipe."""
    try:
        while True:
            inbox.put(conn.recv())
    except (EOFError, OSError):
        inbox.put(None)
    except Exception:  # a message that does not unpickle: the child is of no more use
        traceback.print_exc()
        inbox.put(None)
    finally:
        conn.close()


def _share(audio: np.ndarray | None) -> tuple[Any, tuple[str, int] | None]:
    if audio is None:
        return None, None
    from multiprocessing import shared_memory

    samples = np.ascontiguousarray(audio, dtype=np.float32).reshape(-1)
    shm = shared_memory.SharedMemory(create=True, size=max(samples.nbytes, 1))
    np.ndarray(samples.shape, dtype=np.float32, buffer=shm.buf)[:] = samples
    return shm, (shm.name, samples.shape[0])


def _child_main(conn: Connection, cancel: Any, runner: Runner | None, beat_interval: float) -> None:
    """The engine process's entry (pickled by name, so it runs there): its loop is app.asr.runtime.child.serve,
    imported by name in the child only; this process never imports the runtime."""
    importlib.import_module(CHILD).serve(conn, cancel, runner, beat_interval)


_client: LocalEngineClient | None = None
_client_lock = threading.Lock()


def local_engine() -> LocalEngineClient:
    """The process's engine client (one child for recognition and alignment alike)."""
    global _client
    with _client_lock:
        if _client is None:
            _client = LocalEngineClient()
        return _client


def set_local_engine(client: LocalEngineClient | None) -> None:
    """Replace the process's client (tests inject one); the old one is left to its owner to shut down."""
    global _client
    with _client_lock:
        _client = client
