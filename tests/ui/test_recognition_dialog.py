"""The recognition options dialog gives back what the user chose, the CPU int8 choice included."""

from __future__ import annotations

from app.ui.recognition import NO_ALIGNER, RecognitionDialog, RecognitionOptions


def test_dialog_returns_the_choices(qtbot):
    dialog = RecognitionDialog(RecognitionOptions(language="German", device="cpu", context="Qwen"))
    qtbot.addWidget(dialog)
    assert not dialog.int8.isChecked() and dialog.int8.isEnabled()
    dialog.int8.setChecked(True)
    dialog.aligner.setCurrentText(NO_ALIGNER)
    options = dialog.options()
    assert (options.language, options.device, options.context, options.aligner) == ("German", "cpu", "Qwen", None)
    assert options.cpu_int8 and options.engine_options().cpu_int8


def test_int8_choice_is_off_for_a_cuda_gpu(qtbot):
    dialog = RecognitionDialog(RecognitionOptions(device="cpu", cpu_int8=True))
    qtbot.addWidget(dialog)
    assert dialog.int8.isChecked() and dialog.int8.isEnabled()
    dialog.device.setCurrentIndex(dialog.device.findData("cuda"))
    assert not dialog.int8.isEnabled()
    dialog.device.setCurrentIndex(dialog.device.findData("auto"))  # auto may still end up on the CPU
    assert dialog.int8.isEnabled()
