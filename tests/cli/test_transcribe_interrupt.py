"""Ctrl+C ends ``transcribe --server`` at once, even while the server holds a request open."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import wave

import numpy as np
import pytest

from app.core.rules import SAMPLE_RATE
from tests.support.asr_server import FakeAsrServer, tone_audio

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child process is POSIX")


def _wav(path, samples) -> None:
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(SAMPLE_RATE)
        w.writeframes((np.clip(samples, -1, 1) * 32767).astype("<i2").tobytes())


@pytest.mark.parametrize("action", ["hang", "drip"])
def test_ctrl_c_ends_a_server_run_within_two_seconds(tmp_path, action):
    media = tmp_path / "talk.wav"
    _wav(media, tone_audio(3))
    env = os.environ | {"QSS_SERVER_API_KEY": "any", "PYTHONPATH": os.getcwd()}  # no keyring asked
    with FakeAsrServer(behaviour=lambda index, attempt: action) as server:
        command = ["transcribe", str(media), "--server", server.url, "-o", str(tmp_path / "o.srt")]
        child = subprocess.Popen(
            [sys.executable, "-m", "app", *command],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
        )  # fmt: skip
        try:
            assert server.arrived.wait(120), "the command never reached the server"
            interrupted = time.monotonic()
            child.send_signal(signal.SIGINT)
            try:
                child.wait(30)
            except subprocess.TimeoutExpired:
                pytest.fail("Ctrl+C did not end the command")
            ended = time.monotonic() - interrupted
            _out, err = child.communicate()
        finally:
            if child.poll() is None:
                child.kill()
                child.wait()
    assert ended < 2.0, f"exited {ended:.1f} s after Ctrl+C"
    assert child.returncode == 2 and "error: cancelled" in err
    assert not (tmp_path / "o.srt").exists()
