"""``bench/bench_asr.py package`` compares like with like: qwen-asr's aligner times the same words as ours (a random
checkpoint's own transcript is empty or junk, and the package skips alignment for empty text), and the bench fails
when either side timed no word."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import numpy as np
import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"


def _bench_module(name: str):
    spec = importlib.util.spec_from_file_location(f"qss_bench_{name}", BENCH / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_a_side_with_no_word_fails_the_bench():
    bench = _bench_module("asr_package")
    assert bench.word_counts(73, 73) == "aligned words: ours 73, qwen-asr 73"
    for ours, theirs in ((0, 73), (73, 0)):
        with pytest.raises(SystemExit) as failed:
            bench.word_counts(ours, theirs)
        assert failed.value.code and "not comparable" in str(failed.value.code)


@pytest.mark.filterwarnings("ignore")
def test_the_package_aligns_the_words_it_is_given(tiny_models):
    """The real package on the tiny checkpoints: its recognition still runs (generate is called), and its aligner
    times exactly the words handed over, where on its own it aligns whatever its random transcript holds."""
    torch = pytest.importorskip("torch")
    from qwen_asr import Qwen3ASRModel

    bench = _bench_module("asr_package")
    model = Qwen3ASRModel.from_pretrained(
        str(tiny_models.recognizer), dtype=torch.float32, device_map="cpu", max_new_tokens=6,
        forced_aligner=str(tiny_models.aligner), forced_aligner_kwargs={"dtype": torch.float32, "device_map": "cpu"},
    )  # fmt: skip
    wav = (0.1 * np.random.default_rng(0).standard_normal(16000 * 4)).astype(np.float32)
    text = "hello everyone and welcome back to the show today"
    generated = []
    generate = model.model.generate
    model.model.generate = lambda *a, **k: generated.append(1) or generate(*a, **k)
    (alone,) = model.transcribe((wav, 16000), language="English", return_time_stamps=True)
    bench.feed_text(model, text)
    (fed,) = model.transcribe((wav, 16000), language="English", return_time_stamps=True)
    assert len(generated) == 2  # recognition ran both times
    assert fed.text == text
    assert [item.text for item in fed.time_stamps.items] == text.split()
    assert alone.text != text
