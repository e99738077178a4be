"""Damaged local model folders: the error names the file and what is wrong, in one line, before anything loads.

Built on the tiny checkpoint (a real, complete folder), with one file damaged per case, as a disk error, an
editor or a half-finished copy leaves it. The damaged copies carry no tokenizer.json, so the tokenizer is built
from vocab.json and merges.txt, where random bytes used to be blamed on a missing protobuf library.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from app.asr.client.models import resolve_model, validate_model_dir
from app.core.errors import ModelError


def _edit_json(name: str, change: Callable[[dict], None]) -> Callable[[Path], None]:
    def damage(folder: Path) -> None:
        data = json.loads((folder / name).read_text(encoding="utf-8"))
        change(data)
        (folder / name).write_text(json.dumps(data), encoding="utf-8")

    return damage


def _random_merges(folder: Path) -> None:
    (folder / "merges.txt").write_bytes(bytes(range(256)) * 4 + os.urandom(1000))


def _unpaired_merges(folder: Path) -> None:
    lines = (folder / "merges.txt").read_text(encoding="utf-8").splitlines()
    lines[3] = lines[3].replace(" ", "")
    (folder / "merges.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _vocab_id_as_text(vocab: dict) -> None:
    token = next(iter(vocab))
    vocab[token] = "seven"


DAMAGE = {
    "thinker_config_is_a_number": (_edit_json("config.json", lambda c: c.update(thinker_config=5)),
                                   r"config\.json is damaged \(thinker_config is 5, expected an object\)"),
    "audio_config_is_a_list": (_edit_json("config.json", lambda c: c["thinker_config"].update(audio_config=[1])),
                               r"config\.json is damaged \(thinker_config\.audio_config is \[1\]"),
    "merges_random_bytes": (_random_merges, r"merges\.txt is damaged \(not UTF-8 text at byte \d+\)"),
    "merges_line_not_a_pair": (_unpaired_merges, r"merges\.txt is damaged \(line 4 is not a pair of tokens\)"),
    "vocab_id_not_a_number": (_edit_json("vocab.json", _vocab_id_as_text),
                              r"vocab\.json is damaged \(the id of token .* is \"seven\""),
    "preprocessor_rate_as_text": (_edit_json("preprocessor_config.json", lambda p: p.update(sampling_rate="16k")),
                                  r"preprocessor_config\.json is damaged \(sampling_rate is \"16k\""),
    "tokenizer_config_list": (lambda f: (f / "tokenizer_config.json").write_text("[1, 2]"),
                              r"tokenizer_config\.json is damaged \(a JSON list, not an object\)"),
}  # fmt: skip


@pytest.fixture()
def copy_of_tiny(tiny_models, tmp_path: Path) -> Path:
    folder = tmp_path / "model"
    shutil.copytree(tiny_models.recognizer, folder)
    (folder / "tokenizer.json").unlink(missing_ok=True)
    return folder


def test_the_tiny_checkpoint_itself_passes(tiny_models) -> None:
    assert validate_model_dir(tiny_models.recognizer, "recognizer") == tiny_models.recognizer
    assert validate_model_dir(tiny_models.aligner, "aligner") == tiny_models.aligner


@pytest.mark.parametrize("case", sorted(DAMAGE))
def test_a_damaged_file_is_named_in_one_line(copy_of_tiny: Path, case: str) -> None:
    damage, expected = DAMAGE[case]
    damage(copy_of_tiny)
    with pytest.raises(ModelError, match=expected) as info:
        resolve_model(str(copy_of_tiny), "recognizer", download=False)
    message = str(info.value)
    assert "\n" not in message and "protobuf" not in message


@pytest.mark.parametrize("case", ["thinker_config_is_a_number", "merges_random_bytes"])
def test_the_engine_reports_the_damaged_file_before_loading(copy_of_tiny: Path, tiny_models, case: str) -> None:
    """What the window and the CLI hit: the engine's load, which used to fail deep inside transformers."""
    from app.asr.runtime.engine import Engine, EngineOptions

    damage, expected = DAMAGE[case]
    damage(copy_of_tiny)
    engine = Engine(EngineOptions(model=str(copy_of_tiny), aligner=str(tiny_models.aligner), device="cpu",
                                  idle_unload_s=0, download=False))  # fmt: skip
    try:
        with pytest.raises(ModelError, match=expected):
            engine.recognizer()
    finally:
        engine.unload()
