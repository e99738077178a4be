"""View ▸ Subtitle Style… (issue 26, item 3): every change previewed at once in the picture pane, OK keeps the
style as one undoable step, Cancel puts the picture back; an ASS script opened gives the document its style and
saving writes it."""

from __future__ import annotations

from PySide6.QtGui import QColor

from app.core.document import Cue
from app.core.styles import DEFAULT_STYLE
from tests.formats.test_ass_styles import SCRIPT


def _with_cue(window):
    from app.core.commands import ReplaceAll

    window.state.push(ReplaceAll((Cue(0, 2000, "Hello"),), "cues"))
    return window.picture.style_feature, window.picture.canvas


def test_changes_are_previewed_and_ok_is_one_undoable_step(window):
    feature, canvas = _with_cue(window)
    assert [a for a in window.menu("view").actions() if a is feature.action]

    def choose(dialog) -> bool:
        dialog.numbers["size"].setValue(8.0)
        assert canvas.style.size == 0.08  # previewed at once
        dialog.set_colour("colour", QColor(255, 255, 0))
        dialog.positions.button(8).click()
        assert (canvas.style.colour, canvas.style.alignment) == ("#ffffff00", 8)
        return True

    assert feature.edit(choose=choose)
    style = window.state.doc.settings.style
    assert (style.size, style.colour, style.alignment) == (0.08, "#ffffff00", 8) and canvas.style == style
    window.state.session.stack.undo()
    assert window.state.doc.settings.style == DEFAULT_STYLE and canvas.style == DEFAULT_STYLE


def test_cancel_puts_the_picture_back(window):
    feature, canvas = _with_cue(window)

    def choose(dialog) -> bool:
        dialog.numbers["outline"].setValue(40)
        dialog.italic.setChecked(True)
        assert canvas.style.italic and canvas.sample  # a sample line shows where no cue does
        return False

    assert not feature.edit(choose=choose)
    assert canvas.style == DEFAULT_STYLE and not canvas.sample and window.state.doc.settings.style == DEFAULT_STYLE


def test_restore_defaults_sets_every_field(window):
    feature, canvas = _with_cue(window)

    def choose(dialog) -> bool:
        dialog.numbers["margin_vertical"].setValue(20)
        dialog.show_style(DEFAULT_STYLE)
        assert dialog.numbers["margin_vertical"].value() == 6.0 and canvas.style == DEFAULT_STYLE
        return True

    assert not feature.edit(choose=choose)  # nothing changed: no undo step


def test_an_ass_script_gives_its_style_and_saving_writes_the_documents(window, qtbot, tmp_path):
    path = tmp_path / "styled.ass"
    path.write_text(SCRIPT, encoding="utf-8")
    with qtbot.waitSignal(window.files.subtitlesLoaded, timeout=30_000):
        window.open_path(str(path))
    style = window.state.doc.settings.style
    assert (style.font, style.alignment) == ("DejaVu Serif", 8) and window.picture.canvas.style == style

    def choose(dialog) -> bool:
        dialog.numbers["size"].setValue(10.0)
        return True

    window.picture.style_feature.edit(choose=choose)
    assert window.files.subtitles.save(str(path))
    assert "Style: Default,DejaVu Serif,72," in path.read_text(encoding="utf-8")
