"""Edit ▸ Convert Chinese on a fake host: the dialog's choices, one undo step for the selection or all cues."""

from __future__ import annotations

from app.core.document import Cue, Document, Word
from app.ui import chinese
from app.ui.chinese.convert import ConvertChineseDialog, convert_chinese
from tests.ui.fake_host import FakeHost


def _doc() -> Document:
    return Document.from_cues(
        [
            Cue(0, 1000, "这个软件", (Word(0, 250, 0, 1), Word(250, 500, 1, 2), Word(500, 1000, 2, 4))),
            Cue(1200, 2000, "plain English"),
            Cue(2200, 3000, "用鼠标\n打印"),
            Cue(3200, 4000, "内存不够"),
        ]
    )


def _choose(config: str, *, selected: bool | None = None):
    def choose(dialog: ConvertChineseDialog) -> bool:
        dialog.config.setCurrentIndex(dialog.config.findData(config))
        if selected is not None:
            (dialog.selected if selected else dialog.every).setChecked(True)
        return True

    return choose


def test_the_action_is_in_the_edit_menu(qtbot):
    host = FakeHost(_doc())
    qtbot.addWidget(host.parent_widget)
    chinese.install(host.context, host)
    assert "edit.convert_chinese" in host.action_ids("edit")


def test_all_cues_converted_as_one_undo_step(qtbot):
    host = FakeHost(_doc())
    qtbot.addWidget(host.parent_widget)
    state = host.state
    before = state.doc.snapshot()
    depth = len(state.stack._undo)
    assert convert_chinese(host, choose=_choose("s2twp", selected=False))
    assert [c.text for c in state.doc] == ["這個軟體", "plain English", "用滑鼠\n列印", "記憶體不夠"]
    assert [(c.start, c.end) for c in state.doc] == [(c.start, c.end) for c in before[0]]
    assert [state.doc[0].word_text(w) for w in state.doc[0].words] == ["這", "個", "軟體"]
    assert len(state.stack._undo) == depth + 1  # one step
    assert state.stack.undo_label == "Convert Chinese"
    state.stack.undo()
    assert state.doc.snapshot() == before
    state.stack.redo()
    assert state.doc[3].text == "記憶體不夠"
    assert host.prefs.chinese_conversion == "s2twp"  # the next dialog starts there
    assert host.statuses[-1].startswith("Converted 3 cue") and host.statuses[-1].endswith("(s2twp)")


def test_only_the_selected_cues(qtbot):
    host = FakeHost(_doc())
    qtbot.addWidget(host.parent_widget)
    host.state.select([2, 3])
    seen: list[str] = []

    def choose(dialog: ConvertChineseDialog) -> bool:
        assert dialog.selected.isChecked()  # several cues selected: the selection is the default
        dialog.config.setCurrentIndex(dialog.config.findData("s2t"))
        seen.append(dialog.preview.text())
        return True

    assert convert_chinese(host, choose=choose)
    assert [c.text for c in host.state.doc] == ["这个软件", "plain English", "用鼠標\n打印", "內存不夠"]
    assert seen == ["用鼠标 打印\n→ 用鼠標 打印"]


def test_cancel_and_nothing_to_convert_change_nothing(qtbot):
    host = FakeHost(Document.from_cues([Cue(0, 1000, "plain English")]))
    qtbot.addWidget(host.parent_widget)
    assert not convert_chinese(host, choose=lambda dialog: False)
    assert not convert_chinese(host, choose=_choose("s2t"))
    assert not host.state.stack.can_undo
    assert host.statuses == ["Nothing to convert."]


def test_the_dialog_names_the_configurations_and_falls_back_from_an_unknown_one(qtbot):
    dialog = ConvertChineseDialog(_doc().cues, [], "not-a-config")
    qtbot.addWidget(dialog)
    assert dialog.chosen_config() == "s2t"
    assert not dialog.selected.isEnabled() and dialog.every.isChecked()
    names = [dialog.config.itemData(i) for i in range(dialog.config.count())]
    assert {"s2t", "t2s", "s2tw", "s2twp", "s2hk", "tw2s", "tw2sp", "hk2s", "t2tw", "t2hk"} <= set(names)
    labels = [dialog.config.itemText(i) for i in range(dialog.config.count())]
    assert "Simplified to Traditional (s2t)" in labels


def test_export_converts_the_file_and_leaves_the_document(qtbot, tmp_path):
    from app.formats.registry import read_subtitles
    from app.ui.files.subtitle_io import ExportDialog, SubtitleIO

    host = FakeHost(_doc())
    qtbot.addWidget(host.parent_widget)
    before = host.state.doc.snapshot()
    io = SubtitleIO(host)
    assert io.export(str(tmp_path / "tw.srt"), chinese="s2twp")
    assert [c.text for c in read_subtitles(tmp_path / "tw.srt").cues][::2] == ["這個軟體", "用滑鼠\n列印"]
    assert host.state.doc.snapshot() == before and not host.state.stack.can_undo
    assert io.export(str(tmp_path / "same.srt"))  # no conversion asked: the text as it is
    assert read_subtitles(tmp_path / "same.srt").cues[0].text == "这个软件"
    dialog = ExportDialog(None, str(tmp_path / "film.srt"), "srt")
    qtbot.addWidget(dialog)
    assert dialog.chosen_chinese() is None  # never converted unless asked
    dialog.chinese.setCurrentIndex(dialog.chinese.findData("t2s"))
    assert dialog.chosen_chinese() == "t2s"
