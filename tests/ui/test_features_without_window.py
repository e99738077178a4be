"""Features installed on a fake host and a context of their own, without the main window: the checks panel, the
batch queue and the picture controller, and the seams they talk through (media facts, write checks)."""

from __future__ import annotations

from app.core.doc_settings import QualityChoice
from app.core.document import Cue, Document
from app.core.frames import PictureGuide
from app.ui import batch, checks, picture
from app.ui.checks import profile as qc_profile
from tests.ui.fake_host import FakeHost


def _doc() -> Document:
    return Document.from_cues(
        [Cue(0, 1000, "A line read at a comfortable pace."), Cue(900, 3000, "This one starts too early.")],
        language="English",
    )


def test_the_checks_panel_on_a_fake_host(qtbot):
    host = FakeHost(_doc())
    qtbot.addWidget(host.parent_widget)
    panel = checks.install(host.context, host)
    assert host.docks == [panel]
    assert "view.checks" in host.action_ids("view") and "edit.fix_problems" in host.action_ids("edit")
    panel.show()
    with qtbot.waitSignal(panel.checked, timeout=10_000) as found:
        panel.recheck_now()
    codes = {f.code for f in found.args[0]}
    assert {"qc.reading_speed", "qc.overlap"} <= codes  # 34 characters in 1 s against Netflix's 17
    # the profile is the document's: a custom 40 cps profile clears the reading speed
    qc_profile.set_choice(host.state, host.prefs, QualityChoice("custom", {"max_cps": 40.0}))
    with qtbot.waitSignal(panel.checked, timeout=10_000) as found:
        panel.recheck_now()
    assert "qc.reading_speed" not in {f.code for f in found.args[0]}
    assert host.prefs.quality_profile == "custom"  # and the user's default for new documents


def test_the_checks_guard_is_a_write_check_of_the_context(qtbot, monkeypatch):
    host = FakeHost(_doc())
    qtbot.addWidget(host.parent_widget)
    panel = checks.install(host.context, host)
    assert host.context.write_checks == [panel.guard.confirm]
    monkeypatch.setattr(panel.guard, "confirm", lambda: False)
    host.context.write_checks[:] = [panel.guard.confirm]
    assert host.context.confirm_write() is False  # what Export and Save Subtitles ask before writing


def test_checks_follow_shot_changes_published_in_the_media_facts(qtbot):
    host = FakeHost(_doc())
    qtbot.addWidget(host.parent_widget)
    panel = checks.install(host.context, host)
    panel.dirty = False
    host.context.media.set_picture_guide(None)
    assert panel.dirty  # heard of it: it checks again


def test_the_batch_queue_on_a_fake_host(qtbot, tmp_path):
    host = FakeHost()
    qtbot.addWidget(host.parent_widget)
    dock = batch.install(host.context, host)
    assert host.docks == [dock] and "file.batch_add" in host.action_ids("file")
    media = tmp_path / "talk.m4v"
    media.write_bytes(b"\0" * 16)
    dock.add_paths([str(media)])  # .m4v: the one list of media suffixes
    assert [item.media for item in dock.queue.items] == [str(media)]
    host.prefs.default_quality = QualityChoice("custom", {"max_cps": 11.0})
    assert dock.runner._limits()["max_cps"] == 11.0  # the batch segments by the user's default profile


def test_the_picture_controller_publishes_shot_changes(qtbot):
    host = FakeHost(_doc())
    qtbot.addWidget(host.parent_widget)
    controller = picture.install(host.context, host)
    assert "view.picture" in host.action_ids("view") and "play.next_frame" in host.action_ids("playback")
    heard: list[object] = []
    host.context.media.subscribe(lambda: heard.append(host.context.media.picture_guide))
    controller.grid()  # the nominal frame grid until real frame times are read
    controller._set_cuts([400, 2000])
    assert isinstance(heard[-1], PictureGuide) and tuple(heard[-1].cuts) == (400, 2000)
    controller._set_cuts([])
    assert heard[-1] is None
