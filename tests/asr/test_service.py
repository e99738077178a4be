"""The engine process: results stream back in order, cancel reaches it, failures are one line, a crash is survived."""

from __future__ import annotations

import numpy as np
import pytest

from app.asr.service import EngineService
from app.core.errors import ModelError


@pytest.fixture(scope="module")
def service():
    svc = EngineService()
    yield svc
    svc.stop()


def test_stream_passes_audio_and_items(service):
    audio = np.linspace(0, 1, 16000, dtype=np.float32)
    got = list(service.stream("tests.asr.service_targets:echo", audio=audio, count=3))
    assert got[0] == ("audio", (16000, pytest.approx(float(audio.sum()), rel=1e-6)))
    assert got[1:] == [("item", 0), ("item", 1), ("item", 2)]


def test_cancel_reaches_the_child(service):
    seen = []
    stream = service.stream("tests.asr.service_targets:until_cancelled", cancelled=lambda: bool(seen))
    for message in stream:
        seen.append(message)
    assert seen == [("started",), ("saw cancel",)]


def test_failure_is_one_line_and_the_service_goes_on(service):
    with pytest.raises(ModelError, match=r"missing config\.json"):
        list(service.stream("tests.asr.service_targets:fails"))
    assert list(service.stream("tests.asr.service_targets:echo", count=1))[-1] == ("item", 0)


def test_a_crashed_child_is_an_error_then_restarts(service):
    with pytest.raises(ModelError, match="recognition process ended"):
        list(service.stream("tests.asr.service_targets:dies"))
    assert not service.running
    assert list(service.stream("tests.asr.service_targets:echo", count=1))[-1] == ("item", 0)


def test_the_window_process_never_imports_torch():
    """Recognition through the service leaves torch out of the calling process."""
    import subprocess
    import sys

    code = (
        "import sys\nfrom app.asr.service import EngineService\ns = EngineService()\n"
        "list(s.stream('tests.asr.service_targets:echo', count=1))\ns.stop()\n"
        "print('torch' in sys.modules, 'qwen_asr' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_a_stream_left_early_does_not_leak_into_the_next(service):
    """The window stops reading when the user cancels; the next job must not get the old job's messages."""
    stream = service.stream("tests.asr.service_targets:until_cancelled")
    assert next(stream) == ("started",)
    stream.close()  # the consumer walks away mid-job
    assert list(service.stream("tests.asr.service_targets:echo", count=2)) == [
        ("audio", None),
        ("item", 0),
        ("item", 1),
    ]
