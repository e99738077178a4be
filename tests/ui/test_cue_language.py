"""Edit ▸ Set Language…: the selected cues' language, chosen by its shown name, as one undo step."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog

from app.core.document import Cue, Document
from app.ui import cue_language
from app.ui.cue_language.action import choices, set_language
from tests.ui.fake_host import FakeHost


def _host(qtbot) -> FakeHost:
    doc = Document.from_cues(
        [Cue(0, 900, "你好"), Cue(1000, 1900, "OK"), Cue(2000, 2900, "佢係", language="Cantonese")]
    )
    host = FakeHost(doc)
    qtbot.addWidget(host.parent_widget)
    return host


def test_set_language_for_the_selection_is_one_undo_step(qtbot, monkeypatch):
    host = _host(qtbot)
    action = cue_language.install(host.context, host)
    assert "edit.set_language" in host.action_ids("edit")
    assert host.table.actions()  # also in the list's context menu
    offered = []

    def get_item(_parent, _title, label, items, current, _editable):
        offered.append((label, list(items), items[current]))
        return "Chinese", True

    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(get_item))
    host.state.session.select([0, 1])
    before = host.state.doc.snapshot()
    assert set_language(host)
    label, items, preset = offered[0]
    assert label.startswith("Language of 2 selected cue") and preset == "Not known" and items[0] == "Not known"
    assert [c.language for c in host.state.doc] == ["Chinese", "Chinese", "Cantonese"]
    host.state.session.stack.undo()
    assert host.state.doc.snapshot() == before  # one step
    del action


def test_nothing_selected_says_so_and_a_cancel_changes_nothing(qtbot, monkeypatch):
    host = _host(qtbot)
    assert not set_language(host)
    assert host.infos and "Select the cues first." in host.infos[0][1]
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *a: ("", False)))
    host.state.session.select([2])
    assert not set_language(host)
    assert host.state.doc[2].language == "Cantonese"


def test_a_dialect_a_cue_carries_is_offered_and_not_known_clears():
    assert choices("Sichuanese")[:2] == ["", "Sichuanese"] and "Cantonese" in choices("")
