"""The session without Qt: typed events, metadata as undoable edits, generations, live results as one step."""

from __future__ import annotations

from app.core.commands import ReplaceAll, SetText, SetTimes
from app.core.doc_settings import DocumentSettings, QualityChoice
from app.core.document import Change, Cue, Document
from app.session import (
    CuesChanged,
    DocumentReplaced,
    LiveCues,
    MetadataChanged,
    PathsChanged,
    SelectionChanged,
    Session,
    UndoChanged,
)
from tests.core.conftest import make_doc


def heard(session: Session) -> list:
    events: list = []
    session.subscribe(events.append)
    return events


def test_events_are_typed_and_carry_what_changed():
    session = Session(make_doc())
    events = heard(session)
    session.push(SetText(1, "Changed."))
    assert events == [CuesChanged(Change("changed", 1, 1)), UndoChanged()]
    events.clear()
    session.select([2, 0, 9])
    assert events == [SelectionChanged((0, 2))]
    events.clear()
    session.replace_document(Document(), subtitle_path="/x.srt")
    assert events[0] == DocumentReplaced(1) and PathsChanged() in events and session.generation == 1


def test_metadata_edits_are_undoable_mark_modified_and_say_which_field():
    session = Session(make_doc())
    events = heard(session)
    assert session.set_metadata("Set language", language="French")
    assert session.doc.language == "French" and session.is_modified()
    assert MetadataChanged(frozenset({"language"})) in events
    assert session.set_metadata("Limits", settings=DocumentSettings(QualityChoice("custom", {"max_cps": 15.0})))
    assert session.limits.max_cps == 15.0
    assert not session.set_metadata("Again", language="French"), "no step for no change"
    session.stack.undo()
    session.stack.undo()
    assert session.doc.language == "English" and session.doc.settings == DocumentSettings()
    assert not session.is_modified()


def test_opening_other_media_on_a_saved_project_is_an_edit():
    session = Session(make_doc())
    session.mark_saved("/work/talk.qssproj")
    assert session.set_media_path("/media/other.mkv")
    assert session.doc.media_path == "/media/other.mkv"
    assert session.is_modified(), "closing must ask: the project now points elsewhere"
    session.stack.undo()
    assert session.doc.media_path == "/media/clip.mp4" and not session.is_modified()


def test_the_first_media_of_a_new_document_is_no_edit():
    session = Session()
    assert session.set_media_path("/media/a.mp4")
    assert session.doc.media_path == "/media/a.mp4"
    assert not session.is_modified() and not session.stack.can_undo
    subtitles = Session(Document.from_cues(make_doc().cues))  # an SRT opened first, then its video
    assert subtitles.set_media_path("/media/b.mp4") and not subtitles.is_modified()


def test_live_cues_are_one_undo_step_and_dropped_for_another_document():
    session = Session(Document())
    live = LiveCues(session, "Recognize speech")
    for n in range(5):
        assert live.add([Cue(1000 * n, 1000 * n + 500, f"chunk {n}")])
    assert len(session.doc) == 5 and session.stack.undo_label == "Recognize speech"
    session.stack.undo()
    assert len(session.doc) == 0 and not session.stack.can_undo
    session.stack.redo()
    session.replace_document(Document())
    assert not live.add([Cue(9000, 9500, "late")])
    assert len(session.doc) == 0


def test_an_aborted_run_is_withdrawn_and_leaves_no_step():
    session = Session(make_doc())
    before = list(session.doc)
    session.stack.mark_clean()
    live = LiveCues(session, "Recognize speech")
    live.push(ReplaceAll((), "Recognize speech"))
    live.add([Cue(8000, 8500, "arrived")])
    assert [c.text for c in session.doc] == ["arrived"]
    assert live.abort()
    assert list(session.doc) == before and not session.is_modified()
    assert not session.stack.can_undo and not session.stack.can_redo
    assert not live.add([Cue(9000, 9500, "late")]) and list(session.doc) == before


def test_an_aborted_run_after_the_users_own_edit_keeps_both():
    session = Session(Document())
    live = LiveCues(session, "Recognize speech")
    live.add([Cue(0, 500, "arrived")])
    session.push(SetText(0, "corrected"))  # the user's step: the run's cannot be taken out from under it
    assert not live.abort()
    assert [c.text for c in session.doc] == ["corrected"]


def test_live_cues_wait_for_a_drag_and_never_join_it():
    session = Session(make_doc())
    live = LiveCues(session, "Recognize speech")
    session.stack.begin("Drag cue end")
    session.push(SetTimes(0, 1000, 2000))
    live.add([Cue(8000, 8500, "arrived during the drag")])
    assert len(session.doc) == 3, "held back while the drag is open"
    session.stack.abort()  # Escape: the drag goes, the chunk stays
    assert len(session.doc) == 4 and session.doc[3].text == "arrived during the drag"
    assert session.doc[0].end == 2500
    live.close()
    session.stack.undo()
    assert len(session.doc) == 3 and not session.stack.can_undo


def test_the_limits_shown_follow_the_quality_profile_the_document_names():
    """The cue list and the text box colour problems by the same rules the Checks panel uses."""
    session = Session(make_doc())

    def choose(value: object) -> None:  # as a project holds it
        session.set_metadata("Profile", settings=DocumentSettings.from_json({"quality": value}))

    assert session.limits.max_cps == 20.0  # no profile anywhere: Netflix, for English (adult programmes) 20
    session.set_default_quality(QualityChoice("custom", {"max_cps": 15.0, "max_line_chars": 30}))
    assert (session.limits.max_cps, session.limits.max_line_chars) == (15.0, 30)  # no document profile: the user's
    choose({"profile": "netflix-en"})
    assert (session.limits.max_cps, session.limits.max_line_chars) == (20, 42)
    choose({"profile": "bbc"})
    assert session.limits.max_cps == float("inf")  # BBC counts words per minute, not characters
    choose({"profile": "custom", "custom": {"max_line_chars": 20, "min_gap_ms": 120, "max_cps": "x"}})
    assert (session.limits.max_line_chars, session.limits.min_gap_ms, session.limits.max_cps) == (20, 120, 20)
    choose({"profile": 5})
    assert session.limits.max_cps == 15.0  # a profile that names nothing known: back to the user's default
