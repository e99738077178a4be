"""Recovery files read without Qt: every field checked; a file that cannot be read is refused, then set aside."""

from __future__ import annotations

import json
import time

import pytest

from app.core.errors import ProjectError
from app.formats.recovery import PREFIX, SUFFIX, read_recovery, set_aside

GOOD = {
    "format": "qwen-subtitle-studio-project",
    "version": 1,
    "cues": [{"start": 0, "end": 900, "text": "kept"}],
    "recovery": {"pid": 1, "saved_at": 1_700_000_000.5, "subtitle_path": "/a/talk.srt", "project_path": None},
}


def _write(tmp_path, text: str):
    path = tmp_path / f"{PREFIX}4242{SUFFIX}"
    path.write_text(text, encoding="utf-8")
    return path


def _with(**changes) -> str:
    data = json.loads(json.dumps(GOOD))
    for key, value in changes.items():
        if key in GOOD["recovery"]:
            data["recovery"][key] = value
        else:
            data[key] = value
    return json.dumps(data)


def test_a_sound_file_is_read_whole(tmp_path):
    item = read_recovery(_write(tmp_path, json.dumps(GOOD)))
    assert [c.text for c in item.document] == ["kept"]
    assert item.saved_at == 1_700_000_000.5 and item.subtitle_path == "/a/talk.srt" and item.project_path is None


@pytest.mark.parametrize("saved_at", ["yesterday", [1], 1e308, -1e20, float("nan"), float("inf"), True, None])
def test_an_unusable_time_falls_back_to_the_files_own(tmp_path, saved_at):
    path = _write(tmp_path, _with(saved_at=saved_at))
    item = read_recovery(path)
    assert item.saved_at == path.stat().st_mtime
    time.localtime(item.saved_at)  # what the offer shows


@pytest.mark.parametrize("value", [5, ["/x"], {"a": 1}, "", "a\x00b", "\ud800", "x" * 5000])
def test_a_path_field_of_the_wrong_kind_is_dropped(tmp_path, value):
    item = read_recovery(_write(tmp_path, _with(subtitle_path=value, project_path=value)))
    assert item.subtitle_path is None and item.project_path is None


@pytest.mark.parametrize(
    ("text", "field"),
    [
        (_with(cues=5), "'cues'"),
        (_with(cues=None), "'cues'"),
        (_with(cues=[{"start": float("inf"), "end": 1, "text": "x"}]), "'start'"),
        (_with(cues=[{"start": 0, "end": 1, "text": None}]), "'text'"),
        (_with(recovery=[1]), "'recovery'"),
        (_with(recovery=None), "'recovery'"),
        (json.dumps(GOOD)[:-1] + ', "x": ' + "[" * 100_000 + "]" * 100_000 + "}", "nested too deeply"),
        ("{not json", "not a project file"),
        ("", "not a project file"),
    ],
)
def test_a_damaged_file_is_refused_naming_the_field(tmp_path, text, field):
    path = _write(tmp_path, text)
    with pytest.raises(ProjectError) as caught:
        read_recovery(path)
    assert field in str(caught.value) and path.name in str(caught.value) and "\n" not in str(caught.value)


def test_set_aside_keeps_the_file_under_a_name_that_is_not_offered_again(tmp_path):
    path = _write(tmp_path, "{not json")
    first = set_aside(path)
    path.write_text("again")
    second = set_aside(path)
    assert first != second and first.read_text() == "{not json" and second.read_text() == "again"
    assert not path.exists() and list(tmp_path.glob(f"{PREFIX}*{SUFFIX}")) == []
