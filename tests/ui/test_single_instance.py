"""One window per user: a second start gives its files to the running window and exits 0."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from app.ui.single_instance import InstanceServer, send_to_running
from tests.ui.conftest import SRT

SENDER = (
    "from app.ui.single_instance import send_to_running; import sys; sys.exit(0 if send_to_running({!r}, {!r}) else 1)"
)


def test_paths_reach_the_running_instance(qtbot, tmp_path):
    name = str(tmp_path / "socket")
    received: list[list[str]] = []
    server = InstanceServer(received.append, name)
    assert server.listen()
    # the sender blocks until the window answers: another process, as when a file manager starts one
    paths = ["a.srt", str(tmp_path / "b.mp4")]
    sender = subprocess.Popen([sys.executable, "-c", SENDER.format(paths, name)], cwd=tmp_path)
    qtbot.waitUntil(lambda: sender.poll() is not None, timeout=20_000)
    assert sender.returncode == 0
    assert received == [[str(tmp_path / "a.srt"), str(tmp_path / "b.mp4")]]
    server.close()


def test_no_running_instance(qtbot, tmp_path):
    name = str(tmp_path / "socket")
    assert not send_to_running(["a.srt"], name)
    Path(name).write_text("left by a killed process")  # a dead socket: nobody answers, the new window takes over
    assert not send_to_running(["a.srt"], name)
    server = InstanceServer(lambda _paths: None, name)
    assert server.listen()
    server.close()


REPORTER = """
import json, os
def report():
    with open({out!r} + ".tmp", "w") as out:
        json.dump({{"subtitle_path": window.state.subtitle_path, "cues": len(window.state.doc)}}, out)
    os.replace({out!r} + ".tmp", {out!r})
    window.close()
window.state.pathsChanged.connect(report)  # the file opened: its path is set
open({ready!r}, "w").close()
"""


def test_second_start_opens_in_the_first_window(tmp_path):
    srt = tmp_path / "talk.srt"
    srt.write_text(SRT, encoding="utf-8")
    report, ready, script = tmp_path / "report.json", tmp_path / "ready", tmp_path / "script.py"
    script.write_text(REPORTER.format(out=str(report), ready=str(ready)))
    (tmp_path / "run").mkdir(mode=0o700)
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        XDG_RUNTIME_DIR=str(tmp_path / "run"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
    )
    driver = str(Path(__file__).with_name("drive_app.py"))  # the app, launched with a script run inside it
    first = subprocess.Popen([sys.executable, driver, str(script)], env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip
    try:
        # the first window listens before its script runs: wait for the script's mark (polling another process)
        deadline = time.monotonic() + 60
        while not ready.exists() and first.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert ready.exists(), first.communicate(timeout=5)[1][-3000:] if first.poll() is not None else "no start"
        second = subprocess.run([sys.executable, "-m", "app", str(srt)], env=env, capture_output=True, text=True,
                                timeout=60)  # fmt: skip
        assert second.returncode == 0, second.stderr[-3000:]
        first.wait(60)  # the first window reports what it opened and closes
    finally:
        if first.poll() is None:
            first.kill()
        _out, err = first.communicate()
    assert first.returncode == 0, err[-3000:]
    assert json.loads(report.read_text()) == {"subtitle_path": str(srt), "cues": 3}
