"""Lines of cues the timing passes merged (words piled up by the aligner): broken inside the limit wherever a
break exists, and no word lost when a line is broken again."""

from __future__ import annotations

from app.asr.algorithms.segment import segment_words
from app.core.checks import Limits, visible_text
from app.core.commands import remap_words
from app.core.document import Word


def test_a_merged_cue_breaks_after_an_overlong_first_word():
    """What a seeded tiny model gave: the last two words had no room for the minimum duration, the timing passes
    merged them, and the merged line could not be balanced because its first word is longer than the limit."""
    long_word = "willmarvmarvmarvmarvmarvmarvmarvmar"  # 35 characters: longer than the limit on its own
    text = f"vmarvmarvmarvmarvmarvmarvmarvmarvmar then willmar then willmar then then {long_word} worvvvvv"
    spans = [(0, 36), (37, 41), (42, 49), (50, 54), (55, 62), (63, 67), (68, 72), (73, 108), (109, 117)]
    times = [(9472, 11812), (11812, 12072), (12072, 12527), (12527, 12787), (12787, 13242), (13242, 13502),
             (13502, 13762), (13762, 16037), (16037, 16557)]  # fmt: skip
    words = tuple(Word(a, b, c, d) for (a, b), (c, d) in zip(times, spans, strict=True))
    limits = Limits(max_line_chars=20, min_duration_ms=1200)
    cues = segment_words(text, words, language="English", limits=limits, audio_end_ms=16557)
    long_lines = [line for c in cues for line in visible_text(c.text).split("\n") if len(line) > 20]
    assert all(" " not in line for line in long_lines)  # only single words pass the limit
    assert f"{long_word}\nworvvvvv" in [c.text for c in cues]
    assert [c.word_text(w) for c in cues for w in c.words] == [text[a:b] for a, b in spans]


def test_piled_up_repeated_words_are_all_kept():
    text = "the " * 13
    words = tuple(Word(0, 0, 4 * i, 4 * i + 3) for i in range(13))
    cues = segment_words(text, words, language="zh")
    assert [c.word_text(w) for c in cues for w in c.words] == ["the"] * 13


def test_remap_words_over_a_new_line_break_keeps_repeated_words():
    old, new = "the the the the", "the the\nthe the"
    words = tuple(Word(i, i, 4 * i, 4 * i + 3) for i in range(4))
    assert remap_words(old, new, words) == words
    assert remap_words("a  b", "a\nb", (Word(0, 1, 0, 1), Word(1, 2, 3, 4))) == (Word(0, 1, 0, 1), Word(1, 2, 2, 3))


def test_realigned_quick_cue_lasts_the_minimum_duration():
    """Two words said in 500 ms: the re-aligned cue reads for the minimum (extended into the silence after it, or
    before it when the next cue leaves no room), never for 500 ms."""
    from app.core.document import Cue
    from app.core.rules import MIN_DURATION_MS
    from tests.asr.test_realign import ScriptedEngine, clock_audio, run

    spoken = [("hi", 2000, 2200), ("there", 2250, 2450), ("next", 2700, 3300), ("line", 3300, 3900)]
    free_after = [Cue(1500, 2600, "Hi there.", edited=True), Cue(5000, 6000, "next line")]
    (new,) = [c for _, c in run(clock_audio(8), free_after, [0], ScriptedEngine(spoken)).changes()]
    assert new.start == 2000 and new.duration >= MIN_DURATION_MS
    blocked = [Cue(0, 900, "before"), Cue(1500, 2600, "Hi there.", edited=True), Cue(2600 + 20, 3900, "next line")]
    blocked[2] = blocked[2].with_(start=2533, locked=True)
    after = run(clock_audio(8), blocked, [1], ScriptedEngine(spoken)).result()
    assert after[1].duration >= MIN_DURATION_MS and after[1].start >= after[0].end + 83
    assert after[1].end <= after[2].start - 83


def test_cues_keep_the_gap_across_a_chunk_seam_cut_inside_speech(monkeypatch):
    """A chunk cut in the middle of speech: its last word runs to the cut and the next chunk's first word starts
    there. The pipeline segments each chunk on its own, and the two cues must still keep the minimum gap."""
    import numpy as np

    import app.asr.runtime.recognition as recognition
    from app.asr.client.protocol import Cues, EngineOptions, RecognizeJob
    from app.asr.runtime.pipeline import run_job
    from app.core import qc
    from app.core.profiles import NETFLIX
    from app.core.rules import samples_to_ms

    audio = np.zeros(16000 * 8, dtype=np.float32)
    chunks = [
        recognition.ChunkResult(0, 0, 4000, "English", "we keep talking and", (
            Word(2000, 2500, 0, 2), Word(2500, 3000, 3, 7), Word(3000, 3500, 8, 15), Word(3500, 4000, 16, 19),
        ), "aligned"),
        recognition.ChunkResult(1, 4000, 8000, "English", "talking until the end.", (
            Word(4000, 4600, 0, 7), Word(4600, 5000, 8, 13), Word(5000, 5300, 14, 17), Word(5300, 5800, 18, 22),
        ), "aligned"),
    ]  # fmt: skip
    monkeypatch.setattr(recognition, "recognize", lambda *a, **k: iter(chunks))

    class Engine:
        options = EngineOptions(model="fake", aligner=None, device="cpu", download=False)
        device = "cpu"

        def load(self, **_kwargs):
            pass

    messages = list(run_job(RecognizeJob(Engine.options, "English"), Engine(), audio, lambda: False))
    cues = [c for m in messages if isinstance(m, Cues) for c in m.cues]
    assert " ".join(c.text.replace("\n", " ") for c in cues) == "we keep talking and talking until the end."
    assert qc.hard_findings(cues, NETFLIX, "English") == []
    assert cues[-1].end <= samples_to_ms(len(audio))


def test_a_single_word_timed_longer_than_the_maximum_is_cut_to_it():
    """Estimated timing (no aligner) spread one recognised "word" over 14.6 s of speech: the cue still lasts at
    most the maximum duration."""
    from app.core.rules import MAX_DURATION_MS

    (cue,) = segment_words("p", (Word(800, 15440, 0, 1),), language="English", audio_end_ms=16557)
    assert cue.start == 800 and cue.duration == MAX_DURATION_MS
    assert cue.start <= cue.words[0].start <= cue.words[0].end <= cue.end
    cues = segment_words(
        "goglish youp fineglish yougoreereereereeglish",
        (Word(800, 3240, 0, 7), Word(3240, 4634, 8, 12), Word(4634, 7771, 13, 22), Word(7771, 15440, 23, 45)),
        language="English",
        audio_end_ms=16557,
    )
    assert max(c.duration for c in cues) <= MAX_DURATION_MS


def test_every_cue_carries_the_chunks_language():
    text = "你好。世界。"
    words = (Word(0, 900, 0, 3), Word(2500, 3500, 3, 6))
    assert {c.language for c in segment_words(text, words, language="Cantonese")} == {"Cantonese"}
    assert {c.language for c in segment_words(text, words, language="zh")} == {"Chinese"}  # a code: its name
    assert {c.language for c in segment_words(text, words, language="Sichuanese")} == {"Sichuanese"}  # kept
    assert {c.language for c in segment_words(text, words)} == {""}
