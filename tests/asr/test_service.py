"""The engine process: results stream back in order, cancel reaches it, failures are one line, a crash is survived,
and a process that stops answering is ended within bounded time (cancel, silence, shutdown) and replaced."""

from __future__ import annotations

import os
import signal
import time

import numpy as np
import pytest

from app.asr.client.protocol import EngineHung
from app.asr.client.service import LocalEngineClient
from app.core.errors import ModelError
from tests.asr.service_targets import Dies, Echo, Fails, IgnoresCancel, UntilCancelled, run


@pytest.fixture(scope="module")
def client():
    svc = LocalEngineClient(runner=run)
    yield svc
    svc.shutdown()


def test_run_passes_audio_and_items(client):
    audio = np.linspace(0, 1, 16000, dtype=np.float32)
    got = list(client.run(Echo(3), audio))
    assert got[0] == ("audio", (16000, pytest.approx(float(audio.sum()), rel=1e-6)))
    assert got[1:] == [("item", 0), ("item", 1), ("item", 2)]


def test_cancel_reaches_the_child(client):
    seen = []
    for item in client.run(UntilCancelled(), None, cancelled=lambda: bool(seen)):
        seen.append(item)
    assert [s[0] for s in seen] == ["started"]  # nothing after the cancel reaches the caller
    assert list(client.run(Echo(1), None))[-1] == ("item", 0)


def test_failure_is_one_line_and_the_service_goes_on(client):
    with pytest.raises(ModelError, match=r"missing config\.json"):
        list(client.run(Fails(), None))
    assert list(client.run(Echo(1), None))[-1] == ("item", 0)


def test_a_crashed_child_is_an_error_then_restarts(client):
    with pytest.raises(ModelError, match="recognition process ended") as caught:
        list(client.run(Dies(), None))
    assert caught.value.message is not None and caught.value.message.code == "engine.ended"
    assert not client.running
    assert list(client.run(Echo(1), None))[-1] == ("item", 0)


def test_a_stream_left_early_does_not_leak_into_the_next(client):
    """The window stops reading when the user cancels; the next job must not get the old job's messages."""
    stream = client.run(UntilCancelled(), None)
    assert next(stream)[0] == "started"
    stream.close()  # the consumer walks away mid-job
    assert list(client.run(Echo(2), None)) == [("audio", None), ("item", 0), ("item", 1)]


def _stopped_job(client, cancelled):
    stream = client.run(UntilCancelled(), None, cancelled=cancelled)
    started = next(stream)
    os.kill(started[1], signal.SIGSTOP)
    return stream, started[1]


def _gone(pid: int) -> bool:
    """No such process, or only its zombie left for whoever reaps orphans."""
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] in ("Z", "X")
    except (FileNotFoundError, ProcessLookupError):
        return True


def test_a_stopped_engine_is_cancelled_within_two_seconds_and_replaced():
    client = LocalEngineClient(runner=run)
    try:
        flag = []
        stream, pid = _stopped_job(client, lambda: bool(flag))
        flag.append(True)
        begin = time.monotonic()
        assert list(stream) == []
        assert time.monotonic() - begin < 2.0
        assert _gone(pid) and not client.running
        assert list(client.run(Echo(1), None))[-1] == ("item", 0)  # a new request starts a new process
        assert client.pid != pid
    finally:
        client.shutdown()


def test_a_child_that_ignores_cancel_is_ended_within_two_seconds():
    """A model load cannot be interrupted in its thread: the process is ended instead."""
    client = LocalEngineClient(runner=run)
    try:
        flag = []
        stream = client.run(IgnoresCancel(), None, cancelled=lambda: bool(flag))
        pid = next(stream)[1]
        flag.append(True)
        begin = time.monotonic()
        assert list(stream) == []
        assert time.monotonic() - begin < 2.0 and _gone(pid)
    finally:
        client.shutdown()


def test_a_silent_engine_is_a_typed_error_not_a_hang():
    client = LocalEngineClient(runner=run, silence_timeout=1.0, beat_interval=0.1)
    try:
        stream, pid = _stopped_job(client, lambda: False)
        begin = time.monotonic()
        with pytest.raises(EngineHung) as caught:
            list(stream)
        assert time.monotonic() - begin < 3.0
        assert caught.value.message.code == "engine.hung" and _gone(pid)
        assert list(client.run(Echo(1), None))[-1] == ("item", 0)
    finally:
        client.shutdown()


def test_shutdown_of_a_stopped_child_returns_quickly():
    client = LocalEngineClient(runner=run)
    assert list(client.run(Echo(1), None))[-1] == ("item", 0)
    pid = client.pid
    os.kill(pid, signal.SIGSTOP)
    begin = time.monotonic()
    client.shutdown(timeout=1.0)
    assert time.monotonic() - begin < 3.0 and _gone(pid)


def test_the_window_process_never_imports_torch():
    """Recognition through the client leaves torch out of the calling process."""
    import subprocess
    import sys

    code = (
        "import sys\nfrom app.asr.client.service import LocalEngineClient\n"
        "from tests.asr.service_targets import Echo, run\n"
        "s = LocalEngineClient(runner=run)\nlist(s.run(Echo(1), None))\ns.shutdown()\n"
        "print('torch' in sys.modules, 'qwen_asr' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_the_engine_process_ends_when_the_window_process_dies():
    """A window killed outright (SIGKILL, a crash) must not leave the engine computing on its own."""
    import subprocess
    import sys

    code = (
        "import os\nfrom app.asr.client.service import LocalEngineClient\n"
        "from tests.asr.service_targets import IgnoresCancel, run\n"
        "s = LocalEngineClient(runner=run, beat_interval=0.1)\nitem = next(s.run(IgnoresCancel(), None))\n"
        "print(item[1], flush=True)\nos.kill(os.getpid(), 9)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    pid = int(out.stdout.split()[0])
    deadline = time.monotonic() + 5
    while not _gone(pid) and time.monotonic() < deadline:
        time.sleep(0.05)  # polling a process table, not synchronising with our own code
    assert _gone(pid)


def test_a_program_with_a_stopped_engine_still_exits():
    """multiprocessing's own exit handler would wait forever on a stopped child; ours ends it first."""
    import subprocess
    import sys

    code = (
        "import os, signal\nfrom app.asr.client.service import LocalEngineClient\n"
        "from tests.asr.service_targets import Echo, run\n"
        "s = LocalEngineClient(runner=run)\nlist(s.run(Echo(1), None))\nos.kill(s.pid, signal.SIGSTOP)\n"
        "print(s.pid, flush=True)\n"
    )
    begin = time.monotonic()
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert time.monotonic() - begin < 20 and _gone(int(out.stdout.split()[0]))
