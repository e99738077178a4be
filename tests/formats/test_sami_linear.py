"""SAMI reading is linear in the SYNCs (issue 27, item 8): 200,000 SYNCs took 90 s, looking ahead from each."""

from __future__ import annotations

import random

from app.core.document import Cue
from app.formats.registry import format_subtitles, read_subtitles_bytes
from app.formats.sami import SamiFormat, _next_later


def _brute_force(starts: list[int]) -> list[int | None]:
    return [next((later for later in starts[k + 1 :] if later > start), None) for k, start in enumerate(starts)]


def test_each_sync_ends_at_the_first_later_start_after_it_even_out_of_order():
    rng = random.Random(27)
    for size in (0, 1, 2, 3, 10, 200):
        for _ in range(50):
            starts = [rng.randrange(0, 20) * 100 for _ in range(size)]  # ties and disorder, as damaged files have
            assert _next_later(starts) == _brute_force(starts)


def test_a_big_generated_file_reads_back_every_cue_with_its_end():
    cues = [Cue(k * 1000, k * 1000 + 700, f"line {k}") for k in range(50_000)]  # 100,000 SYNCs with the gaps
    text, _ = format_subtitles(cues, SamiFormat())
    read = read_subtitles_bytes(text.encode("utf-8"), name="big.smi")
    assert read.cues == cues
