"""Take docs/export-as.png (File ▸ Export As with its format list) and docs/track-picker.png (a video's
subtitle tracks offered on opening it).

Run: xvfb-run -a -s "-screen 0 1400x900x24" python docs/screenshot_formats.py   (needs ffmpeg for the video)
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QComboBox

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
FIXTURES = ROOT / "tests" / "formats" / "fixtures"


def _video(folder: Path) -> Path:
    """A short MKV with a SubRip, an ASS and a picture (PGS) track, as a release would carry them."""
    import struct

    srt = folder / "en.srt"
    srt.write_text("1\n00:00:01,000 --> 00:00:02,000\nHello\n", encoding="utf-8")
    sup = folder / "p.sup"
    head = struct.pack(">HHBHBBBB", 1920, 1080, 0x10, 0, 0x80, 0, 0, 0)
    sup.write_bytes(b"PG" + struct.pack(">IIBH", 90000, 0, 0x16, len(head)) + head
                    + b"PG" + struct.pack(">IIBH", 90000, 0, 0x80, 0))  # fmt: skip
    out = folder / "episode-01.mkv"
    subprocess.run(
        ["ffmpeg", "-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i", "sine=f=440:r=16000:d=3",
         "-i", str(srt), "-i", str(FIXTURES / "aegisub_karaoke.ass"), "-i", str(sup),
         "-map", "0", "-map", "1", "-map", "2", "-map", "3", "-c:a", "pcm_s16le", "-c:s:0", "srt",
         "-c:s:1", "copy", "-c:s:2", "copy",
         "-metadata:s:s:0", "language=eng", "-metadata:s:s:0", "title=English SDH",
         "-metadata:s:s:1", "language=jpn", "-metadata:s:s:1", "title=Signs & Songs",
         "-metadata:s:s:2", "language=fre", "-metadata:s:s:2", "title=Français (Blu-ray)",
         "-disposition:s:0", "default", str(out)],
        check=True, capture_output=True,
    )  # fmt: skip
    return out


def main() -> None:
    from app.ui.files import subtitle_io
    from app.ui.main_window import MainWindow

    app = QApplication(sys.argv)
    folder = Path(tempfile.mkdtemp(prefix="qss-shots-"))
    window = MainWindow(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
    window.resize(1100, 640)
    window.show()
    ass = folder / "episode-01.ass"
    shutil.copy(FIXTURES / "aegisub_karaoke.ass", ass)
    window.open_path(str(ass))
    (folder / "episode-00.vtt").write_text("WEBVTT\n", encoding="utf-8")  # a file the list shows

    def grab_export() -> None:
        dialog = next(w for w in app.topLevelWidgets() if isinstance(w, subtitle_io.ExportDialog) and w.isVisible())
        combo = dialog.findChild(QComboBox, "fileTypeCombo")
        index = combo.findText(subtitle_io.format_filter(subtitle_io.by_name("vtt")))
        combo.setCurrentIndex(index)
        combo.activated.emit(index)  # as a click on "WebVTT" in the list: the name becomes episode-01.vtt
        dialog.resize(760, 420)
        QTimer.singleShot(300, lambda: _save(dialog))

    def _save(dialog) -> None:
        dialog.grab().save(str(ROOT / "docs" / "export-as.png"))
        dialog.reject()
        QTimer.singleShot(100, open_video)

    def open_video() -> None:
        original = subtitle_io.TrackPicker.exec

        def shoot(picker) -> int:
            QTimer.singleShot(300, lambda: (picker.grab().save(str(ROOT / "docs" / "track-picker.png")),
                                            picker.reject(), QTimer.singleShot(200, app.quit)))  # fmt: skip
            return original(picker)

        subtitle_io.TrackPicker.exec = shoot
        from app.media.subtitle_tracks import subtitle_tracks

        video = str(_video(folder))
        window.files.offer_tracks(video, subtitle_tracks(video))  # what opening the video offers

    QTimer.singleShot(500, lambda: QTimer.singleShot(400, grab_export) or window.files.export_subtitles_dialog())
    QTimer.singleShot(60_000, app.quit)
    app.exec()


if __name__ == "__main__":
    main()
