"""Damaged or hostile project files: a clear one-line ProjectError naming the file and the field, or a safe default."""

from __future__ import annotations

import pytest

from app.core.doc_settings import DocumentSettings
from app.core.errors import ProjectError
from app.formats.project import load_project, save_project
from app.formats.srt import write_srt

HEAD = '{"format": "qwen-subtitle-studio-project", "version": 1, '


def _project(tmp_path, body: str, name: str = "p.qssproj"):
    path = tmp_path / name
    path.write_text(HEAD + body + "}", encoding="utf-8")
    return path


def _refused(path, *fragments: str) -> str:
    with pytest.raises(ProjectError) as caught:
        load_project(path)
    message = str(caught.value)
    assert path.name in message and "\n" not in message
    for fragment in fragments:
        assert fragment in message
    return message


@pytest.mark.parametrize("start", ["-10000000000", "-1e12", str(-(2**63)), "-1e30", "1e30", "360000000"])
def test_times_out_of_range_are_refused(tmp_path, start):
    path = _project(
        tmp_path, f'"cues": [{{"start": 0, "end": 1, "text": "a"}}, {{"start": {start}, "end": 9, "text": "b"}}]'
    )
    _refused(path, "cue 2", "'start'", "out of range")
    edge = _project(tmp_path, '"cues": [{"start": 0.0, "end": 359999999, "text": "a"}]', "edge.qssproj")
    assert [(c.start, c.end) for c in load_project(edge)] == [(0, 359_999_999)]


@pytest.mark.parametrize(
    "value", ["1e999", "-1e999", "Infinity", "-Infinity", "NaN", "1" * 5000, '"1000"', "null", "true"]
)
def test_times_that_are_not_numbers_are_refused(tmp_path, value):
    path = _project(tmp_path, f'"cues": [{{"start": 0, "end": {value}, "text": "a"}}]')
    _refused(path, "cue 1", "'end'")


def test_deep_nesting_is_refused(tmp_path):
    for depth in (2_000, 200_000):
        path = _project(tmp_path, '"settings": ' + "[" * depth + "]" * depth)
        _refused(path, "nested too deeply")


@pytest.mark.parametrize("text", ["null", '["a"]', '{"a": 1}', "5", "true"])
def test_a_text_that_is_not_text_is_refused(tmp_path, text):
    path = _project(tmp_path, f'"cues": [{{"start": 0, "end": 1000, "text": {text}}}]')
    _refused(path, "cue 1", "'text'")


def test_cues_that_are_not_a_list(tmp_path):
    for cues in ("5", "null", '"abc"', "{}"):
        _refused(_project(tmp_path, f'"cues": {cues}'), "'cues'")


@pytest.mark.parametrize("limits", ["5", "[]", "null", '{"max_cps": "x"}', '{"max_cps": -1, "max_lines": 0.5}'])
def test_damaged_limits_fall_back_to_the_defaults(tmp_path, limits):
    doc = load_project(_project(tmp_path, f'"settings": {{"limits": {limits}, "other": 1}}'))
    assert doc.settings.quality is None and doc.settings.other == {"other": 1}


def test_sound_limits_are_kept_and_unknown_names_dropped(tmp_path):
    body = '"settings": {"limits": {"max_cps": 15, "max_line_chars": 37.0, "min_gap_ms": 0, "surprise": 3}}'
    settings = load_project(_project(tmp_path, body)).settings  # version 1's limits: now the custom profile
    assert settings.quality is not None and settings.quality.name == "custom"
    assert settings.quality.custom == {"max_cps": 15.0, "max_line_chars": 37, "min_gap_ms": 0}


def test_a_lone_surrogate_is_replaced_so_the_work_can_be_saved(tmp_path):
    path = _project(
        tmp_path,
        r'"language": "x\udfff", "settings": {"k\ud800": ["\udc80"]}, '
        r'"cues": [{"start": 0, "end": 1000, "text": "a\ud800b \ud83d\ude00"}]',
    )
    doc = load_project(path)
    assert doc[0].text == "a\ufffdb \U0001f600" and doc.language == "x\ufffd"
    save_project(doc, tmp_path / "again.qssproj")
    assert load_project(tmp_path / "again.qssproj").cues == doc.cues
    write_srt(tmp_path / "out.srt", doc.cues)
    assert "a\ufffdb" in (tmp_path / "out.srt").read_text(encoding="utf-8")


def test_decorations_of_the_wrong_type_fall_back(tmp_path):
    body = (
        '"language": 5, "media": {"relative": 7, "absolute": ["x"]}, "settings": [1], '
        '"cues": [{"start": 0, "end": 1000, "text": "a", "edited": "no", "locked": 1, '
        '"words": [[0, 500, 0, 1], [0, 1e999, 0, 1], "w", [0, 1, 0, 9], [1, 2, 3]]}]'
    )
    doc = load_project(_project(tmp_path, body))
    assert doc.language is None and doc.media_path is None and doc.settings == DocumentSettings()
    cue = doc[0]
    assert not cue.edited and not cue.locked and [(w.start, w.end) for w in cue.words] == [(0, 500)]


@pytest.mark.parametrize("media", ['{"relative": "a\\u0000b"}', '{"relative": "\\ud800"}'])
def test_odd_media_paths_do_not_stop_the_project(tmp_path, media):
    doc = load_project(_project(tmp_path, f'"media": {media}, "cues": []'))
    assert doc.media_path is None or "\x00" not in doc.media_path


def test_a_folder_or_a_device_is_no_project(tmp_path):
    (tmp_path / "dir.qssproj").mkdir()
    _refused(tmp_path / "dir.qssproj", "not a file")
