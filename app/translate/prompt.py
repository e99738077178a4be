"""What a translation request says and how its answer is read: numbered lines, matched by number.

The system message holds the instructions (the target language, the user's context text, the glossary); the last
user message holds only the cues to translate, one ``[N] text`` line each (N is the cue's number in the
document); a user message before it shows a few neighbouring cues, for context only. The model answers with the
same numbers. An answer is accepted only whole: every number asked, once, with text, and no other number; any
other answer makes the caller ask again in smaller pieces (so a line is never put on the wrong cue).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from app.core.cjk import join_lines

# the languages the window offers to translate into, first; any other name can be typed
COMMON_TARGETS = ("English", "Chinese", "Japanese", "Korean", "French", "German", "Spanish", "Portuguese", "Russian",
                  "Italian", "Arabic", "Vietnamese", "Thai", "Indonesian")  # fmt: skip

_THINK = re.compile(r"<think(?:ing)?>.*?(?:</think(?:ing)?>|\Z)", re.DOTALL | re.IGNORECASE)
_LINE = re.compile(r"^\s*\[(\d{1,9})\]\s?(.*)$")
_FENCE = re.compile(r"^\s*```")


@dataclass(frozen=True)
class Instructions:
    """What every request of a run shares."""

    target_language: str = ""  # proofreading has none
    context: str = ""  # the user's words about the video: names, subject, tone
    glossary: tuple[tuple[str, str], ...] = ()  # (term, its translation)
    source_language: str = ""


def one_line(text: str) -> str:
    """A cue's text as one request line: its lines joined as the fixes join them (:func:`app.core.cjk.join_lines`:
    a space between words, none between two Chinese or Japanese characters), runs of spaces made one, control
    characters gone."""
    lines = (" ".join(line.split()) for line in clean_text(text).split("\n"))
    return join_lines("\n".join(line for line in lines if line))


def clean_text(text: str) -> str:
    """Text without control characters (a line break and a tab stay)."""
    return "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch)[0] != "C")


def system_message(instructions: Instructions) -> str:
    source = f" from {instructions.source_language}" if instructions.source_language else ""
    parts = [
        f"You translate subtitles{source} into {instructions.target_language}.",
        "The user gives numbered lines, each written as [N] followed by the subtitle's text.",
        "Answer with exactly the same numbers, one line each, in the form [N] translation: every number once, "
        "no other lines, no notes, no explanations. Translate each line on its own line, even when a sentence "
        "continues on the next one; never merge or split lines.",
        "Keep the lines short, as subtitles are read while the picture moves.",
    ]
    if instructions.context.strip():
        parts.append("About the video: " + one_line(instructions.context))
    if instructions.glossary:
        terms = "\n".join(f"{one_line(a)} = {one_line(b)}" for a, b in instructions.glossary)
        parts.append("Always translate these terms so:\n" + terms)
    return "\n".join(parts)


def numbered(lines: Mapping[int, str]) -> str:
    return "\n".join(f"[{number}] {one_line(text)}" for number, text in lines.items())


def messages(
    instructions: Instructions,
    cues: Mapping[int, str],
    before: Mapping[int, str],
    after: Mapping[int, str],
    *,
    system: str | None = None,
    task: str = "translate",
) -> list[dict[str, str]]:
    """The chat messages for one batch: ``cues`` to ``task`` (a verb), ``before`` and ``after`` shown for context;
    ``system`` is the instructions (a translation's when not given)."""
    chat = [{"role": "system", "content": system if system is not None else system_message(instructions)}]
    if before or after:
        shown = []
        if before:
            shown.append(f"Lines before (context only, do not {task}):\n" + numbered(before))
        if after:
            shown.append(f"Lines after (context only, do not {task}):\n" + numbered(after))
        chat.append({"role": "user", "content": "\n\n".join(shown)})
        chat.append({"role": "assistant", "content": f"Understood. Send the lines to {task}."})
    chat.append({"role": "user", "content": numbered(cues)})
    return chat


def without_reasoning(answer: str) -> str:
    """The answer without ``<think>…</think>`` blocks (Qwen3, DeepSeek R1); an unclosed one runs to the end."""
    return _THINK.sub("", answer)


def read_answer(answer: str, asked: Sequence[int]) -> dict[int, str] | None:
    """The translation of every number in ``asked``, or None when the answer is not exactly that (a line missing,
    empty, doubled or merged, a number not asked). Text before the first numbered line is taken as the model's
    preamble and skipped; an unnumbered line after one continues it."""
    found: dict[int, str] = {}
    last: int | None = None
    for raw in clean_text(without_reasoning(answer)).splitlines():
        if _FENCE.match(raw):
            continue
        match = _LINE.match(raw)
        if match:
            number = int(match.group(1))
            if number in found:
                return None
            found[number] = match.group(2).strip()
            last = number
        elif raw.strip() and last is not None:
            found[last] = (found[last] + " " + raw.strip()).strip()
    if set(found) != set(asked) or not all(found.values()):
        return None
    return {number: found[number] for number in asked}


MAX_GLOSSARY_TERMS = 500  # a glossary goes into every request: more would crowd out the cues


def parse_glossary(text: str, names_only: bool = False) -> tuple[tuple[str, str], ...]:
    """A glossary file's terms: one ``term = translation`` a line (a tab or the first comma also separate them;
    ``#`` starts a comment). Raises ValueError naming the first line that is neither. ``names_only``
    (proofreading, which needs only how the terms are spelled): a line may also be a term alone."""
    terms: list[tuple[str, str]] = []
    for number, raw in enumerate(clean_text(text.lstrip("\ufeff")).splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        for separator in ("=", "\t", ","):
            if separator in line:
                term, _, translation = line.partition(separator)
                if term.strip() and translation.strip():
                    terms.append((one_line(term), one_line(translation)))
                    break
        else:
            if not names_only:
                raise ValueError(f"line {number} is not 'term = translation': {line[:60]!r}")
            terms.append((one_line(line), one_line(line)))
        if len(terms) > MAX_GLOSSARY_TERMS:
            raise ValueError(f"more than {MAX_GLOSSARY_TERMS} terms; keep the names and words that matter")
    return tuple(terms)
