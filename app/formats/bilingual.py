"""Subtitles with their translation delivered (issue 25, item 5): the translation alone, both languages in one file
(two lines a cue, which language on top is a choice; in ASS two styles, the translation's smaller; in TTML a
``div`` a language), or two files named by language (``NAME.zh.srt``, ``NAME.en.srt``). Any writable format takes
the cues these give.

A cue without a translation keeps its original text in the translation's file (nothing is dropped from a file a
viewer reads), and shows one line in a bilingual one.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from pathlib import Path

from app.core.document import Cue
from app.core.languages import code_of, name_of
from app.formats.ass import TRANSLATION_STYLE, bilingual_header
from app.formats.ttml import DIVS_BY_LANGUAGE

ORIGINAL_FIRST = "original-first"
TRANSLATION_FIRST = "translation-first"


def translation_cues(cues: Sequence[Cue], language: str = "") -> list[Cue]:
    """Each cue with its translation as its text (its words dropped: they time the original's characters)."""
    out = []
    for cue in cues:
        if cue.translation:
            out.append(cue.with_(text=cue.translation, words=(), language=language or cue.language))
        else:
            out.append(cue.with_(words=()))
    return out


def bilingual_cues(cues: Sequence[Cue], order: str = ORIGINAL_FIRST) -> list[Cue]:
    """Each cue with both texts, the original's lines then the translation's (or the other way round)."""
    if order not in (ORIGINAL_FIRST, TRANSLATION_FIRST):
        raise ValueError(f"order must be {ORIGINAL_FIRST} or {TRANSLATION_FIRST}, not {order!r}")
    out = []
    for cue in cues:
        if not cue.translation:
            out.append(cue)
            continue
        parts = (cue.text, cue.translation) if order == ORIGINAL_FIRST else (cue.translation, cue.text)
        # the original's words stay valid on top; under the translation their characters moved
        words = cue.words if order == ORIGINAL_FIRST else ()
        out.append(cue.with_(text="\n".join(p.strip("\n") for p in parts), words=words))
    return out


def bilingual_ass(cues: Sequence[Cue], order: str = ORIGINAL_FIRST) -> tuple[list[Cue], dict[str, str]]:
    """An ASS script's events and header for both languages: each cue as two events of the same times, the
    original in its style (Default), the translation in the smaller Translation style. Renderers (libass, VSFilter)
    stack events of one time from the bottom up in the order they are written, so the one meant on top comes
    second."""
    if order not in (ORIGINAL_FIRST, TRANSLATION_FIRST):
        raise ValueError(f"order must be {ORIGINAL_FIRST} or {TRANSLATION_FIRST}, not {order!r}")
    events: list[Cue] = []
    for cue in cues:
        original = cue.with_extra(style=cue.get("style") or "Default")
        if not cue.translation:
            events.append(original)
            continue
        translated = cue.with_(text=cue.translation, words=()).with_extra(style=TRANSLATION_STYLE)
        events.extend((translated, original) if order == ORIGINAL_FIRST else (original, translated))
    return events, bilingual_header()


def bilingual_ttml(
    cues: Sequence[Cue], original: str, translation: str, order: str = ORIGINAL_FIRST
) -> tuple[list[Cue], dict[str, str]]:
    """A TTML file's paragraphs and header for both languages: one ``div`` a language (``xml:lang`` on it), the one
    named first by ``order`` written first."""
    originals = [cue.with_(words=()) if cue.language else cue.with_(words=(), language=original) for cue in cues]
    translated = [cue.with_(text=cue.translation, words=(), language=translation) for cue in cues if cue.translation]
    both = originals + translated if order == ORIGINAL_FIRST else translated + originals
    return both, {DIVS_BY_LANGUAGE: "yes"}


def language_tag(language: str) -> str:
    """A file name's language part: ``zh`` for Chinese, else the name made safe (``brazilian-portuguese``)."""
    name = name_of(language) or language
    code = code_of(name)
    if code:
        return code
    return re.sub(r"[^a-z0-9]+", "-", language.lower()).strip("-") or "translation"


def two_file_paths(path: str | os.PathLike[str], original: str, translation: str) -> tuple[Path, Path]:
    """``NAME.srt`` -> (``NAME.zh.srt``, ``NAME.en.srt``) for the original's and the translation's languages."""
    p = Path(path)
    first, second = language_tag(original) if original else "original", language_tag(translation)
    if first == second:
        second = second + "-translation"
    return p.with_name(f"{p.stem}.{first}{p.suffix}"), p.with_name(f"{p.stem}.{second}{p.suffix}")


def file_cues(
    cues: Sequence[Cue],
    format_name: str,
    original: str,
    translation: str,
    *,
    bilingual: bool = True,
    order: str = ORIGINAL_FIRST,
) -> tuple[list[Cue], dict[str, str] | None]:
    """Translated cues as one file of ``format_name`` shows them, with the header that file needs (None: the
    caller's own): the translation alone, or both languages (ASS two styles, TTML a ``div`` a language, JSON each
    cue with its translation beside its text, any other format two lines a cue). The command line's ``translate``
    and ``transcribe --translate-to`` and the window's batch queue all write through this."""
    if not bilingual:
        return translation_cues(cues, translation), None
    if format_name == "json":  # a file for other tools: the translation stays a field of its cue
        return list(cues), None
    if format_name == "ass":
        return bilingual_ass(cues, order)
    if format_name == "ttml":
        return bilingual_ttml(cues, original, translation, order)
    return bilingual_cues(cues, order), None
