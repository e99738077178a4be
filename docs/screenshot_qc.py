"""Take docs/qc-panel.png (the window with the Checks panel over an episode with the usual problems) and
docs/qc-fix-review.png (Edit ▸ Fix Common Problems: the review of the proposed changes).

Run: xvfb-run -a -s "-screen 0 1600x1000x24" sh -c 'openbox & python docs/screenshot_qc.py'   (needs ffmpeg)
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

LINES = [
    (1_200, 3_400, "Where were you last night?"),
    (3_600, 5_900, "I waited for you until the last train left."),
    (5_700, 8_000, "I told you, I had to stay at the office."),  # overlaps the cue above
    (8_300, 8_700, "Again?"),  # too short
    (9_000, 11_400, "You always say that, and I always believe you, every single time."),  # long line, fast
    (11_900, 14_200, "That's not fair.  You know how it is."),  # double space
    (14_500, 16_800, "I know  exactly how it is."),
    (17_200, 19_600, "Then you know why I'm tired of it."),
    (20_100, 22_300, "Let's not do this here."),
    (22_320, 24_800, "Where, then? At home?\nYou're never there."),  # gap under the minimum
    (25_300, 27_600, "Fine. Tomorrow. I promise."),
    (28_000, 30_400, "You said that yesterday, and the day before yesterday, and last week too."),
    (30_900, 33_000, "I mean it this time."),
    (33_400, 35_600, "Do you?"),
    (36_000, 36_120, "Yes."),  # 120 ms
    (36_500, 39_000, "Then come with me. Now."),
]


def _srt(path: Path) -> None:
    def stamp(ms: int) -> str:
        return f"{ms // 3_600_000:02d}:{ms // 60_000 % 60:02d}:{ms // 1000 % 60:02d},{ms % 1000:03d}"

    blocks = [f"{i}\n{stamp(a)} --> {stamp(b)}\n{text}\n" for i, (a, b, text) in enumerate(LINES, 1)]
    path.write_text("\n".join(blocks), encoding="utf-8")


def _audio(path: Path) -> None:
    """Forty seconds of noise that rises and falls like speech, for the waveform."""
    subprocess.run(
        ["ffmpeg", "-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i",
         "anoisesrc=d=40:c=pink:r=16000:a=0.5", "-af",
         "volume='0.05+0.9*pow(abs(sin(2*PI*t*0.37)*sin(2*PI*t*1.9)),2)':eval=frame", str(path)],
        check=True, capture_output=True,
    )  # fmt: skip


def main() -> None:
    from app.ui.checks.fix import fix_common_problems
    from app.ui.main_window import MainWindow

    app = QApplication(sys.argv)
    folder = Path(tempfile.mkdtemp(prefix="qss-qc-"))
    srt, wav = folder / "episode-03.srt", folder / "episode-03.wav"
    _srt(srt)
    _audio(wav)
    window = MainWindow(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
    window.resize(1400, 900)
    window.show()
    window.open_path(str(wav))

    def wait_tasks(then) -> None:
        if window.tasks.running():
            QTimer.singleShot(100, lambda: wait_tasks(then))
        else:
            then()

    def open_subtitles() -> None:
        window.open_path(str(srt))
        wait_tasks(show_panel)

    def show_panel() -> None:
        window.checks.checked.connect(lambda _findings: QTimer.singleShot(500, shoot_panel))
        window.task_dock.hide()
        window.checks.show()
        window.resizeDocks([window.checks], [300], Qt.Orientation.Vertical)

    def shoot_panel() -> None:
        window.checks.checked.disconnect()
        panel = window.checks
        row = next(r for r in range(panel.model.rowCount()) if "overlaps" in panel.model.index(r, 3).data())
        panel.view.selectRow(row)
        panel.go_to_cue(int(panel.model.index(row, 0).data()) - 1)
        QTest.qWait(600)
        window.grab().save(str(ROOT / "docs" / "qc-panel.png"))
        QTimer.singleShot(100, shoot_review)

    def shoot_review() -> None:
        def review(dialog) -> bool:
            dialog.resize(1100, 620)
            dialog.show()
            QTest.qWait(600)
            dialog.grab().save(str(ROOT / "docs" / "qc-fix-review.png"))
            return False

        choice = window.checks.choice()
        fix_common_problems(window, choice.profile(), "Netflix", window.checks.shots(), review=review)
        window.state.session.stack.mark_clean()
        app.quit()

    QTimer.singleShot(300, lambda: wait_tasks(open_subtitles))
    app.exec()


if __name__ == "__main__":
    main()
