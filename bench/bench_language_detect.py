"""The language of 10,000 imported cues: time, memory and how often each guess is right.

    python bench/bench_language_detect.py [--cues 10000] [--mode low|high]

Cues are short subtitle lines in seven Latin-script languages, one-word lines ("Okay.", "Vale.") among them, plus
Chinese, mixed Chinese-English, Japanese and Korean lines. Each file holds one language; the figure is the share of
cues given their file's language. Three guessers: the common-words guess of app.core.language_guess per cue (what
the project had), Lingua alone (its best language for each cue, no document rule), and
app.text.language_detect.guess_cue_languages (script first, Lingua for Latin text, the document's language where
Lingua is unsure), which the product uses. Lingua's time includes loading its models (the first call); the
product's guesser runs first, in a process that has not loaded them yet.
"""

from __future__ import annotations

import argparse
import random
import time

import psutil

LINES = {
    "English": ["I don't know what you mean.", "Where are we going tonight?", "Okay.", "Thank you so much for coming.",
                "He said he'd be back by noon.", "Yes.", "Let's get out of here before they see us."],
    "French": ["Je ne sais pas ce que tu veux dire.", "On y va ce soir ?", "Merci beaucoup d'être venu.",
               "Il a dit qu'il reviendrait à midi.", "D'accord.", "Oui.", "Partons avant qu'ils nous voient."],
    "German": ["Ich weiß nicht, was du meinst.", "Wohin gehen wir heute Abend?", "Vielen Dank, dass du gekommen bist.",
               "Er sagte, er sei mittags zurück.", "Alles klar.", "Ja.", "Lass uns gehen, bevor sie uns sehen."],
    "Spanish": ["No sé lo que quieres decir.", "¿Adónde vamos esta noche?", "Muchas gracias por venir.",
                "Dijo que volvería al mediodía.", "Vale.", "Sí.", "Vámonos antes de que nos vean."],
    "Italian": ["Non so cosa vuoi dire.", "Dove andiamo stasera?", "Grazie mille per essere venuto.",
                "Ha detto che sarebbe tornato a mezzogiorno.", "Va bene.", "Sì.", "Andiamo prima che ci vedano."],
    "Dutch": ["Ik weet niet wat je bedoelt.", "Waar gaan we vanavond heen?", "Heel erg bedankt voor je komst.",
              "Hij zei dat hij om twaalf uur terug zou zijn.", "Oké.", "Ja.", "Laten we gaan voordat ze ons zien."],
    "Portuguese": ["Não sei o que você quer dizer.", "Aonde vamos hoje à noite?", "Muito obrigado por ter vindo.",
                   "Ele disse que voltaria ao meio-dia.", "Tudo bem.", "Sim.", "Vamos antes que nos vejam."],
    "Chinese": ["我不知道你是什么意思。", "我们今晚去哪儿？", "我们去 Starbucks 吧", "好的。", "他说他中午回来。"],
    "Japanese": ["何を言っているのか分かりません。", "今夜はどこへ行くの？", "東京", "ありがとう。"],
    "Korean": ["무슨 말인지 모르겠어요.", "오늘 밤 어디 가요?", "고마워요."],
}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cues", type=int, default=10_000)
    parser.add_argument("--mode", choices=("low", "high"), default="low", help="Lingua's accuracy mode (alone)")
    args = parser.parse_args()
    rng = random.Random(1)
    per_file = args.cues // len(LINES)
    # every cue its own text (a number after it), so that no guesser gains from repeated lines
    files = {name: [f"{rng.choice(lines)} {i}" for i in range(per_file)] for name, lines in LINES.items()}
    total = sum(len(texts) for texts in files.values())
    proc = psutil.Process()

    from app.core.language_guess import common_words_language, cue_script_language

    t = time.perf_counter()
    right = 0
    for name, texts in files.items():
        for text in texts:
            script = cue_script_language(text)
            right += (common_words_language(text) if script == "Latin" else script) == name
    print(f"common words per cue:   {time.perf_counter() - t:6.2f} s   right {right / total:6.1%}")

    from app.text import language_detect

    rss = proc.memory_info().rss
    t = time.perf_counter()
    right = 0
    for name, texts in files.items():
        right += sum(g == name for g in language_detect.guess_cue_languages(texts))
    grew = (proc.memory_info().rss - rss) / 2**20
    print(f"guess_cue_languages:    {time.perf_counter() - t:6.2f} s   right {right / total:6.1%}   "
          f"memory +{grew:.0f} MB   ({total} cues)")  # fmt: skip

    from lingua import Language, LanguageDetectorBuilder

    from app.text.language_detect import LATIN_LANGUAGES

    rss = proc.memory_info().rss
    builder = LanguageDetectorBuilder.from_languages(*[getattr(Language, n) for n in LATIN_LANGUAGES])
    detector = (builder.with_low_accuracy_mode() if args.mode == "low" else builder).build()
    names = {getattr(Language, n): v for n, v in LATIN_LANGUAGES.items()}
    t = time.perf_counter()
    right = latin = 0
    for name, texts in files.items():
        found = detector.detect_languages_in_parallel_of(texts)
        right += sum(names.get(f) == name for f in found if f is not None)
        latin += len(texts) if name in LATIN_LANGUAGES.values() else 0
    grew = (proc.memory_info().rss - rss) / 2**20
    print(f"Lingua ({args.mode}) alone:     {time.perf_counter() - t:6.2f} s   right {right / latin:6.1%} "
          f"of the Latin cues   memory +{grew:.0f} MB")  # fmt: skip


if __name__ == "__main__":
    main()
