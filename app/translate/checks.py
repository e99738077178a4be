"""An answer in the wrong language, told by its script (the languages issue's rule for one cue,
:func:`app.core.language_guess.cue_script_language`): a line for Chinese written in Latin letters, a line for
French in Chinese characters. Such a translation is kept, flagged for review. Two languages of one script (English
for French) are left to a detector the window has (app.text); names and numbers ("OK", "2024") are no verdict.
"""

from __future__ import annotations

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
