"""A cheap guess at the language of subtitle text: the script first, then common short words.

Used to preset the language for aligning subtitles from elsewhere, so that the aligner is not left to detect it
from the first seconds of audio (music, silence, or another language spoken in the film). Names are spelled as
Qwen3-ASR spells them ("French", "Chinese"). A guess, never a verdict: the user sees it and can change it.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache
from itertools import accumulate
from operator import add

SAMPLE_CHARS = 20_000  # enough text to tell; a feature-length file has ten times more

# Short words frequent in speech and rare in the other languages of the list (lower case).
_COMMON_WORDS: dict[str, frozenset[str]] = {
    name: frozenset(words.split())
    for name, words in {
        "English": "the and you is that it to of what this are i me my your have not with be was he she we they",
        "French": "le la les et est vous je tu que qui pas ne une des du il elle nous mais pour avec ça suis c j l "
        "qu d n s m t au aux on oui non très",
        "German": "der die das und ist nicht ich du sie wir ein eine mit auf zu was ja es den dem ihr mich dich "
        "nein sehr auch",
        "Spanish": "el la los las y es que no de por para con una un qué está yo tú pero muy lo se te mi estoy bien sí",
        "Portuguese": "o a os as e é que não de um uma com para eu você está isso mas do da em no na sim muito",
        "Italian": "il la che non è di un una per sono ma io tu lo gli questo cosa con ho della sei mi ti sì",
        "Dutch": "de het een en is niet ik je van dat wat met op zijn maar we hij ze dit er heb",
        "Swedish": "och det är att jag inte en som på med du har vi för vad den han hon ett mig dig",
        "Danish": "og det er at jeg ikke en som på med du har vi for hvad den han hun et mig dig",
        "Finnish": "ja on ei se että mitä minä sinä hän me tämä oli kun mutta ole olen en sen",
        "Polish": "i nie to jest się w na że co jak tak ale mnie ty ja czy już tylko",
        "Czech": "a je to se na že v jsem co jak ale tak ne já ty mě jsi už",
        "Turkish": "bir ve bu ne da de için ben sen çok mi var yok değil ama o gibi",
        "Indonesian": "yang dan ini itu tidak saya kamu ada di ke dengan apa akan untuk aku",
        "Malay": "yang dan ini itu tak saya awak ada di ke dengan apa akan untuk boleh nak",
        "Vietnamese": "có không là và của tôi anh em này được người một cho những với",
        "Romanian": "și nu este în că de la pe un o ce eu tu mai sunt cu",
        "Hungarian": "a az és hogy nem egy is van ez meg de én te mi igen",
        "Filipino": "ang ng sa na mga ako ikaw hindi ka ko siya ito at po",
    }.items()
}
_WORD = re.compile(r"[^\W\d_]+")
_TAGS = r"<[^>\n]{1,40}>|\{\\[^}\n]*\}"
_TAG = re.compile(_TAGS)
_CANTONESE = set("嘅咗唔係佢冇嘢喺啲咁")
_PERSIAN = set("پچژگکی")
_MACEDONIAN = set("ѓќѕљњџј")
_SCRIPT_LANGUAGE = {
    "HANGUL": "Korean", "THAI": "Thai", "GREEK": "Greek", "DEVANAGARI": "Hindi", "ARABIC": "Arabic",
    "CYRILLIC": "Russian", "CJK": "Chinese", "HIRAGANA": "Japanese", "KATAKANA": "Japanese",
}  # fmt: skip
MIN_WORDS = 3  # common words needed before a Latin-script guess is made


def guess_language(texts: Iterable[str]) -> str | None:
    """The language the texts are most likely in, or None when there is too little to tell."""
    sample = _sample(texts)
    scripts = Counter(script for script in map(_script, filter(str.isalpha, sample)) if script is not None)
    if not scripts:
        return None
    if scripts["HIRAGANA"] + scripts["KATAKANA"] > 0.05 * sum(scripts.values()):
        return "Japanese"  # Japanese text mixes kana with kanji; Chinese has no kana
    script, _count = scripts.most_common(1)[0]
    if script == "LATIN":
        return _by_common_words(sample)
    language = _SCRIPT_LANGUAGE.get(script)
    if language == "Chinese" and any(ch in _CANTONESE for ch in sample):
        return "Cantonese"
    if language == "Arabic" and any(ch in _PERSIAN for ch in sample):
        return "Persian"
    if language == "Russian" and any(ch in _MACEDONIAN for ch in sample.lower()):
        return "Macedonian"
    return language


# a character whose script needs its name: past Latin Extended-B, or one of the three letters below it that are not
# Latin (ª, µ, º)
_NAMED = re.compile("[^\x00-\xa9\xab-\xb4\xb6-\xb9\xbb-\u024f]")
LATIN = "Latin"  # what cue_script_language says of text in the Latin script: a detector's matter


def cue_script_language(text: str) -> str:
    """What one cue's script says of its language: Kana -> Japanese, Hangul -> Korean, Han -> Chinese (Cantonese
    with its own characters), Thai, Greek...; :data:`LATIN` for Latin text (a detector must tell which), "" for
    text without letters. A line mixing Chinese with English words is Chinese: CJK decides before Latin."""
    if text.isascii():  # most subtitle lines: no need to name each character's script
        if "<" not in text and "{" not in text:  # no tags: it has letters when case changes it
            return LATIN if text.lower() != text.upper() else ""
        bare = _TAG.sub(" ", text)
        return LATIN if bare.lower() != bare.upper() else ""  # in ASCII, a letter is what case changes
    if _NAMED.search(text) is None:
        # Latin-1 and Latin Extended-A/B (French, German, Spanish, Polish lines...): every letter there is Latin
        # but ª, µ and º, so the text is Latin when it has a letter outside its tags
        bare = _TAG.sub(" ", text) if "<" in text or "{" in text else text
        return LATIN if any(map(str.isalpha, bare)) else ""
    # each letter's script, counted in C: a character's name is looked up once (French, German, Spanish lines are
    # not ASCII; a file of 600,000 of them spent 3 s naming letters one by one, issue 27)
    counts: Counter[str | None] = Counter(map(_script, filter(str.isalpha, _TAG.sub(" ", text))))
    counts.pop(None, None)
    if not counts:
        return ""
    if counts["HIRAGANA"] or counts["KATAKANA"]:
        return "Japanese"
    if counts["HANGUL"] >= counts["CJK"] and counts["HANGUL"]:
        return "Korean"
    if counts["CJK"]:
        return "Cantonese" if any(ch in _CANTONESE for ch in text) else "Chinese"
    script, _count = counts.most_common(1)[0]
    if script == "LATIN":
        return LATIN
    language = _SCRIPT_LANGUAGE.get(script or "", "")
    if language == "Arabic" and any(ch in _PERSIAN for ch in text):
        return "Persian"
    if language == "Russian" and any(ch in _MACEDONIAN for ch in text.lower()):
        return "Macedonian"
    return language


def cue_script_languages(texts: Sequence[str]) -> list[str]:
    """cue_script_language of each text, found for all the texts together: a file of a million Latin lines is
    searched in C a few times instead of being looked at line by line (issue 27, item 8). Texts holding a
    character past the Latin letters (or ª, µ, º) are told one by one, as cue_script_language tells them."""
    if len(texts) < _BULK_FROM:
        return list(map(cue_script_language, texts))
    # joined by a newline and a NUL: no tag of _TAG spans a newline, and no text holds a NUL (else: one by one)
    joined = _JOIN.join(texts)
    if joined.count("\x00") != len(texts) - 1:
        return list(map(cue_script_language, texts))
    result = [LATIN] * len(texts)
    beyond = _named_at(joined)
    if len(beyond) > len(texts) // 8:  # mostly another script (a Chinese file): each text alone
        return list(map(cue_script_language, texts))
    result[0] = cue_script_language(texts[0])  # the one text no NUL comes before
    position, number = -1, 0  # number: the NULs in joined[: position + 1], the texts after the first before it
    for match in _LETTERLESS.finditer(joined):  # texts without a letter outside their tags: few, as a rule
        number += joined.count("\x00", position + 1, match.start() + 1)
        position = match.start()
        result[number] = ""
    if not beyond:
        return result
    # where each text's separator ends in ``joined``: its length and those before, and a separator each
    ends = list(map(add, accumulate(map(len, texts)), range(len(_JOIN), len(_JOIN) * (len(texts) + 1), len(_JOIN))))
    for index in sorted({bisect_right(ends, at) for at in beyond}):
        result[index] = cue_script_language(texts[index])
    return result


def _named_at(joined: str) -> list[int]:
    """Where ``joined`` holds a character _NAMED finds, looked for in C the quickest way the text allows."""
    if joined.isascii():
        return []
    try:
        joined.encode("latin-1")  # no character past U+00FF: only ª, µ and º can be there
    except UnicodeEncodeError:
        return [match.start() for match in _NAMED.finditer(joined)]
    found = []
    for mark in "\xaa\xb5\xba":
        at = joined.find(mark)
        while at >= 0:
            found.append(at)
            at = joined.find(mark, at + 1)
    return found


_BULK_FROM = 64  # fewer texts are told one by one
_JOIN = "\n\x00"
# a text (after its NUL) with no letter below U+0250 outside its tags (Latin letters, ª µ º aside): at each character
# a tag where one starts, taken as _TAG.sub takes it (a lookahead's capture: never given back), else the character,
# if it is not a letter and starts no tag (Python 3.10 has no atomic groups)
_LETTERLESS = re.compile(f"\x00(?:(?=({_TAGS}))\\1|(?!{_TAGS})[^\x00A-Za-z\xc0-\xd6\xd8-\xf6\xf8-\u024f])*(?=\x00|\\Z)")


def common_words_language(text: str) -> str | None:
    """The Latin-script language whose common short words the text holds most of, None when too few tell."""
    return _by_common_words(_TAG.sub(" ", text))


def _sample(texts: Iterable[str]) -> str:
    parts: list[str] = []
    size = 0
    for text in texts:
        parts.append(_TAG.sub(" ", text))
        size += len(text)
        if size >= SAMPLE_CHARS:
            break
    return "\n".join(parts)


@lru_cache(maxsize=4096)
def _script(ch: str) -> str | None:
    try:
        first = unicodedata.name(ch).split(" ", 1)[0]
    except ValueError:
        return None
    return "CJK" if first in ("CJK", "IDEOGRAPHIC") else first


def _by_common_words(sample: str) -> str | None:
    words = Counter(word.lower() for word in _WORD.findall(sample))
    scores = {name: sum(words[w] for w in common) for name, common in _COMMON_WORDS.items()}
    ranked = sorted(scores.items(), key=lambda item: item[1], reverse=True)
    (best, score), (_second, runner_up) = ranked[0], ranked[1]
    if score < MIN_WORDS or score == runner_up:
        return None
    return best
