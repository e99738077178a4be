"""An answer in the wrong language, told by its script (the languages issue's rule for one cue,
:func:`app.core.language_guess.cue_script_language`): a line for Chinese written in Latin letters, a line for
French in Chinese characters. Such a translation is kept, flagged for review. Two languages of one script (English
for French) are told by a detector the caller passes in (:data:`OtherLanguage`: the window and the command line give
app.text.language_detect.in_other_language, Lingua; this package stands on the core alone); names, numbers ("OK",
"2024") and short lines are no verdict.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from app.core.language_guess import LATIN, cue_script_language
from app.core.languages import SUPPORTED_LANGUAGES, name_of

# the scripts a line in each non-Latin language may show; every other known language is written in Latin letters
_SCRIPTS: dict[str, frozenset[str]] = {
    "Chinese": frozenset({"Chinese", "Cantonese"}),
    "Cantonese": frozenset({"Chinese", "Cantonese"}),
    "Japanese": frozenset({"Japanese", "Chinese", "Cantonese"}),  # a line of kanji alone has no kana
    "Korean": frozenset({"Korean"}),
    "Russian": frozenset({"Russian", "Macedonian"}),
    "Macedonian": frozenset({"Russian", "Macedonian"}),
    "Greek": frozenset({"Greek"}),
    "Arabic": frozenset({"Arabic", "Persian"}),
    "Persian": frozenset({"Arabic", "Persian"}),
    "Thai": frozenset({"Thai"}),
    "Hindi": frozenset({"Hindi"}),
}


def in_wrong_script(translation: str, target: str) -> bool:
    """True when ``translation`` is plainly not written in ``target``'s script (False when unsure)."""
    name = name_of(target)
    if name not in SUPPORTED_LANGUAGES:
        return False  # a language this application does not know: nothing to check against
    found = cue_script_language(translation)
    if not found:
        return False  # no letters: numbers, punctuation
    if found == LATIN and not any(ch.isalpha() and ch.islower() for ch in translation):
        return False  # "OK", "NASA": an acronym or a name reads the same in any language
    return found not in _SCRIPTS.get(name, frozenset({LATIN}))


# (texts, target language) -> for each text, whether it is surely in another language of the target's script
OtherLanguage = Callable[[Sequence[str], str], list[bool]]


def in_wrong_language(texts: Sequence[str], target: str, other_language: OtherLanguage | None = None) -> list[bool]:
    """For each answer: in the wrong script, or (for a Latin-script target, with ``other_language``) surely in
    another language written as the target is."""
    wrong = [in_wrong_script(text, target) for text in texts]
    name = name_of(target)
    if other_language is None or name not in SUPPORTED_LANGUAGES or name in _SCRIPTS:
        return wrong
    rest = [i for i, bad in enumerate(wrong) if not bad]
    for i, bad in zip(rest, other_language([texts[i] for i in rest], name), strict=True):
        wrong[i] = bad
    return wrong
