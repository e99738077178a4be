"""File ▸ Open on a damaged project says what is wrong, in one line naming the file and the field."""

from __future__ import annotations

import pytest

HEAD = '{"format": "qwen-subtitle-studio-project", "version": 1, '


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ('"cues": [{"start": 1e999, "end": 1, "text": "a"}]', "'start'"),
        ('"cues": [{"start": 0, "end": Infinity, "text": "a"}]', "'end'"),
        ('"cues": [{"start": ' + "1" * 5000 + ', "end": 1, "text": "a"}]', "'start'"),
        ('"cues": [{"start": 0, "end": 1, "text": null}]', "'text'"),
        ('"cues": ' + "[" * 100_000 + "]" * 100_000, "nested too deeply"),
    ],
    ids=["1e999", "Infinity", "5000-digits", "null-text", "deep-nesting"],
)
def test_a_damaged_project_is_refused_with_a_message(window, tmp_path, body, field):
    path = tmp_path / "damaged.qssproj"
    path.write_text(HEAD + body + "}")
    shown: list[str] = []
    window.files.error = lambda _title, message: shown.append(message)
    window.open_path(str(path))
    assert len(shown) == 1 and "damaged.qssproj" in shown[0] and field in shown[0] and "\n" not in shown[0]
    assert window.state.project_path is None
