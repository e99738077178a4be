"""A window closed in its first second exits cleanly.

The window imports pyqtgraph and the playback modules in a background thread while it starts. Those imports touch
Qt's enums; a thread still doing so when Python shut the bindings down crashed the process with a segfault in
shiboken (about one start in three closed within its first second). launch() now waits for the imports.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DRIVER = str(Path(__file__).with_name("drive_app.py"))

# The warm-up made slow (as on a loaded laptop), so that it is surely still importing when the window closes.
WRAPPER = """
import runpy, sys, threading, time
sys.path.insert(0, {root!r})
import app.ui.main_window as main_window
original = main_window.warm_up_imports
def slow_warm_up():
    thread = threading.Thread(target=lambda: (time.sleep(1.0), original().join()), daemon=True)
    thread.start()
    return thread
main_window.warm_up_imports = slow_warm_up
sys.argv = [{driver!r}, *sys.argv[1:]]
runpy.run_path({driver!r}, run_name="__main__")
"""

CLOSE = """
import atexit
def report():
    with open({out!r}, "w") as out:
        out.write("alive" if window.warm_up.is_alive() else "done")
atexit.register(report)
window.state.stack.mark_clean()
window.close()
"""


def test_a_window_closed_at_once_waits_for_its_imports_and_exits_cleanly(tmp_path):
    wrapper, script, out = tmp_path / "wrapper.py", tmp_path / "close.py", tmp_path / "warm-up.txt"
    wrapper.write_text(WRAPPER.format(root=str(ROOT), driver=DRIVER))
    script.write_text(CLOSE.format(out=str(out)))
    (tmp_path / "run").mkdir(mode=0o700)
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_RUNTIME_DIR=str(tmp_path / "run"),
        PYTHONFAULTHANDLER="1",
    )
    run = subprocess.run(
        [sys.executable, str(wrapper), str(script)], env=env, capture_output=True, text=True, timeout=120
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert out.read_text() == "done"  # Python shut down only after the background imports had ended
