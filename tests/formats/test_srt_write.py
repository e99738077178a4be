from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.document import Cue
from app.core.errors import SubtitleParseError
from app.formats.srt import format_srt, read_srt, read_srt_bytes, write_srt


def test_renumbers_and_clamps(tmp_path):
    path = tmp_path / "out.srt"
    write_srt(path, [Cue(-500, 1000, "Negative start"), Cue(3_723_004, 3_724_000, "Two\nlines")])
    assert path.read_bytes() == (
        b"1\n00:00:00,000 --> 00:00:01,000\nNegative start\n\n2\n01:02:03,004 --> 01:02:04,000\nTwo\nlines\n\n"
    )


def test_bom_and_crlf(tmp_path):
    path = tmp_path / "out.srt"
    write_srt(path, [Cue(0, 1000, "Ça")], bom=True, crlf=True)
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf1\r\n00:00:00,000 --> 00:00:01,000\r\n")
    assert "Ça".encode() in data and b"\n" not in data.replace(b"\r\n", b"")
    result = read_srt(path)
    assert result.bom and result.newline == "\r\n" and result.cues[0].text == "Ça"


def test_blank_lines_in_text_are_not_written():
    assert format_srt([Cue(0, 1000, "a\n\n  \nb")]) == "1\n00:00:00,000 --> 00:00:01,000\na\nb\n\n"


def test_empty_text_keeps_its_cue():
    text = format_srt([Cue(0, 1000, ""), Cue(2000, 3000, "x")])
    assert [c.text for c in read_srt_bytes(text.encode()).cues] == ["", "x"]


def test_write_is_atomic(tmp_path, monkeypatch):
    """A failure while replacing leaves the old file whole and no temporary file behind."""
    path = tmp_path / "keep.srt"
    write_srt(path, [Cue(0, 1000, "old")])
    original = path.read_bytes()

    def crash(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError):
        write_srt(path, [Cue(0, 1000, "new")])
    assert path.read_bytes() == original
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.srt"]


def test_write_keeps_permissions(tmp_path):
    path = tmp_path / "mode.srt"
    path.write_text("x")
    path.chmod(0o640)
    write_srt(path, [Cue(0, 1, "y")])
    assert path.stat().st_mode & 0o777 == 0o640


# -- properties ---------------------------------------------------------------------------------------

_line = (
    st.text(
        alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp"), blacklist_characters="\ufeff\x85"),
        min_size=1,
        max_size=30,
    )
    .map(str.strip)
    .filter(lambda s: s and "-->" not in s and not s.isdigit() and "->" not in s)
)
_text = st.lists(_line, min_size=0, max_size=3).map("\n".join)
_cue = st.builds(
    lambda start, length, text: Cue(start, start + length, text),
    st.integers(0, 360_000_000),
    st.integers(0, 20_000),
    _text,
)


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(cues=st.lists(_cue, max_size=20), bom=st.booleans(), crlf=st.booleans())
def test_write_then_read_gives_the_document_back(tmp_path_factory, cues, bom, crlf):
    path = tmp_path_factory.mktemp("rt") / "x.srt"
    write_srt(path, cues, bom=bom, crlf=crlf)
    back = read_srt(path).cues
    assert [(c.start, c.end, c.text) for c in back] == [(c.start, c.end, c.text) for c in cues]


@settings(max_examples=300, deadline=None)
@given(data=st.binary(max_size=2000), encoding=st.sampled_from([None, None, "utf-8", "cp1252", "utf-16"]))
def test_random_bytes_raise_nothing_but_parse_errors(data, encoding):
    try:
        read_srt_bytes(data, encoding)
    except SubtitleParseError:
        pass


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet="0123456789:,.->\n \r\tab-", max_size=400))
def test_srt_like_noise_raises_nothing_but_parse_errors(text):
    try:
        read_srt_bytes(text.encode())
    except SubtitleParseError:
        pass
