"""Re-alignment rules with a scripted aligner (fast, exact), then the real package on tiny checkpoints."""

from __future__ import annotations

import contextlib
import itertools
import unicodedata

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.asr.algorithms.realign import WINDOW_S, alignable, plan_windows, settle
from app.asr.client.realignment import REVIEW_THRESHOLD_MS, Realignment
from app.asr.runtime.engine import AlignedItem
from app.asr.runtime.realign import realign
from app.core.commands import SetText, replace_cues
from app.core.document import Cue, Document
from app.core.undo import UndoStack

SR = 16000


def clock_audio(seconds: float) -> np.ndarray:
    """Audio whose every sample is its own time in seconds: the scripted aligner reads where a window starts."""
    return (np.arange(int(seconds * SR), dtype=np.float64) / SR).astype(np.float32)


def fold(text: str) -> str:
    return "".join(k for k in unicodedata.normalize("NFKD", text.casefold()) if unicodedata.category(k)[0] in "LN")


class ScriptedEngine:
    """Stands in for Engine. ``spoken`` is what the recording says: (word, start_ms, end_ms) in order. align()
    finds each word of the text among the spoken words inside the window; a word never spoken is piled onto
    the previous word's end with no length, as the real aligner does (shared notes, defect 5)."""

    def __init__(self, spoken: list[tuple[str, int, int]]):
        self.spoken = [(fold(w), a, b) for w, a, b in spoken]
        self.windows: list[tuple[int, int]] = []

    @contextlib.contextmanager
    def session(self, **_kwargs):
        yield self

    def aligner(self, **_kwargs):
        return None

    def transcribe(self, wavs):
        return [("English", "") for _ in wavs]

    def align(self, wavs, texts, language):
        out = []
        for wav, text in zip(wavs, texts, strict=True):
            start = round(float(wav[0]) * 1000)
            end = start + len(wav) * 1000 // SR
            self.windows.append((start, end))
            pool = [(w, a, b) for w, a, b in self.spoken if start <= a and b <= end]
            items, k, last = [], 0, 0
            for word in (fold(w) for w in text.split()):
                if not word:
                    continue
                j = next((j for j in range(k, len(pool)) if pool[j][0] == word), None)
                if j is None:
                    items.append(AlignedItem(word, last / 1000, last / 1000))
                    continue
                _, a, b = pool[j]
                k, last = j + 1, b - start
                items.append(AlignedItem(word, (a - start) / 1000, last / 1000))
            out.append(items)
        return out


def speak(lines: list[tuple[str, int]], ms_per_word: int = 300) -> tuple[list[tuple[str, int, int]], list[Cue]]:
    """Spoken words for lines said at the given times, and the cues that time them exactly."""
    spoken, cues = [], []
    for text, at in lines:
        t = at
        for word in text.split():
            spoken.append((word, t, t + ms_per_word - 50))
            t += ms_per_word
        cues.append(Cue(at, t - 50, text))
    return spoken, cues


def run(audio, cues, targets=None, engine=None, **kwargs) -> Realignment:
    *_progress, result = realign(audio, cues, targets, engine=engine, language="English", **kwargs)
    assert isinstance(result, Realignment)
    return result


LINES = [
    ("Hello everyone, and welcome.", 1000),
    ("Today we talk about timing.", 4000),
    ("The quick brown fox jumps.", 8000),
    ("Thank you for watching!", 12000),
]


# -- windows -----------------------------------------------------------------------------------------------
def test_windows_take_context_merge_neighbours_and_stay_short():
    cues = [Cue(i * 5000, i * 5000 + 4000, f"cue {i}") for i in range(1440)]  # two hours of subtitles
    # one target: itself plus the cues within 3 s, audio 3 s around them but not into the next cue
    (w,) = plan_windows(cues, [10], context_ms=3000, media_end=7_200_000)
    assert (w.first, w.last, w.targets) == (9, 12, (10,))
    assert w.start_ms == cues[8].end and w.end_ms == cues[12].start
    # two targets close together share one window; far ones get their own
    assert [x.targets for x in plan_windows(cues, [10, 11, 500], context_ms=3000)] == [(10, 11), (500,)]
    # every cue of the film: each in exactly one window, each window well under the aligner's 180 s
    plan = plan_windows(cues, range(len(cues)), media_end=7_200_000)
    assert sorted(t for x in plan for t in x.targets) == list(range(len(cues)))
    assert all(x.duration_ms <= WINDOW_S * 1000 < 180_000 for x in plan)
    assert all(x.end_ms <= y.start_ms + 8000 for x, y in itertools.pairwise(plan))


# -- the scripted aligner ----------------------------------------------------------------------------------
def test_edited_cue_takes_the_times_of_its_words_with_punctuation():
    spoken, truth = speak(LINES)
    cues = [c.with_(start=c.start + 700, end=c.end + 700) if i == 1 else c for i, c in enumerate(truth)]
    cues[1] = cues[1].with_(text="Today, we talk about timing!", edited=True)
    result = run(clock_audio(16), cues, [1], ScriptedEngine(spoken))
    ((index, new),) = result.changes()
    assert index == 1 and (new.start, new.end) == (truth[1].start, truth[1].end)
    assert not new.edited and not new.needs_review
    assert [new.word_text(w) for w in new.words] == ["Today,", "we", "talk", "about", "timing!"]
    # the neighbours were context: their text went to the aligner, their times did not change
    assert result.targets == [1]


def test_locked_cues_never_move():
    spoken, truth = speak(LINES)
    cues = [c.with_(start=c.start + 400, end=c.end + 400, edited=True) for c in truth]
    cues[2] = cues[2].with_(locked=True)
    result = run(clock_audio(16), cues, None, ScriptedEngine(spoken))
    after = result.result()
    assert after[2] == cues[2]
    assert [(c.start, c.end) for i, c in enumerate(after) if i != 2] == [
        (c.start, c.end) for i, c in enumerate(truth) if i != 2
    ]


def test_neighbours_never_overlap_and_keep_the_gap():
    # the edited first cue is spoken until 3350 ms, into the second (locked) cue: it is clipped, the gap kept
    spoken, _ = speak([("one two three four five six", 1000)], ms_per_word=400)
    spoken += [("seven", 3400, 3600), ("eight", 3600, 3800)]
    cues = [Cue(1000, 2500, "one two three four five six", edited=True), Cue(2900, 3800, "seven eight", locked=True)]
    after = run(clock_audio(6), cues, [0], ScriptedEngine(spoken), min_gap=83).result()
    assert after[1] == cues[1]
    assert after[0].end == 2900 - 83 and after[0].start == 1000


def test_unplaceable_text_keeps_its_timing_and_is_flagged():
    spoken, truth = speak(LINES)
    cues = list(truth)
    cues[0] = cues[0].with_(text="Words that nobody ever said here", edited=True)  # piled up: not placed
    cues[1] = cues[1].with_(text="Сегодня мы говорим", edited=True)  # another script
    cues[2] = cues[2].with_(text=" ... ", edited=True)  # nothing to align
    cues[3] = cues[3].with_(start=cues[3].start + 300, end=cues[3].end + 300, edited=True)
    result = run(clock_audio(16), cues, None, ScriptedEngine(spoken))
    after = result.result()
    for i in range(3):
        assert (after[i].start, after[i].end, after[i].text) == (cues[i].start, cues[i].end, cues[i].text)
        assert after[i].needs_review and after[i].edited
    assert (after[3].start, after[3].end) == (truth[3].start, truth[3].end) and not after[3].needs_review
    assert sorted(result.unplaced) == [0, 1, 2]


def test_alignable_text():
    assert alignable("Hello, world!", "English")
    assert not alignable("♪ ♪", "English") and not alignable("", "English")
    assert not alignable("Привет, мир", "English") and alignable("Привет, мир", "Russian")
    assert alignable("你好，世界", "Chinese") and not alignable("Hello", "Chinese")


# -- review ------------------------------------------------------------------------------------------------
def test_review_threshold_lists_large_moves_and_rejecting_keeps_them():
    spoken, truth = speak(LINES)
    cues = list(truth)
    cues[1] = truth[1].with_(start=truth[1].start + 300, end=truth[1].end + 300, edited=True)  # small
    cues[2] = truth[2].with_(start=truth[2].start - 900, end=truth[2].end - 900, edited=True)  # large
    result = run(clock_audio(16), cues, [1, 2], ScriptedEngine(spoken))
    assert REVIEW_THRESHOLD_MS == 500
    assert [p.index for p in result.large_moves()] == [2]
    assert result.large_moves()[0].move_ms == 900
    assert [p.index for p in result.large_moves(200)] == [1, 2]
    kept = dict(result.changes(rejected={2}))
    assert (kept[1].start, kept[1].end) == (truth[1].start, truth[1].end)
    assert 2 not in kept  # rejected: the cue stays as it was, still marked edited
    assert dict(result.changes())[2].start == truth[2].start


def test_everything_applied_is_one_undo_step():
    spoken, truth = speak(LINES)
    doc = Document.from_cues([c.with_(start=c.start + 200, end=c.end + 200) for c in truth], language="English")
    stack = UndoStack(doc)
    stack.push(SetText(1, "Today, we talk about timing."))
    stack.push(SetText(3, "Thank you for watching."))
    before = doc.snapshot()
    edited = [i for i, c in enumerate(doc) if c.edited]
    assert edited == [1, 3]
    result = run(clock_audio(16), doc.cues, edited, ScriptedEngine(spoken))
    stack.push(replace_cues(doc, result.changes(), "Re-align"))
    assert [(c.start, c.edited) for c in doc] == [
        (truth[0].start + 200, False), (truth[1].start, False), (truth[2].start + 200, False), (truth[3].start, False)
    ]  # fmt: skip
    assert stack.undo_label == "Re-align"
    stack.undo()
    assert doc.snapshot() == before


def test_flags_survive_save_and_load(tmp_path):
    from app.formats.project import load_project, save_project

    cues = [Cue(0, 900, "a", edited=True), Cue(1000, 1900, "b", locked=True), Cue(2000, 2900, "c", needs_review=True)]
    path = tmp_path / "p.qssproj"
    save_project(Document.from_cues(cues), path)
    loaded = load_project(path)
    assert [(c.edited, c.locked, c.needs_review) for c in loaded] == [
        (True, False, False), (False, True, False), (False, False, True)
    ]  # fmt: skip


def test_cancel_yields_no_result():
    spoken, truth = speak(LINES)
    items = list(realign(clock_audio(16), truth, None, engine=ScriptedEngine(spoken), language="English",
                         cancelled=lambda: True, max_window_s=4))  # fmt: skip
    assert not any(isinstance(i, Realignment) for i in items)


# -- the property ------------------------------------------------------------------------------------------
@st.composite
def documents(draw):
    n = draw(st.integers(1, 12))
    t, cues = draw(st.integers(0, 2000)), []
    for _ in range(n):
        length = draw(st.integers(100, 4000))
        words = draw(st.lists(st.sampled_from(["alpha", "beta", "gamma", "delta", "...", "Ωμέγα"]), max_size=5))
        cues.append(Cue(t, t + length, " ".join(words), locked=draw(st.booleans()) and draw(st.booleans())))
        t += length + draw(st.integers(0, 3000))
    media_end = max(1, t + draw(st.integers(-2000, 3000)))
    targets = draw(st.lists(st.integers(0, n - 1), unique=True)) if draw(st.booleans()) else None
    return cues, media_end, targets


class RandomEngine(ScriptedEngine):
    """Any aligner output at all: random times, out of order, past the window, piled up."""

    def __init__(self, data):
        super().__init__([])
        self.data = data

    def align(self, wavs, texts, language):
        times = st.floats(-2.0, 80.0, allow_nan=False, allow_subnormal=False)
        return [
            [AlignedItem(w, self.data.draw(times), self.data.draw(times)) for w in text.split() if fold(w)]
            for text in texts
        ]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents(), st.data(), st.integers(0, 2000))
def test_after_any_realignment_cues_are_ordered_apart_and_within_the_media(doc, data, threshold):
    cues, media_end, targets = doc
    cues = [c for c in cues if c.start < media_end] or [Cue(0, min(media_end, 500), "alpha")]
    cues[-1] = cues[-1].with_(end=min(cues[-1].end, media_end))
    engine = RandomEngine(data)
    result = run(clock_audio(media_end / 1000), cues, targets, engine, max_window_s=data.draw(st.sampled_from([8, 60])))
    rejected = {p.index for p in result.large_moves(threshold) if data.draw(st.booleans())}
    after = result.result(rejected)
    assert len(after) == len(cues) and [c.text for c in after] == [c.text for c in cues]
    for old, new in zip(cues, after, strict=True):
        if old.locked:
            assert new == old
        if (new.start, new.end) != (old.start, old.end):
            assert 0 <= new.start < new.end <= media_end
            assert all(new.start <= w.start <= w.end <= new.end for w in new.words)
    for a, b in itertools.pairwise(after):
        assert a.start <= b.start and a.end <= b.start
    assert all(s >= 0 and e - s <= WINDOW_S * 1000 for s, e in engine.windows)


def test_settle_clips_moves_against_fixed_neighbours_and_splits_collisions():
    cues = [Cue(0, 1000, "a"), Cue(2000, 3000, "b"), Cue(4000, 5000, "c", locked=True)]
    moved = {0: Cue(500, 2500, "a"), 1: Cue(1800, 4500, "b"), 2: Cue(0, 10, "c")}
    out = settle(cues, moved, min_gap=100)
    assert 2 not in out
    assert out[0].end + 100 <= out[1].start and out[1].end == 3900
    assert settle(cues, {1: Cue(4100, 4200, "b")}, min_gap=100) == {}  # jumped past a locked cue: stays


# -- the real package on tiny checkpoints ------------------------------------------------------------------
@pytest.mark.slow
def test_tiny_aligner_realigns_an_edited_cue_within_the_rules(engine, speech):
    cues = [
        Cue(800, 3300, "Hello everyone, and welcome to the show."),
        Cue(4100, 7400, "Today, we talk about subtitles — timing and reading speed!", edited=True),
        Cue(8200, 10800, "The quick brown fox jumps over the lazy dog.", locked=True),
    ]
    *progress, result = realign(speech, cues, [1], engine=engine, language="English")
    assert progress and progress[-1].fraction == 1.0
    after = result.result()
    total = len(speech) * 1000 // SR
    assert after[0] == cues[0] and after[2] == cues[2]
    new = after[1]
    assert after[0].end <= new.start < new.end <= after[2].start <= total
    if not new.needs_review:
        assert not new.edited and new.words
        assert "".join(new.word_text(w) + " " for w in new.words).strip() == new.text
    else:
        assert (new.start, new.end) == (cues[1].start, cues[1].end)


class ListeningEngine(ScriptedEngine):
    """Records what the aligner was asked in and whether the recognizer had to listen for the language."""

    def __init__(self, spoken, heard: str = "English"):
        super().__init__(spoken)
        self.heard, self.listened, self.languages = heard, 0, []

    def transcribe(self, wavs):
        self.listened += 1
        return [(self.heard, "") for _ in wavs]

    def align(self, wavs, texts, language):
        self.languages.append(language)
        return super().align(wavs, texts, language)


def _realign(cues, engine, **kwargs):
    *_progress, result = realign(clock_audio(16), cues, None, engine=engine, **kwargs)
    return result


def test_each_cue_is_aligned_in_its_own_language_without_listening_for_one():
    spoken, truth = speak(LINES)
    cues = [c.with_(start=c.start + 300, end=c.end + 300, language="English") for c in truth]
    cues[2] = cues[2].with_(language="Dutch")  # the aligner does not cover it: kept and marked, the rest aligned
    engine = ListeningEngine(spoken)
    result = _realign(cues, engine)
    assert engine.listened == 0 and set(engine.languages) == {"English"}
    assert sorted(result.unplaced) == [2]
    assert [(c.start, c.end) for i, c in enumerate(result.result()) if i != 2] == [
        (c.start, c.end) for i, c in enumerate(truth) if i != 2
    ]


def test_languages_chosen_for_the_run_come_before_the_cues_own():
    spoken, truth = speak(LINES)
    cues = [c.with_(language="Dutch") for c in truth]
    engine = ListeningEngine(spoken)
    result = _realign(cues, engine, languages=("English",) * 4)
    assert engine.listened == 0 and not result.unplaced


def test_no_covered_language_is_one_line_naming_what_the_aligner_knows():
    from app.core.errors import ModelError

    spoken, truth = speak(LINES)
    with pytest.raises(ModelError) as caught:
        _realign([c.with_(language="Dutch") for c in truth], ListeningEngine(spoken))
    assert caught.value.message.code == "model.aligner_language"
    assert "Dutch" in str(caught.value) and "Japanese" in str(caught.value) and "Chinese" in str(caught.value)
    with pytest.raises(ModelError) as caught:
        _realign(list(truth), ListeningEngine(spoken, heard=""))
    assert "Set Language" in str(caught.value)  # says where to give it, in the window and on the command line
