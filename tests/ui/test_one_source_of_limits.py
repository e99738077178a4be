"""One source of limits: the document's quality profile cuts recognised cues, in the window and on the command line,
and the list colours by the same profile. Before, a custom 12 cps profile flagged cues recognition had made for 17."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.cli import run as cli_run
from app.core.checks import chars_per_second, over_reading_speed
from app.core.doc_settings import QualityChoice
from app.formats.registry import read_subtitles
from app.ui.checks import profile as qc_profile
from app.ui.cue_table import CPS, TEXT
from app.ui.recognition.options import RecognitionOptions
from app.ui.recognition.run import run_recognition
from tests.asr.conftest import speech_wav, tiny_models  # noqa: F401 - session fixtures shared with tests/asr

LIMIT = 12.0


def _slow_enough(cues) -> None:
    assert cues, "recognition made no cue"
    for cue in cues:
        assert not over_reading_speed(chars_per_second(cue), LIMIT), [(c.start, c.end, len(c.text)) for c in cues]


@pytest.mark.slow
def test_a_12_cps_profile_cuts_cues_for_12_in_the_window(window, qtbot, speech_wav, tiny_models):  # noqa: F811
    with qtbot.waitSignal(window.files.mediaLoaded, timeout=60_000):
        window.open_path(str(speech_wav))
    qc_profile.set_choice(window.state, window.prefs, QualityChoice("custom", {"max_cps": LIMIT}))
    assert window.state.limits.max_cps == LIMIT
    options = RecognitionOptions(
        model=str(tiny_models.recognizer), aligner=str(tiny_models.aligner), language="English", device="cpu",
        max_new_tokens=40,
    )  # fmt: skip
    with qtbot.waitSignal(window.tasks.taskFinished, timeout=180_000, check_params_cb=lambda name: name == "recognize"):
        run_recognition(window, options)
    _slow_enough(window.state.doc)
    model = window.table.model()
    for row in range(model.rowCount()):  # the list flags nothing: no reading-speed colour on any row
        assert model.data(model.index(row, CPS), Qt.ItemDataRole.BackgroundRole) is None
        assert model.data(model.index(row, TEXT), Qt.ItemDataRole.BackgroundRole) is None


@pytest.mark.slow
def test_transcribe_cuts_for_the_profile_and_max_cps_overrides_it(tmp_path, speech_wav, tiny_models):  # noqa: F811
    common = ["--model", str(tiny_models.recognizer), "--aligner", str(tiny_models.aligner), "--device", "cpu",
              "--language", "English", "--max-new-tokens", "40"]  # fmt: skip
    out = tmp_path / "twelve.srt"
    assert cli_run(["transcribe", str(speech_wav), "-o", str(out), "--max-cps", str(LIMIT), *common]) == 0
    _slow_enough(read_subtitles(str(out)).cues)
    assert cli_run(["check", str(out), "--max-cps", str(LIMIT)]) == 0  # the checks agree: nothing over 12


def test_the_command_line_takes_the_profile_the_window_takes():
    """``transcribe --profile`` segments by the same rule (Profile.limit_overrides) as the window and the queue."""
    import argparse

    from app.cli.recognition import _limits
    from app.core.profiles import NETFLIX_ENGLISH, Profile

    assert _limits(argparse.Namespace(profile="netflix-en"))["max_cps"] == NETFLIX_ENGLISH.max_cps
    both = _limits(argparse.Namespace(profile="netflix-en", max_cps=12.0, max_line=30))
    assert (both["max_cps"], both["max_line_chars"]) == (12.0, 30)
    from app.core.checks import Limits

    netflix = _limits(argparse.Namespace(profile=None))  # each chunk's language's limits: the tables travel
    assert (Limits.for_language("Chinese", **netflix).max_line_chars, Limits.for_language("zh", **netflix).max_cps) == (
        16,
        9,
    )
    assert Limits.for_language("Chinese", **both).max_line_chars == 30  # --max-line: every language's
    custom = Profile.from_dict({"max_cps": 12.0, "min_gap_ms": 120})
    assert custom.limit_overrides()["min_gap_ms"] == 120


def test_the_batch_queue_segments_by_the_users_default_profile(window):
    window.prefs.default_quality = QualityChoice("custom", {"max_cps": LIMIT})
    assert window.batch.runner._limits()["max_cps"] == LIMIT
