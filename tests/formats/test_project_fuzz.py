"""Fuzzing the project and recovery readers: whatever the file holds, the only exception is ProjectError, and
whatever they return can be shown, saved and read back."""

from __future__ import annotations

import json
import math
import tempfile
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.errors import ProjectError
from app.formats.project import FORMAT_NAME, MAX_TIME_MS, load_project, project_bytes, project_json
from app.formats.recovery import read_recovery

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# any text, lone surrogates included (JSON spells them "\ud800")
_text = st.text(st.characters(codec=None, categories=None, exclude_categories=()), max_size=12)
_number = st.one_of(
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True, allow_subnormal=False),
    st.sampled_from([0, 1, MAX_TIME_MS, MAX_TIME_MS + 1, -1, 1e308, -1e20]),
)
_scalar = st.one_of(st.none(), st.booleans(), _number, _text)
_json = st.recursive(
    _scalar, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_text, inner, max_size=4), max_leaves=12
)
_time = st.one_of(st.integers(min_value=0, max_value=MAX_TIME_MS), _json)
_word = st.one_of(st.lists(st.one_of(st.integers(-5, 50), _json), min_size=4, max_size=4), _json)
_cue = st.one_of(
    st.fixed_dictionaries(
        {"start": _time, "end": _time, "text": st.one_of(_text, _json)},
        optional={"words": st.one_of(st.lists(_word, max_size=3), _json), "edited": _json, "locked": _json},
    ),
    _json,
)
_project = st.fixed_dictionaries(
    {"format": st.one_of(st.just(FORMAT_NAME), _json), "version": st.one_of(st.just(1), _json)},
    optional={
        "cues": st.one_of(st.lists(_cue, max_size=4), _json),
        "language": _json,
        "media": st.one_of(st.fixed_dictionaries({}, optional={"relative": _json, "absolute": _json}), _json),
        "settings": st.one_of(st.fixed_dictionaries({}, optional={"limits": _json}), _json),
        "recovery": st.one_of(
            st.fixed_dictionaries(
                {}, optional={"saved_at": _json, "subtitle_path": _json, "project_path": _json, "pid": _json}
            ),
            _json,
        ),
    },
)
_nesting = st.builds(lambda depth, open_, close: open_ * depth + close * depth, st.integers(900, 60_000),
                     st.sampled_from(["[", '{"a":']), st.sampled_from(["]", "}"]))  # fmt: skip


def _check(path: Path) -> None:
    """Both readers: ProjectError or a document that can be shown and saved again."""
    for read in (load_project, lambda p: read_recovery(p).document):
        try:
            doc = read(path)
        except ProjectError as exc:
            assert "\n" not in str(exc) and path.name in str(exc)
            continue
        for cue in doc:
            assert 0 <= cue.start <= MAX_TIME_MS and 0 <= cue.end <= MAX_TIME_MS and isinstance(cue.text, str)
            assert all(0 <= w.char_start <= w.char_end <= len(cue.text) for w in cue.words)
        again = path.with_name("again.qssproj")
        again.write_bytes(project_bytes(project_json(doc, again)))
        assert load_project(again).cues == doc.cues
    try:
        item = read_recovery(path)
    except ProjectError:
        return
    assert math.isfinite(item.saved_at)
    time.localtime(item.saved_at)  # the offer shows it
    for value in (item.subtitle_path, item.project_path):
        if value is not None:
            assert "\x00" not in value
            value.encode("utf-8")  # a name a file system can take


_FOLDER = Path(tempfile.mkdtemp(prefix="qss-fuzz-"))


def _file(content: bytes) -> Path:
    path = _FOLDER / "recovery-1.qssproj"
    path.write_bytes(content)
    return path


@FUZZ
@given(st.binary(max_size=300))
def test_any_bytes(content):
    _check(_file(content))


@FUZZ
@given(_json)
def test_any_json(value):
    _check(_file(json.dumps(value).encode("utf-8")))


@settings(FUZZ, max_examples=150)
@given(_project)
def test_any_project_shaped_json(value):
    _check(_file(json.dumps(value).encode("utf-8")))


@settings(max_examples=10, deadline=None)
@given(_nesting, st.sampled_from(["cues", "settings", "recovery", "language"]))
def test_any_nesting(nested, field):
    text = f'{{"format": "{FORMAT_NAME}", "version": 1, "{field}": {nested}}}'
    _check(_file(text.encode()))
