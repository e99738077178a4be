"""Damaged files of every format: what can be read is read, anything else is one SubtitleParseError, never a crash."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from app.core.errors import SubtitleParseError
from app.formats.base import ReadOptions
from app.formats.registry import by_name, read_subtitles_bytes, readable

FIXTURES = Path(__file__).parent / "fixtures"
SOURCES = sorted(p for p in FIXTURES.iterdir() if p.is_file())


def _mutations(data: bytes, rng: random.Random, count: int) -> list[bytes]:
    out = []
    for _ in range(count):
        buf = bytearray(data)
        for _ in range(rng.randint(1, 8)):
            kind = rng.random()
            at = rng.randrange(len(buf)) if buf else 0
            if kind < 0.3 and buf:
                del buf[at : at + rng.randint(1, 40)]  # cut
            elif kind < 0.6:
                buf[at:at] = rng.choice(
                    [b"-->", b"{", b"}", b"<", b">", b":", b",", b"\n", b"\n\n", b"&", b"0", b"9" * 30]
                )
            elif buf:
                buf[at] = rng.randrange(256)
        out.append(bytes(buf))
    out.append(data[: len(data) // 2])  # a download cut short
    return out


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.name)
def test_every_reader_survives_damage(source):
    rng = random.Random(source.name)
    for damaged in _mutations(source.read_bytes(), rng, 40):
        for fmt in [None, *(f.name for f in readable())]:
            try:
                result = read_subtitles_bytes(damaged, name="damaged", format=fmt, options=ReadOptions(fps=25))
            except SubtitleParseError as exc:
                assert "\n" not in str(exc)
                continue
            assert all(isinstance(c.text, str) and isinstance(c.start, int) for c in result.cues)


def test_ttml_with_a_zero_frame_rate_multiplier_is_an_error_not_a_crash():
    text = (
        '<tt xmlns="http://www.w3.org/ns/ttml" xmlns:ttp="http://www.w3.org/ns/ttml#parameter" '
        'ttp:frameRate="25" ttp:frameRateMultiplier="0 1"><body><p begin="00:00:01:05" end="2s">x</p></body></tt>'
    )
    result = read_subtitles_bytes(text.encode(), name="zero.ttml", format=by_name("ttml").name)
    assert [(c.start, c.end) for c in result.cues] == [(1200, 2000)]  # the multiplier is ignored, 25 fps kept


N = 200_000
PATHOLOGICAL = {  # each took minutes with an unbounded regex (or overflowed the stack): one token repeated
    "vtt-voices": b"WEBVTT\n\n00:01.000 --> 00:02.000\n" + b"<v " * N + b"\n",
    "vtt-ruby": b"WEBVTT\n\n00:01.000 --> 00:02.000\n" + b"<rt>" * N + b"\n",
    "sami-syncs": b"<SAMI><BODY>" + b"<sync " * N,
    "sami-paragraphs": b"<SAMI><BODY><SYNC Start=1>" + b"<p " * N,
    "sami-styles": b"<SAMI><HEAD><STYLE>" + b".a{" * N + b"</STYLE></HEAD><BODY><SYNC Start=1><P>x",
    "json-nesting": b'{"cues":' + b"[" * N,
    "microdvd-tags": b"{1}{2}" + b"{y:" * N,  # pysubs2's own pattern, wrapped
    "ttml-nesting": b'<tt xmlns="http://www.w3.org/ns/ttml"><body><div><p begin="1s" end="2s">'
    + b"<span>" * 5000
    + b"x"
    + b"</span>" * 5000
    + b"</p></div></body></tt>",
}


@pytest.mark.parametrize("name", PATHOLOGICAL)
def test_pathological_input_is_read_in_linear_time(name):
    import time

    start = time.perf_counter()
    try:
        read_subtitles_bytes(PATHOLOGICAL[name], name=name)
    except SubtitleParseError as exc:
        assert "\n" not in str(exc)
    assert time.perf_counter() - start < 10  # linear: well under a second; quadratic: minutes
