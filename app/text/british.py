"""British spellings, made from the American dictionary pyspellchecker ships (it has one English dictionary).

Two sources, each where it is right:

* **Rules** for the regular classes, applied to every word of the dictionary: -ize/-ise and -yze/-yse with all their
  forms (organized -> organised, organization -> organisation, analyze -> analyse), and the doubled l before an ending
  (traveled -> travelled, modeling -> modelling). A rule runs only where it cannot take a right word apart: "size",
  "seize", "capsize", "prize" keep their z (the rule wants three letters before -ize and no s at their end).
* **A small list** (``app/resources/spelling/en_GB.txt``) of base words for the classes no rule can tell: -or/-our
  (color takes it, doctor does not), -er/-re (center, but not parameter), -og/-ogue, -ense/-ence and single words
  (gray/grey, tire/tyre). Their forms (colours, coloured, colourful, discoloured, centred) are made from the forms of
  the American word the dictionary holds, by a fixed set of endings ("-ous" is not one: humorous, vigorous stay).

The British dictionary is the American one with these added, so a word both spell alike stays right, and American
forms stay accepted too (Oxford spelling writes -ize; "program" and "check" are British in their own senses).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from importlib import resources

# endings whose British forms follow the base word's (-ous, -ary, -ation keep the American stem: humorous, honorary)
_ENDINGS = (
    "", "s", "ed", "ing", "ings", "er", "ers", "ful", "fully", "less", "able", "ably", "ite", "ites", "al", "ally",
    "hood", "hoods", "ly", "y", "ist", "ists", "ism", "isms", "ness", "ment", "ments",
)  # fmt: skip
# organ|ize|d; three letters or more before the z, the last not an s (size, seize, capsize, prize keep it)
_IZE = re.compile(r"^([a-z]{2,}[a-rt-z][iy])z(e|es|ed|ing|er|ers|ation|ations|able|ement|ements)$", re.M)
# trave|l|ed: a consonant and one vowel before the l, the base word itself in the dictionary
_SINGLE_L = re.compile(r"^([a-z]+[^aeiou\W][aeiou])l(ed|ing|er|ers)$", re.M)


def pairs() -> list[tuple[str, str]]:
    """The listed (American, British) base words."""
    text = (resources.files("app") / "resources" / "spelling" / "en_GB.txt").read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        parts = line.split()
        if len(parts) == 2 and not line.startswith("#"):
            out.append((parts[0], parts[1]))
    return out


def _joined(stem: str, ending: str) -> str:
    """centre + ed -> centred, catalogue + ing -> cataloguing, colour + ed -> coloured."""
    if stem.endswith("e") and ending[:1] in ("e", "i", "a"):
        return stem[:-1] + ending
    return stem + ending


def british_forms(words: Mapping[str, int], listed: Iterable[tuple[str, str]]) -> dict[str, str]:
    """British form -> the American word it was made from, for the forms ``words`` (lower case) lacks."""
    found: dict[str, str] = {}
    listed = list(listed)
    for us, gb in listed:
        for ending in _ENDINGS:
            source = _joined(us, ending) if us.endswith("e") else us + ending
            if source in words:
                found.setdefault(_joined(gb, ending), source)
    text = "\n".join(words)
    for m in _IZE.finditer(text):
        found.setdefault(f"{m.group(1)}s{m.group(2)}", m.group())
    for m in _SINGLE_L.finditer(text):
        if m.group(1) + "l" in words:
            found.setdefault(f"{m.group(1)}ll{m.group(2)}", m.group())
    return {form: source for form, source in found.items() if form not in words}
