from __future__ import annotations

import json

import pytest

from app.core.doc_settings import DocumentSettings, QualityChoice
from app.core.document import Cue, Document, Word
from app.core.errors import ProjectError
from app.formats.project import FORMAT_VERSION, load_project, save_project


def _doc(media: str) -> Document:
    return Document.from_cues(
        [
            Cue(1000, 2000, "Hello, world.", (Word(1000, 1400, 0, 6), Word(1500, 2000, 7, 13)), edited=True),
            Cue(2500, 3000, "Locked.", locked=True, needs_review=True),
        ],
        language="English",
        media_path=media,
        settings=DocumentSettings(QualityChoice("custom", {"max_cps": 15}), word_list=("Qwen",), other={"later": 1}),
    )


def test_round_trip_keeps_everything_srt_cannot(tmp_path):
    media = tmp_path / "media" / "clip.mp4"
    media.parent.mkdir()
    media.write_bytes(b"")
    path = tmp_path / "work.qssproj"
    doc = _doc(str(media))
    save_project(doc, path)
    back = load_project(path)
    assert back.cues == doc.cues
    assert back.language == "English" and back.settings == doc.settings
    assert back.media_path == str(media)
    assert json.loads(path.read_text())["media"]["relative"] == "media/clip.mp4"


def test_media_path_is_relative_when_the_folder_moves(tmp_path):
    old = tmp_path / "old"
    (old / "media").mkdir(parents=True)
    (old / "media" / "clip.mp4").write_bytes(b"")
    save_project(_doc(str(old / "media" / "clip.mp4")), old / "p.qssproj")
    new = tmp_path / "new"
    old.rename(new)
    assert load_project(new / "p.qssproj").media_path == str(new / "media" / "clip.mp4")


def test_newer_version_is_refused_clearly(tmp_path):
    path = tmp_path / "future.qssproj"
    save_project(_doc("/x.mp4"), path)
    data = json.loads(path.read_text())
    data["version"] = FORMAT_VERSION + 1
    path.write_text(json.dumps(data))
    with pytest.raises(ProjectError, match="newer version"):
        load_project(path)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\x00\x01garbage", "not a project file"),
        (b'{"format": "something-else", "version": 1}', "not a Qwen Subtitle Studio project"),
        (b'{"format": "qwen-subtitle-studio-project", "version": "x"}', "no valid version"),
        (b'{"format": "qwen-subtitle-studio-project", "version": 1, "cues": [{"start": 1}]}', "cue 1 is damaged"),
    ],
)
def test_damaged_files(tmp_path, content, message):
    path = tmp_path / "bad.qssproj"
    path.write_bytes(content)
    with pytest.raises(ProjectError, match=message) as info:
        load_project(path)
    assert "bad.qssproj" in str(info.value)
    assert "\n" not in str(info.value)


def test_missing_file(tmp_path):
    with pytest.raises(ProjectError, match="no such file"):
        load_project(tmp_path / "nope.qssproj")


def test_each_cues_language_is_saved_and_an_older_project_reads_as_not_known(tmp_path):
    path = tmp_path / "mixed.qssproj"
    doc = Document.from_cues([Cue(0, 1000, "你好", language="Chinese"), Cue(1000, 2000, "Hi"),
                              Cue(2000, 3000, "唔該", language="Cantonese")])  # fmt: skip
    save_project(doc, path)
    data = json.loads(path.read_text())
    assert [c.get("language") for c in data["cues"]] == ["Chinese", None, "Cantonese"]  # nothing for not known
    assert [c.language for c in load_project(path)] == ["Chinese", "", "Cantonese"]
    for cue, damaged in zip(data["cues"], (None, 7, "  "), strict=True):  # an older project has none; damage is none
        cue.pop("language", None)
        if damaged is not None:
            cue["language"] = damaged
    path.write_text(json.dumps(data))
    assert [c.language for c in load_project(path)] == ["", "", ""]
