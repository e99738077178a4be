"""Quirks found in real subtitle files (a corpus of about 180 files from 45 public repositories), each reduced to
a minimal reproduction. Every test here failed before the fix it covers."""

from __future__ import annotations

import codecs
import time

import pytest

from app.core.document import Cue
from app.formats.srt import format_srt, parse_timing, read_srt, read_srt_bytes

T1 = "00:00:01,000 --> 00:00:02,000"
T2 = "00:00:03,000 --> 00:00:04,000"


def cues(result):
    return [(c.start, c.end, c.text) for c in result.cues]


def texts(result):
    return [c.text for c in result.cues]


# -- timing lines ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("00:02:40, --> 00:02:43,493", (160000, 163493)),  # YouTube converter: separator without digits
        ("00:00:01,123456 --> 00:00:02,6545", (1123, 2655)),  # microseconds and more: rounded to ms
        ("00:00:01,000 ---> 00:00:02,000", (1000, 2000)),
        ("00:00:01,000 -- > 00:00:02,000", (1000, 2000)),
        ("00:00:01,000 → 00:00:02,000", (1000, 2000)),
        ("00:00:59,999 --> 00:01:60,000", (59999, 120000)),  # generator rounding slip, read as players do
        ("1 00:00:01,000 --> 00:00:02,000", (1000, 2000)),  # index on the timing line
        ("0.1 --> 1.733", (100, 1733)),  # CapCut export: plain seconds
    ],
)
def test_timing_variants(line, expected):
    assert parse_timing(line) == expected


def test_cue_with_empty_milliseconds_is_kept():
    data = f"1\n{T1}\nOne\n\n2\n00:02:40, --> 00:02:43,493\nZískali jsme\n"
    result = read_srt_bytes(data.encode())
    assert texts(result) == ["One", "Získali jsme"] and result.skipped == []


def test_text_on_the_timing_line_is_kept_but_coordinates_and_settings_are_not():
    data = (
        f"1\n{T1} Hello there\n\n"
        "2\n00:00:03,000 --> 00:00:04,000 X1:100 X2:200 Y1:10 Y2:20\nCoordinates\n\n"
        "3\n00:00:05.000 --> 00:00:06.000 align:start position:10%\nSettings\n"
    )
    assert texts(read_srt_bytes(data.encode())) == ["Hello there", "Coordinates", "Settings"]


@pytest.mark.parametrize("line", ["Score: 3 --> 4 now", "- 5 -> 6.", "Go to 10 --> 20 of them"])
def test_an_arrow_in_dialogue_is_text_not_a_broken_timing(line):
    data = f"1\n{T1}\n- Where?\n{line}\n\n2\n{T2}\nNext\n"
    result = read_srt_bytes(data.encode())
    assert texts(result) == [f"- Where?\n{line}", "Next"] and result.skipped == []


def test_a_broken_timing_line_is_still_reported():
    data = f"1\n{T1}\nOne\n\n2\n00:00:0x,000 --> 00:00:04,000\nLost\n"
    result = read_srt_bytes(data.encode())
    assert texts(result) == ["One"] and "unreadable timing" in result.skipped[0]


def test_a_number_ending_a_cue_is_dialogue_unless_it_counts_on():
    data = f"1\n{T1}\nHow many?\n42\n2\n{T2}\nB\n3\n00:00:05,000 --> 00:00:06,000\nC\n"
    assert texts(read_srt_bytes(data.encode())) == ["How many?\n42", "B", "C"]


# -- WebVTT saved as .srt -------------------------------------------------------------------------------


def test_webvtt_named_srt():
    data = (
        "WEBVTT\nKind: captions\nLanguage: en\n\n"
        "NOTE made by a tool\nsecond note line\n\n"
        "STYLE\n::cue { color: red }\n\n"
        "intro\n00:00:01.000 --> 00:00:02.000 line:0\n<i>Hi</i>\n\n"
        "NOTE between cues\n\n"
        "cue-2\n00:00:03.000 --> 00:00:04.000\n<c.yellow>Two</c> <00:00:03.500><c>words</c>\n"
    )
    result = read_srt_bytes(data.encode())
    assert cues(result) == [(1000, 2000, "<i>Hi</i>"), (3000, 4000, "Two words")]
    assert len(result.skipped) == 1 and "3 WebVTT" in result.skipped[0]


# -- bytes: NULs, BOMs, Ctrl+Z, UTF-16 without BOM, mixed encodings ------------------------------------


def test_nul_padding_and_stray_nuls_are_removed_and_reported():
    padded = read_srt_bytes(f"1\n{T1}\nA\n".encode() + b"\0" * 4096)
    assert texts(padded) == ["A"] and "NUL" in padded.skipped[0]
    stray = read_srt_bytes(f"1\n{T1}\nA\x00B\n".encode())
    assert texts(stray) == ["AB"] and "line 3" in stray.skipped[0]


def test_concatenated_files_keep_their_byte_order_marks_out_of_the_text():
    data = codecs.BOM_UTF8 + f"1\n{T1}\nA\n\n".encode() + codecs.BOM_UTF8 + f"2\n{T2}\nB\n".encode()
    assert texts(read_srt_bytes(data)) == ["A", "B"]


def test_dos_end_of_file_mark_is_not_text():
    assert texts(read_srt_bytes(f"1\n{T1}\nA\r\n\x1a".encode())) == ["A"]


@pytest.mark.parametrize("encoding", ["utf-16-be", "utf-16-le", "utf-32-be", "utf-32-le"])
def test_wide_unicode_without_bom(encoding):
    result = read_srt_bytes(f"1\n{T1}\nHéllo 你好\n\n2\n{T2}\nZwei\n".encode(encoding))
    assert texts(result) == ["Héllo 你好", "Zwei"] and result.encoding == encoding


def test_utf16_with_trailing_nul_padding():
    data = f"1\n{T1}\nHéllo\n".encode("utf-16-le") + b"\0" * 7
    assert texts(read_srt_bytes(data)) == ["Héllo"]


def test_utf8_with_a_line_typed_in_cp1252_keeps_both():
    data = (
        f"1\n{T1}\nCafé déjà vu, très bien\n\n2\n{T2}\nÀ bientôt, garçon\n\n".encode()
        + "3\n00:00:05,000 --> 00:00:06,000\nVoilà\n".encode("cp1252")
    )
    result = read_srt_bytes(data)
    assert texts(result) == ["Café déjà vu, très bien", "À bientôt, garçon", "Voilà"]
    assert result.encoding == "utf-8" and "line 11" in result.skipped[0] and "cp1252" in result.skipped[0]


def test_utf8_bom_in_front_of_cp1252_text():
    result = read_srt_bytes(codecs.BOM_UTF8 + f"1\n{T1}\nCafé, garçon, très\n".encode("cp1252"))
    assert texts(result) == ["Café, garçon, très"] and result.bom


# -- legacy encodings the old detector got wrong ---------------------------------------------------------

SAMPLES = {
    "turkish": ["Günaydın, bugün nasılsın?", "Işığı kapatır mısın lütfen?", "Şu an İstanbul'dayım."],
    "polish": ["Zażółć gęślą jaźń.", "Dzień dobry, jak się masz?", "Świetnie, dziękuję! Łódź jest piękna."],
    "czech": ["Příliš žluťoučký kůň úpěl ďábelské ódy.", "Všechno to začalo v mém hutnictví.", "Děkuji."],
    "russian": ["Послушай меня.", "Держи, ешь, мой милый.", "Простите, я не знал."],
    "hebrew": ["שלום, מה שלומך היום?", "אני הולך לשוק בערב.", "תודה רבה, נתראה מחר."],
    "arabic": ["مرحبا، كيف حالك اليوم؟", "سأذهب إلى السوق في المساء.", "شكرا جزيلا، أراك غدا."],
    "persian": ["ميخواي حرف بزني؟", "چقدر ديگه مي‌رسيد؟ خوبه", "گفتم که نمي‌دانم."],
    "lithuanian": ["Labas rytas, kaip sekasi?", "Ačiū, viskas gerai.", "Šiandien labai šalta žiema."],
    "french": ["Ligne numéro un, très bien.", "Ça va à côté du théâtre.", "Où êtes-vous allé?"],
    "japanese": ["千と千尋の神隠し", "明日は東京へ行きます。", "こんにちは、元気ですか。"],
    "korean": ["한 밤중의 티타임을 들으러 와줘서 고마워", "Hour의 라디오 부탁해♡", "여러분을 맞이할 퍼스널리티는"],
}


@pytest.mark.parametrize(
    ("language", "encoding"),
    [
        ("turkish", "cp1254"),
        ("turkish", "iso8859_9"),
        ("polish", "iso8859_2"),
        ("czech", "iso8859_2"),
        ("russian", "koi8_r"),
        ("russian", "iso8859_5"),
        ("hebrew", "cp1255"),
        ("hebrew", "iso8859_8"),
        ("arabic", "iso8859_6"),
        ("persian", "cp1256"),
        ("lithuanian", "cp1257"),
        ("french", "cp1252"),
        ("japanese", "euc_jp"),
        ("korean", "euc_kr"),
    ],
)
def test_legacy_encodings_round_trip_exactly(language, encoding):
    lines = SAMPLES[language] * 4  # a short file, as real ones from these languages are detected from
    srt = format_srt([Cue(i * 2000, i * 2000 + 1500, line) for i, line in enumerate(lines)])
    result = read_srt_bytes(srt.replace("\n", "\r\n").encode(encoding))
    assert texts(result) == lines
    assert result.detected


# -- size -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-8", "cp1252"])
def test_ten_thousand_cues_parse_well_under_a_second(tmp_path, encoding):
    body = "".join(
        f"{i + 1}\n{i // 3600:02d}:{i // 60 % 60:02d}:{i % 60:02d},000 --> "
        f"{i // 3600:02d}:{i // 60 % 60:02d}:{i % 60:02d},800\nLigne {i}, très bien\nà côté\n\n"
        for i in range(10_000)
    )
    path = tmp_path / "big.srt"
    path.write_bytes(body.encode(encoding))
    began = time.perf_counter()
    result = read_srt(path)
    elapsed = time.perf_counter() - began
    assert len(result.cues) == 10_000 and result.cues[-1].text == "Ligne 9999, très bien\nà côté"
    assert elapsed < 1.5  # about 0.15 s (UTF-8) and 0.3 s (cp1252) here; generous for loaded machines


def test_webvtt_cues_without_identifiers_keep_their_text():
    from app.formats.srt import parse_srt

    text = (
        "WEBVTT\nKind: captions\n\n"
        "00:01.000 --> 00:02.000\nFirst, no identifier\n\n"  # the next timing line follows a blank line
        "intro\n00:03.000 --> 00:04.000 align:start\nSecond\n\n"
        "00:05.000 --> 00:06.000\nOnly line\n00:07.000 --> 00:08.000\n"  # malformed: no blank line at all
        "Last\n"
    )
    cues, _ = parse_srt(text)
    assert [(c.start, c.text) for c in cues] == [
        (1000, "First, no identifier"), (3000, "Second"), (5000, "Only line"), (7000, "Last"),
    ]  # fmt: skip


def test_webvtt_voice_spans_keep_the_speaker_and_other_markup_goes():
    from app.formats.srt import parse_srt

    text = (
        "WEBVTT\n\n00:01.000 --> 00:02.000\n<v Roger Bingham>We are in New York City</v>\n\n"
        "00:03.000 --> 00:04.000\n<v.loud Esme>It's a <i>blue</i> apple</v> <lang en-GB>colour</lang>\n\n"
        "00:05.000 --> 00:06.000\n<ruby>漢<rt>かん</rt></ruby>字\n"
    )
    cues, _ = parse_srt(text)
    assert [c.text for c in cues] == [
        "Roger Bingham: We are in New York City", "Esme: It's a <i>blue</i> apple colour", "漢(かん)字",
    ]  # fmt: skip


@pytest.mark.parametrize(
    "lines",
    [
        ["Café au lait, s'il vous plaît."],  # read as Baltic cp1257: "plaīt"
        ["Ça va très bien, merci."],  # cp1257: "Ēa va trčs"
        ["Così è la vita."],  # ISO-8859-2: "Cosě č la vita"
        ["El niño comió piñata.", "He said “hello” — and left…", "It’s fine. Don’t worry."],  # cp1250: "nińo"
        ["¡Qué sorpresa!", "Está bien, señor."] * 20,  # ISO-8859-2 even with 40 cues
    ],
)
def test_short_or_repetitive_cp1252_files_stay_cp1252(lines):
    # chardet's confidences are a few hundredths apart on such files; they must not pick an exotic code page
    srt = format_srt([Cue(i * 2000, i * 2000 + 1500, line) for i, line in enumerate(lines)])
    result = read_srt_bytes(srt.encode("cp1252"))
    assert texts(result) == lines and result.encoding == "cp1252"


def test_webvtt_caption_starting_with_note_or_style_is_text_not_a_block():
    from app.formats.srt import parse_srt

    text = (
        "WEBVTT\n\nNOTE a real comment\n\n00:01.000 --> 00:02.000\nNOTE THAT DOWN.\nIT MATTERS.\n\n"
        "00:03.000 --> 00:04.000\nSTYLE IS EVERYTHING\n"
    )
    cues, skipped = parse_srt(text)
    assert [c.text for c in cues] == ["NOTE THAT DOWN.\nIT MATTERS.", "STYLE IS EVERYTHING"]
    assert skipped == ["1 WebVTT NOTE/STYLE/REGION block(s) left out"]
