"""The cheap language guess that presets the language of Align Whole File."""

from __future__ import annotations

import pytest

from app.core.language_guess import guess_language

SAMPLES = {
    "French": ["Je ne sais pas ce que tu veux.", "C'est très bien, merci.", "Il est parti avec elle."],
    "English": ["I don't know what you want.", "That is very good, thank you.", "He left with her."],
    "German": ["Ich weiß nicht, was du willst.", "Das ist sehr gut, danke.", "Er ist mit ihr gegangen."],
    "Spanish": ["No sé lo que quieres.", "Está muy bien, gracias.", "Se fue con ella y con los niños."],
    "Italian": ["Non so che cosa vuoi.", "Questo è molto bello, grazie.", "Sono andato con lui per il pane."],
    "Portuguese": ["Eu não sei o que você quer.", "Isso está muito bom.", "Ele foi com a mãe para o mar."],
    "Russian": ["Я не знаю, чего ты хочешь.", "Это очень хорошо, спасибо."],
    "Chinese": ["我不知道你想要什么。", "这个很好，谢谢。"],
    "Cantonese": ["我唔知你想要乜嘢。", "佢今日冇嚟。"],
    "Japanese": ["あなたが何を欲しいのか分かりません。", "とても良いです、ありがとう。"],
    "Korean": ["나는 당신이 무엇을 원하는지 모르겠어요.", "아주 좋아요, 고마워요."],
    "Thai": ["ฉันไม่รู้ว่าคุณต้องการอะไร", "ดีมาก ขอบคุณ"],
    "Arabic": ["لا أعرف ماذا تريد.", "هذا جيد جدا، شكرا."],
}


@pytest.mark.parametrize("language", sorted(SAMPLES))
def test_a_few_lines_are_enough(language):
    assert guess_language(SAMPLES[language]) == language


def test_tags_and_names_do_not_count_and_too_little_text_is_no_guess():
    assert guess_language(["<i>Paris</i>", "{\\an8}Marie!"]) is None
    assert guess_language([]) is None
    assert guess_language(["♪ ♪", "123"]) is None
    assert guess_language(["<i>Je ne sais pas.</i>", "{\\an8}Mais tu es là, c'est bien."]) == "French"


def test_latin_lines_beyond_ascii_are_told_as_each_letter_would_tell_them():
    """French, German, Polish lines take a fast way (every letter below U+0250 is Latin but ª, µ and º): each
    character there, alone, in tags, or beside ASCII, is told as its Unicode name says (issue 27)."""
    import unicodedata

    from app.core.language_guess import LATIN, cue_script_language

    for code in range(0x80, 0x250):
        char = chr(code)
        expected = LATIN if char.isalpha() and unicodedata.name(char).startswith("LATIN") else ""
        assert cue_script_language(char) == expected, hex(code)
        assert cue_script_language(f"<i>{char}</i> 1") == expected, hex(code)
        assert cue_script_language(f"ab {char}") == LATIN
    assert cue_script_language("{\\an8}ª µ º") == ""
    assert cue_script_language("Grüße aus Köln") == cue_script_language("Ça va très bien") == LATIN
    assert cue_script_language("Łódź, ŻÓŁW") == LATIN and cue_script_language("« — »") == ""


def test_the_texts_of_a_file_are_told_together_as_each_alone():
    """cue_script_languages (a file's texts at once, searched in C) gives what cue_script_language gives each text:
    random texts of letters, marks, tags, CJK, kana, Hangul, symbols and the characters at the edges of the fast
    way (ª µ º, U+024F, U+0250), in files of few and many texts, letterless ones anywhere (issue 27, item 8)."""
    import random

    from app.core.language_guess import cue_script_language, cue_script_languages

    # tags crossing tags ("<{\\a>b}") are taken as _TAG.sub takes them
    pieces = [*"abXZ  \n.,!?-123<>{}\\/", "<i>", "</i>", "{\\an8}", "{\\i1}", "é", "ß", "ª", "µ", "º", "²", "×",
              "中", "ア", "한", "♪", "α", "д", "\u024f", "\u0250", "\t", "<font color=red>", "...",
              "<{\\a>", "b}", "<x{\\y>"]  # fmt: skip
    rng = random.Random(27)
    for trial in range(400):
        count = rng.choice([1, 63, 64, 65, 300])
        if trial % 2:  # mostly Latin lines, a few of anything at random places
            texts = [rng.choice(["line of text", "Grüße", "<i>ça va</i>", ""]) for _ in range(count)]
            for at in rng.sample(range(count), min(count, 4)):
                texts[at] = "".join(rng.choices(pieces, k=rng.randint(0, 4)))
        else:
            texts = ["".join(rng.choices(pieces, k=rng.randint(0, 10))) for _ in range(count)]
        if trial % 40 == 0:
            texts[rng.randrange(count)] += "\x00"  # a NUL: the texts are told one by one
        assert cue_script_languages(texts) == list(map(cue_script_language, texts)), texts
    assert cue_script_languages(["<{\\a>b}", "<i>...</i>", "{\\an8}<b>"] * 30) == ["Latin", "", ""] * 30
