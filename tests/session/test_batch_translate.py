"""The batch queue's "Translate to" (issue 25, item 6), without Qt: a file's recognised cues translated on the chat
stand-in and written bilingual in each format; a failing server costs only the translation; a cancel writes
nothing; the queue keeps the language."""

from __future__ import annotations

import json
import threading

import pytest

from app.core.document import Cue
from app.formats.registry import read_subtitles
from app.session.batch import BatchOutput, BatchQueue, load_queue, write_outputs
from app.translate.run import translation_job
from tests.support.chat_server import (
    Reply,
    StandInChat,
    answer_lines,
    no_language_verdict,  # noqa: F401  (a fixture)
    translate_line,
)

pytestmark = pytest.mark.usefixtures("no_language_verdict")

CUES = (Cue(1000, 2000, "How are you?"), Cue(2500, 3000, ""), Cue(3000, 4000, "Fine, thanks."))


def test_each_format_of_a_file_gets_both_languages(tmp_path):
    paths = [str(tmp_path / "a.srt"), str(tmp_path / "sub" / "a.ass"), str(tmp_path / "a.json")]
    seen: list[tuple[int, int]] = []
    with StandInChat() as chat:
        job = translation_job(chat.url, "qwen3", "French", "English", context="a talk")
        failure = write_outputs(paths, ["srt", "ass", "json"], CUES, str(tmp_path / "a.wav"), language="English",
                                translation=job, progress=lambda done, asked: seen.append((done, asked)))  # fmt: skip
    assert failure is None and seen[-1] == (2, 2) and len(chat.requests) == 1
    srt = [c.text for c in read_subtitles(paths[0]).cues]
    assert srt == [f"{t}\n{translate_line(t)}" if t else "" for t in (c.text for c in CUES)]
    styles = ["Translation", "Default", "Default", "Translation", "Default"]  # the empty cue: one event
    assert [c.get("style") for c in read_subtitles(paths[1]).cues] == styles
    items = json.loads((tmp_path / "a.json").read_text(encoding="utf-8"))["cues"]
    assert [i.get("translation") for i in items] == [translate_line(t) if t else None for t in (c.text for c in CUES)]


def test_a_failing_server_still_leaves_the_recognition_written(tmp_path):
    path = str(tmp_path / "a.srt")
    with StandInChat(lambda lines, body: Reply("", status=401), key="right") as chat:
        job = translation_job(chat.url, "qwen3", "French")
        failure = write_outputs([path], ["srt"], CUES, "a.wav", translation=job)
    assert failure is not None and "refused the API key" in str(failure)
    assert [c.text for c in read_subtitles(path).cues] == [c.text for c in CUES]


def test_a_cancel_during_the_translation_writes_nothing(tmp_path):
    path = tmp_path / "a.srt"
    release = threading.Event()
    asked = threading.Event()

    def slow(lines, body):
        asked.set()
        release.wait(5)
        return Reply(answer_lines(lines))

    with StandInChat(slow) as chat:
        job = translation_job(chat.url, "qwen3", "French")
        try:
            assert write_outputs([str(path)], ["srt"], CUES, "a.wav", translation=job, cancelled=asked.is_set) is None
        finally:
            release.set()
    assert not path.exists()


def test_the_queue_keeps_its_language_and_older_queues_have_none(tmp_path):
    queue = BatchQueue(output=BatchOutput(None, ("srt",), "French"))
    queue.save(tmp_path / "q.json")
    again, notice = load_queue(tmp_path / "q.json")
    assert notice is None and again.output.translate_to == "French"
    older = {"version": 1, "output": {"folder": None, "formats": ["vtt"]}, "items": []}
    (tmp_path / "old.json").write_text(json.dumps(older), encoding="utf-8")
    assert load_queue(tmp_path / "old.json")[0].output == BatchOutput(None, ("vtt",), "")
