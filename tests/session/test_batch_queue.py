"""The batch queue without Qt: adding, ordering, states and the queue file."""

from __future__ import annotations

import json
import os

from app.session.batch import (
    CANCELLED,
    DONE,
    FAILED,
    RUNNING,
    WAITING,
    BatchItem,
    BatchOutput,
    BatchQueue,
    distinct_outputs,
    load_queue,
    output_path,
    write_problem,
)


def test_add_expands_folders_and_never_queues_a_waiting_file_twice(tmp_path):
    for name in ("b.mp3", "a.wav", "notes.txt"):
        (tmp_path / name).write_bytes(b"x")
    queue = BatchQueue()
    heard: list[int | None] = []
    queue.listeners.append(heard.append)
    assert queue.add([str(tmp_path)]) == 2
    assert [i.media for i in queue.items] == [str(tmp_path / "a.wav"), str(tmp_path / "b.mp3")]
    assert queue.add([str(tmp_path / "a.wav")]) == 0  # waiting already
    queue.update(0, state=DONE, outputs=("x.srt",))
    assert queue.add([str(tmp_path / "a.wav")]) == 1  # done: queued again, at the end, once
    assert [(i.media[-5:], i.state) for i in queue.items] == [("b.mp3", WAITING), ("a.wav", WAITING)]
    assert heard and heard[0] is None


def test_the_queue_takes_m4v_and_mk3d_from_a_folder(tmp_path):
    for name in ("c.m4v", "d.mk3d", "e.webm", "f.vtt"):
        (tmp_path / name).write_bytes(b"x")
    queue = BatchQueue()
    assert queue.add([str(tmp_path)]) == 3
    assert [i.media[-6:] for i in queue.items] == ["/c.m4v", "d.mk3d", "e.webm"]


def test_move_cancel_requeue_and_remove():
    queue = BatchQueue([BatchItem(f"/m/{n}.wav") for n in "abcd"])
    assert queue.move(3, 0) == 0 and [i.media[-5] for i in queue.items] == list("dabc")
    assert queue.move(0, 99) == 3
    queue.update(0, state=RUNNING)
    queue.cancel_waiting()
    assert [i.state for i in queue.items] == [RUNNING, CANCELLED, CANCELLED, CANCELLED]
    queue.requeue([1])
    assert queue.next_waiting() == 1
    queue.remove([0, 1])  # the running one stays
    assert [i.state for i in queue.items] == [RUNNING, CANCELLED, CANCELLED]


def test_round_trip_running_becomes_waiting_and_done_stays(tmp_path):
    path = tmp_path / "q" / "queue.json"
    items = [BatchItem("/m/a.wav", DONE, outputs=("/o/a.srt",)), BatchItem("/m/b.wav", RUNNING),
             BatchItem("/m/c.wav", FAILED, "broken"), BatchItem("/m/d.wav")]  # fmt: skip
    BatchQueue(items, BatchOutput("/o", ("srt", "vtt"))).save(path)
    queue, notice = load_queue(path)
    assert notice is None
    assert [(i.state, i.reason, i.outputs) for i in queue.items] == [
        (DONE, "", ("/o/a.srt",)), (WAITING, "", ()), (FAILED, "broken", ()), (WAITING, "", ()),
    ]  # fmt: skip
    assert queue.output == BatchOutput("/o", ("srt", "vtt"))
    assert [p.name for p in path.parent.iterdir()] == ["queue.json"]  # no temporary file left


def test_a_damaged_queue_file_is_set_aside(tmp_path):
    path = tmp_path / "queue.json"
    for bad in (b"\xff\xfe not json", json.dumps({"version": 1, "items": [{"media": 3}]}).encode(), b"[]"):
        path.write_bytes(bad)
        queue, notice = load_queue(path)
        assert len(queue) == 0 and notice is not None and notice.code == "batch.damaged"
        assert (tmp_path / "queue.json.damaged").read_bytes() == bad and not path.exists()
    assert load_queue(tmp_path / "none.json") == (BatchQueue(), None)


def test_output_paths_next_to_the_media_or_in_a_folder():
    assert output_path("/m/ep 1.mkv") == "/m/ep 1.srt"
    assert output_path("/m/ep1.mkv", "/out", "vtt") == "/out/ep1.vtt"
    assert BatchOutput("/out", ("srt", "ass")).paths("/m/x.wav") == ["/out/x.srt", "/out/x.ass"]


def test_files_of_one_name_get_distinct_subtitles_and_a_subtitle_file_is_refused(tmp_path):
    """Issue 27: same.wav, same.m4a and same.mkv all wrote out/same.srt (two transcripts lost); an .srt was queued."""
    for name in ("same.wav", "same.m4a", "same.mkv", "other.wav", "same.srt"):
        (tmp_path / name).write_bytes(b"x")
    queue = BatchQueue(output=BatchOutput(str(tmp_path / "out"), ("srt", "vtt")))
    assert queue.add([str(tmp_path / n) for n in ("same.wav", "same.m4a", "same.mkv", "other.wav", "same.srt")]) == 4
    assert not any(i.media.endswith(".srt") for i in queue.items)
    out = tmp_path / "out"
    names = {os.path.basename(i.media): [p[len(str(out)) + 1 :] for p in queue.outputs_of(i.media)] for i in queue}
    assert names == {
        "same.wav": ["same.wav.srt", "same.wav.vtt"], "same.m4a": ["same.m4a.srt", "same.m4a.vtt"],
        "same.mkv": ["same.mkv.srt", "same.mkv.vtt"], "other.wav": ["other.srt", "other.vtt"],
    }  # fmt: skip
    one = {tmp_path / "a" / "x.wav", tmp_path / "b" / "x.wav"}  # one name in two folders, one output folder
    paths = distinct_outputs([str(p) for p in sorted(one)], str(out), ["srt"])
    assert sorted(os.path.basename(v[0]) for v in paths.values()) == ["x.wav (2).srt", "x.wav.srt"]


def test_an_output_that_cannot_be_written_is_known_before_recognising(tmp_path):
    (tmp_path / "file").write_text("a file, not a folder")
    problem = write_problem(str(tmp_path / "file" / "deeper" / "a.srt"))
    assert problem is not None and problem.filename == str(tmp_path / "file" / "deeper" / "a.srt")
    (tmp_path / "taken.srt").mkdir()
    assert isinstance(write_problem(str(tmp_path / "taken.srt")), IsADirectoryError)
    assert write_problem(str(tmp_path / "new" / "folder" / "a.srt")) is None  # a folder still to be made
