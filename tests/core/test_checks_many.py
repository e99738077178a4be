"""Issue 27, item 8: the readability check of a 600,000-cue file, written for speed (a limit's words once per
language, the reading-speed rounding only near the limit, problems with their slots set directly), finds and
words every problem as the check written plainly does."""

from __future__ import annotations

import dataclasses
import random

import pytest

from app.core.checks import Limits, Problem, over_reading_speed, readability, visible_text
from app.core.document import Cue


def plain_readability(cues: list[Cue], field: str, limits: Limits, by_language=None) -> list[Problem]:
    """The check as it was written before (one cue at a time, every value computed and worded in full)."""
    problems = []
    on_translation = field == "translation"
    where = " (translation)" if on_translation else ""
    for i, cue in enumerate(cues):
        found = by_language(cue.language) if by_language is not None else limits
        text = cue.translation if on_translation else cue.text
        if on_translation and not text:
            continue
        lines = visible_text(text).split("\n")
        length = sum(map(len, lines))
        duration = cue.end - cue.start
        cps = length * 1000.0 / duration if duration > 0 else (float("inf") if length else 0.0)
        if over_reading_speed(cps, found.max_cps):
            shown = "no time" if cps == float("inf") else f"{cps:.1f} characters per second"
            problems.append(
                Problem("reading_speed", i, f"cue {i + 1}{where}: {shown} (limit {found.max_cps:g})", on_translation)
            )
        longest = max(map(len, lines))
        if longest > found.max_line_chars:
            shown = f"cue {i + 1}{where}: a line of {longest} characters (limit {found.max_line_chars})"
            problems.append(Problem("line_length", i, shown, on_translation))
        if len(lines) > found.max_lines:
            shown = f"cue {i + 1}{where}: {len(lines)} lines (limit {found.max_lines})"
            problems.append(Problem("line_count", i, shown, on_translation))
    return problems


WORDS = ["a", "word", "longer words here", "<i>tagged</i>", "{\\an8}top", "中文字幕", "  ", "", "x" * 45]


def random_cues(seed: int, count: int = 3000) -> list[Cue]:
    rng = random.Random(seed)
    cues = []
    for _ in range(count):
        start = rng.randrange(0, 10_000_000)
        text = "\n".join(" ".join(rng.choices(WORDS, k=rng.randrange(0, 6))) for _ in range(rng.randrange(1, 5)))
        duration = rng.choice([rng.randrange(1, 8000), 0, -rng.randrange(1, 500), 1000])
        language = rng.choice(["English", "Chinese", "Japanese", ""])
        translation = rng.choice(["", "short", "a much longer translated line of more than forty characters"])
        cues.append(Cue(start, start + duration, text, language=language, translation=translation))
    return cues


@pytest.mark.parametrize(
    "limits",
    [
        Limits(),
        Limits(max_cps=17.0, max_line_chars=10, max_lines=1),
        Limits(max_cps=12.5),
        Limits(max_cps=float("inf")),
        Limits(max_cps=-float("inf"), max_line_chars=-1, max_lines=0),
        Limits(max_cps=float("nan")),
        Limits(max_cps=0.0),
        Limits(max_lines=2.5),  # type: ignore[arg-type]  # a profile may give any number
    ],
)
def test_readability_finds_what_the_plain_check_finds(limits):
    cues = random_cues(hash(repr(limits)) % 1000)
    by_language = lambda language: Limits.for_language(language)  # noqa: E731
    assert readability(cues, limits) == plain_readability(cues, "text", limits)
    assert readability(cues, limits, by_language=by_language) == plain_readability(cues, "text", limits, by_language)
    # a project's translations, by the translation language's limits (after the cues' own problems)
    found = readability(cues, limits, by_language=by_language, translation=limits)
    expected = plain_readability(cues, "text", limits, by_language) + plain_readability(cues, "translation", limits)
    assert found == expected and any(problem.on_translation for problem in found)


def test_readability_near_the_rounded_limit():
    # 17.04 and 17.017 read 17.0: within 17; 17.05 reads 17.1 (over); no time with text: over, without: 0.0
    cues = [Cue(0, duration, "x" * 1704 if duration == 100_000 else "x" * 17) for duration in (100_000, 999, 1000)]
    cues += [Cue(0, 100_000, "x" * 1705), Cue(0, 1000, "x" * 18), Cue(0, 0, ""), Cue(5, 0, "text")]
    limits = Limits(max_cps=17.0, max_line_chars=10_000)
    assert readability(cues, limits) == plain_readability(cues, "text", limits)
    assert [p.index for p in readability(cues, limits)] == [3, 4, 6]


def test_a_problem_is_a_frozen_value_and_its_dict_is_asdict():
    problem = Problem("line_length", 4, "cue 5: a line of 44 characters (limit 42)")
    assert problem.as_dict() == dataclasses.asdict(problem)
    assert list(problem.as_dict()) == ["kind", "index", "message", "on_translation"]
    assert problem == Problem("line_length", 4, "cue 5: a line of 44 characters (limit 42)", False)
    assert hash(problem) == hash(Problem("line_length", 4, "cue 5: a line of 44 characters (limit 42)"))
    with pytest.raises(dataclasses.FrozenInstanceError):
        problem.index = 3  # type: ignore[misc]
    assert repr(problem).startswith("Problem(kind='line_length', index=4,")
    assert not hasattr(problem, "__dict__")  # slots: 300,000 problems of a big file without a dict each
