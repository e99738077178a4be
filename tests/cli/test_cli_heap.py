"""A command run in a process that goes on leaves the heap as it found it (issue 27's freeze is the command's own)."""

from __future__ import annotations

import gc

from app.cli import run


def test_a_command_run_in_process_thaws_the_heap_it_froze(tmp_path):
    srt = tmp_path / "a.srt"
    srt.write_text("1\n00:00:01,000 --> 00:00:02,000\nHello.\n", encoding="utf-8")
    gc.unfreeze()
    assert run(["check", str(srt)]) == 0
    assert gc.get_freeze_count() == 0  # the caller's garbage of now would otherwise never be collected


def test_objects_the_caller_froze_stay_frozen(tmp_path):
    srt = tmp_path / "a.srt"
    srt.write_text("1\n00:00:01,000 --> 00:00:02,000\nHello.\n", encoding="utf-8")
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        assert run(["convert", str(srt), str(tmp_path / "b.vtt")]) == 0
        assert gc.get_freeze_count() >= frozen
    finally:
        gc.unfreeze()
