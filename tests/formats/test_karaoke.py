"""Word times delivered (issue 26, item 4): ASS karaoke, WebVTT word timestamps, the JSON words export."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from app.core.document import Cue, Word
from app.formats.ass import _ms as ass_ms
from app.formats.base import WORDS_DROPPED, WriteOptions
from app.formats.registry import by_name, format_subtitles, read_subtitles, write_subtitles

KARAOKE = WriteOptions(word_times=True)


def _words(text: str, spans: list[tuple[str, int, int]]) -> tuple[Word, ...]:
    """Words by their text (found in order) and times."""
    out, at = [], 0
    for word, start, end in spans:
        at = text.index(word, at)
        out.append(Word(start, end, at, at + len(word)))
        at += len(word)
    return tuple(out)


ENGLISH = "<i>Hello, big</i>\nwide world!"
CUES = [
    Cue(1000, 4000, ENGLISH, _words(ENGLISH, [("Hello", 1200, 1500), ("big", 1600, 2000), ("wide", 2500, 2900),
                                             ("world", 3000, 3700)]), extra=(("actor", "Ann"), ("align", "8"))),
    Cue(5005, 7004, "你好世界", _words("你好世界", [("你好", 5005, 5500), ("世界", 5600, 6800)]), language="Chinese"),
    Cue(8000, 9000, "今日は雨です", _words("今日は雨です", [("今日", 8100, 8300), ("は", 8300, 8400),
                                                        ("雨", 8400, 8700), ("です", 8700, 8900)])),
]  # fmt: skip


def _events(text: str) -> list[str]:
    return [line for line in text.split("\n") if line.startswith("Dialogue:")]


def _karaoke_tags(event: str) -> list[int]:
    return [int(value) for value in re.findall(r"\{\\k(\d+)\}", event)]


@pytest.mark.parametrize("name", ["ass", "ssa"])
def test_ass_karaoke_tags_sum_to_each_event_and_read_back_as_the_same_cues(name, tmp_path):
    path = tmp_path / f"k.{name}"
    dropped = write_subtitles(path, CUES, options=KARAOKE)
    assert not [m for m in dropped if m.code == WORDS_DROPPED]  # the times are in the file: nothing said lost
    text = path.read_text(encoding="utf-8")
    events = _events(text)
    assert len(events) == len(CUES)  # one event a cue
    for event, cue in zip(events, CUES, strict=True):
        fields = event[len("Dialogue:") :].split(",", 9)
        length = (ass_ms(fields[2]) - ass_ms(fields[1])) // 10
        tags = _karaoke_tags(event)
        assert sum(tags) == length  # gaps folded in: the syllables fill the event
        lead = 1 if (cue.words[0].start + 5) // 10 > (cue.start + 5) // 10 else 0  # an empty syllable before
        assert len(tags) == len(cue.words) + lead
    # a tag right before each word, the first one after an empty syllable for the wait before it
    assert "{\\k20}{\\i1}{\\k40}Hello, {\\k90}big{\\i0}\\N{\\k50}wide {\\k100}world!" in events[0]
    assert events[1].endswith(",{\\k59}你好{\\k140}世界")  # CJK: no spaces added; 5.01 to 5.60 s
    assert events[2].endswith(",{\\k10}{\\k20}今日{\\k10}は{\\k30}雨{\\k30}です")
    back = read_subtitles(path)
    assert [c.text for c in back.cues] == [c.text for c in CUES]  # the tags stripped
    assert [(c.start, c.end) for c in back.cues] == [(1000, 4000), (5010, 7000), (8000, 9000)]  # centiseconds
    assert back.cues[0].get("actor") == "Ann" and back.cues[0].get("align") == "8"


def test_karaoke_holds_words_outside_the_cue_or_out_of_order_to_it():
    text = "one two three"
    words = (Word(500, 900, 0, 3), Word(3000, 3100, 4, 7), Word(2000, 2600, 8, 13))  # before, after, back
    (event,) = _events(format_subtitles([Cue(1000, 2500, text, words)], by_name("ass"), KARAOKE)[0])
    assert event.endswith(",{\\k150}one {\\k0}two {\\k0}three")
    assert sum(_karaoke_tags(event)) == 150


def test_words_outside_the_text_leave_the_cue_plain():
    cue = Cue(0, 1000, "hi", (Word(0, 500, 5, 9),))
    for name in ("ass", "vtt"):
        plain, _ = format_subtitles([cue.with_(words=())], by_name(name))
        assert format_subtitles([cue], by_name(name), KARAOKE)[0] == plain


def test_webvtt_word_timestamps_are_valid_and_read_back(tmp_path):
    path = tmp_path / "w.vtt"
    write_subtitles(path, CUES, options=KARAOKE)
    text = path.read_text(encoding="utf-8")
    assert "<v Ann><i>Hello, <00:00:01.600>big</i>\n<00:00:02.500>wide <00:00:03.000>world!" in text
    assert "\n你好<00:00:05.600>世界\n" in text
    # the first word of the third cue starts after the cue, but gets no timestamp: only words after the first
    assert "\n今日<00:00:08.300>は<00:00:08.400>雨<00:00:08.700>です\n" in text
    blocks = text.split("\n\n")[1:]
    for block, cue in zip(blocks, CUES, strict=True):  # W3C: each timestamp after the cue's start, the one before
        stamps = [ass_ms(stamp) for stamp in re.findall(r"<(\d\d:\d\d:\d\d\.\d\d\d)>", block)]
        assert stamps == sorted(set(stamps)) and all(cue.start < t < cue.end for t in stamps)
        assert len(stamps) == len(cue.words) - 1
    back = read_subtitles(path)
    assert [c.text for c in back.cues] == [c.text for c in CUES]  # the reader strips timestamp tags
    assert [(c.start, c.end) for c in back.cues] == [(c.start, c.end) for c in CUES]


def test_webvtt_leaves_out_a_timestamp_the_rules_make_invalid():
    text = "a b c d"
    words = (Word(1000, 1100, 0, 1), Word(1000, 1200, 2, 3), Word(1500, 1600, 4, 5), Word(2000, 2100, 6, 7))
    out, _ = format_subtitles([Cue(1000, 2000, text, words)], by_name("vtt"), KARAOKE)
    assert out.endswith("00:00:01.000 --> 00:00:02.000\na b <00:00:01.500>c d\n")  # at the start, at the end


def test_webvtt_word_timestamps_escape_the_text_around_them():
    text = "Tom & <Jerry>"
    cue = Cue(0, 2000, text, (Word(0, 500, 0, 3), Word(600, 900, 4, 5), Word(1000, 1500, 6, 13)))
    out, _ = format_subtitles([cue], by_name("vtt"), KARAOKE)
    assert "\nTom <00:00:00.600>&amp; <00:00:01.000>\n" in out  # <Jerry> is markup to the writer: left out


def test_json_words_export_round_trips_every_word(tmp_path):
    path = tmp_path / "w.json"
    write_subtitles(path, CUES)
    back = read_subtitles(path).cues
    assert [(c.start, c.end, c.text, c.words) for c in back] == [(c.start, c.end, c.text, c.words) for c in CUES]
    assert format_subtitles(CUES, by_name("json"), KARAOKE)[0] == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["ass", "ssa", "vtt", "srt", "json", "ttml"])
def test_without_the_option_the_output_is_what_it_was(name):
    bare = [cue.with_(words=()) for cue in CUES]
    off, _ = format_subtitles(CUES, by_name(name))
    assert "\\k" not in off and "<00:" not in off
    if name != "json":  # the JSON export always holds the words
        assert off == format_subtitles(bare, by_name(name))[0]
        assert format_subtitles(bare, by_name(name), KARAOKE)[0] == off  # cues without words: plain output


def test_an_ass_script_saved_back_with_word_times_keeps_its_other_fields(tmp_path):
    source = tmp_path / "s.ass"
    write_subtitles(source, [Cue(1000, 2000, "one two")])
    text = source.read_text(encoding="utf-8").replace("Default,,0,0,0,,", "Sign,Bob,10,20,30,fx,")
    source.write_text(text, encoding="utf-8")
    read = read_subtitles(source)
    cue = read.cues[0].with_(words=(Word(1000, 1400, 0, 3), Word(1500, 1900, 4, 7)))
    out, _ = format_subtitles([cue], by_name("ass"), WriteOptions(header=read.header, word_times=True))
    assert _events(out) == ["Dialogue: 0,0:00:01.00,0:00:02.00,Sign,Bob,10,20,30,fx,{\\k50}one {\\k50}two"]


def _red_pixels(path, second: float) -> int:
    """Pixels libass draws in the style's secondary colour (red: not yet sung) at ``second``, on black."""
    import numpy as np

    run = subprocess.run(
        ["ffmpeg", "-v", "error", "-nostdin", "-f", "lavfi", "-i", "color=black:size=640x360:duration=5:rate=10",
         "-vf", f"subtitles={path}", "-ss", str(second), "-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "rgb24", "-"],
        capture_output=True, timeout=60,
    )  # fmt: skip
    assert run.returncode == 0 and not run.stderr.strip(), run.stderr.decode(errors="replace")
    rgb = np.frombuffer(run.stdout, np.uint8).reshape(360, 640, 3).astype(int)
    return int(((rgb[..., 0] > 150) & (rgb[..., 1] < 80) & (rgb[..., 2] < 80)).sum())


@pytest.mark.skipif(shutil.which("ffmpeg") is None, reason="ffmpeg is not installed")
def test_libass_sings_the_karaoke_word_by_word(tmp_path):
    path = tmp_path / "k.ass"
    write_subtitles(path, CUES[:1], options=KARAOKE)
    waiting, hello, done = (_red_pixels(path, t) for t in (1.1, 1.3, 3.5))
    assert waiting > hello > 0 == done  # all still to sing, "Hello," sung, every word sung


@pytest.mark.skipif(shutil.which("ffmpeg") is None, reason="ffmpeg is not installed")
def test_ffmpeg_reads_the_word_timestamps_as_webvtt(tmp_path):
    path = tmp_path / "w.vtt"
    write_subtitles(path, CUES, options=KARAOKE)
    run = subprocess.run(
        ["ffmpeg", "-v", "error", "-nostdin", "-i", str(path), "-f", "webvtt", "-"],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert run.returncode == 0 and not run.stderr.strip(), run.stderr
    assert "\n你好世界\n" in run.stdout and run.stdout.count(" --> ") == len(CUES)  # its reader takes the tags out
