"""English (UK): the British spellings made from the American dictionary by rule and by the shipped list."""

from __future__ import annotations

import pytest

from app.text import spellcheck
from app.text.british import british_forms, pairs

BRITISH = "harbour colour organise organisation analyse travelled centred catalogued defenceless honourable favourite"
RIGHT_IN_BOTH = "size seize capsize prize doctor parameter humorous vigorous honorary dog receive"


@pytest.fixture(scope="module")
def dictionaries():
    return spellcheck.load("English"), spellcheck.load("en_GB")


def test_british_accepts_british_spellings_and_american_flags_them(dictionaries):
    us, gb = dictionaries
    assert gb.misspelled(BRITISH) == []
    assert [BRITISH[a:b] for a, b in us.misspelled(BRITISH)][:3] == ["harbour", "colour", "organise"]
    assert gb.code == "en_GB" and us.code == "en"


def test_the_rules_keep_their_hands_off_right_words(dictionaries):
    us, gb = dictionaries
    assert us.misspelled(RIGHT_IN_BOTH) == [] and gb.misspelled(RIGHT_IN_BOTH) == []
    wrong = "sise capsise doctour parametre humourous harbuor"
    flagged = [wrong[a:b] for a, b in gb.misspelled(wrong)]
    assert flagged == ["sise", "capsise", "doctour", "parametre", "humourous", "harbuor"]
    assert gb.suggestions("harbuor")[:1] == ["harbour"]


def test_forms_follow_the_dictionary():
    words = {"color": 5, "colors": 3, "colored": 2, "colorful": 1, "colorado": 9, "realize": 4, "capsize": 1}
    forms = british_forms(words, [("color", "colour")])
    assert forms == {
        "colour": "color", "colours": "colors", "coloured": "colored", "colourful": "colorful", "realise": "realize",
    }  # fmt: skip
    assert ("harbor", "harbour") in pairs() and ("center", "centre") in pairs()
