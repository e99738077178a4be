"""The engine process's side of app.asr.client.service: one job per request, messages back, a heartbeat.

app.asr.client.service.LocalEngineClient starts the child with its own entry point, which imports this module by
name; the job runner (app.asr.runtime.pipeline.run_in_process unless a test passes its own) and with it torch and
qwen_asr are imported here, in the child, never in the window's process.
"""

from __future__ import annotations

import threading
import time
import traceback
from multiprocessing.connection import Connection
from typing import Any

import numpy as np

from app.asr.client.service import Runner
from app.core.errors import AppError, ModelError
from app.core.messages import message


def serve(conn: Connection, cancel: Any, runner: Runner | None, beat_interval: float) -> None:
    """The child's loop: one job per request until told to stop or the parent goes away."""
    import os
    import signal
    from multiprocessing import shared_memory

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C in a terminal is the parent's to handle
    parent = os.getppid()
    send_lock = threading.Lock()
    working = threading.Event()

    def send(item: Any) -> None:
        with send_lock:
            conn.send(item)

    def beat() -> None:
        while True:
            time.sleep(beat_interval)
            if os.getppid() != parent:  # the parent died without ending us (SIGKILL, a crash): nobody is listening
                os._exit(0)
            if working.is_set():
                try:
                    send(("beat",))
                except (OSError, ValueError):
                    return

    threading.Thread(target=beat, name="heartbeat", daemon=True).start()
    if runner is None:
        from app.asr.runtime.pipeline import run_in_process

        runner = run_in_process
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            return
        if request is None:
            return
        _, job, shared = request
        working.set()
        # this job's cancel stays true after the job: work it left behind (a model load in its thread) stops at
        # its next check even after the shared flag is cleared for the next job
        stopped = threading.Event()

        def cancelled(stopped: threading.Event = stopped) -> bool:
            if cancel.is_set():
                stopped.set()
            return stopped.is_set()

        try:
            audio = None
            if shared is not None:
                shm = shared_memory.SharedMemory(name=shared[0])
                try:
                    audio = np.ndarray((shared[1],), dtype=np.float32, buffer=shm.buf).copy()
                finally:
                    shm.close()
            for item in runner(job, audio, cancelled):
                send(("msg", item))
            cancelled()
            send(("done",))
        except AppError as exc:
            try:
                send(("error", exc))
            except Exception:  # an error that does not pickle still arrives, as its one line
                send(("error", ModelError(message=message("engine.failed", detail=str(exc)))))
        except MemoryError:
            send(("error", ModelError(message=message("engine.out_of_memory"))))
        except Exception as exc:
            traceback.print_exc()
            send(("error", ModelError(message=message("engine.failed", detail=f"{type(exc).__name__}: {exc}"))))
        finally:
            cancelled()
            working.clear()
