"""The language of each imported cue, guessed from its text.

The script decides first (app.core.language_guess.cue_script_language): kana is Japanese, Hangul Korean, Han
Chinese (Cantonese by its own characters), and a Chinese line with English words in it stays Chinese. Latin text
goes through Lingua (``lingua-language-detector``), a maintained detector made for short and mixed-language text:
on subtitle-length lines it is right where word lists and trigram detectors trained on long text guess (measured in
bench/bench_language_detect.py). It is restricted to the Latin-script languages Qwen3-ASR knows, in its low-accuracy
mode (trigrams only: tens of MB instead of half a GB, and about a tenth of the time; it misses only one-word lines,
which are then "unsure"), imported and loaded only when a Latin cue needs it, never on the UI thread.

A detector unsure between two languages gives way to the document's language: the majority of the cues' languages
(those already known and those guessed with confidence). Without Lingua the common-words guess is used.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Sequence
from typing import Any

from app.core.language_guess import LATIN, common_words_language, cue_script_languages
from app.core.languages import majority_language

# the languages of app.core.languages.SUPPORTED_LANGUAGES written in the Latin script, by Lingua's names
LATIN_LANGUAGES: dict[str, str] = {
    "ENGLISH": "English", "GERMAN": "German", "FRENCH": "French", "SPANISH": "Spanish", "PORTUGUESE": "Portuguese",
    "INDONESIAN": "Indonesian", "ITALIAN": "Italian", "VIETNAMESE": "Vietnamese", "TURKISH": "Turkish",
    "MALAY": "Malay", "DUTCH": "Dutch", "SWEDISH": "Swedish", "DANISH": "Danish", "FINNISH": "Finnish",
    "POLISH": "Polish", "CZECH": "Czech", "TAGALOG": "Filipino", "ROMANIAN": "Romanian", "HUNGARIAN": "Hungarian",
}  # fmt: skip
UNSURE_MARGIN = 0.25  # the best language's confidence must pass the second's by this much to count as sure
# Latin lines Lingua reads, spread over the file (about 0.4 s here; a feature film has 1,000 to 2,000 lines): the others
# take the document's language, so that a file of 600,000 cues is still read in seconds
MAX_DETECTED = 5_000
SAMPLED = 1_000  # in a file of more lines, a thousand spread over it: enough to tell the document's language
_LINES_PER_CALL = 256
MIN_WORDS = 3  # one or two words tell no language: Lingua gives "Okay." to Tagalog with 0.51, "Hello & bye" too

_WORD = re.compile(r"[^\W\d_]+")
_lock = threading.Lock()
_detector: Any = None  # Lingua's detector, built at first use; False when Lingua cannot be imported


def guess_cue_languages(texts: Sequence[str], known: Sequence[str] = ()) -> list[str]:
    """A language name for each text ("" where nothing tells). ``known`` holds languages already set (the file
    said so, the user did), "" elsewhere: those are kept, and they count towards the document's language."""
    result = list(known) if known else [""] * len(texts)
    open_ = [i for i, language in enumerate(result) if not language] if any(result) else range(len(texts))
    # what each text's script says: one call a text, in C where it can be (a file of 600,000 lines, issue 27)
    scripts = cue_script_languages([texts[i] for i in open_] if any(result) else texts)
    latin = [i for i, script in zip(open_, scripts, strict=True) if script == LATIN]
    kanji_only: list[int] = []  # Han without kana: Japanese in a Japanese document
    if len(latin) != len(scripts):
        for i, script in zip(open_, scripts, strict=True):
            if script != LATIN:
                result[i] = script
                if script == "Chinese":
                    kanji_only.append(i)
    read = latin
    if len(read) > MAX_DETECTED:  # a file of a million lines would take a minute: a sample, the rest are unsure
        sampled = min(SAMPLED, MAX_DETECTED)
        step = len(read) / sampled
        read = [read[int(k * step)] for k in range(sampled)]
    distinct = list(dict.fromkeys(texts[i].strip() for i in read))
    found = dict(zip(distinct, _detect(distinct), strict=True))
    nothing = ("", False)
    for i in read:
        best, sure = found.get(texts[i].strip(), nothing)
        if sure:
            result[i] = best
    document = majority_language(result)
    # the lines not sure or not read take it; "" when nothing in the file is sure: not known (the user sets it)
    if document:
        for i in latin:
            if not result[i]:
                result[i] = document
    if document == "Japanese":
        for i in kanji_only:
            result[i] = "Japanese"
    return result


# a translation is called another language's only when Lingua is this confident: a right answer flagged costs the
# user a look for nothing ("Où est la gare, s'il vous plaît ?" reads as English at 0.57 in the low-accuracy mode;
# English lines read as English at 0.92 or more in bench/bench_language_detect.py's lines)
WRONG_LANGUAGE_CONFIDENCE = 0.8
# languages so near that a short line of one reads as the other: a sure verdict between them is still no verdict
_TOO_NEAR: tuple[frozenset[str], ...] = (frozenset({"Indonesian", "Malay"}), frozenset({"Danish", "Swedish"}))


def in_other_language(texts: Sequence[str], target: str) -> list[bool]:
    """For each text meant to be in ``target`` (a Latin-script language Qwen3-ASR knows): True when it is surely
    in another one (an English answer for French). Lines of fewer than MIN_WORDS words, unsure ones, and a target
    this detector does not know are no verdict (False), and so is any detection under WRONG_LANGUAGE_CONFIDENCE.
    Slow on first use (Lingua loads): never on the UI thread."""
    if target not in LATIN_LANGUAGES.values():
        return [False] * len(texts)
    distinct = list(dict.fromkeys(t.strip() for t in texts if len(_WORD.findall(t)) >= MIN_WORDS))
    found = dict(zip(distinct, _confidences(distinct), strict=True))
    out = []
    for text in texts:
        best, value, second = found.get(text.strip(), ("", 0.0, 0.0))
        sure = value >= WRONG_LANGUAGE_CONFIDENCE and value - second >= UNSURE_MARGIN
        out.append(sure and best not in ("", target) and frozenset({best, target}) not in _TOO_NEAR)
    return out


def _detect(texts: list[str]) -> list[tuple[str, bool]]:
    """(best language, sure) for each Latin-script text."""
    return [
        (best, value - second >= UNSURE_MARGIN and len(_WORD.findall(text)) >= MIN_WORDS)
        for text, (best, value, second) in zip(texts, _confidences(texts), strict=True)
    ]


def _confidences(texts: list[str]) -> list[tuple[str, float, float]]:
    """(best language, its confidence, the second's) for each Latin-script text; ("", 0, 0) where none."""
    if not texts:
        return []
    detector = _lingua()
    if detector is None:
        return [(found, 1.0, 0.0) if (found := common_words_language(t)) else ("", 0.0, 0.0) for t in texts]
    out: list[tuple[str, float, float]] = []
    # a few hundred lines a call: Lingua holds the GIL while it works, and the window's thread must keep running
    answers = [
        values
        for at in range(0, len(texts), _LINES_PER_CALL)
        for values in detector.compute_language_confidence_values_in_parallel(texts[at : at + _LINES_PER_CALL])
    ]
    for values in answers:
        if not values or values[0].value <= 0:
            out.append(("", 0.0, 0.0))
            continue
        second = values[1].value if len(values) > 1 else 0.0
        out.append((LATIN_LANGUAGES.get(values[0].language.name, ""), values[0].value, second))
    return out


def _lingua() -> Any:
    global _detector
    with _lock:
        if _detector is None:
            try:
                from lingua import Language, LanguageDetectorBuilder
            except ImportError:
                _detector = False
            else:
                languages = [getattr(Language, name) for name in LATIN_LANGUAGES]
                # Lingua loads a language's models at its first use, all in one call, holding the GIL (0.1 s or more:
                # the window froze). Its model cache is shared by every detector, so the models are loaded here one
                # language at a time (about 20 ms each), the GIL free in between.
                for language in languages:
                    other = Language.ENGLISH if language != Language.ENGLISH else Language.GERMAN
                    pair = LanguageDetectorBuilder.from_languages(language, other).with_low_accuracy_mode().build()
                    pair.compute_language_confidence_values("warm")
                    time.sleep(0)
                _detector = LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode().build()
        return _detector or None
