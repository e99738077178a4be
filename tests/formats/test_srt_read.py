"""Reading SRT as real files are: every awkward case a subtitle editor meets."""

from __future__ import annotations

import codecs

import pytest

from app.core.errors import SubtitleParseError
from app.formats.srt import parse_timing, read_srt, read_srt_bytes

BASIC = (
    "1\n00:00:01,000 --> 00:00:02,500\nHello, world.\n\n2\n00:00:03,000 --> 00:00:04,000\nSecond line\nand more.\n\n"
)


def texts(result):
    return [c.text for c in result.cues]


def times(result):
    return [(c.start, c.end) for c in result.cues]


def test_plain_utf8():
    result = read_srt_bytes(BASIC.encode())
    assert texts(result) == ["Hello, world.", "Second line\nand more."]
    assert times(result) == [(1000, 2500), (3000, 4000)]
    assert (result.encoding, result.bom, result.detected) == ("utf-8", False, False)
    assert result.skipped == []


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [
        ("utf-8", codecs.BOM_UTF8),
        ("utf-16-le", codecs.BOM_UTF16_LE),
        ("utf-16-be", codecs.BOM_UTF16_BE),
        ("utf-32-le", codecs.BOM_UTF32_LE),
        ("utf-32-be", codecs.BOM_UTF32_BE),
    ],
)
def test_unicode_with_bom(encoding, bom):
    body = BASIC.replace("Hello", "Héllo ☺ 你好")
    result = read_srt_bytes(bom + body.encode(encoding))
    assert texts(result)[0] == "Héllo ☺ 你好, world."
    assert result.bom and result.encoding == encoding


def test_utf16_without_bom():
    result = read_srt_bytes(BASIC.encode("utf-16-le"))
    assert texts(result)[0] == "Hello, world."


LEGACY = {
    "cp1252": ["Ça va très bien, merci. Où êtes-vous allé?", "J'ai mangé une crème brûlée à côté du théâtre."],
    "cp1250": ["Zażółć gęślą jaźń. Dzień dobry, jak się masz?", "Świetnie, dziękuję bardzo! Łódź jest piękna."],
    "cp1251": ["Привет, как дела? Всё хорошо, спасибо.", "Мы поедем в Москву завтра утром."],
    "gbk": ["你好，今天天气很好。我们去公园散步吧。", "他说他明天要去北京开会。"],
    "gb2312": ["我们今天晚上一起去看电影，好不好？", "好的，我七点钟在电影院门口等你。"],
    "big5": ["你好，今天天氣很好。我們去公園散步吧。", "他說他明天要去臺北開會。"],
    "shift_jis": ["こんにちは、元気ですか。今日はとても良い天気ですね。", "明日は東京へ行きます。"],
}


def _srt(lines):
    return "".join(f"{i + 1}\n00:00:0{i},000 --> 00:00:0{i},900\n{line}\n\n" for i, line in enumerate(lines))


@pytest.mark.parametrize("encoding", sorted(LEGACY))
def test_legacy_encodings_are_detected(encoding):
    lines = LEGACY[encoding]
    result = read_srt_bytes(_srt(lines).replace("\n", "\r\n").encode(encoding))
    assert texts(result) == lines
    assert result.detected


def test_user_encoding_overrides_detection():
    data = _srt(["Ça va"]).encode("cp1252")
    assert texts(read_srt_bytes(data, encoding="latin-1")) == ["Ça va"]
    # deliberately wrong choice is honoured, not second-guessed
    assert texts(read_srt_bytes(_srt(["Мир"]).encode("cp1251"), encoding="cp1252")) == ["Ìèð"]


def test_user_encoding_that_does_not_fit_names_the_line(tmp_path):
    path = tmp_path / "bad.srt"
    path.write_bytes(_srt(["ok", "bad \xff"]).encode("latin-1"))
    with pytest.raises(SubtitleParseError) as info:
        read_srt(path, encoding="utf-8")
    assert "bad.srt" in str(info.value) and "line 7" in str(info.value)


def test_unknown_encoding_name():
    with pytest.raises(SubtitleParseError, match="unknown encoding"):
        read_srt_bytes(b"", encoding="klingon-8")


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"])
def test_newlines(newline):
    result = read_srt_bytes(BASIC.replace("\n", newline).encode())
    assert texts(result) == ["Hello, world.", "Second line\nand more."]
    assert result.newline == newline


def test_missing_and_wrong_index_numbers():
    data = (
        "00:00:01,000 --> 00:00:02,000\nNo index\n\n"
        "7\n00:00:03,000 --> 00:00:04,000\nWrong index\n\n"
        "7\n00:00:05,000 --> 00:00:06,000\nRepeated index\n"
    )
    assert texts(read_srt_bytes(data.encode())) == ["No index", "Wrong index", "Repeated index"]


def test_blank_lines_inside_a_cue():
    data = "1\n00:00:01,000 --> 00:00:02,000\nFirst\n\nstill first\n\n\n2\n00:00:03,000 --> 00:00:04,000\nSecond\n"
    assert texts(read_srt_bytes(data.encode())) == ["First\nstill first", "Second"]


def test_a_number_as_dialogue_is_kept():
    data = "1\n00:00:01,000 --> 00:00:02,000\nHow many?\n42\n\n2\n00:00:03,000 --> 00:00:04,000\nYes.\n"
    assert texts(read_srt_bytes(data.encode())) == ["How many?\n42", "Yes."]


def test_no_final_blank_line_and_no_newline_at_all():
    data = "1\n00:00:01,000 --> 00:00:02,000\nLast"
    assert texts(read_srt_bytes(data.encode())) == ["Last"]


def test_no_blank_line_between_cues():
    data = "1\n00:00:01,000 --> 00:00:02,000\nOne\n2\n00:00:03,000 --> 00:00:04,000\nTwo\n"
    assert texts(read_srt_bytes(data.encode())) == ["One", "Two"]


def test_html_and_ass_tags_are_kept_as_text():
    data = '1\n00:00:01,000 --> 00:00:02,000\n{\\an8}<i>Hi</i> <font color="#ff0000">there</font>\n'
    assert texts(read_srt_bytes(data.encode())) == ['{\\an8}<i>Hi</i> <font color="#ff0000">there</font>']


def test_empty_cue_text():
    data = "1\n00:00:01,000 --> 00:00:02,000\n\n2\n00:00:03,000 --> 00:00:04,000\nTwo\n"
    assert texts(read_srt_bytes(data.encode())) == ["", "Two"]


def test_whitespace_and_trailing_spaces():
    data = "  1  \n 00:00:01,000  -->  00:00:02,000  \n  Indented   \n\t\n"
    assert texts(read_srt_bytes(data.encode())) == ["  Indented"]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("00:00:01,000 --> 00:00:02,000", (1000, 2000)),
        ("00:00:01.000 --> 00:00:02.000", (1000, 2000)),
        ("0:0:1,5 --> 0:0:2,25", (1500, 2250)),
        ("00:01,000 --> 00:02,000", (1000, 2000)),
        ("01:02:03,004 --> 101:02:03,004", (3723004, 363723004)),
        ("00:00:01,000-->00:00:02,000", (1000, 2000)),
        ("00:00:01,000 -> 00:00:02,000", (1000, 2000)),
        ("00:00:01,000 --> 00:00:02,000 X1:100 X2:200 Y1:10 Y2:20", (1000, 2000)),
        ("00:00:01 --> 00:00:02", (1000, 2000)),
        ("hello --> world", None),
        ("00:00:61,000 --> 00:01:60,000", (61000, 120000)),  # read by arithmetic, as ffmpeg and VLC do
        ("00:00:0x,000 --> 00:00:02,000", None),
    ],
)
def test_timing_lines(line, expected):
    assert parse_timing(line) == expected


def test_negative_times_become_zero_and_are_reported():
    data = "1\n-00:00:01,000 --> 00:00:02,000\nEarly\n"
    result = read_srt_bytes(data.encode())
    assert times(result) == [(0, 2000)]
    assert any("negative" in s for s in result.skipped)


def test_partly_broken_file_loads_what_it_can(tmp_path):
    path = tmp_path / "partly.srt"
    path.write_text(
        "garbage header\n\n"
        "1\n00:00:01,000 --> 00:00:02,000\nGood one\n\n"
        "2\n00:00:0x,000 --> 00:00:04,000\nBroken timing\n\n"
        "3\n00:00:05,000 --> 00:00:06,000\nGood two\n",
        encoding="utf-8",
    )
    result = read_srt(path)
    assert texts(result) == ["Good one", "Good two"]
    assert len(result.skipped) == 2
    assert "line 1" in result.skipped[0] and "partly.srt" in result.skipped[0]
    assert "line 8" in result.skipped[1]


def test_unreadable_files_raise_with_the_name(tmp_path):
    binary = tmp_path / "movie.srt"
    binary.write_bytes(bytes(range(256)) * 40)
    with pytest.raises(SubtitleParseError, match=r"movie\.srt"):
        read_srt(binary)
    prose = tmp_path / "notes.srt"
    prose.write_text("Just some notes.\nNo subtitles here.\n")
    with pytest.raises(SubtitleParseError, match=r"notes\.srt.*no subtitles"):
        read_srt(prose)
    with pytest.raises(SubtitleParseError, match="no such file"):
        read_srt(tmp_path / "missing.srt")
    with pytest.raises(SubtitleParseError, match="folder"):
        read_srt(tmp_path)


def test_empty_file_is_an_empty_document(tmp_path):
    path = tmp_path / "empty.srt"
    path.write_bytes(b"")
    assert read_srt(path).cues == []


def test_newlines_are_counted_as_they_are_replaced():
    """Every mix of \\n, \\r\\n and \\r: the text with \\n newlines and the newline used most (ties as before: \\r\\n
    over \\r over \\n), as counting each kind over the whole text tells it (issue 27, item 8: the counts skipped)."""
    import random

    from app.formats.textio import decode_bytes

    rng = random.Random(8)
    for _ in range(3000):
        text = "".join(rng.choice(["a", "\r", "\n", "\r\n", "é\r\n", "\n\r"]) for _ in range(rng.randint(1, 12)))
        crlf = text.count("\r\n")
        counts = [(crlf, "\r\n"), (text.count("\n") - crlf, "\n"), (text.count("\r") - crlf, "\r")]
        best = max(counts)
        decoded = decode_bytes(("x" + text + "y").encode("utf-8"))
        assert decoded.text == "x" + text.replace("\r\n", "\n").replace("\r", "\n") + "y"
        assert decoded.newline == (best[1] if best[0] else "\n"), repr(text)
