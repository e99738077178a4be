"""The bulk SubRip reader (app.formats.srt_bulk) gives what the line-by-line reader gives, for every file.

The files are made from blocks as tools write them, with the slips real files have mixed in at random: spaces at
line ends, blank lines inside a cue, arrows and dashes in the text, broken and decorated timing lines, missing or
repeated index numbers, a title before the first cue, tabs and ideographic spaces, hours past 99, no newline at
the end. Each is read both ways and the cues and messages must be the same.
"""

from __future__ import annotations

import random

import pytest

from app.cli.subtitles import file_numbers
from app.core.timecode import clock, clocks
from app.formats.srt import parse_lines, parse_srt, parse_srt_numbered
from app.formats.srt_bulk import parse_bulk

TEXTS = [
    "Hello there.",
    "<i>In italics</i>",
    "- Who?\n- Me.",
    "I was going to--",
    "He said -> go",
    "A line\nand another",
    "42",
    "你好，世界",
    "Tab\there",
    "1 + 1 => 2",
    "{\\an8}On top",
    "Sign \u2192 left",
    "",
]
SLIPS = [
    lambda b: b.replace("\n", " \n", 1),  # a space after the index number
    lambda b: b + "   ",  # spaces after the text
    lambda b: b.replace("-->", "->"),
    lambda b: b.replace(" --> ", "-->"),
    lambda b: b.replace(",", ".", 1),
    lambda b: b + "\n\nmore text after a blank line",
    lambda b: b + "\n \nafter a line of spaces",
    lambda b: b.replace("\n", "\n\n", 1),  # a blank line between index and timing
    lambda b: b.split("\n", 1)[1],  # no index number
    lambda b: b.replace(":", ";", 1),  # a broken timing line
    lambda b: "00:00:0X,000 --> 00:00:01,000\n" + b,
    lambda b: b + " X1:100 X2:200",
    lambda b: b + "\n00:01:00,000 --> 00:01:01,000",  # a timing line inside the text
    lambda b: b + "\u3000",
    lambda b: b.replace("\n", "\t\n", 2),
    lambda b: "-" + b,
]


# what nearly every cue of nearly every file holds: read in bulk
PLAIN_TEXTS = [text for text in TEXTS if text and not any(mark in text for mark in ("--", ">", "\t", "\u2192"))] + [
    "<i>x</i>"
]


def _block(rng: random.Random, number: int, start: int, texts: list[str] = TEXTS) -> str:
    end = start + rng.randint(0, 4000)
    text = "\n".join(rng.choice(texts) for _ in range(rng.randint(1, 2)))
    return (
        f"{number}\n{clock(start, hour_digits=2, separator=',')} --> {clock(end, hour_digits=2, separator=',')}\n{text}"
    )


def _file(seed: int, blocks: int = 60, slips: float = 0.15, texts: list[str] = TEXTS) -> str:
    rng = random.Random(seed)
    out = []
    start = rng.choice([0, 99 * 3_600_000 + 3_590_000])  # some files cross 100 hours
    number = rng.randint(0, 3)
    numbered = rng.random() > 0.2
    for _ in range(blocks):
        number += rng.choice([1, 1, 1, 1, 0, 2])
        start += rng.randint(0, 5000)
        block = _block(rng, number, start, texts)
        if not numbered:
            block = block.split("\n", 1)[1]
        if rng.random() < slips:
            block = rng.choice(SLIPS)(block)
        out.append(block)
    separator = rng.choice(["\n\n", "\n\n", "\n\n\n"])
    text = separator.join(out) + rng.choice(["\n", "", "\n\n"])
    if rng.random() < 0.2:
        text = "A title\n\n" + text
    return text


@pytest.mark.parametrize("seed", range(300))
def test_bulk_reads_as_the_line_reader(seed, tmp_path):
    text = _file(seed, slips=0.0 if seed % 5 == 0 else 0.15, texts=PLAIN_TEXTS if seed % 3 == 0 else TEXTS)
    cues, skipped, numbers = parse_srt_numbered(text, path="x.srt")
    by_lines, skipped_by_lines, _ = parse_lines(text.split("\n"), where="x.srt, ")
    assert cues == by_lines
    assert skipped == skipped_by_lines
    if numbers is not None:  # as `check` numbered cues before, from the file's lines
        path = tmp_path / "x.srt"
        path.write_text(text, encoding="utf-8")
        assert numbers == file_numbers(str(path), "utf-8", cues)


def test_clean_blocks_never_reach_the_line_reader():
    text = _file(1, blocks=2000, slips=0.0, texts=PLAIN_TEXTS)
    lines_read = []

    def counting(lines, **kwargs):
        lines_read.append(len(lines))
        return parse_lines(lines, **kwargs)

    cues, _skipped, numbers = parse_bulk(text, counting)
    assert len(cues) == 2000
    assert sum(lines_read) < 10  # the title or index before the first block, and the last block
    assert numbers is not None


def test_numbers_are_the_index_lines_as_written():
    text = (
        "5\n00:00:01,000 --> 00:00:02,000\nA\n\n5\n00:00:03,000 --> 00:00:04,000\nB\n\n"
        "9\n00:00:05,000 --> 00:00:06,000\nC\n"
    )
    assert parse_srt_numbered(text)[2] == [5, 5, 9]
    unnumbered = "00:00:01,000 --> 00:00:02,000\nA\n\n00:00:03,000 --> 00:00:04,000\nB\n"
    assert parse_srt_numbered(unnumbered)[2] == [1, 2]  # by position where the file numbers nothing
    messy = text.replace("B\n", "B  \n\nand more\n")  # read line by line: the numbers are left to the caller
    assert parse_srt_numbered(messy)[2] is None


def test_hours_past_99_and_non_ascii_digits():
    text = "1\n123:04:05,678 --> 1234:00:00,001\nLong\n\n2\n\u0661\u0662:00:00,000 --> 12:00:01,000\nArabic digits\n"
    cues, _ = parse_srt(text)
    assert [(c.start, c.end) for c in cues] == [
        (((123 * 60 + 4) * 60 + 5) * 1000 + 678, 1234 * 3_600_000 + 1),
        (12 * 3_600_000, 12 * 3_600_000 + 1000),
    ]


def test_clocks_write_as_clock():
    rng = random.Random(3)
    values = [rng.randrange(-5000, 400 * 3_600_000) for _ in range(5000)] + [0, 359_999_999, 360_000_000, -1]
    for separator in (",", "."):
        assert clocks(values, separator=separator) == [
            clock(v, hour_digits=2, separator=separator, clamp=True) for v in values
        ]


NEAR_MISSES = [
    *SLIPS,
    lambda b: b + " ",  # a space ending the text
    lambda b: b.replace("\n", "\n\n", 2)[::-1].replace("\n\n", "\n", 1)[::-1],  # a blank line before the text
    lambda b: b + "\n",  # two blank lines after it
    lambda b: b + "\nx => y",
    lambda b: b + "\nx - > y",
    lambda b: b + "\nx\x00y",
    lambda b: b.split("\n", 1)[1],  # no index number
    lambda b: "\u0661" + b,  # an index number in Arabic-Indic digits
    lambda b: b.rsplit("\n", 1)[0] + "\n",  # no text: an empty line where it was
    lambda b: b.rsplit("\n", 1)[0],  # no text line at all
]


@pytest.mark.parametrize("seed", range(200))
def test_files_written_the_usual_way_read_in_one_split_as_the_line_reader(seed, tmp_path):
    """app.formats.srt_bulk._numbered_blocks (every block numbered and plain: no Python per block) gives what the
    line reader gives; one block written otherwise, anywhere, sends the file to the block-by-block reading."""
    rng = random.Random(seed)
    texts = [*PLAIN_TEXTS, "42", "<i>In italics</i>", "Ünïcödé — dash", "a > b"]
    blocks = [_block(rng, number, number * 3000, texts) for number in range(1, rng.randint(3, 40))]
    if seed % 4:  # one block written otherwise, at a random place (the last two included)
        at = rng.choice([0, len(blocks) - 1, len(blocks) - 2, rng.randrange(len(blocks))])
        blocks[at] = rng.choice(NEAR_MISSES)(blocks[at])
    text = "\n\n".join(blocks) + rng.choice(["\n", "", "\n\n", "\n\nTrailing words\n"])
    cues, skipped, numbers = parse_srt_numbered(text, path="x.srt")
    by_lines, skipped_by_lines, _ = parse_lines(text.split("\n"), where="x.srt, ")
    assert cues == by_lines
    assert skipped == skipped_by_lines
    if numbers is not None:
        path = tmp_path / "x.srt"
        path.write_text(text, encoding="utf-8")
        assert numbers == file_numbers(str(path), "utf-8", cues)


def test_a_file_written_the_usual_way_is_read_in_one_split():
    from app.formats.srt_bulk import _numbered_blocks

    rng = random.Random(5)
    texts = [text for text in PLAIN_TEXTS if text]
    text = "\n\n".join(_block(rng, number, number * 3000, texts) for number in range(1, 501)) + "\n"
    read = _numbered_blocks(text, parse_lines, "", None)
    assert read is not None and read[0] == parse_lines(text.split("\n"))[0]


def test_uncommon_white_space_is_found_in_every_kind_of_text():
    """is_common's quick ways (ASCII, Latin-1) find what its expression finds, in any text."""
    from app.formats.srt_bulk import _UNCOMMON, is_common

    uncommon = [chr(c) for c in range(0x3001) if _UNCOMMON.match(chr(c))] + ["\u2192", "\u27f6"]
    for base in ("plain ascii text", "très bien, grüße", "你好，世界", "emoji \U0001f600"):
        assert is_common(base)
        for char in uncommon:
            assert not is_common(base + char), (base, hex(ord(char)))


def test_texts_needing_no_tidying_are_told_at_once_as_line_by_line():
    """tidy_texts gives tidy_lines of each text, whether the few searches over the joined texts pass them whole or
    send them line by line: every kind of white space ending a line, blank lines, empty texts (issue 27, item 8)."""
    import random

    from app.formats.srt import tidy_lines, tidy_texts

    rng = random.Random(27)
    pieces = ["a", " ", "\n", "\t", "\u3000", "\xa0", "\x85", "b c", "é", "中", "\u2192", "\r", ""]
    for _ in range(20000):
        texts = ["".join(rng.choices(pieces, k=rng.randint(0, 5))) for _ in range(rng.randint(1, 4))]
        assert tidy_texts(texts) == list(map(tidy_lines, texts)), texts
    clean = ["one", "two\nlines", "中文 and English"]
    assert tidy_texts(clean) is clean
