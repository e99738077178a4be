"""The recognition dialog with a server filled in and Test connection answered, against the local vLLM stand-in.

Run: xvfb-run -a -s "-screen 0 1400x900x24" python docs/screenshot_server.py   (writes docs/dialog-server.png)
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    from PySide6.QtWidgets import QApplication

    from app.ui.recognition import RecognitionDialog, RecognitionOptions
    from tests.support.asr_server import FakeAsrServer

    app = QApplication([])
    os.environ["QSS_SERVER_API_KEY"] = "team-key"
    with FakeAsrServer(api_key="team-key") as server:
        dialog = RecognitionDialog(RecognitionOptions(server_url=server.url))
        dialog.show()
        dialog.test_connection()
        app.processEvents()
        dialog.grab().save(str(ROOT / "docs" / "dialog-server.png"))
    print("saved dialog-server")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
