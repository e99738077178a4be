"""Re-align from the window: edited cues and the whole file in a worker, large moves reviewed, one undo step."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtWidgets import QDialog

from app.core.commands import SetFlags, SetLanguage, SetText
from app.core.document import Cue
from app.ui.realign import run as ui_realign
from app.ui.realign.run import ReviewDialog, review_and_apply, run_realign
from app.ui.recognition.options import RecognitionOptions
from tests.asr.conftest import speech_wav, tiny_models  # noqa: F401 - session fixtures shared with tests/asr
from tests.asr.test_realign import LINES, ScriptedEngine, clock_audio, run, speak

SPEECH_SRT = (
    "1\n00:00:00,800 --> 00:00:03,300\nHello everyone, and welcome to the show.\n\n"
    "2\n00:00:04,100 --> 00:00:07,400\nToday we talk about subtitles, timing and reading speed.\n\n"
    "3\n00:00:08,200 --> 00:00:10,800\nThe quick brown fox jumps over the lazy dog.\n\n"
    "4\n00:00:11,600 --> 00:00:14,200\nThank you for watching, and see you next time.\n"
)


class Answer:
    """Stands in for the review dialog's exec: ticks what the test says, then Apply (or Cancel)."""

    def __init__(self, monkeypatch, *, approve: set[int] | None = None, approve_all=False, cancel=False):
        self.shown: list[ReviewDialog] = []

        def exec_(dialog: ReviewDialog) -> int:
            self.shown.append(dialog)
            if approve_all:
                dialog.set_all(True)
            for index in approve or ():
                dialog.set_approved(index, True)
            return QDialog.DialogCode.Rejected if cancel else QDialog.DialogCode.Accepted

        monkeypatch.setattr(ReviewDialog, "exec", exec_)


def scripted_result(window):
    """A scripted run over the window's document: cue 1 moves 300 ms (small), cues 2 and 3 900 ms (large)."""
    spoken, truth = speak(LINES)
    cues = list(truth)
    cues[1] = truth[1].with_(start=truth[1].start + 300, end=truth[1].end + 300, edited=True)
    cues[2] = truth[2].with_(start=truth[2].start - 900, end=truth[2].end - 900, edited=True)
    cues[3] = truth[3].with_(start=truth[3].start + 900, end=truth[3].end + 900, edited=True)
    from app.core.commands import ReplaceAll

    window.state.push(ReplaceAll(tuple(cues), "Import subtitles"))
    return truth, run(clock_audio(16), cues, [1, 2, 3], ScriptedEngine(spoken))


def test_review_lists_large_moves_and_applies_the_approved_as_one_step(window, monkeypatch):
    truth, result = scripted_result(window)
    state = window.state
    before = state.doc.snapshot()
    answer = Answer(monkeypatch, approve={2})
    assert review_and_apply(window, result)
    (dialog,) = answer.shown
    assert dialog.table.rowCount() == 2 and [p.index for p in dialog.large] == [2, 3]
    assert dialog.table.item(0, 5).text() == "+0.90 s"
    doc = state.doc
    assert (doc[1].start, doc[2].start) == (truth[1].start, truth[2].start)  # small: applied; 2: approved
    assert doc[3].start == truth[3].start + 900 and doc[3].edited  # rejected: kept, still edited
    assert state.stack.undo_label == "Re-align"
    window.undo()
    assert state.doc.snapshot() == before


def test_cancelling_the_review_applies_nothing_and_approve_all_applies_everything(window, monkeypatch):
    truth, result = scripted_result(window)
    before = window.state.doc.snapshot()
    Answer(monkeypatch, cancel=True)
    assert not review_and_apply(window, result)
    assert window.state.doc.snapshot() == before
    Answer(monkeypatch, approve_all=True)
    assert review_and_apply(window, result)
    assert [c.start for c in window.state.doc] == [c.start for c in truth]


def test_a_document_changed_during_the_run_is_left_alone(window, monkeypatch):
    _truth, result = scripted_result(window)
    window.state.push(SetText(0, "Typed while it ran."))
    before = window.state.doc.snapshot()
    Answer(monkeypatch, approve_all=True)
    assert not review_and_apply(window, result)
    assert window.state.doc.snapshot() == before and window.dialogs


@pytest.fixture
def loaded(window, qtbot, speech_wav, tmp_path):  # noqa: F811
    with qtbot.waitSignal(window.files.mediaLoaded, timeout=60_000):
        window.open_path(str(speech_wav))
    srt = tmp_path / "speech.srt"
    srt.write_text(SPEECH_SRT, encoding="utf-8")
    with qtbot.waitSignal(window.files.subtitlesLoaded):
        window.files.import_subtitles(str(srt))
    assert len(window.state.doc) == 4
    return window


def tiny_options(tiny_models) -> RecognitionOptions:  # noqa: F811
    return RecognitionOptions(
        model=str(tiny_models.recognizer), aligner=str(tiny_models.aligner), language="English", device="cpu",
        max_new_tokens=12,
    )  # fmt: skip


def check_rules(doc, duration: int, locked: dict[int, Cue]) -> None:
    for a, b in itertools.pairwise(doc):
        assert a.start <= b.start and a.end <= b.start
    assert all(0 <= c.start < c.end <= duration for c in doc)
    assert all(doc[i] == cue for i, cue in locked.items())


@pytest.mark.slow
def test_realign_edited_cues_in_a_worker_with_tiny_models(loaded, qtbot, monkeypatch, tiny_models):  # noqa: F811
    window, state = loaded, loaded.state
    state.push(SetText(1, "Today, we talk about subtitles — timing, and reading speed!"))
    state.push(SetFlags((2,), locked=True))
    locked = {2: state.doc[2]}
    before = state.doc.snapshot()
    answer = Answer(monkeypatch, approve_all=True)
    with qtbot.waitSignal(
        window.tasks.taskFinished, timeout=120_000, check_params_cb=lambda n: n == "realign"
    ) as finished:
        run_realign(window, [1], tiny_options(tiny_models), threshold_ms=0)
    assert finished.args == ["realign"]
    assert not window.dialogs, window.dialogs
    check_rules(state.doc, state.audio.duration_ms, locked)
    assert state.doc[0] == before[0][0] and state.doc[3] == before[0][3]  # context only
    cue = state.doc[1]
    assert not cue.edited or cue.needs_review  # placed (words on the edited text) or flagged with its old times
    if cue != before[0][1]:
        assert state.stack.undo_label == "Re-align"
        if (cue.start, cue.end) != (before[0][1].start, before[0][1].end):
            assert len(answer.shown) == 1  # threshold 0: every move was reviewed
        window.undo()
    assert state.doc.snapshot() == before


@pytest.mark.slow
def test_align_whole_file_from_the_menu_after_import(loaded, qtbot, monkeypatch, tiny_models):  # noqa: F811
    window, state = loaded, loaded.state
    monkeypatch.setattr("app.ui.recognition.run.load_options", lambda _w: tiny_options(tiny_models))
    Answer(monkeypatch, approve_all=True)
    LanguageAnswer(monkeypatch)
    before = state.doc.snapshot()
    action = next(a for a in window.menu("recognition").actions() if a.text() == "&Align Whole File…")
    with qtbot.waitSignal(window.tasks.taskFinished, timeout=120_000, check_params_cb=lambda n: n == "realign"):
        action.trigger()
    assert not window.dialogs, window.dialogs
    check_rules(state.doc, state.audio.duration_ms, {})
    assert [c.text for c in state.doc] == [c.text for c in before[0]]
    if state.doc.snapshot() != before:
        assert state.stack.undo_label == "Align whole file"
        window.undo()
        assert state.doc.snapshot() == before


class LanguageAnswer:
    """Stands in for Align Whole File's language question: records what it offered, then takes ``choose``
    (None: the preset)."""

    def __init__(self, monkeypatch, choose: str | None = None, cancel: bool = False):
        from PySide6.QtWidgets import QInputDialog

        self.asked: list[tuple[str, list[str], str]] = []

        def get_item(_parent, _title, label, items, current=0, _editable=True, *args, **kwargs):
            self.asked.append((label, list(items), items[current]))
            return (choose or items[current]), not cancel

        monkeypatch.setattr(QInputDialog, "getItem", staticmethod(get_item))


def test_align_whole_file_uses_the_cues_languages_and_asks_only_for_cues_without_one(loaded, monkeypatch):
    window = loaded
    started = []
    monkeypatch.setattr(ui_realign, "run_realign", lambda _w, targets, _o, **kw: started.append((targets, kw)))
    answer = LanguageAnswer(monkeypatch)
    ui_realign.align_whole_file(window)
    assert {c.language for c in window.state.doc} == {"English"}  # guessed when the file was read
    assert answer.asked == [] and started == [(None, {"correct_drift": True, "language": None})]

    window.state.push(SetLanguage(tuple(range(4)), ""))  # as in a project saved before cues had a language
    window.state.push(SetText(0, "Je ne sais pas ce que tu veux, mais c'est très bien."))
    for i in range(1, 4):
        window.state.push(SetText(i, "Il est parti avec elle et les enfants, je ne sais pas où."))
    answer = LanguageAnswer(monkeypatch)
    ui_realign.align_whole_file(window)
    _label, items, preset = answer.asked[0]
    assert preset == "French" and items[0] == "Detect from the audio" and "English" in items
    assert started[-1][1]["language"] == "French"
    LanguageAnswer(monkeypatch, choose="Detect from the audio")
    ui_realign.align_whole_file(window)
    assert started[-1][1]["language"] is None  # each cue's guessed from its text in the worker, else heard
    answer = LanguageAnswer(monkeypatch, cancel=True)
    ui_realign.align_whole_file(window)
    assert len(started) == 3  # cancelled: nothing runs


def test_realign_sends_each_cues_language_guessed_from_its_text(window, qtbot, monkeypatch):
    import numpy as np

    from app.asr.client import service
    from app.core.commands import ReplaceAll

    sent = []

    class Client:
        def run(self, request, samples, **_kwargs):
            sent.append(request)
            return iter(())

    monkeypatch.setattr(service, "local_engine", lambda: Client())
    from tests.ui.test_waveform import FakeAudio

    audio = FakeAudio(3)
    audio.samples = np.zeros(3 * 16000, np.float32)
    window.state.set_audio(audio)
    cues = (Cue(0, 900, "我不知道你是什么意思。"), Cue(1000, 1900, "I don't know what you mean at all."),
            Cue(2000, 2900, "Okay.", language="Cantonese"))  # fmt: skip
    window.state.push(ReplaceAll(cues, "Import subtitles"))
    run_realign(window, [0, 1, 2], RecognitionOptions(aligner="x"))
    qtbot.waitUntil(lambda: bool(sent), timeout=10_000)
    assert sent[0].languages == ("Chinese", "English", "Cantonese")


def test_menu_actions_explain_what_is_missing(window):
    names = [a.text() for a in window.menu("recognition").actions()]
    assert {"Re-align &Selected Cues", "Re-align &Edited Cues", "&Align Whole File…"} <= set(names)
    edited = next(a for a in window.menu("recognition").actions() if a.text() == "Re-align &Edited Cues")
    assert edited.shortcut().toString() == "Ctrl+Shift+A"
    assert ui_realign.realign_selected(window) is None
    assert ui_realign.align_whole_file(window) is None
    assert len(window.dialogs) == 2
