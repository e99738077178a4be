from __future__ import annotations

import itertools

import pytest

from app.asr.alignment import windows
from app.core.document import Cue


def test_windows_stay_well_under_the_aligner_limit():
    cues = [Cue(i * 5000, i * 5000 + 4000, f"cue {i}") for i in range(100)]  # 500 s of subtitles
    groups = windows(cues, max_s=120)
    assert groups[0][0] == 0 and groups[-1][1] == 100
    assert all(a < b for a, b in groups) and all(x[1] == y[0] for x, y in itertools.pairwise(groups))
    for a, b in groups:
        assert cues[b - 1].end - cues[a].start <= 119_000


@pytest.mark.slow
def test_align_cues_retimes_and_marks_nothing_lost(engine, speech):
    from app.asr.alignment import align_cues
    from app.asr.recognition import Progress

    cues = [Cue(0, 3000, "Hello everyone, and welcome to the show."), Cue(3500, 7000, "Today we talk about subtitles.")]
    items = list(align_cues(speech, cues, engine=engine, language="English", max_window_s=5))
    result = items[-1]
    assert all(isinstance(i, Progress) for i in items[:-1])
    assert [c.text for c in result] == [c.text for c in cues]
    total = len(speech) * 1000 // 16000
    for c in result:
        assert 0 <= c.start < c.end <= total
        assert all(c.text[w.char_start : w.char_end].strip() for w in c.words)
    assert result[0].end <= result[1].start
