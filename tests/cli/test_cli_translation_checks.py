"""``check`` of a project with translations (issue 25, item 2): the translations checked by their language's rules,
each finding marked as the translation's."""

from __future__ import annotations

import json

from app.cli import run
from app.core.doc_settings import DocumentSettings
from app.core.document import Cue, Document
from app.formats.project import save_project

LONG_EN = "This translation is far too long for an English line of forty-two characters"


def _project(tmp_path, target="English"):
    cues = [
        Cue(0, 2_000, "你好。", language="Chinese", translation=LONG_EN),
        Cue(3_000, 5_000, "再见。", language="Chinese", translation="Bye."),
    ]
    path = tmp_path / "film.qssproj"
    save_project(Document.from_cues(cues, settings=DocumentSettings().replace(translation_language=target)), path)
    return path


def test_check_reports_a_projects_translation_problems_marked(tmp_path, capsys):
    path = _project(tmp_path)
    assert run(["check", str(path)]) == 1
    out = capsys.readouterr().out
    assert "translation (English: 20 characters a second, 42 a line): 1 reading speed; 1 line length" in out
    assert "  cue 1 (translation): a line of 76 characters (limit 42)" in out
    assert "cue 2" not in out


def test_check_with_a_profile_marks_translation_findings(tmp_path, capsys):
    path = _project(tmp_path)
    assert run(["check", str(path), "--profile", "netflix"]) == 1
    out = capsys.readouterr().out
    assert "  cue 1 (translation): error: a line of 76 characters (limit 42)" in out
    assert run(["check", str(path), "--profile", "netflix", "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert {(f["code"], f["on_translation"]) for f in report["findings"]} == {
        ("qc.reading_speed", True), ("qc.line_length", True),
    }  # fmt: skip
    assert report["counts"] == {"translation reading_speed": 1, "translation line_length": 1}


def test_the_translation_language_can_be_named(tmp_path, capsys):
    path = _project(tmp_path, target="")  # an older project: no target language kept
    assert run(["check", str(path), "--translation-lang", "zh"]) == 1
    out = capsys.readouterr().out
    assert "translation (Chinese: 9 characters a second, 16 a line)" in out
    assert "cue 2" not in out  # "Bye." in 2 s: 2 a second, within Chinese's 9 too


def test_a_damaged_project_is_one_line(tmp_path, capsys):
    path = tmp_path / "bad.qssproj"
    path.write_text("{not json", encoding="utf-8")
    assert run(["check", str(path)]) != 0
    err = capsys.readouterr().err
    assert "not a project file" in err and "Traceback" not in err
